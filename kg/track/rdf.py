"""Progress reports ↔ RDF in the progress graph (kg.PROGRESS_GRAPH): PROV-O activities, append-only.

Why this shape:
- A report is a `prov:Activity` (and a `pkg:ProgressReport`): the unit's act of reporting. It `prov:used` the
  target or task IRI of the document graph (what it is about), `prov:wasAssociatedWith` the unit's org:Organization IRI
  (kg.vocab.unit_iri, the same IRI the plan uses), `prov:endedAtTime` when it was recorded, `pkg:valueDate` the day
  the value refers to, a value and unit (`pkg:reportedValue`, `pkg:reportedUnit`) and/or a milestone state
  (`pkg:state` "已完成" and the matching `schema:actionStatus`). A file import adds `prov:used` the file (a
  prov:Entity named by its sha256), its name and the row number.
- Append-only: nothing is ever deleted or rewritten. A correction is a new report with `pkg:supersedes` and
  `prov:wasRevisionOf` the old one; readers drop superseded reports from status, history shows both.
- Report ids are random UUIDs (`uuid4`): unique without coordination between concurrent writers, stable once minted.
  The IRI is `https://w3id.org/policykg/id/report/{uuid}`.
- Reports share no predicate with the plan's own patterns (no pkg:inDocument, no schema:value on a quantity node;
  the value is `pkg:reportedValue`, read as a schema:value of the target's kind): the catalog queries over document
  graphs must cost the same with a million reports as with none.
- For speed, derived facts are written with every report, all append-only-safe (adding them twice is a no-op):
  a two-level date index — `{subject} pkg:reportedInMonth "YYYY-MM-01"^^xsd:date`, `{subject}#progress-YYYY-MM
  pkg:reportedOnDay "YYYY-MM-DD"^^xsd:date` and `{subject}#progress-YYYY-MM-DD pkg:report {report}` — and
  `pkg:reportKey` "date|recorded|row|id|{json summary}", whose string order is the order in which reports win and
  whose tail is what a status needs. The latest report of every subject as of a date is then found by small
  aggregates inside the engine (kg.track.latest), whose cost does not grow with the number of reports stored.
"""
from __future__ import annotations

import datetime as _dt
import json
from typing import Any, Iterable, Optional
from urllib.parse import unquote

from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from ..vocab import BASE, PKG, PROV, SCHEMA, sub_iri, unit_iri, unit_scope
from .model import Report

__all__ = ["report_iri", "report_id_of", "file_iri", "month_of", "month_slot_iri", "slot_iri", "report_key",
           "report_from_key",
           "report_triples", "file_triples",
           "reports_from_triples", "subject_of_iri", "ACTION_STATUS", "normalize_timestamp", "now_utc"]

_REPORT_BASE = BASE + "id/report/"
_FILE_BASE = BASE + "id/import/"

#: milestone state → schema.org ActionStatusType (受阻 has no exact match: a blocked action has failed for now)
ACTION_STATUS = {"未启动": SCHEMA.PotentialActionStatus, "推进中": SCHEMA.ActiveActionStatus,
                 "已完成": SCHEMA.CompletedActionStatus, "受阻": SCHEMA.FailedActionStatus}


def report_iri(report_id: str) -> URIRef:
    return URIRef(_REPORT_BASE + report_id)


def report_id_of(iri: str) -> str:
    return str(iri)[len(_REPORT_BASE):] if str(iri).startswith(_REPORT_BASE) else str(iri)


def file_iri(sha256: str) -> URIRef:
    """The imported file, named by its content (the same file imported twice is the same entity)."""
    return URIRef(_FILE_BASE + sha256)


def month_of(date: str) -> str:
    """'2025-06-30' → '2025-06-01' (the month key of the index)."""
    return date[:8] + "01"


def month_slot_iri(subject_iri: str, date: str) -> URIRef:
    """The index node that lists the days of one month on which a subject has reports."""
    return sub_iri(subject_iri, f"progress-{date[:7]}")


def slot_iri(subject_iri: str, date: str) -> URIRef:
    """The index node that lists a subject's reports of one day."""
    return sub_iri(subject_iri, f"progress-{date[:10]}")


def subject_of_iri(iri: str) -> tuple[str, str, str]:
    """(doc id, "target"|"task", clause id) of a target or task IRI (kg.vocab's scheme)."""
    head, kind, clause = str(iri).rsplit("/", 2)
    doc = unquote(head.rsplit("/", 1)[1])
    return doc, kind, unquote(clause)


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(float(value))), datatype=XSD.decimal)


def report_key(report: Report) -> str:
    """'2025-06-30|2025-07-01T02:03:04.000005Z|00000012|{id}|{json}': the first four fields compare in the order in
    which reports win (Report.sort_key); the JSON tail carries what a status needs, so the winner of every subject is
    read by one aggregate (MAX) without a second look-up. Split it with `summary_from_key`."""
    tail = {"doc": report.doc, "subject": report.subject, "kind": report.subject_kind, "by": report.by,
            "value": report.value, "unit": report.unit, "state": report.state, "baseline": report.baseline,
            "note": report.note, "source": report.source}
    return (f"{report.date}|{report.reported_at}|{int(report.seq):08d}|{report.id}|"
            + json.dumps(tail, ensure_ascii=False, separators=(",", ":")))


def report_from_key(key: str) -> Report:
    """The Report a key summarises (supersession links are not in the key)."""
    date, at, seq, rid, tail = key.split("|", 4)
    d = json.loads(tail)
    return Report(id=rid, doc=d["doc"], subject=d["subject"], subject_kind=d["kind"], date=date, by=d["by"],
                  reported_at=at, value=d["value"], unit=d["unit"], state=d["state"], note=d["note"],
                  source=d["source"], seq=int(seq), baseline=d["baseline"])


# predicates resolved once (a Namespace attribute look-up costs more than the triple it builds)
_TYPE, _USED, _AGENT, _ENDED = RDF.type, PROV.used, PROV.wasAssociatedWith, PROV.endedAtTime
_REPORT, _ACTIVITY, _ENTITY = PKG.ProgressReport, PROV.Activity, PROV.Entity
_VALUE_DATE, _KEY, _IN_MONTH, _SLOT_REPORT = PKG.valueDate, PKG.reportKey, PKG.reportedInMonth, PKG.report
_ON_DAY = PKG.reportedOnDay
_VALUE, _UNIT, _STATE, _ACTION = PKG.reportedValue, PKG.reportedUnit, PKG.state, SCHEMA.actionStatus
_NOTE = RDFS.comment
_BASELINE, _ROW, _FILE, _SHA, _NAME = PKG.baselineValue, PKG.sourceRow, PKG.sourceFile, PKG.sha256, SCHEMA.name
_SUPERSEDES_P, _REVISION = PKG.supersedes, PROV.wasRevisionOf


def report_triples(report: Report, subject_iri: str, issuer: Optional[str],
                   file_sha256: Optional[str] = None) -> list[tuple]:
    """The triples of one report (to be added to the progress graph). A file's own triples: file_triples."""
    r = report_iri(report.id)
    s = URIRef(subject_iri)
    out: list[tuple] = [
        (r, _TYPE, _REPORT), (r, _TYPE, _ACTIVITY), (r, _USED, s),
        (r, _AGENT, unit_iri(unit_scope(issuer, report.doc), report.by)),
        (r, _VALUE_DATE, Literal(report.date, datatype=XSD.date)),
        (r, _ENDED, Literal(report.reported_at, datatype=XSD.dateTime)),
        (r, _KEY, Literal(report_key(report))),
        # the month index (see module docstring)
        (s, _IN_MONTH, Literal(month_of(report.date), datatype=XSD.date)),
        (month_slot_iri(subject_iri, report.date), _ON_DAY, Literal(report.date, datatype=XSD.date)),
        (slot_iri(subject_iri, report.date), _SLOT_REPORT, r),
    ]
    if report.value is not None:
        out.append((r, _VALUE, _decimal(report.value)))
    if report.unit is not None:
        out.append((r, _UNIT, Literal(report.unit)))
    if report.state is not None:
        out += [(r, _STATE, Literal(report.state)), (r, _ACTION, ACTION_STATUS[report.state])]
    if report.note:
        out.append((r, _NOTE, Literal(report.note)))
    if report.baseline is not None:
        out.append((r, _BASELINE, _decimal(report.baseline)))
    if report.source_row is not None:
        out.append((r, _ROW, Literal(int(report.source_row))))
    if report.source_file:
        out.append((r, _FILE, Literal(report.source_file)))
    if file_sha256:
        out.append((r, _USED, file_iri(file_sha256)))
    for old in report.supersedes:
        out += [(r, _SUPERSEDES_P, report_iri(old)), (r, _REVISION, report_iri(old))]
    return out


def file_triples(file_sha256: str, file_name: Optional[str]) -> list[tuple]:
    """An imported file as a prov:Entity, named by its content (written once per import)."""
    f = file_iri(file_sha256)
    out = [(f, _TYPE, _ENTITY), (f, _SHA, Literal(file_sha256))]
    if file_name:
        out.append((f, _NAME, Literal(file_name)))
    return out


def _num(value: Any) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


_FIELDS = {str(PKG.valueDate): "date", str(PROV.endedAtTime): "at", str(PKG.reportedValue): "value",
           str(PKG.reportedUnit): "unit", str(PKG.state): "state", str(RDFS.comment): "note",
           str(PKG.baselineValue): "baseline", str(PKG.sourceRow): "row", str(PKG.sourceFile): "file",
           str(PROV.wasAssociatedWith): "agent"}
_SUPERSEDES = str(PKG.supersedes)
_USED_S = str(PROV.used)


def reports_from_triples(rows: Iterable[dict[str, Any]]) -> list[Report]:
    """Reports from rows {r, p, o} holding every triple of each report (query `?r ?p ?o` with ?r bound). Who
    supersedes whom is filled from the `supersedes` links among the reports read (callers read a whole history)."""
    props: dict[str, dict[str, Any]] = {}
    sups: dict[str, list[str]] = {}
    for row in rows:
        rid = report_id_of(row["r"])
        field = _FIELDS.get(row["p"])
        if field is not None:
            props.setdefault(rid, {})[field] = row["o"]
        elif row["p"] == _USED_S and not str(row["o"]).startswith(_FILE_BASE):
            props.setdefault(rid, {})["about"] = row["o"]
        elif row["p"] == _SUPERSEDES:
            sups.setdefault(rid, []).append(report_id_of(row["o"]))
    out = []
    for rid, f in props.items():
        if "about" not in f or "date" not in f or "agent" not in f or "at" not in f:
            continue  # not a report (or a partial read): nothing to show
        doc, kind, clause = subject_of_iri(f["about"])
        out.append(Report(
            id=rid, doc=doc, subject=clause, subject_kind=kind, date=str(f["date"])[:10],
            by=unquote(str(f["agent"]).rsplit("/", 1)[1]), reported_at=normalize_timestamp(str(f["at"])),
            value=_num(f.get("value")), unit=f.get("unit"), state=f.get("state"), note=f.get("note"),
            source="import" if f.get("file") else "manual", source_file=f.get("file"),
            source_row=int(f["row"]) if f.get("row") is not None else None,
            seq=int(f["row"]) if f.get("row") is not None else 0, baseline=_num(f.get("baseline")),
            supersedes=sorted(sups.get(rid, []))))
    by_id = {r.id: r for r in out}
    for r in out:
        for old in r.supersedes:
            if old in by_id and r.id not in by_id[old].superseded_by:
                by_id[old].superseded_by.append(r.id)
    return out


def normalize_timestamp(text: str) -> str:
    """A stored xsd:dateTime in the one lexical form this module writes (engines may print `.1Z` for `.100000Z`),
    so that recording times compare correctly as strings."""
    t = text.strip()
    if t.endswith("Z"):
        t = t[:-1] + "+00:00"
    try:
        value = _dt.datetime.fromisoformat(t)
    except ValueError:
        return text
    if value.tzinfo is not None:
        value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_utc() -> str:
    """A recording timestamp: UTC, microseconds, `Z` (sorts lexically in time order)."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
