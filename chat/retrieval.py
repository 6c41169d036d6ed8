"""Hybrid retrieval over a document's citable sentences: BM25 over jieba tokens plus dense sentence embeddings.

Why hybrid: officials paraphrase (`财税政策` for `税收优惠政策`, `专项资金`), which only embeddings bridge, while exact
terms (`PUE`, `加氢站`) are best matched lexically. Ranking fuses both (each scaled to 0..1 within the question);
whether anything relevant was found at all is decided lexically elsewhere (chat.lexical coverage), because a
similarity score always has a nearest neighbour.

The index is built once per document version and kept in memory; sentence vectors come from chat.embed, which caches
them on disk by (model, text), so a new process and a re-asked question never re-encode the document. Without an
embedding model (none installed) retrieval is BM25 only.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Iterable, Optional

import numpy as np

from .catalog import Catalog, Passage
from .text import FRAME_WORDS, HAN, cut, norm

__all__ = ["Scored", "Index", "index_for", "search", "tokens"]

BM25_WEIGHT = 0.5


@dataclass(frozen=True)
class Scored:
    passage: Passage
    score: float  # fused 0..1
    bm25: float  # scaled 0..1
    dense: float  # scaled 0..1 (0 without a model)


def tokens(text: str) -> list[str]:
    """BM25 tokens: jieba words that are not frame words, Han words of ≥2 characters or Latin words (PUE, 5G)."""
    out = []
    for t in cut(text):
        if t in FRAME_WORDS:
            continue
        if (HAN.search(t) and len(t) >= 2) or (t.isascii() and t.isalnum() and not t.isdigit()):
            out.append(t)
    return out


class Index:
    """BM25 and (lazily) dense vectors of one document version's passages."""

    def __init__(self, cat: Catalog) -> None:
        from rank_bm25 import BM25Okapi
        self.passages = cat.passages
        self._tok = [tokens(p.text) or ["∅"] for p in self.passages]
        self.bm25 = BM25Okapi(self._tok)
        self._dense: Optional[np.ndarray] = None
        self._dense_failed = False
        self._lock = threading.Lock()

    def dense(self) -> Optional[np.ndarray]:
        """Passage vectors (computed on first use; cached on disk by chat.embed), or None without a model."""
        with self._lock:
            if self._dense is None and not self._dense_failed:
                try:
                    from .embed import EmbeddingUnavailable, encode
                    try:
                        self._dense = encode([norm(p.text) for p in self.passages])
                    except EmbeddingUnavailable:
                        self._dense_failed = True
                except ImportError:
                    self._dense_failed = True
            return self._dense

    def search(self, query_tokens: list[str], query_text: str, owners: Optional[set[str]] = None,
               use_dense: bool = True) -> list[Scored]:
        idx = [i for i, p in enumerate(self.passages) if owners is None or p.owner in owners]
        if not idx or not query_tokens:
            return []
        raw = self.bm25.get_scores(query_tokens)
        b = np.array([max(0.0, raw[i]) for i in idx])
        b = b / b.max() if b.max() > 0 else b
        d = np.zeros(len(idx))
        mat = self.dense() if use_dense else None
        if mat is not None:
            from .embed import encode
            qv = encode([norm(query_text)])[0]
            cos = mat[idx] @ qv
            lo, hi = float(np.median(cos)), float(cos.max())
            d = np.clip((cos - lo) / (hi - lo), 0.0, 1.0) if hi > lo else np.zeros(len(idx))
            fused = BM25_WEIGHT * b + (1 - BM25_WEIGHT) * d
        else:
            fused = b
        out = [Scored(self.passages[i], float(f), float(bb), float(dd)) for i, f, bb, dd in zip(idx, fused, b, d)]
        out.sort(key=lambda s: -s.score)
        return out


_cache: dict[tuple[str, str], Index] = {}
_lock = threading.Lock()


def index_for(cat: Catalog) -> Index:
    key = (cat.doc_id, cat.version)
    with _lock:
        if key not in _cache:
            for k in [k for k in _cache if k[0] == cat.doc_id]:
                del _cache[k]
            _cache[key] = Index(cat)
        return _cache[key]


def search(cat: Catalog, topic: Iterable[str], question: str, owners: Optional[set[str]] = None,
           use_dense: bool = True) -> list[Scored]:
    """Passages ranked for a question whose topic words are `topic`."""
    q_tokens: list[str] = []
    for chunk in topic:
        q_tokens.append(chunk)
        q_tokens.extend(t for t in tokens(chunk) if t != chunk)
    return index_for(cat).search(q_tokens, question, owners, use_dense)
