"""Typed changes of one aligned pair: target level (value, unit, comparator), deadlines, responsible units.

Why typed changes before wording: "指标从6个改为8个" and "牵头单位改为区经委" are what policy staff act on, so they are
reported from the extracted structure (value, unit, comparator, ISO deadline, unit roles), not read off a text diff.
Each typed change also says where in both texts it sits (its `regions`), so that the word-level diff can recognise the
edits it already explains (`6` → `8` inside that quote) and not list them a second time as wording.

Rules (the contract has four change types, so comparator travels with value):
- `target_value`: one change per aligned target whose value, unit or comparator differs (`=` and none are the same
  comparator: a bare amount); `before`/`after` are value and unit (`6个` → `8个`), with the comparator marked on
  both when it changed (`≥3500辆` → `≤3500辆`); `detail` has value, unit and comparator as [old, new] and `fields`
  names what changed. A target
  whose quote is word-for-word the same is never reported here (a level is read from its own words; a difference
  would be an extraction artefact). Conversely, when the words right before the number change from a `≥` cue to a
  `≤` cue (`不低于` → `不高于`) the change is reported as a comparator change even if the extraction read both the same.
- `deadline`: one change per aligned target (or task-level 完成时限) whose ISO deadline differs; `before`/`after` are
  the ISO dates (null when absent), `detail` has the wording (`到2025年`). Not reported when the quotes overlap and
  each version's deadline wording still stands in the other version's sentence (an inherited deadline that the
  extractor carried differently, e.g. across a reflowed line, is not a change of the plan).
- `responsible_units`: at most one change per item pair, when a named unit was added or removed or the lead set
  changed; `detail` lists `added`, `removed`, `lead_before`, `lead_after`. A lead change with word-for-word the same
  annotation is not one: the roles were read from context elsewhere (a `逗号前为牵头单位，下同` that moved).
"""
from __future__ import annotations

import re
from typing import Any, Optional

from extract.record import Target

from .align import TargetPair
from .items import Item
from .normalize import normalize
from .similarity import mask_digits
from .tokens import SENTENCE_END

__all__ = ["Change", "target_changes", "unit_change", "task_deadline_change", "format_level", "same_comparator",
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
                      comparator=[cmp_old, cmp_new])
        marks = "comparator" in fields
        out.append(({"old": og.task, "new": ng.task, "type": "target_value",
                     "before": format_level(og, cmp_old, marks), "after": format_level(ng, cmp_new, marks),
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


def unit_change(a: Item, b: Item) -> Optional[Change]:
    """One responsible_units change when units were added or removed or the lead changed (exact names)."""
    old_names = list(dict.fromkeys(u.name for u in a.units))
    new_names = list(dict.fromkeys(u.name for u in b.units))
    added = [n for n in new_names if n not in old_names]
    removed = [n for n in old_names if n not in new_names]
    lead_a = [u.name for u in a.units if u.role == "lead"]
    lead_b = [u.name for u in b.units if u.role == "lead"]
    lead_changed = set(lead_a) != set(lead_b)
    if lead_changed and not added and not removed and a.unit_text and b.unit_text \
            and normalize(a.unit_text) == normalize(b.unit_text):
        lead_changed = False  # same words, roles read differently from context (a moved `逗号前为牵头单位，下同`)
    if not added and not removed and not lead_changed:
        return None
    change: Change = {"old": a.id, "new": b.id, "type": "responsible_units",
                      "before": a.unit_text or "、".join(old_names), "after": b.unit_text or "、".join(new_names),
                      "detail": {"added": added, "removed": removed, "lead_before": lead_a, "lead_after": lead_b,
                                 "lead_changed": lead_changed}}
    if a.unit_span:
        change["old_span"] = list(a.unit_span)
    if b.unit_span:
        change["new_span"] = list(b.unit_span)
    return change
