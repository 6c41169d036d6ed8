"""Target statuses as of a date, keyed by target id: the one place the pages ask kg.track for them.

Why a shim: the graph colours nodes, the ledger lists rows and the chat expander shows badges from the same judgment,
and kg.track makes it (status is computed for an as-of date, never stored). The order and the Chinese labels are the
tracker's; `none` is added for a task with no target to judge.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from kg import Store
from kg.track import STATUS_LABELS as _TRACK_LABELS
from kg.track import STATUS_ORDER as _TRACK_ORDER

__all__ = ["STATUS_ORDER", "STATUS_LABELS", "statuses", "most_urgent"]

#: most urgent first (`none`: nothing dated to judge)
STATUS_ORDER = [*_TRACK_ORDER, "none"]
STATUS_LABELS = {**_TRACK_LABELS, "none": "无指标"}


def statuses(store: Store, doc: str, as_of: str, unit: Optional[str] = None) -> dict[str, dict[str, Any]]:
    """{target id: kg.track.target_statuses row (status, deadline, units, last_report, …)} for one document."""
    from kg.track import target_statuses

    rows = target_statuses(store, as_of, doc=doc, unit=unit)
    return {r["target"]: r for r in rows if r.get("doc", doc) == doc}


def most_urgent(values: Iterable[Optional[str]]) -> str:
    """The most urgent of some statuses (`none` when there are none)."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    best = "none"
    for v in values:
        if v and rank.get(v, len(STATUS_ORDER)) < rank[best]:
            best = v
    return best
