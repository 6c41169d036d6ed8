"""Task tables: plans that keep their tasks in a table (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限).

Why a component of its own: many 实施方案 and 工作要点, and most 任务分工表 attachments, list tasks as table rows rather
than numbered paragraphs. The .docx and .html loaders print every row as one line with the cells separated by TABs
(extract.loaders.word / webpage), so the table's own header says what each cell is. A row becomes a task numbered by
its 序号 cell, nested under the section the table stands in; its units come from the unit columns (a 牵头 column leads,
a 配合 column supports, a plain 责任单位 column follows the usual first-listed-leads rule); its deadline from the time
column; its targets from the content cells only, each dated by the row's deadline when it names no time of its own.

Only a header that names a content column and a responsibility or time column opens a task table: an indicator table
(指标 | 单位 | 2020年 | 2025年) is not a task list, and `单位` alone is a unit of measure, not a responsible body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .numerals import ordinal_value
from .record import Target, UnitRef
from .structure import Heading, line_spans
from .timeexpr import parse_deadline_text
from .units import assign_roles, parse_unit_list

__all__ = ["TableRow", "find_task_rows", "merge_headings", "row_units", "row_targets", "SEP", "cell_spans", "line_spans",
           "task_header_kinds"]

# Header cell → column kind; checked in this order on the cell with spaces removed.
_HEADER_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(序号|编号|序|号)$")),
    ("lead", re.compile(r"牵头|主责|主办|负责单位\(牵头\)")),
    ("support", re.compile(r"配合|参与|协同|协办|协助")),
    ("units", re.compile(r"责任(单位|部门|处室|主体)|承办单位|实施(单位|主体)|负责(单位|部门)|主管部门|责任人")),
    ("deadline", re.compile(r"时限|期限|完成时间|时间节点|时间安排|进度安排|完成年限|推进时间|实施时间|^时间$")),
    ("content", re.compile(r"任务|工作|措施|内容|事项|举措|项目|目标|要求|重点|名称")),
]
_UNIT_KINDS = ("lead", "support", "units")
SEP = "\t"  # the cell separator the .docx/.html loaders print (also read by extract.indicator_tables)


@dataclass
class TableRow:
    """One data row of a task table: cell spans by column kind, in canonical-text offsets."""
    start: int  # line start
    end: int  # line end
    number_span: Optional[tuple[int, int]]
    content: list[tuple[int, int]] = field(default_factory=list)
    units: list[tuple[str, tuple[int, int]]] = field(default_factory=list)  # (kind, span)
    deadline: Optional[tuple[int, int]] = None
    group: bool = False  # a category row (one filled cell) that heads the rows below it


def cell_spans(line: str, start: int) -> list[tuple[int, int]]:
    """(s, e) of every TAB-separated cell of a line starting at `start`, trimmed of spaces (canonical-text offsets,
    so a cell's span is a valid quote span)."""
    out, s = [], start
    for piece in line.split(SEP):
        e = s + len(piece)
        a, b = s, e
        while a < b and line[a - start].isspace():
            a += 1
        while b > a and line[b - 1 - start].isspace():
            b -= 1
        out.append((a, b))
        s = e + 1
    return out


def task_header_kinds(cells: list[str]) -> Optional[list[str]]:
    """Column kinds when `cells` is a task-table header, else None (extract.indicator_tables asks too, so that a
    header is read by one kind of table only)."""
    kinds = []
    for c in cells:
        c = re.sub(r"\s+", "", c)
        kinds.append(next((k for k, rx in _HEADER_KINDS if c and rx.search(c)), "other"))
    has_content = "content" in kinds
    has_duty = any(k in _UNIT_KINDS or k == "deadline" for k in kinds)
    return kinds if has_content and has_duty and len(cells) >= 2 else None


def find_task_rows(text: str, shadow: str) -> list[TableRow]:
    """Every data row of every task table in the text, in order."""
    if SEP not in text:
        return []  # a table is only opened by a TAB-separated header: most plans (.txt) have none
    rows: list[TableRow] = []
    kinds: Optional[list[str]] = None
    spans = line_spans(text)
    for i, (start, end) in enumerate(spans):
        line = shadow[start:end]
        if SEP not in line:
            nxt = i + 1 < len(spans) and SEP in shadow[spans[i + 1][0]:spans[i + 1][1]]
            if kinds is not None and nxt and line.strip():
                # a category cell merged across the table (`一、能源领域`) prints without TABs between rows
                rows.append(TableRow(start, end, None, [cell_spans(line, start)[0]], group=True))
            elif line.strip() or not nxt:
                kinds = None  # text outside a table ends it
            continue
        cells = cell_spans(line, start)
        words = [shadow[s:e] for s, e in cells]
        header = task_header_kinds(words)
        if header is not None:
            kinds = header
            continue
        if kinds is None:
            continue
        row = _row(text, start, end, cells, kinds)
        if row is not None:
            rows.append(row)
    return rows


def _row(text: str, start: int, end: int, cells: list[tuple[int, int]], kinds: list[str]) -> Optional[TableRow]:
    filled = [(k, c) for k, c in zip(kinds, cells) if c[1] > c[0]]
    if not filled:
        return None
    if len(filled) == 1 or len([c for c in cells if c[1] > c[0]]) == 1:
        only = next(c for c in cells if c[1] > c[0])
        return TableRow(start, end, None, [only], group=True)  # 一、能源领域 spanning the table
    row = TableRow(start, end, None)
    for kind, span in filled:
        if kind == "number" and row.number_span is None:
            row.number_span = span
        elif kind in _UNIT_KINDS:
            row.units.append((kind, span))
        elif kind == "deadline" and row.deadline is None:
            row.deadline = span
        elif kind in ("content", "other"):
            row.content.append(span)
    return row if row.content else None


def merge_headings(headings: list[Heading], rows: list[TableRow], text: str) -> list[Heading]:
    """The document's headings with table lines replaced by one heading per row: a category row opens a level
    (style `table_group`), a data row is an item below it (style `table_row`), numbered by its 序号 cell or, without
    one, by its place among its siblings."""
    if not rows:
        return headings
    table_lines = {r.start for r in rows}
    kept = [h for h in headings if h.start not in table_lines]
    added: list[Heading] = []
    group_count = item_count = 0
    prev_end = -2
    for r in rows:
        if r.start != prev_end + 1:  # a new table restarts the counts
            group_count = item_count = 0
        prev_end = r.end
        if r.group:
            group_count += 1
            item_count = 0
            s, e = r.content[0]
            value, number_end = _leading_ordinal(text, s, e)
            added.append(Heading("table_group", value or group_count, text[s:number_end] if value else "",
                                 r.start, number_end if value else s, e))
            continue
        item_count += 1
        value = None
        number = ""
        if r.number_span:
            number = text[r.number_span[0]:r.number_span[1]]
            value = ordinal_value(re.sub(r"[\s.、()（）]", "", number))
        s, e = r.content[0]
        added.append(Heading("table_row", value or item_count, number, r.start, s, e))
    return sorted(kept + added, key=lambda h: h.start)


def _leading_ordinal(text: str, s: int, e: int) -> tuple[Optional[int], int]:
    """The value and end of a leading 一、 / （一） / 1. marker of a category cell, else (None, s)."""
    m = re.match(r"[(（]?\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）、.．]\s*", text[s:e])
    if not m:
        return None, s
    return ordinal_value(m.group(1)), s + m.end()


def row_units(text: str, shadow: str, row: TableRow) -> list[UnitRef]:
    """The row's units: 牵头 columns lead, 配合 columns support, a plain 责任单位 column lets the first listed lead."""
    units: list[UnitRef] = []
    for kind, (s, e) in row.units:
        role = {"lead": "lead", "support": "support"}.get(kind)
        units.extend(parse_unit_list(text, shadow, s, e, role))
    seen: dict[str, UnitRef] = {}
    for u in units:
        if u.name not in seen or (u.role == "lead" and seen[u.name].role != "lead"):
            seen[u.name] = u
    return assign_roles(list(seen.values()))


def row_deadline(text: str, row: TableRow, plan_year: Optional[int]):
    """(deadline text, parsed time) of the row's time cell, or (None, None)."""
    if not row.deadline:
        return None, None
    s, e = row.deadline
    raw = text[s:e]
    return raw, parse_deadline_text(raw, plan_year)


def row_targets(text: str, shadow: str, owner: str, row: TableRow, plan_year: Optional[int],
                published_year: Optional[int]) -> list[Target]:
    """Targets of a row's content cells; one without a time of its own is due when the row is. A row with a time
    and no amount is one milestone: its content cell."""
    from .targets import extract_targets
    found = extract_targets(text, shadow, owner, list(row.content), plan_year, published_year)
    raw, when = row_deadline(text, row, plan_year)
    if when is None:
        return found
    for g in found:
        if g.deadline is None and g.period_start is None:
            g.deadline, g.deadline_text, g.deadline_inherited, g.before = when.deadline, raw, True, when.before
            if g.kind == "standard" and g.value is not None:
                # read as if the row's time were written in the sentence: a dated amount (`新建公共充电桩500个` by
                # 2023年9月底) is an amount to reach, not a standing rule for new builds
                g.kind = "quantitative"
    if not found:
        s, e = row.content[0]
        found.append(Target(id="", task=owner, quote=text[s:e], span=(s, e), indicator=text[s:e][:60], value=None,
                            unit=None, comparator=None, baseline_year=None, period_start=None, deadline=when.deadline,
                            deadline_text=raw, kind="milestone", deadline_inherited=True, before=when.before))
    return found
