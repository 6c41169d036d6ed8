"""Reported values against target values: 万/亿 scales, comparators, and how far along a target is.

Why its own module: "is 294000 千瓦 the 29.4 万千瓦 of the plan?" and "does 10 % meet 比2020年下降14%?" are the
numeric heart of the status rules and must be right at every boundary, so they are small pure functions with tests.

Units: a unit is a scale word (`万亿`, `亿`, `万`) plus a base (`千瓦`, `元`, `个`); `平米` is `平方米`. Two
quantities are comparable when their bases are equal after that split (so `万千瓦` ~ `千瓦`, `亿元` ~ `万元`, but
`个` !~ `%`). A report without a unit is read in the target's unit.

Comparators (contract): `>=` and `=` are amounts to reach (a plan's bare count `新建3300个` is met by 3300 or more),
`<=` a ceiling (PUE 不高于1.3), `decrease_by` / `increase_by` a change against the baseline year. For those, the
report either gives the change itself in the target's unit (`%`: "down 10 % so far"), or a level together with the
baseline level (`baseline`), from which the change is computed.
"""
from __future__ import annotations

import unicodedata
from typing import Optional

__all__ = ["split_scale", "to_target_unit", "comparable", "achieved", "meets", "progress_fraction", "EPS"]

_SCALES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))
_SAME_BASE = {"平米": "平方米", "％": "%", "百分比": "%"}
EPS = 1e-9


def _norm(unit: Optional[str]) -> str:
    return "".join(unicodedata.normalize("NFKC", unit or "").split())


def split_scale(unit: Optional[str]) -> tuple[float, str]:
    """('万千瓦') → (1e4, '千瓦'); ('亿元') → (1e8, '元'); ('个') → (1, '个'); (None) → (1, '')."""
    u = _norm(unit)
    for word, factor in _SCALES:
        if u == word or (u.startswith(word) and len(u) > len(word)):
            base = u[len(word):]
            return factor, _SAME_BASE.get(base, base)
    return 1.0, _SAME_BASE.get(u, u)


def comparable(unit: Optional[str], target_unit: Optional[str]) -> bool:
    """Whether a value in `unit` can be compared with a target in `target_unit` (None = the target's own unit)."""
    if unit is None or _norm(unit) == "":
        return True
    return split_scale(unit)[1] == split_scale(target_unit)[1]


def to_target_unit(value: float, unit: Optional[str], target_unit: Optional[str]) -> float:
    """`value` expressed in `target_unit` (29.4 万千瓦 → 294000 in 千瓦; 294000 千瓦 → 29.4 in 万千瓦)."""
    if unit is None or _norm(unit) == "":
        return float(value)
    f_from, b_from = split_scale(unit)
    f_to, b_to = split_scale(target_unit)
    if b_from != b_to:
        raise ValueError(f"units {unit!r} and {target_unit!r} are not comparable")
    return float(value) * f_from / f_to


def achieved(comparator: Optional[str], value: float, unit: Optional[str], target_unit: Optional[str],
             baseline: Optional[float] = None) -> Optional[float]:
    """The reported value on the target's scale: a level for `>=`/`=`/`<=`, a change (in the target's unit, e.g. %)
    for `decrease_by`/`increase_by`. None when it cannot be compared (a change target reported as a bare level
    without its baseline level)."""
    if comparator in ("decrease_by", "increase_by"):
        if baseline is not None:
            if baseline == 0:
                return None
            change = (baseline - value) if comparator == "decrease_by" else (value - baseline)
            return change / baseline * 100.0  # a baseline level turns the level into a percentage change
        if not comparable(unit, target_unit):
            return None
        return to_target_unit(value, unit, target_unit)
    if not comparable(unit, target_unit):
        return None
    return to_target_unit(value, unit, target_unit)


def meets(comparator: Optional[str], level: Optional[float], target: Optional[float]) -> bool:
    """Whether an achieved level (see `achieved`) meets the target value under the comparator."""
    if level is None or target is None:
        return False
    tol = EPS * max(1.0, abs(target))
    if comparator == "<=":
        return level <= target + tol
    return level >= target - tol  # >=, =, decrease_by, increase_by, and no comparator: an amount to reach


def progress_fraction(comparator: Optional[str], level: Optional[float], target: Optional[float]) -> Optional[float]:
    """How far along the target is, 0..1 (1 = met), or None when a fraction has no meaning (no numbers).

    For amounts to reach it is level / target. For a ceiling (`<=`) there is no starting level to draw a path from,
    so the fraction is target / level (PUE 1.4 against 1.3 → 0.93): below 1 until met, closer as it improves."""
    if level is None or target is None:
        return None
    if meets(comparator, level, target):
        return 1.0
    if comparator == "<=":
        if level <= 0:
            return 1.0
        return max(0.0, min(1.0, target / level)) if target > 0 else 0.0
    if target <= 0:
        return 0.0
    return max(0.0, min(1.0, level / target))
