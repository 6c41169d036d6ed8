"""pdfplumber characters → visual text lines with geometry, in each glyph's own reading frame.

Why our own line assembly rather than `page.extract_text_lines()`:
- pdfplumber clusters characters by the top of their glyph boxes, and some fonts report boxes far from the baseline.
  In 108.pdf the full-width digits of a 方正 font sit 10 pt lower than the hanzi of the same line, so
  `青政〔２０２１〕３６号` is split into two lines (`青政 〔 〕 号` and `２０２１ ３６`). Every glyph's text matrix,
  however, carries its true baseline; grouping by baseline puts each character back on its line.
- Rotated pages (a landscape table page with /Rotate 90, common in attachments) give glyphs that are not "upright" in
  page space; pdfplumber's line logic reads them as one character per line. Projecting every glyph onto its own
  writing direction (the text matrix's x axis) and the perpendicular baseline axis reads them like any other page.

Spacing: between two CJK characters (hanzi, CJK or full-width punctuation, full-width digits) a space is written only
where the text layer has a space character (`第一章 基本形势`) or the gap is wide enough to be a column or cell
boundary; letter-spacing (`广 西 壮 族` in a letterhead) and justification are layout, not text. Between CJK and
Latin/ASCII a space is kept where the PDF has a space character (OCR layers write `2025 年`; the extractor copes);
the ¼-em "autospace" that WPS and Word insert between hanzi and digits is typography, so `到2025年` comes out as the
author typed it. Between two Latin/ASCII glyphs any visible gap is a word space.
"""
from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from .charclass import is_cjk

Char = dict[str, Any]  # a pdfplumber char object
Direction = tuple[int, int]  # writing direction in page space, one of the four axis directions

CELL_GAP_EM = 1.5  # a gap of this many font sizes between CJK glyphs is a column boundary → one space
MIXED_GAP_EM = 0.5  # between CJK and Latin/ASCII: wider than typographic autospace (¼ em) → a real space
WORD_GAP_EM = 0.15  # between two Latin/ASCII glyphs: a word space
BASELINE_TOL_EM = 0.3  # glyphs whose baselines differ by less than this share a line


@dataclass
class Line:
    """One visual line of one page. Coordinates are in the line's reading frame: x grows along the writing direction,
    `top`/`bottom`/`baseline` grow down the page as read; for an ordinary page that is pdfplumber's frame."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float  # median font size of the line's glyphs
    page: int  # 0-based page index
    page_width: float  # extent of the page along the writing direction
    page_height: float  # extent across it
    direction: Direction = (1, 0)  # writing direction in page space; (1, 0) is upright
    table: int | None = None  # for a ruled-table row (pdf_tables.py): the table's index on its page, else None

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class _Glyph:
    text: str
    start: float  # along the writing direction, in the page frame shifted to start at 0
    end: float
    baseline: float  # top-down across the writing direction
    size: float


def direction_of(ch: Char) -> Direction:
    """The axis direction closest to the glyph's writing direction (the text matrix's first row)."""
    m = ch.get("matrix")
    if not m or (m[0] == 0 and m[1] == 0):
        return (1, 0)
    angle = math.atan2(m[1], m[0])
    quarter = round(angle / (math.pi / 2)) % 4
    return ((1, 0), (0, 1), (-1, 0), (0, -1))[quarter]


def chars_to_lines(chars: Iterable[Char], page: int, page_width: float, page_height: float,
                   fix: Callable[[str], str] = lambda s: s) -> list[Line]:
    """Group a page's characters into lines by baseline, in reading order (top to bottom, left to right as read).

    Glyphs are grouped by writing direction first; the page's dominant direction is read first and any other
    (a rotated stamp, a sideways table) follows. `fix` is applied to each glyph's text before spacing decisions
    (the 方正 repair, so `ꎬ` counts as CJK).
    """
    by_dir: dict[Direction, list[Char]] = {}
    for c in chars:
        if c.get("text"):
            by_dir.setdefault(direction_of(c), []).append(c)
    counts = Counter({d: len(cs) for d, cs in by_dir.items()})
    lines: list[Line] = []
    for d, _ in counts.most_common():
        lines.extend(_lines_in_direction(by_dir[d], d, page, page_width, page_height, fix))
    return lines


def _lines_in_direction(chars: list[Char], d: Direction, page: int, pw: float, ph: float,
                        fix: Callable[[str], str]) -> list[Line]:
    ux, uy = d
    vx, vy = -uy, ux  # "up" for the reader, perpendicular to the writing direction
    corners = ((0.0, 0.0), (pw, 0.0), (0.0, ph), (pw, ph))
    u_min = min(x * ux + y * uy for x, y in corners)
    v_max = max(x * vx + y * vy for x, y in corners)
    width = max(x * ux + y * uy for x, y in corners) - u_min
    height = v_max - min(x * vx + y * vy for x, y in corners)

    glyphs = []
    for c in chars:
        box = ((c["x0"], c["y0"]), (c["x1"], c["y1"]))
        along = [x * ux + y * uy for x, y in box]
        m = c.get("matrix") or (1, 0, 0, 1, c["x0"], c["y0"])
        across = m[4] * vx + m[5] * vy  # the origin lies on the baseline
        glyphs.append(_Glyph(fix(c["text"]), min(along) - u_min, max(along) - u_min, v_max - across,
                             float(c.get("size") or 0.0)))

    glyphs.sort(key=lambda g: (g.baseline, g.start))
    groups: list[list[_Glyph]] = []
    ref: float | None = None
    for g in glyphs:
        if ref is None or g.baseline - ref > BASELINE_TOL_EM * max(g.size, 1.0):
            groups.append([])
            ref = g.baseline
        groups[-1].append(g)
    lines = []
    for group in groups:
        line = _make_line(group, page, width, height)
        if line is not None:
            line.direction = d
            lines.append(line)
    return lines


def _make_line(group: list[_Glyph], page: int, width: float, height: float) -> Line | None:
    group.sort(key=lambda g: g.start)
    visible = [g for g in group if not g.text.isspace()]
    if not visible:
        return None
    parts: list[str] = []
    prev: _Glyph | None = None
    pending_space = False
    for g in group:
        if g.text.isspace():
            pending_space = prev is not None
            continue
        if prev is not None:
            size = max(g.size, prev.size, 1.0)
            gap = g.start - prev.end
            left_cjk, right_cjk = is_cjk(prev.text[-1]), is_cjk(g.text[0])
            if left_cjk and right_cjk:
                need = pending_space or gap > CELL_GAP_EM * size
            elif left_cjk or right_cjk:
                need = pending_space or gap > MIXED_GAP_EM * size
            else:
                need = pending_space or gap > WORD_GAP_EM * size
            if need:
                parts.append(" ")
        parts.append(g.text)
        prev, pending_space = g, False
    size = statistics.median(g.size for g in visible)
    baseline = statistics.median(g.baseline for g in visible)
    return Line(
        text="".join(parts),
        x0=min(g.start for g in visible),
        x1=max(g.end for g in visible),
        top=baseline - 0.88 * size,
        bottom=baseline + 0.12 * size,
        baseline=baseline,
        size=size,
        page=page,
        page_width=width,
        page_height=height,
    )
