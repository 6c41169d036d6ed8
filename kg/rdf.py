"""PlanRecord → RDF: the triples of one document version's named graph.

Why this shape (see ontology/policykg.ttl for the terms):
- Everything needed to rebuild the PlanRecord exactly is in the graph (kg.reader does the reverse; the round-trip test
  compares `to_contract()`), including the canonical text on the eli:LegalExpression (schema:text), so every span can
  be re-checked and every quote re-read from the store alone.
- No blank nodes: helper nodes (spans, selectors, unit mentions, quantities) get `{node}#{part}` IRIs, so the graph is
  deterministic, easy to diff, and a SPARQL result can name any node.
- Document order is explicit (pkg:ordinal), because RDF is unordered and two targets may share one span.
- Literals that are strings carry no datatype (plain literal == xsd:string in RDF 1.1): rdflib's memory store compares
  terms, not values, and a VALUES binding of "区经委" must match what was stored on every backend.
- Structural problems that would make IRIs collide (duplicate ids) or spans meaningless raise InputError before any
  store is touched: put_record builds the whole graph first, then swaps it in.
"""
from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Optional

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from extract.errors import InputError
from extract.record import PlanRecord

from .vocab import (ELI, OA, ORG, PKG, PROV, SCHEMA, TIME, date_iri, expression_iri, org_iri, section_iri, sub_iri,
                    target_iri, task_iri, unit_iri, unit_scope, work_iri)

__all__ = ["record_to_graph", "check_record", "NO_UNIT_REASON", "GENERATOR", "MAPPED_FIELDS"]

#: pkg:noUnitReason of a task for which the document names no unit (units are never invented).
NO_UNIT_REASON = "原文未标注责任单位"
#: The software agent recorded on every extraction activity.
GENERATOR = URIRef("https://w3id.org/policykg/id/agent/policykg")


#: Record fields this mapping models as RDF. Any other field (the record model grows additively) is kept as a JSON
#: object in pkg:extraFields on its node, so the round trip stays exact until the mapping learns it.
MAPPED_FIELDS = {
    "PlanRecord": {"document", "text", "sections", "tasks", "targets", "warnings", "references"},
    "DocumentInfo": {"id", "title", "issuer", "published", "source", "sha256", "chars", "year"},
    "Section": {"id", "number", "title", "parent", "span", "level", "body_span"},
    "Task": {"id", "section", "title", "span", "number", "title_span", "unit_text", "unit_span", "units", "deadline",
             "deadline_text", "text"},
    "UnitRef": {"name", "role", "collective", "span"},
    "Target": {"id", "task", "quote", "span", "indicator", "value", "unit", "comparator", "baseline_year",
               "period_start", "deadline", "deadline_text", "kind", "deadline_inherited", "before", "hedge", "threshold"},
    "Reference": {"title", "span", "relation", "cue", "context"},
}

#: Reference.relation values the graph models as properties (anything else is kept in pkg:extraFields).
RELATIONS = ("implements", "drafts", "cites")


def _default(f: dataclasses.Field) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
        return f.default_factory()  # type: ignore[misc]
    return dataclasses.MISSING


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        return _jsonable(dataclasses.asdict(value))
    return value


def extra_fields(obj: Any, also: Optional[dict[str, Any]] = None) -> Optional[str]:
    """JSON of `obj`'s fields that MAPPED_FIELDS does not model and that differ from their defaults (plus `also`)."""
    mapped = MAPPED_FIELDS.get(type(obj).__name__, set())
    extra = {f.name: _jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)
             if f.name not in mapped and getattr(obj, f.name) != _default(f)}
    extra.update(also or {})
    return json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None


def threshold_from_parts(value: Any, unit: Any, comparator: Any) -> dict[str, Any]:
    """The record's threshold dict as kg.reader rebuilds it from a pkg:threshold node."""
    return {"value": None if value is None else float(value), "unit": unit, "comparator": comparator}


def _is_span(span: object) -> bool:
    return (isinstance(span, (tuple, list)) and len(span) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) for x in span))


def check_record(record: PlanRecord) -> None:
    """Refuse a record that cannot be stored faithfully (one-line Chinese InputError). Content errors that can be
    stored (a quote that does not match its span, a bad date) are left to SHACL validation, which reports them."""
    doc_id = record.document.id
    if not isinstance(doc_id, str) or not doc_id.strip() or any(c.isspace() or ord(c) < 32 for c in doc_id):
        raise InputError(f"文档编号无效：{doc_id!r}；编号须为不含空白的非空字符串（如 jiading-carbon-peak-plan-2022）")
    if not isinstance(record.text, str):
        raise InputError(f"文档 {doc_id} 缺少规范文本，无法入库")
    for kind, items in (("章节", record.sections), ("任务", record.tasks), ("指标", record.targets)):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise InputError(f"文档 {doc_id} 中{kind}编号 {item.id} 重复；请检查抽取结果后再入库")
            seen.add(item.id)
            if not _is_span(item.span):
                raise InputError(f"文档 {doc_id} 中{kind} {item.id} 的位置 {item.span!r} 不是 [起, 止) 整数对")
    for t in record.tasks:
        for name, span in (("标题位置", t.title_span), ("责任单位位置", t.unit_span),
                           *((f"单位 {u.name} 位置", u.span) for u in t.units)):
            if span is not None and not _is_span(span):
                raise InputError(f"文档 {doc_id} 中任务 {t.id} 的{name} {span!r} 不是 [起, 止) 整数对")
    for i, ref in enumerate(record.references, 1):
        for name, span in (("位置", ref.span), ("上下文位置", ref.context)):
            if (span is not None or name == "位置") and not _is_span(span):
                raise InputError(f"文档 {doc_id} 中第 {i} 处引用文件的{name} {span!r} 不是 [起, 止) 整数对")
    for s in record.sections:
        if s.body_span is not None and not _is_span(s.body_span):
            raise InputError(f"文档 {doc_id} 中章节 {s.id} 的正文位置 {s.body_span!r} 不是 [起, 止) 整数对")


class _Writer:
    """Accumulates the triples of one document; one method per record part."""

    def __init__(self, record: PlanRecord) -> None:
        self.r = record
        self.doc = record.document.id
        self.g = Graph()
        self.work = work_iri(self.doc)
        self.expr = expression_iri(self.doc)
        self.scope = unit_scope(record.document.issuer, self.doc)
        self.issuer = org_iri(record.document.issuer) if record.document.issuer else None

    def add(self, s: URIRef, p: URIRef, o) -> None:
        self.g.add((s, p, o))

    def span(self, owner: URIRef, prop: URIRef, span, part: str, quote: Optional[str], base: Optional[URIRef] = None):
        """A citation: owner —prop→ oa:SpecificResource on the expression, with a position selector and (unless
        `quote` is None: structural ranges) a quote selector."""
        base = base or owner
        res, pos = sub_iri(base, part), sub_iri(base, part + "-pos")
        self.add(owner, prop, res)
        self.add(res, RDF.type, OA.SpecificResource)
        self.add(res, OA.hasSource, self.expr)
        self.add(res, OA.hasSelector, pos)
        self.add(pos, RDF.type, OA.TextPositionSelector)
        self.add(pos, OA.start, Literal(span[0]))  # xsd:integer: Oxigraph stores xsd:nonNegativeInteger as
        self.add(pos, OA.end, Literal(span[1]))    # xsd:integer anyway; SHACL checks >= 0
        if quote is not None:
            q = sub_iri(base, part + "-quote")
            self.add(res, OA.hasSelector, q)
            self.add(q, RDF.type, OA.TextQuoteSelector)
            self.add(q, OA.exact, Literal(quote))

    def text_at(self, span) -> str:
        return self.r.text[span[0]:span[1]]

    def extras(self, node: URIRef, obj: Any, also: Optional[dict[str, Any]] = None) -> None:
        data = extra_fields(obj, also)
        if data is not None:
            self.add(node, PKG.extraFields, Literal(data))

    def quantity(self, node: URIRef, value: Any, unit: Any) -> None:
        self.add(node, RDF.type, SCHEMA.QuantitativeValue)
        if value is not None:
            self.add(node, SCHEMA.value, Literal(Decimal(repr(value)), datatype=XSD.decimal))
        if unit is not None:
            self.add(node, SCHEMA.unitText, Literal(unit))

    def instant(self, iso: str) -> URIRef:
        node = date_iri(iso)
        self.add(node, RDF.type, TIME.Instant)
        self.add(node, TIME.inXSDDate, Literal(iso, datatype=XSD.date))
        return node

    def part_of(self, node: URIRef, parent: URIRef) -> None:
        self.add(node, ELI.is_part_of, parent)
        self.add(parent, ELI.has_part, node)
        self.add(node, PKG.inDocument, self.work)

    def document(self, generated_at: datetime) -> None:
        d, w, e = self.r.document, self.work, self.expr
        self.add(w, RDF.type, ELI.LegalResource)
        self.add(w, ELI.id_local, Literal(self.doc))
        self.add(w, ELI.is_realized_by, e)
        self.add(e, RDF.type, ELI.LegalExpression)
        self.add(e, ELI.realizes, w)
        self.add(e, ELI.title, Literal(d.title if d.title is not None else ""))
        self.add(e, SCHEMA.text, Literal(self.r.text))
        self.add(e, PKG.charCount, Literal(d.chars))
        if d.published is not None:
            self.add(w, ELI.date_publication, Literal(d.published, datatype=XSD.date))
        if self.issuer is not None:
            self.add(w, ELI.passed_by, self.issuer)
            self.add(self.issuer, RDF.type, ORG.Organization)
            self.add(self.issuer, SKOS.prefLabel, Literal(d.issuer))
        if d.year is not None:
            self.add(w, PKG.planYear, Literal(d.year))
        src, run = sub_iri(e, "source"), sub_iri(e, "extraction")
        self.add(e, PROV.wasDerivedFrom, src)
        self.add(src, RDF.type, PROV.Entity)
        self.add(src, PKG.sourcePath, Literal(d.source))
        self.add(src, PKG.sha256, Literal(d.sha256))
        self.add(e, PROV.wasGeneratedBy, run)
        self.add(run, RDF.type, PROV.Activity)
        self.add(run, PROV.used, src)
        self.add(run, PROV.wasAssociatedWith, GENERATOR)
        self.add(run, PROV.endedAtTime, Literal(generated_at.isoformat(timespec="seconds"), datatype=XSD.dateTime))
        self.add(GENERATOR, RDF.type, PROV.SoftwareAgent)
        self.extras(w, d)
        self.extras(e, self.r)
        for i, text in enumerate(self.r.warnings, 1):
            node = sub_iri(e, f"warning-{i}")
            self.add(run, PKG.warning, node)
            self.add(node, RDF.type, PKG.Warning)
            self.add(node, PKG.ordinal, Literal(i))
            self.add(node, RDFS.comment, Literal(text))

    def sections(self) -> None:
        for i, s in enumerate(self.r.sections, 1):
            n = section_iri(self.doc, s.id)
            self.add(n, RDF.type, PKG.Section)
            self.add(n, RDF.type, ELI.LegalResourceSubdivision)
            self.add(n, PKG.clauseId, Literal(s.id))
            self.add(n, PKG.ordinal, Literal(i))
            self.add(n, PKG.level, Literal(s.level))
            self.add(n, ELI.number, Literal(s.number))
            self.add(n, ELI.title, Literal(s.title))
            self.part_of(n, section_iri(self.doc, s.parent) if s.parent is not None else self.work)
            self.span(n, PKG.span, s.span, "span", self.text_at(s.span))
            if s.body_span is not None:
                self.span(n, PKG.bodySpan, s.body_span, "body", None)
            self.extras(n, s)

    def unit(self, name: str, collective: bool) -> URIRef:
        u = unit_iri(self.scope, name)
        self.add(u, RDF.type, ORG.Organization)
        self.add(u, SKOS.prefLabel, Literal(name))
        self.add(u, PKG.collective, Literal(bool(collective)))
        if self.issuer is not None:
            self.add(u, PKG.issuerScope, self.issuer)
        return u

    def tasks(self) -> None:
        for i, t in enumerate(self.r.tasks, 1):
            n = task_iri(self.doc, t.id)
            self.add(n, RDF.type, PKG.Task)
            self.add(n, RDF.type, ELI.LegalResourceSubdivision)
            self.add(n, PKG.clauseId, Literal(t.id))
            self.add(n, PKG.ordinal, Literal(i))
            self.add(n, ELI.number, Literal(t.number))
            self.add(n, ELI.title, Literal(t.title))
            self.part_of(n, section_iri(self.doc, t.section))
            self.span(n, PKG.span, t.span, "span", self.text_at(t.span))
            if t.title_span is not None:
                self.span(n, PKG.titleSpan, t.title_span, "title", self.text_at(t.title_span))
            if t.unit_text is not None:
                self.add(n, PKG.unitText, Literal(t.unit_text))
            if t.unit_span is not None:
                self.span(n, PKG.unitSpan, t.unit_span, "units", self.text_at(t.unit_span))
            for j, u in enumerate(t.units, 1):
                unit = self.unit(u.name, u.collective)
                self.add(n, PKG.leadUnit if u.role == "lead" else PKG.supportUnit, unit)
                m = sub_iri(n, f"unit-{j}")
                self.add(n, PKG.responsibility, m)
                self.add(m, RDF.type, PKG.Responsibility)
                self.add(m, PKG.ordinal, Literal(j))
                self.add(m, PKG.unit, unit)
                self.add(m, PKG.role, Literal(u.role))
                self.add(m, PKG.collective, Literal(bool(u.collective)))
                if u.span is not None:
                    self.span(m, PKG.span, u.span, f"unit-{j}-span", self.text_at(u.span), base=n)
                self.extras(m, u)
            if not t.units:
                self.add(n, PKG.noUnitReason, Literal(NO_UNIT_REASON))
            if t.deadline is not None:
                self.add(n, PKG.deadline, self.instant(t.deadline))
            if t.deadline_text is not None:
                self.add(n, PKG.deadlineText, Literal(t.deadline_text))
            self.extras(n, t)

    def targets(self) -> None:
        task_ids = {t.id for t in self.r.tasks}
        section_ids = {s.id for s in self.r.sections}
        for i, g in enumerate(self.r.targets, 1):
            n = target_iri(self.doc, g.id)
            self.add(n, RDF.type, PKG.Target)
            self.add(n, PKG.clauseId, Literal(g.id))
            self.add(n, PKG.ordinal, Literal(i))
            self.add(n, PKG.inDocument, self.work)
            owner = (section_iri(self.doc, g.task) if g.task not in task_ids and g.task in section_ids
                     else task_iri(self.doc, g.task))
            self.add(n, PKG.task, owner)
            self.span(n, PKG.span, g.span, "span", g.quote)
            if g.indicator is not None:
                self.add(n, PKG.indicator, Literal(g.indicator))
            if g.value is not None or g.unit is not None:
                q = sub_iri(n, "quantity")
                self.add(n, PKG.quantity, q)
                self.quantity(q, g.value, g.unit)
            also: dict[str, Any] = {}
            if g.threshold is not None:
                th = g.threshold if isinstance(g.threshold, dict) else {}
                q = sub_iri(n, "threshold")
                self.add(n, PKG.threshold, q)
                value = th.get("value")
                self.quantity(q, value if isinstance(value, (int, float)) and not isinstance(value, bool) else None,
                              th.get("unit"))
                if th.get("comparator") is not None:
                    self.add(q, PKG.comparator, Literal(th["comparator"]))
                rebuilt = threshold_from_parts(self.g.value(q, SCHEMA.value), th.get("unit"), th.get("comparator"))
                if rebuilt != g.threshold:  # keys or values the node cannot carry: keep the exact dict too
                    also["threshold"] = _jsonable(g.threshold)
            if g.comparator is not None:
                self.add(n, PKG.comparator, Literal(g.comparator))
            if g.baseline_year is not None:
                self.add(n, PKG.baselineYear, Literal(g.baseline_year))
            self.add(n, PKG.targetKind, Literal(g.kind))
            if g.hedge is not None:
                self.add(n, PKG.hedge, Literal(g.hedge))
            end = self.instant(g.deadline) if g.deadline is not None else None
            if end is not None:
                self.add(n, PKG.deadline, end)
            if g.period_start is not None:
                start = self.instant(g.period_start)
                self.add(n, PKG.periodStart, start)
                period = sub_iri(n, "period")
                self.add(n, PKG.period, period)
                self.add(period, RDF.type, TIME.ProperInterval)
                self.add(period, TIME.hasBeginning, start)
                if end is not None:
                    self.add(period, TIME.hasEnd, end)
            if g.deadline_text is not None:
                self.add(n, PKG.deadlineText, Literal(g.deadline_text))
            self.add(n, PKG.deadlineInherited, Literal(bool(g.deadline_inherited)))
            self.add(n, PKG.before, Literal(bool(g.before)))
            self.extras(n, g, also)


    def references(self) -> None:
        """Documents the plan names: work eli:cites {work}#ref-{n} for each; eli:applies when the plan implements it,
        pkg:drafts when it will produce it. The node stands for the named document as the text names it (its title,
        where it is named, the governing verb); kg.links resolves titles against stored plans."""
        for i, ref in enumerate(self.r.references, 1):
            n = sub_iri(self.work, f"ref-{i}")
            self.add(self.work, ELI.cites, n)
            if ref.relation == "implements":
                self.add(self.work, ELI.applies, n)
            elif ref.relation == "drafts":
                self.add(self.work, PKG.drafts, n)
            self.add(n, PKG.ordinal, Literal(i))
            self.add(n, ELI.title, Literal(ref.title))
            self.span(n, PKG.span, ref.span, f"ref-{i}-span", self.text_at(ref.span), base=self.work)
            if ref.context is not None:
                self.span(n, PKG.contextSpan, ref.context, f"ref-{i}-context", self.text_at(ref.context),
                          base=self.work)
            if ref.cue is not None:
                self.add(n, PKG.cue, Literal(ref.cue))
            self.extras(n, ref, None if ref.relation in RELATIONS else {"relation": ref.relation})


def record_to_graph(record: PlanRecord, generated_at: Optional[datetime] = None) -> Graph:
    """All triples of one document version (to be stored in the named graph `vocab.doc_graph(record.document.id)`).

    `generated_at` stamps the extraction activity (prov:endedAtTime); it defaults to now, UTC."""
    check_record(record)
    w = _Writer(record)
    w.document(generated_at or datetime.now(timezone.utc))
    w.sections()
    w.tasks()
    w.targets()
    w.references()
    return w.g

