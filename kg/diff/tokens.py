"""Word-level comparison: jieba tokens of the normal form, each carrying its span in the canonical text.

Why tokens of the normal form with raw spans: a word-level diff is what a reader wants in a redline (`<del>大力</del>
<ins>全力</ins>发展`, not a character soup), and jieba is the segmenter the rest of the project uses. Tokenising the
normal form (normalize.py) means that `2025 年` and `2025年`, `,` and `，` give the same tokens, so formatting never
shows up as an edit; the span of each token points back into the canonical text so an edit can be quoted and rendered
exactly as each version writes it.
"""
from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from .normalize import normalize_with_map

__all__ = ["Tok", "Hunk", "tokenize", "hunks", "token_ratio", "SENTENCE_END"]

SENTENCE_END = frozenset("。;!?；！？")  # not line ends: a reflowed line is formatting


@dataclass(frozen=True)
class Tok:
    text: str  # normal form
    start: int  # span in the canonical text
    end: int


@dataclass(frozen=True)
class Hunk:
    """One non-equal run of a token diff: tokens a[a0:a1] became b[b0:b1]."""
    tag: str  # replace | delete | insert
    a0: int
    a1: int
    b0: int
    b1: int


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def tokenize(raw: str, base: int = 0) -> list[Tok]:
    """jieba tokens (HMM off: deterministic, dictionary words only) of the normal form of `raw`; spans offset by base."""
    norm, index = normalize_with_map(raw, base)
    if not norm:
        return []
    out: list[Tok] = []
    for word, s, e in _jieba().tokenize(norm, HMM=False):
        out.append(Tok(word, index[s], index[e - 1] + 1))
    return out


def hunks(a: Sequence[Tok], b: Sequence[Tok]) -> list[Hunk]:
    """The non-equal runs of the token diff of a and b (difflib, no junk heuristic).

    A pure deletion or insertion can often sit at several places with the same result (`XY|XZ` deleting `XY` or
    `YX`); difflib picks one arbitrarily, sometimes straddling a sentence end. Such a run is slid, within the equal
    text around it, to start at a sentence start (else to end on a sentence end), so that a deleted or added sentence
    reads as that sentence and is grouped with it.
    """
    sm = difflib.SequenceMatcher(None, [t.text for t in a], [t.text for t in b], autojunk=False)
    ops = sm.get_opcodes()
    out = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        if tag in ("delete", "insert"):
            seq, lo, hi = (a, i1, i2) if tag == "delete" else (b, j1, j2)
            room_left = (ops[n - 1][2] - ops[n - 1][1]) if n and ops[n - 1][0] == "equal" else 0
            room_right = (ops[n + 1][2] - ops[n + 1][1]) if n + 1 < len(ops) and ops[n + 1][0] == "equal" else 0
            k = _best_shift(seq, lo, hi, room_left, room_right)
            i1, i2, j1, j2 = i1 + k, i2 + k, j1 + k, j2 + k
        out.append(Hunk(tag, i1, i2, j1, j2))
    return out


def _best_shift(seq: Sequence[Tok], lo: int, hi: int, room_left: int, room_right: int) -> int:
    left = 0
    while left < room_left and seq[lo - left - 1].text == seq[hi - left - 1].text:
        left += 1
    right = 0
    while right < room_right and seq[lo + right].text == seq[hi + right].text:
        right += 1
    shifts = sorted(range(-left, right + 1), key=abs)
    for k in shifts:
        if lo + k == 0 or seq[lo + k - 1].text in SENTENCE_END:
            return k
    for k in shifts:
        if seq[hi + k - 1].text in SENTENCE_END:
            return k
    return 0


def token_ratio(a: Iterable[Tok], b: Iterable[Tok]) -> float:
    """Share of tokens in common (difflib ratio), 1.0 for identical token sequences."""
    ta, tb = [t.text for t in a], [t.text for t in b]
    if ta == tb:
        return 1.0
    return difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio()
