"""End-to-end through the installed `policykg` command: contract JSON, canonical text, ingest/docs/drop, bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import CORPUS, JIADING, jiading_target_count

EXE = [sys.executable, "-m", "policykg"]


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(*args: str, store: str | None = None, input: str | None = None) -> Result:
    """Run the CLI in this process (fast); `run_process` below runs the installed command for real."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from policykg.cli import main
    out, err = io.StringIO(), io.StringIO()
    old = os.environ.get("POLICYKG_STORE")
    if store:
        os.environ["POLICYKG_STORE"] = store
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
    finally:
        if old is None:
            os.environ.pop("POLICYKG_STORE", None)
        else:
            os.environ["POLICYKG_STORE"] = old
    return Result(code, out.getvalue(), err.getvalue())


def run_process(*args: str, store: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if store:
        env["POLICYKG_STORE"] = store
    return subprocess.run([*EXE, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)


def test_installed_command_prints_contract_and_one_line_errors(tmp_path: Path):
    p = run_process("extract", str(JIADING), "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["schema"] == "policykg.extract/1"
    f = tmp_path / "binary.txt"
    f.write_bytes(bytes(range(256)) * 4)
    p = run_process("extract", str(f), "--json")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1 and "Traceback" not in p.stderr


def test_extract_json_is_the_contract():
    p = run("extract", str(JIADING), "--json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["schema"] == "policykg.extract/1"
    assert data["document"]["id"] == "jiading-carbon-peak-plan-2022"
    assert data["document"]["title"] == "嘉定区碳达峰实施方案" and data["document"]["published"] == "2022-11-24"
    text = run("text", str(JIADING)).stdout
    assert data["document"]["chars"] == len(text)
    for t in data["targets"]:
        assert set(t) >= {"id", "task", "quote", "span", "indicator", "value", "unit", "comparator", "baseline_year",
                          "period_start", "deadline", "deadline_text", "kind"}
        assert text[t["span"][0]:t["span"][1]] == t["quote"]
    for t in data["tasks"]:
        assert set(t) >= {"id", "section", "title", "span", "unit_text", "unit_span", "units"}
        for u in t["units"]:
            assert set(u) >= {"name", "role", "collective"} and u["role"] in ("lead", "support")


def test_text_is_canonical(tmp_path: Path):
    raw = JIADING.read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + raw.replace("\n", "\r\n").encode("utf-8"))
    assert run("text", str(crlf)).stdout == raw


def test_ingest_docs_reingest_drop(tmp_path: Path):
    store = str(tmp_path / "store")
    p = run("ingest", str(JIADING), "--json", store=store)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["ingested"][0]["id"] == "jiading-carbon-peak-plan-2022"
    assert run("ingest", str(JIADING), store=store).returncode == 0  # re-ingest replaces, never duplicates
    docs = json.loads(run("docs", "--json", store=store).stdout)
    assert [(d["id"], d["tasks"]) for d in docs] == [("jiading-carbon-peak-plan-2022", 40)]
    assert set(docs[0]) >= {"id", "title", "issuer", "published", "tasks", "targets"}
    assert run("drop", "jiading-carbon-peak-plan-2022", store=store).returncode == 0
    assert json.loads(run("docs", "--json", store=store).stdout) == []


@pytest.mark.parametrize("name,content,needle", [
    ("empty.txt", b"", "空"),
    ("blank.txt", b"  \n\n ", "空"),
    ("binary.txt", bytes(range(256)) * 8, ""),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, ""),
])
def test_bad_input_one_line_exit_2_and_store_untouched(tmp_path: Path, name: str, content: bytes, needle: str):
    store = str(tmp_path / "store")
    assert run("ingest", str(JIADING), store=store).returncode == 0
    f = tmp_path / name
    f.write_bytes(content)
    for cmd in (("extract", str(f), "--json"), ("ingest", str(f))):
        p = run(*cmd, store=store)
        assert p.returncode == 2, (cmd, p.stdout, p.stderr)
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "Traceback" not in p.stderr and needle in lines[0], p.stderr
    docs = json.loads(run("docs", "--json", store=store).stdout)
    assert [(d["id"], d["tasks"], d["targets"]) for d in docs] == [("jiading-carbon-peak-plan-2022", 40, jiading_target_count())]


def test_gbk_file_extracts_like_utf8(tmp_path: Path):
    f = tmp_path / "gbk.txt"
    f.write_bytes(JIADING.read_text(encoding="utf-8").encode("gb18030"))
    a = json.loads(run("extract", str(f), "--json").stdout)
    b = json.loads(run("extract", str(JIADING), "--json").stdout)
    assert [t["quote"] for t in a["targets"]] == [t["quote"] for t in b["targets"]]


def test_plan_without_structure_is_reported(tmp_path: Path):
    f = tmp_path / "prose.txt"
    f.write_text("这是一段没有任何编号结构的文字。它只是说明一些情况，没有任务也没有责任单位。\n", encoding="utf-8")
    p = run("ingest", str(f), store=str(tmp_path / "s"))
    assert p.returncode == 2 and "编号结构" in p.stderr


def test_missing_file_and_unknown_doc(tmp_path: Path):
    p = run("extract", str(tmp_path / "nope.txt"), "--json")
    assert p.returncode == 2 and "找不到文件" in p.stderr
    p = run("drop", "no-such-doc", store=str(tmp_path / "s"))
    assert p.returncode == 2 and "未找到文档" in p.stderr


def test_every_shipped_plan_ingests_and_validates(tmp_path: Path):
    store = str(tmp_path / "store")
    p = run("ingest", "--all", str(CORPUS), "--json", store=store)
    summary = json.loads(p.stdout)
    assert summary["failed"] == [] and summary["documents"] == len(list(CORPUS.glob("*.txt")))
    p = run("validate", "--json", store=store)
    report = json.loads(p.stdout)
    assert all(r["conforms"] for r in report.values()), {k: r["results"][:3] for k, r in report.items() if not r["conforms"]}
