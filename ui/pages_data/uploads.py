"""Uploaded files: checked for size and type before anything reads them, saved under their own (sanitised) name.

Why here and not only in Streamlit's uploader: the uploader's `type=` filter looks at the extension the browser sends
and `server.maxUploadSize` is global, so the app checks again — size, extension, and that the bytes look like the
format they claim (a .docx is a zip, a .pdf starts with %PDF, a .txt/.html decodes as text) — and answers bad input
with one Chinese sentence instead of a parser's traceback. The file is saved under its original base name because the
document id is derived from the file name (`extract.docmeta.doc_id_from_path`), as on the command line.
"""
from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path

from extract.errors import InputError

__all__ = ["DOC_TYPES", "SHEET_TYPES", "MAX_DOC_BYTES", "MAX_SHEET_BYTES", "check_upload", "save_upload", "safe_name"]

DOC_TYPES = ("txt", "docx", "pdf", "html", "htm")
SHEET_TYPES = ("xlsx",)
MAX_DOC_BYTES = 10 * 1024 * 1024
MAX_SHEET_BYTES = 5 * 1024 * 1024

_ZIP = b"PK\x03\x04"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_upload(name: str, data: bytes, allowed: tuple[str, ...] = DOC_TYPES, limit: int = MAX_DOC_BYTES) -> str:
    """The file's lower-case extension when `data` is an acceptable upload; InputError (one Chinese line) otherwise."""
    ext = Path(name or "").suffix.lower().lstrip(".")
    if ext not in allowed:
        raise InputError(f"不支持的文件类型“{ext or '无扩展名'}”（{name}）；请上传 {'、'.join('.' + a for a in allowed)} 文件")
    if not data:
        raise InputError(f"文件 {name} 是空的；请检查后重新上传")
    if len(data) > limit:
        raise InputError(f"文件 {name} 大小 {len(data) / 1024 / 1024:.1f} MB，超过上限 {_mb(limit)}；请拆分或压缩后再上传")
    if ext in ("docx", "xlsx") and not data.startswith(_ZIP):
        raise InputError(f"文件 {name} 不是有效的 .{ext} 文件（内容不是 Office Open XML 压缩包）；请用 Word/Excel 另存后再上传")
    if ext == "pdf" and not data.lstrip()[:5] == b"%PDF-":
        raise InputError(f"文件 {name} 不是有效的 PDF 文件；请检查后重新上传")
    if ext in ("txt", "html", "htm") and (b"\x00" in data[:4096] or data.startswith(_ZIP) or data.startswith(b"%PDF")):
        raise InputError(f"文件 {name} 看起来不是文本文件；请上传 UTF-8 或 GB18030 编码的 .{ext} 文件")
    return ext


def safe_name(name: str) -> str:
    """A base name safe to create in a temporary directory: no directories, no control characters, at most 120
    characters; the extension is kept (it selects the loader)."""
    base = unicodedata.normalize("NFKC", Path(name.replace("\\", "/")).name)
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[\x00-\x1f/\\:*?\"<>|]+", "_", stem).strip(" .") or "document"
    return stem[:120] + suffix


def save_upload(name: str, data: bytes, allowed: tuple[str, ...] = DOC_TYPES, limit: int = MAX_DOC_BYTES,
                directory: str | None = None) -> Path:
    """Check the upload and write it to a fresh temporary directory (or `directory`) under its safe name."""
    check_upload(name, data, allowed, limit)
    folder = Path(directory) if directory else Path(tempfile.mkdtemp(prefix="policykg-upload-"))
    path = folder / safe_name(name)
    path.write_bytes(data)
    return path
