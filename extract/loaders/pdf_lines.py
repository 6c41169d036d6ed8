"""pdfplumber characters → visual text lines with geometry.

Why our own line assembly rather than `page.extract_text_lines()`: pdfplumber clusters characters by the top of their
glyph boxes, and some fonts report boxes far from the baseline. In 108.pdf the full-width digits of a 方正 font sit
10 pt lower than the hanzi of the same line, so `青政〔２０２１〕３６号` is split into two lines (`青政 〔 〕 号`
and `２０２１ ３６`). Every glyph's text matrix, however, carries its true baseline; grouping by baseline puts each
character back on its line.

Spacing: between two CJK characters (hanzi, CJK or full-width punctuation, full-width digits) a space is written only
where the text layer has a space character (`第一章 基本形势`) or the gap is wide enough to be a column or cell
boundary; letter-spacing (`广 西 壮 族` in a letterhead) and justification are layout, not text. Next to Latin letters or ASCII digits a space is kept where the PDF has
a space character; the ¼-em "autospace" that WPS and Word insert between hanzi and digits is typography, not text, so
`到2025年` comes out as the author typed it. A space *character* is kept (OCR layers write `2025 年`, and the
extractor copes with that).
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .charclass import is_cjk

Char = dict[str, Any]  # a pdfplumber char object

CELL_GAP_EM = 1.5  # a gap of this many font sizes between CJK glyphs is a column boundary → one space
MIXED_GAP_EM = 0.5  # between CJK and Latin/ASCII: wider than typographic autospace (¼ em) → a real space
WORD_GAP_EM = 0.15  # between two Latin/ASCII glyphs: a word space


@dataclass
class Line:
    """One visual line of one page, in reading order within the page (top to bottom)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float  # top-down, same axis as `top`
    size: float  # median font size of the line's glyphs
    page: int  # 0-based page index
    page_width: float
    page_height: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


def baseline_of(ch: Char) -> float:
    """The glyph's baseline in top-down page coordinates.

    For an upright, unrotated glyph the text matrix's `f` is the baseline in PDF space, and pdfplumber's `bottom` and
    `y0` describe the same box edge in the two vertical systems, so `bottom + y0 - f` converts without knowing the
    page's crop offsets. Rotated or skewed glyphs fall back to `bottom`.
    """
    m = ch.get("matrix")
    if m and m[1] == 0 and m[2] == 0 and m[0] > 0 and m[3] > 0:
        return float(ch["bottom"] + ch["y0"] - m[5])
    return float(ch["bottom"])


def chars_to_lines(chars: Iterable[Char], page: int, page_width: float, page_height: float,
                   fix: Callable[[str], str] = lambda s: s) -> list[Line]:
    """Group a page's upright characters into lines by baseline, left to right, top to bottom.

    `fix` is applied to each glyph's text before spacing decisions (the 方正 repair, so `ꎬ` counts as CJK).
    Vertical or rotated text (upright == False) is skipped: official plans do not carry content that way, and mixing it
    in would scramble the lines it crosses.
    """
    items = [(baseline_of(c), c) for c in chars if c.get("upright", True) and c.get("text")]
    if not items:
        return []
    items.sort(key=lambda t: (t[0], t[1]["x0"]))
    groups: list[list[Char]] = []
    ref: float | None = None
    for base, c in items:
        tol = 0.3 * max(float(c.get("size") or 0), 1.0)
        if ref is None or base - ref > tol:
            groups.append([])
            ref = base
        groups[-1].append(c)
    lines = []
    for g in groups:
        line = _make_line(g, page, page_width, page_height, fix)
        if line is not None:
            lines.append(line)
    return lines


def _make_line(group: list[Char], page: int, pw: float, ph: float, fix: Callable[[str], str]) -> Line | None:
    group.sort(key=lambda c: c["x0"])
    visible = [c for c in group if not fix(c["text"]).isspace()]
    if not visible:
        return None
    parts: list[str] = []
    prev: Char | None = None
    prev_text = ""
    pending_space = False
    for c in group:
        t = fix(c["text"])
        if t.isspace():
            pending_space = prev is not None
            continue
        if prev is not None:
            size = max(float(c.get("size") or 0), float(prev.get("size") or 0), 1.0)
            gap = float(c["x0"]) - float(prev["x1"])
            left_cjk, right_cjk = is_cjk(prev_text[-1]), is_cjk(t[0])
            if left_cjk and right_cjk:
                need = pending_space or gap > CELL_GAP_EM * size
            elif left_cjk or right_cjk:
                need = pending_space or gap > MIXED_GAP_EM * size
            else:
                need = pending_space or gap > WORD_GAP_EM * size
            if need:
                parts.append(" ")
        parts.append(t)
        prev, prev_text, pending_space = c, t, False
    sizes = [float(c.get("size") or 0) for c in visible]
    return Line(
        text="".join(parts),
        x0=min(float(c["x0"]) for c in visible),
        x1=max(float(c["x1"]) for c in visible),
        top=min(float(c["top"]) for c in visible),
        bottom=max(float(c["bottom"]) for c in visible),
        baseline=statistics.median(baseline_of(c) for c in visible),
        size=statistics.median(sizes) if sizes else 0.0,
        page=page,
        page_width=pw,
        page_height=ph,
    )
