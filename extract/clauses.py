"""Sentences and clauses with spans: the units that targets are cut from.

Splitting respects brackets and quotes, so `(含撬装站)` or `“能建尽建、应建尽建”` never splits a clause.
"""
from __future__ import annotations

SENT_END = "。;!?\n"
CLAUSE_END = ",:"
_OPEN, _CLOSE = "(“[‘《", ")”]’》"
_QUOTES = "“‘\""
#: a quote still open this many characters later at a sentence end lost its closer (OCR writes `“回头看"` with an ASCII
#: quote, or drops it): the sentence ends there anyway, as it did when every line ended one
MAX_QUOTE = 60


def split(shadow: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Pieces of [start, end) between separators, never cut inside brackets or quotes (a line break always cuts: a
    wrapped line is already a space in the shadow, see reflow.py)."""
    out, s = [], start
    opened: list[tuple[str, int]] = []  # open brackets/quotes and where
    for i in range(start, end):
        c = shadow[i]
        if c == '"':  # an ASCII quote closes an open “, else opens one
            if opened and opened[-1][0] in _QUOTES:
                opened.pop()
            else:
                opened.append((c, i))
            continue
        if c in _OPEN:
            opened.append((c, i))
            continue
        if c in _CLOSE:
            if opened:
                opened.pop()
            continue
        if c not in seps:
            continue
        if c == "\n":
            opened = []
        while opened and opened[-1][0] in _QUOTES and c in SENT_END and i - opened[-1][1] > MAX_QUOTE:
            opened.pop()
        if not opened:
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return [(a, b) for a, b in (trim(shadow, a, b) for a, b in out) if b > a]


def trim(shadow: str, s: int, e: int) -> tuple[int, int]:
    while s < e and shadow[s] in " \t,、":
        s += 1
    while e > s and shadow[e - 1] in " \t,、":
        e -= 1
    return s, e


def sentences(shadow: str, start: int, end: int) -> list[tuple[int, int]]:
    return split(shadow, start, end, SENT_END)


def clauses(shadow: str, start: int, end: int) -> list[tuple[int, int]]:
    return split(shadow, start, end, CLAUSE_END)
