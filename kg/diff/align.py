"""Aligning two versions: sections, then tasks, then targets, each one optimal assignment on a combined score.

Why one assignment per level rather than greedy best matches: numbering shifts, moves and rewording make many local
best-matches collide (two old tasks both "best" for one new task). The Hungarian method (scipy's
linear_sum_assignment) finds the one-to-one matching of maximal total score. Unmatched is a real option, not a
leftover: the cost matrix is padded so that leaving an old and a new item both unmatched costs exactly what a pair at
the threshold costs, so a pair is only made when it scores above the threshold, and two mediocre pairs never displace
one strong pair plus two honest additions/removals unless their total really is higher.

Scores (all in [0, 1]):
- task: 0.5 text (character-bigram TF-IDF cosine of the item text, numbers masked), 0.13 title, 0.15 embedding of
  title + opening, 0.12 context (same aligned parent section and same ordinal > same parent > same ordinal), 0.1
  responsible-unit overlap (the lead most). Without embeddings their weight goes to text and title. Threshold 0.28:
  unrelated tasks of other plans score ≤ 0.24 against the Jiading plan, reworked ones of the Chengdu revision ≥ 0.29.
  Then *successors*: a task left removed and one left added under the same (aligned) section pair at ≥ 0.2 — a
  heavily rewritten task that kept its place and topic (Jiangsu 2021 → 2022: 开展碳达峰专题培训 → 组织应对气候变化业务
  培训, 0.25). In generated revisions of the Jiading plan a removed task and an unrelated added one under the same
  section never scored above 0.13; in short-task plans (Chengdu) an unrelated replacement at the very same place can
  reach 0.26 and is then paired — a known limit: no text signal tells a rewrite from a replacement there.
- section: title, own text (heading + lead-in), numbering, embedding; on the second pass also the share of child tasks
  that the task alignment paired across the two sections (of the larger section's child count: a section whose title
  was reworded still holds its tasks, one task moving does not merge two sections). Sections only pair within the
  same level; a leftover section whose previous or next sibling is aligned to the other's (it kept its place) pairs
  at ≥ 0.15 (Jiangsu: 建立碳减排监测统计考核体系 → 完善碳排放统计监测体系).
- target (within an aligned task pair): quote with numbers masked, indicator, equal value, equal unit. Targets left
  over (their task was removed, added or the target migrated to another task) are then paired across the whole
  document only when their quotes are near-identical (≥ 0.8).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from extract.record import Target

from .items import Item, ordinal
from .normalize import normalize
from .similarity import embedding_cosine, mask_digits, ngram_cosine

__all__ = ["assign", "Alignment", "align_sections", "align_tasks", "align_targets", "TASK_THRESHOLD"]

TASK_THRESHOLD = 0.28
SUCCESSOR_THRESHOLD = 0.2
SANDWICH_THRESHOLD = 0.15
SECTION_THRESHOLD = 0.3
TARGET_THRESHOLD = 0.35
GLOBAL_TARGET_THRESHOLD = 0.8
_BIG = 1e6


def assign(score: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Maximum-score one-to-one matching of rows to columns that pairs nothing below `threshold`.

    The matrix is padded to (n+m)² with an "unmatched" option per row and per column costing (1-threshold)/2 each, so
    a pair (cost 1-score) beats leaving both sides unmatched exactly when score > threshold.
    """
    n, m = score.shape
    if n == 0 or m == 0:
        return []
    cost = np.full((n + m, m + n), _BIG)
    cost[:n, :m] = np.where(score > threshold, 1.0 - score, _BIG)
    half = (1.0 - threshold) / 2.0
    cost[np.arange(n), m + np.arange(n)] = half
    cost[n + np.arange(m), np.arange(m)] = half
    cost[n:, m:] = 0.0
    rows, cols = linear_sum_assignment(cost)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols) if i < n and j < m and score[i, j] > threshold)


@dataclass
class Alignment:
    """Index pairs (old, new) with their scores, and the unmatched indices on each side."""
    pairs: list[tuple[int, int]]
    scores: dict[tuple[int, int], float]
    removed: list[int]
    added: list[int]
    matrix: Optional[np.ndarray] = field(default=None, repr=False)

    @classmethod
    def from_matrix(cls, score: np.ndarray, threshold: float) -> "Alignment":
        pairs = assign(score, threshold)
        old_done = {i for i, _ in pairs}
        new_done = {j for _, j in pairs}
        return cls(pairs, {(i, j): float(score[i, j]) for i, j in pairs},
                   [i for i in range(score.shape[0]) if i not in old_done],
                   [j for j in range(score.shape[1]) if j not in new_done], score)

    @classmethod
    def from_pairs(cls, pairs: list[tuple[int, int]], score: np.ndarray) -> "Alignment":
        pairs = sorted(pairs)
        old_done = {i for i, _ in pairs}
        new_done = {j for _, j in pairs}
        return cls(pairs, {(i, j): float(score[i, j]) for i, j in pairs},
                   [i for i in range(score.shape[0]) if i not in old_done],
                   [j for j in range(score.shape[1]) if j not in new_done], score)

    def mapping(self, old: Sequence[Item], new: Sequence[Item]) -> dict[str, str]:
        """Old id → new id."""
        return {old[i].id: new[j].id for i, j in self.pairs}


def _embed_or_none(a: list[str], b: list[str], use_embeddings: bool) -> Optional[np.ndarray]:
    if not use_embeddings:
        return None
    return embedding_cosine(a, b)


def _task_embed_text(item: Item) -> str:
    return (item.title_norm + "。" + item.norm[len(item.title_norm):][:128]) if item.title_norm else item.norm[:160]


def align_sections(old: list[Item], new: list[Item], use_embeddings: bool,
                   task_pairs: Optional[list[tuple[Item, Item]]] = None,
                   emb: Optional[np.ndarray] = None,
                   children: Optional[tuple[dict[str, int], dict[str, int]]] = None
                   ) -> tuple[Alignment, Optional[np.ndarray]]:
    """Pair sections (same level only). Returns the alignment and the embedding matrix (to reuse on a second pass)."""
    if not old or not new:
        return Alignment.from_matrix(np.zeros((len(old), len(new))), SECTION_THRESHOLD), None
    title = ngram_cosine([s.title_norm for s in old], [s.title_norm for s in new], ns=(1, 2))
    body = ngram_cosine([mask_digits(s.norm) for s in old], [mask_digits(s.norm) for s in new])
    if emb is None:
        emb = _embed_or_none([s.title_norm or s.norm[:64] for s in old], [s.title_norm or s.norm[:64] for s in new],
                             use_embeddings)
    num = np.array([[1.0 if a.id == b.id else (0.5 if ordinal(a.id) == ordinal(b.id) else 0.0) for b in new]
                    for a in old])
    if emb is not None:
        score = 0.45 * title + 0.2 * body + 0.2 * emb + 0.15 * num
    else:
        score = 0.55 * title + 0.3 * body + 0.15 * num
    if task_pairs is not None:
        kids = _child_overlap(old, new, task_pairs, children or _count_children(task_pairs))
        has = kids >= 0
        score = np.where(has, 0.6 * score + 0.4 * np.clip(kids, 0, 1), score)
    level_ok = np.array([[a.level == b.level for b in new] for a in old])
    score = np.where(level_ok, score, 0.0)
    al = Alignment.from_matrix(score, SECTION_THRESHOLD)
    return _fill_sandwiched(al, old, new, score), emb


def _fill_sandwiched(al: Alignment, old: list[Item], new: list[Item], score: np.ndarray) -> Alignment:
    """Pair leftover sections that sit where an aligned neighbour says they should: same level, parents aligned, and
    the previous or the next sibling of one aligned to that of the other (a section whose title was rewritten keeps
    its place), at a lower threshold."""
    if not al.removed or not al.added:
        return al
    pairs = set(al.pairs)
    sib_old = _siblings(old)
    sib_new = _siblings(new)
    mapped = {old[i].id: new[j].id for i, j in pairs}
    extra = []
    for i in al.removed:
        a = old[i]
        for j in al.added:
            b = new[j]
            if a.level != b.level or mapped.get(a.parent or "", "") != (b.parent or "") or score[i, j] <= SANDWICH_THRESHOLD:
                continue
            pa, na = sib_old.get(a.id, (None, None))
            pb, nb = sib_new.get(b.id, (None, None))
            before = pa is not None and pb is not None and mapped.get(pa) == pb
            after = na is not None and nb is not None and mapped.get(na) == nb
            if before or after:
                extra.append((i, j, score[i, j]))
    used_old, used_new = set(), set()
    for i, j, _ in sorted(extra, key=lambda x: -x[2]):
        if i not in used_old and j not in used_new:
            pairs.add((i, j))
            used_old.add(i)
            used_new.add(j)
    if not used_old:
        return al
    return Alignment.from_pairs(sorted(pairs), score)


def _siblings(items: list[Item]) -> dict[str, tuple[Optional[str], Optional[str]]]:
    """Previous and next sibling id of each section (same parent, document order)."""
    groups: dict[str, list[str]] = {}
    for s in items:
        groups.setdefault(s.parent or "", []).append(s.id)
    out: dict[str, tuple[Optional[str], Optional[str]]] = {}
    for ids in groups.values():
        for k, x in enumerate(ids):
            out[x] = (ids[k - 1] if k else None, ids[k + 1] if k + 1 < len(ids) else None)
    return out


def _child_overlap(old: list[Item], new: list[Item], task_pairs: list[tuple[Item, Item]],
                   children: tuple[dict[str, int], dict[str, int]]) -> np.ndarray:
    """Share of each section's child tasks that the task alignment paired into the other section (of the larger
    section's child count, so one task that moved between two sections does not make them one); -1 where neither
    section has child tasks."""
    both: dict[tuple[str, str], int] = {}
    for a, b in task_pairs:
        both[(a.parent or "", b.parent or "")] = both.get((a.parent or "", b.parent or ""), 0) + 1
    count_old, count_new = children
    out = np.full((len(old), len(new)), -1.0)
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            denom = max(count_old.get(a.id, 0), count_new.get(b.id, 0))
            if denom:
                out[i, j] = both.get((a.id, b.id), 0) / denom
    return out


def _count_children(task_pairs: list[tuple[Item, Item]]) -> tuple[dict[str, int], dict[str, int]]:
    old: dict[str, int] = {}
    new: dict[str, int] = {}
    for a, b in task_pairs:
        old[a.parent or ""] = old.get(a.parent or "", 0) + 1
        new[b.parent or ""] = new.get(b.parent or "", 0) + 1
    return old, new


def count_children(tasks: list[Item]) -> dict[str, int]:
    """Number of tasks directly under each section id."""
    out: dict[str, int] = {}
    for t in tasks:
        out[t.parent or ""] = out.get(t.parent or "", 0) + 1
    return out


def task_score(old: list[Item], new: list[Item], section_map: dict[str, str], use_embeddings: bool,
               emb: Optional[np.ndarray] = None,
               renames: Optional[dict[str, str]] = None) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """The combined task score matrix (see module docstring) and the embedding matrix it used."""
    body = ngram_cosine([mask_digits(t.norm) for t in old], [mask_digits(t.norm) for t in new])
    title = ngram_cosine([t.title_norm or t.norm[:20] for t in old], [t.title_norm or t.norm[:20] for t in new],
                         ns=(1, 2))
    if emb is None:
        emb = _embed_or_none([_task_embed_text(t) for t in old], [_task_embed_text(t) for t in new], use_embeddings)
    ctx = _context(old, new, section_map)
    units = _unit_overlap(old, new, renames or {})
    units = np.where(units < 0, body, units)  # neither names a unit: no evidence either way, follow the text
    if emb is not None:
        score = 0.5 * body + 0.13 * title + 0.15 * emb + 0.12 * ctx + 0.1 * units
    else:
        score = 0.57 * body + 0.21 * title + 0.12 * ctx + 0.1 * units
    return score, emb


def _context(old: list[Item], new: list[Item], section_map: dict[str, str]) -> np.ndarray:
    """1 same aligned parent and ordinal, 0.7 same parent, 0.3 same ordinal, else 0 (vectorised)."""
    parents: dict[str, int] = {}
    ords: dict[str, int] = {}
    op = np.array([parents.setdefault(section_map[a.parent or ""], len(parents)) if (a.parent or "") in section_map
                   else -1 for a in old])
    np_ = np.array([parents.setdefault(b.parent or "", len(parents)) for b in new])
    oo = np.array([ords.setdefault(ordinal(a.id), len(ords)) for a in old])
    no = np.array([ords.setdefault(ordinal(b.id), len(ords)) for b in new])
    same_parent = (op[:, None] == np_[None, :]) & (op[:, None] >= 0)
    same_ord = oo[:, None] == no[None, :]
    return np.where(same_parent & same_ord, 1.0, np.where(same_parent, 0.7, np.where(same_ord, 0.3, 0.0)))


def _unit_overlap(old: list[Item], new: list[Item], renames: dict[str, str]) -> np.ndarray:
    """Jaccard overlap of named (non-collective) responsible units, a shared lead counting twice; -1 if neither names
    one (vectorised over unit indicator matrices). Old names are read through `renames` (a renamed unit is the
    same unit)."""
    index: dict[str, int] = {}

    def rows(items: list[Item], rename: dict[str, str]) -> tuple[list[set[int]], list[set[int]]]:
        named = [{index.setdefault(rename.get(u.name, u.name), len(index)) for u in t.units if not u.collective}
                 for t in items]
        lead = [{index.setdefault(rename.get(u.name, u.name), len(index)) for u in t.units
                 if u.role == "lead" and not u.collective} for t in items]
        return named, lead
    a_named, a_lead = rows(old, renames)
    b_named, b_lead = rows(new, {})
    k = max(1, len(index))

    def matrix(sets: list[set[int]]) -> np.ndarray:
        m = np.zeros((len(sets), k))
        for i, s in enumerate(sets):
            if s:
                m[i, list(s)] = 1.0
        return m
    an, al, bn, bl = matrix(a_named), matrix(a_lead), matrix(b_named), matrix(b_lead)
    inter = an @ bn.T + al @ bl.T
    union = (an.sum(1)[:, None] + bn.sum(1)[None, :] + al.sum(1)[:, None] + bl.sum(1)[None, :]) - inter
    out = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    has_a = an.sum(1) > 0
    has_b = bn.sum(1) > 0
    out[~has_a[:, None] & ~has_b[None, :]] = -1.0
    out[has_a[:, None] ^ has_b[None, :]] = 0.0
    return out


def align_tasks(old: list[Item], new: list[Item], section_map: dict[str, str], use_embeddings: bool,
                emb: Optional[np.ndarray] = None,
                renames: Optional[dict[str, str]] = None) -> tuple[Alignment, Optional[np.ndarray]]:
    """Pair tasks across the two versions (any section to any section), then successors within a section."""
    if not old or not new:
        return Alignment.from_matrix(np.zeros((len(old), len(new))), TASK_THRESHOLD), None
    score, emb = task_score(old, new, section_map, use_embeddings, emb, renames)
    al = Alignment.from_matrix(score, TASK_THRESHOLD)
    if al.removed and al.added:
        same = np.array([[section_map.get(old[i].parent or "") == (new[j].parent or "") for j in al.added]
                         for i in al.removed])
        sub = np.where(same, score[np.ix_(al.removed, al.added)], 0.0)
        extra = [(al.removed[i], al.added[j]) for i, j in assign(sub, SUCCESSOR_THRESHOLD)]
        if extra:
            al = Alignment.from_pairs(al.pairs + extra, score)
    return al, emb


def _quote_key(g: Target) -> str:
    return mask_digits(normalize(g.quote))


def target_score(old: Sequence[Target], new: Sequence[Target]) -> np.ndarray:
    """Score of every old target against every new one: quote (numbers masked), indicator, value and unit."""
    quote = ngram_cosine([_quote_key(g) for g in old], [_quote_key(g) for g in new], ns=(1, 2))
    ind = ngram_cosine([normalize(g.indicator or g.quote) for g in old], [normalize(g.indicator or g.quote) for g in new],
                       ns=(1, 2))
    val = np.array([[1.0 if _same_value(a.value, b.value) else 0.0 for b in new] for a in old])
    unit = np.array([[1.0 if normalize(a.unit or "") == normalize(b.unit or "") else 0.0 for b in new] for a in old])
    n = max(len(old), len(new), 1)
    pos = np.array([[1.0 - abs(i - j) / n for j in range(len(new))] for i in range(len(old))])
    return 0.5 * quote + 0.2 * ind + 0.12 * val + 0.08 * unit + 0.1 * pos


def _same_value(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@dataclass
class TargetPair:
    old: Target
    new: Target
    score: float
    across: bool = False  # paired across the whole document (not within an aligned item pair)


def align_targets(item_pairs: list[tuple[Item, Item]], old_all: Sequence[Target],
                  new_all: Sequence[Target]) -> tuple[list[TargetPair], list[Target], list[Target]]:
    """Pair targets within each aligned item pair, then leftovers across the document by near-identical quotes."""
    pairs: list[TargetPair] = []
    for a, b in item_pairs:
        if not a.targets or not b.targets:
            continue
        if [_quote_key(g) for g in a.targets] == [_quote_key(g) for g in b.targets]:
            pairs.extend(TargetPair(x, y, 1.0) for x, y in zip(a.targets, b.targets))
            continue
        score = target_score(a.targets, b.targets)
        for i, j in assign(score, TARGET_THRESHOLD):
            pairs.append(TargetPair(a.targets[i], b.targets[j], float(score[i, j])))
    done_old = {p.old.id for p in pairs}
    done_new = {p.new.id for p in pairs}
    rest_old = [g for g in old_all if g.id not in done_old]
    rest_new = [g for g in new_all if g.id not in done_new]
    if rest_old and rest_new:
        quote = ngram_cosine([_quote_key(g) for g in rest_old], [_quote_key(g) for g in rest_new], ns=(1, 2))
        for i, j in assign(quote, GLOBAL_TARGET_THRESHOLD):
            pairs.append(TargetPair(rest_old[i], rest_new[j], float(quote[i, j]), across=True))
    done_old = {p.old.id for p in pairs}
    done_new = {p.new.id for p in pairs}
    return (pairs, [g for g in old_all if g.id not in done_old], [g for g in new_all if g.id not in done_new])
