"""The status rules as pure functions: dates around every boundary (deadline day, window edge, leap day, period
start), every comparator, milestone states, targets without a deadline."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest

from kg.track.model import Report
from kg.track.status import expected_fraction, judge, most_urgent

D = dt.date.fromisoformat


def rep(date: str = "2024-01-01", value: Optional[float] = None, unit: Optional[str] = None,
        state: Optional[str] = None, baseline: Optional[float] = None) -> Report:
    return Report("r", "doc", "1/1", "target", date, "区经委", "2024-01-01T00:00:00.000000Z", value=value, unit=unit,
                  state=state, baseline=baseline)


def status(as_of: str, report: Optional[Report] = None, *, value=6.0, unit="座", comparator=">=",
           deadline: Optional[str] = "2024-02-29", start: Optional[str] = "2023-03-01", window=90) -> str:
    return judge(value=value, unit=unit, comparator=comparator, deadline=deadline, path_start=start,
                 report=report, as_of=D(as_of), window_days=window).status


# --- the deadline day, leap years -----------------------------------------------------------------------------
@pytest.mark.parametrize("as_of, expected", [
    ("2024-02-28", "at_risk"), ("2024-02-29", "at_risk"),  # the deadline day itself is not overdue
    ("2024-03-01", "overdue"), ("2025-02-28", "overdue"),
])
def test_leap_day_deadline(as_of, expected):
    assert status(as_of) == expected


def test_deadline_day_at_year_end():
    assert status("2025-12-31", deadline="2025-12-31", start="2021-01-01") == "at_risk"
    assert status("2026-01-01", deadline="2025-12-31", start="2021-01-01") == "overdue"


# --- the window ---------------------------------------------------------------------------------------------------
def test_window_edges_without_report():
    deadline = D("2024-02-29")
    inside = (deadline - dt.timedelta(days=90)).isoformat()
    outside = (deadline - dt.timedelta(days=91)).isoformat()
    assert status(inside) == "at_risk"
    assert status(outside) == "no_data"
    assert status(outside, window=91) == "at_risk"
    assert status(inside, window=0) == "no_data"
    assert status("2024-02-29", window=0) == "at_risk"


def test_window_with_progress_on_and_below_the_path():
    # path 2023-03-01 → 2024-02-29 is 365 days; at 2024-01-01 it is at 306/365 = 0.838
    assert status("2024-01-01", rep("2023-12-31", 6)) == "done"
    assert status("2024-01-01", rep("2023-12-31", 5.1)) == "due_soon"  # 0.85 ≥ 0.838
    assert status("2024-01-01", rep("2023-12-31", 5.0)) == "at_risk"   # 0.833 < 0.838
    assert status("2023-06-01", rep("2023-05-31", 0)) == "on_track"    # behind, but far from the deadline
    j = judge(value=6, unit="座", comparator=">=", deadline="2024-02-29", path_start="2023-03-01",
              report=rep("2023-05-31", 0), as_of=D("2023-06-01"), window_days=90)
    assert j.behind and j.expected == pytest.approx(92 / 365, abs=1e-9)


# --- the path start -----------------------------------------------------------------------------------------------
def test_expected_fraction_at_and_around_period_start():
    assert expected_fraction("2023-03-01", "2024-02-29", D("2023-03-01")) == 0.0
    assert expected_fraction("2023-03-01", "2024-02-29", D("2023-02-01")) == 0.0  # before the start: clamped
    assert expected_fraction("2023-03-01", "2024-02-29", D("2024-02-29")) == 1.0
    assert expected_fraction("2023-03-01", "2024-02-29", D("2025-01-01")) == 1.0
    assert expected_fraction("2024-01-01", "2024-12-31", D("2024-07-01")) == pytest.approx(182 / 365)  # leap year
    assert expected_fraction(None, "2024-12-31", D("2024-07-01")) is None
    assert expected_fraction("2025-01-01", "2024-12-31", D("2024-07-01")) == 0.0  # start after deadline


def test_not_started_is_behind_only_once_the_path_started():
    start_day = judge(value=None, unit=None, comparator=None, deadline="2024-02-29", path_start="2023-03-01",
                      report=rep("2023-03-01", state="未启动"), as_of=D("2023-03-01"), window_days=400)
    assert start_day.status == "due_soon" and not start_day.behind
    later = judge(value=None, unit=None, comparator=None, deadline="2024-02-29", path_start="2023-03-01",
                  report=rep("2023-03-01", state="未启动"), as_of=D("2023-03-02"), window_days=400)
    assert later.status == "at_risk" and later.behind


# --- comparators --------------------------------------------------------------------------------------------------
# at 2024-01-01 the path is at 0.838: a value just short of the target is on the path (due_soon), not done
@pytest.mark.parametrize("comparator, value, unit, report, expected", [
    (">=", 6, "座", rep(value=6), "done"), (">=", 6, "座", rep(value=5.99), "due_soon"),
    ("=", 6, "座", rep(value=7), "done"), ("=", 6, "座", rep(value=5), "at_risk"),
    ("<=", 1.3, None, rep(value=1.3), "done"), ("<=", 1.3, None, rep(value=1.31), "due_soon"),
    ("decrease_by", 14, "%", rep(value=14, unit="%"), "done"),
    ("decrease_by", 14, "%", rep(value=13, unit="%"), "due_soon"),
    ("decrease_by", 14, "%", rep(value=86, unit="吨标准煤/万元", baseline=100), "done"),
    ("decrease_by", 14, "%", rep(value=87, unit="吨标准煤/万元", baseline=100), "due_soon"),
    ("=", 29.4, "万千瓦", rep(value=294000, unit="千瓦"), "done"),
    ("=", 29.4, "万千瓦", rep(value=293999, unit="千瓦"), "due_soon"),
    (">=", 1000, "亿元", rep(value=0.1, unit="万亿元"), "done"),
])
def test_each_comparator(comparator, value, unit, report, expected):
    assert status("2024-01-01", report, value=value, unit=unit, comparator=comparator) == expected


def test_incomparable_value_is_shown_but_not_judged():
    j = judge(value=14, unit="%", comparator="decrease_by", deadline="2024-02-29", path_start="2023-03-01",
              report=rep(value=86, unit="吨"), as_of=D("2024-01-01"), window_days=90)
    assert j.status == "due_soon" and not j.comparable and not j.done


# --- milestones and states ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("state, expected", [("已完成", "done"), ("推进中", "due_soon"), ("受阻", "at_risk"),
                                             ("未启动", "at_risk")])
def test_milestone_states_in_the_window(state, expected):
    assert status("2024-01-01", rep(state=state), value=None, unit=None, comparator=None) == expected


def test_completed_state_also_completes_a_quantitative_target():
    assert status("2024-03-05", rep("2024-03-01", state="已完成")) == "done"


def test_done_after_the_deadline_is_done_and_late():
    j = judge(value=6, unit="座", comparator=">=", deadline="2024-02-29", path_start="2023-03-01",
              report=rep("2024-03-02", 6), as_of=D("2024-03-05"), window_days=90)
    assert j.status == "done" and j.late


def test_overdue_even_with_progress():
    assert status("2024-03-01", rep("2024-02-29", 5.9)) == "overdue"
    assert status("2024-03-01", rep("2024-02-29", state="推进中"), value=None, comparator=None) == "overdue"


# --- no deadline --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("as_of", ["2020-01-01", "2024-02-29", "2099-12-31"])
def test_targets_without_deadline_are_never_due(as_of):
    assert status(as_of, deadline=None) == "no_data"
    assert status(as_of, rep(value=1), deadline=None) == "on_track"
    assert status(as_of, rep(value=1, state="受阻"), deadline=None) == "on_track"
    assert status(as_of, rep(value=6), deadline=None) == "done"


def test_most_urgent():
    assert most_urgent(["done", "no_data", "on_track"]) == "on_track"
    assert most_urgent(["done", "at_risk", "overdue"]) == "overdue"
    assert most_urgent(["done", "done"]) == "done"
    assert most_urgent([]) is None
