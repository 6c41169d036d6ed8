"""Targets: checkable commitments with a number and/or a time, each cut to its smallest clause, with its span.

Rules follow how officials write (see ../shared/gold/README.md for the conventions):
- a quantity (number + measure word) with a commitment cue is a quantitative target; a quantity that defines a scope
  (`年综合能源消费5000吨以上的…单位`, `平均节能率15%及以上的建筑面积`) is a threshold, never a value;
- a dated end-state (`建成…`, `实现…全覆盖`, `全面执行…标准`, `实现碳达峰`) is a milestone; directional phrases
  (`进一步优化`, `取得积极进展`) are not targets;
- a rule on a whole class (`新建…不高于1.3`, `2022年起新建…至少使用一种`, `新增或更新车辆全部采用…`) is a standard;
- a clause without its own time takes the nearest preceding time phrase of its sentence, and a short list of
  quantitative sentences right after a dated target continues that target's time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import clauses as cl
from .quantities import Quantity, find_quantities
from .respectively import shared_rate, shares
from .record import Target
from .timeexpr import TimeExpr, find_times

GE_CUES = ("不少于", "不低于", "至少", "超过", "突破", "达到", "提高到", "提升到", "增加到", "增至", "稳定在", "高于", "大于", "达")
LE_CUES = ("不高于", "不超过", "不大于", "低于", "控制在", "降至", "降到", "降低到", "下降到", "以内", "小于")
DEC_CUES = ("下降", "降低", "减少", "削减")
INC_CUES = ("增长", "提高", "提升", "增加")
COMMIT_CUES = ("完成", "新增", "新建", "创建", "建设", "建成", "打造", "培育", "推动", "改造", "落实", "实现", "推广", "形成",
               "累计", "创成", "引进", "发展", "布局", "淘汰", "整治", "治理", "种植", "造林", "植树", "应用", "部署", "开通")
HEDGES = ("力争", "原则上", "基本", "确保", "争取")
MILESTONE_RE = re.compile(
    r"全覆盖|全面执行|全面实施|全面建成|基本建成|初步建成|建成|基本建立|初步建立|全面建立|建立健全|应装尽装|零填埋|零排放"
    r"|实现碳达峰|碳排放达峰|实现达峰|率先达峰|完成[^,;。]{0,30}(评价|评估|任务|指标|目标|改造|建设|编制|验收|整治|淘汰|关停|退出)"
    r"|投入运营|投运|并网|出台|印发|全部采用|全部使用|全部实现|全面完成|实现[^,;。]{0,12}(全覆盖|清零|零增长|达标|全收集)|基本清零|全面清零"
    r"|稳定达到[ⅠⅡⅢⅣⅤ]+类"
    r"|全面实现|率先实现|基本实现|不增加|不再增加|只减不增|翻一番|翻番|形成[^,;。]{0,24}(报告|方案|清单|稿)")
#: the imprint line official documents end with (版记): an issuing office and the date it was printed or issued
IMPRINT_RE = re.compile(r"[^\s,;。]{2,30}(办公厅|办公室|人民政府|委员会|政府|厅|局|委)[ \t]*"
                        r"\d{4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日[ \t]*(印发|发布|印)?")
DIRECTIONAL_RE = re.compile(r"进一步|取得[^,;。]{0,6}(进展|成效|突破)|明显|显著|稳步|持续|不断|逐步|全面提升|大幅|有所|初步形成")
STANDARD_SUBJECT_RE = re.compile(r"新建|新增或更新|新上|新改扩建|改造后|新购|新增车辆|更新车辆")
SCOPE_BEFORE_RE = re.compile(r"(年综合能源消费|年综合能耗|年耗能|年能耗|年用电量|年产值|年营业收入|年排放量?|规模以上)[ \t]*$")
#: an item whose text opens with a month or day, right after its number: a step of a work schedule (a year or a
#: five-year period there frames a review or an outlook section instead)
STEP_HEAD_RE = re.compile(r"[ \t]*(\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,3}[.、])?[ \t]*")
STEP_ACTION_RE = re.compile(r"报送|提交|上报|报审|报请|印发|出台|发布|召开|形成|完成|建成|组建|成立|制定|编制|出具")
PART_RE = re.compile(r"[ \t]*(?:及以上|以上|左右)?[ \t]*\(其中[ \t]*[,:]?[ \t]*([^()]+)\)")
PAST_RE = re.compile(r"已经|已[经达完建实]|累计已|了[,;。]|较上年")


@dataclass
class _Cand:
    start: int
    end: int
    q: Optional[Quantity]
    time: Optional[TimeExpr]
    inherited: bool
    kind: str
    comparator: Optional[str]
    baseline: Optional[int]
    hedge: Optional[str]
    threshold: Optional[Quantity] = None
    name: Optional[tuple[int, int, str]] = None  # the indicator's own name when a list names several (`A、B分别…`)


def extract_targets(text: str, shadow: str, owner: str, regions: list[tuple[int, int]],
                    plan_year: Optional[int], published_year: Optional[int]) -> list[Target]:
    """Targets in the given regions (an owner's own text minus responsibility annotations), owner = task/section id."""
    cands: list[_Cand] = []
    carry: Optional[TimeExpr] = None  # a time that may continue into the next sentence
    head: Optional[TimeExpr] = None  # a date that opens the whole item: `（四）2021 年 12 月底之前，…。各区…报送…。`
    semi: Optional[TimeExpr] = None  # the time heading a sentence that goes on after `；`
    for rs, re_ in regions:
        for ss, se in cl.sentences(shadow, rs, re_):
            times = [t for t in find_times(shadow, ss, se, plan_year) if not _inside_title(shadow, ss, t.start)]
            sent = _sentence_targets(shadow, ss, se, times, carry, published_year, semi)
            semi = _heads_across_semicolon(shadow, ss, se, times, semi)
            if not cands and times and times[0].deadline and re.search(r"月|日|季度", times[0].text) \
                    and STEP_HEAD_RE.fullmatch(shadow[rs:times[0].start]):
                head = times[0]
                sent = sent or _step_action(shadow, ss, se, head)
            elif head is not None and not times and not sent:
                sent = _step_action(shadow, ss, se, head)
            cands.extend(sent)
            own_time = times[0] if times else None
            ends_on_target = bool(sent) and sent[-1].end >= cl.trim(shadow, ss, se)[1] - 2
            last_dated = sent[-1].time if sent and ends_on_target and sent[-1].q and sent[-1].time else None
            carry = last_dated if (last_dated and (own_time or carry)) else None
    return [_to_target(text, shadow, owner, k + 1, c) for k, c in enumerate(cands)]


def _heads_across_semicolon(shadow: str, ss: int, se: int, times: list[TimeExpr],
                            semi: Optional[TimeExpr]) -> Optional[TimeExpr]:
    """`到 2025 年，…占比达到 42%；严控“两高”行业产能，…比重下降 1.6 个百分点。`: a time that opens a sentence dates
    its `；`-parts too (one sentence, several parts); a part with a time of its own starts over."""
    end = se
    while end < len(shadow) and shadow[end] in " \t":
        end += 1
    if shadow[end:end + 1] != ";":
        return None
    if times:
        return times[0] if times[0].start - cl.trim(shadow, ss, se)[0] <= 4 else None
    return semi


def _step_action(shadow: str, ss: int, se: int, head: TimeExpr) -> list[_Cand]:
    """A later sentence of a dated step item that hands in or sets up something (`各区…报送区级碳达峰评估报告`) is due
    when the item is: the date heads the whole step, not just its first sentence."""
    s, e = cl.trim(shadow, max(ss, head.start) if ss <= head.start < se else ss, se)
    body = shadow[s:e]
    if not STEP_ACTION_RE.search(body) or DIRECTIONAL_RE.search(body) or PAST_RE.search(body) or body.startswith("其中"):
        return []
    return [_Cand(s, e, None, head, not (s <= head.start < e), "milestone", None, None, _hedge(body))]


def _sentence_targets(shadow: str, ss: int, se: int, times: list[TimeExpr], carry: Optional[TimeExpr],
                      published_year: Optional[int], semi: Optional[TimeExpr] = None) -> list[_Cand]:
    out: list[_Cand] = []
    current: Optional[TimeExpr] = semi  # inherited by every clause until one has a time of its own
    pending: Optional[TimeExpr] = None  # a time phrase whose clause had no target yet: it may head the next quote
    used_precise: set[int] = set()  # month/day deadlines already given to a clause of this sentence
    since = 0
    for k, (cs, ce) in enumerate(cl.clauses(shadow, ss, se)):
        first_clause = k == 0
        clause_times = [t for t in times if cs <= t.start < ce]
        if clause_times:
            current, pending, since = clause_times[-1], clause_times[-1], 0
        else:
            since += 1
        body_s = clause_times[-1].end if clause_times and clause_times[-1].start - cs <= 4 else cs
        body = shadow[body_s:ce]
        if not body.strip(" ,") or PAST_RE.search(body):
            continue
        qs = [q for q in find_quantities(shadow, cs, ce) if not _inside_brackets(shadow, cs, q.start)
              and not _inside_title(shadow, ss, q.start) and not any(t.start <= q.start < t.end for t in times)]
        time, inherited = (current, not (clause_times and current is clause_times[-1])) if current else (None, False)
        if time is None and carry is not None and first_clause and _continues_list(shadow, cs, ce, qs):
            time, inherited = carry, True
        if time and published_year and time.deadline and int(time.deadline[:4]) < published_year - 1:
            continue  # a past year: background, not a commitment
        dated_here = time is not None and time in times and id(time) not in used_precise
        part = _part_of(shadow, cs, ce, qs)
        found = _clause_candidates(shadow, cs, part[0] if part else ce, qs, time, inherited, dated_here)
        if found and time is not None:
            used_precise.add(id(time))
        if found and pending is not None and pending is time and since <= 2 and pending.start < found[0].start:
            # the quote starts at the time phrase when it heads this clause, or the run of clauses without a target
            if since == 0 and pending.start - cs > 4:
                pass  # a time phrase in the middle of the clause stays where it is
            else:
                first = found[0].start
                for c in found:  # entries of one `分别` clause share its quote
                    if c.start == first:
                        c.start = pending.start
        if found:
            pending = None
        out.extend(found)
        if part and any(c.q for c in found):
            ps, pe = part[1], part[2]
            inner = [q for q in find_quantities(shadow, ps, pe) if not any(t.start <= q.start < t.end for t in times)]
            parts = _clause_candidates(shadow, ps, pe, inner, time, time is not None)
            scope = [q for q in inner if all(q is not c.q for c in parts)]
            for c in parts:  # a part is counted like the whole; a number that picks the part is its threshold
                c.kind = next(o.kind for o in found if o.q)
                c.threshold = c.threshold or (scope[0] if len(scope) == 1 and scope[0].start < c.q.start else None) \
                    if c.q else c.threshold
            out.extend(parts)
    return out


def _part_of(shadow: str, cs: int, ce: int, qs: list[Quantity]) -> Optional[tuple[int, int, int]]:
    """`改造 200 万平方米（其中，节能率不低于 15%的公共建筑 60 万平方米以上）`: a bracket that opens with `其中` right
    after an amount names a part of it with its own amount, a commitment of its own. Returns (bracket start, part
    start, part end) when the bracket closes the clause."""
    m = PART_RE.match(shadow, qs[-1].end) if qs else None
    if not m or m.end() > ce or cl.trim(shadow, m.end(), ce)[1] > m.end():
        return None
    return m.start(), m.start(1), m.end(1)


def _continues_list(shadow: str, cs: int, ce: int, qs: list[Quantity]) -> bool:
    """A sentence that is just another measurable item of the list before it (`示范应用车辆总数不少于3500辆`)."""
    if not qs:
        return False
    head = shadow[cs:qs[0].start]
    return len(head) <= 40 and not re.search(r"^(推动|推进|加快|加强|支持|鼓励|开展|实施|完善|建立|组织)", head)


def _inside_title(shadow: str, start: int, pos: int) -> bool:
    """Inside a 《book title》: `《江苏省2030年前二氧化碳排放达峰方案》` names a document, it sets no deadline."""
    return shadow.count("《", start, pos) > shadow.count("》", start, pos)


def _inside_brackets(shadow: str, start: int, pos: int) -> bool:
    return shadow.count("(", start, pos) > shadow.count(")", start, pos)


def _clause_candidates(shadow: str, cs: int, ce: int, qs: list[Quantity], time: Optional[TimeExpr],
                       inherited: bool, dated_here: bool = False) -> list[_Cand]:
    body = shadow[cs:ce]
    if IMPRINT_RE.fullmatch(body.strip()):
        return []  # `青海省人民政府办公厅 2021年7月13日印发`: the document's imprint, not a commitment
    scoped = [q for q in qs if _is_threshold(shadow, cs, ce, q, qs)]
    values = [q for q in qs if q not in scoped]
    standing = bool(time and time.standing)
    is_rule = bool(STANDARD_SUBJECT_RE.search(body[:12])) or "全部采用" in body or "全部使用" in body
    out: list[_Cand] = []
    if values:
        values = [q for q in values if not q.chinese or q.unit == "星级"
                  or re.search(r"(至少|不少于|建设|创建|使用|培育|打造|建成|新增|新建|达到|推动|完成|形成)$", shadow[max(cs, q.start - 4):q.start])]
        if not values:
            return out
        pieces = _split_enumeration(shadow, cs, ce, values)
        prev_comp: Optional[str] = None
        per_value: list[Optional[_Cand]] = []
        for (ps, pe), q in zip(pieces, values):
            comp, base = _comparator(shadow, cs, ce, ps, q)
            own_bound = re.match(r"[ \t]*(及以上|以上|以下|以内)", shadow[q.end:q.end + 6])
            if prev_comp and ps > cs and not _has_cue(shadow[ps:q.start]) and not own_bound:
                comp = prev_comp  # "分别下降2%、1%、3%和2%": later items share the first one's verb
            prev_comp = comp or prev_comp
            if comp is None and not time and not _has_cue(shadow[cs:q.start]) and not _counts_achievers(shadow, q, ce):
                per_value.append(None)
                continue
            comp = comp or "="  # a dated amount with no comparator word is an amount to reach
            if base is None and time and time.deadline and re.search(r"比[ \t]*上年", shadow[cs:q.start]):
                base = int(time.deadline[:4]) - 1  # "2021年…比上年下降": the year before the deadline's
            kind = "standard" if (standing or (is_rule and not (time and time.deadline)) or (not time and scoped)) else "quantitative"
            per_value.append(_Cand(ps, pe, q, time, inherited, kind, comp, base, _hedge(body)))
        return _respectively(shadow, cs, values, per_value, time) or [c for c in per_value if c]
        return out
    if scoped:  # a rule scoped by a threshold: "…5000吨以上…应当建设能耗在线监测系统", "…能源审计全覆盖"
        if re.search(r"应当|必须|建设|全覆盖|开展|实施|安装|接入", body[scoped[-1].end - cs:]):
            kind = "milestone" if "全覆盖" in body else "standard"
            # two thresholds in one rule (`工业领域…2000吨标准煤、其他行业…1000吨标准煤以上的…`) are two commitments
            return [_Cand(cs, ce, None, time, inherited, kind, None, None, _hedge(body), threshold=q) for q in scoped]
        return []
    precise = bool(time and dated_here and time.deadline and not time.deadline.endswith("12-31")
                   and re.search(r"月|季度|日", time.text))
    if time and (MILESTONE_RE.search(body) or precise or (is_rule and (time.deadline or time.standing))) \
            and not DIRECTIONAL_RE.search(body):
        kind = "standard" if (standing or is_rule) else "milestone"
        return [_Cand(cs, ce, None, time, inherited, kind, None, None, _hedge(body))]
    if is_rule and re.search(r"按照.{0,10}(星级|标准)", body) and not time:
        return []
    return out


def _respectively(shadow: str, cs: int, values: list[Quantity], per_value: list[Optional[_Cand]],
                  time: Optional[TimeExpr]) -> list[_Cand]:
    """Entries of a `分别` clause (see respectively.py): each quotes the whole clause and names its own indicator."""
    subject = time.end if time and cs <= time.start and time.start - cs <= 4 else cs
    span = (int(time.deadline[:4]), time.start, time.end) if time and time.deadline else None
    plan = shares(shadow, subject, values, span) or shared_rate(shadow, subject, values)
    if not plan or any(per_value[sh.value_index] is None for sh in plan):
        return []
    end = values[-1].end
    m = re.match(r"[ \t]*(左右|及以上|以上|以下|以内)", shadow[end:end + 6])
    end = end + m.end() if m else end
    start = next(c.start for c in per_value if c)
    out = []
    for sh in plan:
        base = per_value[sh.value_index]
        c = _Cand(start, end, base.q, base.time, base.inherited, base.kind, base.comparator, base.baseline, base.hedge,
                  name=sh.name)
        if sh.year is not None and time is not None and sh.year[1] != time.start:
            y, ys, ye = sh.year
            c.time = TimeExpr(ys, ye, shadow[ys:ye], f"{y:04d}-12-31", None)
        out.append(c)
    return out


def _is_threshold(shadow: str, cs: int, ce: int, q: Quantity, qs: list[Quantity]) -> bool:
    after = shadow[q.end:ce]
    m = re.match(r"(标准煤)?(及以上|以上|及以下|以下)(的)?", after)
    before = shadow[max(cs, q.start - 6):q.start]
    verb_before = any(before.endswith(c) for c in COMMIT_CUES + GE_CUES + LE_CUES)
    if (m and m.end() < len(after) and re.match(r"[\u4e00-\u9fff]", after[m.end()])
            and not re.match(r"(的?目标|水平)", after[m.end():]) and not verb_before and q.unit != "星级"):
        return True
    if re.match(r"[ \t]*(范围内|范围|以内的|以上的?规模)", after) or re.search(r"半径[ \t]*$", shadow[max(cs, q.start - 4):q.start]):
        return True
    if (re.search(r"等[ \t]*$", before) and q.unit in ("项", "类", "种", "个") and "、" in shadow[cs:q.start]
            and ("分别" in after or sum(o.start > q.end for o in qs) >= 2)):
        # "化学需氧量、氨氮…等4项主要污染物…分别…": the size of the list whose values follow, not an amount; a count
        # with no values after it is the commitment itself ("形成集成电路…等12个千亿级产业集群")
        return True
    later_after = [o for o in qs if o.start > q.end]
    if re.match(r"[ \t]*的[\u4e00-\u9fff]", after) and later_after and not _share_list(shadow, q, later_after):
        return True  # "节能率不低于15%的公共建筑60万平方米": the first number picks what the second counts
    if SCOPE_BEFORE_RE.search(shadow[max(cs, q.start - 10):q.start]):
        return True
    # an enumerated threshold "2000吨标准煤、其他…1000吨标准煤以上的…单位" shares the later one's scope
    later = [o for o in qs if o.start > q.start and o.unit == q.unit]
    return bool(later) and shadow[q.end:q.end + 1] == "、" and _is_threshold(shadow, cs, ce, later[0], [])


def _share_list(shadow: str, q: Quantity, later: list[Quantity]) -> bool:
    """`95%的省级、90%的市级和70%的县级党政机关达到…`: shares of one whole listed side by side, each `N%的X` and joined
    by 、/和, are one value each (three commitments), not a first number that picks what the next one counts."""
    chain = [q] + later
    for a, b in zip(chain, chain[1:]):
        if a.unit != q.unit or b.unit != q.unit or not re.fullmatch(r"[ \t]*的[^,;。、和]{1,8}[、和及][ \t]*",
                                                                      shadow[a.end:b.start]):
            return False
    return shadow[chain[-1].end:chain[-1].end + 1] == "的"


def _split_enumeration(shadow: str, cs: int, ce: int, values: list[Quantity]) -> list[tuple[int, int]]:
    """`创建50家绿色工厂、3家绿色供应链` → one piece per quantity, cut at the 、/和/及 before each later one."""
    cuts = [cs]
    for prev, q in zip(values, values[1:]):
        between = shadow[prev.end:q.start]
        m = None
        for m in re.finditer(r"、|和|及|与|,", between):
            pass
        cuts.append(prev.end + m.end() if m else q.start)
    pieces = []
    for k, s in enumerate(cuts):
        e = cuts[k + 1] if k + 1 < len(cuts) else ce
        s, e = cl.trim(shadow, s, e)
        while e > s and shadow[e - 1] in "和及与":
            e -= 1
        pieces.append((s, e))
    return pieces


#: measure words that count things (units, firms, sites), as opposed to amounts of a quantity
COUNT_MEASURES = ("个", "家", "座", "所", "处", "户", "条", "项", "辆", "艘", "台", "套", "栋")


def _counts_achievers(shadow: str, q: Quantity, ce: int) -> bool:
    """`推进 13 个设区市城区基本建成“无散煤区”`, `推动 50 家企业完成超低排放改造`: a count of the places or firms
    that are to reach a milestone later in the clause is the commitment's number, whatever verb comes before it."""
    if q.unit not in COUNT_MEASURES or re.match(r"[ \t]*(工作日|自然日|日内|月内|小时)", shadow[q.end:q.end + 4]):
        return False
    m = MILESTONE_RE.search(shadow, q.end, ce)
    return bool(m) and shadow[m.start() - 1:m.start()] not in ("未", "已", "不")


def _has_cue(before: str) -> bool:
    return any(c in before for c in COMMIT_CUES + GE_CUES + LE_CUES + DEC_CUES + INC_CUES)


def _comparator(shadow: str, cs: int, ce: int, ps: int, q: Quantity) -> tuple[Optional[str], Optional[int]]:
    before = shadow[cs:q.start]
    after = shadow[q.end:q.end + 6].lstrip(" \t")
    base_m = re.search(r"[比较][ \t]*((?:19|20)\d\d)[ \t]*年", before)
    base = int(base_m.group(1)) if base_m else None
    tail = before[-8:]
    if q.comparator:
        return q.comparator, base
    if any(c in before[-16:] for c in ("不低于", "不少于", "不小于")):
        return ">=", base
    if any(c in before[-16:] for c in ("不高于", "不超过", "不大于")):
        return "<=", base
    if any(c in tail for c in ("下降到", "降低到", "降至", "降到", "减少到", "控制在")) or after.startswith(("以内", "以下")):
        return "<=", base
    if any(c in tail for c in DEC_CUES) and not any(c in tail for c in ("到", "至")):
        return "decrease_by", base
    if base is not None and any(c in tail for c in INC_CUES) and not tail.endswith(("到", "至")):
        return "increase_by", base
    if any(c in tail for c in LE_CUES):
        return "<=", base
    if after.startswith(("以上", "及以上")) or any(c in tail for c in GE_CUES):
        return ">=", base
    if after.startswith("左右"):
        return "=", base
    if any(c in before for c in COMMIT_CUES) or q.unit == "星级":
        return "=", base
    return None, base


def _hedge(body: str) -> Optional[str]:
    return next((h for h in HEDGES if h in body), None)


_STRIP_RE = re.compile(r"^(到|至|在|于|确保|力争|争取|全区|全市|全省|累计|基本|原则上|,|，|、|\s)+")


def _indicator(text: str, c: _Cand) -> Optional[str]:
    """A readable name for what is measured: the subject before the comparator (`全区森林覆盖率`), or the verb and the
    object after the amount (`创建` + `绿色工厂`) when the subject is only a verb."""
    quote = text[c.start:c.end]
    cut = lambda s: s  # noqa: E731
    if c.time and c.start <= c.time.start < c.end:
        tl = c.time.end - c.time.start
        rel = c.time.start - c.start
        quote = quote[:rel] + quote[rel + tl:]
        cut = lambda p: p - tl if p > rel else p  # noqa: E731
    if not c.q:
        return (_STRIP_RE.sub("", quote).strip(" ,。;") or None) and _STRIP_RE.sub("", quote).strip(" ,。;")[:60]
    lo, hi = cut(c.q.start - c.start), cut(c.q.end - c.start)
    head, tail = quote[:lo], quote[hi:]
    head = _STRIP_RE.sub("", head)
    head = re.sub(r"([比较]\s*\d{4}\s*年)?(累计)?(实现)?(下降|降低|减少|提高到|提升到|提高|提升|达到|达|不少于|不低于|不高于|不超过|超过|"
                  r"突破|稳定在|控制在|至少|力争突破|力争|过|超|破)?\s*$", "", head).strip(" ,")
    tail = re.sub(r"^(以上|及以上|以下|以内|左右)", "", tail).strip(" ,。;")
    verb = re.search(r"(完成|新增|新建|创建|建设|推动|培育|打造|落实|实现|改造)$", head)
    if verb:
        ind = head[:verb.start()] + verb.group(1) + tail
    else:
        ind = head or tail
    ind = _STRIP_RE.sub("", ind).strip(" ,。;")
    return ind[:60] or None


def _named(text: str, name: tuple[int, int, str]) -> str:
    return (text[name[0]:name[1]].strip(" \t") + name[2])[:60]


def _to_target(text: str, shadow: str, owner: str, n: int, c: _Cand) -> Target:
    s, e = c.start, c.end
    while e > s and shadow[e - 1] in " \t,;。、":
        e -= 1
    t = c.time
    return Target(
        id=f"{owner}/{n}", task=owner, quote=text[s:e], span=(s, e), indicator=_named(text, c.name) if c.name else _indicator(text, c),
        value=c.q.value if c.q else None, unit=c.q.unit if c.q else None,
        comparator=c.comparator if c.q else None, baseline_year=c.baseline,
        period_start=t.period_start if t else None, deadline=t.deadline if t else None,
        deadline_text=text[t.start:t.end] if t else None, kind=c.kind if c.q or c.kind != "quantitative" else "milestone",
        deadline_inherited=bool(c.inherited), before=bool(t and t.before), hedge=c.hedge,
        threshold=({"value": c.threshold.value, "unit": c.threshold.unit, "comparator": ">="} if c.threshold else None))
