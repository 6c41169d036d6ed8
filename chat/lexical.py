"""Lexical evidence: which words of a question name its topic, how telling each one is, and how much of them a passage
of the plan covers.

Why coverage and not only a ranking score: a ranking always has a winner, but "风电装机容量要达到多少？" must be
answered "the plan gives no such target" although 装机容量 is in the plan. So the topic words of a question are
weighted by how rare they are in this document (a word the document never uses weighs most), and an answer is given
only when one passage covers most of that weight. The decision is the same for every question type.

Topic words ("chunks") are jieba tokens without frame words (`哪些`, `牵头`…), merged back into the longest runs that
the document itself contains (`非化石能源`, `应装尽装`, `公共机构`), so that the units of meaning are the plan's.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .text import FRAME_WORDS, HAN, cut, norm

__all__ = ["TermIndex", "Coverage"]

# frame words that end many domain terms (公共机构, 重点用能单位): kept at the end of a merged run
_TERM_TAILS = frozenset({"机构", "单位", "部门", "中心", "体系", "水平", "目标"})
# question words glued to a measure word by the segmenter (几座, 多大面积, 哪天前): never topic words
_QUESTION_WORDS = re.compile(r"上限|下限|百分之几|多大|多少|多高|多长|几[个座家辆种条项所处位名成月号]?|哪一?[天年个家位]|什么|为何|"
                             r"这一块|那一块|这一节|那一节|这部分|那部分")


@dataclass(frozen=True)
class Coverage:
    score: float  # weighted share of the question's topic words found, 0..1
    missing: tuple[str, ...]  # topic words not found at all


class TermIndex:
    """Document-frequency statistics of one document's passages (normalised texts)."""

    def __init__(self, passages: Sequence[str], document_text: str) -> None:
        self.passages = [norm(p) for p in passages]
        self.doc = norm(document_text)
        self.n = max(1, len(self.passages))
        self._df: dict[str, int] = {}
        self._sub: dict[str, tuple[list[str], int]] = {}

    # ------------------------------------------------------------------ chunks
    def chunks(self, text: str, drop: Iterable[str] = ()) -> list[str]:
        """Topic words of a question fragment, merged into the longest runs the document contains; chunks equal to
        one of `drop` (the issuer's place names: 嘉定, 上海市) are left out, but they still merge (嘉定新城)."""
        toks = self._resplit(cut(_QUESTION_WORDS.sub("，", norm(text))))
        frame = [t in FRAME_WORDS for t in toks]
        word = [bool(HAN.search(t)) or (t.isascii() and t.isalpha()) for t in toks]
        drop = set(drop)
        out: list[str] = []
        i = 0
        while i < len(toks):
            if frame[i] or not word[i]:
                i += 1
                continue
            # a run starts at a topic word and goes on, through frame words too (公共+机构, 重点用能+单位),
            # while the document contains the run; frame words at its end are trimmed (碳市场相关工作 → 碳市场)
            j = i + 1
            while j < len(toks) and word[j] and "".join(toks[i:j + 1]) in self.doc:
                j += 1
            k = j
            while k > i + 1 and frame[k - 1] and toks[k - 1] not in _TERM_TAILS:
                k -= 1
            best = "".join(toks[i:k])
            if (len(best) >= 2 or best.isascii()) and best not in drop:
                out.append(best)
            i = j
        return list(dict.fromkeys(out))

    def _resplit(self, toks: list[str]) -> list[str]:
        """Mend segmentation across a term's end: a token the document never contains (`比要` in `废钢比要提升`,
        `率要` in `履约率要达到`) gives its leading characters to the token before it while the document contains
        the join (`废钢比`, `履约率`); the rest stands alone (`要`, a frame word)."""
        out: list[str] = []
        for t in toks:
            if out and len(t) >= 2 and HAN.search(t) and t not in self.doc:
                k = next((k for k in range(len(t) - 1, 0, -1) if out[-1] + t[:k] in self.doc), 0)
                if k:
                    out += [t[:k], t[k:]]
                    continue
            out.append(t)
        return out

    # ------------------------------------------------------------------ weights
    def df(self, chunk: str) -> int:
        if chunk not in self._df:
            self._df[chunk] = sum(1 for p in self.passages if chunk in p)
        return self._df[chunk]

    def weight(self, chunk: str) -> float:
        """Inverse document frequency over passages; a chunk the document never uses weighs most."""
        return math.log(1.0 + self.n / (self.df(chunk) + 0.5))

    def _parts(self, chunk: str) -> tuple[list[str], int]:
        """Sub-words of a chunk (≥2 characters) and how many of its characters are not frame words."""
        if chunk not in self._sub:
            toks = cut(chunk)
            content = sum(len(t) for t in toks if t not in FRAME_WORDS)
            self._sub[chunk] = ([t for t in toks if len(t) >= 2 and t != chunk and t not in FRAME_WORDS], content)
        return self._sub[chunk]

    def credit(self, chunk: str, passage: str) -> float:
        """1 if the passage contains the chunk; else the share of the chunk its own sub-words cover, each weighted by
        its rarity (非化石能源 against a passage with only 能源 earns little: 化石 is what tells)."""
        if chunk in passage:
            return 1.0
        parts, content = self._parts(chunk)
        if not parts or not content:
            return 0.0
        rest = max(0, content - sum(len(p) for p in parts))
        denom = sum(self.weight(p) * len(p) for p in parts) + self.weight(chunk) * rest
        numer = sum(self.weight(p) * len(p) for p in parts if p in passage)
        return 0.85 * numer / denom if denom else 0.0

    @staticmethod
    def _halves(chunk: str, passage: str) -> float:
        """0.85 when the passage holds both halves of a merged chunk apart (`碳排放权交易` … `市场` for
        `碳排放权交易市场`): a run merged because the document once writes it whole is still asked about where the
        document writes its parts. Halves of at least 2 characters and at least 4 together, else 0."""
        if len(chunk) < 4:
            return 0.0
        for k in range(len(chunk) - 2, 1, -1):
            if chunk[:k] in passage and chunk[k:] in passage:
                return 0.85
        return 0.0

    # ------------------------------------------------------------------ coverage
    def coverage(self, chunks: Sequence[str], passage: str, context: Optional[str] = None,
                 context_weight: float = 0.6, boost: Optional[dict[str, float]] = None,
                 halves: bool = False) -> Coverage:
        """How much of the weighted chunks `passage` covers; `context` (text around the passage) counts at
        `context_weight` for the chunks the passage itself lacks. `boost` multiplies some chunks' weights. With
        `halves`, a chunk whose two halves the passage holds apart earns 0.85 (for whole clauses, where the parts of
        a topic are often written apart; not for one target's quote, where that would blur which number is meant)."""
        if not chunks:
            return Coverage(0.0, ())
        p = norm(passage)
        c = norm(context) if context else ""
        total = got = 0.0
        missing = []
        for ch in chunks:
            w = self.weight(ch) * (boost or {}).get(ch, 1.0)
            total += w
            cr = self.credit(ch, p)
            if cr < 1.0 and halves:
                cr = max(cr, self._halves(ch, p))
            if cr < 1.0 and c:
                cr = max(cr, context_weight * self.credit(ch, c))
            got += w * cr
            if cr == 0.0:
                missing.append(ch)
        return Coverage(got / total if total else 0.0, tuple(missing))
