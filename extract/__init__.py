"""Extraction: a plan file → canonical text → sections, tasks, units, targets (a PlanRecord of plain data with spans).

Public API (everything else in this package is private implementation):
    load_text(path) -> LoadedText          canonical text of a .txt/.docx/.pdf/.html file (contract rules)
    extract_file(path, doc_id=None) -> PlanRecord
    extract_text(text, source=..., doc_id=None) -> PlanRecord
"""
from __future__ import annotations

from .errors import InputError
from .record import DocumentInfo, PlanRecord, Section, Target, Task, UnitRef, record_from_contract

__all__ = [
    "InputError", "DocumentInfo", "PlanRecord", "Section", "Target", "Task", "UnitRef", "record_from_contract",
    "LoadedText", "load_text", "extract_file", "extract_text",
]


def __getattr__(name: str):  # lazy: importing the package must stay cheap for the CLI's start-up
    if name in ("LoadedText", "load_text"):
        from . import loaders
        return getattr(loaders, name)
    if name in ("extract_file", "extract_text"):
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(name)
