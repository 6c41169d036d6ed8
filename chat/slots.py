"""Question → slots: units (resolved through the document's alias registry), time, clause references, numbers, the
question's frame signals (牵头 / 几项 / 逾期 / 什么时候 …) and its topic words.

Why slots first and intents second: the same pieces serve every intent (a unit and a year make "targets by year", a
unit and 逾期 make "overdue for a unit"), and a follow-up question replaces some slots of the previous turn while
keeping the rest (chat.session). Spans a slot consumed are blanked before the next slot is looked for, so that
`农业农村委` is a unit and not the agriculture section, and `2025年` is a year and not a topic word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Optional

from extract.aliases import UnitMention
from extract.quantities import find_quantities

from .abbrev import expand
from .catalog import Catalog
from .sectionref import ClauseRef, find_refs
from .text import norm
from .timeparse import TimeSlots, parse_time

__all__ = ["Slots", "parse_question", "SIGNALS"]

#: Frame signals: what kind of answer the question wants. General question grammar, matched on normalised text.
SIGNALS: dict[str, re.Pattern[str]] = {
    "overdue": re.compile(r"逾期|超期|过期|延期|误期|拖期|过了(?:完成)?(?:期限|截止日期|时限|时间)|到期(?:了)?(?:还)?(?:没|未)有?完成|"
                          r"(?:没|未)(?:有)?按(?:期|时)|已(?:经)?到期"),
    "due_soon": re.compile(r"即将到期|快(?:要)?到期|将要到期|马上(?:就)?(?:要)?到期|临近(?:到期|期限|截止)|近期(?:到期|要完成)|"
                           r"(?:(?:近|未来|接下来|今后)?(?:\d+|[一二两三四五六七八九十半]+)个?(?:月|周|天|星期)(?:以)?内|近期|最近|"
                           r"本月|下个?月|本季度|下季度).{0,12}(?:到期|截止|要完成|需完成|需要完成)"),
    "deadline": re.compile(r"什么时候|啥时候|何时|哪年|哪一年|哪天|哪一天|哪个月|哪一个月|几月|几号|期限|时限|时间节点|截止时间|截止日期|完成时间|"
                           r"最晚|最迟|多久|哪个时间|时间要求|什么时间|完成日期|到期日|几时"),
    "count": re.compile(r"(?<!哪)(?:几|多少)(?:项|条|个|家|大)?(?:重点)?(?:任务|指标|目标|(?:责任|配合|参与)?(?:单位|部门|处室)|"
                        r"方面|部分|节|领域|大类|类|行动|板块)|(?<!哪)(?:几|多少)(?:项|条)(?!目)"),
    "value": re.compile(r"多少|几(?:个|座|家|辆|公里|种|所|处|万|亿|星)|百分之几|多大|目标值|数值|比例是|比例为|达到什么|"
                        r"是多少|几成|多高|多低|多长|多远"),
    "lead_q": re.compile(r"谁牵头|谁来牵头|谁是牵头|谁负责|谁来负责|谁主抓|谁来抓|由谁|哪个(?:部门|单位|机构)(?:来)?(?:牵头|负责|主抓)|"
                         r"哪家单位|哪个部门|哪个单位|牵头(?:单位|部门)(?:是|为)|(?:牵头|负责)的(?:单位|部门)?是(?:谁|哪)|"
                         r"牵头单位|牵头部门|(?:由)?哪些(?:部门|单位|机构)(?:来|共同)?牵头|"
                         # a department's own plan: its 处/室/科/中心 lead ("由哪个处牵头", "哪个处室负责")
                         r"哪个(?:处室|处|科室|科|中心)(?:来)?(?:牵头|负责|主抓)"),
    "co": re.compile(r"配合|合作|一起|共同|协同|协作|除了|之外|以外|还有哪些(?:单位|部门)|还有谁|和谁|与谁|跟谁|同谁|参与单位|伙伴"),
    "joint": re.compile(r"共同|同时|一起|联合|都(?:负责|参与|承担|有)"),
    "other_units": re.compile(r"除了|之外|以外|还有哪些(?:单位|部门)|还有谁|和谁|与谁|跟谁|同谁|配合单位|合作单位|哪些单位"),
    "lead_only": re.compile(r"牵头"),
    "targets_word": re.compile(r"指标|目标|任务量|量化"),
    "tasks_word": re.compile(r"任务|工作|事|职责|干啥|做什么|干什么|负责|承担|涉及|落实|抓|内容|包括|安排"),
    # "几大行动" / "几个方面": the parts of a section (a plan of 行动 names its sections so)
    "subsections": re.compile(r"(?:几|多少)(?:个|大)?(?:方面|部分|节|领域|板块|大类|类|行动|专项行动)"),
    "task_units": re.compile(r"(?:几|多少)(?:个|家)?(?:责任|配合|参与)?(?:单位|部门|处室)"),
    "open": re.compile(r"怎么|如何|怎样|哪些部署|什么安排|什么要求|什么规划|什么政策|什么措施|有哪些举措|哪些措施|哪些要求|"
                       r"哪些政策|做哪些事|要做什么|做什么|干什么|有什么"),
    "followup": re.compile(r"^(?:那|那么|那个|其中|这|这个|这项|该|此|另外|还有|再)|呢[？?。!！]*$"),
    "within": re.compile(r"^其中"),
    "in_year": re.compile(r"(?<!到)(?:今年|明年|后年|本年度|(?:19|20)\d\d年)(?:内|当年|当中|里)?(?:会|将|要)?到期"),
    "unit_list": re.compile(r"责任单位|哪些单位|哪些部门|哪几个单位|哪几个部门|由哪些|有哪些单位|几家单位负责"),
}


@dataclass
class Slots:
    question: str
    units: list[UnitMention] = field(default_factory=list)  # resolved to the document's names
    unknown_units: list[UnitMention] = field(default_factory=list)
    time: TimeSlots = field(default_factory=TimeSlots)
    refs: list[ClauseRef] = field(default_factory=list)
    numbers: list[tuple[float, Optional[str]]] = field(default_factory=list)
    signals: set[str] = field(default_factory=set)
    topic: list[str] = field(default_factory=list)  # topic words (chat.lexical chunks)
    boost: dict[str, float] = field(default_factory=dict)  # topic words a follow-up stressed

    @property
    def unit_names(self) -> list[str]:
        return list(dict.fromkeys(n for m in self.units for n in m.names))

    @property
    def lead_only(self) -> bool:
        """牵头 with a unit named ("区科委牵头的是哪些任务") restricts to its lead role; without one ("谁牵头") it asks
        for the lead unit instead."""
        return "lead_only" in self.signals and (bool(self.units or self.unknown_units) or "lead_q" not in self.signals)

    def section_ref(self) -> Optional[ClauseRef]:
        return next((r for r in self.refs if r.kind in ("section", "missing")), None)

    def task_ref(self) -> Optional[ClauseRef]:
        return next((r for r in self.refs if r.kind == "task"), None)

    def copy(self, **changes) -> "Slots":
        return replace(self, **changes)


#: `（含X）`, `(包括X在内)`: a note that the whole includes X.
_INCLUSION_NOTE = re.compile(r"[（(](?:含|包含|包括|连同)[^（）()]{1,24}[）)]")


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(max(0, s), min(e, len(chars))):
            chars[k] = "，"
    return "".join(chars)


def _doc_mentions(question: str, cat: Catalog) -> list[tuple[int, int]]:
    spans = []
    names = [cat.title, cat.record.document.issuer or ""]
    names += [p + "的" for p in cat.places]
    for name in names:
        if len(name) < 3:
            continue
        for m in re.finditer(re.escape(name), question):
            spans.append((m.start(), m.end()))
    issuer = cat.record.document.issuer or ""
    for m in re.finditer(r"[\u4e00-\u9fff]{0,4}" + re.escape(issuer), question) if len(issuer) >= 3 else ():
        spans.append((m.start(), m.end()))  # 江苏省生态环境厅 for the issuer 省生态环境厅
    return spans


def parse_question(question: str, cat: Catalog, today: date) -> Slots:
    """All slots of one question against one document."""
    question = expand(question, cat.terms.doc)  # 人行 → 人民银行, GDP → 生产总值, where the plan writes them out
    slots = Slots(question)
    flat = norm(question)
    for name, rx in SIGNALS.items():
        if rx.search(flat):
            slots.signals.add(name)
    # the document's own title and issuer name the document, not a unit or a topic
    used = _doc_mentions(question, cat)
    mentions = [m for m in cat.registry.find(_blank(question, used))]
    slots.units = [m for m in mentions if m.known]
    # a department the plan mentions in its text but never makes responsible (区电力公司, 省发展改革委 in a
    # department's own work plan) is part of the topic, not an unknown unit
    mentions = [m for m in mentions if m.known or norm(m.text) not in cat.terms.doc]
    slots.unknown_units = [m for m in mentions if not m.known]
    used += [(m.start, m.end) for m in mentions]
    # a bracketed inclusion note (`总共有多少项任务（含保障机制）`) says what the count takes in, not a scope to restrict to
    used += [m.span() for m in _INCLUSION_NOTE.finditer(question)]
    slots.time = parse_time(_blank(question, used), today)
    used += slots.time.spans
    slots.refs, ref_spans = find_refs(question, cat, used)
    used += ref_spans
    rest = _blank(question, used)
    for q in find_quantities(rest, 0, len(rest)):
        if q.value is not None:
            slots.numbers.append((q.value, q.unit))
            used.append((q.start, q.end))
    rest = _blank(question, used)
    # place names of the issuer (嘉定, 上海市) frame the question; they do not name a topic
    slots.topic = cat.terms.chunks(rest, drop=cat.places)
    return slots
