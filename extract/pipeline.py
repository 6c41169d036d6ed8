"""The extraction pipeline: spaCy as the frame, rule components registered by name.

Why spaCy: `spacy.blank("zh")` with the jieba segmenter gives one Doc per plan that every component reads, a registry
of components by name (so a deployment can swap or add one: `nlp.add_pipe("pkg_targets")`), and jieba tokens for the
later stages (retrieval, indicator names). Each component declares what it writes on `doc._.plan`.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import docmeta
from .errors import InputError
from .indicator_tables import find_indicator_tables, targets_in
from .record import DocumentInfo, PlanRecord, Section, Target, Task
from .references import find_references
from .reflow import unwrap
from .shadow import shadow as make_shadow
from .structure import build_tree, dedupe_ids, find_headings, heading_title, iter_nodes
from .tables import TableRow, find_task_rows, merge_headings, row_deadline, row_targets, row_units
from .targets import extract_targets
from .timeexpr import parse_deadline_text
from .units import Annotation, find_annotations, merge_units

COMPONENTS = ("pkg_structure", "pkg_units", "pkg_targets", "pkg_references")

if not Doc.has_extension("plan"):
    Doc.set_extension("plan", default=None)
    Doc.set_extension("state", default=None)


class _State:
    """Working state shared by the components of one run (plain attributes, no RDF)."""

    def __init__(self, text: str, source: str, sha256: str, doc_id: Optional[str]):
        self.text, self.source, self.sha256, self.doc_id = text, source, sha256, doc_id
        self.shadow = unwrap(make_shadow(text))  # wrapped lines of PDF text read as one paragraph (reflow.py)
        self.roots: list = []
        self.annotations: dict[str, list[Annotation]] = {}
        self.table_rows: dict[int, TableRow] = {}  # task-table rows by line start (extract.tables)
        self.record: Optional[PlanRecord] = None
        self.plan_year: Optional[int] = None
        self.published_year: Optional[int] = None


@Language.component("pkg_structure", assigns=["doc._.plan"])
def structure_component(doc: Doc) -> Doc:
    """Writes: document info, sections, tasks (ids, numbers, titles, spans)."""
    st: _State = doc._.state
    text, sh = st.text, st.shadow
    rows = find_task_rows(text, sh)
    st.table_rows = {r.start: r for r in rows if not r.group}
    heads = merge_headings(find_headings(text, sh), rows, text)
    roots = build_tree(text, heads)
    dedupe_ids(roots)
    st.roots = roots
    lines = text.split("\n")
    first = text.count("\n", 0, heads[0].start) if heads else len(lines)
    title, _ = docmeta.find_title(lines, first)
    published = docmeta.find_published(text)
    st.plan_year = docmeta.find_plan_year(title, published)
    st.published_year = int(published[:4]) if published else st.plan_year
    info = DocumentInfo(id=st.doc_id or docmeta.doc_id_from_path(st.source), title=title,
                        issuer=docmeta.find_issuer(lines, title), published=published, source=st.source,
                        sha256=st.sha256, chars=len(text), year=st.plan_year)
    record = PlanRecord(info, text)
    flat = len({n.level for n in iter_nodes(roots)}) == 1
    for node in iter_nodes(roots):
        h = node.heading
        title_text, title_span = heading_title(text, sh, h)
        is_leaf = not node.children
        is_task = is_leaf and (node.level > 0 or flat)
        span = (h.start, max(h.start, _rstrip(text, node.end)))
        if is_task:
            record.tasks.append(Task(id=node.id, section=node.parent.id if node.parent else "", title=title_text,
                                     span=span, number=h.number, title_span=title_span, text=text[span[0]:span[1]]))
        else:
            record.sections.append(Section(id=node.id, number=h.number, title=title_text,
                                           parent=node.parent.id if node.parent else None, span=(h.start, h.line_end),
                                           level=node.level, body_span=(h.start, _rstrip(text, node.subtree_end))))
    if not heads:
        record.warnings.append("未发现编号结构（一、（一）1. 第X条等）：无法切分章节和任务")
    st.record = record
    doc._.plan = record
    return doc


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\n\r":
        end -= 1
    return end


@Language.component("pkg_units", assigns=["doc._.plan"])
def units_component(doc: Doc) -> Doc:
    """Writes: tasks[].unit_text/unit_span/units (lead/support), task deadlines from 完成时限 fields; leaves sections'
    own annotations in the state (a top-level section with markup becomes a task)."""
    st: _State = doc._.state
    record = st.record
    comma_rule = False
    for task in record.tasks:
        row = st.table_rows.get(task.span[0])
        if row is not None:
            _table_row_units(st, task, row)
            continue
        anns = find_annotations(st.text, st.shadow, task.span[0], task.span[1], comma_rule)
        for a in anns:
            if a.sets_convention == "comma":
                comma_rule = True
        st.annotations[task.id] = anns
        with_units = [a for a in anns if a.units]
        if with_units:
            us = with_units[0].unit_span
            task.unit_text, task.unit_span = st.text[us[0]:us[1]], us
            task.units = merge_units(with_units)
        dated = [a for a in anns if a.deadline_text]
        if len(dated) == 1 or (dated and len(anns) == 1):
            t = parse_deadline_text(dated[0].deadline_text, st.plan_year)
            task.deadline_text = dated[0].deadline_text
            task.deadline = t.deadline if t else None
    return doc


def _table_row_units(st: _State, task: Task, row: TableRow) -> None:
    """A task-table row's units and deadline come from its cells, not from inline markup."""
    task.units = row_units(st.text, st.shadow, row)
    if row.units:
        s, e = row.units[0][1][0], row.units[-1][1][1]
        task.unit_text, task.unit_span = st.text[s:e], (s, e)
    raw, when = row_deadline(st.text, row, st.plan_year)
    if when is not None:
        task.deadline_text, task.deadline = raw, when.deadline


@Language.component("pkg_targets", assigns=["doc._.plan"])
def targets_component(doc: Doc) -> Doc:
    """Writes: targets (quantitative, milestone, standard) for every task and every section's own text."""
    st: _State = doc._.state
    record = st.record
    owners = [(t.id, t.span, st.annotations.get(t.id, [])) for t in record.tasks]
    for node in iter_nodes(st.roots):
        if node.children:
            own_end = node.children[0].heading.start - 1
            owners.append((node.id, (node.heading.start, own_end), []))
        elif not any(t.id == node.id for t in record.tasks):
            owners.append((node.id, (node.heading.start, _rstrip(st.text, node.end)), []))
    owners.sort(key=lambda o: o[1][0])
    tables = find_indicator_tables(st.text, st.shadow, st.plan_year, st.published_year)  # 主要指标表
    for owner, (s, e), anns in owners:
        row = st.table_rows.get(s)
        if row is not None:
            found = row_targets(st.text, st.shadow, owner, row, st.plan_year, st.published_year)
            for k, g in enumerate(found):
                g.id = f"{owner}/{k + 1}"
            record.targets.extend(found)
            continue
        in_table, table_lines = targets_in(tables, owner, s, e)  # table rows are read once, as table rows
        regions = _minus(s, e, [a.span for a in anns] + table_lines)
        found = extract_targets(st.text, st.shadow, owner, regions, st.plan_year, st.published_year)
        found.extend(_deadline_milestones(st, owner, anns, found, regions))
        found.extend(in_table)
        found.sort(key=lambda g: g.span[0])
        for k, g in enumerate(found):
            g.id = f"{owner}/{k + 1}"
        record.targets.extend(found)
    return doc


@Language.component("pkg_references", assigns=["doc._.plan"])
def references_component(doc: Doc) -> Doc:
    """Writes: references (documents named in 《》, with implements / drafts / cites; see extract.references)."""
    st: _State = doc._.state
    st.record.references = find_references(st.record)
    return doc


def _deadline_milestones(st: _State, owner: str, anns: list[Annotation], found: list[Target],
                         regions: list[tuple[int, int]]) -> list[Target]:
    """A 完成时限/完成期限 field dates the work written before it: one milestone per dated run without a target."""
    out = []
    prev_end = None
    task = st.record.task(owner)
    for a in anns:
        run_s = prev_end if prev_end is not None else (task.title_span[0] if task and task.title_span else regions[0][0])
        run_e = a.span[0]
        prev_end = a.span[1]
        if not a.deadline_text:
            continue
        t = parse_deadline_text(a.deadline_text, st.plan_year)
        if t is None:
            continue
        for g in found:  # an amount in the run with no time of its own is due when the run is
            if run_s <= g.span[0] < run_e and g.deadline is None and g.period_start is None:
                g.deadline, g.deadline_text, g.deadline_inherited, g.before = t.deadline, a.deadline_text, True, t.before
        s, e = run_s, run_e
        while s < e and st.text[s] in " \t\n,，。；;":
            s += 1
        while e > s and st.text[e - 1] in " \t\n,，。；;":
            e -= 1
        if "\n" in st.shadow[s:e] and task and task.title_span and a.span[0] > task.title_span[1]:
            # checklist style (fields on lines of their own): the task's own title is the commitment; a wrap
            # inside the run (`…（完成期限：8 月底）配⏎合省财政厅…`) is no line of its own (the shadow has it as a space)
            s, e = task.title_span
        if e <= s:
            continue
        out.append(Target(id="", task=owner, quote=st.text[s:e], span=(s, e), indicator=st.text[s:e][:60], value=None,
                          unit=None, comparator=None, baseline_year=None, period_start=None, deadline=t.deadline,
                          deadline_text=a.deadline_text, kind="milestone", deadline_inherited=True, before=t.before))
    return out


def _minus(s: int, e: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, cur = [], s
    for hs, he in sorted(holes):
        if hs > cur:
            out.append((cur, min(hs, e)))
        cur = max(cur, he)
    if cur < e:
        out.append((cur, e))
    return [r for r in out if r[1] > r[0]]


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process (jieba's dictionary load is the cold-start cost, measured in bench/)."""
    import logging

    import jieba
    import spacy
    jieba.setLogLevel(logging.WARNING)  # its start-up chatter is not for users
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def extract_text(text: str, source: str = "<text>", doc_id: Optional[str] = None,
                 sha256: Optional[str] = None) -> PlanRecord:
    """Extract a PlanRecord from canonical text. Raises InputError for text with nothing to extract."""
    if not text.strip():
        raise InputError("文件为空：没有可提取的文字")
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    doc._.state = _State(text, source, sha, doc_id)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    record = doc._.plan
    doc._.state = None
    return record


def extract_file(path: str | Path, doc_id: Optional[str] = None) -> PlanRecord:
    """Load a file (.txt any Chinese encoding, .docx, .pdf, .html) and extract it."""
    from .loaders import load_text
    loaded = load_text(path)
    record = extract_text(loaded.text, source=str(path), doc_id=doc_id, sha256=loaded.sha256)
    record.warnings[:0] = list(getattr(loaded, "warnings", []) or [])
    return record
