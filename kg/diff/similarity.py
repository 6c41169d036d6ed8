"""Similarity matrices between two lists of texts: character n-gram TF-IDF cosine, and sentence-embedding cosine.

Why character n-grams first: Chinese plan revisions mostly keep their wording and change numbers, names and a few
phrases, and a character bigram profile sees that without a segmenter, deterministically and in milliseconds (a sparse
product). IDF over both versions down-weights the boilerplate every task shares (`推进`, `加快`, `绿色低碳`), so two
unrelated tasks score low. Embeddings add the paraphrase signal n-grams miss (`智慧能源管理` ~ `能源数字化转型`); m3e
cosines crowd into 0.8–1.0 for any two policy sentences, so they are rescaled from that floor and only ever weighted as
a minority of the score.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

import numpy as np
from scipy import sparse

__all__ = ["ngram_cosine", "embedding_cosine", "mask_digits", "EMBED_FLOOR"]

EMBED_FLOOR = 0.85  # m3e cosine below which two policy texts are treated as unrelated
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def mask_digits(text: str) -> str:
    """Replace every number by '#' (a changed value must not make a quote look like another one)."""
    return _DIGITS.sub("#", text)


@lru_cache(maxsize=200_000)
def _grams(text: str, ns: tuple[int, ...]) -> Counter[str]:
    """Character n-gram counts (cached: the same texts are compared on several passes)."""
    c: Counter[str] = Counter()
    for n in ns:
        if len(text) < n:
            continue
        c.update(text[i:i + n] for i in range(len(text) - n + 1))
    return c


_VOCAB: dict[str, int] = {}  # n-gram → global id, shared by every call in the process


@lru_cache(maxsize=200_000)
def _profile(text: str, ns: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(global n-gram ids, counts) of a text; texts too short for the largest n fall back to unigrams."""
    c = _grams(text, ns) or _grams(text, (1,))
    ids = np.fromiter((_VOCAB.setdefault(g, len(_VOCAB)) for g in c), dtype=np.int64, count=len(c))
    tf = np.fromiter(c.values(), dtype=np.float64, count=len(c))
    return ids, tf


def ngram_cosine(a: Sequence[str], b: Sequence[str], ns: Sequence[int] = (2,)) -> np.ndarray:
    """TF-IDF cosine of character n-gram profiles, shape (len(a), len(b)); IDF is fitted on a+b together.

    Sublinear TF (1 + log tf) and smoothed IDF (log((1+N)/(1+df)) + 1), rows L2-normalised; built with numpy from
    cached per-text profiles, so comparing hundreds of tasks costs a sparse product, not a Python loop per n-gram.
    """
    if not a or not b:
        return np.zeros((len(a), len(b)))
    ns = tuple(ns)
    profs = [_profile(t, ns) for t in list(a) + list(b)]
    n_docs = len(profs)
    lengths = np.fromiter((len(p[0]) for p in profs), dtype=np.int64, count=n_docs)
    if not lengths.sum():
        return np.zeros((len(a), len(b)))
    ids = np.concatenate([p[0] for p in profs])
    tf = np.concatenate([p[1] for p in profs])
    uniq, local = np.unique(ids, return_inverse=True)
    df = np.bincount(local, minlength=len(uniq))
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    vals = (1.0 + np.log(tf)) * idf[local]
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    m = sparse.csr_matrix((vals, local, indptr), shape=(n_docs, len(uniq)))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = sparse.diags(1.0 / norms) @ m
    left, right = m[:len(a)], m[len(a):]
    return np.asarray((left @ right.T).todense())


def embedding_cosine(a: Sequence[str], b: Sequence[str], floor: float = EMBED_FLOOR) -> np.ndarray:
    """Embedding cosine rescaled from `floor` to 1 into [0, 1].

    Raises chat.embed.EmbeddingUnavailable when no model is configured or it fails to load or run.
    """
    from chat.embed import EmbeddingUnavailable, encode

    if not a or not b:
        return np.zeros((len(a), len(b)))
    try:
        vecs = encode(list(a) + list(b))
    except EmbeddingUnavailable:
        raise
    except Exception as exc:  # a model that cannot load or run (missing package, corrupt files): say so, fall back
        raise EmbeddingUnavailable(f"语义向量模型无法使用：{type(exc).__name__}: {exc}") from exc
    cos = vecs[:len(a)] @ vecs[len(a):].T
    return np.clip((cos - floor) / (1.0 - floor), 0.0, 1.0)
