"""Indicator tables: the 主要指标表 / 主要目标表 of a plan — 序号 | 指标 | 单位 | 2020年（基期） | 2025年（目标） | 属性.

Why a reader of its own: 十四五 plans and 实施方案 very often give their numeric targets only in such a table, while the
prose around it says `主要指标见附表`. The task-table reader (extract.tables) rightly leaves these tables alone (no
responsibility or time column: `单位` here is a unit of measure), so without this module those targets are lost.

The .docx and .html loaders print every table row as one line of TAB-separated cells (see extract.tables). A header
opens an indicator table when it names an indicator column and at least one target column (a year, a period such as
`“十四五”累计`, or `目标值`); a header split over two lines (merged cells) is read as one. Each data row × each target
column is one Target: the indicator is the row's name (a unit in brackets at its end becomes the unit when the unit
column says none), the value, comparator and quote come from the value cell alone, the date from the column header
(deadline Dec 31 of its year, or the period of a 累计/年均 column), the baseline year from the 基期 column.

Cells that only say how the level should move (`持续下降`, `稳步提升`) are not targets (gold rule 4: directional);
`完成省下达目标` is a milestone without a value, like gold T004 `确保完成市下达指标` (a core milestone, value null).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .quantities import MEASURES
from .record import Target
from .tables import SEP, cell_spans, line_spans, task_header_kinds
from .targets import DIRECTIONAL_RE, MILESTONE_RE
from .timeexpr import FIVE_YEAR

__all__ = ["IndicatorTable", "find_indicator_tables", "targets_in"]

Span = tuple[int, int]

_YEAR_RE = re.compile(r"((?:19|20)\d\d)")
_YEAR_RANGE_RE = re.compile(r"((?:19|20)\d\d)年?[-~至到]((?:19|20)\d\d)年?")
_FY_RE = re.compile(r"(十[一二三四五六]五)")
_BASE_WORDS = re.compile(r"基期|基准|基数|现状|现值|实际|完成值|完成情况|基础值")
_TARGET_WORDS = re.compile(r"目标|预期|规划|指标值|期末")
_PERIOD_WORDS = re.compile(r"累计|年均|平均")
#: header cell → column kind, checked in this order on the cell with spaces removed (year-ish columns are decided
#: apart, in _year_column)
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(序号|编号|序)$")),
    ("remark", re.compile(r"备注|说明|来源|责任|牵头|配合")),
    ("property", re.compile(r"属性|性质|类型")),
    ("unit", re.compile(r"^(计量)?单位$|^单位[(:]")),
]
_CATEGORY_RE = re.compile(r"类别|领域|分类|方面|维度|一级指标")
_INDICATOR_RE = re.compile(r"指标|名称|^(主要)?项目$")  # 项目 only beside a unit column (_is_header)
_EMPTY_CELL = re.compile(r"^[-/—─\\\s]*$|^(无|暂无|空)$")
_VALUE_RE = re.compile(
    r"^(?P<pre>≥|≤|>=|<=|>|<|不低于|不少于|不小于|不高于|不超过|不大于|大于|小于|高于|低于|超过|达到|控制在|降至|降到|力争|约)?"
    r"(?P<move>累计)?(?P<dir>下降|降低|减少|增长|提高|提升)?[ ]*"
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)[ ]*(?:[-~至](?P<num2>\d+(?:\.\d+)?))?[ ]*"
    r"(?P<unit>%|‰|[^\d\s≥≤<>()]{1,8}?)??[ ]*(?P<post>及以上|以上|及以下|以下|以内|左右)?$")
_NOTE_RE = re.compile(r"[ ]*(\([^()]*\)|[,;][^,;]*)$")  # `≥19（力争20）`, `≥19，力争20`: a note after the value
_DEC_NAME = re.compile(r"(降低|下降|减少|削减|降幅)(率|幅度|比例)?$")
_INC_NAME = re.compile(r"(增长|提高|提升|增幅)(率|幅度|比例)?$")
_UNIT_BRACKET = re.compile(r"[ ]*\(([^()]{1,12})\)$")
_RATE_LABEL = re.compile(r"(增长率|增速|增幅|降幅|下降率)")
_UNIT_WORDS = {"百分比": "%", "百分数": "%"}  # a unit column that spells the percent sign out


@dataclass
class _Column:
    kind: str  # number | indicator | category | unit | property | remark | base | target | other
    label: Span  # the header cell that names its time (the year / period cell), canonical offsets
    year: Optional[int] = None
    period: Optional[tuple[int, int]] = None  # first and last year of a 累计/年均 column
    average: bool = False  # 年均: the value is a yearly rate over the period, not a level


@dataclass
class IndicatorTable:
    """One indicator table: the lines it covers (header included; prose must not read them again) and its targets
    (task left empty: the owner is the section or task whose text holds the table, decided by the pipeline)."""
    start: int
    end: int
    lines: list[Span] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


def find_indicator_tables(text: str, shadow: str, plan_year: Optional[int] = None,
                          published_year: Optional[int] = None) -> list[IndicatorTable]:
    """Every indicator table of the text with its targets, in order. Text without TABs has none (the fast path every
    .txt plan takes)."""
    if SEP not in text:
        return []
    out: list[IndicatorTable] = []
    spans = line_spans(text)
    cols: Optional[list[_Column]] = None
    table: Optional[IndicatorTable] = None
    interrupted = False  # a line without cells stood between this row and the last one
    i = 0
    while i < len(spans):
        start, end = spans[i]
        line = shadow[start:end]
        if SEP not in line:
            nxt = i + 1 < len(spans) and SEP in shadow[spans[i + 1][0]:spans[i + 1][1]]
            if table is not None and not (nxt and line.strip()):
                if line.strip() or not nxt:
                    cols, table = None, None  # text outside a table ends it
            interrupted = interrupted or bool(line.strip())
            i += 1
            continue  # a category cell merged across the table (`一、经济发展`) stays inside it
        cells = cell_spans(line, start)
        if interrupted and cols is not None and not _continues(shadow, cells, cols):
            cols, table = None, None  # the line was a caption: another table starts here
        interrupted = False
        words = [re.sub(r"\s+", "", shadow[s:e]) for s, e in cells]
        if task_header_kinds([shadow[s:e] for s, e in cells]) is not None:
            cols, table = None, None  # a task table (extract.tables) owns this header and its rows
            i += 1
            continue
        if _is_header(words):
            lines = [(start, end)]
            heads: list[tuple[Span, Optional[Span]]] = [(c, None) for c in cells]
            if _is_sub_header(shadow, spans, i + 1):
                sub_cells = cell_spans(shadow[spans[i + 1][0]:spans[i + 1][1]], spans[i + 1][0])
                width = _data_width(shadow, spans, i + 2, len(sub_cells))
                heads = _merge_header(shadow, cells, sub_cells, width)
                lines.append(spans[i + 1])
                i += 1
            cols = _columns(shadow, heads, plan_year, published_year)
            if not any(c.kind == "target" for c in cols) or not any(c.kind == "indicator" for c in cols):
                cols, table = None, None
                i += 1
                continue
            table = IndicatorTable(start, spans[i][1], lines)
            out.append(table)
            i += 1
            continue
        if cols is not None and table is not None:
            table.lines.append((start, end))
            table.end = end
            table.targets.extend(_row_targets(text, shadow, cells, cols))
        i += 1
    return [t for t in out if t.targets]


def _continues(shadow: str, cells: list[Span], cols: list[_Column]) -> bool:
    """Whether a row after a line without cells still belongs to the table above: a category row (`一、经济发展`) sits
    between rows of one width with values in them, a caption (`表2 各区装机`) between two tables."""
    if abs(len(cells) - len(cols)) > 1:
        return False
    return any(_VALUE_RE.match(_NOTE_RE.sub("", shadow[s:e].strip())) for s, e in cells)


def targets_in(tables: list[IndicatorTable], owner: str, s: int, e: int) -> tuple[list[Target], list[Span]]:
    """The targets (given to `owner`) and the table lines that lie in an owner's text [s, e)."""
    found: list[Target] = []
    held: list[Span] = []
    for t in tables:
        held.extend(ln for ln in t.lines if s <= ln[0] < e)
        for g in t.targets:
            if s <= g.span[0] < e:
                g.task = owner
                found.append(g)
    return found, held


def _kind(word: str) -> str:
    """The kind of one header cell (spaces removed)."""
    if not word:
        return "other"
    for kind, rx in _KINDS:
        if rx.search(word):
            return kind
    if _YEAR_RE.search(word) or _FY_RE.search(word) or _BASE_WORDS.search(word) or _TARGET_WORDS.search(word) \
            or _PERIOD_WORDS.search(word):
        return "time"
    if _CATEGORY_RE.search(word):
        return "category"
    if _INDICATOR_RE.search(word):
        return "indicator"
    return "other"


def _is_header(words: list[str]) -> bool:
    """Whether a line's cells can open an indicator table: an indicator column and a time column."""
    kinds = [_kind(w) for w in words]
    named = [re.sub(r"\s+", "", w) for w, k in zip(words, kinds) if k == "indicator"]
    if named and all(re.fullmatch(r"(主要)?项目", w) for w in named) and "unit" not in kinds:
        return False  # `项目` alone also heads project lists (项目 | 建设内容 | 2025年); with a unit column it is a measure
    return "indicator" in kinds and "time" in kinds and len(words) >= 2


def _is_sub_header(shadow: str, spans: list[Span], i: int) -> bool:
    """The second line of a header split by merged cells (`||||2025年|2030年` from Word, `2025年|2030年` from a web
    page) rather than data: every filled cell names a time (or a unit or property), none is an amount."""
    if i >= len(spans):
        return False
    s, e = spans[i]
    filled = [w for w in (re.sub(r"\s+", "", shadow[a:b]) for a, b in cell_spans(shadow[s:e], s)) if w]
    return bool(filled) and all(_kind(w) in ("time", "unit", "property") for w in filled)


def _data_width(shadow: str, spans: list[Span], i: int, floor: int) -> int:
    """Columns of the table's data rows (a loader drops trailing empty cells, so the widest of the next rows)."""
    width = floor
    for s, e in spans[i:i + 8]:
        line = shadow[s:e]
        if SEP not in line:
            break
        width = max(width, line.count(SEP) + 1)
    return width


def _merge_header(shadow: str, top: list[Span], sub: list[Span], width: int) -> list[tuple[Span, Optional[Span]]]:
    """One header cell per data column from a two-line header. Word prints the second line on the table grid (empty
    cells under vertically merged ones), a web page prints only the cells it has; either way the first line's cells
    that have cells below them are groups (`目标值` over `2025年 | 2030年`), and a column is named by its lower cell
    when it has one (the year is there), else by the cell above; a lower cell keeps its group cell as a second
    label (`目标值` says what the years under it hold)."""
    words = [re.sub(r"\s+", "", shadow[a:b]) for a, b in top]
    subs = [c for c in sub if c[1] > c[0]]
    gridded = any(c[1] == c[0] for c in sub)
    if gridded:
        grid = list(sub) + [(0, 0)] * max(0, width - len(sub))
        out: list[tuple[Span, Optional[Span]]] = []
        k = 0
        p = 0
        while k < len(top) and p < len(grid):
            if grid[p][1] == grid[p][0]:
                out.append((top[k], None))
                k, p = k + 1, p + 1
                continue
            run = p
            while run < len(grid) and grid[run][1] > grid[run][0]:
                run += 1
            # every empty position after the run sits under a cell of its own, every later run under at least one
            later_slots = sum(1 for a, b in grid[run:] if b == a) + _runs(grid, run)
            in_run = max(1, min(len(top) - k - later_slots, run - p))
            for w in _split(run - p, in_run):
                out.extend((c, top[k]) for c in grid[p:p + w])
                k, p = k + 1, p + w
        return out + [(c, None) for c in top[k:]]
    groups_needed = len(top) + len(subs) - width
    if groups_needed <= 0:
        return [(c, None) for c in top]
    candidates = [k for k, w in enumerate(words) if _kind(w) == "time"]
    yearless = [k for k in candidates if not _YEAR_RE.search(words[k]) and not _FY_RE.search(words[k])]
    groups = (yearless + [k for k in reversed(candidates) if k not in yearless])[:groups_needed]
    groups.sort()
    shares = _split(len(subs), len(groups))
    out, used = [], 0
    for k, cell in enumerate(top):
        if k in groups:
            n = shares[groups.index(k)]
            out.extend((c, cell) for c in subs[used:used + n])
            used += n
        else:
            out.append((cell, None))
    return out


def _runs(grid: list[Span], p: int) -> int:
    """Runs of filled cells in grid[p:] (each needs a cell of the first line above it)."""
    n, prev = 0, False
    for a, b in grid[p:]:
        filled = b > a
        n += filled and not prev
        prev = filled
    return n


def _split(n: int, parts: int) -> list[int]:
    """n columns over `parts` group cells: equal shares, the remainder to the last (`基期值|目标值` over three years)."""
    if parts <= 0:
        return []
    base = n // parts
    return [base] * (parts - 1) + [n - base * (parts - 1)]


def _columns(shadow: str, heads: list[tuple[Span, Optional[Span]]], plan_year: Optional[int],
             published_year: Optional[int]) -> list[_Column]:
    """Column kinds for an indicator table. A year column without a word saying what it holds is a level already
    reached (a base) when that year was past when the plan was written, a target otherwise; without the plan's year,
    the earliest of several years is the base."""
    cols: list[_Column] = []
    for (s, e), group in heads:
        w = re.sub(r"\s+", "", (shadow[group[0]:group[1]] if group else "") + shadow[s:e])
        kind = _kind(w)
        if kind != "time":
            cols.append(_Column(kind, (s, e)))
            continue
        cols.append(_year_column(w, (s, e)))
    names = [c for c in cols if c.kind == "indicator"]
    for c in names[:-1]:
        c.kind = "category"  # 一级指标 | 二级指标: the last names the row
    plain = [c for c in cols if c.kind == "time"]
    years = sorted({c.year for c in cols if c.year is not None and c.period is None})
    now = published_year or plan_year
    explicit_base = any(c.kind == "base" for c in cols)
    for c in plain:
        if now is not None and c.year is not None:
            c.kind = "base" if c.year < now else "target"  # a year already past when the plan was written: a level
        else:
            c.kind = "base" if (len(years) > 1 and c.year == years[0] and not explicit_base) else "target"
    return cols


def _year_column(w: str, label: Span) -> _Column:
    """A header cell naming a time: its year or period and whether it is a base, a target or not yet known."""
    rng = _YEAR_RANGE_RE.search(w)
    fy = _FY_RE.search(w)
    years = [int(y) for y in _YEAR_RE.findall(w)]
    period = None
    if rng:
        period = (int(rng.group(1)), int(rng.group(2)))
    elif fy and (_PERIOD_WORDS.search(w) or "期间" in w or not years):
        period = (FIVE_YEAR[fy.group(1)], FIVE_YEAR[fy.group(1)] + 4)
    if period:
        return _Column("target", label, period[1], period, average=bool(re.search(r"年均|平均", w)))
    year = years[-1] if years else None
    if _BASE_WORDS.search(w):
        return _Column("base", label, year)
    if _TARGET_WORDS.search(w) or _PERIOD_WORDS.search(w):
        return _Column("target", label, year, average=bool(re.search(r"年均|平均", w)))
    return _Column("time", label, year)


def _align(cells: list[Span], cols: list[_Column], shadow: str) -> list[Optional[Span]]:
    """Cells by column. A short row lost cells at its end (a loader drops trailing empties) or at its start (a web
    page omits cells merged down from the row above, usually the 类别 column): the reading whose value columns hold
    values wins."""
    n = len(cols)
    if len(cells) >= n:
        return list(cells[:n])
    left: list[Optional[Span]] = list(cells) + [None] * (n - len(cells))
    right: list[Optional[Span]] = [None] * (n - len(cells)) + list(cells)

    def score(row: list[Optional[Span]]) -> int:
        pts = 0
        for c, cell in zip(cols, row):
            if cell is None:
                continue
            w = shadow[cell[0]:cell[1]].strip()
            if c.kind in ("base", "target"):
                pts += 1 if (_EMPTY_CELL.match(w) or _VALUE_RE.match(_NOTE_RE.sub("", w))) else -1
            elif c.kind == "indicator":
                pts += 1 if w and not _VALUE_RE.match(w) else -1
            elif c.kind == "number":
                pts += 1 if w.isdigit() else -1
        return pts

    return right if score(right) > score(left) else left


def _row_targets(text: str, shadow: str, cells: list[Span], cols: list[_Column]) -> list[Target]:
    """One Target per target column of a data row whose indicator cell is filled."""
    row = _align(cells, cols, shadow)
    by_kind = {c.kind: cell for c, cell in zip(cols, row) if cell is not None and cell[1] > cell[0]}
    name_span = by_kind.get("indicator")
    if name_span is None:
        return []  # a category row, or a row continued from a merged indicator cell
    name = text[name_span[0]:name_span[1]]
    unit = None
    if "unit" in by_kind:
        unit = text[by_kind["unit"][0]:by_kind["unit"][1]].strip()
        unit = None if _EMPTY_CELL.match(unit) else unit
    m = _UNIT_BRACKET.search(shadow[name_span[0]:name_span[1]])
    if m and _is_unit(m.group(1)) and (unit is None or unit == m.group(1)):
        unit = text[name_span[0] + m.start(1):name_span[0] + m.end(1)]
        name = text[name_span[0]:name_span[0] + m.start()]
    base_year = next((c.year for c in cols if c.kind == "base" and c.year), None)
    out: list[Target] = []
    for col, cell in zip(cols, row):
        if col.kind != "target" or cell is None or cell[1] <= cell[0]:
            continue
        g = _target(text, shadow, cell, col, name.strip(), unit, base_year)
        if g is not None:
            out.append(g)
    return out


def _target(text: str, shadow: str, cell: Span, col: _Column, name: str, unit: Optional[str],
            base_year: Optional[int]) -> Optional[Target]:
    """The target in one value cell, or None for an empty, directional or unreadable cell."""
    s, e = cell
    w = shadow[s:e].strip()
    if _EMPTY_CELL.match(w):
        return None
    deadline = f"{col.year:04d}-12-31" if col.year else None
    period_start = f"{col.period[0]:04d}-01-01" if col.period else None
    if col.period and base_year is None:
        base_year = col.period[0] - 1  # `“十四五”累计下降13.5%`: against the year before the period
    label = text[col.label[0]:col.label[1]]
    own = _UNIT_BRACKET.search(shadow[col.label[0]:col.label[1]])
    if own and _is_unit(own.group(1)):
        unit = own.group(1)  # `年均增长率(%)` under a row whose unit column says 万千瓦: the column's own measure wins
    rate = _RATE_LABEL.search(shadow[col.label[0]:col.label[1]])
    if col.average and rate and "年均" not in name:
        indicator = name + "年均" + rate.group(1)  # 光伏 + 年均增长率 (2025年 | 年均增长率(%))
    else:
        indicator = name + ("（年均）" if col.average and "年均" not in name else "")
    common = dict(id="", task="", quote=text[s:e], span=(s, e), indicator=indicator or None, baseline_year=base_year,
                  period_start=period_start, deadline=deadline, deadline_text=label, deadline_inherited=True)
    m = _VALUE_RE.match(_NOTE_RE.sub("", w))
    if m is None or (m.group("unit") and not _is_unit(m.group("unit"))):
        if MILESTONE_RE.search(w) and not DIRECTIONAL_RE.search(w):
            common["baseline_year"] = None  # no level to compare with the base year
            return Target(**common, value=None, unit=None, comparator=None, kind="milestone")
        return None
    value = float(m.group("num").replace(",", ""))
    unit = unit or m.group("unit") or None
    unit = _UNIT_WORDS.get(unit, unit) if unit else None
    comparator = _comparator(m, name, col)
    return Target(**common, value=value, unit=unit, comparator=comparator, kind="quantitative",
                  hedge="力争" if m.group("pre") == "力争" else None)


def _comparator(m: re.Match[str], name: str, col: _Column) -> str:
    """From the cell's own sign or word first, then from the indicator's wording (`…能耗降低` → decrease_by)."""
    pre, post, move = m.group("pre") or "", m.group("post") or "", m.group("dir") or ""
    if pre in ("≥", ">=", ">", "不低于", "不少于", "不小于", "大于", "高于", "超过", "达到") or post in ("以上", "及以上"):
        return ">="
    if pre in ("≤", "<=", "<", "不高于", "不超过", "不大于", "小于", "低于", "控制在", "降至", "降到") or post in ("以下", "及以下", "以内"):
        return "<="
    if move in ("下降", "降低", "减少"):
        return "decrease_by"
    if move in ("增长", "提高", "提升"):
        return "increase_by"
    if m.group("num2"):
        return ">="  # `13-15`: the lower bound is the commitment
    if _DEC_NAME.search(name):
        return "decrease_by"
    if _INC_NAME.search(name) and not col.average and "年均" not in name:
        return "increase_by"
    return "="


_UNIT_WORD_RE = re.compile(r"(万|亿|千|百)?(" + "|".join(map(re.escape, MEASURES)) + r"|分贝|岁|年)(/.+)?")


def _is_unit(word: str) -> bool:
    """A measure (`%`, `微克/立方米`, `万吨标准煤`, `亿元`), not a note (`PM2.5`, `含撬装站`)."""
    word = word.strip()
    if word in ("%", "‰") or "/" in word:
        return True
    if re.search(r"\d", word):
        return False
    return bool(_UNIT_WORD_RE.fullmatch(word)) or word.startswith(("万", "亿"))
