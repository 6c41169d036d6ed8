"""文档 page: data functions called directly, and the page driven through AppTest."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extract.errors import InputError
from tests.app.conftest import APP, JIADING_ID, app_at, errors
from tests.paths import JIADING
from ui.pages_data import documents as data
from ui.pages_data.uploads import check_upload, safe_name


def test_listing_and_store_info(store):
    docs = data.list_documents(store)
    assert JIADING_ID in [d["id"] for d in docs]
    assert data.store_info(store)["backend"] == "oxigraph"


def test_upload_checks():
    assert check_upload("a.txt", "一、总体要求".encode()) == "txt"
    for name, payload, needle in [("a.exe", b"MZ", "不支持的文件类型"), ("a.txt", b"", "是空的"),
                                  ("a.docx", b"not a zip", "不是有效的 .docx"), ("a.pdf", b"hello", "不是有效的 PDF"),
                                  ("a.txt", b"PK\x03\x04zip", "不是文本文件"), ("a", b"x", "无扩展名")]:
        with pytest.raises(InputError, match=needle):
            check_upload(name, payload)
    with pytest.raises(InputError, match="超过上限"):
        check_upload("big.txt", b"x" * (10 * 1024 * 1024 + 1))
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\x\\方案<1>.TXT") == "方案_1_.txt"


def test_ingest_uploads_reports_each_file(store):
    text = JIADING.read_bytes()
    steps = []
    out = data.ingest_uploads(store, [("新方案.txt", text), ("坏文件.docx", b"nope"), (f"{JIADING.name}", text)],
                              on_progress=lambda i, n, name: steps.append((i, n)))
    assert [i["id"] for i in out["ingested"]] == ["新方案"]
    assert out["ingested"][0]["targets"] > 50
    assert [s["id"] for s in out["skipped"]] == [JIADING_ID]  # never replaced without asking
    assert out["failed"][0]["source"] == "坏文件.docx" and "docx" in out["failed"][0]["reason"]
    assert steps[0] == (0, 3) and steps[-1] == (3, 3)
    assert "新方案" in store.doc_ids()


def test_a_word_plan_with_a_task_table_uploads_with_its_tasks(store, tmp_path):
    import docx
    d = docx.Document()
    for line in ("某某区2023年节能降碳重点工作安排", "一、重点任务"):
        d.add_paragraph(line)
    t = d.add_table(rows=1, cols=4)
    for c, h in zip(t.rows[0].cells, ("序号", "重点任务", "责任单位", "完成时限")):
        c.text = h
    for row in (("1", "新增光伏装机2万千瓦", "区发展改革委、区经委", "2023年12月底"),
                ("2", "新建公共充电桩500个", "区交通委", "2023年9月底")):
        for c, v in zip(t.add_row().cells, row):
            c.text = v
    path = tmp_path / "表格方案.docx"
    d.save(str(path))
    out = data.ingest_uploads(store, [(path.name, path.read_bytes())])
    assert [(i["id"], i["tasks"], i["targets"]) for i in out["ingested"]] == [("表格方案", 2, 2)]
    rec = store.record("表格方案")
    assert [[u.name for u in t.units] for t in rec.tasks] == [["区发展改革委", "区经委"], ["区交通委"]]


def test_validate_export_drop(store):
    report = data.validate_document(store, JIADING_ID)
    assert report[0]["doc"] == JIADING_ID and isinstance(report[0]["conforms"], bool)
    out = data.export_document(store, "csv", JIADING_ID)
    assert out["filename"] == f"{JIADING_ID}.csv" and "加氢站" in out["text"]
    assert data.export_document(store, "ttl")["filename"] == "policykg-all.trig"
    with pytest.raises(InputError):
        data.export_document(store, "exe", JIADING_ID)
    assert data.drop_document(store, JIADING_ID) == {"dropped": JIADING_ID}
    with pytest.raises(InputError, match="未找到文档"):
        data.drop_document(store, JIADING_ID)


def test_page_lists_validates_exports_drops(store_dir):
    at = app_at("documents")
    assert not errors(at)
    assert at.header[0].value == "文档"
    listing = at.dataframe[0].value
    assert JIADING_ID in list(listing["id"])
    at.button(key="val_run").click().run()
    assert any(JIADING_ID in s.value for s in at.success) or any(JIADING_ID in e.value for e in at.error)
    at.selectbox(key="exp_fmt").set_value("csv").run()
    at.button(key="exp_run").click().run()
    assert not errors(at)
    at.selectbox(key="drop_doc").set_value(JIADING_ID).run()
    at.button(key="drop_run").click().run()
    assert any("确认删除" in w.value for w in at.warning)  # not without the confirmation
    at.checkbox(key="drop_sure").check().run()
    at.button(key="drop_run").click().run()
    assert any(f"已删除 {JIADING_ID}" in s.value for s in at.success)
    assert JIADING_ID not in list(at.dataframe[0].value["id"])


def test_store_is_free_between_reruns(store_dir):
    """The app holds the embedded store only during a rerun: the CLI can use it while the page is open."""
    at = app_at("documents")
    assert not errors(at)
    cli = str(Path(sys.executable).parent / "policykg")
    proc = subprocess.run([cli, "docs", "--json", "--store", str(store_dir)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert JIADING_ID in proc.stdout
    at.run()
    assert not errors(at)


def test_store_held_by_another_process_is_a_sentence(store_dir, monkeypatch):
    """While a CLI command holds the embedded store, the app waits POLICYKG_LOCK_WAIT seconds, then says so in
    Chinese (no traceback); once the command ends, the next rerun works."""
    monkeypatch.setenv("POLICYKG_LOCK_WAIT", "0.5")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, kg; s = kg.open_store(sys.argv[1]); print('held', "
                               "flush=True); sys.stdin.read()", str(store_dir)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        from streamlit.testing.v1 import AppTest
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["page"] = "documents"
        at.run()
        assert any("正被另一个进程" in e.value for e in at.error), [e.value for e in at.error]
        assert not at.exception
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    at.run()
    assert not errors(at) and at.header[0].value == "文档"


def test_document_links_data(store):
    from extract import extract_file
    from tests.paths import CORPUS
    rows = data.document_links(store, JIADING_ID)
    city = [r for r in rows if r["title"] == "上海市碳达峰实施方案"]
    assert [(r["relation"], r["relation_label"], r["to_doc"]) for r in city] == [("implements", "实施依据", None),
                                                                                ("cites", "提及", None)]
    store.put_record(extract_file(CORPUS / "shanghai_carbon_peak_plan_2022.txt"))  # the city plan arrives
    rows = data.document_links(store, JIADING_ID)
    assert {r["to_doc"] for r in rows if r["title"] == "上海市碳达峰实施方案"} == {"shanghai-carbon-peak-plan-2022"}
    assert {r["from_doc"] for r in data.document_links(store)} >= {JIADING_ID, "chengdu-energy-action-plan-v2022"}
    with pytest.raises(InputError, match="未找到文档"):
        data.document_links(store, "nope")


def test_page_shows_what_a_plan_implements(store_dir):
    at = app_at("documents")
    assert not errors(at)
    assert "依据与引用" in [s.value for s in at.subheader]
    at.selectbox(key="links_doc").set_value(JIADING_ID).run()
    assert not errors(at)
    table = at.dataframe[1].value
    rows = list(zip(table["关系"], table["引用的文件"], table["已入库文档"]))
    assert ("实施依据", "《上海市碳达峰实施方案》", "") in rows
    assert all(quote.count("《") >= 1 for quote in table["原文"])
    at.selectbox(key="links_doc").set_value("__all__").run()
    assert "成都市优化能源结构促进城市绿色低碳发展行动方案" in list(at.dataframe[1].value["文档"])
