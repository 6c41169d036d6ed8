"""Progress sheets: the columns of the fill-in template and of an import file, and reading .csv/.xlsx into rows.

Why one module for both directions: the template a unit receives and the file it sends back must have the same
columns, so that "export → fill → import" round-trips without anyone mapping columns by hand. Headers are Chinese
(the people filling them in); English names are accepted too, for scripts.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
from pathlib import Path
from typing import Any, Optional

from extract.errors import InputError

__all__ = ["COLUMNS", "FILL_COLUMNS", "SHEET_NAME", "Row", "read_rows"]

#: (header, field, filled by the unit?) in template order.
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("文档", "doc", False), ("任务", "task", False), ("指标编号", "target", False), ("指标内容", "quote", False),
    ("目标值", "target_value", False), ("目标单位", "target_unit", False), ("完成时限", "deadline", False),
    ("填报单位", "by", False), ("报告值", "value", True), ("计量单位", "unit", True), ("进展状态", "state", True),
    ("数据日期", "date", True), ("基准值", "baseline", True), ("备注", "note", True),
    ("更正报告编号", "supersedes", True),
)
FILL_COLUMNS = tuple(f for _, f, fill in COLUMNS if fill)
SHEET_NAME = "进展填报"

_HEADER_TO_FIELD = {h: f for h, f, _ in COLUMNS} | {f: f for _, f, _ in COLUMNS}
_HEADER_TO_FIELD |= {"指标": "target", "编号": "target", "单位": "by", "报送单位": "by", "责任单位": "by",
                     "数值": "value", "完成值": "value", "状态": "state", "日期": "date", "说明": "note",
                     "report_unit": "unit", "reporting_unit": "by", "id": "target"}
_REQUIRED = ("target",)


class Row(dict):
    """One data row: field → cell value (str, number, date or None), plus `.line`: its row number in the file."""
    line: int = 0


def _field(header: Any) -> Optional[str]:
    if header is None:
        return None
    h = "".join(str(header).split()).replace("（", "(").split("(")[0]
    return _HEADER_TO_FIELD.get(h) or _HEADER_TO_FIELD.get(h.lower())


def _rows_from_table(table: list[list[Any]], name: str) -> list[Row]:
    for i, cells in enumerate(table[:10]):
        fields = [_field(c) for c in cells]
        if all(r in fields for r in _REQUIRED):
            break
    else:
        raise InputError(f"{name} 中找不到表头（需要“指标编号”列，前 10 行内）；请使用 policykg report --template 导出的模板")
    out: list[Row] = []
    for j, cells in enumerate(table[i + 1:], start=i + 2):
        row = Row()
        row.line = j
        for f, c in zip(fields, cells):
            if f is None:
                continue
            if isinstance(c, str):
                c = c.strip() or None
            row[f] = c
        if any(v is not None for v in row.values()):
            out.append(row)
    return out


def _read_csv(path: Path) -> list[list[Any]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{path} 不是 UTF-8 或 GB18030 编码的 CSV；请另存为 UTF-8 CSV")
    return [list(r) for r in csv.reader(io.StringIO(text))]


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many types for a file that is not a workbook
        raise InputError(f"无法读取 Excel 文件 {path}（{type(e).__name__}）；请确认是 .xlsx 格式") from e
    try:
        ws = wb[SHEET_NAME] if SHEET_NAME in wb.sheetnames else wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def read_rows(path: str | Path) -> list[Row]:
    """The data rows of a .csv or .xlsx progress sheet (blank rows dropped; `.line` = row number in the file)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"找不到文件 {path}：请检查路径")
    suffix = p.suffix.lower()
    if suffix == ".csv":
        table = _read_csv(p)
    elif suffix in (".xlsx", ".xlsm"):
        table = _read_xlsx(p)
    else:
        raise InputError(f"不支持的文件类型 {suffix or '（无扩展名）'}：请导入 .xlsx 或 .csv")
    return _rows_from_table(table, p.name)


def cell_text(value: Any) -> Optional[str]:
    """A cell as text (numbers without a spurious .0, dates as ISO)."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time(0) else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None
