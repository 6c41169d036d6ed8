"""Data of the 问答 page: an answer (policykg.answer/1) with the source paragraph of every cited item, and example
questions drawn from the document itself.

Why the paragraph: an official checks an answer against the plan, so each cited quote comes with the paragraph (the
line of the canonical text) that contains it and the quote's offsets inside it; the page highlights it. Example
questions are built from the document (its busiest lead unit, its commonest deadline year, one of its tasks), so they
have answers on whatever plan is loaded, not only on the Jiading plan.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Optional

from extract.errors import InputError
from kg import Store

from . import records

__all__ = ["ask", "source_paragraph", "example_questions", "new_session"]

MAX_QUESTION = 300


def new_session() -> Any:
    """A fresh chat.Session (follow-up questions reuse its slots)."""
    from chat import Session
    return Session()


def source_paragraph(text: str, span: Optional[list[int] | tuple[int, int]]) -> Optional[dict[str, Any]]:
    """The line(s) of `text` around `span`: {"text", "start", "end", "quote_start", "quote_end"} (quote offsets are
    relative to the paragraph), or None when the span does not fit the text."""
    if not span or len(span) != 2:
        return None
    s, e = int(span[0]), int(span[1])
    if not (0 <= s <= e <= len(text)):
        return None
    p0 = text.rfind("\n", 0, s) + 1
    p1 = text.find("\n", e)
    p1 = len(text) if p1 < 0 else p1
    return {"text": text[p0:p1], "start": p0, "end": p1, "quote_start": s - p0, "quote_end": e - p0}


def _as_date(as_of: Optional[str | dt.date]) -> Optional[dt.date]:
    if as_of is None or isinstance(as_of, dt.date):
        return as_of
    try:
        return dt.date.fromisoformat(str(as_of))
    except ValueError:
        raise InputError(f"日期格式不对：{as_of!r}；请用 YYYY-MM-DD") from None


def ask(store: Store, question: str, doc: Optional[str] = None, as_of: Optional[str | dt.date] = None,
        session: Any = None) -> dict[str, Any]:
    """chat.answer() plus, for every item, `paragraph` (source_paragraph of its span in its document) and
    `task_title`. Empty or over-long questions → InputError with what to do."""
    from chat import answer

    question = (question or "").strip()
    if not question:
        raise InputError("问题是空的：请输入一个问题，例如“区经委到2025年要完成哪些指标？”")
    if len(question) > MAX_QUESTION:
        raise InputError(f"问题太长（{len(question)} 字）：请控制在 {MAX_QUESTION} 字以内")
    result = dict(answer(question, store, doc=doc, as_of=_as_date(as_of), session=session))
    prints = records.fingerprints(store)
    items = []
    for item in result.get("items") or []:
        item = dict(item)
        doc_id = item.get("doc")
        if doc_id in prints:
            rec = records.record(store, doc_id, prints)
            item["paragraph"] = source_paragraph(rec.text, item.get("span"))
            task = rec.task(item.get("task") or "")
            item["task_title"] = task.title if task else next(
                (s.title for s in rec.sections if s.id == item.get("task")), None)
            item["doc_title"] = rec.document.title
        items.append(item)
    result["items"] = items
    return result


def example_questions(store: Store, doc: Optional[str]) -> list[str]:
    """Up to five questions this document can answer: a unit's targets by year, overdue tasks, a unit's lead tasks,
    who leads a task, how many tasks a unit takes part in."""
    if not doc:
        return ["哪些任务已经逾期？"]
    rec = records.record(store, doc)
    leads = Counter(u.name for t in rec.tasks for u in t.units if u.role == "lead" and not u.collective)
    years = Counter(g.deadline[:4] for g in rec.targets if g.deadline)
    unit_targets: Counter[str] = Counter()
    for t in rec.tasks:
        n = sum(1 for g in rec.targets if g.task == t.id and g.deadline)
        for u in t.units:
            if not u.collective:
                unit_targets[u.name] += n
    out = []
    if unit_targets and years:
        out.append(f"{unit_targets.most_common(1)[0][0]}到{years.most_common(1)[0][0]}年要完成哪些指标？")
    if any(g.deadline for g in rec.targets):
        out.append("哪些任务已经逾期？")
    if leads:
        out.append(f"{leads.most_common(1)[0][0]}牵头负责哪些任务？")
    led = [t for t in rec.tasks if any(u.role == "lead" and not u.collective for u in t.units) and 3 < len(t.title) < 16]
    if led:
        out.append(f"“{led[len(led) // 2].title}”这项工作由谁牵头？")
    if len(leads) > 1:
        out.append(f"{leads.most_common(2)[1][0]}一共参与了多少项任务？")
    return out[:5] or ["这份方案有哪些重点任务？"]
