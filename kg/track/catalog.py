"""What the tracker needs to know about stored plans: targets, tasks, their units and dates — read set-based.

Why a catalog instead of PlanRecords: status for every target of a plan must come from a few set-based queries, not
from rebuilding whole documents (Store.record reads every triple, canonical text included). Three small queries over
the document graphs (documents, tasks with their units, targets) give everything the status rules and the reports
need; they cost the same whether the progress graph holds ten reports or a million.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..store import Store
from ..vocab import target_iri, task_iri, work_iri

__all__ = ["DocInfo", "TaskInfo", "TargetInfo", "UnitLink", "Catalog", "load_catalog"]


@dataclass(frozen=True)
class UnitLink:
    """One unit named for a task, in the document's order."""
    name: str
    role: str  # "lead" | "support"
    collective: bool


@dataclass
class DocInfo:
    id: str
    title: Optional[str]
    issuer: Optional[str]
    published: Optional[str]
    ingested: Optional[str]  # date of the extraction run that stored this version


@dataclass
class TaskInfo:
    doc: str
    id: str
    title: Optional[str]
    ordinal: int
    deadline: Optional[str]
    units: list[UnitLink] = field(default_factory=list)

    @property
    def iri(self) -> str:
        return str(task_iri(self.doc, self.id))


@dataclass
class TargetInfo:
    doc: str
    id: str
    task: str
    ordinal: int
    kind: str
    quote: str
    indicator: Optional[str]
    value: Optional[float]
    unit: Optional[str]
    comparator: Optional[str]
    baseline_year: Optional[int]
    period_start: Optional[str]
    deadline: Optional[str]
    units: list[UnitLink] = field(default_factory=list)  # the owning task's units (none for a section's targets)

    @property
    def iri(self) -> str:
        return str(target_iri(self.doc, self.id))


@dataclass
class Catalog:
    docs: dict[str, DocInfo]
    tasks: dict[tuple[str, str], TaskInfo]  # (doc, task id) → task
    targets: dict[tuple[str, str], TargetInfo]  # (doc, target id) → target, in document order per doc
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # per-catalog memo (alias registries, …)

    def targets_of_task(self, doc: str, task: str) -> list[TargetInfo]:
        return [t for t in self.targets.values() if t.doc == doc and t.task == task]

    def unit_names(self, doc: str) -> list[tuple[str, bool]]:
        """(name, collective) of every unit the document names, in order of first mention."""
        seen: dict[str, bool] = {}
        for t in sorted((t for t in self.tasks.values() if t.doc == doc), key=lambda t: t.ordinal):
            for u in t.units:
                seen.setdefault(u.name, u.collective)
        return list(seen.items())

    def path_start(self, target: TargetInfo) -> Optional[str]:
        """Where the straight-line path to a target's deadline starts: its period start, else the plan's
        publication date, else the day the plan was ingested."""
        if target.period_start:
            return target.period_start
        d = self.docs.get(target.doc)
        if d is None:
            return None
        return d.published or d.ingested


_DOCS = """
SELECT ?doc ?title ?issuer ?published ?ingested WHERE {
  ?w a eli:LegalResource ; eli:id_local ?doc ; eli:is_realized_by ?e .
  OPTIONAL { ?e eli:title ?title }
  OPTIONAL { ?w eli:passed_by/skos:prefLabel ?issuer }
  OPTIONAL { ?w eli:date_publication ?published }
  OPTIONAL { ?e prov:wasGeneratedBy/prov:endedAtTime ?ingested }
}"""

_TASKS = """
SELECT ?doc ?tid ?title ?ord ?deadline ?mord ?name ?role ?coll WHERE {
  ?t a pkg:Task ; pkg:clauseId ?tid ; pkg:inDocument ?w ; pkg:ordinal ?ord .
  ?w eli:id_local ?doc .
  OPTIONAL { ?t eli:title ?title }
  OPTIONAL { ?t pkg:deadline/time:inXSDDate ?deadline }
  OPTIONAL { ?t pkg:responsibility ?m . ?m pkg:ordinal ?mord ; pkg:unit ?u ; pkg:role ?role ; pkg:collective ?coll .
             ?u skos:prefLabel ?name }
}"""

# Every target has a span with a quote (kg.rdf writes one), so the quote is a join, not an OPTIONAL: Oxigraph answers
# this shape about a third faster. Single-hop OPTIONALs only, for the same reason.
_TARGETS = """
SELECT ?doc ?xid ?tid ?ord ?kind ?quote ?indicator ?value ?unit ?cmp ?baseline ?start ?deadline WHERE {
  ?x a pkg:Target ; pkg:clauseId ?xid ; pkg:inDocument ?w ; pkg:ordinal ?ord ; pkg:targetKind ?kind ; pkg:task ?owner ;
     pkg:span ?sp .
  ?sp oa:hasSelector ?sel . ?sel oa:exact ?quote .
  ?w eli:id_local ?doc .
  ?owner pkg:clauseId ?tid .
  OPTIONAL { ?x pkg:indicator ?indicator }
  OPTIONAL { ?x pkg:quantity ?q . ?q schema:value ?value }
  OPTIONAL { ?x pkg:quantity ?q2 . ?q2 schema:unitText ?unit }
  OPTIONAL { ?x pkg:comparator ?cmp }
  OPTIONAL { ?x pkg:baselineYear ?baseline }
  OPTIONAL { ?x pkg:periodStart ?s0 . ?s0 time:inXSDDate ?start }
  OPTIONAL { ?x pkg:deadline ?d0 . ?d0 time:inXSDDate ?deadline }
}"""


def _binding(doc: Optional[str]) -> Optional[dict[str, Any]]:
    return {"w": work_iri(doc)} if doc is not None else None


def load_catalog(store: Store, doc: Optional[str] = None) -> Catalog:
    """Documents, tasks (with units) and targets of one stored document, or of all. Three queries."""
    docs: dict[str, DocInfo] = {}
    for r in store.query(_DOCS, _binding(doc)):
        ingested = r["ingested"][:10] if r.get("ingested") else None
        docs[r["doc"]] = DocInfo(r["doc"], r["title"], r["issuer"], r["published"], ingested)
    tasks: dict[tuple[str, str], TaskInfo] = {}
    unit_rows: dict[tuple[str, str], dict[int, UnitLink]] = {}
    for r in store.query(_TASKS, _binding(doc)):
        key = (r["doc"], r["tid"])
        if key not in tasks:
            tasks[key] = TaskInfo(r["doc"], r["tid"], r["title"], int(r["ord"]), r["deadline"])
        if r.get("name") is not None and r.get("mord") is not None:
            unit_rows.setdefault(key, {})[int(r["mord"])] = UnitLink(r["name"], r["role"], bool(r["coll"]))
    for key, by_ord in unit_rows.items():
        tasks[key].units = [by_ord[k] for k in sorted(by_ord)]
    targets: dict[tuple[str, str], TargetInfo] = {}
    for r in sorted(store.query(_TARGETS, _binding(doc)), key=lambda r: (r["doc"], int(r["ord"]))):
        key = (r["doc"], r["xid"])
        if key in targets:  # a second quote/selector row of the same target: keep the first
            continue
        value = r.get("value")
        task = tasks.get((r["doc"], r["tid"]))
        targets[key] = TargetInfo(
            doc=r["doc"], id=r["xid"], task=r["tid"], ordinal=int(r["ord"]), kind=r["kind"], quote=r.get("quote") or "",
            indicator=r.get("indicator"), value=float(value) if isinstance(value, (int, float)) else None,
            unit=r.get("unit"), comparator=r.get("cmp"),
            baseline_year=int(r["baseline"]) if r.get("baseline") is not None else None,
            period_start=r.get("start"), deadline=r.get("deadline"),
            units=list(task.units) if task is not None else [])
    return Catalog(docs, tasks, targets)
