"""The comparable items of one plan version: every section and every task, with its own text and its targets.

Why a separate view over the PlanRecord: the diff compares *what an item says*, not where the extractor cut it. So an
item's text starts after its number label (a renumbered task must not look reworded), a section's text is only its own
heading and lead-in paragraph (not its children, which are items of their own), and each item knows where its
responsibility annotation sits (changes there are reported as responsible-unit changes, never as wording).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from extract.record import PlanRecord, Target, UnitRef

from .normalize import normalize

__all__ = ["Item", "build_items", "ordinal"]


@dataclass
class Item:
    kind: str  # "section" | "task"
    id: str
    parent: Optional[str]  # parent section id ("" / None at the top)
    number: str  # numbering as written
    title: str
    start: int  # offset in the canonical text where the item's own text starts (after the number label)
    end: int
    title_span: Optional[tuple[int, int]]
    unit_span: Optional[tuple[int, int]] = None
    unit_text: Optional[str] = None
    units: list[UnitRef] = field(default_factory=list)
    deadline: Optional[str] = None
    deadline_text: Optional[str] = None
    targets: list[Target] = field(default_factory=list)
    level: int = 0
    order: int = 0  # position among all items of its kind in document order
    raw: str = ""
    norm: str = ""
    title_norm: str = ""

    @property
    def label(self) -> str:
        """Id and title, for summaries."""
        return f"{self.id} {self.title}".strip()


def ordinal(item_id: str) -> str:
    """The last component of a dotted id ("3.1.4" → "4"): the item's number within its parent."""
    return item_id.rsplit(".", 1)[-1]


def _skip_number(text: str, start: int, number: str) -> int:
    if number and text.startswith(number, start):
        start += len(number)
    while start < len(text) and text[start] in " \t\u3000":
        start += 1
    return start


def build_items(record: PlanRecord) -> tuple[list[Item], list[Item]]:
    """(sections, tasks) of a record as Items, each in document order."""
    text = record.text
    by_task: dict[str, list[Target]] = {}
    for g in record.targets:
        by_task.setdefault(g.task, []).append(g)
    starts = sorted({x.span[0] for x in record.sections} | {t.span[0] for t in record.tasks})

    sections: list[Item] = []
    for i, s in enumerate(record.sections):
        # own text: from the heading to the next heading of any kind (its first child, or the next section); a
        # record rebuilt from contract JSON has no body_span, so this must not depend on it
        k = bisect_right(starts, s.span[0])
        end = starts[k] if k < len(starts) else len(text)
        if s.body_span:
            end = min(end, s.body_span[1])
        end = max(end, s.span[1])
        while end > s.span[0] and text[end - 1].isspace():
            end -= 1
        start = _skip_number(text, s.span[0], s.number)
        title_span = (start, start + len(s.title)) if s.title and text.startswith(s.title, start) else None
        sections.append(_finish(Item("section", s.id, s.parent, s.number, s.title, start, max(start, end), title_span,
                                     targets=by_task.get(s.id, []), level=s.level, order=i), text))
    tasks: list[Item] = []
    for i, t in enumerate(record.tasks):
        start = _skip_number(text, t.span[0], t.number)
        tasks.append(_finish(Item("task", t.id, t.section, t.number, t.title, start, max(start, t.span[1]),
                                  t.title_span, unit_span=t.unit_span, unit_text=t.unit_text, units=list(t.units),
                                  deadline=t.deadline, deadline_text=t.deadline_text, targets=by_task.get(t.id, []),
                                  level=t.id.count("."), order=i), text))
    return sections, tasks


def _finish(item: Item, text: str) -> Item:
    item.raw = text[item.start:item.end]
    item.norm = normalize(item.raw)
    item.title_norm = normalize(item.title)
    return item
