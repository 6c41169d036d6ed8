"""Data behind the ledger's progress actions: record a report, a target's history, import a filled sheet, the
per-unit report and its fill-in template — each a thin call into kg.track that returns plain values.

Why nothing is decided here: reports are append-only and checked by kg.track (unknown target or unit → InputError
with the closest matches), so the app can never write what `policykg progress add` would refuse. Uploaded sheets
are checked for size and type (uploads.py) before kg.track reads them; one bad row rejects the whole file.
"""
from __future__ import annotations

import datetime as dt
import shutil
from typing import Any, Optional

from extract.errors import InputError
from kg import Store

from . import records
from .uploads import MAX_SHEET_BYTES, save_upload

__all__ = ["record_report", "target_history", "import_sheet", "unit_report", "unit_report_file", "unit_template",
           "units_of", "target_choices", "SHEET_UPLOAD_TYPES", "STATES"]

SHEET_UPLOAD_TYPES = ("xlsx", "csv")
STATES = ("未启动", "推进中", "已完成", "受阻")


def record_report(store: Store, doc: str, target: str, date: str | dt.date, by: str, value: Optional[float] = None,
                  unit: Optional[str] = None, state: Optional[str] = None, note: Optional[str] = None) -> dict[str, Any]:
    """Append one report (a value with its unit, or a milestone state) and return it as policykg.report/1."""
    from kg.track import add_report

    if value is None and not state:
        raise InputError("请填写报告值或选择进展状态")
    if value is not None and state:
        raise InputError("报告值与进展状态只能填写一项")
    rep = add_report(store, target, date=date if isinstance(date, str) else date.isoformat(), by=by,
                     value=value, unit=(unit or None) if value is not None else None, state=state or None,
                     note=(note or "").strip() or None, doc=doc)
    return rep.to_contract()


def target_history(store: Store, doc: str, target: str) -> list[dict[str, Any]]:
    """Every report about the target (or task), oldest first, superseded ones included and marked."""
    from kg.track import history

    return [r.to_contract() for r in history(store, target, doc=doc)]


def import_sheet(store: Store, name: str, data: bytes, force: bool = False) -> dict[str, Any]:
    """Import a filled .xlsx/.csv progress sheet, all rows or none (policykg.import/1 summary)."""
    from kg.track import import_reports

    path = save_upload(name, data, allowed=SHEET_UPLOAD_TYPES, limit=MAX_SHEET_BYTES)
    try:
        return import_reports(store, path, force=force)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


def unit_report(store: Store, unit: str, as_of: str, doc: Optional[str] = None) -> dict[str, Any]:
    """The per-unit list (policykg.unit_report/1): the unit's tasks with role, targets, deadlines, latest, status."""
    from kg.track import unit_report as _unit_report

    return _unit_report(store, unit, as_of, doc)


def unit_report_file(data: dict[str, Any], fmt: str) -> dict[str, Any]:
    """A unit report as a download: {"filename", "mime", "data": bytes} for md, csv or xlsx."""
    from kg.track import render_unit_report

    out = render_unit_report(data, fmt)
    mime = {"md": "text/markdown", "csv": "text/csv",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[fmt]
    return {"filename": f"{data['unit']}-{data['as_of']}.{fmt}", "mime": mime,
            "data": out if isinstance(out, bytes) else out.encode("utf-8")}


def unit_template(store: Store, unit: str, doc: Optional[str], as_of: str) -> dict[str, Any]:
    """The fill-in .xlsx for a unit (import_sheet reads it back): {"filename", "mime", "data"}."""
    from kg.track import template_workbook

    return {"filename": f"{unit}-进展填报表.xlsx",
            "mime": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "data": template_workbook(store, unit, doc, as_of)}


def units_of(store: Store, doc: str) -> list[str]:
    """Named (non-collective) responsible units of a document, busiest first."""
    rec = records.record(store, doc)
    count: dict[str, int] = {}
    for t in rec.tasks:
        for u in t.units:
            if not u.collective:
                count[u.name] = count.get(u.name, 0) + 1
    return sorted(count, key=lambda n: (-count[n], n))


def target_choices(store: Store, doc: str) -> list[dict[str, Any]]:
    """Every target of a document for the report form: {id, quote, unit, value, units (of its task), lead}."""
    rec = records.record(store, doc)
    tasks = {t.id: t for t in rec.tasks}
    out = []
    for g in rec.targets:
        task = tasks.get(g.task)
        units = [u.name for u in task.units if not u.collective] if task else []
        out.append({"id": g.id, "quote": g.quote, "unit": g.unit, "value": g.value, "kind": g.kind,
                    "deadline": g.deadline, "units": units,
                    "lead": next((u.name for u in task.units if u.role == "lead"), None) if task else None})
    return out
