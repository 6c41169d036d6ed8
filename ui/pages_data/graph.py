"""Data of the 责任图谱 page: units ↔ tasks ↔ targets of one document, filtered, with each unit's load ranked.

Why rank on the shared-task graph: a unit's load is not only how many tasks it owns but how entangled it is — two
units that share a task must coordinate. So besides counts (tasks, lead tasks, targets, overdue targets) each unit
gets its degree and betweenness centrality in the projection of the bipartite unit–task graph onto units (an edge
per pair of units sharing a task, weighted by how many). Collective phrases (`相关职能部门`, `各街镇`) are shown in the
graph but not ranked: they are not one accountable unit. The ranking is computed over the tasks the filters keep, so
"load in 2025" or "load in 交通" is one filter away.

Node ids: `unit:NAME`, `task:ID`, `section:ID` (a section without numbered tasks that carries targets, e.g. 二、主要目标),
`target:ID`. Everything returned is JSON-able.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from extract.record import PlanRecord, Task
from kg import Store

from . import records
from .status import STATUS_ORDER, most_urgent, statuses

__all__ = ["graph_data", "graph_filters", "node_detail", "rank_units", "filter_options"]


def _year(date: Optional[str]) -> Optional[int]:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _in_sections(task_id: str, sections: Optional[Iterable[str]]) -> bool:
    if not sections:
        return True
    return any(task_id == s or task_id.startswith(s + ".") for s in sections)


def _in_sections_any(ids: Iterable[str], section: str) -> bool:
    return any(_in_sections(i, [section]) for i in ids)


def _owner_title(rec: PlanRecord, owner: str) -> str:
    task = rec.task(owner)
    if task is not None:
        return task.title
    sec = next((s for s in rec.sections if s.id == owner), None)
    return sec.title if sec else owner


def filter_options(rec: PlanRecord) -> dict[str, Any]:
    """What the filters can choose from: units (named first, by task count), top-level sections with tasks or
    targets, deadline years, statuses."""
    counts: dict[str, int] = {}
    collective: dict[str, bool] = {}
    for t in rec.tasks:
        for u in t.units:
            counts[u.name] = counts.get(u.name, 0) + 1
            collective[u.name] = u.collective
    units = sorted(counts, key=lambda n: (collective[n], -counts[n], n))
    owners = {t.id for t in rec.tasks} | {g.task for g in rec.targets}
    top = {s.id for s in rec.sections if s.parent is None}
    sections = [{"id": s.id, "number": s.number, "title": s.title, "level": s.level} for s in rec.sections
                if (s.parent is None or s.parent in top) and _in_sections_any(owners, s.id)]
    years = sorted({y for g in rec.targets if (y := _year(g.deadline))} | {y for t in rec.tasks if (y := _year(t.deadline))})
    return {"units": [{"name": n, "tasks": counts[n], "collective": collective[n]} for n in units],
            "sections": sections, "years": years, "statuses": list(STATUS_ORDER)}


def graph_filters(store: Store, doc: str) -> dict[str, Any]:
    """filter_options() of a stored document (what the page's filters offer)."""
    return filter_options(records.record(store, doc))


def _task_years(task: Task, targets: list[dict[str, Any]]) -> set[int]:
    years = {y for g in targets if (y := _year(g["deadline"]))}
    if (y := _year(task.deadline)) is not None:
        years.add(y)
    return years


def rank_units(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per named unit over the given task dicts (each with `units` and `targets`): tasks, lead, support, targets,
    overdue targets, partners (units it shares a task with), degree and betweenness centrality in the shared-task
    graph. Sorted by load: tasks, then lead tasks, then targets."""
    import networkx as nx

    g = nx.Graph()
    stats: dict[str, dict[str, Any]] = {}
    for t in tasks:
        named = [u for u in t["units"] if not u["collective"]]
        for u in named:
            s = stats.setdefault(u["name"], {"unit": u["name"], "tasks": 0, "lead": 0, "support": 0, "targets": 0,
                                             "overdue": 0})
            s["tasks"] += 1
            s["lead" if u["role"] == "lead" else "support"] += 1
            s["targets"] += len(t["targets"])
            s["overdue"] += sum(1 for x in t["targets"] if x["status"] == "overdue")
            g.add_node(u["name"])
        for i, a in enumerate(named):
            for b in named[i + 1:]:
                if a["name"] != b["name"]:
                    w = g.get_edge_data(a["name"], b["name"], {"weight": 0})["weight"]
                    g.add_edge(a["name"], b["name"], weight=w + 1)
    degree = nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
    between = nx.betweenness_centrality(g) if len(g) > 2 else {n: 0.0 for n in g}
    out = []
    for name, s in stats.items():
        out.append({**s, "partners": g.degree(name), "shared_tasks": int(g.degree(name, weight="weight")),
                    "degree_centrality": round(degree.get(name, 0.0), 4),
                    "betweenness": round(between.get(name, 0.0), 4)})
    out.sort(key=lambda s: (-s["tasks"], -s["lead"], -s["targets"], -s["degree_centrality"], s["unit"]))
    for i, s in enumerate(out, 1):
        s["rank"] = i
    return out


def _tasks(rec: PlanRecord, status: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every task (and every section that owns targets directly) with its units and targets, statuses attached."""
    by_owner: dict[str, list[dict[str, Any]]] = {}
    for g in rec.targets:
        st = status.get(g.id, {})
        by_owner.setdefault(g.task, []).append({
            "id": g.id, "quote": g.quote, "deadline": g.deadline, "kind": g.kind,
            "status": st.get("status") or ("none" if not g.deadline else "no_data"),
            "last_report": st.get("last_report")})
    out = []
    for t in rec.tasks:
        targets = by_owner.pop(t.id, [])
        out.append({"id": t.id, "kind": "task", "title": t.title, "section": t.section, "deadline": t.deadline,
                    "units": [{"name": u.name, "role": u.role, "collective": u.collective} for u in t.units],
                    "targets": targets, "status": most_urgent(x["status"] for x in targets),
                    "years": sorted(_task_years(t, targets))})
    for owner, targets in by_owner.items():  # targets of a section without numbered tasks (二、主要目标)
        out.append({"id": owner, "kind": "section", "title": _owner_title(rec, owner), "section": owner,
                    "deadline": None, "units": [], "targets": targets,
                    "status": most_urgent(x["status"] for x in targets),
                    "years": sorted({y for x in targets if (y := _year(x["deadline"]))})})
    return out


def graph_data(store: Store, doc: str, as_of: str, units: Optional[list[str]] = None,
               sections: Optional[list[str]] = None, years: Optional[list[int]] = None,
               status_filter: Optional[list[str]] = None, show_targets: bool = True,
               show_collective: bool = True) -> dict[str, Any]:
    """The filtered graph of one document as of a date: {"doc", "as_of", "filters", "nodes", "edges", "ranking",
    "tasks", "counts"}. A task is kept when it matches every filter given: one of `units` is responsible for it, it
    lies under one of `sections`, one of its targets (or the task itself) is due in one of `years`, one of its
    targets has a status in `status_filter`. Kept tasks show all their units (who they share the task with)."""
    rec = records.record(store, doc)
    status = statuses(store, doc, as_of)
    kept = []
    for t in _tasks(rec, status):
        if units and not any(u["name"] in units for u in t["units"]):
            continue
        if not _in_sections(t["id"], sections):
            continue
        if years and not set(t["years"]) & set(years):
            continue
        if status_filter:
            t = {**t, "targets": [x for x in t["targets"] if x["status"] in status_filter]}
            if not t["targets"]:
                continue
            t["status"] = most_urgent(x["status"] for x in t["targets"])
        if years:
            t = {**t, "targets": [x for x in t["targets"] if _year(x["deadline"]) in years or not x["deadline"]]}
        kept.append(t)
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    ranking = rank_units(kept)
    rank_of = {r["unit"]: r for r in ranking}
    for t in kept:
        tid = f"{t['kind']}:{t['id']}"
        nodes[tid] = {"id": tid, "kind": t["kind"], "label": f"{t['id']} {t['title']}", "status": t["status"],
                      "clause": t["id"], "targets": len(t["targets"])}
        for u in t["units"]:
            if u["collective"] and not show_collective:
                continue
            uid = f"unit:{u['name']}"
            node = nodes.setdefault(uid, {"id": uid, "kind": "unit", "label": u["name"], "collective": u["collective"],
                                          "tasks": 0, "lead": 0, "status": "none",
                                          "selected": bool(units and u["name"] in units)})
            node["tasks"] += 1
            node["lead"] += u["role"] == "lead"
            node["status"] = most_urgent([node["status"], t["status"]])
            if u["name"] in rank_of:
                node["rank"] = rank_of[u["name"]]["rank"]
            edges.append({"source": uid, "target": tid, "role": u["role"]})
        if show_targets:
            for x in t["targets"]:
                xid = f"target:{x['id']}"
                nodes[xid] = {"id": xid, "kind": "target", "label": x["quote"], "status": x["status"],
                              "clause": x["id"], "deadline": x["deadline"]}
                edges.append({"source": tid, "target": xid, "role": "target"})
    counts = {s: 0 for s in STATUS_ORDER}
    for t in kept:
        for x in t["targets"]:
            counts[x["status"]] = counts.get(x["status"], 0) + 1
    return {"doc": doc, "title": rec.document.title, "as_of": as_of, "filters": filter_options(rec),
            "nodes": list(nodes.values()), "edges": edges, "ranking": ranking, "tasks": kept,
            "counts": {"tasks": sum(1 for t in kept if t["kind"] == "task"),
                       "units": sum(1 for n in nodes.values() if n["kind"] == "unit"),
                       "targets": sum(len(t["targets"]) for t in kept), "by_status": counts}}


def node_detail(store: Store, doc: str, node: str, as_of: str) -> dict[str, Any]:
    """What a node stands for, with the tasks it touches, each quoted from the plan: {"id", "kind", "label",
    "tasks": [{id, title, role, text, units, targets: [{id, quote, deadline, status, last_report}]}]}. Unknown → None
    fields and no tasks."""
    rec = records.record(store, doc)
    kind, _, key = node.partition(":")
    tasks = _tasks(rec, statuses(store, doc, as_of))
    text_of = {t.id: t.text for t in rec.tasks}
    if kind == "unit":
        picked = [(t, next(u["role"] for u in t["units"] if u["name"] == key)) for t in tasks
                  if any(u["name"] == key for u in t["units"])]
        label = key
    elif kind in ("task", "section"):
        picked = [(t, None) for t in tasks if t["id"] == key]
        label = f"{key} {picked[0][0]['title']}" if picked else key
    elif kind == "target":
        picked = [({**t, "targets": [x for x in t["targets"] if x["id"] == key]}, None) for t in tasks
                  if any(x["id"] == key for x in t["targets"])]
        label = picked[0][0]["targets"][0]["quote"] if picked else key
    else:
        picked, label = [], node
    out = []
    for t, role in picked:
        out.append({"id": t["id"], "kind": t["kind"], "title": t["title"], "role": role, "status": t["status"],
                    "text": text_of.get(t["id"], ""), "units": t["units"], "targets": t["targets"]})
    order = {"lead": 0, "support": 1, None: 2}
    out.sort(key=lambda t: (order.get(t["role"], 2), [int(p) if p.isdigit() else p for p in t["id"].split(".")]))
    return {"id": node, "kind": kind, "label": label, "doc": doc, "as_of": as_of, "tasks": out,
            "status": most_urgent(t["status"] for t in out)}
