"""Which reports count: the latest effective report of every target and task as of a date, and a subject's history.

Why not "read every report and take the maximum": with 100,000 reports that is 100,000 rows out of the engine for
every status question. With the month index and the sort key that kg.track.rdf writes, it is three small queries:
  1. per subject, the latest month ≤ the as-of month that has any report (an aggregate over month keys:
     subjects × months rows, however many reports there are);
  2. per (subject, month) index node, the greatest report key among its reports that are dated ≤ as-of and that no
     report supersedes (an aggregate inside the engine: one row per subject comes out, and the key's tail carries
     the winning report's value, unit, state, unit name and note — kg.track.rdf.report_key).
A subject whose chosen month holds no such report (all superseded, or all dated after as-of within the as-of month)
is asked again for earlier months, all such subjects in one query per round; each round looks strictly earlier.

Superseded reports never count, whatever the as-of date: a correction says the old figure was wrong.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ..store import PROGRESS_GRAPH, Store
from ..vocab import target_iri, task_iri, work_iri
from .model import Report
from .rdf import month_of, report_from_key, report_iri, reports_from_triples, slot_iri
from .values import with_values

__all__ = ["latest_reports", "history", "reports_by_id"]

PG = str(PROGRESS_GRAPH)  # a constant of ours, checked by kg.vocab; reports live only there

_MONTHS_ALL = """
SELECT ?s (MAX(?m) AS ?month) WHERE {
  GRAPH <{PG}> { ?s pkg:reportedInMonth ?m }
  FILTER(?m <= ?limit)
} GROUP BY ?s""".replace("{PG}", PG)

_MONTHS_DOC = """
SELECT ?s (MAX(?m) AS ?month) WHERE {
  ?s pkg:inDocument ?w .
  GRAPH <{PG}> { ?s pkg:reportedInMonth ?m }
  FILTER(?m <= ?limit)
} GROUP BY ?s""".replace("{PG}", PG)

_MONTHS_BEFORE = """
SELECT ?s (MAX(?m) AS ?month) WHERE {
  GRAPH <{PG}> { ?s pkg:reportedInMonth ?m }
  FILTER(?m < ?before)
} GROUP BY ?s""".replace("{PG}", PG)

# No GRAPH wrapper where VALUES rows must drive the join: index nodes and reports exist only in the progress graph.
_BEST_IN_SLOT = """
SELECT ?slot (MAX(?key) AS ?best) WHERE {
  ?slot pkg:report ?r . ?r pkg:reportKey ?key .
  FILTER(?key < ?limit)
  FILTER NOT EXISTS { ?later pkg:supersedes ?r }
} GROUP BY ?slot"""

_TRIPLES = "SELECT ?r ?p ?o WHERE { ?r ?p ?o }"
_SUBJECT_TRIPLES = "SELECT ?r ?p ?o WHERE { ?r prov:used ?s0 ; a pkg:ProgressReport ; ?p ?o }"


def _day(value: Any) -> _dt.date:
    return _dt.date.fromisoformat(str(value)[:10])


def _read(store: Store, iris: list[str]) -> list[Report]:
    """Every stored report among these IRIs, fully read (one query)."""
    if not iris:
        return []
    return reports_from_triples(store.query(with_values(store, _TRIPLES, ["r"], [(URIRef(i),) for i in iris])))


def latest_reports(store: Store, as_of: _dt.date, doc: Optional[str] = None) -> dict[str, Report]:
    """{subject IRI: its latest effective report dated ≤ as_of} for every target and task (of `doc`, or of all
    documents) that has one."""
    limit_month = _day(month_of(as_of.isoformat()))
    if doc is None:
        rows = store.query(_MONTHS_ALL, {"limit": limit_month})
    else:
        rows = store.query(_MONTHS_DOC, {"limit": limit_month, "w": work_iri(doc)})
    pending = {r["s"]: _day(r["month"]) for r in rows if r.get("month") is not None}
    key_limit = as_of.isoformat() + "}"  # '}' sorts after the key's '|': every key of a day ≤ as_of is below it
    winners: dict[str, Report] = {}
    while pending:
        slots = {str(slot_iri(s, m.isoformat())): s for s, m in pending.items()}
        query = with_values(store, _BEST_IN_SLOT, ["slot"], [(URIRef(x),) for x in slots])
        for row in store.query(query, {"limit": key_limit}):
            if row.get("best"):
                winners[slots[row["slot"]]] = report_from_key(row["best"])
        left = {s: m for s, m in pending.items() if s not in winners}
        if not left:
            break
        query = with_values(store, _MONTHS_BEFORE, ["s", "before"],
                            [(URIRef(s), Literal(m.isoformat(), datatype=XSD.date)) for s, m in left.items()])
        pending = {r["s"]: _day(r["month"]) for r in store.query(query) if r.get("month") is not None}
    return winners


def history(store: Store, doc: str, subject: str, kind: str = "target") -> list[Report]:
    """Every report about one target (or task), superseded ones included, oldest first."""
    iri = target_iri(doc, subject) if kind == "target" else task_iri(doc, subject)
    return sorted(reports_from_triples(store.query(_SUBJECT_TRIPLES, {"s0": iri})), key=Report.sort_key)


def reports_by_id(store: Store, ids: list[str]) -> dict[str, Report]:
    """The stored reports with these ids (unknown ids are absent from the result)."""
    return {r.id: r for r in _read(store, [str(report_iri(i)) for i in ids])}
