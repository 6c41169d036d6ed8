"""Plain data of the tracker: a progress report, milestone states, statuses, and the date rules of user input.

Why a module of its own: the writer, the reader, the status rules, the importer and the CLI all speak about the same
report and the same status words; keeping them here (no RDF, no store) means the rules are tested on plain values and
the Chinese labels are written once.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from extract.errors import InputError

__all__ = ["Report", "STATES", "STATE_DONE", "STATUSES", "STATUS_LABELS", "STATUS_ORDER", "SCHEMA_REPORT",
           "SCHEMA_OVERDUE", "DEFAULT_WINDOW_DAYS", "parse_date", "parse_as_of", "DateLike"]

SCHEMA_REPORT = "policykg.report/1"
SCHEMA_OVERDUE = "policykg.overdue/1"

#: Milestone states a unit can report, in the order a milestone normally moves through them.
STATES = ("未启动", "推进中", "已完成", "受阻")
STATE_DONE = "已完成"

#: Every status the tracker computes, most urgent first (the order the app and the roll-up of a task use).
STATUS_ORDER = ("overdue", "at_risk", "due_soon", "on_track", "no_data", "done")
STATUSES = frozenset(STATUS_ORDER)
STATUS_LABELS = {"overdue": "已逾期", "at_risk": "有风险", "due_soon": "临近到期", "on_track": "正常",
                 "no_data": "无数据", "done": "已完成"}

#: "Due soon" / "at risk" look this many days ahead of the as-of date.
DEFAULT_WINDOW_DAYS = 90

DateLike = Union[str, _dt.date, _dt.datetime]

_DATE_FORMS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


def parse_date(value: DateLike, what: str = "日期") -> _dt.date:
    """A calendar date from user input: ISO `YYYY-MM-DD` (also `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, or a date/
    datetime object, e.g. an Excel cell). Anything else, or a day that does not exist (2025-02-29), → InputError
    that names the field and the expected form."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip() if value is not None else ""
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]00:00(:00)?$", text):  # a date cell exported as text with a midnight time
        text = text[:10]
    for form in _DATE_FORMS:
        m = form.match(text)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise InputError(f"{what} {text} 不是有效日期（该日不存在）；请用 YYYY-MM-DD，如 2025-06-30") from None
    raise InputError(f"{what} {text or '（空）'} 格式不对；请用 YYYY-MM-DD，如 2025-06-30")


def parse_as_of(value: Optional[DateLike]) -> _dt.date:
    """The as-of date of a status question; None means today (local time)."""
    return _dt.date.today() if value is None or value == "" else parse_date(value, "截止日期（as-of）")


@dataclass
class Report:
    """One progress report, as stored (append-only) in the progress graph.

    `subject` is the target id (`3.1.1/1`) or, for a task-level report, the task id (`subject_kind` says which).
    `date` is the day the value or state refers to; `reported_at` is when it was recorded (UTC, ISO, microseconds),
    and decides between two reports of the same day. `seq` orders the rows of one imported file."""
    id: str
    doc: str
    subject: str
    subject_kind: str  # "target" | "task"
    date: str
    by: str
    reported_at: str
    value: Optional[float] = None
    unit: Optional[str] = None
    state: Optional[str] = None
    note: Optional[str] = None
    source: str = "manual"  # "manual" | "import"
    source_file: Optional[str] = None
    source_row: Optional[int] = None
    seq: int = 0
    baseline: Optional[float] = None
    supersedes: list[str] = field(default_factory=list)
    superseded_by: list[str] = field(default_factory=list)  # filled by readers, never stored on this report

    def sort_key(self) -> tuple[str, str, int, str]:
        """Later wins: value date, then recording time, then file row, then id (total and stable)."""
        return (self.date, self.reported_at, self.seq, self.id)

    def to_contract(self) -> dict[str, Any]:
        """The `policykg.report/1` object (contract fields first; the rest are additive)."""
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return {"schema": SCHEMA_REPORT, "id": self.id, "target": self.subject, "value": value, "unit": self.unit,
                "state": self.state, "date": self.date, "by": self.by, "reported_at": self.reported_at,
                "doc": self.doc, "kind": self.subject_kind, "note": self.note, "source": self.source,
                "source_file": self.source_file, "source_row": self.source_row, "baseline": self.baseline,
                "supersedes": list(self.supersedes), "superseded_by": list(self.superseded_by)}

    def brief(self) -> dict[str, Any]:
        """The short form used as `last_report` in status rows."""
        d = self.to_contract()
        return {k: d[k] for k in ("id", "value", "unit", "state", "date", "by", "reported_at", "note")}
