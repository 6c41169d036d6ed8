"""The per-unit list a coordinator prints or sends: the unit's tasks, their targets, deadlines, latest report and
status as of a date — as data (for the app and tests), and as Markdown, CSV or Excel.

Why built on task_statuses/target_statuses: the list must say exactly what `overdue` and the app say; it only
regroups their rows by task and adds the unit's role (牵头/配合). Responsibility is explicit only: a unit sees the
tasks that name it, not the ones given to 各街镇 or 相关职能部门.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Optional

from extract.errors import InputError

from ..store import Store
from .compute import statuses
from .model import STATUS_LABELS, STATUS_ORDER, DateLike, parse_as_of
from .resolve import unit_filter

__all__ = ["unit_report", "render_unit_report", "template_workbook", "SCHEMA_UNIT_REPORT", "FLAT_COLUMNS",
           "flat_rows", "target_text", "report_text"]

SCHEMA_UNIT_REPORT = "policykg.unit_report/1"
_ROLE = {"lead": "牵头", "support": "配合"}
_CMP = {">=": "≥", "<=": "≤", "=": "", "decrease_by": "下降", "increase_by": "增加"}


def target_text(t: dict[str, Any]) -> str:
    """'≥ 3500 辆', '下降 14 %（较2020年）', or '' for a target without a number."""
    if t.get("value") is None:
        return ""
    base = f"（较{t['baseline_year']}年）" if t.get("baseline_year") else ""
    cmp = _CMP.get(t.get("comparator") or "", "")
    return f"{cmp + ' ' if cmp else ''}{t['value']:g} {t.get('unit') or ''}".strip() + base


def report_text(rep: Optional[dict[str, Any]]) -> str:
    """'12 万千瓦（2025-06-30，区经委）' / '已完成（…）' / '' for no report."""
    if not rep:
        return ""
    parts = []
    if rep.get("value") is not None:
        parts.append(f"{rep['value']:g} {rep.get('unit') or ''}".strip())
    if rep.get("state"):
        parts.append(rep["state"])
    return f"{'，'.join(parts)}（{rep['date']}，{rep['by']}）"


def unit_report(store: Store, unit: str, as_of: Optional[DateLike] = None, doc: Optional[str] = None) -> dict[str, Any]:
    """{"schema": "policykg.unit_report/1", "unit", "names", "collective", "as_of", "counts", "docs", "tasks": [{doc,
    task, title, role, role_label, status, status_label, deadline, last_report, targets: [target status rows]}]}.
    Unknown unit → InputError."""
    when = parse_as_of(as_of)
    targets, task_rows, cat = statuses(store, when, doc=doc, unit=unit)
    names = unit_filter(cat, unit, doc)
    by_task: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for t in targets:
        by_task.setdefault((t["doc"], t["task"]), []).append(t)
    tasks = []
    for task in task_rows:
        info = cat.tasks[(task["doc"], task["task"])]
        role = next((u.role for u in info.units if u.name in names.get(task["doc"], set())), "support")
        tasks.append({**task, "role": role, "role_label": _ROLE[role],
                      "targets": by_task.get((task["doc"], task["task"]), [])})
    counts = {s: 0 for s in STATUS_ORDER}
    for t in targets:
        counts[t["status"]] += 1
    all_names = sorted({n for ns in names.values() for n in ns})
    collective = all(u.collective for t in cat.tasks.values() for u in t.units
                     if u.name in names.get(t.doc, set()))
    return {"schema": SCHEMA_UNIT_REPORT, "unit": all_names[0] if len(all_names) == 1 else unit, "names": all_names,
            "collective": collective,
            "as_of": when.isoformat(), "counts": counts, "tasks": tasks,
            "docs": {d: (cat.docs[d].title or d) for d in sorted({t["doc"] for t in tasks})}}


FLAT_COLUMNS = ("文档", "任务", "任务名称", "角色", "指标编号", "指标内容", "目标", "完成时限", "最新报告", "报告日期",
                "状态")


def flat_rows(data: dict[str, Any]) -> list[list[Any]]:
    """One row per target (and one per task without targets), in FLAT_COLUMNS order."""
    out = []
    for task in data["tasks"]:
        head = [task["doc"], task["task"], task["title"] or "", task["role_label"]]
        if not task["targets"]:
            rep = task.get("last_report")
            out.append(head + ["", "（任务，无量化指标）", "", task.get("deadline") or "", report_text(rep),
                               rep["date"] if rep else "", task["status_label"]])
        for t in task["targets"]:
            rep = t.get("last_report")
            out.append(head + [t["target"], t["quote"], target_text(t), t.get("deadline") or "无时限",
                               report_text(rep), rep["date"] if rep else "", t["status_label"]])
    return out


def _md_cell(value: Any) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def _markdown(data: dict[str, Any]) -> str:
    c = data["counts"]
    lines = [f"# {data['unit']} 任务清单（截至 {data['as_of']}）", "",
             f"共 {len(data['tasks'])} 项任务、{sum(c.values())} 项指标：" +
             "，".join(f"{STATUS_LABELS[s]} {c[s]}" for s in STATUS_ORDER if c[s]), ""]
    current_doc = None
    for task in data["tasks"]:
        if task["doc"] != current_doc:
            current_doc = task["doc"]
            lines += [f"## {data['docs'].get(current_doc, current_doc)}（{current_doc}）", ""]
        lines += [f"### {task['task']} {task['title'] or ''}（{task['role_label']}）— {task['status_label']}", ""]
        if not task["targets"]:
            lines += [f"无量化指标。时限：{task.get('deadline') or '无'}；最新报告：{report_text(task.get('last_report')) or '无'}", ""]
            continue
        if task.get("last_report"):
            lines += [f"任务级报告：{report_text(task['last_report'])}", ""]
        lines += ["| 指标 | 内容 | 目标 | 时限 | 最新报告 | 状态 |", "|---|---|---|---|---|---|"]
        for t in task["targets"]:
            lines.append("| " + " | ".join(_md_cell(v) for v in (
                t["target"], t["quote"], target_text(t), t.get("deadline") or "无时限",
                report_text(t.get("last_report")) or "—", t["status_label"])) + " |")
        lines.append("")
    return "\n".join(lines)


def _csv(data: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(FLAT_COLUMNS)
    w.writerows(flat_rows(data))
    return "\ufeff" + buf.getvalue()  # BOM: Excel opens UTF-8 Chinese correctly


def render_unit_report(data: dict[str, Any], fmt: str) -> str | bytes:
    """The report as Markdown (str), CSV (str, UTF-8 with BOM) or Excel (bytes)."""
    if fmt == "md":
        return _markdown(data)
    if fmt == "csv":
        return _csv(data)
    if fmt == "xlsx":
        from .workbook import report_workbook
        return report_workbook(data)
    raise InputError(f"不支持的格式 {fmt}；可用 md、xlsx、csv")


def template_workbook(store: Store, unit: str, doc: Optional[str] = None, as_of: Optional[DateLike] = None) -> bytes:
    """An .xlsx for `unit` to fill in and return: one row per target of its tasks (and per task without targets),
    pre-filled with what the plan says; `progress import` reads it back. Unknown unit → InputError."""
    from .workbook import template_bytes
    data = unit_report(store, unit, as_of, doc)
    if data["collective"]:
        raise InputError(f"{unit} 是泛指（如各街镇），不是能填报的单位；请为具体单位导出填报表")
    return template_bytes(data)
