"""Ruled tables in a PDF page → one text line per row, cells joined by TAB (the shape the .docx loader prints).

Why: plans keep their task lists (重点任务分工表) and indicator lists (主要指标表) in ruled tables, and most plans
circulate as PDF. Read as body text, a row's cells share baselines with each other and a wrapped cell spills onto
lines of its own, so one row comes out interleaved across several lines and extract.tables (which reads
TAB-separated rows) never sees it. Here the table's own ruling gives the cells; each row is printed as one line in
its place on the page, the way word.py prints a .docx table, so a PDF and a .docx of one plan read the same.

Only *real* ruling counts, so borderless text is never taken for a table:
- edges come from stroked lines, curves and rectangle outlines in a visible (non-white) colour, and from thin filled
  rectangles (how Word and WPS often draw borders); ABBYY FineReader lays white filled boxes behind every text
  block, and a filled background is not a rule;
- pdfplumber's "explicit" strategy builds the grid from those edges alone (its "lines" strategy would take every
  rectangle's outline, white boxes included);
- a grid counts as a table only with at least two rows and at least one row of two or more cells holding text: a
  framed box (专栏, a bordered note) is one column and stays in the text flow, as do chart gridlines;
- a table whose glyphs are not upright (a sideways table on a rotated page) is left to the text flow.

Cells: the text of a cell is its lines joined without a break (no space between CJK; a space between two Latin
words). Merged cells print as word.py prints them: a vertically merged cell's text once, in its first row, and an
empty cell in the rows below; a horizontally merged cell is one cell.

Across pages: each page's rows are lines like any other, so a table that runs on simply continues after the page
furniture is dropped; a header row repeated at the top of the run-on page is printed once (drop_repeated_headers).

Known limits: a row that itself breaks across a page (Word's "allow row to break across pages") prints as two rows,
the second holding the rest of each cell — it cannot be told from a new row whose 序号 cell is merged from above; a
grid with text of its rows left outside its cells (a missing rule, common in OCR layers) is left to the text flow.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

from .pdf_lines import Char, Line, chars_to_lines, direction_of

Bbox = tuple[float, float, float, float]  # x0, top, x1, bottom in pdfplumber's page frame

THIN_RECT = 2.0  # a filled rectangle at most this thick (pt) is drawn as a rule
MIN_RULE = 3.0  # shorter strokes are glyph parts, ticks or dots, not rules
MAX_RULES = 1500  # more rules of one direction is a drawing (map, chart); pdfplumber's grid search is quadratic
WHITE = 0.95  # a colour at least this light in every RGB/gray channel (CMYK: this dark in none) is invisible

_SETTINGS = {  # everything else is pdfplumber's default
    "vertical_strategy": "explicit",
    "horizontal_strategy": "explicit",
    "edge_min_length": MIN_RULE,
}


@dataclass
class TableGrid:
    """A ruled table found on one page: its cells, geometry only (text is read later, after glyph repair)."""

    bbox: Bbox
    cells: list[Bbox]


def find_tables(page: Any) -> list[TableGrid]:
    """The ruled tables of an open pdfplumber page (see the module docstring for what counts as one)."""
    vertical, horizontal = ruling_edges(page)
    if not 2 <= len(vertical) <= MAX_RULES or not 2 <= len(horizontal) <= MAX_RULES:
        return []
    settings = dict(_SETTINGS, explicit_vertical_lines=vertical, explicit_horizontal_lines=horizontal)
    return [TableGrid(tuple(map(float, t.bbox)), [tuple(map(float, c)) for c in t.cells])  # type: ignore[misc]
            for t in page.find_tables(settings)]


def ruling_edges(page: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Vertical and horizontal edges (pdfplumber edge dicts) of the page's visible rules."""
    edges: list[dict[str, Any]] = []
    for obj in page.lines:
        if _visible(obj.get("stroking_color")):
            edges.append(_edge(obj["x0"], obj["top"], obj["x1"], obj["bottom"]))
    for obj in page.curves:
        if obj.get("stroke") and _visible(obj.get("stroking_color")):
            pts = obj.get("pts") or []
            for (ax, ay), (bx, by) in zip(pts, pts[1:]):
                if ax == bx or ay == by:
                    edges.append(_edge(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))
    for obj in page.rects:
        x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
        if obj.get("fill") and _visible(obj.get("non_stroking_color")) and \
                min(x1 - x0, bottom - top) <= THIN_RECT:
            if x1 - x0 <= bottom - top:  # a thin filled bar is one rule along its long axis
                mid = (x0 + x1) / 2
                edges.append(_edge(mid, top, mid, bottom))
            else:
                mid = (top + bottom) / 2
                edges.append(_edge(x0, mid, x1, mid))
        elif obj.get("stroke") and _visible(obj.get("stroking_color")):
            edges += [_edge(x0, top, x1, top), _edge(x0, bottom, x1, bottom),
                      _edge(x0, top, x0, bottom), _edge(x1, top, x1, bottom)]
    edges = [e for e in edges if max(e["width"], e["height"]) >= MIN_RULE]
    return [e for e in edges if e["orientation"] == "v"], [e for e in edges if e["orientation"] == "h"]


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    x0, top, x1, bottom = float(x0), float(top), float(x1), float(bottom)
    return {"object_type": "rule_edge", "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0,
            "height": bottom - top, "orientation": "v" if x1 - x0 < bottom - top else "h"}


def _visible(colour: Any) -> bool:
    """False only for a colour we can tell is white; patterns and unknown spaces count as visible."""
    if colour is None:
        return True  # pdfminer leaves the default (black) unset
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(v, (int, float)) for v in colour):
        return True
    if len(colour) in (1, 3):
        return not all(v >= WHITE for v in colour)
    if len(colour) == 4:
        return not all(v <= 1 - WHITE for v in colour)
    return True


def in_box(ch: Char, box: Bbox) -> bool:
    """Does the glyph's centre lie in the box? (pdfplumber's own cell test, so cells get what it would give them)"""
    x = (ch["x0"] + ch["x1"]) / 2
    y = (ch["top"] + ch["bottom"]) / 2
    return box[0] <= x < box[2] and box[1] <= y < box[3]


def table_rows(grid: TableGrid, chars: list[Char], page: int, width: float, height: float, table: int,
               fix: Callable[[str], str]) -> Optional[tuple[list[Line], list[Char]]]:
    """One Line per non-empty row of the table and the glyphs they took from `chars` (the page's glyphs), or None
    when the grid is not a table we print (one row, no row with text in two cells, or sideways glyphs)."""
    inside = [c for c in chars if any(in_box(c, cell) for cell in grid.cells)]
    if not inside or any(direction_of(c) != (1, 0) for c in inside if not c["text"].isspace()):
        return None
    if _open_grid(grid, chars, inside):
        return None
    text_of = {cell: cell_text([c for c in inside if in_box(c, cell)], page, width, height, fix)
               for cell in grid.cells}
    tops = sorted({cell[1] for cell in grid.cells})
    xs = sorted({cell[0] for cell in grid.cells})
    if len(tops) < 2 or not any(sum(1 for cell in grid.cells if cell[1] == y and text_of[cell]) >= 2 for y in tops):
        return None
    lines: list[Line] = []
    for y in tops:
        texts = _row_cells(grid.cells, text_of, xs, y)
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            continue
        row_cells = [cell for cell in grid.cells if cell[1] == y]
        row_chars = [c for c in inside if any(in_box(c, cell) for cell in row_cells) and not c["text"].isspace()]
        size = statistics.median(float(c.get("size") or 0.0) for c in row_chars) if row_chars else 0.0
        bottom = min(cell[3] for cell in row_cells)
        lines.append(Line("\t".join(t.replace("\t", " ") for t in texts), grid.bbox[0], grid.bbox[2], y, bottom,
                          y, size, page, width, height, table=table))
    return lines, inside


def _open_grid(grid: TableGrid, chars: list[Char], inside: list[Char]) -> bool:
    """Is text of the table's rows left outside its cells? Then a rule is missing (an open side, a border the OCR
    engine did not redraw) and printing the cells as rows would tear each row apart; the text flow keeps it whole."""
    taken = {id(c) for c in inside}
    _, top, _, bottom = grid.bbox
    for c in chars:
        if id(c) in taken or c["text"].isspace():
            continue
        if top <= (c["top"] + c["bottom"]) / 2 < bottom:
            return True  # in the table's band: inside its box but in no cell, or beside it on a row's line
    return False


def _row_cells(cells: list[Bbox], text_of: dict[Bbox, str], xs: list[float], y: float) -> list[str]:
    """Cell texts of the row whose top is `y`, column by column: a cell starting here gives its text; a slot under
    a cell merged down from a row above gives "" once (at the merged cell's first column); a slot covered by a
    cell spanning columns gives nothing; a slot no cell covers (an irregular grid) gives ""."""
    out: list[str] = []
    for x in xs:
        here = next((c for c in cells if c[0] == x and c[1] == y), None)
        if here is not None:
            out.append(text_of[here])
            continue
        cover = next((c for c in cells if c[0] <= x < c[2] and c[1] <= y < c[3]), None)
        if cover is None or (cover[1] < y and cover[0] == x):
            out.append("")
    return out


def cell_text(chars: Iterable[Char], page: int, width: float, height: float, fix: Callable[[str], str]) -> str:
    """A cell's text on one line: its visual lines joined without a break (a space only between two Latin words)."""
    text = ""
    for line in chars_to_lines(chars, page, width, height, fix):
        part = line.text.strip()
        if text and part and _word_break(text[-1], part[0]):
            text += " "
        text += part
    return text


def _word_break(left: str, right: str) -> bool:
    """Latin text wraps at spaces, so two Latin/digit glyphs across a wrap had a space between them; two digits
    did not (a number too long for a narrow cell breaks anywhere), nor does anything next to CJK."""
    ascii_alnum = left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
    return ascii_alnum and not (left.isdigit() and right.isdigit())


def place_rows(flow: list[Line], rows: list[Line]) -> list[Line]:
    """The page's text lines with table rows inserted by vertical position: a row goes before the first upright
    text line whose baseline lies below the row's top edge. Lines of other writing directions keep their place
    after the upright ones (chars_to_lines reads them last)."""
    if not rows:
        return flow
    out: list[Line] = []
    pending = sorted(rows, key=lambda r: r.top)
    for line in flow:
        while pending and line.direction == (1, 0) and line.baseline > pending[0].top:
            out.append(pending.pop(0))
        out.append(line)
    return out + pending


def drop_repeated_headers(pages: list[list[Line]]) -> list[list[Line]]:
    """A table that runs on from one page to the next often repeats its header row at the top of the new page
    (Word's "repeat as header row", Chromium's <thead>); the .docx holds that row once, so it is printed once.
    Applied after page furniture is dropped, so a page number under the table does not hide the run-on."""
    head: str | None = None  # first row of the table the previous page ended in
    out: list[list[Line]] = []
    for lines in pages:
        lines = list(lines)
        runs_on = head is not None and bool(lines) and lines[0].table is not None
        if runs_on and lines[0].text == head:
            lines.pop(0)
        last = lines[-1] if lines else None
        if last is None or last.table is None:
            head = None
        elif not (runs_on and lines[0].table == last.table):  # a table that starts on this page
            head = next(ln.text for ln in lines if ln.table == last.table)
        out.append(lines)
    return out
