"""What counts as formatting: the normal form two texts are compared in, with a map back to the original offsets.

Why a mapped normal form: the issue asks that whitespace, punctuation width, line breaks and OCR spaces (`2025 年`) be
counted, never listed. Rather than ignore such differences case by case, every comparison in the diff runs on a normal
form in which they do not exist — whitespace removed, compatibility forms folded by NFKC (full-width `，（）：；．０-９Ａ-Ｚ`
become their ASCII forms), curly quotes made straight — and each normal-form character remembers the offset of the
original character it came from, so that a word-level edit found in the normal form can be shown, cited and spanned in
the canonical text. A difference is "formatting only" exactly when the two normal forms are equal.

Deliberately *not* folded: `、` vs `，`, `—` vs `-`, `。` vs `.` — those change how a list or a range reads, so they are
wording, not width.

Page furniture is formatting too: text taken from a PDF keeps the page numbers printed in the footer on lines of their
own (`— 26 —`, `- 3 -`, `第3页`, `共12页第2页`); when two versions paginate differently they fall inside different items,
and they say nothing about the plan. Such lines are dropped from the normal form. A bare number on its own line is kept:
it may be a table cell.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["norm_char", "normalize", "normalize_with_map", "same_but_formatting"]

_EXTRA = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"', "\u00b7": "·"}


_D = r"[—–\-－―‒]"
_FOOTER_LINE = re.compile(
    rf"(?m)^[ \t\u3000]*(?:{_D}{{1,3}}[ \t\u3000]*\d{{1,4}}[ \t\u3000]*{_D}{{1,3}}"
    r"|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|共[ \t]*\d{1,4}[ \t]*页[ \t]*[,，/]?[ \t]*第[ \t]*\d{1,4}[ \t]*页)[ \t\u3000]*$")


def _footers(text: str) -> list[tuple[int, int]]:
    """[s, e) of every page-number line (see module docstring)."""
    if "页" not in text and not re.search(_D, text):
        return []
    return [m.span() for m in _FOOTER_LINE.finditer(text)]


@lru_cache(maxsize=4096)
def norm_char(ch: str) -> str:
    """The normal form of one character ('' for whitespace and zero-width characters)."""
    if ch.isspace() or ch in "\u200b\u200c\u200d\ufeff":
        return ""
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_EXTRA.get(c, c) for c in out if not c.isspace())


def normalize(text: str) -> str:
    """Normal form of a text (see module docstring)."""
    footers = _footers(text)
    if footers:
        return normalize_with_map(text)[0]
    return "".join(norm_char(c) for c in text)


def normalize_with_map(text: str, base: int = 0) -> tuple[str, list[int]]:
    """Normal form plus, for each of its characters, the offset (+ base) of the original character it came from."""
    chars: list[str] = []
    index: list[int] = []
    footers = _footers(text)
    k = 0
    for i, ch in enumerate(text):
        while k < len(footers) and footers[k][1] <= i:
            k += 1
        if k < len(footers) and footers[k][0] <= i:
            continue  # page furniture
        n = norm_char(ch)
        for c in n:
            chars.append(c)
            index.append(base + i)
    return "".join(chars), index


def same_but_formatting(a: str, b: str) -> bool:
    """True when a and b differ at most in formatting (equal normal forms)."""
    return a == b or normalize(a) == normalize(b)
