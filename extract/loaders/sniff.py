"""Recognise a file's real format from its first bytes.

Why: users rename files, download `.shtml` pages, save attachments without a suffix, and sometimes pick a scanned
image or a zip by mistake. The suffix chooses the loader when it is known; the content decides when it is not, and it
also lets a loader refuse, with a precise message, bytes that are plainly something else (a PNG named `.txt` must not
be "decoded" into mojibake).
"""
from __future__ import annotations

import io
import zipfile

# kind → Chinese name used in messages
KIND_NAMES: dict[str, str] = {
    "pdf": "PDF 文件",
    "docx": "Word 文档（.docx）",
    "doc": "旧版 Word 文档（.doc）或其他 OLE 复合文档",
    "ofd": "OFD 版式文件",
    "xlsx": "Excel 表格（.xlsx）",
    "pptx": "PowerPoint 演示文稿（.pptx）",
    "zip": "ZIP 压缩包",
    "png": "PNG 图片",
    "jpeg": "JPEG 图片",
    "gif": "GIF 图片",
    "tiff": "TIFF 图片",
    "webp": "WebP 图片",
    "bmp": "BMP 图片",
    "gzip": "gzip 压缩文件",
    "7z": "7z 压缩包",
    "rar": "RAR 压缩包",
    "elf": "可执行程序",
    "html": "网页（HTML）",
}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"\x7fELF", "elf"),
)


def sniff(raw: bytes) -> str | None:
    """The kind of `raw` ("pdf", "docx", "html", "png", "zip", … — keys of KIND_NAMES), or None for "maybe text".

    Only signatures that plain text cannot plausibly start with are trusted; anything else is left to the text
    decoder, which has its own checks for binary content.
    """
    head = raw[:1024]
    # PDF readers accept the header anywhere in the first KB (some generators prepend junk); so do we.
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(raw)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM") and len(raw) > 26 and head[6:10] == b"\x00\x00\x00\x00":
        return "bmp"  # BMP: reserved bytes are zero, which no text file has at offset 6
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if _looks_like_html(head):
        return "html"
    return None


def _zip_kind(raw: bytes) -> str:
    """A zip is an Office/OFD container when it holds that format's main part; otherwise it is just a zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"


def _looks_like_html(head: bytes) -> bool:
    """`<html` or an HTML doctype near the start, in any ASCII-compatible encoding (UTF-16 pages are not sniffed)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<!doctype html") or text.startswith(b"<html"):
        return True
    # comments or an XML declaration may come first; still insist on a tag near the top
    return b"<html" in text[:512] and text.startswith(b"<")


def kind_name(kind: str) -> str:
    """Chinese name of a sniffed kind, for messages."""
    return KIND_NAMES.get(kind, kind)
