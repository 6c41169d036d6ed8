"""Plain-data records that the extractor produces and every later layer consumes.

Why plain dataclasses: `extract` knows nothing of RDF, questions or UI. A PlanRecord is JSON-able (`to_contract()` is
exactly the `policykg.extract/1` shape of ../shared/contract/README.md) so that the kg layer, the diff and the tests can
all work from the same value, and so that a record can be cached or compared without a store.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

SCHEMA = "policykg.extract/1"

Span = tuple[int, int]


@dataclass
class DocumentInfo:
    id: str
    title: str
    issuer: Optional[str]
    published: Optional[str]  # ISO date or None
    source: str
    sha256: str
    chars: int
    year: Optional[int] = None  # the plan's own year (for annual plans: "6月底前" → that year)


@dataclass
class Section:
    id: str  # dotted ordinal path, e.g. "3.1"
    number: str  # the numbering as written, e.g. "(一)"
    title: str
    parent: Optional[str]
    span: Span  # the heading line
    level: int = 0  # depth in the document's own numbering (0 = top level)
    body_span: Optional[Span] = None  # heading through the end of its last descendant


@dataclass
class UnitRef:
    name: str  # as the document writes it (aliases resolved to the document's own form)
    role: str  # "lead" | "support"
    collective: bool = False
    span: Optional[Span] = None


@dataclass
class Task:
    id: str
    section: str
    title: str
    span: Span  # the whole task paragraph (through its responsibility annotation)
    number: str = ""
    title_span: Optional[Span] = None
    unit_text: Optional[str] = None
    unit_span: Optional[Span] = None
    units: list[UnitRef] = field(default_factory=list)
    deadline: Optional[str] = None  # task-level deadline (完成时限：…) when the document gives one
    deadline_text: Optional[str] = None
    text: str = ""  # the paragraph text (== canonical[span])


@dataclass
class Target:
    id: str  # "<task>/<n>"
    task: str
    quote: str
    span: Span
    indicator: Optional[str]
    value: Optional[float]
    unit: Optional[str]
    comparator: Optional[str]  # ">=", "<=", "=", "decrease_by", "increase_by" or None
    baseline_year: Optional[int]
    period_start: Optional[str]
    deadline: Optional[str]
    deadline_text: Optional[str]
    kind: str  # "quantitative" | "milestone" | "standard"
    deadline_inherited: bool = False
    before: bool = False
    hedge: Optional[str] = None
    threshold: Optional[dict[str, Any]] = None  # a number that scopes the rule (`年综合能源消费5000吨以上`), not its level


@dataclass
class Reference:
    """A document the plan names between 《 and 》, and what the text does with it.

    Why on the record: a district plan says which city plan it implements in its opening (`根据《上海市碳达峰实施方案》…
    制定本方案`); kg.links resolves these titles against stored documents to link plans. Not part of the extract/1
    contract (to_contract() leaves it out)."""
    title: str  # the title as written, without 《》 and without whitespace (line wraps are not part of a title)
    span: Span  # the characters between 《 and 》 (text[span] may still hold a line break the title drops)
    relation: str  # "implements" (opening, 根据/按照/贯彻落实…) | "drafts" (制定/编制/出台…) | "cites"
    cue: Optional[str] = None  # the governing verb as written (根据, 贯彻落实, 制定…), None when there is none
    context: Optional[Span] = None  # the clause that names it (the quote a link shows)


@dataclass
class PlanRecord:
    document: DocumentInfo
    text: str  # canonical text: every span indexes into it
    sections: list[Section] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)  # documents named in 《》 (not in the contract)

    def to_contract(self) -> dict[str, Any]:
        """The `policykg.extract/1` JSON object (extra fields are additive, never renamed)."""

        def clean(d: dict[str, Any]) -> dict[str, Any]:
            return {k: (list(v) if isinstance(v, tuple) else v) for k, v in d.items()}

        doc = asdict(self.document)
        sections = [clean({k: v for k, v in asdict(s).items() if k != "body_span"}) for s in self.sections]
        tasks = []
        for t in self.tasks:
            d = clean({k: v for k, v in asdict(t).items() if k != "text"})
            d["units"] = [clean(u) for u in d["units"]]
            tasks.append(d)
        targets = []
        for g in self.targets:
            d = clean(asdict(g))
            if isinstance(d["value"], float) and d["value"].is_integer():
                d["value"] = int(d["value"])
            targets.append(d)
        return {"schema": SCHEMA, "document": doc, "sections": sections, "tasks": tasks, "targets": targets,
                "warnings": list(self.warnings)}

    def task(self, task_id: str) -> Optional[Task]:
        return next((t for t in self.tasks if t.id == task_id), None)


def record_from_contract(data: dict[str, Any], text: str) -> PlanRecord:
    """Rebuild a PlanRecord from its contract JSON (used by diff on stored documents and by caches)."""
    doc = DocumentInfo(**{k: data["document"].get(k) for k in DocumentInfo.__dataclass_fields__})
    sections = [Section(**{k: (tuple(v) if k in ("span", "body_span") and v else v)
                           for k, v in s.items() if k in Section.__dataclass_fields__}) for s in data["sections"]]
    tasks = []
    for t in data["tasks"]:
        kw = {k: v for k, v in t.items() if k in Task.__dataclass_fields__}
        for k in ("span", "title_span", "unit_span"):
            if kw.get(k):
                kw[k] = tuple(kw[k])
        kw["units"] = [UnitRef(**{k: (tuple(v) if k == "span" and v else v) for k, v in u.items()
                                  if k in UnitRef.__dataclass_fields__}) for u in t.get("units", [])]
        kw["text"] = text[kw["span"][0]:kw["span"][1]]
        tasks.append(Task(**kw))
    targets = [Target(**{k: (tuple(v) if k == "span" else v) for k, v in g.items()
                         if k in Target.__dataclass_fields__}) for g in data["targets"]]
    return PlanRecord(doc, text, sections, tasks, targets, list(data.get("warnings", [])))
