"""Time phrases → ISO dates, following the conventions of ../shared/gold/README.md.

`到2025年` → deadline 2025-12-31; `2030年前` → 2030-12-31 (before); `2022年起` → period_start 2022-01-01, no deadline;
`“十四五”期间` → 2021-01-01..2025-12-31; `2022年2月底前` → 2022-02-28; in an annual plan `6月底` → that year's 06-30 and
`四季度` → 12-31. Matched on the shadow text, OCR spaces allowed (`到 2025 年`).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional

from .numerals import cn_to_int

FIVE_YEAR = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}
_Y = r"((?:19|20)\d\d|(?:1 ?9|2 ?0) ?\d ?\d)"  # a year, OCR spaces allowed
_S = r"[ \t]*"
_Q = r"[“\"'‘]?"
_Q2 = r"[”\"'’]?"
_FY = r"(十[一二三四五六]五)"


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    deadline: Optional[str]
    period_start: Optional[str]
    before: bool = False
    standing: bool = False  # "2022年起": a rule from then on


def _year(s: str) -> int:
    return int(s.replace(" ", ""))


def _month_end(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _cn_or_int(s: str) -> Optional[int]:
    s = s.replace(" ", "")
    return int(s) if s.isdigit() else cn_to_int(s)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("fy_pair", re.compile(rf"{_Q}{_FY}{_Q2}{_S}(?:和|、|及|至|到){_S}{_Q}{_FY}{_Q2}{_S}(?:期间|时期)")),
    ("fy", re.compile(rf"{_Q}{_FY}{_Q2}{_S}(期间|时期|末|期末|内)?(?![”\"'’]?[\u4e00-\u9fff]{{0,8}}(规划|计划|方案))")),
    ("ymd", re.compile(rf"(?:到|至|于|在)?{_S}{_Y}{_S}年{_S}(\d{{1,2}}){_S}月{_S}(\d{{1,2}}){_S}日{_S}(前|之前|以前)?")),
    ("ym", re.compile(rf"(?:到|至|于|在)?{_S}{_Y}{_S}年{_S}(\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}月{_S}(底|末|中旬|下旬|上旬)?{_S}(前|之前|以前)?")),
    ("ym_range", re.compile(rf"{_Y}{_S}年{_S}\d{{1,2}}{_S}[-~至到]{_S}(\d{{1,2}}){_S}月{_S}(底|末)?{_S}(前|之前|以前)?")),
    ("yq", re.compile(rf"{_Y}{_S}年{_S}(?:第)?([一二三四1-4]){_S}季度{_S}(末|底)?{_S}(前|之前)?")),
    ("y_from", re.compile(rf"(?:从|自)?{_S}{_Y}{_S}年{_S}(起|开始)")),
    ("y_before", re.compile(rf"{_Y}{_S}年{_S}(前|之前|以前)")),
    ("to_y", re.compile(rf"(?:到|至|截至|截止到?){_S}{_Y}{_S}年{_S}(底|末)?")),
    ("y_end", re.compile(rf"{_Y}{_S}年{_S}(底|末|年底|年末)(?:前)?")),
    ("m_only", re.compile(rf"(?<![\d年])(\d{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}月{_S}(底|末|中旬|下旬|上旬)?{_S}(前|之前|以前)?")),
    ("q_only", re.compile(rf"(?:第)?([一二三四1-4]){_S}季度{_S}(末|底)?{_S}(前|之前)?")),
    ("year_end", re.compile(r"(年底前|年内|年底|年末|全年|今年)")),
    ("bare_y", re.compile(rf"(?:(?<=^)|(?<=[,;。:]))[ \t]*(?:在|于|确保|力争|争取)?{_S}{_Y}{_S}年(?![度份以来初中的起前底末比])")),
]


def find_times(shadow: str, start: int, end: int, plan_year: Optional[int] = None) -> list[TimeExpr]:
    """Non-overlapping time phrases in shadow[start:end], left to right."""
    taken: list[tuple[int, int]] = []
    out: list[TimeExpr] = []
    seg = shadow[start:end]
    for kind, rx in _PATTERNS:
        for m in rx.finditer(seg):
            s, e = start + m.start(), start + m.end()
            while e > s and shadow[e - 1] in " \t":
                e -= 1
            while s < e and shadow[s] in " \t":
                s += 1
            if any(s < te and ts < e for ts, te in taken):
                continue
            t = _resolve(kind, m, plan_year)
            if t is None:
                continue
            t.start, t.end, t.text = s, e, shadow[s:e]
            taken.append((s, e))
            out.append(t)
    out.sort(key=lambda t: t.start)
    return out


def _resolve(kind: str, m: re.Match[str], plan_year: Optional[int]) -> Optional[TimeExpr]:
    g = m.groups()
    mk = lambda d, p=None, **kw: TimeExpr(0, 0, "", d, p, **kw)  # noqa: E731
    if kind == "fy_pair":
        a, b = FIVE_YEAR.get(g[0]), FIVE_YEAR.get(g[1])
        return mk(f"{b + 4}-12-31", f"{a}-01-01") if a and b else None
    if kind == "fy":
        a = FIVE_YEAR.get(g[0])
        if not a:
            return None
        return mk(f"{a + 4}-12-31", f"{a}-01-01" if g[1] in ("期间", "时期", "内") else None)
    if kind == "ymd":
        y, mo, d = _year(g[0]), int(g[1]), int(g[2])
        if not (1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]):
            return None
        return mk(f"{y:04d}-{mo:02d}-{d:02d}", before=bool(g[3]))
    if kind == "ym":
        y, mo = _year(g[0]), _cn_or_int(g[1])
        if not mo or not 1 <= mo <= 12:
            return None
        day = {"上旬": 10, "中旬": 20}.get(g[2] or "")
        return mk(f"{y:04d}-{mo:02d}-{day:02d}" if day else _month_end(y, mo), before=bool(g[3]))
    if kind == "ym_range":
        y, mo = _year(g[0]), int(g[1])
        return mk(_month_end(y, mo), before=bool(g[3])) if 1 <= mo <= 12 else None
    if kind == "yq":
        y, q = _year(g[0]), _cn_or_int(g[1])
        return mk(_month_end(y, q * 3)) if q and 1 <= q <= 4 else None
    if kind == "y_from":
        return mk(None, f"{_year(g[0]):04d}-01-01", standing=True)
    if kind == "y_before":
        return mk(f"{_year(g[0]):04d}-12-31", before=True)
    if kind in ("to_y", "y_end", "bare_y"):
        return mk(f"{_year(g[0]):04d}-12-31")
    if plan_year is None:
        return None
    if kind == "m_only":
        mo = _cn_or_int(g[0])
        if not mo or not 1 <= mo <= 12:
            return None
        day = {"上旬": 10, "中旬": 20}.get(g[1] or "")
        return mk(f"{plan_year:04d}-{mo:02d}-{day:02d}" if day else _month_end(plan_year, mo), before=bool(g[2]))
    if kind == "q_only":
        q = _cn_or_int(g[0])
        return mk(_month_end(plan_year, q * 3)) if q and 1 <= q <= 4 else None
    if kind == "year_end":
        return mk(f"{plan_year:04d}-12-31")
    return None


def parse_deadline_text(text: str, plan_year: Optional[int] = None) -> Optional[TimeExpr]:
    """The first time phrase of a 完成时限 field (`2022 年 2 月底前`, `6 月底`); None for `持续推进` and the like."""
    from .shadow import shadow as _shadow
    times = find_times(_shadow(text), 0, len(text), plan_year)
    return times[0] if times else None
