"""Typed changes of one aligned pair: target level (value, unit, comparator), deadlines, responsible units.

Why typed changes before wording: "指标从6个改为8个" and "牵头单位改为区经委" are what policy staff act on, so they are
reported from the extracted structure (value, unit, comparator, ISO deadline, unit roles), not read off a text diff.
Each typed change also says where in both texts it sits (its `regions`), so that the word-level diff can recognise the
edits it already explains (`6` → `8` inside that quote) and not list them a second time as wording.

Rules (the contract has four change types, so comparator and baseline travel with value):
- `target_value`: one change per aligned target whose value, unit or comparator differs (`=` and none are the same
  comparator: a bare amount); `before`/`after` are value and unit (`6个` → `8个`), with the comparator marked on
  both when it changed (`≥3500辆` → `≤3500辆`); `detail` has value, unit and comparator as [old, new] and `fields`
  names what changed. A new baseline year (`比2020年下降14%` → `比2021年下降14%`, a target restated against a new
  base) is `fields` `baseline`, shown on both sides. When the unit changed to a commensurable one (`1GW` → `50万千瓦`,
  `万吨标准煤` → `吨标准煤`) `detail.quantity` gives both levels in one base unit and whether they are `same` (a
  restatement) or not (a real change hidden by the unit). A target
  whose quote is word-for-word the same is never reported here (a level is read from its own words; a difference
  would be an extraction artefact). Conversely, when the words right before the number change from a `≥` cue to a
  `≤` cue (`不低于` → `不高于`) the change is reported as a comparator change even if the extraction read both the same.
- `deadline`: one change per aligned target (or task-level 完成时限) whose ISO deadline differs; `before`/`after` are
  the ISO dates (null when absent), `detail` has the wording (`到2025年`). Not reported when the quotes overlap and
  each version's deadline wording still stands in the other version's sentence (an inherited deadline that the
  extractor carried differently, e.g. across a reflowed line, is not a change of the plan).
- `responsible_units`: at most one change per item pair, when a named unit was added, removed or renamed or the lead
  set changed; `detail` lists `added`, `removed`, `renamed` ([old, new] pairs: a unit renamed across the document,
  renames.py — not an addition plus a removal), `lead_before`, `lead_after`. A lead change with word-for-word the same
  annotation is not one: the roles were read from context elsewhere (a `逗号前为牵头单位，下同` that moved).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from extract.record import Target

from .align import TargetPair
from .items import Item
from .normalize import normalize
from .renames import looks_renamed
from .similarity import mask_digits
from .tokens import SENTENCE_END

__all__ = ["Change", "base_quantity", "target_changes", "unit_change", "task_deadline_change", "format_level", "same_comparator",
           "cue_comparator"]

Change = dict[str, Any]
Region = tuple[int, int]

_CMP_MARK = {">=": "≥", "<=": "≤", "decrease_by": "下降", "increase_by": "增加"}


def _num(v: Optional[float]) -> str:
    if v is None:
        return ""
    if float(v).is_integer():
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _jsonnum(v: Optional[float]) -> Optional[float]:
    """Integral values as ints in JSON (as the extract contract prints them)."""
    return int(v) if isinstance(v, float) and v.is_integer() else v


def format_level(g: Target, comparator: Optional[str] = None, with_comparator: bool = False) -> str:
    """A target's value with its unit as the plan writes it (`3500辆`, `29.4万千瓦`), marked with its comparator
    (`≥3500辆`, `下降14%`) when that is what changed; the quote when it has no number."""
    if g.value is None:
        return g.quote
    cmp = comparator if comparator is not None else g.comparator
    mark = _CMP_MARK.get(cmp or "", "") if with_comparator else ""
    return f"{mark}{_num(g.value)}{g.unit or ''}"


_GE = ("不少于", "不低于", "不小于", "至少", "超过", "突破", "高于", "大于")
_LE = ("不高于", "不超过", "不大于", "低于", "小于", "控制在", "以内")
_CUES = sorted([(c, ">=") for c in _GE] + [(c, "<=") for c in _LE], key=lambda x: -len(x[0]))


def cue_comparator(quote: str, value: Optional[float]) -> Optional[str]:
    """The comparator that the words right before the target's number state (`不高于装机容量的 10%` → `<=`).

    Used only to notice a comparator change the extraction did not read; the cue must stand within ten characters
    before the number, with no other number in between.
    """
    if value is None:
        return None
    q = normalize(quote)
    num = _num(value)
    at = q.find(num)
    while at > 0 and q[at - 1].isdigit():
        at = q.find(num, at + 1)
    if at < 0:
        return None
    window = q[max(0, at - 10):at]
    window = re.split(r"[0-9]", window)[-1]
    for i in range(len(window)):
        for cue, cmp in _CUES:
            if window.startswith(cue, i):
                return cmp
    return None


# units that are a fixed multiple of another (a restated level, `1GW` ↔ `100万千瓦`); 万/亿 before any unit are handled
# generically (`万吨标准煤` = 10⁴ `吨标准煤`, `万辆` = 10⁴ `辆`)
_BASE = {"gw": ("千瓦", 1e6), "吉瓦": ("千瓦", 1e6), "mw": ("千瓦", 1e3), "兆瓦": ("千瓦", 1e3), "kw": ("千瓦", 1.0),
         "kwh": ("千瓦时", 1.0), "度": ("千瓦时", 1.0), "千米": ("公里", 1.0), "km": ("公里", 1.0), "米": ("公里", 1e-3),
         "公斤": ("吨", 1e-3), "千克": ("吨", 1e-3), "方": ("立方米", 1.0), "吨标煤": ("吨标准煤", 1.0),
         "亩": ("平方米", 666.6666666666666), "公顷": ("平方米", 1e4), "平方公里": ("平方米", 1e6)}


def base_quantity(value: Optional[float], unit: Optional[str]) -> Optional[tuple[float, str]]:
    """(value, base unit) of a level, so that two levels in different units can be compared (`1GW` → (1e6, 千瓦),
    `50万千瓦` → (5e5, 千瓦)); None without a value or unit. `%`-like units are their own base."""
    if value is None or not unit:
        return None
    u = normalize(unit)
    factor = 1.0
    for prefix, f in (("亿", 1e8), ("万", 1e4)):
        if u.startswith(prefix) and len(u) > len(prefix):
            u, factor = u[len(prefix):], f
            break
    base, f2 = _BASE.get(u.lower(), (u, 1.0))
    return value * factor * f2, base


def same_comparator(a: Optional[str], b: Optional[str]) -> bool:
    """None and '=' both mean a bare amount."""
    return (a or "=") == (b or "=")


def _same_value(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _phrase_region(text: str, phrase: Optional[str], span: Region, lo: int, hi: int) -> Optional[Region]:
    """Where `phrase` (a deadline wording) sits: inside the quote, else its nearest occurrence before it in [lo, hi)."""
    if not phrase:
        return None
    p = normalize(phrase)
    if not p:
        return None
    at = text.find(phrase, span[0], span[1])
    if at >= 0:
        return (at, at + len(phrase))
    at = text.rfind(phrase, lo, span[0])
    if at >= 0:
        return (at, at + len(phrase))
    return None


def target_changes(tp: TargetPair, old_text: str, new_text: str, old_item: Optional[Item],
                   new_item: Optional[Item]) -> list[tuple[Change, list[Region], list[Region]]]:
    """The typed changes of one target pair, each with the old and new text regions it explains."""
    og, ng = tp.old, tp.new
    out: list[tuple[Change, list[Region], list[Region]]] = []
    base = {"target_old": og.id, "target_new": ng.id, "indicator": ng.indicator or og.indicator,
            "quote_before": og.quote, "quote_after": ng.quote}
    fields = []
    if not _same_value(og.value, ng.value):
        fields.append("value")
    if normalize(og.unit or "") != normalize(ng.unit or ""):
        fields.append("unit")
    if not same_comparator(og.comparator, ng.comparator):
        fields.append("comparator")
    if og.baseline_year != ng.baseline_year:
        fields.append("baseline")
    if fields and normalize(og.quote) == normalize(ng.quote):
        fields = []  # same words, different reading: an extraction artefact of the context, not a change of level
    cmp_old, cmp_new = og.comparator, ng.comparator
    if not fields and normalize(og.quote) != normalize(ng.quote):
        cue_old, cue_new = cue_comparator(og.quote, og.value), cue_comparator(ng.quote, ng.value)
        if cue_old and cue_new and cue_old != cue_new:  # the words before the number say so, whatever was extracted
            fields, cmp_old, cmp_new = ["comparator"], cue_old, cue_new
    old_reg = [tuple(og.span)]
    new_reg = [tuple(ng.span)]
    if fields:
        detail = dict(base, fields=fields, value=[_jsonnum(og.value), _jsonnum(ng.value)], unit=[og.unit, ng.unit],
                      comparator=[cmp_old, cmp_new], baseline_year=[og.baseline_year, ng.baseline_year])
        qo, qn = base_quantity(og.value, og.unit), base_quantity(ng.value, ng.unit)
        if "unit" in fields and qo and qn and qo[1] == qn[1]:
            # the unit changed but the two are commensurable: say whether the level itself changed
            detail["quantity"] = {"unit": qo[1], "before": _jsonnum(qo[0]), "after": _jsonnum(qn[0]),
                                  "same": _same_value(qo[0], qn[0])}
            if ng.value:  # the old level written in the new unit, as a reader compares it (1GW = 100万千瓦)
                detail["quantity"]["old_in_new_unit"] = f"{_num(round(qo[0] * ng.value / qn[0], 6))}{ng.unit}"
        base_marks = "baseline" in fields
        marks = "comparator" in fields or base_marks
        out.append(({"old": og.task, "new": ng.task, "type": "target_value",
                     "before": _with_baseline(format_level(og, cmp_old, marks), og.baseline_year, base_marks),
                     "after": _with_baseline(format_level(ng, cmp_new, marks), ng.baseline_year, base_marks),
                     "detail": detail, "old_span": list(og.span),
                     "new_span": list(ng.span)}, old_reg, new_reg))
    if (og.deadline or None) != (ng.deadline or None) and not _inherited_artefact(og, ng, old_text, new_text):
        lo_o = old_item.start if old_item else max(0, og.span[0] - 200)
        lo_n = new_item.start if new_item else max(0, ng.span[0] - 200)
        o_r = _phrase_region(old_text, og.deadline_text, tuple(og.span), lo_o, og.span[1])
        n_r = _phrase_region(new_text, ng.deadline_text, tuple(ng.span), lo_n, ng.span[1])
        detail = dict(base, deadline_text=[og.deadline_text, ng.deadline_text], level="target")
        out.append(({"old": og.task, "new": ng.task, "type": "deadline", "before": og.deadline,
                     "after": ng.deadline, "detail": detail, "old_span": list(og.span), "new_span": list(ng.span)},
                    old_reg + ([o_r] if o_r else []), new_reg + ([n_r] if n_r else [])))
    return out


def _with_baseline(level: str, year: Optional[int], show: bool) -> str:
    """`下降14%` → `比2020年下降14%` when the baseline year is what changed (or `（无基准年）`)."""
    if not show:
        return level
    return f"比{year}年{level}" if year else f"{level}（无基准年）"


def _sentence_norm(text: str, span: Region) -> str:
    """Normal form of the sentence around a span (bounded by 。；！？, not by line ends)."""
    lo, hi = span
    while lo > 0 and text[lo - 1] not in SENTENCE_END:
        lo -= 1
    while hi < len(text) and text[hi] not in SENTENCE_END:
        hi += 1
    return normalize(text[lo:hi])


def _inherited_artefact(og: Target, ng: Target, old_text: str, new_text: str) -> bool:
    """The deadline wording is unchanged around the target: each version's deadline phrase still stands in the other
    version's sentence, and the quotes overlap (one contains the other). Then only how far the extractor carried an
    inherited deadline differs (e.g. across a line break), not the plan. Quotes are compared with numbers masked (a
    value may have changed too); the deadline phrases are compared as written."""
    qo, qn = mask_digits(normalize(og.quote)), mask_digits(normalize(ng.quote))
    if not (qo in qn or qn in qo):
        return False
    old_dt = normalize(og.deadline_text or "")
    new_dt = normalize(ng.deadline_text or "")
    return ((not old_dt or old_dt in _sentence_norm(new_text, tuple(ng.span)))
            and (not new_dt or new_dt in _sentence_norm(old_text, tuple(og.span))))


def task_deadline_change(a: Item, b: Item) -> Optional[Change]:
    """A change of a task-level deadline (完成时限), when the document gives one."""
    if (a.deadline or None) == (b.deadline or None):
        return None
    return {"old": a.id, "new": b.id, "type": "deadline", "before": a.deadline, "after": b.deadline,
            "detail": {"level": "task", "deadline_text": [a.deadline_text, b.deadline_text]}}


def unit_change(a: Item, b: Item, renames: Optional[dict[str, str]] = None) -> Optional[Change]:
    """One responsible_units change when units were added, removed or renamed, or the lead changed.

    `renames` (old name → new name, renames.unit_renames) are units that changed their name across the whole
    document: such a unit is neither added nor removed (nor a lead change), it is listed under `renamed`. Within the
    pair, a removed and an added name that look like one body (renames.looks_renamed) are a rename too: a document
    may use both names (市机关事务局 and 市机关事务管理局 in one version), which hides the rename from the whole-document
    view.
    """
    renames = renames or {}
    old_names = list(dict.fromkeys(u.name for u in a.units))
    new_names = list(dict.fromkeys(u.name for u in b.units))
    renamed = [[n, renames[n]] for n in old_names if renames.get(n) in new_names]
    mapped = {n: renames.get(n, n) if renames.get(n) in new_names else n for n in old_names}
    added = [n for n in new_names if n not in mapped.values()]
    removed = [n for n in old_names if mapped[n] not in new_names]
    for n in list(removed):  # a rename the document itself is inconsistent about (both names in the old version)
        m = next((x for x in added if looks_renamed(n, x)), None)
        if m is not None:
            renamed.append([n, m])
            mapped[n] = m
            removed.remove(n)
            added.remove(m)
    lead_a = [u.name for u in a.units if u.role == "lead"]
    lead_b = [u.name for u in b.units if u.role == "lead"]
    lead_changed = {mapped.get(n, n) for n in lead_a} != set(lead_b)
    if lead_changed and not added and not removed and a.unit_text and b.unit_text \
            and normalize(a.unit_text) == normalize(b.unit_text):
        lead_changed = False  # same words, roles read differently from context (a moved `逗号前为牵头单位，下同`)
    if not added and not removed and not lead_changed and not renamed:
        return None
    change: Change = {"old": a.id, "new": b.id, "type": "responsible_units",
                      "before": a.unit_text or "、".join(old_names), "after": b.unit_text or "、".join(new_names),
                      "detail": {"added": added, "removed": removed, "lead_before": lead_a, "lead_after": lead_b,
                                 "lead_changed": lead_changed, "renamed": renamed}}
    if a.unit_span:
        change["old_span"] = list(a.unit_span)
    if b.unit_span:
        change["new_span"] = list(b.unit_span)
    return change
