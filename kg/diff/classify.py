"""Classifying one aligned pair: its status and the list of its changes (typed first, then wording).

Status rule (content wins over position, so a reader is never told "只是重新编号" about an item whose content moved):
    modified    — at least one listed change (typed or wording);
    moved       — otherwise, when the item's parent section in the old version is not aligned to its parent in
                  the new one (a different section; a section renumbered as a whole is not a move);
    renumbered  — otherwise, when its id differs (same parent section);
    unchanged   — same id, same parent, no change beyond formatting.
The pair row always carries `moved` and `renumbered` as booleans, and `old_section`/`new_section`, so a modified item
still says that it was also moved or renumbered.
"""
from __future__ import annotations

from typing import Any, Optional, Sequence

from extract.record import Target

from .align import TargetPair
from .items import Item
from .normalize import normalize
from .typed import Change, target_changes, task_deadline_change, unit_change
from .wording import text_changes

__all__ = ["classify_pair", "status_of"]


def status_of(has_changes: bool, moved: bool, renumbered: bool) -> str:
    """The contract status from the three facts (see module docstring)."""
    if has_changes:
        return "modified"
    if moved:
        return "moved"
    if renumbered:
        return "renumbered"
    return "unchanged"


def classify_pair(a: Item, b: Item, score: float, section_map: dict[str, str], old_text: str, new_text: str,
                  tpairs: Sequence[TargetPair], lone_old: Sequence[Target],
                  lone_new: Sequence[Target],
                  renames: Optional[dict[str, str]] = None) -> tuple[dict[str, Any], list[Change]]:
    """The pair row for `pairs` (or `sections.pairs`) and this pair's changes, in reading order.

    Two items whose normal forms are equal have no changes at all, whatever the extractor read from them: the words are
    the same, so any difference in extracted values, deadlines or units is an artefact of formatting (a line break
    that cut a deadline's scope), which the issue says to count, not to list.
    """
    old_parent = a.parent or ""
    moved = (section_map.get(old_parent, None if old_parent else "") != (b.parent or ""))
    renumbered = a.id != b.id
    if a.norm == b.norm:
        return _row(a, b, score, moved, renumbered, [], 1.0), []
    typed: list[Change] = []
    explained = []
    for tp in tpairs:
        for ch, o_reg, n_reg in target_changes(tp, old_text, new_text, a, b):
            typed.append(ch)
            explained.append((o_reg, n_reg, [tp.old.unit or "", tp.new.unit or ""]))
    if a.kind == "task":
        dc = task_deadline_change(a, b)
        if dc:
            typed.append(dc)
        uc = unit_change(a, b, renames)
        if uc:
            typed.append(uc)
    wording, ratio = text_changes(a, b, old_text, new_text, explained, lone_old, lone_new)
    if renames:  # a phrase that only spells a renamed unit's new name is that rename, already typed
        wording = [c for c in wording if not _rename_only(c["before"], c["after"], renames)]
    titles = [c for c in wording if c["detail"]["field"] == "title"]
    others = [c for c in wording if c["detail"]["field"] != "title"]
    changes = titles + typed + others
    return _row(a, b, score, moved, renumbered, changes, ratio), changes


def _rename_only(before: str, after: str, renames: dict[str, str]) -> bool:
    if not before or not after:
        return False
    b = normalize(before)
    for old_name, new_name in renames.items():
        b = b.replace(normalize(old_name), normalize(new_name))
    return b == normalize(after)


def _row(a: Item, b: Item, score: float, moved: bool, renumbered: bool, changes: list[Change],
         ratio: float) -> dict[str, Any]:
    return {"old": a.id, "new": b.id, "status": status_of(bool(changes), moved, renumbered),
           "similarity": round(ratio, 3), "score": round(score, 3), "moved": moved, "renumbered": renumbered,
           "old_section": a.parent, "new_section": b.parent, "title": b.title, "old_title": a.title,
           "changes": len(changes)}
