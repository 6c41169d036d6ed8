"""Responsible units renamed between two versions (an institutional reform, a fuller official name).

Why at the level of the whole document: a rename is a fact about the plan, not about one task — when 市经信委 became
市经信局 every task that named it changes the same way, and reporting that as "市经信委 removed, 市经信局 added" on each
of them hides the one thing that happened and suggests a change of responsibility that did not happen. So only names
that occur in one version alone are candidates (a unit still named in the new version was not renamed, whatever else
happened to it; a unit the old version already named elsewhere is a real addition), and a candidate pair must look
like one body under two names:
- the same stem before an institutional suffix that a reform swaps (经信委 → 经信局, 住建委 → 住建局, 环保局 → 生态环境局
  is *not* one: different stems), or
- one name is the other with characters inserted inside it or a bracketed qualifier added (国网天府供电公司 →
  国网天府新区供电公司, 市机关事务管理局 → 市机关事务局, 各区（市）县政府 → 各区（市）县政府（管委会）, 发改委 →
  发展改革委). Text appended outside brackets makes a different body (市委 → 市委宣传部) and is not a rename.
Each name takes part in at most one rename; the closest candidate pairs win.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable

from extract.record import UnitRef

from .normalize import normalize

__all__ = ["unit_renames", "looks_renamed"]

# suffixes an institutional reform swaps; longest first so 委员会 is stripped before 会
_SUFFIXES = sorted(["委员会", "办公室", "管理局", "委", "局", "厅", "办", "部", "处", "署", "中心", "公司", "集团"],
                   key=len, reverse=True)
_BRACKETS = re.compile(r"[(（][^()（）]*[)）]")


def _stem(name: str) -> str:
    for s in _SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[:-len(s)]
    return name


def looks_renamed(a: str, b: str) -> bool:
    """True when names a and b (different) plausibly name one body (see module docstring)."""
    a, b = normalize(a), normalize(b)
    if a == b or min(len(a), len(b)) < 3:
        return False
    sa, sb = _stem(a), _stem(b)
    if sa == sb and sa != a and sb != b and len(_BRACKETS.sub("", sa)) >= 2:
        return True  # same stem, suffix swapped (经信委 → 经信局)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) > 6:
        return False
    sm = difflib.SequenceMatcher(None, short, long_, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    if not ops or any(op[0] != "insert" for op in ops):
        return False  # the shorter must be the longer with characters inserted (nothing replaced or dropped)
    for _, i1, _, j1, j2 in ops:
        added = long_[j1:j2]
        if i1 == len(short) and not _BRACKETS.fullmatch(added):
            return False  # appended outside brackets: a sub-body (市委 → 市委宣传部)
        if i1 == 0:
            return False  # prefixed: a different level (区经委 vs 市区经委) or body
    return True


def _names(units: Iterable[Iterable[UnitRef]]) -> list[str]:
    out: dict[str, None] = {}
    for us in units:
        for u in us:
            out.setdefault(u.name, None)
    return list(out)


def _mentioned(name: str, text: str, names: list[str]) -> bool:
    """`name` occurs in `text` other than inside a longer unit name of that version (各区（市）县政府 inside
    各区（市）县政府（管委会）is not a mention of the former)."""
    if not text:
        return False
    for longer in sorted((n for n in names if name in n and n != name), key=len, reverse=True):
        text = text.replace(longer, "")
    return name in text


def unit_renames(old_units: Iterable[Iterable[UnitRef]], new_units: Iterable[Iterable[UnitRef]],
                 old_text: str = "", new_text: str = "") -> dict[str, str]:
    """Old name → new name for the units renamed between the versions.

    `old_units`/`new_units` are the unit lists of every item. A candidate must be absent from the other version's
    unit lists and, when the texts are given, from its text (a unit mentioned in prose but not annotated still
    exists).
    """
    old_names = _names(old_units)
    new_names = _names(new_units)
    gone = [n for n in old_names if n not in new_names and not _mentioned(n, new_text, new_names)]
    came = [n for n in new_names if n not in old_names and not _mentioned(n, old_text, old_names)]
    cands = []
    for a in gone:
        for b in came:
            if looks_renamed(a, b):
                cands.append((difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(), a, b))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, a, b in sorted(cands, key=lambda c: (-c[0], c[1], c[2])):
        if a not in out and b not in used:
            out[a] = b
            used.add(b)
    return out
