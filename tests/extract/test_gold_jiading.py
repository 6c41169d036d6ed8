"""The extractor against the hand-checked Jiading gold, scored by the acceptance scorer (../shared/eval).

Thresholds are the issue's: all 40 task ids and titles; units exact for >= 39/40 tasks and lead exact for 40/40;
target recall >= 0.95 over core targets with precision >= 0.95; value+unit, deadline >= 0.97, comparator >= 0.90;
100% of spans exact. Each remaining miss is listed in KNOWN_MISSES with its reason (an expected failure).
"""
from __future__ import annotations

import json

import pytest

from extract import extract_file
from tests.paths import EVAL, GOLD_JIADING, JIADING
from tests.scorers import load_score_extract

#: gold target id -> why the extractor misses it (empty: nothing is missed today).
KNOWN_MISSES: dict[str, str] = {}


def _scorer():
    mod = load_score_extract(EVAL)
    if mod is None:
        pytest.skip(f"acceptance scorer not found at {EVAL}")
    return mod


@pytest.fixture(scope="module")
def scores():
    pred = extract_file(JIADING).to_contract()
    gold = json.loads(GOLD_JIADING.read_text(encoding="utf-8"))
    return _scorer().score(str(JIADING), gold, pred), pred, gold


def test_tasks_all_ids_and_titles(scores):
    r, _, _ = scores
    assert r["tasks"]["missing"] == [] and r["tasks"]["extra"] == []
    assert r["tasks"]["title_acc"] == 1.0


def test_units_and_leads(scores):
    r, _, _ = scores
    assert r["units"]["tasks_wrong"] <= 1, r["units"]["errors"]
    assert r["units"]["lead_acc"] == 1.0


def test_targets_recall_precision(scores):
    r, _, _ = scores
    t = r["targets"]
    missed = {m["id"] for m in t["missed"]}
    assert missed <= set(KNOWN_MISSES), f"new misses: {sorted(missed - set(KNOWN_MISSES))}"
    assert t["r_core"] >= 0.95 and t["p"] >= 0.95, t


def test_fields_over_matched_targets(scores):
    r, _, _ = scores
    f = r["fields"]
    assert f["value"] >= 0.97 and f["unit"] >= 0.97 and f["deadline"] >= 0.97, r["field_errors"]
    assert f["comparator"] >= 0.90


def test_every_span_is_exact(scores):
    r, pred, _ = scores
    assert r["spans"]["exact"] == 1.0
    text = JIADING.read_text(encoding="utf-8")
    for t in pred["tasks"]:
        assert text[t["span"][0]:t["span"][1]].startswith(t["number"])


@pytest.mark.parametrize("gold_id", sorted(KNOWN_MISSES) or ["-"])
def test_known_misses_are_still_missed(scores, gold_id):
    """An expected failure per known miss, with its reason; turns into a pass (XPASS) when the miss is fixed."""
    if gold_id == "-":
        pytest.skip("no known misses on the Jiading gold")
    r, _, _ = scores
    if gold_id in {m["id"] for m in r["targets"]["missed"]}:
        pytest.xfail(KNOWN_MISSES[gold_id])
