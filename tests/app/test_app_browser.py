"""The real app in headless Chromium: `streamlit run app.py` on a free 127.0.0.1 port over a temporary store with the
Jiading plan ingested. Asks a question and checks the quoted answer, clicks a node of the graph, records a progress
report, runs a diff of an uploaded revision, uploads a plan, and saves a 1366×768 screenshot of every page under
artifacts/screenshots/ (gitignored) for a person to look at.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.app.browser import CHROMIUM, VIEWPORT, AppServer, launch, open_page, page_errors, settle, shot
from tests.app.conftest import AS_OF, JIADING_ID
from tests.app.test_app_diff import revised_jiading

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Debian chromium is not installed at /usr/bin/chromium (`./run test` installs it)"),
]

@pytest.fixture(scope="module")
def server(template_store, tmp_path_factory):
    root = tmp_path_factory.mktemp("browser")
    store = root / "store"
    shutil.copytree(template_store, store)
    srv = AppServer(store, root / "streamlit.log", env={"POLICYKG_LOCK_WAIT": "20"})
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    pg = ctx.new_page()
    yield pg
    ctx.close()


def _top(page, locator) -> None:
    """Scroll so that `locator` is at the top of the view (for a screenshot that starts where the content does)."""
    locator.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(400)


def _main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def test_chat_answers_with_quotes(server, page):
    open_page(page, server.url, "chat", AS_OF)
    assert page.get_by_role("heading", name=re.compile("问答")).count()
    page.get_by_test_id("stChatInputTextArea").fill("区经委到2025年要完成哪些指标？")
    page.keyboard.press("Enter")
    settle(page)
    answer = page.locator("[data-testid='stChatMessage']").last
    text = answer.inner_text()
    assert "区经委" in text
    assert re.search(r"3\.\d+\.\d+", text), text  # clause ids
    assert "加氢站" in text and re.search(r"[「“].+[」”]", text)  # quotes from the plan
    answer.get_by_text(re.compile("引用与状态")).click()
    answer.get_by_text("原文段落与查询").click()
    settle(page)
    assert re.search(r"\d+(\.\d+)*/\d+", answer.inner_text())  # target ids beside their statuses
    assert "已逾期" in answer.inner_text()
    assert answer.locator("mark").count() > 0  # the quote highlighted in its source paragraph
    assert not page_errors(page)
    _top(page, answer.get_by_text(re.compile("引用与状态")))
    shot(page, "chat")
    _top(page, answer.locator("mark").first)
    shot(page, "chat-sources")
    page.get_by_test_id("stChatInputTextArea").fill("那2030年呢？")
    page.keyboard.press("Enter")
    settle(page)
    follow = page.locator("[data-testid='stChatMessage']").last.inner_text()
    assert "2030" in follow
    shot(page, "chat-followup")


def test_graph_click_selects_a_unit(server, page):
    open_page(page, server.url, "graph", AS_OF)
    assert "责任图谱" in _main_text(page)
    label = page.locator("[data-testid='stEChartsChart'] svg text", has_text="区交通委").first
    box = label.bounding_box()
    page.mouse.click(box["x"] + box["width"] + 8, box["y"] + box["height"] / 2)  # the node sits right of its label
    settle(page)
    assert page.get_by_role("heading", name=re.compile("责任单位：区交通委")).count() == 1
    assert "3.5.1" in _main_text(page)
    assert not page_errors(page)
    shot(page, "graph")


def test_ledger_records_a_report(server, page):
    open_page(page, server.url, "ledger", AS_OF)
    assert "任务台账" in _main_text(page)
    assert not page_errors(page)
    shot(page, "ledger")
    page.get_by_role("tab", name="记录进展").click()
    settle(page)
    form = page.locator("[data-testid='stForm']").first
    form.get_by_role("button", name=re.compile("保存")).click()
    settle(page)
    assert "已记录" in _main_text(page)
    assert not page_errors(page)
    _top(page, page.locator("[data-testid='stAlertContentSuccess']").first)
    shot(page, "ledger-report")
    page.get_by_role("tab", name="进展历史").click()
    settle(page)
    _top(page, page.get_by_role("tab", name="进展历史"))
    shot(page, "ledger-history")
    page.get_by_role("tab", name="单位报告").click()
    settle(page)
    page.locator("[data-testid='stTabPanel'] [data-testid='stSelectbox']").filter(visible=True).last.click()
    page.get_by_role("option", name="区交通委").click()
    settle(page)
    with page.expect_download() as download:  # built after the rerun, on a store opened for it
        page.get_by_role("button", name="进展填报表模板").click()
    path = download.value.path()
    assert Path(path).read_bytes()[:4] == b"PK\x03\x04" and download.value.suggested_filename.endswith(".xlsx")
    assert not page_errors(page)
    _top(page, page.get_by_role("tab", name="单位报告"))
    shot(page, "ledger-unit-report")


def test_diff_of_an_uploaded_revision(server, page, tmp_path):
    open_page(page, server.url, "diff", AS_OF)
    right = page.locator("[data-testid='stColumn']").nth(1)
    right.get_by_text("上传文件").click()
    settle(page)
    revised = tmp_path / "jiading_v2.txt"
    revised.write_bytes(revised_jiading())
    right.locator("input[type='file']").set_input_files(str(revised))
    settle(page)
    left = page.locator("[data-testid='stColumn']").nth(0)
    left.locator("[data-testid='stSelectbox']").click()
    page.get_by_role("option", name=re.compile(JIADING_ID)).click()
    settle(page)
    page.get_by_role("button", name="开始比对").click()
    settle(page)
    page.get_by_test_id("stMetric").first.wait_for(timeout=60_000)
    page.get_by_role("button", name="下载 JSON").wait_for(timeout=60_000)
    text = _main_text(page)
    assert "修改" in text and "指标数值" in text
    frame = page.frame_locator("iframe").first
    frame.locator("ins").first.wait_for(timeout=30_000)  # the redline loads into its iframe after the run
    assert frame.locator("ins").count() > 0 and frame.locator("del").count() > 0
    assert frame.locator("script").count() == 0  # the hostile edit is shown as text
    assert not page_errors(page)
    shot(page, "diff")
    _top(page, page.get_by_text("红线对照").first)
    frame.locator("article.modified").first.scroll_into_view_if_needed()
    shot(page, "diff-redline")


def test_cli_works_while_the_app_runs(server, page):
    """The running app holds the embedded store only during a rerun: the CLI can read and write it meanwhile."""
    import subprocess
    import sys
    open_page(page, server.url, "documents", AS_OF)
    cli = Path(sys.executable).parent / "policykg"
    out = subprocess.run([str(cli), "docs", "--json"], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "POLICYKG_STORE": str(server.store)})
    assert out.returncode == 0, out.stderr
    assert JIADING_ID in out.stdout
    page.reload()
    settle(page)
    assert not page_errors(page)


def test_documents_upload_and_bad_file(server, page, tmp_path):
    open_page(page, server.url, "documents", AS_OF)
    assert "已入库文档（3）" in _main_text(page)  # the table itself is drawn on a canvas
    shot(page, "documents")
    plan = tmp_path / "测试方案.txt"
    plan.write_text("测试区碳达峰工作方案\n一、主要目标\n到2025年，新增光伏装机10万千瓦。\n二、重点任务\n"
                    "（一）推进光伏建设。到2025年建成光伏电站3座。（责任单位：区发展改革委）\n", encoding="utf-8")
    bad = tmp_path / "坏文件.docx"
    bad.write_bytes(b"this is not a zip")
    page.locator("[data-testid='stFileUploader'] input[type='file']").first.set_input_files([str(plan), str(bad)])
    settle(page)
    page.get_by_role("button", name="导入").click()
    settle(page)
    text = _main_text(page)
    assert "已导入 测试方案" in text
    assert "导入失败：坏文件.docx" in text and "Traceback" not in text
    assert not page.locator("[data-testid='stException']").count()
    shot(page, "documents-upload")
