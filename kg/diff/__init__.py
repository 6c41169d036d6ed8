"""Diff: what changed between two versions of a plan (issue #5).

Public API (everything else in this package is private implementation):
    diff_records(old, new, use_embeddings=True) -> dict   the `policykg.diff/1` JSON object (contract README)
    render_text(diff) -> str                              a readable Chinese terminal summary
    render_html(diff, old, new) -> str                    a standalone HTML redline (structure nav + word-level diff)
    SCHEMA                                                "policykg.diff/1"

How it works, one module per idea: normalize (what counts as formatting), items (the comparable sections and tasks of
a record), similarity (character n-gram TF-IDF and embedding cosines), align (Hungarian assignment with a threshold:
sections, tasks, targets), typed (target level, deadline, responsible-unit changes), wording (word-level edits no
typed change explains, one per sentence), classify (status rule), core (orchestration and JSON), render_text,
render_html. Embeddings come from chat.embed (shared with retrieval); `use_embeddings=False` or a missing model falls
back to character n-grams, titles, numbering and units.
"""
from __future__ import annotations

from .core import SCHEMA, diff_records
from .render_html import render_html
from .render_text import render_text

__all__ = ["SCHEMA", "diff_records", "render_text", "render_html"]
