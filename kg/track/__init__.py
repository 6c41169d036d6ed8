"""Tracking: progress reports against a plan's targets (append-only, PROV-O) and status as of a date (computed).

Public API (everything else in this package is private implementation):
    target_statuses(store, as_of=None, doc=None, unit=None, *, window_days=90) -> list[dict]
        every target with status done | overdue | at_risk | due_soon | on_track | no_data (the ONE status function)
    task_statuses(store, as_of=None, doc=None, unit=None, *, window_days=90) -> list[dict]   rolled up from targets
    statuses(store, as_of=None, doc=None, unit=None, *, window_days=90) -> (targets, tasks, catalog)   both, one pass
    overdue(store, as_of=None, unit=None, doc=None, include=None, *, window_days=90) -> dict   policykg.overdue/1
    parse_include(include) -> set[str]                         "at_risk,临近到期" | "all" → the statuses to list
    add_report(store, target, *, date, by, value=None, unit=None, state=None, note=None, doc=None, baseline=None,
               supersedes=(), catalog=None) -> Report                                          appends one report
    import_reports(store, path, *, force=False) -> dict        a .csv/.xlsx file, all rows or none (one transaction)
    history(store, target, doc=None) -> list[Report]           every report about a target/task, superseded included
    unit_report(store, unit, as_of=None, doc=None) -> dict     per-unit list: tasks, targets, deadlines, latest, status
    render_unit_report(data, fmt) -> str | bytes                md | csv | xlsx
    template_workbook(store, unit, doc=None, as_of=None) -> bytes   .xlsx pre-filled with a unit's targets (import
                                                               reads it back)
    Report (.to_contract() is policykg.report/1), STATES, STATUS_ORDER, STATUS_LABELS, DEFAULT_WINDOW_DAYS,
    parse_date, parse_as_of
Status rules: kg.track.status. Storage: kg.track.rdf. Speed (no scan of all reports): kg.track.latest.
Bad input (unknown target/unit/doc, bad date, bad row) raises extract.errors.InputError with one Chinese line.
"""
from __future__ import annotations

from .compute import overdue, parse_include, statuses, target_statuses, task_statuses
from .history import history
from .importer import import_reports
from .model import (DEFAULT_WINDOW_DAYS, STATES, STATUS_LABELS, STATUS_ORDER, Report, parse_as_of, parse_date)
from .unitreport import render_unit_report, template_workbook, unit_report
from .write import add_report

__all__ = [
    "target_statuses", "task_statuses", "statuses", "overdue", "parse_include", "add_report", "import_reports",
    "history",
    "unit_report", "render_unit_report", "template_workbook", "Report", "STATES", "STATUS_ORDER", "STATUS_LABELS",
    "DEFAULT_WINDOW_DAYS", "parse_date", "parse_as_of",
]
