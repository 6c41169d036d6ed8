"""Which reports count: the latest effective report of every target and task as of a date, and a subject's history.

Why not "read every report and take the maximum": with 100,000 reports that is 100,000 rows through the engine for
every status question. The two-level date index that kg.track.rdf writes (subject → months → days → reports) turns it
into three small aggregates, each one row per subject, whose cost does not grow with the number of reports:
  1. months: per subject, the latest month ≤ the as-of month that has a report;
  2. days:   per chosen month, the latest day ≤ as-of that has a report;
  3. best:   per chosen day, the greatest report key among reports that no report supersedes; the key's tail carries
             the winner's value, unit, state, unit name and note (kg.track.rdf.report_key), so nothing else is read.
A subject whose chosen day has only superseded reports steps back to the previous day of that month, and a month with
no usable day steps back to the previous month — all such subjects together, one query per step, each step strictly
earlier, so the loop ends. Superseded reports never count, whatever the as-of date: a correction says the old figure
was wrong.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Optional

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ..store import PROGRESS_GRAPH, Store
from ..vocab import target_iri, task_iri, work_iri
from .model import Report
from .rdf import month_slot_iri, report_from_key, report_iri, reports_from_triples, slot_iri
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

# No GRAPH wrapper where VALUES rows must drive the join: index nodes and reports exist only in the progress graph.
_MONTHS_BEFORE = """
SELECT ?s (MAX(?m) AS ?month) WHERE {
  ?s pkg:reportedInMonth ?m .
  FILTER(?m < ?before)
} GROUP BY ?s"""

_DAYS = """
SELECT ?mslot (MAX(?d) AS ?day) WHERE {
  ?mslot pkg:reportedOnDay ?d .
  FILTER(?d < ?before)
} GROUP BY ?mslot"""

_BEST = """
SELECT ?slot (MAX(?key) AS ?best) WHERE {
  ?slot pkg:report ?r . ?r pkg:reportKey ?key .
  FILTER NOT EXISTS { ?later pkg:supersedes ?r }
} GROUP BY ?slot"""

_TRIPLES = "SELECT ?r ?p ?o WHERE { ?r ?p ?o }"
_SUBJECT_TRIPLES = "SELECT ?r ?p ?o WHERE { ?r prov:used ?s0 ; a pkg:ProgressReport ; ?p ?o }"


def _day(value: Any) -> _dt.date:
    return _dt.date.fromisoformat(str(value)[:10])


def _date(d: _dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _month_start(d: _dt.date) -> _dt.date:
    return d.replace(day=1)


def latest_reports(store: Store, as_of: _dt.date, doc: Optional[str] = None) -> dict[str, Report]:
    """{subject IRI: its latest effective report dated ≤ as_of} for every target and task (of `doc`, or of all
    documents) that has one."""
    if doc is None:
        rows = store.query(_MONTHS_ALL, {"limit": _date(_month_start(as_of))})
    else:
        rows = store.query(_MONTHS_DOC, {"limit": _date(_month_start(as_of)), "w": work_iri(doc)})
    months = {r["s"]: _day(r["month"]) for r in rows if r.get("month") is not None}
    # a day cursor per subject: its month's days strictly before it are looked at (first: the day after as-of in
    # the as-of month, the first of the next month otherwise; after a superseded day: that day)
    first_after = as_of + _dt.timedelta(days=1)
    before: dict[str, _dt.date] = {}
    found: dict[str, Report] = {}
    while months:
        for s, m in months.items():
            if s not in before:
                before[s] = first_after if m == _month_start(as_of) else _month_start(m + _dt.timedelta(days=31))
        days = _latest_days(store, months, before)
        best = _best(store, days)
        found.update(best)
        stepped = {s: d for s, d in days.items() if s not in best}  # only superseded reports on that day
        for s, d in stepped.items():
            before[s] = d
        next_months = {s: m for s, m in months.items() if s in stepped}
        empty = [s for s in months if s not in days]  # no day left in that month: the previous month
        if empty:
            query = with_values(store, _MONTHS_BEFORE, ["s", "before"],
                                [(URIRef(s), _date(months[s])) for s in empty])
            for r in store.query(query):
                if r.get("month") is not None:
                    next_months[r["s"]] = _day(r["month"])
                    before.pop(r["s"], None)
        months = next_months
    return found


def _latest_days(store: Store, months: dict[str, _dt.date], before: dict[str, _dt.date]) -> dict[str, _dt.date]:
    """Per subject, the latest day with a report in its month that is before its cursor."""
    slots = {str(month_slot_iri(s, m.isoformat())): s for s, m in months.items()}
    query = with_values(store, _DAYS, ["mslot", "before"], [(URIRef(x), _date(before[s])) for x, s in slots.items()])
    return {slots[r["mslot"]]: _day(r["day"]) for r in store.query(query) if r.get("day") is not None}


def _best(store: Store, days: dict[str, _dt.date]) -> dict[str, Report]:
    """Per subject, the winning effective report of its chosen day (none when all were superseded)."""
    if not days:
        return {}
    slots = {str(slot_iri(s, d.isoformat())): s for s, d in days.items()}
    query = with_values(store, _BEST, ["slot"], [(URIRef(x),) for x in slots])
    return {slots[r["slot"]]: report_from_key(r["best"]) for r in store.query(query) if r.get("best")}


def history(store: Store, doc: str, subject: str, kind: str = "target") -> list[Report]:
    """Every report about one target (or task), superseded ones included, oldest first."""
    iri = target_iri(doc, subject) if kind == "target" else task_iri(doc, subject)
    return sorted(reports_from_triples(store.query(_SUBJECT_TRIPLES, {"s0": iri})), key=Report.sort_key)


def reports_by_id(store: Store, ids: list[str]) -> dict[str, Report]:
    """The stored reports with these ids (unknown ids are absent from the result)."""
    iris = [URIRef(report_iri(i)) for i in ids]
    if not iris:
        return {}
    rows = store.query(with_values(store, _TRIPLES, ["r"], [(i,) for i in iris]))
    return {r.id: r for r in reports_from_triples(rows)}
