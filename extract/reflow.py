"""Soft line breaks: which `\\n` of a hard-wrapped text is a wrap inside a paragraph, not the end of one.

Why: text taken from PDFs (the bulk corpus, .txt files officials paste from a PDF viewer) keeps the PDF's line width,
so a line break falls anywhere: inside a sentence (`到 2025 年，…排放增速\\n放缓`), inside a word (`配\\n合`), inside a
responsibility annotation (`（责任单位：市发展改革委、市经信局、\\nrest…）`). Every rule that stops at a line
end then cuts the quote, the target sentence or the unit list. The canonical text must not change (spans are offsets
into it, contract), so the wraps are undone in the *shadow* only: a soft `\\n` becomes a space there, which every rule
already reads as an OCR space, and quotes keep the `\\n` exactly as the document has it.

A break between line A and the next line B is a wrap only when nothing says a paragraph ends there:
1. B starts a numbered heading or a field label (`一、` `（一）` `1．` `第X条` `附件` `责任单位：` …), or A or B is a
   table row (cells separated by tabs, as the .docx and .html loaders write them) → end;
   a blank line → end, unless a bracket is open (`（责任单位:⏎⏎市住房和城乡建设局…）`); a page-number line between
   A and B, with the blank lines around it, is page furniture: the paragraph goes on across it, and the furniture
   is blanked in the shadow too;
2. A leaves a bracket open (`（责任单位：重庆市能源`) → wrap, however short A is;
3. A ends in sentence punctuation (`。！？；：`, maybe closed by a quote or bracket) or closes a responsibility
   annotation → end;
4. A is a title-only heading line (`二、主要目标`, `（一）能源绿色低碳转型行动`: a marker, no sentence inside) that is
   not full width → end;
5. otherwise A must be *full*: in a hard-wrapped document (one usual line width shared by many lines), at least 80%
   of that width, counting a CJK character as two columns (digits and OCR spaces are narrow); in a document with one
   paragraph per line, at least 20 CJK characters. Short lines are headings, signatures, dates, table cells → end.
This is the text-only twin of the PDF loader's geometric rule (loaders/pdf_paragraphs.py), with its patterns.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Optional

from .loaders.pdf_paragraphs import FINAL, HEADING, PAGE_NUMBER
from .structure import _marker
from .units import LABEL_RE

#: a document is hard-wrapped when this share of its non-blank lines sits in one width band
WRAPPED_SHARE = 0.2
#: a line this close to the usual width (as a share of it) is full: the text ran on to the next line
FULL_SHARE = 0.8
#: in a document with one paragraph per line, a line without final punctuation this wide is a wrap
UNWRAPPED_MIN_WIDTH = 40
_BAND = 4  # display columns of one width band
_MIN_BAND_WIDTH = 20
_MAX_WRAP_WIDTH = 130  # wider "usual" lines mean paragraphs per line, not a page's width
_WIDER_SHARE = 0.25
_BRACKET_LOOKBACK = 4  # an unclosed bracket keeps lines together for at most this many lines (OCR loses closers)
_SENTENCE_INSIDE = re.compile(r"[。！？；!?;]")


def width(line: str) -> int:
    """Display width: CJK and full-width characters count two columns, others one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.strip())


def usual_width(widths: list[int]) -> Optional[int]:
    """The width most lines of a hard-wrapped document share (the top of the fullest band), or None when the
    document is not hard-wrapped."""
    counts = Counter(w for w in widths if w >= _MIN_BAND_WIDTH)
    best_n, best_w = 0, 0
    for w in counts:
        n = sum(counts.get(k, 0) for k in range(w - _BAND + 1, w + 1))
        if n > best_n or (n == best_n and w > best_w):
            best_n, best_w = n, w
    if not widths or best_n < WRAPPED_SHARE * len(widths) or best_w > _MAX_WRAP_WIDTH or best_n < 3:
        return None
    if sum(1 for w in widths if w > best_w + 2 * _BAND) > _WIDER_SHARE * len(widths):
        return None  # many lines run past it: paragraphs per line whose short lines (fields, dates) happen to agree
    return best_w


def _starts_paragraph(line: str) -> bool:
    m = _marker(line)
    return bool(HEADING.match(line) or (m and line[m[1].end():].strip()) or LABEL_RE.match(line.strip()))


def _is_page_number(line: str, blank_next: bool) -> bool:
    """`— 2 —`, `-3-`, `第3页`: a page's number printed between two lines of one paragraph. A bare `16` counts only
    when a blank line follows it (the page break); otherwise it may be a table cell."""
    compact = re.sub(r"\s+", "", line)
    if compact.isdigit():
        return blank_next and len(compact) <= 3
    return any(c.isdigit() for c in compact) and bool(PAGE_NUMBER.match(compact))


def _closes_annotation(line: str) -> bool:
    """A ends with `（责任单位：…）` / `（…完成期限：6 月底）`: the task's sentence is over."""
    if not line.endswith((")", "]")):
        return False
    depth = 0
    for i in range(len(line) - 1, -1, -1):
        c = line[i]
        if c in ")]":
            depth += 1
        elif c in "([":
            depth -= 1
            if depth == 0:
                return bool(LABEL_RE.match(line, i + 1))
    return False


def _title_only(line: str) -> bool:
    return bool(_marker(line)) and not _SENTENCE_INSIDE.search(line)


def soft_breaks(shadow: str) -> list[tuple[int, int]]:
    """Ranges [s, e) of the shadow that are wraps: the `\\n` itself, or a `\\n`, a page-number line and the blank lines
    around it. `shadow` is the punctuation-folded text (extract.shadow), so one pattern covers `（` and `(`."""
    starts, pos = [], 0
    lines = shadow.split("\n")
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    widths = [width(ln) for ln in lines if ln.strip()]
    usual = usual_width(widths)
    out: list[tuple[int, int]] = []
    open_since: list[int] = []  # line index of each bracket still open in the current paragraph
    i = 0
    while i < len(lines):
        a = lines[i].strip()
        if not a:
            open_since, i = [], i + 1
            continue
        for c in a:
            if c in "([":
                open_since.append(i)
            elif c in ")]" and open_since:
                open_since.pop()
        j, furniture = i + 1, False
        while j < len(lines) and (not lines[j].strip() or _is_page_number(
                lines[j], j + 1 < len(lines) and not lines[j + 1].strip())):
            furniture = furniture or bool(lines[j].strip())
            j += 1
        bracket_open = bool(open_since) and i - open_since[-1] < _BRACKET_LOOKBACK
        if j >= len(lines) or (j > i + 1 and not furniture and not bracket_open):
            open_since, i = [], j
            continue
        if _joins(a, lines[j].strip(), usual, bracket_open):
            out.append((starts[i] + len(lines[i]), starts[j]))
        else:
            open_since = []
        i = j
    return out


def _joins(a: str, b: str, usual: Optional[int], bracket_open: bool) -> bool:
    """Does line b continue line a's paragraph? (rules 1-5 of the module docstring; a and b stripped)"""
    if _starts_paragraph(b) or "\t" in a or "\t" in b:  # tab-separated cells: rows of a table (.docx, .html)
        return False
    if bracket_open:
        return True
    if FINAL.search(a) or _closes_annotation(a):
        return False
    w = width(a)
    if usual is None:
        return w >= UNWRAPPED_MIN_WIDTH and not _title_only(a)
    if _title_only(a):
        return w >= usual - _BAND
    return w >= FULL_SHARE * usual


def unwrap(shadow: str) -> str:
    """The shadow with every wrap (and the page furniture inside a paragraph) turned into spaces: same length, so
    offsets stay valid in the canonical text."""
    breaks = soft_breaks(shadow)
    if not breaks:
        return shadow
    chars = list(shadow)
    for s, e in breaks:
        for k in range(s, e):
            chars[k] = " "
    return "".join(chars)
