"""The index walk of kg.track.latest against a brute-force oracle: for random reports, corrections and as-of dates,
the report that counts is the latest (value date, then recording) dated ≤ as-of that nothing supersedes."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.track import add_report, history, target_statuses
from track_records import small_plan

TARGETS = ("2.1.1/1", "2.1.2/1")
# few distinct months and days, so that days and months collide and corrections step back across both
dates = st.builds(lambda m, d: dt.date(2024, m, d), st.integers(1, 3), st.sampled_from([1, 2, 15, 28]))
ops = st.lists(st.tuples(st.sampled_from(TARGETS), dates, st.integers(0, 30),
                         st.sampled_from(["区经委", "区建管委", "区发展改革委"]),
                         st.integers(0, 3)), min_size=1, max_size=10)


def oracle(store, target: str, as_of: dt.date):
    live = [r for r in history(store, target) if r.date <= as_of.isoformat() and not r.superseded_by]
    return max(live, key=lambda r: r.sort_key()).id if live else None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=ops, days=st.lists(dates, min_size=1, max_size=3))
def test_latest_report_matches_the_oracle(tmp_path_factory, ops, days):
    with kg.open_store(str(tmp_path_factory.mktemp("latest") / "store")) as store:
        store.put_record(small_plan())
        added: dict[str, list[str]] = {t: [] for t in TARGETS}
        for target, day, value, by, correct in ops:
            by_unit = by if target == "2.1.1/1" or by != "区发展改革委" else "区经委"  # 2.1.2 has no 发改委
            previous = added[target]
            supersedes = (previous[-correct],) if correct and len(previous) >= correct else ()
            rep = add_report(store, target, value=value, date=day, by=by_unit, supersedes=supersedes)
            previous.append(rep.id)
        for day in days:
            rows = {r["target"]: r for r in target_statuses(store, day)}
            for target in TARGETS:
                got = (rows[target]["last_report"] or {}).get("id")
                assert got == oracle(store, target, day), (target, day)
