"""`answer()`: one question → the `policykg.answer/1` JSON object (../shared/contract/README.md).

Flow: check the input (empty, too long, no Chinese → a plain message, nothing queried) → choose the document →
parse slots against its catalog → merge with the previous turn when it is a follow-up → classify → run the intent's
handler (SPARQL with bound values) → wrap. Question text only ever reaches the store as bound values of fixed
queries, so no input can change what a query does, let alone the store.
"""
from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Any, Optional

from .catalog import catalog_for
from .docselect import choose_doc
from .intents import Ctx, classify, handler
from .render import Result
from .session import Session, Turn, is_followup, merge
from .slots import parse_question
from .text import HAN

__all__ = ["answer", "SCHEMA", "MAX_QUESTION_CHARS"]

SCHEMA = "policykg.answer/1"
MAX_QUESTION_CHARS = 300
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _envelope(question: str, intent: str, as_of: date, res: Result, doc: Optional[str]) -> dict[str, Any]:
    none = bool(res.none)
    return {"schema": SCHEMA, "question": question, "intent": intent, "as_of": as_of.isoformat(),
            "answer": res.answer, "none": none, "items": [] if none else res.items, "units": res.units,
            "count": res.count, "deadline": res.deadline, "query": res.query, "doc": doc}


def _refuse(question: str, as_of: date, text: str, intent: str = "invalid") -> dict[str, Any]:
    return _envelope(question, intent, as_of, Result(answer=text, none=True), None)


_LIST_ALL_UP_TO = 10


def _doc_list(wanted: str, doc_ids: list[str]) -> str:
    """All stored ids when there are few; else the closest to the one asked for, and how many there are."""
    if not doc_ids:
        return "无"
    if len(doc_ids) <= _LIST_ALL_UP_TO:
        return "、".join(doc_ids)
    close = difflib.get_close_matches(wanted, doc_ids, n=5, cutoff=0)
    return f"{'、'.join(close)} 等共 {len(doc_ids)} 个（`policykg docs` 列出全部）"


def answer(question: str, store, doc: Optional[str] = None, as_of: Optional[date] = None,
           session: Optional[Session] = None) -> dict[str, Any]:
    """Answer one question from the documents in `store` (`doc` restricts to one stored id; `as_of` defaults to
    today; `session` carries a conversation's previous turns for follow-ups)."""
    as_of = as_of or date.today()
    raw = question if isinstance(question, str) else ""
    q = _CONTROL.sub("", raw).strip()
    if not q:
        return _refuse(raw, as_of, "请输入问题，例如：“区经委到2025年要完成哪些指标？”")
    if len(q) > MAX_QUESTION_CHARS:
        return _refuse(raw, as_of, f"问题过长（{len(q)}字，上限{MAX_QUESTION_CHARS}字），请精简后再问。")
    if not HAN.search(q):
        return _refuse(raw, as_of, "目前只支持中文提问，例如：“区经委到2025年要完成哪些指标？”"
                                   "（Only questions in Chinese are supported.）")
    # With --doc the corpus is not listed (that cost grows with it); only an unknown id lists what there is.
    if doc is not None and not store.has(doc):
        return _refuse(raw, as_of, f"未找到文档 {doc}；已入库的文档：{_doc_list(doc, store.doc_ids())}。", "error")
    doc_ids = [doc] if doc is not None else store.doc_ids()
    if not doc_ids:
        return _refuse(raw, as_of, "存储中还没有文档，请先用 `policykg ingest 文件` 导入方案。", "error")
    prev = session.last if session is not None else None
    others: list[str] = []
    if doc is not None:
        doc_id = doc
    else:
        choice = choose_doc(store, q, doc_ids, prev.doc if prev is not None and prev.doc in doc_ids else None)
        doc_id, others = choice.doc, choice.others
    cat = catalog_for(store, doc_id)
    slots = parse_question(q, cat, as_of)
    intent: Optional[str] = None
    prev_focus = None
    if prev is not None and prev.doc == doc_id and is_followup(slots):
        slots, intent = merge(prev, slots)
        prev_focus = prev.focus
    intent = intent or classify(slots)
    res = handler(intent)(Ctx(store, cat, slots, as_of, prev_focus))
    intent = res.intent or intent
    # one body, one name: a bare name of a shared-prefix list (`市生态环境局、林业局`) is output as the fuller name the
    # document writes for it (市林业局), so that an answer never lists one body twice or under its elliptical form
    res.units = cat.registry.fullest_all(res.units)
    if others:
        titles = "、".join(f"《{catalog_for(store, d).title}》（{d}）" for d in others[:3])
        res.answer += f"\n（按《{cat.title}》作答；{titles}也可能相关，可指定文档再问。）"
    out = _envelope(raw, intent, as_of, res, doc_id)
    if session is not None:
        session.record(Turn(q, doc_id, intent, slots, res.focus, res.none))
    return out
