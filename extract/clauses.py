"""Sentences and clauses with spans: the units that targets are cut from.

Splitting respects brackets and quotes, so `(含撬装站)` or `“能建尽建、应建尽建”` never splits a clause.
"""
from __future__ import annotations

SENT_END = "。;!?\n"
CLAUSE_END = ",:"
_OPEN, _CLOSE = "(“[‘《", ")”]’》"


def split(shadow: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    out, depth, s = [], 0, start
    for i in range(start, end):
        c = shadow[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif c in seps and (depth == 0 or c == "\n"):
            depth = 0 if c == "\n" else depth
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
