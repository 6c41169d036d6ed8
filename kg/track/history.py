"""The full record of one target or task: every report, superseded ones included, oldest first.

Why separate from status: history answers "who said what, when, and what was corrected" and must never hide
anything, whereas status keeps only the latest effective report. Both read the same stored reports.
"""
from __future__ import annotations

from typing import Optional

from ..store import Store
from .catalog import load_catalog
from .latest import history as _history
from .model import Report
from .resolve import resolve_subject

__all__ = ["history"]


def history(store: Store, target: str, doc: Optional[str] = None) -> list[Report]:
    """Every report about target (or task) `target`, oldest first (value date, then recording time). Each Report
    lists what it supersedes and what superseded it. Unknown or ambiguous id → InputError."""
    d, kind, ident = resolve_subject(load_catalog(store), target, doc)
    return _history(store, d, ident, kind)
