"""Sections and tasks from the document's own numbering.

Why a marker-style stack: plans nest 一、 → （一） → 1． → （1）, but not every plan uses every level, some skip one, and
some continue a numbering across parents (江苏: （一）…（二十二） under 一、…七、). Like a Markdown list parser, the first
marker style met becomes the top level and each new style opens a level below the current one; a style already on the
stack closes everything beneath it. Ids are the dotted *values* of the markers (（三） under 二、 → `2.3`), so they follow
the document even when its numbering restarts or continues.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .numerals import ordinal_value

_CN = "一二三四五六七八九十百零〇两"
# (style, regex) on the shadow text at a line start. Order matters: more specific first.
MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(rf"[ \t]*第[ \t]*([{_CN}\d]+)[ \t]*章[ \t]*")),
    ("part", re.compile(rf"[ \t]*第[ \t]*([{_CN}\d]+)[ \t]*部分[ \t]*")),
    ("jie", re.compile(rf"[ \t]*第[ \t]*([{_CN}\d]+)[ \t]*节[ \t]*")),
    ("article", re.compile(rf"[ \t]*第[ \t]*([{_CN}\d]+)[ \t]*条[ \t]*")),
    ("cn_dun", re.compile(rf"[ \t]*([{_CN}]{{1,3}})[ \t]*[、.][ \t]*")),
    ("cn_paren", re.compile(rf"[ \t]*\([ \t]*([{_CN}]{{1,3}})[ \t]*\)[ \t]*")),
    ("ar_paren", re.compile(r"[ \t]*\([ \t]*(\d{1,2})[ \t]*\)[ \t]*")),
    ("ar_dot", re.compile(r"[ \t]*(\d{1,2})[ \t]*(?:\.(?!\d)|、)[ \t]*")),
    ("circled", re.compile(r"[ \t]*([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[ \t]*")),
]
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TITLE_END = re.compile(r"[。!?;:]|$")


@dataclass
class Heading:
    style: str
    value: int
    number: str  # marker as written (canonical text), e.g. "(一)"
    start: int  # line start
    body_start: int  # first char after the marker
    line_end: int


@dataclass
class Node:
    heading: Heading
    id: str
    level: int
    parent: Optional["Node"]
    children: list["Node"] = field(default_factory=list)
    end: int = 0  # end of its own text (before the next heading of any level)
    subtree_end: int = 0


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of `text` (the shadow has the same line breaks as the text, except where reflow.py
    turned a wrap into a space: callers that need the document's own lines pass the text)."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# Explicit markers (第X章/部分/节/条) may stand alone on their line, the title or article text on the next non-blank
# line: PDF text layers of regulations print `第一章` / `总则` / `第一条` / `为加快……` that way; a chapter directly
# followed by its first 第一节 has no title of its own.
_STANDALONE = {"chapter", "part", "jie", "article"}
_LOOKAHEAD_LINES = 3
# A bare ordinal (`（二）`, `(3)`, `2.`, `三、`) alone on its line takes the next line as its title too (ABBYY-style PDF
# text: marker, blank line, `加大项目开发力度。…`), but alone a bare marker is as often an equation number
# (`(1)` / `式中：`), a table row's number (`（17）` / `规模以上…` / `3 （%）`) or a number split by the PDF (`３５．` /
# `８％`). So it counts only when it continues its style's numbering (1, or the last value of the style + 1) and the
# next line reads as a title: it opens with a Chinese character or an opening quote, carries at least
# _BARE_TITLE_MIN characters, and is no formula legend.
_BARE = {"cn_dun", "cn_paren", "ar_paren", "ar_dot", "circled"}
_BARE_TITLE_MIN = 4
_BARE_TITLE = re.compile(r"[\u4e00-\u9fff“‘《「]")
_NOT_A_TITLE = re.compile(r"式中|其中[:：]|注[:：]")
_PARAGRAPH_MIN = 10  # a line after a title this long is its paragraph, not the next table cell
_TOC_CUT = re.compile(r"[ \t][.·…．。•・]{1,3}[ \t]*$")  # a contents entry whose leader dots the PDF cut short


def _marker(line: str) -> Optional[tuple[str, re.Match[str]]]:
    for style, rx in MARKERS:
        m = rx.match(line)
        if m:
            return style, m
    return None


def find_headings(text: str, shadow: str) -> list[Heading]:
    """Every line that starts with a numbering marker and carries text after it (or, for 第X章/部分/条, on the next
    non-blank line)."""
    heads = []
    last: dict[str, int] = {}  # the last value met per marker style (a bare marker alone must continue it)
    lines = line_spans(text)
    for i, (start, end) in enumerate(lines):
        line = shadow[start:end]
        found = _marker(line)
        if not found:
            continue
        style, m = found
        raw = m.group(1)
        value = _CIRCLED.index(raw) + 1 if style == "circled" else ordinal_value(raw.replace(" ", ""))
        rest = line[m.end():].strip()
        body_start, line_end = start + m.end(), end
        untitled = False
        if not rest and style in _BARE and value is not None and value in (1, last.get(style, 0) + 1):
            body = _bare_title_line(shadow, lines, i)
            if body is not None:
                body_start, line_end = body
                rest = shadow[body_start:line_end]
        elif not rest and style in _STANDALONE:
            body = _next_text_line(shadow, lines, i)
            if body is None:
                continue
            if body == _MARKER_NEXT:
                untitled = style in ("chapter", "part")
            else:
                body_start, line_end = body
                rest = shadow[body_start:line_end]
        if value is None or not (rest or untitled) or value > 200:
            continue
        if TOC_ENTRY.search(shadow, body_start, line_end):
            continue  # the contents page lists the headings again; the body's headings are the real ones
        if style == "ar_dot" and re.match(r"[%年月日号万亿千百元个家]", rest):
            continue  # "1、2月" / "5.年" style noise, not a heading
        marker_end = start + m.end()
        number = text[start:marker_end].strip()
        heads.append(Heading(style, value, number, start + (len(line) - len(line.lstrip())), body_start, line_end))
        last[style] = value
    return heads


_MARKER_NEXT = (-1, -1)
# A table-of-contents entry: the title, a run of leader dots, maybe the page number (`二、发展目标......12`).
TOC_ENTRY = re.compile(r"(?:[.·…．。•・-][ \t]*){4,}[ \t]*(?:\d*|[(（]\d+[)）])[ \t]*$")


def _next_text_line(shadow: str, lines: list[tuple[int, int]], i: int) -> Optional[tuple[int, int]]:
    """(first non-space offset, end) of the next non-blank line after line i; _MARKER_NEXT when that line starts with
    a marker itself; None when there is none nearby."""
    for start, end in lines[i + 1: i + 1 + _LOOKAHEAD_LINES]:
        line = shadow[start:end]
        if not line.strip():
            continue
        if _marker(line):
            return _MARKER_NEXT
        return start + len(line) - len(line.lstrip()), end
    return None


def _bare_title_line(shadow: str, lines: list[tuple[int, int]], i: int) -> Optional[tuple[int, int]]:
    """(start, end) of the title line of a bare marker alone on line i (see _BARE), or None when the next non-blank
    line is no title: another marker, a number, a formula legend, a contents entry, a table cell.

    Table cells are the hard case (`（3）` / `受污染耕地安全利用率(%)` / `90%左右`; `1.` / `计量设备所用软件的版本；` /
    `2.`): a heading's title line either holds a sentence (`打造绿色物流。推进多式联运…`) or is followed by a
    paragraph (`环境基础设施能力水平持续提升` / `完成 31 座城镇污水厂…`), where a cell is followed by a short cell
    or by the next bare number."""
    body = _next_text_line(shadow, lines, i)
    if body is None or body == _MARKER_NEXT:
        return None
    s, e = body
    line = shadow[s:e].strip()
    if len(line) < _BARE_TITLE_MIN or not _BARE_TITLE.match(line) or _NOT_A_TITLE.match(line):
        return None
    if TOC_ENTRY.search(line) or _TOC_CUT.search(line):
        return None
    if "。" in line:
        return s, e
    k = next(k for k in range(i + 1, len(lines)) if lines[k][0] <= s <= lines[k][1])
    after = next((shadow[a:b].strip() for a, b in lines[k + 1: k + 1 + _LOOKAHEAD_LINES] if shadow[a:b].strip()), "")
    found = _marker(after)
    if found:  # the next heading (`1.推进…`) follows a title-only heading; a bare number is the next table cell
        return (s, e) if after[found[1].end():].strip() else None
    return (s, e) if len(after) >= _PARAGRAPH_MIN else None


def build_tree(text: str, headings: list[Heading]) -> list[Node]:
    """Nest headings by marker style (see module docstring); returns the top-level nodes."""
    roots: list[Node] = []
    stack: list[Node] = []
    for h in headings:
        styles = [n.heading.style for n in stack]
        if h.style in styles:
            del stack[styles.index(h.style):]
        parent = stack[-1] if stack else None
        node_id = f"{parent.id}.{h.value}" if parent else str(h.value)
        node = Node(h, node_id, len(stack), parent)
        (parent.children if parent else roots).append(node)
        stack.append(node)
    _set_ends(roots, headings, len(text.rstrip()))
    return roots


def _set_ends(roots: list[Node], headings: list[Heading], doc_end: int) -> None:
    starts = [h.start for h in headings]
    order = list(iter_nodes(roots))
    for i, node in enumerate(order):
        node.end = starts[i + 1] - 1 if i + 1 < len(starts) else doc_end
    for node in reversed(order):
        node.subtree_end = max([node.end] + [c.subtree_end for c in node.children])


def iter_nodes(nodes: list[Node]):
    for n in nodes:
        yield n
        yield from iter_nodes(n.children)


def heading_title(text: str, shadow: str, h: Heading) -> tuple[str, tuple[int, int]]:
    """Title = text after the marker up to the first sentence end or the end of the line (of the paragraph, when the
    line is wrapped: a wrap is a space in the shadow, reflow.py)."""
    line_end = h.line_end
    if text[line_end:line_end + 1] == "\n" and shadow[line_end] != "\n":  # a soft break: the paragraph goes on
        line_end = shadow.find("\n", line_end)
        line_end = len(shadow) if line_end < 0 else line_end
    m = _TITLE_END.search(shadow, h.body_start, line_end)
    end = m.start() if m else line_end
    s = h.body_start
    while s < end and text[s].isspace():
        s += 1
    while end > s and text[end - 1].isspace():
        end -= 1
    return text[s:end], (s, end)


def dedupe_ids(roots: list[Node]) -> None:
    """A document whose numbering restarts at the top level (appendices) would repeat ids; suffix the repeats."""
    seen: dict[str, int] = {}
    for node in iter_nodes(roots):
        if node.id in seen:
            seen[node.id] += 1
            node.id = f"{node.id}~{seen[node.id]}"
            _reprefix(node)
        else:
            seen[node.id] = 1


def _reprefix(node: Node) -> None:
    for c in node.children:
        c.id = f"{node.id}.{c.heading.value}"
        _reprefix(c)
