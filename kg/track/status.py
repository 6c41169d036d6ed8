"""The status rules: one target (or task) + its latest effective report + an as-of date → a status. Pure functions.

Rules (in order; the as-of date is inclusive everywhere):
  done      the latest effective report meets the target: its value (on the target's scale, see kg.track.quantity)
            satisfies the comparator, or it reports the milestone state 已完成. A target met after its deadline is
            done (`late` says so).
  overdue   it has a deadline, the deadline is before the as-of date, and it is not done. The deadline day itself is
            not overdue.
  at_risk   the deadline is within the window (0..window days after as-of, default 90) and either there is no
            report at all, or progress is below the straight-line path (below)
  due_soon  the deadline is within the window and progress is on the path
  on_track  there is a report and none of the above applies
  no_data   there is no report and none of the above applies
Targets without a deadline are never overdue, at risk or due soon: done, on_track or no_data.

The straight-line path runs from the path start (the target's period start, else the plan's publication date, else
the day it was ingested) at 0 to the deadline at 1; expected = elapsed days / total days, clamped to 0..1. Progress
is the reported value as a fraction of the target (quantity.progress_fraction); for a state it is: 未启动 behind once
the path has started, 推进中 on the path, 受阻 behind. A report whose value cannot be compared (a bare level for a
change target without a baseline) is neither done nor behind: it is shown, and `comparable` is false.

A task's status rolls up from its targets: the most urgent of them in STATUS_ORDER (all done → done); a task-level
report of 已完成 makes the task done; a task without targets is judged like a milestone with the task's own
deadline and task-level reports.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable, Optional

from .model import STATE_DONE, STATUS_ORDER, Report
from .quantity import achieved, meets, progress_fraction

__all__ = ["Judgement", "judge", "expected_fraction", "most_urgent", "EPS_PATH"]

#: Progress this close to the path counts as on it (rounding in reported figures).
EPS_PATH = 1e-6


@dataclass
class Judgement:
    status: str
    done: bool
    late: bool
    days_left: Optional[int]  # deadline − as-of in days (negative: days overdue); None without a deadline
    expected: Optional[float]  # where the straight-line path is at as-of
    progress: Optional[float]  # where the latest report puts the target (0..1), None when not numeric
    behind: bool
    comparable: bool


def _d(value: Optional[str]) -> Optional[_dt.date]:
    return _dt.date.fromisoformat(value[:10]) if value else None


def expected_fraction(start: Optional[str], deadline: Optional[str], as_of: _dt.date) -> Optional[float]:
    """Elapsed share of the path start → deadline at as-of (0..1), None when either end is unknown."""
    s, e = _d(start), _d(deadline)
    if s is None or e is None:
        return None
    if e <= s:
        return 1.0 if as_of >= e else 0.0
    return max(0.0, min(1.0, (as_of - s).days / (e - s).days))


def judge(*, value: Optional[float], unit: Optional[str], comparator: Optional[str],
          deadline: Optional[str], path_start: Optional[str], report: Optional[Report], as_of: _dt.date,
          window_days: int) -> Judgement:
    """The status of one target (or of a task without targets: kind "milestone", value None)."""
    level: Optional[float] = None
    comparable = True
    done = False
    if report is not None:
        if report.state == STATE_DONE:
            done = True
        if report.value is not None and value is not None:
            level = achieved(comparator, report.value, report.unit, unit, report.baseline)
            comparable = level is not None
            done = done or meets(comparator, level, value)
        elif report.value is not None:
            comparable = False  # a number reported against a target that has none
    end = _d(deadline)
    days_left = (end - as_of).days if end is not None else None
    expected = expected_fraction(path_start, deadline, as_of)
    progress: Optional[float] = 1.0 if done else None
    behind = False
    if not done and report is not None:
        if level is not None:
            progress = progress_fraction(comparator, level, value)
        if progress is not None:
            behind = expected is not None and progress < expected - EPS_PATH
        elif report.state == "受阻":
            behind = True
        elif report.state == "未启动":
            behind = expected is not None and expected > 0
    late = bool(done and end is not None and report is not None and _d(report.date) > end)
    if done:
        status = "done"
    elif days_left is None:
        status = "on_track" if report is not None else "no_data"
    elif days_left < 0:
        status = "overdue"
    elif days_left <= window_days:
        status = "at_risk" if report is None or behind else "due_soon"
    else:
        status = "on_track" if report is not None else "no_data"
    return Judgement(status, done, late, days_left, expected, progress, behind, comparable)


def most_urgent(statuses: Iterable[str]) -> Optional[str]:
    """The most urgent status in STATUS_ORDER (None for no statuses)."""
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    best: Optional[str] = None
    for s in statuses:
        if best is None or rank[s] < rank[best]:
            best = s
    return best
