"""`分别` ("respectively"): one clause that hands several values to several indicators, or to several years.

Why a rule of its own: officials pack a whole row of a target table into one clause, and the word `分别` says how the
row is read:
- `氮氧化物、挥发性有机物、化学需氧量和氨氮排放总量分别下降2%、1%、3%和2%` → four indicators, four values, paired in order;
- `综合能耗、单位GDP二氧化碳排放量分别比上年下降1.5%左右` → two indicators, one value that each of them carries;
- `到2025年、2030年，非化石能源消费比重分别达到20%、25%` → one indicator, one value per year, paired in order.
Without `分别`, a list of complete rate names sharing one value is read the same way
(`邮轮码头岸电设施使用率和港作船舶岸电使用率力争达到100%`, `A安全利用率、B安全利用率均达到95%以上`): two indicators.
Each entry keeps the whole clause as its quote (the indicator's name is in it, a bare `1%` quotes nothing), as the
gold conventions do (tests/gold/README.md, judgment call 8). Lists whose lengths do not fit are left as they are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .quantities import Quantity
from .units import split_top

#: what may stand between the indicator list and `分别`, or right after `分别`, without being part of a name
_QUALIFIER_TAIL_RE = re.compile(r"[ \t]*((比|较)[ \t]*(上年|上一年|(?:19|20)\d\d[ \t]*年)(基础上)?|同比|年均|均)[ \t]*$")
_LEAD_RE = re.compile(r"^[ \t,、:]*(全市|全区|全省|全县|全国|力争|确保|争取)?")
#: a year that continues a time list: `到2025年、2030年`, `2025年和2030年`, `2022 年底、2025 年底`
_MORE_YEARS_RE = re.compile(r"[ \t]*(?:、|和|及|与|,)[ \t]*(?:到|至)?[ \t]*((?:19|20)[ \t]?\d[ \t]?\d)[ \t]*年[ \t]*(底|末)?")
#: measure heads a coordinated indicator name ends with; an earlier item without one borrows the last item's head
_HEADS = ("排放总量", "排放量", "消费总量", "消费量", "总量", "产量", "比重", "占比", "比例", "利用率", "处理率", "回收率",
          "覆盖率", "达标率", "优良率", "使用率", "普及率", "浓度", "强度")
_MAX_ITEMS = 8
# brackets and quotes a name list never splits inside (`“十四五”`, `《…》`)
_OPENS, _CLOSES = "(“[《", ")”]》"
_RATE_END_RE = re.compile(r"(率|比重|占比|比例)$")
#: what may stand between a list of rates and its one value: hedges and one comparator verb
_RATE_GAP_RE = re.compile(r"[ \t]*(力争|均|基本|确保|争取|稳定)*[ \t]*(达到|达|不低于|不少于|提高到|提升到|超过|保持在|保持|控制在|"
                          r"不高于|低于|高于)[ \t]*(?=\d)")
_LIST_GOES_ON_RE = re.compile(r"[ \t]*(左右|及以上|以上|以下|以内)?[ \t]*[、和及与]")


@dataclass
class Share:
    """One entry of a `分别` clause: the value it carries, the indicator it measures, the year it is due (if paired)."""
    value_index: int
    name: Optional[tuple[int, int, str]]  # span of the indicator's name in the list, and a borrowed measure head
    year: Optional[tuple[int, int, int]] = None  # (year, start, end) of the paired year in the time list


def split_names(shadow: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a coordinated list of names on `、` (never inside brackets or quotes); the last item also on its last
    `和/及/与` (`化学需氧量和氨氮排放总量`)."""
    items = split_top(shadow, s, e, "、", opens=_OPENS, closes=_CLOSES)
    ls, le = items[-1]
    depth, cut = 0, None
    for i in range(ls, le):
        c = shadow[i]
        if c in _OPENS:
            depth += 1
        elif c in _CLOSES:
            depth = max(0, depth - 1)
        elif c in "和及与" and depth == 0 and i > ls:
            cut = i
    if cut is not None:
        items[-1:] = [(ls, cut), (cut + 1, le)]
    return [(a, b) for a, b in items if shadow[a:b].strip(" \t")]


def _year_list(shadow: str, time_start: int, time_end: int, first_year: int) -> list[tuple[int, int, int]]:
    """The years of a time list that starts with the phrase at [time_start, time_end)."""
    years = [(first_year, time_start, time_end)]
    pos = time_end
    while True:
        m = _MORE_YEARS_RE.match(shadow, pos)
        if not m:
            return years
        years.append((int(m.group(1).replace(" ", "").replace("\t", "")), m.start(1), m.end()))
        pos = m.end()


def _borrowed_head(name: str, last: str) -> str:
    """`氮氧化物` in `氮氧化物、…和氨氮排放总量` reads `氮氧化物排放总量`: an item without a measure head borrows the last
    item's; returns the head to append (empty when the name is complete)."""
    if any(name.endswith(h) for h in _HEADS) or re.search(r"([率耗]|强度|指数|面积|数量?)$", name):
        return ""
    return next((h for h in _HEADS if last.endswith(h)), "")


def shares(shadow: str, subject_start: int, values: list[Quantity],
           time_span: Optional[tuple[int, int, int]]) -> Optional[list[Share]]:
    """How the values of a `分别` clause are handed out, or None when the clause is no `分别` list that fits.

    subject_start: where the clause's own words begin (after a heading time phrase); time_span: (year, start, end)
    of the time phrase that dates the clause, if any."""
    if not values or _LIST_GOES_ON_RE.match(shadow, values[-1].end):
        return None  # `分别达到 98%、\n95%`: a wrapped line cut the list, its lengths cannot be compared
    m = None
    for m in re.finditer(r"分别", shadow[subject_start:values[0].start]):
        pass
    if m is None:
        return None
    resp = subject_start + m.start()
    years = _year_list(shadow, time_span[1], time_span[2], time_span[0]) if time_span else []
    if years and years[-1][2] > subject_start:
        subject_start = min(years[-1][2], resp)
    subj_e = resp
    q = _QUALIFIER_TAIL_RE.search(shadow, subject_start, subj_e)
    if q:
        subj_e = q.start()
    lead = _LEAD_RE.match(shadow, subject_start, subj_e)
    subj_s = lead.end() if lead else subject_start
    while subj_s < subj_e and shadow[subj_s] in " \t,、":
        subj_s += 1
    if len(years) >= 2 and len(years) == len(values):  # `到2025年、2030年，…分别达到20%、25%`: one value per year
        name = (subj_s, subj_e, "") if subj_e > subj_s else None
        return [Share(k, name, years[k]) for k in range(len(values))]
    items = split_names(shadow, subj_s, subj_e)
    if not 2 <= len(items) <= _MAX_ITEMS:
        return None
    last = shadow[items[-1][0]:items[-1][1]].strip(" \t")
    names = [(a, b, _borrowed_head(shadow[a:b].strip(" \t"), last)) for a, b in items[:-1]] + [(*items[-1], "")]
    if len(values) == len(items):
        return [Share(k, names[k]) for k in range(len(items))]
    if len(values) == 1 and "等" not in shadow[subj_s:subj_e]:
        return [Share(0, n) for n in names]
    return None


def shared_rate(shadow: str, subject_start: int, values: list[Quantity]) -> Optional[list[Share]]:
    """`A率和B率(均)达到X`: one value for a list of complete rate names (each ends in 率/比重/占比/比例) → one entry
    per rate. A name that borrows its head from the next (`城镇污水收集和处理率`) is one combined rate and left alone."""
    if len(values) != 1 or _LIST_GOES_ON_RE.match(shadow, values[0].end):
        return None
    gap = None
    for gap in _RATE_GAP_RE.finditer(shadow, subject_start, values[0].start + 1):
        pass
    if gap is None or gap.end() != values[0].start:
        return None
    lead = _LEAD_RE.match(shadow, subject_start, gap.start())
    items = split_names(shadow, lead.end() if lead else subject_start, gap.start())
    if not 2 <= len(items) <= _MAX_ITEMS or not all(_RATE_END_RE.search(shadow[a:b].strip(" \t")) for a, b in items):
        return None
    return [Share(0, (a, b, "")) for a, b in items]
