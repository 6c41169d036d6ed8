"""Visual PDF lines → paragraphs (one per output line), with page furniture dropped.

Why: a PDF stores lines, not paragraphs. A task such as `（一）优化数据中心布局。…（责任单位：自治区大数据发展局、
通信管\n理局）` wraps mid-word and mid-annotation; the extractor needs it back on one line, and page numbers (`- 3 -`)
must not land inside a sentence that crosses a page. The development corpus .txt files were made the same way, so
PDF and .txt input of one plan give the extractor the same shape.

How a line break is judged (L = a line, N = the next line, across pages too):
1. Page furniture goes first: page numbers (`- 3 -`, `—３—`, `3`, `第3页 共18页`, `3/18`) that are the lowest (or
   highest) lines on their page, in the bottom 20% (top 12%) of it.
2. N starting a numbered heading or a field label (一、 （一） (1) 1． ① 第X条 附件 责任单位：…) always starts a new
   paragraph.
3. Geometry decides the rest. Each page's text block is found from its lines: the left edge is where most
   continuation lines start, the width is the document's usual full line. L is *full* when it reaches the right edge
   (within 1.5 characters; hanging punctuation may overshoot); N is *indented* when it starts at least ¾ character
   right of the left edge (first-line indent, centred titles, signatures).
   - L full and N not indented → N continues L (a wrapped line), whatever L ends with — in a document that
     indents its paragraphs or separates them with vertical space. In one that does neither, a full L ending in
     sentence-final punctuation (。！？；：) ends the paragraph, as the text-only rule says.
   - L short (ends before the right edge) → the paragraph ended there (headings, last lines, signatures, list items).
   - L in a font larger than the body (titles, letterheads): joined only when L and N are lines of one centred title
     (same size, both centred on the text block, consecutive, under 1.9× the body size: a letterhead's issuers,
     one per line in a huge font, stay apart).
   - A change of font size, or a vertical gap of more than 1.8 line pitches (1.3 in a document whose paragraphs are
     separated by space), also ends the paragraph.
4. Lines are joined without a separator, except between two Latin letters (an English word wrap gets a space).

Ruled tables never reach these rules: pdf_tables.py prints each row as one line of TAB-separated cells (`Line.table`
set), which is never joined to a neighbour, never taken for a page number and not counted in the layout measure.

Known limits: tables laid out without rules are read row by row as visual lines, and a cell that wraps is joined only
when its row line is as wide as the text block; two-column layouts are read across both columns; a paragraph that ends
exactly at the right edge and is followed by an unindented paragraph (no first-line indent) is joined to it when the
document elsewhere uses indentation.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from .pdf_lines import Line

FULL_TOL_EM = 1.5
INDENT_EM = 0.75
MAX_GAP_PITCH = 1.8  # a wider gap between two lines ends the paragraph …
SPACED_GAP_PITCH = 1.3  # … or this one, in documents that separate paragraphs by space instead of indentation
TITLE_GAP_SIZE = 2.6  # consecutive lines of one title are at most this many font sizes apart (titles set loosely)
TITLE_SCALE = 1.15  # a title's font is at least this much larger than the body's …
LETTERHEAD_SCALE = 1.9  # … and smaller than this: larger still is a letterhead (红头), one issuer per line

_DIGITS = "0-9０-９"
_DASH = r"\-－—–―‐~〜_一"  # 一: OCR reads the em dash of "— 2 —" as the hanzi
PAGE_NUMBER = re.compile(
    rf"^(?:[{_DASH}·•]*(?:[{_DIGITS}]{{1,4}}|[IVXivxⅠ-Ⅻ]{{1,5}})[{_DASH}·•]*"
    rf"|第[{_DIGITS}]{{1,4}}页(?:共[{_DIGITS}]{{1,4}}页)?"
    rf"|共[{_DIGITS}]{{1,4}}页第[{_DIGITS}]{{1,4}}页"
    rf"|[{_DIGITS}]{{1,4}}/[{_DIGITS}]{{1,4}}"
    rf"|[{_DASH}]+)$"
)
_CN_NUM = "一二三四五六七八九十百零〇"
HEADING = re.compile(
    rf"^\s*(?:"
    rf"[{_CN_NUM}]+\s*[、.．]"  # 一、
    rf"|[（(]\s*[{_CN_NUM}]+\s*[)）]"  # （一）
    rf"|[（(]\s*[{_DIGITS}]+\s*[)）]"  # （1）
    rf"|[{_DIGITS}]+\s*[、]"  # 1、
    rf"|[{_DIGITS}]+\s*[.．](?!\s*[{_DIGITS}])"  # 1. / 1． but not 1.5 or OCR's 207. 8
    rf"|[①-⑳⑴-⒇⒈-⒛]"
    rf"|第\s*[{_CN_NUM}{_DIGITS}]+\s*[条章节部分篇]"
    rf"|附件\s*[{_DIGITS}]*\s*(?:[:：]|$)"
    rf"|附表|附图"
    rf"|(?:牵头|责任|配合|协同|参与|主责)(?:单位|部门|处室)\s*[:：]"
    rf"|完成(?:时限|时间|期限)\s*[:：]"
    rf")"
)
FINAL = re.compile(r"[。！？；：!?;:][”’）)」』】〕]*$")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class Layout:
    """Document-wide typography used to judge line breaks."""

    body_size: float  # median glyph size of the body text
    left: float  # usual left edge of the text block
    width: float  # usual width of a full line
    pitch: float  # usual distance between consecutive baselines
    indents: bool  # the document uses first-line indentation somewhere
    spaced: bool = False  # the document separates paragraphs with vertical space


def drop_page_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page-number lines at the bottom or top edge of each page."""
    kept: list[list[Line]] = []
    for lines in pages:
        lines = list(lines)
        while lines and _is_page_number(lines[-1], bottom=True):
            lines.pop()
        while lines and _is_page_number(lines[0], bottom=False):
            lines.pop(0)
        kept.append(lines)
    return kept


def _is_page_number(line: Line, bottom: bool) -> bool:
    if line.table is not None:  # a table row holding only a number is content
        return False
    compact = re.sub(r"\s+", "", line.text)
    if not compact or not PAGE_NUMBER.match(compact):
        return False
    if bottom:
        return line.top >= 0.8 * line.page_height
    return line.bottom <= 0.12 * line.page_height


def measure(pages: list[list[Line]]) -> Layout:
    """Typical body size, text-block edges, line pitch and whether paragraphs are indented, from all lines."""
    pages = [[ln for ln in page if ln.table is None] for page in pages]  # table rows are not body text
    lines = [ln for page in pages for ln in page]
    if not lines:
        return Layout(12.0, 0.0, 0.0, 14.0, False, False)
    body_size = statistics.median(ln.size for ln in lines) or 12.0
    body = [ln for ln in lines if _same_size(ln.size, body_size)] or lines
    left = _dominant([ln.x0 for ln in body], 0.5 * body_size)
    right = _dominant([ln.x1 for ln in body], 0.5 * body_size)
    pitches = [b.baseline - a.baseline for page in pages for a, b in zip(page, page[1:])
               if _same_size(a.size, body_size) and _same_size(b.size, body_size) and b.baseline > a.baseline]
    pitch = statistics.median(pitches) if pitches else 1.5 * body_size
    indents = sum(1 for ln in body if 1.2 * body_size <= ln.x0 - left <= 2.8 * body_size) >= max(2, len(body) // 50)
    spaced = sum(1 for d in pitches if SPACED_GAP_PITCH * pitch < d <= 4 * pitch) >= max(2, len(pitches) // 40)
    return Layout(body_size, left, max(right - left, body_size), pitch, indents, spaced)


def page_left(lines: list[Line], layout: Layout) -> float:
    """Left edge of one page's text block: the document's, unless this page's continuation lines sit elsewhere
    (mirrored margins); then the leftmost edge shared by at least two of its body lines."""
    xs = [ln.x0 for ln in lines if ln.table is None and _same_size(ln.size, layout.body_size)]
    tol = 0.5 * layout.body_size
    if sum(1 for x in xs if abs(x - layout.left) <= tol) >= 1 or len(xs) < 2:
        return layout.left
    xs.sort()
    for i, x in enumerate(xs):
        if i + 1 < len(xs) and xs[i + 1] - x <= tol:
            return x
    return layout.left


def rejoin(pages: list[list[Line]]) -> list[str]:
    """Paragraph texts, one per output line, from the lines of every page (page furniture already dropped)."""
    layout = measure(pages)
    lefts = [page_left(p, layout) for p in pages]
    paragraphs: list[str] = []
    prev: Line | None = None
    for page_lines, left in zip(pages, lefts):
        for line in page_lines:
            text = line.text.strip()
            if not text:
                continue
            if line.table is not None:  # a table row is a line of its own; leading empty cells keep their TABs
                text = line.text
            if prev is not None and paragraphs and prev.table is None and line.table is None and \
                    continues(prev, line, layout, lefts[prev.page], left):
                paragraphs[-1] = _join(paragraphs[-1], text)
            else:
                paragraphs.append(text)
            prev = line
    return paragraphs


def continues(prev: Line, nxt: Line, layout: Layout, prev_left: float, next_left: float) -> bool:
    """Is `nxt` the wrapped continuation of `prev`'s paragraph? (rules in the module docstring)"""
    if HEADING.match(nxt.text):
        return False
    if not _same_size(prev.size, nxt.size):
        return False
    if prev.size >= TITLE_SCALE * layout.body_size:  # headings/letterheads: only the centred-title rule applies
        return _title_continues(prev, nxt, layout, prev_left)
    gap_limit = (SPACED_GAP_PITCH if layout.spaced else MAX_GAP_PITCH) * max(layout.pitch, prev.size)
    if nxt.page == prev.page and nxt.baseline - prev.baseline > gap_limit:
        return False
    em = max(nxt.size, 1.0)
    full = prev.x1 >= prev_left + layout.width - FULL_TOL_EM * max(prev.size, 1.0)
    indented = nxt.x0 >= next_left + INDENT_EM * em
    if not full:
        return _title_continues(prev, nxt, layout, prev_left)
    if indented:
        return False
    if layout.indents or layout.spaced:
        return True
    return not FINAL.search(prev.text)


def _title_continues(prev: Line, nxt: Line, layout: Layout, left: float) -> bool:
    """A centred title in a larger font wraps onto centred lines of the same size."""
    if prev.page != nxt.page or not TITLE_SCALE * layout.body_size <= prev.size < LETTERHEAD_SCALE * layout.body_size:
        return False
    if FINAL.search(prev.text):
        return False
    centre = left + layout.width / 2
    tol = 1.5 * layout.body_size
    return abs(prev.center - centre) <= tol and abs(nxt.center - centre) <= tol and \
        0 < nxt.baseline - prev.baseline <= TITLE_GAP_SIZE * prev.size


def _join(a: str, b: str) -> str:
    if a and b and _LATIN.match(a[-1]) and _LATIN.match(b[0]):
        return a + " " + b
    return a + b


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.15 * max(a, b, 1.0)


def _dominant(values: list[float], tol: float) -> float:
    """The value most others cluster around (largest window of width 2·tol), as that window's median."""
    xs = sorted(values)
    best_i, best_j, j = 0, 0, 0
    for i in range(len(xs)):
        while j < len(xs) and xs[j] - xs[i] <= 2 * tol:
            j += 1
        if j - i > best_j - best_i:
            best_i, best_j = i, j
    return statistics.median(xs[best_i:best_j])
