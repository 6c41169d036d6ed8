"""Conversation: a follow-up ("那2030年呢？", "其中哪些是牵头的？", "这项工作谁牵头？", "一共几条？") reuses the previous
turn's slots and what its answer was about.

Why slot merging rather than rewriting the question: the previous turn is already understood (its units, year,
section, topic words and the ids its answer cited), so a follow-up only has to say what changes. Two cases:
- pure ellipsis (no question word of its own: "那建管委呢？", "2030年呢？", "嘉定新城呢？"): the previous intent and
  slots stay, and whatever the follow-up names (unit, year, section, topic words) replaces or refines them;
- a new question word about the same thing ("什么时候要完成？", "这项工作谁牵头？", "一共几条？"): the new intent, about
  the previous answer's target or task (the handlers read `prev_focus`) or the previous scope.
A question that names its own topic and asks its own question is not a follow-up and is answered on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .slots import Slots

__all__ = ["Session", "Turn", "is_followup", "merge"]

STRONG = frozenset({"overdue", "due_soon", "count", "deadline", "lead_q", "co", "value"})
_CARRY = frozenset({"lead_only", "targets_word", "tasks_word"})


@dataclass
class Turn:
    question: str
    doc: Optional[str]
    intent: str
    slots: Slots
    focus: dict[str, Any]
    none: bool


@dataclass
class Session:
    """The turns of one conversation (pass the same Session to every `chat.answer` call of a dialogue)."""
    turns: list[Turn] = field(default_factory=list)
    max_turns: int = 20

    @property
    def last(self) -> Optional[Turn]:
        return self.turns[-1] if self.turns else None

    def record(self, turn: Turn) -> None:
        self.turns.append(turn)
        del self.turns[:-self.max_turns]

    def reset(self) -> None:
        self.turns.clear()


def is_followup(new: Slots) -> bool:
    """A question that refers back ("那…呢", "其中…", "这项…") or that asks without naming what about."""
    if "followup" in new.signals:
        return True
    own_subject = new.units or new.unknown_units or new.refs or new.topic or new.numbers
    return not own_subject


def merge(prev: Turn, new: Slots) -> tuple[Slots, Optional[str]]:
    """Slots for a follow-up, and the intent to keep (None: classify the merged slots)."""
    p = prev.slots
    strong = new.signals & STRONG
    if not strong:
        boost = dict(p.boost)
        topic = list(p.topic)
        if new.topic:
            for c in new.topic:
                boost[c] = 2.0
            topic = list(dict.fromkeys(topic + new.topic))
        time = new.time if (new.time.year or new.time.date or new.time.now) else p.time
        merged = p.copy(question=new.question,
                        units=new.units or ([] if new.unknown_units else p.units),
                        unknown_units=new.unknown_units if not new.units else [],
                        time=time, refs=new.refs or p.refs, numbers=new.numbers,
                        signals=(p.signals - {"followup", "within"}) | new.signals,
                        topic=topic, boost=boost)
        return merged, prev.intent
    signals = set(new.signals)
    units, refs, topic = new.units, new.refs, new.topic
    if not (new.units or new.unknown_units or new.refs or new.topic or new.numbers):
        signals.add("inherited")
        topic = list(p.topic)
        if "count" in strong:
            units, refs = p.units, p.refs
            signals |= p.signals & _CARRY
    merged = new.copy(units=units, refs=refs, topic=topic, time=new.time if new.time.year else p.time)
    return merged, None
