"""Target statuses as of a date, keyed by target id: the one place the pages ask kg.track for them.

Why a shim: the graph colours nodes, the ledger lists rows and the chat expander shows badges from the same judgment,
and kg.track computes it (status is computed for an as-of date, never stored). Statuses are ordered by urgency so
that a task or a unit can show the most urgent status of its targets.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from kg import Store

__all__ = ["STATUS_ORDER", "statuses", "most_urgent"]

#: most urgent first (`none`: no dated target to judge)
STATUS_ORDER = ["overdue", "at_risk", "due_soon", "on_track", "no_data", "done", "none"]


def statuses(store: Store, doc: str, as_of: str, unit: Optional[str] = None) -> dict[str, dict[str, Any]]:
    """{target id: policykg.overdue/1 item (status, deadline, units, last_report, …)} for one document."""
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
