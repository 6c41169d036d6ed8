"""Data of the 任务台账 page: every target with its deadline, units, latest report and status as of a date, filtered
and sorted; exports of what is shown (CSV, Excel).

Why a thin layer over kg.track.target_statuses: the tracker makes the one status judgment that the CLI, the chat and
the app share; this module only adds what a ledger needs on top (task titles, filters, sorting, a flat row per target
and the counts per status) and never decides a status itself.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Optional

from kg import Store

from . import records
from .status import STATUS_ORDER

__all__ = ["ledger", "SORTS", "export_rows", "report_text", "EXPORT_COLUMNS", "EXPORT_MIME"]

EXPORT_MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}

#: sort key name → Chinese label
SORTS = {"urgency": "紧急程度", "deadline": "时限", "clause": "条款顺序", "unit": "责任单位"}

EXPORT_COLUMNS = [("doc", "文档"), ("target", "指标编号"), ("task", "任务编号"), ("task_title", "任务"),
                  ("quote", "原文"), ("deadline", "时限"), ("status_label", "状态"), ("lead_units", "牵头单位"),
                  ("units", "责任单位"), ("latest", "最近进展"), ("latest_date", "进展日期"), ("latest_by", "报告单位")]


def _clause_key(clause: str) -> list[int]:
    return [int(p) if p.isdigit() else 0 for p in clause.replace("/", ".").split(".")]


def report_text(rep: Optional[dict[str, Any]]) -> str:
    """A short Chinese rendering of a report (value with unit, or state; the note in brackets)."""
    if not rep:
        return ""
    value = rep.get("value")
    if value is not None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = f"{value}{rep.get('unit') or ''}"
    else:
        text = rep.get("state") or ""
    if rep.get("note"):
        text += f"（{rep['note']}）"
    return text


def ledger(store: Store, as_of: str, doc: Optional[str] = None, units: Optional[list[str]] = None,
           statuses: Optional[list[str]] = None, years: Optional[list[int]] = None, search: Optional[str] = None,
           sort: str = "urgency") -> dict[str, Any]:
    """{"as_of", "doc", "rows", "counts": {status: n}, "total", "options": {units, years}}. A row per target:
    doc, target, task, task_title, quote, deadline, status, status_label, units, lead_units, last_report, latest,
    latest_date, latest_by, progress, days_left. Filters combine with AND; `search` matches the quote, the task title
    or an id."""
    from kg.track import target_statuses

    rows = target_statuses(store, as_of, doc=doc)
    prints = records.fingerprints(store)
    titles: dict[tuple[str, str], str] = {}
    for d in {r["doc"] for r in rows}:
        if d in prints:
            rec = records.record(store, d, prints)
            titles.update({(d, t.id): t.title for t in rec.tasks})
            titles.update({(d, s.id): s.title for s in rec.sections})
    all_units = sorted({u for r in rows for u in r["units"]})
    all_years = sorted({int(r["deadline"][:4]) for r in rows if r.get("deadline")})
    out = []
    needle = (search or "").strip()
    for r in rows:
        if units and not set(units) & set(r["units"]):
            continue
        if statuses and r["status"] not in statuses:
            continue
        if years and not (r.get("deadline") and int(r["deadline"][:4]) in years):
            continue
        title = titles.get((r["doc"], r["task"]), "")
        if needle and not any(needle in (x or "") for x in (r["quote"], title, r["target"], r["task"])):
            continue
        rep = r.get("last_report")
        out.append({"doc": r["doc"], "target": r["target"], "task": r["task"], "task_title": title,
                    "quote": r["quote"], "deadline": r.get("deadline"), "status": r["status"],
                    "status_label": r.get("status_label") or r["status"], "units": list(r["units"]),
                    "lead_units": list(r.get("lead_units") or []), "last_report": rep,
                    "latest": report_text(rep), "latest_date": (rep or {}).get("date"),
                    "latest_by": (rep or {}).get("by"), "progress": r.get("progress"),
                    "days_left": r.get("days_left")})
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    keys = {
        "urgency": lambda x: (rank.get(x["status"], 99), x["deadline"] or "9999", x["doc"], _clause_key(x["target"])),
        "deadline": lambda x: (x["deadline"] or "9999", x["doc"], _clause_key(x["target"])),
        "clause": lambda x: (x["doc"], _clause_key(x["target"])),
        "unit": lambda x: ((x["lead_units"] or x["units"] or ["\uffff"])[0], x["doc"], _clause_key(x["target"])),
    }
    out.sort(key=keys.get(sort, keys["urgency"]))
    counts = {s: 0 for s in STATUS_ORDER if s != "none"}
    for x in out:
        counts[x["status"]] = counts.get(x["status"], 0) + 1
    return {"as_of": as_of, "doc": doc, "rows": out, "counts": counts, "total": len(rows),
            "options": {"units": all_units, "years": all_years}}


def export_rows(rows: list[dict[str, Any]], fmt: str, name: str = "ledger") -> dict[str, Any]:
    """The rows as a file: {"filename", "mime", "data": bytes}; `fmt` is csv (UTF-8 with BOM, opens in Excel) or xlsx."""
    table = [[h for _, h in EXPORT_COLUMNS]]
    for r in rows:
        table.append(["、".join(r[k]) if isinstance(r.get(k), list) else ("" if r.get(k) is None else r.get(k))
                      for k, _ in EXPORT_COLUMNS])
    if fmt == "csv":
        buf = io.StringIO()
        buf.write("\ufeff")
        csv.writer(buf, lineterminator="\n").writerows(table)
        return {"filename": f"{name}.csv", "mime": EXPORT_MIME["csv"], "data": buf.getvalue().encode("utf-8")}
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        wb = Workbook()
        ws = wb.active
        ws.title = "任务台账"
        for row in table:
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for col, width in zip("ABCDEFGHIJKL", (28, 10, 9, 24, 60, 12, 9, 16, 30, 20, 12, 14)):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"
        out = io.BytesIO()
        wb.save(out)
        return {"filename": f"{name}.xlsx", "mime": EXPORT_MIME["xlsx"], "data": out.getvalue()}
    from extract.errors import InputError
    raise InputError(f"不支持的导出格式 {fmt}；可用：csv、xlsx")
