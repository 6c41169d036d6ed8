"""File → canonical text. One loader per format, registered by name and file suffix (see registry.py).

Contract: for .txt the canonical text is the decoded file with a leading BOM removed and CRLF → LF; nothing else
changes. Other formats produce plain text with one paragraph per line (table rows: one line, cells TAB-separated),
ending in a newline. Every loader raises InputError (one-line, Chinese, says what to do) for input it cannot read.

Choosing a loader: a registered suffix decides; for any other suffix (or none) the content is sniffed — PDF header,
a zip holding word/document.xml, `<html` — and anything else is tried as text.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from . import plaintext, word, pdf, webpage  # noqa: F401  (importing registers the loaders, in this order)
from .registry import Loader, get_loader, loader_for_suffix, registered, supported_suffixes
from .sniff import kind_name, sniff

__all__ = ["LoadedText", "load_text", "load_bytes", "supported_suffixes", "registered", "Loader"]


@dataclass
class LoadedText:
    text: str
    source: str  # the path (or upload name) as given
    sha256: str  # of the file's bytes
    encoding: str  # txt/html: the charset used ("utf-8", "utf-8-sig", "gb18030", "utf-16"); else "docx" | "pdf"
    format: str  # "txt" | "docx" | "pdf" | "html"
    warnings: list[str] = field(default_factory=list)  # one-line Chinese notes (e.g. PDF pages without text layer)


def load_text(path: str | Path) -> LoadedText:
    """Read the file at `path` and return its canonical text; InputError for anything a user must fix."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"找不到文件：{path}，请检查路径是否正确")
    if p.is_dir():
        raise InputError(f"{path} 是文件夹而不是文件，请指定一个方案文件（{'、'.join(supported_suffixes())}）")
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"无法读取文件 {path}（{e.strerror or type(e).__name__}），请检查文件权限后重试")
    return load_bytes(raw, str(path))


def load_bytes(raw: bytes, name: str) -> LoadedText:
    """Canonical text of file content `raw`; `name` (a path or upload file name) picks the loader by its suffix and
    is echoed in messages. For uploads (the app) where there is no path on disk."""
    loader = loader_for_suffix(Path(name).suffix) or _sniffed_loader(raw, name)
    decoded = loader.load(raw, Path(name).name or name)
    return LoadedText(decoded.text, name, hashlib.sha256(raw).hexdigest(), decoded.encoding, loader.name,
                      list(decoded.warnings))


def _sniffed_loader(raw: bytes, name: str) -> Loader:
    kind = sniff(raw)
    if kind is None:
        return get_loader("txt")
    if kind in registered():
        return get_loader(kind)
    suffixes = "、".join(supported_suffixes())
    raise InputError(f"不支持的文件格式：{Path(name).name or name} 是{kind_name(kind)}，请提供 {suffixes} 格式的方案文件")
