"""`policykg links` end to end: the Jiading district plan and the Shanghai city plan it implements, ingested through
the CLI into an embedded store."""
from __future__ import annotations

import json

import pytest

from tests.cli.test_documents_cli import run, run_process
from tests.paths import CORPUS, JIADING

SHANGHAI = CORPUS / "shanghai_carbon_peak_plan_2022.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("links") / "store")
    out = run("ingest", str(JIADING), str(SHANGHAI), "--json", store=path)
    assert out.returncode == 0, out.stderr
    return path


def test_links_json_resolves_the_city_plan(store):
    proc = run_process("links", "--json", "--relation", "implements", store=store)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == "policykg.links/1"
    pairs = [(x["from_doc"], x["title"], x["to_doc"]) for x in data["links"]]
    assert ("jiading-carbon-peak-plan-2022", "上海市碳达峰实施方案", "shanghai-carbon-peak-plan-2022") in pairs
    assert {x["relation"] for x in data["links"]} == {"implements"}
    text = JIADING.read_text(encoding="utf-8")
    for x in data["links"]:
        assert text[x["span"][0]:x["span"][1]] == x["title"]
        assert text[x["context_span"][0]:x["context_span"][1]] == x["quote"]


def test_links_human_table(store):
    out = run("links", "--doc", "jiading-carbon-peak-plan-2022", "--store", store)
    assert out.returncode == 0, out.stderr
    assert "依据与引用" in out.stdout and "实施依据" in out.stdout and "提及" in out.stdout
    assert "共 4 处引用，其中 2 处指向已入库的文档" in out.stdout
    empty = run("links", "--doc", "shanghai-carbon-peak-plan-2022", store=store)
    assert empty.returncode == 0 and "未以《》引用其他文件" in empty.stdout


def test_links_bad_input_is_one_line_exit_2(store):
    for args, needle in ((("--doc", "nope"), "未找到文档 nope"), (("--relation", "foo"), "未知的关系 foo")):
        out = run("links", *args, store=store)
        assert out.returncode == 2 and needle in out.stderr and out.stderr.count("\n") == 1
