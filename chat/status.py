"""Status of a target for an as-of date: the one hook every answer asks, so that progress reports change all answers
at once when the tracking module (kg.track*) provides them.

Why a hook and not a computation in each handler: "overdue" means *deadline before as_of and not done*, and only the
tracking module knows what is done. Until it exists (or for documents without reports) status follows from the
deadline alone: overdue, due soon (within `DUE_SOON_DAYS`), no data (nothing reported, not yet due or undated).

Providers are registered by name; the first that answers for a target wins. A provider is
`fn(store, doc_id, targets: list[dict], as_of: date) -> dict[target_id, status]` (it may omit targets it knows nothing
about). If `kg.track` exposes `target_statuses` with that signature it is registered automatically.
"""
from __future__ import annotations

import importlib
from datetime import date, timedelta
from typing import Any, Callable, Optional

__all__ = ["DUE_SOON_DAYS", "STATUSES", "register_status_provider", "providers", "statuses", "deadline_status"]

DUE_SOON_DAYS = 90
STATUSES = ("overdue", "at_risk", "due_soon", "done", "on_track", "no_data")

Provider = Callable[[Any, str, list[dict[str, Any]], date], dict[str, str]]
_PROVIDERS: dict[str, Provider] = {}
_autoloaded = False


def register_status_provider(name: str, fn: Optional[Provider] = None):
    """Register `fn` under `name` (usable as a decorator)."""
    def deco(f: Provider) -> Provider:
        _PROVIDERS[name] = f
        return f
    return deco(fn) if fn is not None else deco


def providers() -> list[str]:
    _autoload()
    return list(_PROVIDERS)


def _autoload() -> None:
    global _autoloaded
    if _autoloaded:
        return
    _autoloaded = True
    try:
        track = importlib.import_module("kg.track")
    except ImportError:
        return
    fn = getattr(track, "target_statuses", None)
    if callable(fn) and "kg.track" not in _PROVIDERS:
        _PROVIDERS["kg.track"] = fn


def deadline_status(deadline: Optional[str], as_of: date, soon_days: int = DUE_SOON_DAYS) -> str:
    """Status from the deadline alone (no progress reports): overdue / due_soon / no_data."""
    if not deadline:
        return "no_data"
    d = date.fromisoformat(deadline)
    if d < as_of:
        return "overdue"
    if d <= as_of + timedelta(days=soon_days):
        return "due_soon"
    return "no_data"


def statuses(store, doc_id: str, targets: list[dict[str, Any]], as_of: date,
             soon_days: int = DUE_SOON_DAYS) -> dict[str, str]:
    """Status of each target (rows with at least `gid` and `deadline`) as of a date."""
    _autoload()
    out: dict[str, str] = {}
    for name, fn in _PROVIDERS.items():
        try:
            got = fn(store, doc_id, targets, as_of) or {}
        except Exception:  # noqa: BLE001 - a broken provider must not break answering; deadline status stands
            got = {}
        for gid, st in got.items():
            if gid not in out and st in STATUSES:
                out[gid] = st
    for t in targets:
        out.setdefault(t["gid"], deadline_status(t.get("deadline"), as_of, soon_days))
    return out
