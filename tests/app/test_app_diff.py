"""版本比对 page: stored versions and an uploaded revision, data functions and the page through AppTest."""
from __future__ import annotations

import pytest

from extract.errors import InputError
from tests.app.conftest import JIADING_ID, app_at, errors
from tests.paths import JIADING
from ui.diff import default_pair, safe_for_iframe
from ui.pages_data import diff as data

OLD, NEW = "chengdu-energy-action-plan-v2021", "chengdu-energy-action-plan-v2022"


def revised_jiading() -> bytes:
    """The Jiading plan with one number raised and markup typed into a task: a revision with a hostile edit."""
    text = JIADING.read_text(encoding="utf-8")
    assert "6个加氢站" in text
    return text.replace("6个加氢站", "8个加氢站<script>alert(1)</script>", 1).encode("utf-8")


def test_stored_versions(store):
    res = data.diff_versions(store, old=OLD, new=NEW)
    assert res["diff"]["schema"] == "policykg.diff/1"
    c = res["summary"]["counts"]
    assert c["modified"] > 0 and c["added"] + c["removed"] > 0
    assert sum(res["summary"]["by_type"].values()) == len(res["summary"]["rows"]) == c["changes"]
    assert safe_for_iframe(res["html"])


def test_uploaded_revision_is_escaped_and_not_stored(store):
    res = data.diff_versions(store, old=JIADING_ID, new_upload=("jiading_v2.txt", revised_jiading()))
    values = [r for r in res["summary"]["rows"] if r["type"] == "target_value"]
    assert any("6" in r["before"] and "8" in r["after"] for r in values), values
    assert "<script>alert" not in res["html"] and "&lt;script&gt;" in res["html"]
    assert safe_for_iframe(res["html"])
    assert "jiading-v2" not in store.doc_ids()  # a look never stores


def test_bad_inputs(store):
    with pytest.raises(InputError, match="请选择"):
        data.diff_versions(store, old=OLD)
    with pytest.raises(InputError, match="未找到文档"):
        data.diff_versions(store, old="no-such-doc", new=NEW)
    with pytest.raises(InputError, match="不支持的文件类型"):
        data.diff_versions(store, old=OLD, new_upload=("x.exe", b"MZ"))
    assert not safe_for_iframe('<a href="javascript:alert(1)">x</a>')
    assert not safe_for_iframe('<img src=x onerror="alert(1)">')


def test_default_pair():
    ids = [OLD, NEW, JIADING_ID]
    assert default_pair(ids, NEW) == (OLD, NEW)
    assert default_pair(ids, JIADING_ID) == (None, JIADING_ID)
    assert default_pair([], None) == (None, None)


def test_page_compares_stored_versions(store_dir):
    at = app_at("diff")
    at.sidebar.selectbox(key="doc").set_value(NEW).run()
    assert at.selectbox(key="diff_old_doc").value == OLD
    at.button(key="diff_run").click().run()
    assert not errors(at)
    labels = {m.label: m.value for m in at.metric}
    assert int(labels["修改"]) > 0
    assert at.dataframe[0].value.shape[0] > 0
    assert any("红线对照" in m.value for m in at.markdown)


def test_page_needs_both_versions(store_dir):
    at = app_at("diff")
    at.button(key="diff_run").click().run()  # Jiading has no earlier stored version: no old preselected
    assert any("请选择" in e.value for e in at.error)
    assert not at.exception
