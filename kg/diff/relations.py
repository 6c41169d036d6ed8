"""Tasks split, merged or rewritten into another: where the clauses of a new task came from.

Why: the alignment is one-to-one (each task has at most one counterpart), which is right for the plan's items but
silent about real revisions that merge two tasks into one or split one in two (征求意见稿 → 正式稿). Without this, a
task whose content went into another is shown as simply 删除, and half of a split task as simply 新增. So after the
alignment every clause (split at 。；！？) of a new task that is added or paired is traced to the old task that holds
most of its wording, and the traces that cross the alignment are reported:
- split: an old task paired with one new task also gave clauses to an *added* new task (3.3.12 → 3.3.2 + 3.3.3);
- merge: a *removed* old task gave clauses to a paired new task (3.1.1's 高耗能产业比重 sentence went into 3.1.3);
- derived: a removed old task gave clauses to an added new task (a rewrite the alignment left apart).
The one-to-one `pairs`, `added` and `removed` do not change (contract): these are annotations on them.

A trace needs a clause of ≥ 12 characters (not the title: titles share the plan's stock phrases), at least half of
whose bigram weight (IDF over both versions, digits masked, so `推进`/`加快` count little and a changed number does not
hide a copied sentence) is found in one old task, 0.2 more than in any other old task. On generated revisions of the
Jiading plan (tasks moved, reworded, replaced by tasks of other plans) no trace crosses the alignment at these values;
on Chengdu 2021 → 2022 the two real ones above are found.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
from scipy import sparse

from .items import Item
from .similarity import mask_digits

__all__ = ["trace_relations"]

_CLAUSE = re.compile(r"[。；;！？!?]")
_LABEL = re.compile(r"[(\[【〔]\s*(?:责任|牵头|配合|主责)")


def _drop_annotations(text: str) -> str:
    """The text without its bracketed responsibility annotations (nested brackets such as 各区(市)县 included)."""
    out, k = [], 0
    for m in _LABEL.finditer(text):
        if m.start() < k:
            continue
        out.append(text[k:m.start()])
        depth, i = 0, m.start()
        while i < len(text):
            depth += (text[i] in "([【〔") - (text[i] in ")]】〕")
            i += 1
            if depth == 0:
                break
        k = i
    out.append(text[k:])
    return "".join(out)
MIN_CLAUSE = 12
MIN_COVER = 0.5
MIN_MARGIN = 0.2


def _clauses(item: Item) -> list[str]:
    body = item.norm[len(item.title_norm):] if item.title_norm and item.norm.startswith(item.title_norm) else item.norm
    body = _drop_annotations(body)  # responsibility annotations are compared as units, not traced as content
    return [c for c in _CLAUSE.split(body) if len(c) >= MIN_CLAUSE]


def _bigrams(text: str) -> set[str]:
    t = mask_digits(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _matrix(sets: list[set[str]], vocab: dict[str, int], weight: np.ndarray) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, s in enumerate(sets):
        for g in s:
            j = vocab.get(g)
            if j is not None:
                rows.append(i)
                cols.append(j)
    vals = weight[cols] if cols else np.zeros(0)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(sets), len(vocab)))


def trace_relations(old: list[Item], new: list[Item], pairs: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Split / merge / derived relations between tasks (see module docstring), in new-document order."""
    if not old or not new:
        return []
    o2n = dict(pairs)
    n2o = {j: i for i, j in pairs}
    clauses: list[tuple[int, set[str]]] = [(j, _bigrams(c)) for j, it in enumerate(new) for c in _clauses(it)]
    if not clauses:
        return []
    old_sets = [_bigrams(it.norm) for it in old]
    new_sets = [_bigrams(it.norm) for it in new]
    df: dict[str, int] = {}
    for s in old_sets + new_sets:
        for g in s:
            df[g] = df.get(g, 0) + 1
    vocab = {g: k for k, g in enumerate(df)}
    n_docs = len(old_sets) + len(new_sets)
    idf = np.log((1.0 + n_docs) / (1.0 + np.fromiter(df.values(), dtype=float, count=len(df)))) + 1.0
    c_mat = _matrix([s for _, s in clauses], vocab, idf)
    o_mat = _matrix(old_sets, vocab, np.ones(len(vocab)))
    total = np.asarray(c_mat.sum(axis=1)).ravel()
    total[total == 0] = 1.0
    cover = np.asarray((c_mat @ o_mat.T).todense()) / total[:, None]
    traces: dict[tuple[int, int], int] = {}
    for k, (j, _) in enumerate(clauses):
        row = cover[k]
        order = np.argsort(-row)
        best = int(order[0])
        second = float(row[order[1]]) if len(order) > 1 else 0.0
        if row[best] >= MIN_COVER and row[best] - second >= MIN_MARGIN and n2o.get(j) != best:
            traces[(best, j)] = traces.get((best, j), 0) + 1
    splits: dict[int, list[int]] = {}
    merges: dict[int, list[int]] = {}
    derived: list[tuple[int, int]] = []
    for (i, j), _ in sorted(traces.items(), key=lambda x: (x[0][1], x[0][0])):
        if j not in n2o and i in o2n:
            splits.setdefault(i, [o2n[i]]).append(j)
        elif j in n2o and i not in o2n:
            merges.setdefault(j, [n2o[j]]).append(i)
        elif j not in n2o and i not in o2n:
            derived.append((i, j))
    out: list[tuple[int, dict[str, Any]]] = []
    for i, js in splits.items():
        out.append((min(js), {"type": "split", "old": old[i].id, "new": [new[j].id for j in sorted(js)],
                              "clauses": sum(traces.get((i, j), 0) for j in js)}))
    for j, is_ in merges.items():
        out.append((j, {"type": "merge", "old": [old[i].id for i in is_], "new": new[j].id,
                        "clauses": sum(traces.get((i, j), 0) for i in is_)}))
    for i, j in derived:
        out.append((j, {"type": "derived", "old": old[i].id, "new": new[j].id, "clauses": traces[(i, j)]}))
    return [r for _, r in sorted(out, key=lambda x: x[0])]
