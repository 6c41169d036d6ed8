"""The intent registry: each kind of question is a handler registered by name, with the rule that recognises it and a
priority among the rules.

Why a registry: handlers live in small modules of their own (chat/handlers/*), new kinds of questions are added by
registering one more handler, and a test snapshots the registry (names, order) so that a change in which rule wins is
a visible change. Rules read only slots (chat.slots): the frame signals of the question, its units, clause
references, time and topic words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Optional

from .catalog import Catalog
from .render import Result
from .slots import Slots

__all__ = ["Ctx", "Intent", "INTENTS", "intent", "classify", "handler"]


@dataclass
class Ctx:
    """What a handler gets: the store (for SPARQL), the document's catalog, the slots, the as-of date, and the
    previous turn's focus (ids it was about) for follow-ups."""
    store: Any
    cat: Catalog
    slots: Slots
    as_of: date
    prev_focus: Optional[dict[str, Any]] = None


Handler = Callable[[Ctx], Result]
Rule = Callable[[Slots], bool]


@dataclass(frozen=True)
class Intent:
    name: str
    priority: int  # lower runs first
    rule: Rule
    handler: Handler
    doc: str


INTENTS: dict[str, Intent] = {}


def intent(name: str, priority: int, rule: Rule) -> Callable[[Handler], Handler]:
    """Register `handler` for questions of kind `name` recognised by `rule`."""
    def deco(fn: Handler) -> Handler:
        INTENTS[name] = Intent(name, priority, rule, fn, (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "")
        return fn
    return deco


def _load() -> None:
    from . import handlers  # noqa: F401  (registers every handler)


def classify(slots: Slots) -> str:
    """The name of the first intent (by priority) whose rule accepts the slots; "open" otherwise."""
    _load()
    for it in sorted(INTENTS.values(), key=lambda i: (i.priority, i.name)):
        if it.name != "open" and it.rule(slots):
            return it.name
    return "open"


def handler(name: str) -> Handler:
    _load()
    return INTENTS[name].handler
