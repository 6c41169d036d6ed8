"""File import (all rows or none) and the template round trip: export → fill → import → report shows the values."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from extract.errors import InputError
from kg.track import history, import_reports, render_unit_report, target_statuses, template_workbook, unit_report

HEADER = ["指标编号", "填报单位", "报告值", "计量单位", "进展状态", "数据日期", "备注"]


def n_reports(store) -> int:
    return store.query("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a pkg:ProgressReport }")[0]["n"]


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8-sig") -> Path:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding=encoding)
    return path


def test_import_all_rows_in_one_go(plan_store, tmp_path):
    f = write_csv(tmp_path / "经委.csv", [
        ["2.1.2/1", "区经委", "3", "", "", "2023-09-30", "三座"],
        ["2.1.2/2", "经委", "", "", "推进中", "2023/9/30", ""],
        ["2.1.1/1", "区发展改革委", "150000", "千瓦", "", "2023年12月31日", ""],
        ["2.1.3", "区生态环境局", "", "", "已完成", "2024-01-05", "任务级"],
        ["", "", "", "", "", "", ""],
    ])
    out = import_reports(plan_store, f)
    assert out["schema"] == "policykg.import/1" and out["imported"] == 4 and out["rows"] == 4
    assert n_reports(plan_store) == 4
    [h] = history(plan_store, "2.1.1/1")
    assert (h.value, h.unit, h.date, h.source, h.source_file, h.source_row) == (150000, "千瓦", "2023-12-31", "import",
                                                                                "经委.csv", 4)
    rows = {r["target"]: r for r in target_statuses(plan_store, "2024-01-10")}
    assert rows["2.1.2/1"]["last_report"]["note"] == "三座" and rows["2.1.2/2"]["last_report"]["state"] == "推进中"


def test_one_bad_row_rejects_the_whole_file(plan_store, tmp_path):
    f = write_csv(tmp_path / "bad.csv", [
        ["2.1.2/1", "区经委", "3", "", "", "2023-09-30", ""],
        ["2.1.2/1", "区经委", "4", "", "", "2023-02-29", ""],  # line 3: no such day
        ["2.1.2/1", "区经委", "5", "", "", "2023-11-30", ""],
    ])
    with pytest.raises(InputError, match=r"第 3 行：数据日期 2023-02-29 不是有效日期.*整个文件未导入"):
        import_reports(plan_store, f)
    assert n_reports(plan_store) == 0


def test_every_bad_row_is_counted_in_one_line(plan_store, tmp_path):
    f = write_csv(tmp_path / "bad.csv", [[f"9.9/{i}", "区经委", "1", "", "", "2023-09-30", ""] for i in range(6)])
    with pytest.raises(InputError) as e:
        import_reports(plan_store, f)
    assert "第 2 行" in str(e.value) and "另有 3 行有误" in str(e.value) and "\n" not in str(e.value)
    assert n_reports(plan_store) == 0


def test_the_same_file_is_not_imported_twice_unless_forced(plan_store, tmp_path):
    f = write_csv(tmp_path / "a.csv", [["2.1.2/1", "区经委", "3", "", "", "2023-09-30", ""]], encoding="gb18030")
    import_reports(plan_store, f)
    with pytest.raises(InputError, match="已导入过"):
        import_reports(plan_store, f)
    out = import_reports(plan_store, f, force=True)
    assert out["superseded"] == 1  # same target, day and unit: the re-import corrects the first
    assert n_reports(plan_store) == 2


def test_later_rows_of_one_file_win(plan_store, tmp_path):
    f = write_csv(tmp_path / "a.csv", [["2.1.2/1", "区经委", "6", "", "", "2023-09-30", ""],
                                       ["2.1.2/1", "区建管委", "2", "", "", "2023-09-30", ""]])
    import_reports(plan_store, f)
    row = {r["target"]: r for r in target_statuses(plan_store, "2023-10-01")}["2.1.2/1"]
    assert row["last_report"]["value"] == 2


@pytest.mark.parametrize("name, content, message", [
    ("x.txt", "a", "不支持"), ("x.csv", "foo,bar\n1,2\n", "表头"), ("x.xlsx", "not a workbook", "Excel"),
    ("x.csv", ",".join(HEADER) + "\n", "没有填写"),
])
def test_unreadable_files(plan_store, tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        import_reports(plan_store, p)
    with pytest.raises(InputError, match="找不到"):
        import_reports(plan_store, tmp_path / "missing.csv")


def test_template_round_trip(plan_store, tmp_path):
    path = tmp_path / "经委.xlsx"
    path.write_bytes(template_workbook(plan_store, "经委", as_of="2024-01-01"))
    wb = load_workbook(path)
    ws = wb["进展填报"]
    header = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(header)}
    rows = {ws.cell(r, col["指标编号"]).value: r for r in range(2, ws.max_row + 1)}
    assert set(rows) == {"2.1.1/1", "2.1.1/2", "2.1.2/1", "2.1.2/2", "2.1.4/1"}  # 经委's tasks only (explicit)
    assert all(ws.cell(r, col["填报单位"]).value == "区经委" for r in rows.values())
    assert ws.cell(rows["2.1.1/1"], col["目标单位"]).value == "万千瓦"
    ws.cell(rows["2.1.1/1"], col["报告值"]).value = 29.4
    ws.cell(rows["2.1.1/1"], col["数据日期"]).value = __import__("datetime").date(2024, 3, 31)
    ws.cell(rows["2.1.2/2"], col["进展状态"]).value = "已完成"
    ws.cell(rows["2.1.2/2"], col["数据日期"]).value = "2024-02-20"
    ws.cell(rows["2.1.2/2"], col["备注"]).value = "验收通过"
    wb.save(path)
    out = import_reports(plan_store, path)
    assert out["imported"] == 2 and out["skipped_blank"] == 3
    data = unit_report(plan_store, "区经委", "2024-04-01")
    got = {t["target"]: t for task in data["tasks"] for t in task["targets"]}
    assert got["2.1.1/1"]["status"] == "done" and got["2.1.1/1"]["last_report"]["value"] == 29.4
    assert got["2.1.2/2"]["status"] == "done" and got["2.1.2/2"]["last_report"]["note"] == "验收通过"
    md = render_unit_report(data, "md")
    assert "29.4 万千瓦（2024-03-31，区经委）" in md and "已完成（2024-02-20，区经委）" in md
    csv_text = render_unit_report(data, "csv")
    assert csv_text.startswith("\ufeff") and "29.4 万千瓦（2024-03-31，区经委）" in csv_text
    xlsx = tmp_path / "r.xlsx"
    xlsx.write_bytes(render_unit_report(data, "xlsx"))
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert "29.4 万千瓦（2024-03-31，区经委）" in cells


def test_unit_report_roles_and_counts(plan_store):
    data = unit_report(plan_store, "经委", "2024-03-01")
    assert data["unit"] == "区经委" and data["as_of"] == "2024-03-01"
    roles = {t["task"]: t["role"] for t in data["tasks"]}
    assert roles == {"2.1.1": "support", "2.1.2": "lead", "2.1.4": "support"}
    assert sum(data["counts"].values()) == 5 and data["counts"]["overdue"] == 2
    with pytest.raises(InputError, match="最接近"):
        unit_report(plan_store, "区卫健委")


def test_no_template_for_a_collective_token(plan_store):
    with pytest.raises(InputError, match="泛指"):
        template_workbook(plan_store, "各街镇")
