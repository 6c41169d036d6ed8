"""Status of every target and task as of a date — the ONE place the tracker's judgment is made (CLI, chat, app).

Cost: three small catalog queries over the document graphs plus two over the progress index (kg.track.latest),
whatever the number of stored reports; never one query per target.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from extract.errors import InputError

from ..store import Store
from ..vocab import target_iri, task_iri
from .catalog import Catalog, TargetInfo, TaskInfo, load_catalog
from .latest import latest_reports
from .model import (DEFAULT_WINDOW_DAYS, SCHEMA_OVERDUE, STATUS_LABELS, STATUS_ORDER, STATUSES, STATE_DONE,
                    DateLike, parse_as_of)
from .resolve import resolve_doc, unit_filter
from .status import judge, most_urgent

__all__ = ["target_statuses", "task_statuses", "statuses", "overdue", "parse_include"]

_LABEL_TO_STATUS = {v: k for k, v in STATUS_LABELS.items()}


def _units_match(units: Iterable[str], wanted: Optional[dict[str, set[str]]], doc: str) -> bool:
    if wanted is None:
        return True
    names = wanted.get(doc)
    return bool(names) and any(u in names for u in units)


def _target_row(t: TargetInfo, cat: Catalog, latest: dict, as_of, window_days: int) -> dict[str, Any]:
    rep = latest.get(str(target_iri(t.doc, t.id)))
    j = judge(value=t.value, unit=t.unit, comparator=t.comparator, deadline=t.deadline,
              path_start=cat.path_start(t), report=rep, as_of=as_of, window_days=window_days)
    value = int(t.value) if t.value is not None and float(t.value).is_integer() else t.value
    return {
        "doc": t.doc, "task": t.task, "target": t.id, "quote": t.quote, "deadline": t.deadline, "status": j.status,
        "units": [u.name for u in t.units], "last_report": rep.brief() if rep is not None else None,
        "status_label": STATUS_LABELS[j.status], "kind": t.kind, "indicator": t.indicator, "value": value,
        "unit": t.unit, "comparator": t.comparator, "baseline_year": t.baseline_year, "period_start": t.period_start,
        "lead_units": [u.name for u in t.units if u.role == "lead"], "days_left": j.days_left,
        "expected": None if j.expected is None else round(j.expected, 4),
        "progress": None if j.progress is None else round(j.progress, 4), "behind": j.behind, "late": j.late,
        "comparable": j.comparable, "as_of": as_of.isoformat(),
    }


def _scope(store: Store, as_of: Optional[DateLike], doc: Optional[str], unit: Optional[str], window_days: int):
    if not isinstance(window_days, int) or window_days < 0:
        raise InputError(f"提前天数 {window_days} 无效；请给出 0 或正整数（默认 90）")
    when = parse_as_of(as_of)
    cat = load_catalog(store, doc)
    if doc is not None and doc not in cat.docs:
        resolve_doc(load_catalog(store), doc)  # raises with the closest stored ids
    wanted = unit_filter(cat, unit, doc) if unit else None
    return when, cat, wanted


def _task_row(task: TaskInfo, targets: list[dict[str, Any]], latest: dict, as_of, window_days: int,
              cat: Catalog) -> dict[str, Any]:
    rep = latest.get(str(task_iri(task.doc, task.id)))
    if rep is not None and rep.state == STATE_DONE:
        status = "done"
    elif targets:
        status = most_urgent(t["status"] for t in targets) or "no_data"
    else:
        doc = cat.docs.get(task.doc)
        j = judge(value=None, unit=None, comparator=None, deadline=task.deadline,
                  path_start=(doc.published or doc.ingested) if doc else None, report=rep, as_of=as_of,
                  window_days=window_days)
        status = j.status
    counts: dict[str, int] = {}
    for t in targets:
        counts[t["status"]] = counts.get(t["status"], 0) + 1
    return {"doc": task.doc, "task": task.id, "title": task.title, "deadline": task.deadline, "status": status,
            "status_label": STATUS_LABELS[status], "units": [u.name for u in task.units],
            "lead_units": [u.name for u in task.units if u.role == "lead"],
            "targets": [t["target"] for t in targets], "counts": counts,
            "last_report": rep.brief() if rep is not None else None, "as_of": as_of.isoformat()}


def target_statuses(store: Store, as_of: Optional[DateLike] = None, doc: Optional[str] = None,
                    unit: Optional[str] = None, *, window_days: int = DEFAULT_WINDOW_DAYS) -> list[dict[str, Any]]:
    """Every target (of `doc`, or of all stored documents; of the tasks `unit` is explicitly responsible for) with
    its status as of `as_of` (a date or ISO string; None = today), in document order. Each row is a
    `policykg.overdue/1` item plus: status_label, kind, indicator, value, unit, comparator, baseline_year,
    period_start, lead_units, days_left, expected, progress, behind, late, comparable, as_of.
    Unknown doc or unit, bad date → InputError."""
    return statuses(store, as_of, doc, unit, window_days=window_days)[0]


def task_statuses(store: Store, as_of: Optional[DateLike] = None, doc: Optional[str] = None,
                  unit: Optional[str] = None, *, window_days: int = DEFAULT_WINDOW_DAYS) -> list[dict[str, Any]]:
    """Every task with its status rolled up from its targets (see kg.track.status), in document order:
    {doc, task, title, deadline, status, status_label, units, lead_units, targets, counts, last_report, as_of}."""
    return statuses(store, as_of, doc, unit, window_days=window_days)[1]


def statuses(store: Store, as_of: Optional[DateLike] = None, doc: Optional[str] = None, unit: Optional[str] = None,
             *, window_days: int = DEFAULT_WINDOW_DAYS) -> tuple[list[dict[str, Any]], list[dict[str, Any]], Catalog]:
    """(target rows, task rows, the catalog) in one pass: what target_statuses and task_statuses return."""
    when, cat, wanted = _scope(store, as_of, doc, unit, window_days)
    latest = latest_reports(store, when, doc)
    by_task: dict[tuple[str, str], list[dict[str, Any]]] = {}
    targets = []
    for t in sorted(cat.targets.values(), key=lambda t: (t.doc, t.ordinal)):
        row = _target_row(t, cat, latest, when, window_days)
        by_task.setdefault((t.doc, t.task), []).append(row)
        if _units_match((u.name for u in t.units), wanted, t.doc):
            targets.append(row)
    tasks = []
    for task in sorted(cat.tasks.values(), key=lambda t: (t.doc, t.ordinal)):
        if _units_match((u.name for u in task.units), wanted, task.doc):
            tasks.append(_task_row(task, by_task.get((task.doc, task.id), []), latest, when, window_days, cat))
    return targets, tasks, cat


def parse_include(include: Optional[str | Iterable[str]]) -> set[str]:
    """The statuses an overdue listing shows: always `overdue`, plus the ones named (English or Chinese labels,
    comma-separated), or every status for `all`. Unknown name → InputError."""
    if include is None:
        return {"overdue"}
    parts = [p.strip() for p in (include.replace("，", ",").split(",") if isinstance(include, str) else include)]
    parts = [p for p in parts if p]
    if any(p.lower() in ("all", "全部") for p in parts):
        return set(STATUSES)
    out = {"overdue"}
    for p in parts:
        s = _LABEL_TO_STATUS.get(p, p.lower())
        if s not in STATUSES:
            raise InputError(f"--include 中的 {p} 不是状态；可用：{', '.join(STATUS_ORDER)} 或 all")
        out.add(s)
    return out


def overdue(store: Store, as_of: Optional[DateLike] = None, unit: Optional[str] = None, doc: Optional[str] = None,
            include: Optional[str | Iterable[str]] = None, *,
            window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, Any]:
    """The `policykg.overdue/1` object: dated targets whose status is overdue (plus the `include`d statuses), most
    urgent first, then by deadline and document order. Targets without a deadline are never listed."""
    wanted = parse_include(include)
    when = parse_as_of(as_of)
    rows = target_statuses(store, when, doc=doc, unit=unit, window_days=window_days)
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    items = [r for r in rows if r["deadline"] and r["status"] in wanted]
    items.sort(key=lambda r: (rank[r["status"]], r["deadline"], r["doc"]))  # stable: document order kept within
    return {"schema": SCHEMA_OVERDUE, "as_of": when.isoformat(), "items": items}
