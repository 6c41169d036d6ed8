"""The output surfaces: the contract JSON (shape, spans that cite the texts), the Chinese summary and the HTML page."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import kg.diff
from tests.kg.diff.conftest import MINI
from kg.diff import SCHEMA, diff_records, render_html, render_text

STATUSES = {"unchanged", "modified", "renumbered", "moved"}
TYPES = {"target_value", "deadline", "responsible_units", "text"}


def test_public_api_is_complete_and_documented():
    assert set(kg.diff.__all__) == {"SCHEMA", "diff_records", "render_text", "render_html"}
    for name in kg.diff.__all__:
        obj = getattr(kg.diff, name)
        assert obj is not None
        if callable(obj):
            assert obj.__doc__ and obj.__doc__.strip()


def test_contract_shape_and_citations(chengdu):
    old, new = chengdu
    diff = diff_records(old, new, use_embeddings=False)
    json.dumps(diff, ensure_ascii=False)  # JSON-able
    assert diff["schema"] == SCHEMA == "policykg.diff/1"
    assert (diff["old"], diff["new"]) == (old.document.id, new.document.id)
    old_tasks = {t.id for t in old.tasks}
    new_tasks = {t.id for t in new.tasks}
    for p in diff["pairs"]:
        assert set(p) >= {"old", "new", "status", "similarity"}
        assert p["status"] in STATUSES and 0.0 <= p["similarity"] <= 1.0
        assert p["old"] in old_tasks and p["new"] in new_tasks
    assert set(diff["added"]) <= new_tasks and set(diff["removed"]) <= old_tasks
    paired_old = {p["old"] for p in diff["pairs"]}
    assert paired_old.isdisjoint(diff["removed"]) and paired_old | set(diff["removed"]) == old_tasks
    assert isinstance(diff["formatting_only"], int)
    for c in diff["changes"]:
        assert set(c) >= {"old", "new", "type", "before", "after", "detail"} and c["type"] in TYPES
        d = c["detail"]
        if c["type"] == "text":
            os_, ns_ = c["old_span"], c["new_span"]
            if d["field"] == "title":
                assert old.text[os_[0]:os_[1]] == c["before"] and new.text[ns_[0]:ns_[1]] == c["after"]
            else:
                assert old.text[os_[0]:os_[1]] == c["before"] and new.text[ns_[0]:ns_[1]] == c["after"]
        if c["type"] in ("target_value", "deadline") and d.get("level") != "task":
            assert old.text[c["old_span"][0]:c["old_span"][1]] == d["quote_before"]
            assert new.text[c["new_span"][0]:c["new_span"][1]] == d["quote_after"]


def test_records_rebuilt_from_contract_json_diff_the_same(chengdu):
    """A stored document comes back through its contract JSON (no body spans): the diff must not change."""
    from extract import record_from_contract

    old, new = chengdu
    direct = diff_records(old, new, use_embeddings=False)
    rebuilt = diff_records(record_from_contract(old.to_contract(), old.text),
                           record_from_contract(new.to_contract(), new.text), use_embeddings=False)
    assert rebuilt["pairs"] == direct["pairs"] and rebuilt["changes"] == direct["changes"]
    assert rebuilt["sections"] == direct["sections"] and rebuilt["formatting_only"] == direct["formatting_only"]


def test_stored_documents_diff_the_same(chengdu):
    """Two stored document ids (kg store round trip) diff exactly like the files they came from."""
    import kg

    old, new = chengdu
    with kg.open_store("memory:") as store:
        store.put_record(old)
        store.put_record(new)
        stored = (kg.record_from_graph(store, old.document.id), kg.record_from_graph(store, new.document.id))
    direct = diff_records(old, new, use_embeddings=False)
    again = diff_records(*stored, use_embeddings=False)
    for key in ("pairs", "added", "removed", "changes", "sections", "targets", "formatting_only"):
        assert again[key] == direct[key], key


def test_render_text_reads_as_a_summary(chengdu):
    diff = diff_records(*chengdu, use_embeddings=False)
    text = render_text(diff)
    assert text.startswith("对比：chengdu-energy-action-plan-v2021")
    assert f"新增 {len(diff['added'])} 项" in text and f"删除 {len(diff['removed'])} 项" in text
    assert "3.3.14 → 3.3.4 推动综合能源利用" in text
    assert "指标数值" in text and "10个 → 50个" in text
    assert "3.3.13 → 3.1.3 深化重点行业节能降碳［自 3.3 移至 3.1；含原 3.1.1 部分内容］" in text
    assert "  - 3.1.1 加快产业结构高端化转型（部分内容并入 3.1.3）" in text
    assert "仅格式差异" in text
    assert "未使用语义向量" in text  # says when it ran without embeddings


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.tags, self.stack_errors, self.stack = set(), set(), [], 0, []
        self.scripts = self.duplicate_ids = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.duplicate_ids += a["id"] in self.ids
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.add(a["href"][1:])
        if tag == "script":
            self.scripts += 1
        self.tags.append(tag)
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.stack_errors += 1


def test_render_html_is_standalone_navigable_and_escaped(mini):
    old = mini()
    hostile = MINI.replace("大力发展光伏", "大力发展光伏<script>alert(1)</script>").replace("30万千瓦", "35万千瓦")
    new = mini(hostile, "mini-hostile")
    diff = diff_records(old, new, use_embeddings=False)
    page = render_html(diff, old, new)
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page and "&lt;script&gt;" in page
    p = _Collect()
    p.feed(page)
    assert p.scripts == 0 and p.stack_errors == 0 and not p.stack and p.duplicate_ids == 0
    assert p.hrefs <= p.ids  # every navigation link has its target
    assert {"s-2.1", "s-2.2", "t-2.1.1", "t-2.1.2", "t-2.2.1"} <= p.ids
    assert "<del>" in page and "<ins>" in page
    assert "<del>30</del><ins>35</ins>" in page  # a word-level redline inside the modified task


def test_render_html_shows_removed_and_added(chengdu):
    old, new = chengdu
    diff = diff_records(old, new, use_embeddings=False)
    page = render_html(diff, old, new)
    p = _Collect()
    p.feed(page)
    assert p.stack_errors == 0 and p.hrefs <= p.ids and p.duplicate_ids == 0
    for rid in diff["removed"]:
        assert f"old-{rid}" in p.ids
    for aid in diff["added"]:
        assert f"t-{aid}" in p.ids
    assert 'class="badge added"' in page and 'class="badge removed"' in page


def test_render_html_says_where_content_went_and_which_units_were_renamed(chengdu):
    old, new = chengdu
    diff = diff_records(old, new, use_embeddings=False)
    page = render_html(diff, old, new)
    for r in diff["unit_renames"]:
        assert f"{r['old']} → {r['new']}" in page
    for rid, into in diff["removed_into"].items():
        assert f"部分内容并入 {'、'.join(into)}" in page, rid
    for p in diff["pairs"]:
        if p.get("merged_from"):
            assert f"含原 {'、'.join(p['merged_from'])} 部分内容" in page
