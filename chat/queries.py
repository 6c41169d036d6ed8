"""The SPARQL behind structured answers: tasks, their units, targets — each filtered by document, unit, role,
section, clause id and dates, with every value bound (never formatted into the query text).

Why composed from fixed fragments: each intent needs the same few shapes with different filters; composing constant
fragments keeps one reviewed text per shape, and `Query.text` (what the answer reports in its `query` field) is
exactly what ran, with its VALUES block (kg.binding.bind) in place. Vocabulary: ontology/policykg.ttl (pkg:, eli:,
oa:, schema:, time:). Selectors are told apart by their properties (oa:start / oa:exact), not by rdf:type:
rdflib's in-memory engine evaluates a type pattern with an unbound subject first and the query then takes minutes.
The kg store API had no task/target listing by unit or section, so these helpers live here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from kg.binding import bind
from kg.vocab import check_iri, doc_graph

__all__ = ["Query", "tasks_query", "task_units_query", "targets_query", "run"]


@dataclass(frozen=True)
class Query:
    sparql: str
    bindings: dict[str, Any]

    @property
    def text(self) -> str:
        """The query as run (prefixes omitted), bound values shown in its VALUES block."""
        return bind(self.sparql, self.bindings).strip()


def run(store, q: Query) -> list[dict[str, Any]]:
    return store.query(q.sparql, q.bindings)


def _in_doc_graph(sparql: str, b: dict[str, Any]) -> Query:
    """The query with its WHERE body inside `GRAPH <the document's named graph>`.

    Why: every question here is about one document, and a pattern over the union default graph starts from the
    bound unit label, which a corpus of many plans repeats in every issuer's documents — the cost then grew with the
    corpus (chat.answer 72 ms at 100 synthetic plans, 1.3 s at 1,000). Inside the document's own graph it does not.
    Why the IRI is written into the text rather than bound: Oxigraph 0.5 evaluates `VALUES ?g … GRAPH ?g {…}` over
    every graph before joining (22 s at 1,000 plans, and it returned no rows there). The IRI is not user text: it is
    minted by kg.vocab.doc_graph (every character of the id percent-encoded) and checked by check_iri."""
    head, body = sparql.split("WHERE {\n", 1)
    body, tail = body.rsplit("}", 1)
    lines = body.splitlines(keepends=True)
    # FILTERs stay outside the GRAPH group: the bound values (VALUES at the top of WHERE) are not in scope inside it
    filters = "".join(line for line in lines if line.lstrip().startswith("FILTER("))
    body = "".join(line for line in lines if not line.lstrip().startswith("FILTER("))
    graph = check_iri(str(doc_graph(b["doc"])))
    return Query(f"{head}WHERE {{ GRAPH <{graph}> {{\n{body}  }}\n{filters}}}{tail}", b)


# Fragments are ordered so that the most selective bound pattern comes first: rdflib's in-memory engine evaluates
# a basic graph pattern largely in the order written, and a query that starts from every target instead of from the
# one bound unit runs 5–50 times slower there (Oxigraph plans its own order and does not care).
_DOC = "  ?w eli:id_local ?doc .\n"
_UNIT_SCOPE = """  ?u skos:prefLabel ?unit . ?r pkg:unit ?u ; pkg:role ?role . ?{node} pkg:responsibility ?r .
  ?{node} pkg:inDocument ?w . ?w eli:id_local ?doc .
"""
_SECTION_SCOPE = """  ?w eli:id_local ?doc . ?sec pkg:inDocument ?w ; pkg:clauseId ?section ; a pkg:Section .
  ?{node} eli:is_part_of{path} ?sec .
"""
_ID_SCOPE = """  ?w eli:id_local ?doc . ?{node} pkg:inDocument ?w ; pkg:clauseId ?{var} .
"""
_TASK_BODY = """  ?task a pkg:Task ; pkg:inDocument ?w ; pkg:clauseId ?tid ; pkg:ordinal ?ord ; eli:title ?title .
  OPTIONAL { ?task pkg:titleSpan ?tsp . ?tsp oa:hasSelector ?tpos , ?tqs . ?tpos oa:start ?ts ; oa:end ?te .
             ?tqs oa:exact ?tq }
  OPTIONAL { ?task pkg:unitSpan ?usp . ?usp oa:hasSelector ?upos , ?uqs . ?upos oa:start ?us ; oa:end ?ue .
             ?uqs oa:exact ?uq }
"""
_TASK_SELECT = "SELECT DISTINCT ?tid ?ord ?title ?ts ?te ?tq ?us ?ue ?uq WHERE {\n"
_TAIL = "} ORDER BY ?ord\n"


def tasks_query(doc: str, unit: Optional[str] = None, lead_only: bool = False, section: Optional[str] = None,
                task: Optional[str] = None) -> Query:
    """Tasks of a document, optionally of one unit (as lead only), of one section (and its sub-sections), or one id."""
    parts, b = [_TASK_SELECT], {"doc": doc}
    if unit is not None:
        parts.append(_UNIT_SCOPE.format(node="task"))
        b["unit"] = unit
        if lead_only:
            b["role"] = "lead"
    elif section is not None:
        parts.append(_SECTION_SCOPE.format(node="task", path="+"))
    elif task is not None:
        parts.append(_ID_SCOPE.format(node="task", var="tid"))
    else:
        parts.append(_DOC)
    if section is not None:
        b["section"] = section
        if unit is not None:
            parts.append("  ?task eli:is_part_of+ ?sec . ?sec pkg:clauseId ?section ; pkg:inDocument ?w .\n")
    if task is not None:
        b["tid"] = task
    parts.append(_TASK_BODY)
    parts.append(_TAIL)
    return _in_doc_graph("".join(parts), b)


_UNITS = """SELECT ?tid ?unit ?role ?collective ?rord ?us ?ue ?uq WHERE {
  ?w eli:id_local ?doc .
  ?task pkg:inDocument ?w ; pkg:clauseId ?tid ; a pkg:Task ; pkg:ordinal ?ord ; pkg:responsibility ?r .
  ?r pkg:unit/skos:prefLabel ?unit ; pkg:role ?role ; pkg:collective ?collective ; pkg:ordinal ?rord .
  OPTIONAL { ?r pkg:span ?rsp . ?rsp oa:hasSelector ?rpos , ?rqs . ?rpos oa:start ?us ; oa:end ?ue .
             ?rqs oa:exact ?uq }
} ORDER BY ?ord ?rord
"""


def task_units_query(doc: str, task: Optional[str] = None) -> Query:
    """The units named for one task (or for every task), in the document's order, with roles."""
    b: dict[str, Any] = {"doc": doc}
    if task is not None:
        b["tid"] = task
    return _in_doc_graph(_UNITS, b)


_TARGET_SELECT = """SELECT DISTINCT ?gid ?ord ?owner ?quote ?s ?e ?indicator ?value ?vunit ?comparator ?kind ?deadline
       ?hedge WHERE {
"""
_TARGET_BODY = """  ?target pkg:task ?o ; a pkg:Target ; pkg:inDocument ?w ; pkg:clauseId ?gid ; pkg:ordinal ?ord ;
          pkg:targetKind ?kind ; pkg:span ?sp .
  ?o pkg:clauseId ?owner .
  ?sp oa:hasSelector ?pos , ?qs . ?pos oa:start ?s ; oa:end ?e . ?qs oa:exact ?quote .
"""
_TARGET_DETAILS = """  OPTIONAL { ?target pkg:indicator ?indicator }
  OPTIONAL { ?target pkg:quantity/schema:value ?value }
  OPTIONAL { ?target pkg:quantity/schema:unitText ?vunit }
  OPTIONAL { ?target pkg:comparator ?comparator }
  OPTIONAL { ?target pkg:hedge ?hedge }
"""
_DEADLINE_OPT = "  OPTIONAL { ?target pkg:deadline ?dl . ?dl time:inXSDDate ?deadline }\n"
_DEADLINE_REQ = "  ?target pkg:deadline ?dl . ?dl time:inXSDDate ?deadline .\n"
_UNTIL = "  FILTER(?deadline <= ?until)\n"
_BEFORE = "  FILTER(?deadline < ?asOf)\n"
_FROM = "  FILTER(?deadline >= ?from)\n"


def targets_query(doc: str, unit: Optional[str] = None, lead_only: bool = False, section: Optional[str] = None,
                  owner: Optional[str] = None, target: Optional[str] = None, until: Optional[date] = None,
                  before: Optional[date] = None, since: Optional[date] = None, dated: bool = False) -> Query:
    """Targets of a document, filtered by the unit of their task, a section, their task (`owner`), their id, and by
    deadline: `until` (≤), `before` (<), `since` (≥); `dated` keeps only targets that have a deadline."""
    parts, b = [_TARGET_SELECT], {"doc": doc}
    if unit is not None:
        parts.append(_UNIT_SCOPE.format(node="o"))
        b["unit"] = unit
        if lead_only:
            b["role"] = "lead"
    elif target is not None:
        parts.append(_ID_SCOPE.format(node="target", var="gid"))
    elif owner is not None:
        parts.append(_ID_SCOPE.format(node="o", var="owner"))
    elif section is not None:
        parts.append(_SECTION_SCOPE.format(node="o", path="*"))
    else:
        parts.append(_DOC)
    if section is not None:
        b["section"] = section
        if unit is not None or target is not None or owner is not None:
            parts.append("  ?o eli:is_part_of* ?sec . ?sec pkg:clauseId ?section ; pkg:inDocument ?w .\n")
    if target is not None:
        b["gid"] = target
    if owner is not None:
        b["owner"] = owner
    parts.append(_TARGET_BODY)
    need_deadline = dated or until is not None or before is not None or since is not None
    parts.append(_DEADLINE_REQ if need_deadline else _DEADLINE_OPT)
    if until is not None:
        parts.append(_UNTIL)
        b["until"] = until
    if before is not None:
        parts.append(_BEFORE)
        b["asOf"] = before
    if since is not None:
        parts.append(_FROM)
        b["from"] = since
    parts.append(_TARGET_DETAILS)
    parts.append(_TAIL)
    return _in_doc_graph("".join(parts), b)
