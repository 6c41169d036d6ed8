"""Responsible units from the document's own responsibility markup.

Styles met in real plans (all matched on the shadow text, so ASCII and full-width brackets are the same):
  (责任单位:A、B等相关职能部门,各街镇)           first listed unit leads (the document does not distinguish)
  (牵头单位:A、B;责任单位:C、D)                 牵头 lists lead, the others support
  [责任单位:A、B,C;逗号前为牵头单位,下同]        a convention note: units before the comma lead (and "下同": later ones too)
  责任单位:A、B(排在第一为牵头单位,下同)         a separate line after the task; 完成时限:… on the next line
  (责任部门:气候处,完成期限:6月底)              inline, several per task, each with its own deadline
  (责任单位:A,配合单位:B)                       配合/参与/协同 units support
  (A、B等按职责分工负责)                         the units are the list before 按职责分工负责
  (A牵头,B、C配合) (A、B牵头,C等按职责分工负责)   no label: the role verb after each list says who leads (牵头),
  (责任单位:A牵头,B等按职责分工负责)             who supports (配合/参与/协助) and who is responsible (负责)
Where a document has no such markup a task carries no units: nothing is ever invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .record import UnitRef

LEAD_LABELS = ("牵头单位", "牵头部门", "牵头处室", "主责单位", "主办单位", "牵头")
SUPPORT_LABELS = ("配合单位", "配合部门", "参与单位", "协同单位", "协办单位", "协助单位", "配合处室", "参与部门", "配合")
NEUTRAL_LABELS = ("责任单位", "责任部门", "责任处室", "承办单位", "实施单位", "负责单位", "主管部门", "责任主体")
DEADLINE_LABELS = ("完成时限", "完成期限", "完成时间", "时间节点", "时限要求", "进度安排")
_ALL_UNIT_LABELS = LEAD_LABELS + SUPPORT_LABELS + NEUTRAL_LABELS
_LABEL_RX = "|".join(sorted(_ALL_UNIT_LABELS + DEADLINE_LABELS, key=len, reverse=True))
LABEL_RE = re.compile(rf"({_LABEL_RX})[ \t]*:[ \t]*")
OPEN = "(["
CLOSE = {"(": ")", "[": "]"}
COLLECTIVE_RE = re.compile(r"^(各|相关|有关|其他|其它|全市|全区|全省)|等?(相关|有关)?(部门|单位|职能部门)$|^(各级|市级|区级|省级)")


def _spaced(*words: str) -> str:
    """An alternation of words that a PDF wrap or an OCR space may cut anywhere (`牵\u3000头`, `按职 责分工负责`)."""
    return "|".join(r"\s*".join(map(re.escape, w)) for w in words)


# Role verbs that close a unit list inside an annotation without a label (bulk: ~180 `（A牵头，B配合）`-style and ~700
# `（A、B等按职责分工负责）` brackets in 40 of 490 plans; the sentence-level prose form `由A牵头，B配合。` at the end of
# a task paragraph does not occur there, so running text is never read for units).
_JOINTLY = rf"(?:(?:{_spaced('分别', '共同')})\s*)?"  # `A、B分别牵头`
_LEAD_VERB = re.compile(rf"{_JOINTLY}(?:{_spaced('牵头负责', '牵头')})\s*$")
_SUPPORT_VERB = re.compile(rf"{_JOINTLY}(?:{_spaced('配合', '参与', '协助', '协同', '协办')})\s*$")
_DUTY_VERB = re.compile(rf"(?:{_spaced('按照', '按', '根据')})?\s*(?:{_spaced('职责', '职能')})?\s*"
                        rf"(?:{_spaced('分工', '分别', '共同')})?\s*(?:{_spaced('负责落实', '负责')})\s*$")
_NOTE = re.compile(r"^\s*下\s*同\s*$")  # `（A、B按职能分工负责，下同）`: a note, not a unit
CONVENTION_FIRST_COMMA = re.compile(r"逗号前[为是]?牵头")
CONVENTION_FIRST = re.compile(r"(排在?第一|第一个|排名第一|首位)[的位]?[为是]?牵头")


@dataclass
class Annotation:
    """One responsibility annotation found in a task."""
    span: tuple[int, int]  # whole annotation incl. brackets (or the whole line)
    unit_span: Optional[tuple[int, int]]  # text after the first unit label's colon (through the annotation end)
    units: list[UnitRef] = field(default_factory=list)
    deadline_text: Optional[str] = None
    deadline_span: Optional[tuple[int, int]] = None
    lead_before_comma: bool = False
    sets_convention: Optional[str] = None  # "comma" | "first" when the note says 下同


def _match_close(shadow: str, start: int, limit: int) -> int:
    """Index of the bracket closing the one at `start` (nesting-aware), or -1."""
    opener = shadow[start]
    closer = CLOSE[opener]
    depth = 0
    for i in range(start, limit):
        c = shadow[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
            if depth == 0:
                return i if c == closer or True else -1
        elif c == "\n":
            return -1
    return -1


def split_top(shadow: str, start: int, end: int, seps: str, opens: str = "([〈<《",
              closes: str = ")]〉>》") -> list[tuple[int, int]]:
    """Split [start, end) on any char of `seps` outside the brackets `opens`/`closes`; returns (s, e) pieces."""
    pieces, depth, s = [], 0, start
    for i in range(start, end):
        c = shadow[i]
        if c in opens:
            depth += 1
        elif c in closes:
            depth = max(0, depth - 1)
        elif depth == 0 and c in seps:
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return pieces


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\u3000":
        s += 1
    while e > s and text[e - 1] in " \t\u3000。.":
        e -= 1
    return s, e


def is_collective(name: str) -> bool:
    return bool(COLLECTIVE_RE.search(name))


def clean_name(name: str) -> str:
    """Unit name as written, minus OCR spaces inside it."""
    return re.sub(r"\s+", "", name)


def parse_unit_list(text: str, shadow: str, s: int, e: int, role: Optional[str]) -> list[UnitRef]:
    """Units of one list `A、B等相关职能部门,各街镇`; `role` None means "decide later" (first listed leads)."""
    units: list[UnitRef] = []
    for ps, pe in split_top(shadow, s, e, "、,;/"):
        ps, pe = _strip(text, ps, pe)
        if ps >= pe:
            continue
        piece = shadow[ps:pe]
        # "X等相关职能部门" → X and the collective token; "X等" → X
        m = re.search(r"等[ \t]*((?:各|相关|有关|其他)?[^\s等]*?(?:部门|单位|街镇|区县|区|县|市))$", piece)
        if m and m.start() > 0:
            units.extend(_unit(text, ps, ps + m.start(), role))
            units.extend(_unit(text, ps + m.start(1), pe, role))
            continue
        if piece.endswith("等"):
            pe -= 1
        units.extend(_unit(text, ps, pe, role))
    return units


def _unit(text: str, s: int, e: int, role: Optional[str]) -> list[UnitRef]:
    s, e = _strip(text, s, e)
    name = clean_name(text[s:e])
    if not name or len(name) > 40 or re.fullmatch(r"[\d\W_]+", name):
        return []
    return [UnitRef(name=name, role=role or "", collective=is_collective(name), span=(s, e))]


# An annotation without a label is read as units only when every concrete name it yields ends like an organisation's
# name (`（鼓励龙头企业参与）` is no assignment) — unless it says `按职责分工负责`, an assignment by itself, whose lists
# hold names like `上饶车务段`, `工业和信息化` (sic) that no suffix list foresees.
_STRONG_VERB = re.compile(rf"{_spaced('分工', '职责', '职能')}")
_ORG_END = re.compile(r"(厅|局|委|委员会|部|办|办公室|政府|管委会|中心|公司|集团|院|会|所|行|站|署|室|处|队|社|团|馆|校|"
                      r"区|县|市|州|盟|旗|镇|乡|街道|街镇|单位|部门|海关|联|段|\)|\]|）|〕|】)$")


@dataclass
class RoleRuns:
    """A unit list cut by its role verbs: (start, end, role) runs; `closed` when its last part ends in a verb."""
    runs: list[tuple[int, int, Optional[str]]]
    closed: bool


def role_runs(shadow: str, s: int, e: int) -> Optional[RoleRuns]:
    """Split a unit list by the role verbs that close its parts: `A、B牵头，C，D配合` → [(A、B, "lead"), (C，D,
    "support")]; `负责` leaves the role to assign_roles (None). A name without a verb takes the next verb (`A、B牵头`
    covers A, `…，D配合` covers C); names after the last verb keep role None. Text after a `。` is a note (`…负责。以下不再列出`).
    None when no part ends in a verb."""
    stop = shadow.find("。", s, e)
    e = e if stop < 0 else stop
    runs: list[tuple[int, int, Optional[str]]] = []
    pending: Optional[int] = None
    for gs, ge in split_top(shadow, s, e, ",;、"):  # `A牵头、B、C等按职责分工负责` happens too
        part = shadow[gs:ge]
        if _NOTE.match(part):
            continue
        pending = gs if pending is None else pending
        for rx, role in ((_LEAD_VERB, "lead"), (_SUPPORT_VERB, "support"), (_DUTY_VERB, None)):
            m = rx.search(part)
            if m and part[:m.start()].strip():
                end = gs + len(part[:m.start()].rstrip())  # `…市水利局等⏎按职责分工负责`: the wrap is no part of a name
                runs.append((pending, end, role))
                pending = None
                break
    if not runs:
        return None
    closed = pending is None
    if pending is not None:
        runs.append((pending, e, None))
    return RoleRuns(runs, closed)


def _runs_units(text: str, shadow: str, rr: RoleRuns, default: Optional[str]) -> list[UnitRef]:
    units: list[UnitRef] = []
    for rs, re_, role in rr.runs:
        units.extend(parse_unit_list(text, shadow, rs, re_, role or default))
    return units


def _parse_unlabeled(text: str, shadow: str, s: int, e: int, whole: tuple[int, int]) -> Optional[Annotation]:
    """`（A、B牵头，C等按职责分工负责）` / `（A负责）`: an annotation without a label, when it is nothing but unit lists
    closed by role verbs and every name reads as an organisation's."""
    rr = role_runs(shadow, s, e)
    if rr is None or not rr.closed:
        return None
    first_s = rr.runs[0][0]
    m = re.match(r"\s*由", shadow[first_s:rr.runs[0][1]])  # `（由市发展改革委牵头，…）`
    if m:
        rr.runs[0] = (first_s + m.end(), rr.runs[0][1], rr.runs[0][2])
    units = _runs_units(text, shadow, rr, None)
    if not units or not all(u.collective or len(u.name) >= 3 for u in units):
        return None  # a generic `（由企业牵头）`
    if not _STRONG_VERB.search(shadow, s, e) and not all(u.collective or _ORG_END.search(u.name) for u in units):
        return None  # running text in brackets (`（对数据的真实性负责）`)
    us, ue = _strip(text, rr.runs[0][0], max(u.span[1] for u in units if u.span))
    return Annotation(whole, (us, ue), units)


def find_annotations(text: str, shadow: str, start: int, end: int, comma_rule: bool = False) -> list[Annotation]:
    """All responsibility annotations inside [start, end); `comma_rule` carries a "逗号前为牵头单位,下同" convention."""
    found: list[Annotation] = []
    i = start
    while i < end:
        c = shadow[i]
        if c in OPEN:
            close = _match_close(shadow, i, end)
            if close > 0:
                ann = (_parse_inside(text, shadow, i + 1, close, (i, close + 1), comma_rule)
                       or _parse_unlabeled(text, shadow, i + 1, close, (i, close + 1)))
                if ann:
                    found.append(ann)
                    i = close + 1
                    continue
        i += 1
    # separate lines "责任单位:…" / "完成时限:…" (checklist style)
    for m in re.finditer(r"(?m)^[ \t]*(" + _LABEL_RX + r")[ \t]*:", shadow[start:end]):
        ls = start + m.start()
        le = shadow.find("\n", ls, end)
        le = end if le < 0 else le
        if any(a.span[0] <= ls < a.span[1] for a in found):
            continue
        ann = _parse_inside(text, shadow, ls, le, (ls, le), comma_rule)
        if ann:
            if ann.units or not found or found[-1].deadline_text:
                found.append(ann)
            else:  # a 完成时限 line that belongs to the units line just before it
                found[-1].deadline_text, found[-1].deadline_span = ann.deadline_text, ann.deadline_span
    found.sort(key=lambda a: a.span[0])
    return found


def _parse_inside(text: str, shadow: str, s: int, e: int, whole: tuple[int, int],
                  comma_rule: bool = False) -> Optional[Annotation]:
    inner = shadow[s:e]
    first = LABEL_RE.search(inner)
    if not first or inner[:first.start()].strip(" \t"):
        return None
    ann = Annotation(whole, None, lead_before_comma=comma_rule)
    # segments separated by ';' or by ',' directly before another label
    labels = list(LABEL_RE.finditer(inner))
    for k, m in enumerate(labels):
        label = m.group(1)
        seg_s = s + m.end()
        seg_e = s + labels[k + 1].start() if k + 1 < len(labels) else e
        # trim a trailing separator before the next label
        while seg_e > seg_s and shadow[seg_e - 1] in ",;, \t":
            seg_e -= 1
        if label in DEADLINE_LABELS:
            ds, de = _strip(text, seg_s, seg_e)
            ann.deadline_text, ann.deadline_span = text[ds:de], (ds, de)
            continue
        # a note after ';' that states the convention ("逗号前为牵头单位,下同") is not a unit
        body_e = seg_e
        for ns, ne in split_top(shadow, seg_s, seg_e, ";")[1:]:
            note = shadow[ns:ne]
            if CONVENTION_FIRST_COMMA.search(note):
                ann.lead_before_comma = True
                ann.sets_convention = "comma" if "下同" in note else None
                body_e = min(body_e, ns - 1)
            elif CONVENTION_FIRST.search(note):
                ann.sets_convention = "first" if "下同" in note else None
                body_e = min(body_e, ns - 1)
        # a trailing "(排在第一为牵头单位,下同)" inside a line annotation
        m2 = re.search(r"\(([^()]*牵头[^()]*)\)\s*$", shadow[seg_s:body_e])
        if m2:
            if CONVENTION_FIRST_COMMA.search(m2.group(1)):
                ann.lead_before_comma = True
                ann.sets_convention = "comma" if "下同" in m2.group(1) else None
            elif CONVENTION_FIRST.search(m2.group(1)):
                ann.sets_convention = "first" if "下同" in m2.group(1) else None
            body_e = seg_s + m2.start()
        role = "lead" if label in LEAD_LABELS else "support" if label in SUPPORT_LABELS else None
        rr = role_runs(shadow, seg_s, body_e)  # `责任单位：A牵头，B等按职责分工负责`
        if rr is not None:
            body_e = max(r[1] for r in rr.runs)
        if ann.unit_span is None:
            us, ue = _strip(text, seg_s, body_e)
            ann.unit_span = (us, ue)
        if rr is not None:
            ann.units.extend(_runs_units(text, shadow, rr, role))
        else:
            ann.units.extend(_units_with_comma_rule(text, shadow, seg_s, body_e, role, ann))
    if not ann.units and not ann.deadline_text:
        return None
    if ann.unit_span and ann.units:
        # unit_text runs to the end of the last unit list (through later labels), never into a deadline field
        last = max(u.span[1] for u in ann.units if u.span)
        ann.unit_span = (ann.unit_span[0], max(ann.unit_span[1], last))
    return ann


def _units_with_comma_rule(text: str, shadow: str, s: int, e: int, role: Optional[str],
                           ann: Annotation) -> list[UnitRef]:
    if not ann.lead_before_comma or role is not None:
        return parse_unit_list(text, shadow, s, e, role)
    groups = split_top(shadow, s, e, ",")
    units = parse_unit_list(text, shadow, groups[0][0], groups[0][1], "lead")
    for gs, ge in groups[1:]:
        units.extend(parse_unit_list(text, shadow, gs, ge, "support"))
    return units


def assign_roles(units: list[UnitRef]) -> list[UnitRef]:
    """Undecided roles: where the document marks no lead, the first listed unit leads — a collective token included
    (`（责任单位：各区、市发展改革委）`: 各区 lead), as the contract says ("the first listed where the document does not
    distinguish") and shanghai_2022 gold 2.10.1 reads it; chat names such a lead as the collective it is. A unit the
    document marked `配合` does not lead for being listed first."""
    if any(u.role == "lead" for u in units):
        return [UnitRef(u.name, u.role or "support", u.collective, u.span) for u in units]
    open_ = [k for k, u in enumerate(units) if not u.role] or list(range(len(units)))
    first = open_[0] if open_ else -1
    return [UnitRef(u.name, "lead" if k == first else "support", u.collective, u.span) for k, u in enumerate(units)]


def merge_units(annotations: list[Annotation]) -> list[UnitRef]:
    """Units of a task from all its annotations, in order, each name once (lead over support).

    Several inline annotations in one task (`…（责任部门：气候处，完成期限：6月底）…（责任部门：环评处、…）`) are separate
    assignments: where the document marks no lead, each one's first listed unit leads its part of the task."""
    merged: dict[str, UnitRef] = {}
    marked = any(u.role == "lead" for a in annotations for u in a.units)
    if len(annotations) > 1 and not marked:  # `牵头单位：A` ⏎ `责任单位：B、C` is one assignment: A leads, B does not
        annotations = [Annotation(a.span, a.unit_span, assign_roles(a.units)) for a in annotations]
    for a in annotations:
        for u in a.units:
            if u.name not in merged:
                merged[u.name] = u
            elif u.role == "lead" and merged[u.name].role != "lead":
                merged[u.name] = UnitRef(u.name, "lead", u.collective, merged[u.name].span)
    return assign_roles(list(merged.values()))
