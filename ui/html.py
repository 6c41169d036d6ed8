"""Escaping and the few HTML fragments the pages share (status badges, highlighted quotes).

Why one module: every label that comes from a document, an upload or a user (unit names, quotes, notes) is escaped
here before it reaches `st.markdown(..., unsafe_allow_html=True)`, so an uploaded plan that contains `<script>` shows
as text. Markdown-only output goes through `md()`, which escapes Markdown's own syntax characters.
"""
from __future__ import annotations

import html
import re
from typing import Optional

from ui.pages_data.status import STATUS_LABELS, STATUS_ORDER  # the tracker's order and words

__all__ = ["esc", "md", "STATUS_LABELS", "STATUS_COLORS", "status_label", "badge", "highlight", "STATUS_ORDER"]

STATUS_COLORS: dict[str, str] = {
    "overdue": "#d62728", "at_risk": "#ff7f0e", "due_soon": "#e6b800", "on_track": "#1f77b4", "done": "#2ca02c",
    "no_data": "#8c8c8c", "none": "#bdbdbd",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~$])")  # (< > & are HTML-escaped first)


def esc(text: object) -> str:
    """HTML-escape any value (None → empty)."""
    return html.escape("" if text is None else str(text), quote=True)


def md(text: object) -> str:
    """Text safe to embed in Markdown: HTML-escaped and Markdown syntax characters backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def status_label(status: Optional[str]) -> str:
    return STATUS_LABELS.get(status or "none", status or "")


def badge(status: Optional[str]) -> str:
    """A coloured pill for a status."""
    key = status or "none"
    color = STATUS_COLORS.get(key, "#8c8c8c")
    return (f'<span style="background:{color};color:#fff;border-radius:0.6em;padding:0.05em 0.55em;'
            f'font-size:0.8em;white-space:nowrap">{esc(status_label(key))}</span>')


def highlight(paragraph: str, start: int, end: int) -> str:
    """The paragraph, escaped, with [start, end) marked; line breaks kept."""
    start = max(0, min(start, len(paragraph)))
    end = max(start, min(end, len(paragraph)))
    body = esc(paragraph[:start]) + "<mark>" + esc(paragraph[start:end]) + "</mark>" + esc(paragraph[end:])
    return body.replace("\n", "<br>")
