"""One stored document as the question parser and the retriever see it: its units (alias registry), sections, tasks,
targets, citable sentences and term statistics.

Why a catalog next to SPARQL: understanding a question needs the document's own vocabulary (which units exist, what
the sections are called, which words are rare) before any query can be written; answers themselves come from SPARQL
(chat.queries). The catalog is read from the store (`Store.record`, one query) and cached per document *version*
(sha256 + extraction time), so a re-ingested document is re-read and an unchanged one costs one small query.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Optional

from extract.aliases import AliasRegistry, places_of
from extract.record import PlanRecord, Section, Target, Task

from .lexical import TermIndex
from .text import add_words, norm, sentences

__all__ = ["Passage", "Catalog", "catalog_for", "doc_version", "clear_cache"]


@dataclass(frozen=True)
class Passage:
    """A citable sentence: `owner` is the task id (or the section id for text outside tasks)."""
    owner: str
    span: tuple[int, int]
    text: str
    kind: str = "body"  # "title" for a task's heading (cited only when nothing else speaks to the question)


@dataclass
class Catalog:
    doc_id: str
    version: str
    record: PlanRecord
    registry: AliasRegistry
    passages: list[Passage]
    terms: TermIndex
    places: list[str]
    _children: dict[Optional[str], list[str]] = field(default_factory=dict)
    _quote_chunks: dict[str, list[str]] = field(default_factory=dict)

    # ------------------------------------------------------------------ lookups
    @property
    def title(self) -> str:
        return self.record.document.title or self.doc_id

    @property
    def text(self) -> str:
        return self.record.text

    def section(self, sid: str) -> Optional[Section]:
        return next((s for s in self.record.sections if s.id == sid), None)

    def task(self, tid: str) -> Optional[Task]:
        return self.record.task(tid)

    def target(self, gid: str) -> Optional[Target]:
        return next((g for g in self.record.targets if g.id == gid), None)

    def children(self, sid: Optional[str]) -> list[str]:
        """Direct sub-sections of a section (None: the top level), in document order."""
        return self._children.get(sid, [])

    def tasks_in(self, sid: str) -> list[Task]:
        """Tasks of a section and of all its sub-sections, in document order."""
        prefix = sid + "."
        return [t for t in self.record.tasks if t.section == sid or t.section.startswith(prefix)]

    def targets_of(self, owner: str) -> list[Target]:
        return [g for g in self.record.targets if g.task == owner]

    def label(self, clause_id: str) -> str:
        """The clause as the document numbers it: 3.1.1 → 三（一）1, 3.4 → 三（四）, 4.2 → 四、2."""
        parts: list[str] = []
        node: Any = self.task(clause_id) or self.section(clause_id)
        chain = []
        while node is not None:
            chain.append(node)
            parent = node.section if isinstance(node, Task) else node.parent
            node = self.section(parent) if parent else None
        for n in reversed(chain):
            num = norm(n.number).strip("、.．,，:：").replace("(", "（").replace(")", "）")
            if not num:
                continue
            if parts and not num.startswith("（") and not parts[-1].endswith("）"):
                parts.append("、")
            parts.append(num)
        return "".join(parts) or clause_id

    def cite(self, clause_id: str) -> str:
        """Label plus dotted id, for answer text: 三（一）1（3.1.1）."""
        label = self.label(clause_id)
        sec = self.section(clause_id) if self.task(clause_id) is None else None
        if sec is not None and sec.parent is None:
            return f"{label}、{sec.title}"
        return label if label == clause_id else f"{label}（{clause_id}）"

    def section_name(self, sid: str) -> str:
        """A section as officials name it: 四、保障措施 (top level) or 三（四）“加快建筑领域绿色化建设…”（3.4）."""
        sec = self.section(sid)
        if sec is None:
            return sid
        if sec.parent is None:
            return f"{self.label(sid)}、{sec.title}"
        return f"{self.cite(sid)}“{sec.title}”"

    def task_body_span(self, task: Task) -> tuple[int, int]:
        """The task paragraph without its responsibility annotation, when that annotation closes the paragraph.
        A task annotated sentence by sentence (`…。（责任部门：气候处，完成期限：6 月底）配合…`, a department's annual
        plan) keeps its whole paragraph: cutting at its first annotation would drop every later commitment."""
        s, e = task.span
        if task.unit_span:
            cut = max(self.text.rfind("(", s, task.unit_span[0]), self.text.rfind("（", s, task.unit_span[0]))
            close = min((i for i in (self.text.find(")", task.unit_span[1], e), self.text.find("）", task.unit_span[1], e))
                         if i >= 0), default=e)
            if cut > s and not self.text[close + 1:e].strip(" \n\t。；;，,"):
                e = cut
        return s, e

    def target_context(self, g: Target) -> str:
        """Text of the target's sentence (up to the last 。 before it, within its task) through the end of its quote:
        it carries the subject of continuation clauses (`到2030年,进一步提升到15%` after `城镇建筑可再生能源替代率达到
        10%;`, `到2030年,实现应装尽装` after `公共机构、工业厂房建筑屋顶光伏覆盖率…`)."""
        task = self.task(g.task)
        lo = self.task_body_span(task)[0] if task is not None else max(0, g.span[0] - 200)
        lo = max(lo, self.text.rfind("\n", 0, g.span[0]) + 1)
        anchor = g.span[0]
        if g.deadline_inherited and g.deadline_text:
            # a clause that inherits its time across a full stop (…力争突破1000亿元。…示范应用车辆总数不少于3500辆)
            # continues that sentence's subject too
            at = self.text.rfind(g.deadline_text, lo, g.span[0])
            if at >= 0:
                anchor = at
        start = max(self.text.rfind("。", lo, anchor) + 1, lo)
        return self.text[start:g.span[1]]


    def quote_chunks(self, g: Target) -> list[str]:
        """The topic words of a target's own quote, without its time phrase and quantities (cached)."""
        if g.id not in self._quote_chunks:
            from extract.quantities import find_quantities
            q = g.quote
            if g.deadline_text and g.deadline_text in q:
                q = q.replace(g.deadline_text, "，")
            for x in sorted(find_quantities(q, 0, len(q)), key=lambda x: -x.start):
                q = q[:x.start] + "，" + q[x.end:]
            self._quote_chunks[g.id] = self.terms.chunks(q, drop=self.places)
        return self._quote_chunks[g.id]


def _passages(record: PlanRecord, cat: "Catalog") -> list[Passage]:
    out: list[Passage] = []
    covered: list[tuple[int, int]] = []
    for t in record.tasks:
        s, e = cat.task_body_span(t)
        covered.append(t.span)
        for a, b in sentences(record.text[s:e], s):
            if t.title_span and a <= t.title_span[0] and t.title_span[1] <= b and b - t.title_span[1] <= 1:
                a, b = t.title_span  # "1.大力发展非化石能源" → the title without its number
                out.append(Passage(t.id, (a, b), record.text[a:b], "title"))
                continue
            out.append(Passage(t.id, (a, b), record.text[a:b]))
    # text that belongs to a section but to none of its tasks (二、主要目标, intro paragraphs)
    heads = {s.span for s in record.sections}
    for sec in record.sections:
        start = sec.span[1]
        nxt = [x.span[0] for x in record.sections if x.span[0] > sec.span[0]] + \
              [t.span[0] for t in record.tasks if t.span[0] > sec.span[0]]
        end = min(nxt) if nxt else len(record.text)
        if end <= start:
            continue
        for a, b in sentences(record.text[start:end], start):
            if any(cs <= a < ce for cs, ce in covered) or (a, b) in heads:
                continue
            out.append(Passage(sec.id, (a, b), record.text[a:b]))
    out.sort(key=lambda p: p.span)
    return out


_cache: dict[tuple[int, str, str], Catalog] = {}
_lock = threading.Lock()

_VERSION_Q = """SELECT ?sha ?ended WHERE {
  ?w eli:id_local ?doc ; eli:is_realized_by ?e .
  OPTIONAL { ?e prov:wasDerivedFrom/pkg:sha256 ?sha }
  OPTIONAL { ?e prov:wasGeneratedBy/prov:endedAtTime ?ended }
}"""


def doc_version(store, doc_id: str) -> Optional[str]:
    """sha256 + extraction time of a stored document (None when it is not stored)."""
    rows = store.query(_VERSION_Q, {"doc": doc_id})
    if not rows:
        return None
    r = rows[0]
    return f"{r.get('sha') or ''}@{r.get('ended') or ''}"


def catalog_for(store, doc_id: str) -> Catalog:
    """The catalog of a stored document, rebuilt only when its version changed."""
    version = doc_version(store, doc_id)
    if version is None:
        from extract.errors import InputError
        raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
    key = (id(store), doc_id, version)
    with _lock:
        hit = _cache.get(key)
    if hit is not None:
        return hit
    record = store.record(doc_id)
    registry = AliasRegistry.from_record(record)
    cat = Catalog(doc_id, version, record, registry, [], TermIndex([], ""), places_of(record.document.issuer))
    children: dict[Optional[str], list[str]] = {}
    for s in record.sections:
        children.setdefault(s.parent, []).append(s.id)
    cat._children = children
    cat.passages = _passages(record, cat)
    texts = [p.text for p in cat.passages] + [g.quote for g in record.targets] + [s.title for s in record.sections]
    cat.terms = TermIndex(texts, record.text)
    add_words(registry.all_names() + registry.surface_forms())  # unit names and their aliases stay whole words
    add_words(_indicator_terms(record))
    with _lock:
        for k in [k for k in _cache if k[0] == id(store) and k[1] == doc_id]:
            del _cache[k]
        _cache[key] = cat
    return cat


def _indicator_terms(record: PlanRecord) -> list[str]:
    """Indicator names as domain terms for the tokenizer (城镇建筑可再生能源替代率), without leading verbs
    (实现应装尽装 → 应装尽装), so that a question's `替代率要提升` is cut after 替代率."""
    from .text import FRAME_WORDS, HAN, cut
    out = []
    for g in record.targets:
        if not g.indicator:
            continue
        toks = cut(g.indicator)
        while toks and toks[0] in FRAME_WORDS | {"实现", "完成", "推动", "推进", "创建", "建成", "进一步", "全面"}:
            toks = toks[1:]
        term = "".join(toks)
        if 2 <= len(term) <= 12 and all(HAN.match(c) for c in term):
            out.append(term)
    return out


def clear_cache() -> None:
    with _lock:
        _cache.clear()
