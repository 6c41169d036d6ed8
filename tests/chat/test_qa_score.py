"""The held-out measure: the acceptance scorer (../shared/eval/score_qa.py) over the Jiading question set, run through
the `python -m chat` runner (the `policykg ask -` protocol), with the issue's thresholds; and, in process, every
non-none answer's items carry exact quotes and spans and name only tasks, targets and numbers of the plan."""
from __future__ import annotations

import json
import shlex
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
QA = HERE / "qa_jiading.json"
GOLD = SHARED / "gold" / "jiading.json"
PLAN = ROOT / "corpus" / "jiading_carbon_peak_plan_2022.txt"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (SHARED / "eval" / "score_qa.py").exists(), reason="shared/eval not present")]


def test_scorer_thresholds():
    cmd = f"{shlex.quote(sys.executable)} -m chat --store memory: --ingest {shlex.quote(str(PLAN))} -"
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score_qa.py"), "--qa", str(QA), "--gold", str(GOLD),
                          "--cmd", cmd, "--json"], capture_output=True, text=True, cwd=ROOT, timeout=1200)
    assert out.returncode == 0, out.stderr[-2000:]
    res = json.loads(out.stdout)
    assert res["rc"] == 0 and res["answered"] == res["n"]
    ok, n = map(int, res["none_correct"].split("/"))
    assert ok == n, res["fails"]
    assert res["accuracy"] >= 0.95, res["fails"]


def test_every_answer_cites_the_plan_exactly(store, jiading_record):
    from chat import answer
    sys.path.insert(0, str(SHARED / "eval"))
    from score_qa import judge
    gold = json.load(open(GOLD, encoding="utf-8"))
    rec = jiading_record
    targets = {g.id: g for g in rec.targets}
    clause_ids = {t.id for t in rec.tasks} | {s.id for s in rec.sections}
    ok = 0
    qs = json.load(open(QA, encoding="utf-8"))["questions"]
    for q in qs:
        a = answer(q["q"], store, as_of=date.fromisoformat(q["as_of"]))
        ok += judge(q, a, gold)[0]
        if a["none"]:
            assert a["items"] == []
            continue
        for it in a["items"]:
            s, e = it["span"]
            assert it["quote"] and rec.text[s:e] == it["quote"], (q["id"], it)
            assert it["task"] in clause_ids, (q["id"], it)
            if it.get("target") is not None:
                g = targets[it["target"]]
                assert it["value"] == g.value or (g.value is not None and float(it["value"]) == g.value), (q["id"], it)
        for u in a["units"]:
            assert u in rec.text, (q["id"], u)
        if a["count"] is not None:
            assert a["count"] >= 0
    assert ok / len(qs) >= 0.95
