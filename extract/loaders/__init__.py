"""File → canonical text. One loader per format, registered by file suffix.

Contract: for .txt the canonical text is the decoded file with a leading BOM removed and CRLF → LF; nothing else
changes. Other formats produce plain text with one paragraph per line. Every loader raises InputError (one-line,
Chinese, says what to do) for input it cannot read.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass
class LoadedText:
    text: str
    source: str  # the path as given
    sha256: str  # of the file's bytes
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "docx", "pdf", "html"
    format: str  # "txt" | "docx" | "pdf" | "html"


def load_text(path: str | Path) -> LoadedText:
    """Placeholder until the loaders land: UTF-8 .txt only."""
    p = Path(path)
    raw = p.read_bytes()
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    return LoadedText(text, str(path), hashlib.sha256(raw).hexdigest(), "utf-8", "txt")
