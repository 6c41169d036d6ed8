"""任务台账 page: ledger rows, filters, sorting, exports; recording a report and its effect on status; history; a
filled sheet imported; the per-unit report and template; the page driven through AppTest."""
from __future__ import annotations

import datetime as dt
import io

import pytest

from extract.errors import InputError
from tests.app.conftest import AS_OF, JIADING_ID, app_at, errors
from tests.paths import jiading_target_count
from ui.pages_data import ledger as data
from ui.pages_data import progress


def _row(led, target):
    return next(r for r in led["rows"] if r["target"] == target)


def test_ledger_rows_filters_and_sorts(store):
    led = data.ledger(store, AS_OF, doc=JIADING_ID)
    assert led["total"] == jiading_target_count() and len(led["rows"]) == jiading_target_count()
    first = led["rows"][0]
    assert first["status"] == "overdue" and first["deadline"]  # most urgent first
    assert _row(led, "3.1.1/1")["task_title"] == "大力发展非化石能源"
    assert "区发展改革委" in _row(led, "3.1.1/1")["lead_units"]
    only = data.ledger(store, AS_OF, doc=JIADING_ID, units=["区交通委"], years=[2025])
    assert only["rows"] and all("区交通委" in r["units"] and r["deadline"].startswith("2025") for r in only["rows"])
    found = data.ledger(store, AS_OF, doc=JIADING_ID, search="加氢站")
    assert "3.1.1/1" in [r["target"] for r in found["rows"]] and all("加氢站" in r["quote"] for r in found["rows"])
    by_clause = data.ledger(store, AS_OF, doc=JIADING_ID, sort="clause")
    assert [r["target"] for r in by_clause["rows"][:2]] == ["2/1", "2/2"]
    none = data.ledger(store, AS_OF, doc=JIADING_ID, statuses=["done"])
    assert none["rows"] == [] and none["counts"]["done"] == 0
    everything = data.ledger(store, AS_OF)
    assert {r["doc"] for r in everything["rows"]} == {JIADING_ID, "chengdu-energy-action-plan-v2021",
                                                      "chengdu-energy-action-plan-v2022"}


def test_exports(store):
    rows = data.ledger(store, AS_OF, doc=JIADING_ID)["rows"]
    csv_out = data.export_rows(rows, "csv", "台账")
    text = csv_out["data"].decode("utf-8-sig")
    assert csv_out["filename"] == "台账.csv" and text.splitlines()[0].startswith("文档,指标编号")
    assert len(text.splitlines()) == len(rows) + 1 == jiading_target_count() + 1  # header + one line per target
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(data.export_rows(rows, "xlsx")["data"]))
    assert wb.active.max_row == len(rows) + 1 and wb.active["B1"].value == "指标编号"
    with pytest.raises(InputError):
        data.export_rows(rows, "pdf")


def test_report_changes_status_and_history(store):
    before = _row(data.ledger(store, AS_OF, doc=JIADING_ID), "3.1.1/1")
    assert before["status"] == "overdue"
    rep = progress.record_report(store, JIADING_ID, "3.1.1/1", "2025-12-20", "区发展改革委", value=6, unit="个",
                                 note="已全部投运")
    assert rep["schema"] == "policykg.report/1" and rep["target"] == "3.1.1/1"
    after = _row(data.ledger(store, AS_OF, doc=JIADING_ID), "3.1.1/1")
    assert after["status"] == "done" and after["latest"].startswith("6个")
    hist = progress.target_history(store, JIADING_ID, "3.1.1/1")
    assert [h["id"] for h in hist] == [rep["id"]]
    with pytest.raises(InputError):
        progress.record_report(store, JIADING_ID, "3.1.1/1", "2025-12-20", "不存在的单位", value=1, unit="个")
    with pytest.raises(InputError, match="请填写"):
        progress.record_report(store, JIADING_ID, "3.1.1/1", "2025-12-20", "区发展改革委")
    with pytest.raises(InputError):
        progress.record_report(store, JIADING_ID, "9.9.9/9", "2025-12-20", "区发展改革委", state="已完成")


def test_unit_report_template_and_import(store):
    rep = progress.unit_report(store, "区交通委", AS_OF, JIADING_ID)
    assert rep["tasks"] and {t["role"] for t in rep["tasks"]} <= {"lead", "support"}
    for fmt in ("md", "csv", "xlsx"):
        assert progress.unit_report_file(rep, fmt)["data"]
    tpl = progress.unit_template(store, "区交通委", JIADING_ID, AS_OF)
    from openpyxl import load_workbook
    wb = load_workbook(io.BytesIO(tpl["data"]))
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    # fill one state into the first target row the template offers, then import the sheet back
    state_col = next(i for i, h in enumerate(header, 1) if h and "状态" in str(h) and "进展" in str(h))
    date_col = next(i for i, h in enumerate(header, 1) if h and "日期" in str(h) and "数据" in str(h))
    ws.cell(row=2, column=state_col, value="推进中")
    ws.cell(row=2, column=date_col, value="2026-10-31")
    buf = io.BytesIO()
    wb.save(buf)
    out = progress.import_sheet(store, "交通委填报.xlsx", buf.getvalue())
    assert out["imported"] == 1
    with pytest.raises(InputError, match="已导入过"):
        progress.import_sheet(store, "交通委填报.xlsx", buf.getvalue())
    with pytest.raises(InputError, match="不支持的文件类型"):
        progress.import_sheet(store, "填报.pdf", b"%PDF-1.4")


def test_page_filters_records_and_reports(store_dir):
    at = app_at("ledger")
    assert not errors(at), errors(at)
    assert "任务台账" in at.header[0].value
    table = at.dataframe[0].value
    assert table.shape[0] == jiading_target_count() and table.iloc[0]["状态"] == "已逾期"
    at.multiselect(key="ledger_units").set_value(["区交通委"]).run()
    at.text_input(key="ledger_search").set_value("公交车").run()
    assert not errors(at)
    assert at.dataframe[0].value.shape[0] >= 1
    at.text_input(key="ledger_search").set_value("").run()
    at.multiselect(key="ledger_units").set_value([]).run()
    at.selectbox(key="ledger_target").set_value(f"{JIADING_ID}|3.1.1/1").run()
    assert at.selectbox(key="rep_by").value == "区发展改革委"  # the target's lead unit
    # a form sends its values on submit: set them all, then press the button
    at.radio(key="rep_mode").set_value("数值")
    at.number_input(key="rep_value").set_value(6)
    at.date_input(key="rep_date").set_value(dt.date(2025, 12, 20))
    at.button[[b.label for b in at.button].index("保存进展报告")].click().run()
    assert not errors(at), errors(at)
    assert any("已记录 3.1.1/1 的进展：6个" in s.value for s in at.success), [s.value for s in at.success]
    table = at.dataframe[0].value
    assert table[table["指标"] == "3.1.1/1"].iloc[0]["状态"] == "已完成"
    history = at.dataframe[1].value
    assert history.shape[0] == 1 and history.iloc[0]["报告单位"] == "区发展改革委"
    at.selectbox(key="ledger_unit_report").set_value("区交通委").run()
    assert not errors(at)


def test_page_rejects_bad_report(store_dir):
    at = app_at("ledger")
    at.selectbox(key="ledger_target").set_value(f"{JIADING_ID}|3.1.1/1").run()
    at.radio(key="rep_mode").set_value("数值")
    at.button[[b.label for b in at.button].index("保存进展报告")].click().run()  # no value given
    assert any("请填写报告值" in e.value for e in at.error) and not at.exception
