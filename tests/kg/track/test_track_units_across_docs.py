"""A unit named in a per-unit list (overdue --unit, report --unit) means the plans that name that unit most directly:
with a district plan and a city plan stored together, `区经委` is the district's 区经委, not the city's 市经信局 that the
alias registry treats as a related body; a short form every plan shares (`发改委`) still spans both."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from extract import extract_file
from kg.track import overdue, unit_report

ROOT = Path(__file__).resolve().parents[3]
JIADING = "jiading-carbon-peak-plan-2022"
CHENGDU = "chengdu-energy-action-plan-v2022"


@pytest.fixture(scope="module")
def two_plans():
    store = kg.open_store("memory:")
    for name in ("jiading_carbon_peak_plan_2022.txt", "chengdu_energy_action_plan_v2022.txt"):
        store.put_record(extract_file(str(ROOT / "corpus" / name)))
    yield store
    store.close()


def test_a_district_unit_stays_in_the_plan_that_names_it(two_plans):
    docs = {i["doc"] for i in overdue(two_plans, "2031-01-01", unit="区经委")["items"]}
    assert docs == {JIADING}
    assert set(unit_report(two_plans, "区经委", "2031-01-01")["docs"]) == {JIADING}


def test_a_related_body_still_counts_when_only_that_plan_is_asked(two_plans):
    items = overdue(two_plans, "2031-01-01", unit="经委", doc=CHENGDU)["items"]
    assert items and {i["doc"] for i in items} == {CHENGDU}


def test_a_short_form_every_plan_uses_spans_them_all(two_plans):
    docs = {i["doc"] for i in overdue(two_plans, "2031-01-01", unit="发改委")["items"]}
    assert docs == {JIADING, CHENGDU}
