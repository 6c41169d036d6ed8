"""Export stored documents: RDF serialisations of the graph, a CSV sheet of targets, a GraphML network.

Formats (`export(store, fmt, doc_id=None)`, returns text):
    ttl | turtle   one document: Turtle of its graph; all documents: TriG (named graphs need it)
    trig           TriG with named graphs (one document or the whole dataset, progress graph included)
    nq | nquads    N-Quads, same scope as trig
    jsonld         JSON-LD (one document: its graph with a @context of the project prefixes; all: the dataset)
    csv            one row per target: doc, target, task, units, deadline, value, quote, span … (UTF-8 with BOM so
                   that Excel opens Chinese text correctly)
    graphml        networkx graph of documents → tasks → targets and units → tasks (role on the edge), for Gephi & co.
The RDF formats are snapshots of exactly what is stored; csv and graphml are built from the rebuilt PlanRecords, so
they say what the contract says.
"""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any, Iterable, Optional

from extract.errors import InputError
from extract.record import PlanRecord

from .vocab import PREFIXES, task_iri, section_iri, target_iri, unit_iri, unit_scope, work_iri

if TYPE_CHECKING:
    from .store import Store

__all__ = ["export", "FORMATS", "csv_rows", "to_networkx"]

FORMATS = ("ttl", "turtle", "trig", "nq", "nquads", "jsonld", "csv", "graphml")

CSV_COLUMNS = ["doc", "target", "task", "task_title", "kind", "indicator", "value", "unit", "comparator",
               "baseline_year", "period_start", "deadline", "deadline_text", "lead_units", "support_units", "units",
               "quote", "span_start", "span_end"]


def _bind(graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)


def _records(store: "Store", doc_id: Optional[str]) -> list[PlanRecord]:
    ids = [doc_id] if doc_id is not None else store.doc_ids()
    return [store.record(d) for d in ids]


def csv_rows(records: Iterable[PlanRecord]) -> list[dict[str, Any]]:
    """One dict per target (CSV_COLUMNS), units of the target's task with lead units first."""
    rows = []
    for rec in records:
        tasks = {t.id: t for t in rec.tasks}
        for g in rec.targets:
            task = tasks.get(g.task)
            units = task.units if task else []
            value = g.value
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            rows.append({
                "doc": rec.document.id, "target": g.id, "task": g.task, "task_title": task.title if task else "",
                "kind": g.kind, "indicator": g.indicator, "value": value, "unit": g.unit, "comparator": g.comparator,
                "baseline_year": g.baseline_year, "period_start": g.period_start, "deadline": g.deadline,
                "deadline_text": g.deadline_text,
                "lead_units": "、".join(u.name for u in units if u.role == "lead"),
                "support_units": "、".join(u.name for u in units if u.role != "lead"),
                "units": "、".join(u.name for u in units), "quote": g.quote,
                "span_start": g.span[0], "span_end": g.span[1],
            })
    return rows


def _csv(records: list[PlanRecord]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(records):
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return out.getvalue()


def _attrs(**kw: Any) -> dict[str, Any]:
    """GraphML attributes must be scalars; None is left out."""
    return {k: v for k, v in kw.items() if v is not None}


def to_networkx(records: Iterable[PlanRecord]):
    """A networkx DiGraph: document → task → target, unit → task (edge attribute `role`). Node ids are the IRIs."""
    import networkx as nx

    g = nx.DiGraph()
    for rec in records:
        doc = rec.document.id
        d = str(work_iri(doc))
        g.add_node(d, **_attrs(type="document", label=rec.document.title, doc=doc))
        scope = unit_scope(rec.document.issuer, doc)
        task_ids = {t.id for t in rec.tasks}
        for t in rec.tasks:
            tn = str(task_iri(doc, t.id))
            g.add_node(tn, **_attrs(type="task", label=t.title, doc=doc, clause=t.id, deadline=t.deadline))
            g.add_edge(d, tn, relation="has_task")
            for u in t.units:
                un = str(unit_iri(scope, u.name))
                g.add_node(un, **_attrs(type="unit", label=u.name, collective=bool(u.collective),
                                         issuer=rec.document.issuer))
                g.add_edge(un, tn, relation="responsible", role=u.role)
        for x in rec.targets:
            xn = str(target_iri(doc, x.id))
            value = float(x.value) if x.value is not None else None
            g.add_node(xn, **_attrs(type="target", label=x.quote, doc=doc, clause=x.id, kind=x.kind,
                                     deadline=x.deadline, value=value, unit=x.unit, comparator=x.comparator))
            owner = str(task_iri(doc, x.task)) if x.task in task_ids else str(section_iri(doc, x.task))
            if owner not in g:
                g.add_node(owner, **_attrs(type="section", label=x.task, doc=doc, clause=x.task))
                g.add_edge(d, owner, relation="has_section")
            g.add_edge(owner, xn, relation="has_target")
    return g


def _graphml(records: list[PlanRecord]) -> str:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(to_networkx(records), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def export(store: "Store", fmt: str, doc_id: Optional[str] = None) -> str:
    """Serialise one stored document (unknown id → InputError) or all of them in `fmt` (see FORMATS)."""
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise InputError(f"不支持的导出格式 {fmt}；可用：{'、'.join(FORMATS)}")
    if doc_id is not None and not store.has(doc_id):
        raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
    if fmt == "csv":
        return _csv(_records(store, doc_id))
    if fmt == "graphml":
        return _graphml(_records(store, doc_id))
    if doc_id is not None and fmt in ("ttl", "turtle", "jsonld"):
        graph = store.graph(doc_id)
        _bind(graph)
        if fmt == "jsonld":
            context = {p: str(ns) for p, ns in PREFIXES.items()}
            return graph.serialize(format="json-ld", context=context, indent=1)
        return graph.serialize(format="turtle")
    ds = store.dataset(doc_id)
    _bind(ds)
    rdf_format = {"ttl": "trig", "turtle": "trig", "trig": "trig", "nq": "nquads", "nquads": "nquads",
                  "jsonld": "json-ld"}[fmt]
    return ds.serialize(format=rdf_format)
