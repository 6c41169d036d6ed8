"""Excel output: the per-unit report sheet and the fill-in template (openpyxl).

Why a template and not "any sheet": the import must find its columns without guessing. The template has the
import's own headers (kg.track.tabular.COLUMNS), grey read-only-looking columns from the plan, white columns for the
unit to fill, a drop-down for 进展状态, and a sheet of instructions; ids are written as text so that `3.10` stays
`3.10` and never becomes the number 3.1.
"""
from __future__ import annotations

import io
from typing import Any

from .model import STATES
from .tabular import COLUMNS, SHEET_NAME
from .unitreport import FLAT_COLUMNS, flat_rows

__all__ = ["report_workbook", "template_bytes"]

_GREY = "EEEEEE"
_WIDTHS = {"文档": 22, "任务": 8, "指标编号": 10, "指标内容": 50, "任务名称": 30, "最新报告": 30, "填报单位": 14,
           "备注": 30, "更正报告编号": 38, "完成时限": 12, "数据日期": 12}


def _save(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _header(ws, headers, widths=_WIDTHS) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    ws.append(list(headers))
    for i, h in enumerate(headers, 1):
        ws.cell(row=1, column=i).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = widths.get(h, 12)
    ws.freeze_panes = "A2"


def report_workbook(data: dict[str, Any]) -> bytes:
    """The per-unit report (kg.track.unitreport.unit_report) as one sheet."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    _header(ws, FLAT_COLUMNS)
    for row in flat_rows(data):
        ws.append([str(v) if v is not None else "" for v in row])
    info = wb.create_sheet("说明")
    info.append([f"{data['unit']} 任务清单，截至 {data['as_of']}"])
    return _save(wb)


def template_bytes(data: dict[str, Any]) -> bytes:
    """The fill-in template for the unit in `data` (a unit_report)."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from .unitreport import target_text
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    headers = [h for h, _, _ in COLUMNS]
    _header(ws, headers)
    grey = PatternFill("solid", fgColor=_GREY)
    for task in data["tasks"]:
        rows = task["targets"] or [None]
        for t in rows:
            values = {
                "doc": task["doc"], "task": task["task"],
                "target": t["target"] if t else task["task"],
                "quote": t["quote"] if t else f"（任务）{task['title'] or ''}",
                "target_value": target_text(t) if t else "", "target_unit": (t.get("unit") or "") if t else "",
                "deadline": (t.get("deadline") if t else task.get("deadline")) or "",
                "by": data["unit"] if len(data["names"]) == 1 else "",
            }
            ws.append([values.get(f, None) for _, f, _ in COLUMNS])
            r = ws.max_row
            for i, (_, f, fill) in enumerate(COLUMNS, 1):
                cell = ws.cell(row=r, column=i)
                if not fill:
                    cell.fill = grey
                    cell.data_type = "s"
                if f == "date":
                    cell.number_format = "yyyy-mm-dd"
    last = max(ws.max_row, 2)
    state_col = [i for i, (_, f, _) in enumerate(COLUMNS, 1) if f == "state"][0]
    from openpyxl.utils import get_column_letter
    dv = DataValidation(type="list", formula1='"' + ",".join(STATES) + '"', allow_blank=True)
    dv.add(f"{get_column_letter(state_col)}2:{get_column_letter(state_col)}{last}")
    ws.add_data_validation(dv)
    help_ws = wb.create_sheet("填报说明")
    for line in (
        f"{data['unit']} 进展填报表（{data['as_of']} 导出）",
        "灰色列来自规划原文，请勿修改；请在白色列填写：",
        "报告值：截至数据日期的累计完成量或当前水平（数字）；计量单位不填则按目标单位（可用万、亿等数量级）。",
        f"进展状态：{'、'.join(STATES)}（里程碑类指标和任务填写此项）。",
        "数据日期：报告值所对应的日期，格式 YYYY-MM-DD。",
        "基准值：仅“比基准年下降/增加”类指标在报告绝对水平时填写基准年水平。",
        "更正报告编号：更正以前报告时填写原报告编号（同一单位对同一指标同一日期再次填报，自动视为更正）。",
        "未填写的行在导入时跳过；任一行有误则整个文件不导入，并指出行号与原因。",
        "导入：policykg progress import 本文件.xlsx",
    ):
        help_ws.append([line])
    help_ws.column_dimensions["A"].width = 100
    return _save(wb)
