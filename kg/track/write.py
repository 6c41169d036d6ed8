"""Appending progress reports: check everything first, then one atomic write — never an edit, never a delete.

Why checks live here (not in the CLI): the CLI, the file import and the app must refuse the same bad reports with the
same messages. A report is checked against the stored plan before anything is written: the target or task exists
(kg.track.resolve), the unit is one of the plan's units (aliases resolved), the date is a real date, a value is a
finite number in a unit comparable with the target's, and a state is one of 未启动/推进中/已完成/受阻.

Corrections: a report supersedes (pkg:supersedes + prov:wasRevisionOf)
  - the reports named explicitly (`supersedes=[id, …]`, which must be about the same target), and
  - implicitly, the effective reports of the same target, the same value date and the same unit: reporting that day
    again *is* a correction. Both stay in the history; only the newer one counts.
Write: all triples of all reports go to the progress graph in one Store.add (one transaction on Oxigraph, one update
request over HTTP), so a batch is stored completely or not at all, even if the process is killed mid-way.
"""
from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from typing import Any, Optional

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from extract.errors import InputError

from ..store import PROGRESS_GRAPH, Store
from ..vocab import target_iri, task_iri, unit_iri, unit_scope
from .catalog import Catalog, load_catalog
from .latest import reports_by_id
from .model import STATES, DateLike, Report, parse_date
from .quantity import comparable
from .rdf import file_triples, now_utc, report_id_of, report_triples, slot_iri
from .resolve import resolve_subject, resolve_unit
from .values import with_values

__all__ = ["Draft", "check_draft", "add_report", "append_reports", "new_report_id"]


def new_report_id() -> str:
    """A fresh report id: a random UUID (unique across concurrent writers without coordination)."""
    return str(uuid.uuid4())


@dataclass
class Draft:
    """What a user gives for one report, before it is checked."""
    target: str
    date: DateLike
    by: str
    value: Any = None
    unit: Optional[str] = None
    state: Optional[str] = None
    note: Optional[str] = None
    doc: Optional[str] = None
    baseline: Any = None
    supersedes: tuple[str, ...] = ()


def _number(value: Any, what: str) -> Optional[float]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InputError(f"{what} {value} 不是数值")
    try:
        text = str(value).strip().replace(",", "").replace("，", "") if isinstance(value, str) else value
        number = float(text)
    except (TypeError, ValueError):
        raise InputError(f"{what} {value} 不是数值；请填写数字，如 12.5") from None
    if not math.isfinite(number):
        raise InputError(f"{what} {value} 不是有限数值")
    return number


def check_draft(cat: Catalog, draft: Draft, *, source: str = "manual", seq: int = 0,
                source_row: Optional[int] = None, source_file: Optional[str] = None,
                reported_at: Optional[str] = None) -> tuple[Report, str, Optional[str]]:
    """(the Report to store, its subject IRI, the issuer that scopes its unit) — or InputError saying what is wrong."""
    value = _number(draft.value, "报告值")
    baseline = _number(draft.baseline, "基准值")
    state = (draft.state or "").strip() or None
    unit = (draft.unit or "").strip() or None
    if value is None and state is None:
        raise InputError("请填写报告值（--value）或进展状态（--state 未启动|推进中|已完成|受阻）")
    if state is not None and state not in STATES:
        raise InputError(f"进展状态 {state} 无效；可用：{'、'.join(STATES)}")
    if value is None and unit is not None:
        raise InputError("填写了计量单位但没有报告值")
    date = parse_date(draft.date, "数据日期")
    doc, kind, ident = resolve_subject(cat, draft.target, (draft.doc or "").strip() or None)
    by = resolve_unit(cat, doc, draft.by)
    if kind == "task":
        if value is not None:
            raise InputError(f"{ident} 是任务编号：任务级报告只能填写进展状态；数值请报告到具体指标（如 {ident}/1）")
        subject_iri = str(task_iri(doc, ident))
    else:
        t = cat.targets[(doc, ident)]
        subject_iri = str(target_iri(doc, ident))
        if value is not None:
            if t.value is None:
                raise InputError(f"指标 {ident} 没有目标数值（{t.kind}）；请用进展状态报告，如 --state 已完成")
            change = t.comparator in ("decrease_by", "increase_by")
            if baseline is not None and not change:
                raise InputError(f"指标 {ident} 不是相对基准年的变化指标，不需要基准值")
            if not comparable(unit, t.unit) and not (change and baseline is not None):
                if change:
                    raise InputError(f"指标 {ident} 要求比{t.baseline_year or '基准年'}年变化 {t.value:g}{t.unit or ''}："
                                     f"请报告变化幅度（单位 {t.unit or '与指标相同'}），或同时给出基准值（--baseline）")
                raise InputError(f"计量单位 {unit} 与指标 {ident} 的单位 {t.unit or '（无单位）'} 不可比较；"
                                 f"请换算后填写（可用万/亿等数量级，如 {t.unit or '不填单位'}）")
            if unit is None:
                unit = t.unit  # stored explicitly: a report says what it measures even if the plan is re-extracted
    rep = Report(id=new_report_id(), doc=doc, subject=ident, subject_kind=kind, date=date.isoformat(), by=by,
                 reported_at=reported_at or now_utc(), value=value, unit=unit if value is not None else None,
                 state=state, note=(draft.note or "").strip() or None, source=source, source_file=source_file,
                 source_row=source_row, seq=seq, baseline=baseline,
                 supersedes=[s.strip() for s in draft.supersedes if s and s.strip()])
    return rep, subject_iri, cat.docs[doc].issuer


# No GRAPH wrapper: the VALUES rows must drive the join (index nodes and reports exist only in the progress graph).
_SAME_DAY = """
SELECT ?slot ?d0 ?a0 ?r WHERE {
  ?slot pkg:report ?r . ?r pkg:valueDate ?d0 ; prov:wasAssociatedWith ?a0 .
  FILTER NOT EXISTS { ?later pkg:supersedes ?r }
}"""


def _implicit_supersedes(store: Store, reports: list[tuple[Report, str, Optional[str]]]) -> None:
    """Add to each new report the effective stored reports of the same subject, day and unit (one query)."""
    keys: dict[tuple[str, str, str], list[Report]] = {}
    for rep, subject, issuer in reports:
        agent = str(unit_iri(unit_scope(issuer, rep.doc), rep.by))
        keys.setdefault((str(slot_iri(subject, rep.date)), rep.date, agent), []).append(rep)
    if not keys:
        return
    rows = [(URIRef(slot), Literal(date, datatype=XSD.date), URIRef(agent)) for slot, date, agent in keys]
    query = with_values(store, _SAME_DAY, ["slot", "d0", "a0"], rows)
    for row in store.query(query):
        for rep in keys.get((row["slot"], str(row["d0"])[:10], row["a0"]), []):
            old = report_id_of(row["r"])
            if old not in rep.supersedes:
                rep.supersedes.append(old)


def _check_explicit(store: Store, reports: list[tuple[Report, str, Optional[str]]]) -> None:
    wanted = sorted({s for rep, _, _ in reports for s in rep.supersedes})
    found = reports_by_id(store, wanted)
    for rep, _, _ in reports:
        for old in rep.supersedes:
            o = found.get(old)
            if o is None:
                raise InputError(f"要更正的报告 {old} 不存在；可用 `policykg progress history {rep.subject}` 查看报告编号")
            if (o.doc, o.subject) != (rep.doc, rep.subject):
                raise InputError(f"报告 {old} 是关于 {o.subject} 的，不能用它更正 {rep.subject} 的报告")


def append_reports(store: Store, reports: list[tuple[Report, str, Optional[str]]],
                   file_sha256: Optional[str] = None) -> list[Report]:
    """Store checked reports (from check_draft) in ONE atomic write, after resolving what they supersede."""
    if not reports:
        return []
    _check_explicit(store, reports)
    _implicit_supersedes(store, reports)
    triples: list[tuple] = file_triples(file_sha256, reports[0][0].source_file) if file_sha256 else []
    for rep, subject, issuer in reports:
        triples += report_triples(rep, subject, issuer, file_sha256)
    store.add(PROGRESS_GRAPH, triples)
    return [rep for rep, _, _ in reports]


def add_report(store: Store, target: str, *, date: DateLike, by: str, value: Any = None, unit: Optional[str] = None,
               state: Optional[str] = None, note: Optional[str] = None, doc: Optional[str] = None,
               baseline: Any = None, supersedes: tuple[str, ...] = (), catalog: Optional[Catalog] = None) -> Report:
    """Append one progress report (see module docstring) and return it as stored. Bad input → InputError, and
    nothing is written."""
    cat = catalog or load_catalog(store)
    draft = Draft(target=target, date=date, by=by, value=value, unit=unit, state=state, note=note, doc=doc,
                  baseline=baseline, supersedes=tuple(supersedes))
    checked = check_draft(cat, draft)
    return append_reports(store, [checked])[0]

