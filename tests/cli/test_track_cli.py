"""The tracking commands end to end: `progress add|import|history`, `overdue`, `report` — contract JSON, Chinese
one-line errors with exit code 2, the template round trip, and the Jiading plan through the installed command."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import uuid
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from openpyxl import load_workbook

import kg
from tests.kg.track.track_records import small_plan
from tests.paths import JIADING


class Result:
    def __init__(self, code: int, out: str, err: str):
        self.returncode, self.stdout, self.stderr = code, out, err

    def json(self):
        return json.loads(self.stdout)


def run(*args: str) -> Result:
    from policykg.cli import main
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse errors
            code = int(e.code or 0)
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def spec():
    name = f"track-cli-{uuid.uuid4().hex}"
    with kg.open_store(f"memory:{name}") as s:
        s.put_record(small_plan())
    yield f"memory:{name}"
    from kg.stores import memory
    memory._NAMED.pop(name, None)


def one_line_error(r: Result, *needles: str) -> None:
    assert r.returncode == 2, (r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    for n in needles:
        assert n in lines[0], lines[0]


def test_progress_add_prints_the_report_contract(spec):
    r = run("progress", "add", "--target", "2.1.2/1", "--value", "6", "--date", "2024-02-20", "--by", "经委",
            "--note", "全部建成", "--json", "--store", spec)
    assert r.returncode == 0, r.stderr
    data = r.json()
    assert data["schema"] == "policykg.report/1"
    assert {k: data[k] for k in ("target", "value", "unit", "state", "date", "by")} == {
        "target": "2.1.2/1", "value": 6, "unit": "座", "state": None, "date": "2024-02-20", "by": "区经委"}
    uuid.UUID(data["id"]) and data["reported_at"].endswith("Z")
    od = run("overdue", "--json", "--as-of", "2024-03-01", "--store", spec).json()
    assert [i["target"] for i in od["items"]] == ["2.1.2/2"]  # 2.1.2/1 is met now: done, not overdue
    every = {i["target"]: i["status"] for i in run("overdue", "--json", "--as-of", "2024-03-01", "--include", "all",
                                                   "--store", spec).json()["items"]}
    assert every["2.1.2/1"] == "done"
    state = run("progress", "add", "--target", "2.1.2/2", "--state", "已完成", "--date", "2024-02-21", "--by",
                "区建管委", "--store", spec)
    assert state.returncode == 0 and "已记录报告" in state.stdout


@pytest.mark.parametrize("args, needles", [
    (["--target", "2.1.2/7", "--value", "1", "--date", "2024-01-01", "--by", "区经委"], ["2.1.2/1"]),
    (["--target", "2.1.2/1", "--value", "1", "--date", "2024-01-01", "--by", "区统计局"], ["区统计局", "最接近"]),
    (["--target", "2.1.2/1", "--value", "1", "--date", "2024-02-30", "--by", "区经委"], ["2024-02-30", "YYYY-MM-DD"]),
    (["--target", "2.1.2/1", "--value", "1", "--date", "24-1-1", "--by", "区经委"], ["YYYY-MM-DD"]),
    (["--target", "2.1.2/1", "--state", "done", "--date", "2024-01-01", "--by", "区经委"], ["参数错误"]),
    (["--target", "2.1.2/1", "--date", "2024-01-01", "--by", "区经委"], ["参数错误"]),
    (["--target", "2.1.2/1", "--value", "1", "--state", "推进中", "--date", "2024-01-01", "--by", "区经委"], ["参数错误"]),
])
def test_progress_add_refuses_bad_input_in_one_line(spec, args, needles):
    one_line_error(run("progress", "add", *args, "--store", spec), *needles)
    assert run("progress", "history", "2.1.2/1", "--json", "--store", spec).json() == []


def test_ambiguous_id_needs_doc(spec):
    with kg.open_store(spec) as s:
        s.put_record(small_plan("track-test-plan-b"))
    base = ["progress", "add", "--target", "2.1.2/1", "--value", "1", "--date", "2024-01-01", "--by", "区经委"]
    one_line_error(run(*base, "--store", spec), "--doc", "track-test-plan-b")
    assert run(*base, "--doc", "track-test-plan-b", "--store", spec).returncode == 0
    one_line_error(run(*base, "--doc", "no-such-plan", "--store", spec), "no-such-plan")


def test_overdue_filters_and_errors(spec):
    od = run("overdue", "--json", "--as-of", "2025-10-15", "--unit", "发改委", "--include", "at_risk", "--store", spec)
    assert od.returncode == 0 and {i["target"] for i in od.json()["items"]} == {"2.1.1/1", "2.1.1/2"}
    one_line_error(run("overdue", "--json", "--unit", "安亭镇", "--store", spec), "安亭镇")
    one_line_error(run("overdue", "--json", "--as-of", "2025-02-29", "--store", spec), "2025-02-29")
    one_line_error(run("overdue", "--json", "--include", "soon", "--store", spec), "--include")
    human = run("overdue", "--as-of", "2024-03-01", "--store", spec)
    assert human.returncode == 0 and "已逾期" in human.stdout


def test_history_shows_corrections(spec):
    first = run("progress", "add", "--target", "2.1.2/1", "--value", "5", "--date", "2024-01-31", "--by", "区经委",
                "--json", "--store", spec).json()
    second = run("progress", "add", "--target", "2.1.2/1", "--value", "4", "--date", "2024-01-31", "--by", "区经委",
                 "--json", "--store", spec).json()
    assert second["supersedes"] == [first["id"]]
    hist = run("progress", "history", "2.1.2/1", "--json", "--store", spec).json()
    assert [h["id"] for h in hist] == [first["id"], second["id"]] and hist[0]["superseded_by"] == [second["id"]]
    human = run("progress", "history", "2.1.2/1", "--store", spec)
    assert "已被更正" in human.stdout and "有效" in human.stdout


def test_report_formats_and_template_round_trip(spec, tmp_path: Path):
    md = run("report", "--unit", "经委", "--as-of", "2024-03-01", "--store", spec)
    assert md.returncode == 0 and md.stdout.startswith("# 区经委 任务清单（截至 2024-03-01）")
    csv_out = run("report", "--unit", "经委", "--format", "csv", "--store", spec)
    assert csv_out.returncode == 0 and "指标编号" in csv_out.stdout
    one_line_error(run("report", "--unit", "经委", "--format", "xlsx", "--store", spec), "-o")
    one_line_error(run("report", "--unit", "区财政局", "--store", spec), "区财政局")
    template = tmp_path / "经委.xlsx"
    assert run("report", "--template", "--unit", "经委", "-o", str(template), "--store", spec).returncode == 0
    wb = load_workbook(template)
    ws = wb["进展填报"]
    col = {c.value: i + 1 for i, c in enumerate(ws[1])}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["指标编号"]).value == "2.1.2/1":
            ws.cell(r, col["报告值"]).value = 6
            ws.cell(r, col["数据日期"]).value = "2024-02-25"
    wb.save(template)
    imp = run("progress", "import", str(template), "--json", "--store", spec)
    assert imp.returncode == 0 and imp.json()["imported"] == 1
    again = run("progress", "import", str(template), "--store", spec)
    one_line_error(again, "已导入过")
    md = run("report", "--unit", "区经委", "--as-of", "2024-03-01", "--store", spec).stdout
    assert "| 2.1.2/1 | 建成加氢站不少于6座 | ≥ 6 座 | 2024-02-29 | 6 座（2024-02-25，区经委） | 已完成 |" in md
    xlsx = tmp_path / "r.xlsx"
    assert run("report", "--unit", "经委", "--format", "xlsx", "-o", str(xlsx), "--store", spec).returncode == 0
    assert load_workbook(xlsx).active["A1"].value == "文档"


def test_bad_import_file_names_the_row(spec, tmp_path: Path):
    f = tmp_path / "bad.csv"
    f.write_text("指标编号,填报单位,报告值,数据日期\n2.1.2/1,区经委,3,2024-01-01\n2.1.2/1,区经委,三,2024-01-02\n",
                 encoding="utf-8")
    one_line_error(run("progress", "import", str(f), "--store", spec), "第 3 行", "不是数值")
    assert run("progress", "history", "2.1.2/1", "--json", "--store", spec).json() == []


def test_progress_without_action_shows_help(spec):
    r = run("progress", "--store", spec)
    assert r.returncode == 2


@pytest.mark.slow
def test_jiading_through_the_installed_command(tmp_path: Path):
    env = {**os.environ, "POLICYKG_STORE": str(tmp_path / "store")}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "policykg", *args], capture_output=True, text=True,
                              encoding="utf-8", env=env, timeout=600)

    assert cli("ingest", str(JIADING)).returncode == 0
    od = json.loads(cli("overdue", "--json", "--as-of", "2026-01-05").stdout)
    ids = [i["target"] for i in od["items"]]
    assert "3.1.1/1" in ids and "3.7.1/1" not in ids  # 3.7.1/1 has no deadline: never overdue
    add = cli("progress", "add", "--target", "3.1.1/1", "--value", "6", "--date", "2025-11-30", "--by", "发改委",
              "--json")
    assert add.returncode == 0 and json.loads(add.stdout)["by"] == "区发展改革委"
    od2 = json.loads(cli("overdue", "--json", "--as-of", "2026-01-05").stdout)
    assert "3.1.1/1" not in [i["target"] for i in od2["items"]] and len(od2["items"]) == len(ids) - 1
    done = json.loads(cli("overdue", "--json", "--as-of", "2026-01-05", "--include", "all").stdout)
    assert {i["target"]: i["status"] for i in done["items"]}["3.1.1/1"] == "done"
    unit = json.loads(cli("overdue", "--json", "--as-of", "2026-01-05", "--unit", "嘉定区经委").stdout)
    assert unit["items"] and all("区经委" in i["units"] for i in unit["items"])  # alias resolved, explicit only
    assert len(unit["items"]) < len(od2["items"])
    town = json.loads(cli("overdue", "--json", "--as-of", "2026-01-05", "--unit", "安亭镇").stdout)
    assert all("安亭镇" in i["units"] for i in town["items"])  # 各街镇 tasks are not expanded to the town
    nobody = cli("overdue", "--json", "--unit", "区卫健委")
    assert nobody.returncode == 2 and "区卫健委" in nobody.stderr
    bad = cli("progress", "add", "--target", "3.1.1/1", "--value", "6", "--date", "2025-11-31", "--by", "发改委")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
