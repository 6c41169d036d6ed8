"""Properties over random report sequences (hypothesis, on the default embedded store):
adding a report (to a target or to a task) never changes another target's status, at any as-of date, and history
is never lost — every report ever added stays in its target's history, corrections included."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.track import add_report, history, target_statuses
from track_records import TARGET_IDS, small_plan

UNITS = ("区经委", "发改委", "区建管委", "区发展改革委")
NUMERIC = [t for t in TARGET_IDS if t != "2.1.2/2"]

dates = st.dates(dt.date(2021, 1, 1), dt.date(2026, 12, 31))
value_reports = st.fixed_dictionaries({
    "target": st.sampled_from(NUMERIC), "value": st.integers(0, 40) | st.floats(0, 40, allow_nan=False),
    "state": st.none(), "date": dates, "by": st.sampled_from(UNITS)})
state_reports = st.fixed_dictionaries({
    "target": st.sampled_from(TARGET_IDS + ("2.1.1", "2.1.3")), "value": st.none(),  # task-level reports too
    "state": st.sampled_from(["未启动", "推进中", "已完成", "受阻"]), "date": dates, "by": st.sampled_from(UNITS)})
reports = value_reports | state_reports


def _statuses(store, days: list[dt.date]) -> dict[tuple[str, dt.date], tuple]:
    out = {}
    for day in days:
        for r in target_statuses(store, day):
            out[(r["target"], day)] = (r["status"], (r["last_report"] or {}).get("id"))
    return out


def _histories(store) -> dict[str, list[str]]:
    return {t: [r.id for r in history(store, t)] for t in TARGET_IDS}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(reports, min_size=1, max_size=4), days=st.lists(dates, min_size=1, max_size=3))
def test_a_report_changes_only_its_own_target_and_history_only_grows(tmp_path_factory, ops, days):
    with kg.open_store(str(tmp_path_factory.mktemp("prop") / "store")) as store:
        store.put_record(small_plan())
        for op in ops:
            before, hist_before = _statuses(store, days), _histories(store)
            rep = add_report(store, op["target"], value=op["value"], state=op["state"], date=op["date"], by=op["by"])
            after, hist_after = _statuses(store, days), _histories(store)
            for (target, day), was in before.items():
                if target != op["target"]:
                    assert after[(target, day)] == was, (target, day)
            for target, ids in hist_before.items():
                if target == op["target"]:
                    assert set(ids) | {rep.id} == set(hist_after[target])
                    assert len(hist_after[target]) == len(ids) + 1
                else:
                    assert hist_after[target] == ids
