"""Questions in Chinese → cited answers from the knowledge graph (issue "Ask").

Public API (everything else in this package is private implementation):
    answer(question, store, doc=None, as_of=None, session=None) -> dict   the `policykg.answer/1` JSON object
    Session                                                              a conversation, for follow-up questions
    INTENTS                                                              the registry of question kinds (name → Intent)
    register_status_provider(name, fn)                                   the hook through which tracking decides status
"""
from __future__ import annotations

from .answer import SCHEMA, answer
from . import handlers as _handlers  # noqa: F401  (fills INTENTS)
from .intents import INTENTS
from .session import Session
from .status import register_status_provider

__all__ = ["answer", "Session", "INTENTS", "SCHEMA", "register_status_provider"]
