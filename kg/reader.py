"""RDF → PlanRecord: rebuild the exact record that kg.rdf wrote, from one document graph.

Why: diff, export and the CLI work on PlanRecords; the store is the single source of truth once a document is ingested,
so `record_from_graph(store, doc_id).to_contract()` must equal the ingested record's `to_contract()` (tested on every
corpus plan). The store side needs one query (the whole named graph); the rest is plain Python over an rdflib Graph.
"""
from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS

from extract.errors import InputError
from extract.record import DocumentInfo, PlanRecord, Reference, Section, Target, Task, UnitRef

from .rdf import threshold_from_parts
from .vocab import ELI, OA, PKG, PROV, SCHEMA, TIME, expression_iri, id_from_iri, work_iri

if TYPE_CHECKING:
    from .store import Store

__all__ = ["record_from_graph", "graph_to_record"]


def record_from_graph(source: Union["Store", Graph], doc_id: str) -> PlanRecord:
    """The PlanRecord of `doc_id`, read from a Store (one query) or from an rdflib Graph holding that document's
    triples. Unknown id → InputError."""
    if isinstance(source, Graph):
        return graph_to_record(source, doc_id)
    return source.record(doc_id)


class _Reader:
    """Lookups over one document's triples through plain dicts (building an rdflib Graph first would double the cost
    of reading a document back)."""

    def __init__(self, triples: Iterable[tuple], doc_id: str) -> None:
        self.doc = doc_id
        self.idx: dict[Any, dict[Any, list]] = defaultdict(lambda: defaultdict(list))
        self.by_type: dict[Any, list] = defaultdict(list)
        for s, p, o in triples:
            self.idx[s][p].append(o)
            if p == RDF.type:
                self.by_type[o].append(s)

    def one(self, s, p) -> Optional[Any]:
        values = self.idx[s][p] if s in self.idx else ()
        return values[0] if values else None

    def objects(self, s, p) -> list:
        return list(self.idx[s][p]) if s in self.idx else []

    def has_type(self, s, cls) -> bool:
        return s in self.idx and cls in self.idx[s][RDF.type]

    def text(self, s, p) -> Optional[str]:
        v = self.one(s, p)
        return None if v is None else str(v)

    def int(self, s, p) -> Optional[int]:
        v = self.one(s, p)
        return None if v is None else int(str(v))

    def bool(self, s, p) -> bool:
        v = self.one(s, p)
        return v is not None and str(v).lower() in ("true", "1")

    def ordered(self, subjects) -> list:
        return sorted(subjects, key=lambda n: (self.int(n, PKG.ordinal) or 0, str(n)))

    def span(self, owner, prop) -> tuple[Optional[tuple[int, int]], Optional[str]]:
        """(start, end) and the quote of owner's citation through `prop`, or (None, None)."""
        res = self.one(owner, prop)
        if res is None:
            return None, None
        start = end = quote = None
        for sel in self.objects(res, OA.hasSelector):
            if self.has_type(sel, OA.TextPositionSelector):
                start, end = self.int(sel, OA.start), self.int(sel, OA.end)
            elif self.has_type(sel, OA.TextQuoteSelector):
                quote = self.text(sel, OA.exact)
        if start is None or end is None:
            return None, quote
        return (start, end), quote

    def extras(self, obj: Any, node) -> Any:
        """Set the fields kept in pkg:extraFields (see kg.rdf.MAPPED_FIELDS) on `obj`; returns obj."""
        data = self.text(node, PKG.extraFields)
        if data:
            names = {f.name for f in dataclasses.fields(obj)}
            for key, value in json.loads(data).items():
                if key in names:
                    setattr(obj, key, value)
        return obj

    def threshold(self, target) -> Optional[dict[str, Any]]:
        node = self.one(target, PKG.threshold)
        if node is None:
            return None
        return threshold_from_parts(_number(self.one(node, SCHEMA.value)), self.text(node, SCHEMA.unitText),
                                    self.text(node, PKG.comparator))

    def date(self, s, p) -> Optional[str]:
        instant = self.one(s, p)
        return None if instant is None else self.text(instant, TIME.inXSDDate)


def graph_to_record(g: Union[Graph, Iterable[tuple]], doc_id: str) -> PlanRecord:
    """Rebuild the PlanRecord from the triples kg.rdf.record_to_graph() produced for `doc_id` (an rdflib Graph or
    any iterable of (s, p, o) rdflib terms)."""
    r = _Reader(g, doc_id)
    work, expr = work_iri(doc_id), expression_iri(doc_id)
    if not r.has_type(work, ELI.LegalResource):
        raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
    text = r.text(expr, SCHEMA.text) or ""
    issuer_node = r.one(work, ELI.passed_by)
    src = r.one(expr, PROV.wasDerivedFrom)
    run = r.one(expr, PROV.wasGeneratedBy)
    info = DocumentInfo(
        id=doc_id, title=r.text(expr, ELI.title) or "",
        issuer=r.text(issuer_node, SKOS.prefLabel) if issuer_node is not None else None,
        published=r.text(work, ELI.date_publication),
        source=(r.text(src, PKG.sourcePath) if src is not None else None) or "",
        sha256=(r.text(src, PKG.sha256) if src is not None else None) or "",
        chars=r.int(expr, PKG.charCount) if r.one(expr, PKG.charCount) is not None else len(text),
        year=r.int(work, PKG.planYear),
    )
    r.extras(info, work)
    warnings = [r.text(w, RDFS.comment) or "" for w in r.ordered(r.objects(run, PKG.warning))] if run else []

    sections = []
    for n in r.ordered(r.by_type[PKG.Section]):
        parent = r.one(n, ELI.is_part_of)
        span, _ = r.span(n, PKG.span)
        body, _ = r.span(n, PKG.bodySpan)
        sections.append(r.extras(Section(
            id=r.text(n, PKG.clauseId) or id_from_iri(n), number=r.text(n, ELI.number) or "",
            title=r.text(n, ELI.title) or "", parent=None if parent in (None, work) else id_from_iri(parent),
            span=span or (0, 0), level=r.int(n, PKG.level) or 0, body_span=body), n))

    tasks = []
    for n in r.ordered(r.by_type[PKG.Task]):
        span, _ = r.span(n, PKG.span)
        span = span or (0, 0)
        title_span, _ = r.span(n, PKG.titleSpan)
        unit_span, _ = r.span(n, PKG.unitSpan)
        units = []
        for m in r.ordered(r.objects(n, PKG.responsibility)):
            unit = r.one(m, PKG.unit)
            uspan, _ = r.span(m, PKG.span)
            units.append(r.extras(UnitRef(name=r.text(unit, SKOS.prefLabel) or id_from_iri(unit),
                                          role=r.text(m, PKG.role) or "", collective=r.bool(m, PKG.collective),
                                          span=uspan), m))
        section = r.one(n, ELI.is_part_of)
        tasks.append(r.extras(Task(
            id=r.text(n, PKG.clauseId) or id_from_iri(n), section=id_from_iri(section) if section is not None else "",
            title=r.text(n, ELI.title) or "", span=span, number=r.text(n, ELI.number) or "", title_span=title_span,
            unit_text=r.text(n, PKG.unitText), unit_span=unit_span, units=units,
            deadline=r.date(n, PKG.deadline), deadline_text=r.text(n, PKG.deadlineText),
            text=text[span[0]:span[1]]), n))

    targets = []
    for n in r.ordered(r.by_type[PKG.Target]):
        span, quote = r.span(n, PKG.span)
        qty = r.one(n, PKG.quantity)
        value = r.one(qty, SCHEMA.value) if qty is not None else None
        targets.append(r.extras(Target(
            id=r.text(n, PKG.clauseId) or id_from_iri(n), task=id_from_iri(r.one(n, PKG.task)),
            quote=quote or "", span=span or (0, 0), indicator=r.text(n, PKG.indicator),
            value=_number(value), unit=r.text(qty, SCHEMA.unitText) if qty is not None else None,
            comparator=r.text(n, PKG.comparator), baseline_year=r.int(n, PKG.baselineYear),
            period_start=r.date(n, PKG.periodStart), deadline=r.date(n, PKG.deadline),
            deadline_text=r.text(n, PKG.deadlineText), kind=r.text(n, PKG.targetKind) or "",
            deadline_inherited=r.bool(n, PKG.deadlineInherited), before=r.bool(n, PKG.before),
            hedge=r.text(n, PKG.hedge), threshold=r.threshold(n)), n))
    return r.extras(PlanRecord(info, text, sections, tasks, targets, warnings, _references(r, work)), expr)


def _references(r: _Reader, work) -> list[Reference]:
    """The documents the plan names (kg.rdf._Writer.references): the relation is read from which of eli:applies /
    pkg:drafts also links the node; any other relation was kept in pkg:extraFields."""
    applies, drafts = set(r.objects(work, ELI.applies)), set(r.objects(work, PKG.drafts))
    out = []
    for n in r.ordered(r.objects(work, ELI.cites)):
        span, _ = r.span(n, PKG.span)
        context, _ = r.span(n, PKG.contextSpan)
        relation = "implements" if n in applies else "drafts" if n in drafts else "cites"
        out.append(r.extras(Reference(title=r.text(n, ELI.title) or "", span=span or (0, 0), relation=relation,
                                      cue=r.text(n, PKG.cue), context=context), n))
    return out


def _number(value: Optional[Literal]) -> Optional[float]:
    if value is None:
        return None
    try:
        return float(str(value))
    except ValueError:
        return None

