"""Time in a question: a year bound (`到2025年`, `2030年前`, `“十四五”期间`, `今年`, `明年底`), an explicit date
(`2026年1月15日`, `截至2026年1月1日`), a month or day without a year (`6月底前`, `7月1日`: the asker's year, as an
official of an annual work plan writes them), and "now" phrases (`到今天为止`, `目前`).

Why separate from the document's time parser (extract.timeexpr): a question's time is relative to the asker's date
(`今年` depends on as_of), and a question's year may be a baseline (`比2020年下降多少`) that must not become a deadline.
The result only says what the question says; handlers decide what it means for them (a date bounds deadlines for
"by when" questions and is the as-of date for "overdue" questions).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .text import norm_map

__all__ = ["TimeSlots", "parse_time", "FIVE_YEAR_END"]

#: Last year of each five-year plan period (十四五 = 2021–2025).
FIVE_YEAR_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
_CN_DIGIT = {"〇": "0", "零": "0", "○": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6",
             "七": "7", "八": "8", "九": "9"}


@dataclass
class TimeSlots:
    year: Optional[int] = None  # deadline year bound ("by the end of")
    date: Optional[date] = None  # an explicit day
    now: bool = False  # "as of today" words
    period: Optional[str] = None  # 十四五 …
    baseline_year: Optional[int] = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # consumed, in the original text


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _cn_year(s: str) -> Optional[int]:
    digits = "".join(_CN_DIGIT.get(c, c) for c in s)
    return int(digits) if digits.isdigit() and len(digits) == 4 else None


_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})[日号]?|((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
_YM = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(?:份)?(?:底|末)?(?:前|以前|之前)?")
# a month (or day) without a year: not after a digit or 年 (that is _YM/_DATE), not `3个月` (a window)
_MD = re.compile(r"(?<![\d年])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?"
                 r"(?:(\d{1,2})[日号]|(底|末|上旬|中旬|下旬))?(?:前|以前|之前|内|以内)?")
_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11,
             "十二": 12}
_YEAR = re.compile(r"((?:19|20)\d\d|[〇零○一二三四五六七八九]{4})年?(?:底|末|年底|年末)?(?:前|以前|之前|内|以内)?")
_FY = re.compile(r"(十[一二三四五六]五)(期间|末|期末|时期|内)?")
_REL = re.compile(r"(今年|本年度|本年|明年|后年|去年|前年)(?:底|末|年底|年末)?(?:内|前|之前|以前)?")
_NOW = re.compile(r"到今天为止|截至今天|截止今天|截至目前|截止目前|到目前为止|迄今为止|迄今|今天|今日|目前|现在|当前|眼下|此刻|现阶段")
_BASELINE_BEFORE = re.compile(r"(比|较|相比|相较|与|对比|以)$")
_BASELINE_AFTER = re.compile(r"^(年)?(基础上|为基数|为基准|水平|相比|比较)")
_REL_OFFSET = {"今年": 0, "本年度": 0, "本年": 0, "明年": 1, "后年": 2, "去年": -1, "前年": -2}


def parse_time(text: str, today: date) -> TimeSlots:
    """Time slots of a question, with the spans they occupy (so that later parsing ignores them)."""
    flat, idx = norm_map(text)
    out = TimeSlots()
    taken = [False] * len(flat)

    def take(s: int, e: int) -> bool:
        if any(taken[s:e]):
            return False
        for k in range(s, e):
            taken[k] = True
        out.spans.append((idx[s], idx[e - 1] + 1))
        return True

    for m in _DATE.finditer(flat):
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        try:
            day = date(int(y), int(mo), int(d))
        except ValueError:
            continue
        if take(m.start(), m.end()):
            out.date, out.year = day, day.year
    for m in _YM.finditer(flat):
        try:
            day = _month_end(int(m.group(1)), int(m.group(2)))
        except (ValueError, calendar.IllegalMonthError):
            continue
        if take(m.start(), m.end()) and out.date is None:
            out.date, out.year = day, day.year
    for m in _MD.finditer(flat):
        mo = int(m.group(1)) if m.group(1).isdigit() else _CN_MONTH[m.group(1)]
        try:
            day = (date(today.year, mo, int(m.group(2))) if m.group(2)
                   else date(today.year, mo, {"上旬": 10, "中旬": 20}.get(m.group(3) or "", 0) or
                             calendar.monthrange(today.year, mo)[1]))
        except ValueError:
            continue
        if take(m.start(), m.end()) and out.date is None:
            out.date, out.year = day, day.year
    for m in _FY.finditer(flat):
        if take(m.start(), m.end()):
            out.period = m.group(1)
            out.year = out.year or FIVE_YEAR_END[m.group(1)]
    for m in _YEAR.finditer(flat):
        y = _cn_year(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
        if y is None or not (1990 <= y <= 2100):
            continue
        if not m.group(1).isdigit() and not flat[m.end(1):m.end(1) + 1] == "年":
            continue
        before, after = flat[max(0, m.start() - 2):m.start()], flat[m.end(1):m.end(1) + 5]
        if _BASELINE_BEFORE.search(before) or _BASELINE_AFTER.search(after):
            if take(m.start(), m.end()):
                out.baseline_year = y
            continue
        if take(m.start(), m.end()) and out.year is None:
            out.year = y
    for m in _REL.finditer(flat):
        if take(m.start(), m.end()) and out.year is None:
            out.year = today.year + _REL_OFFSET[m.group(1)]
    for m in _NOW.finditer(flat):
        if take(m.start(), m.end()):
            out.now = True
    return out
