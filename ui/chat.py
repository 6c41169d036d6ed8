"""问答 page: a chat over the plan. Answers quote the plan with clause ids; an expander shows each quote in its source
paragraph and the SPARQL query behind the answer; follow-ups reuse the previous turn (chat.Session kept in
st.session_state); example questions are one click away; the as-of date comes from the sidebar.

Renders ui.pages_data.chat. The conversation is kept per scope (document or all documents): switching scope starts a
new conversation, because "那2030年呢？" means nothing across documents.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from extract.errors import InputError
from ui.html import badge, esc, highlight, md
from ui.pages_data import chat as data
from ui.shell import Context

__all__ = ["render"]

_INLINE = 8
_INTENTS = {
    "unit_tasks": "单位任务", "unit_targets_by_year": "单位年度指标", "target_value": "指标数值", "deadline": "完成时限",
    "overdue": "逾期", "count": "计数", "section_tasks": "章节任务", "lead_unit": "牵头单位",
    "co_responsible": "配合单位", "open": "开放检索",
}


def _text(s: str) -> str:
    """Plain text as Markdown: escaped, line breaks kept."""
    return md(s).replace("\n", "  \n")


def _clause(item: dict[str, Any]) -> str:
    return item.get("target") or item.get("task") or ""


def _item_line(item: dict[str, Any]) -> str:
    extra = []
    if item.get("deadline"):
        extra.append(f"时限 {esc(item['deadline'])}")
    if item.get("doc_title") and item.get("multi"):
        extra.append(f"《{esc(item['doc_title'])}》")
    tail = f"<span style='color:#777;font-size:0.85em'>　{'　'.join(extra)}</span>" if extra else ""
    status = f"{badge(item['status'])} " if item.get("status") else ""
    return f"{status}<code>{esc(_clause(item))}</code> “{esc(item.get('quote'))}”{tail}"


def _show_answer(ans: dict[str, Any]) -> None:
    st.markdown(_text(ans.get("answer") or ""))
    items = ans.get("items") or []
    docs = {i.get("doc") for i in items}
    for i in items:
        i["multi"] = len(docs) > 1
    # when the answer already quotes its items (lists), the citations with their statuses fold away
    quoted = bool(items) and all((i.get("quote") or "") in (ans.get("answer") or "") for i in items[:3])
    inline = [] if quoted else items[:_INLINE]
    for item in inline:
        st.markdown(_item_line(item), unsafe_allow_html=True)
    rest = items[len(inline):]
    if rest:
        with st.expander(f"引用与状态（{len(items)} 条）" if quoted else f"其余 {len(rest)} 条引用"):
            for item in rest:
                st.markdown(_item_line(item), unsafe_allow_html=True)
    facts = []
    if ans.get("intent"):
        facts.append(f"问题类型：{_INTENTS.get(ans['intent'], ans['intent'])}")
    if ans.get("count") is not None:
        facts.append(f"数量：{ans['count']}")
    if ans.get("units"):
        facts.append(f"单位：{'、'.join(ans['units'])}")
    if ans.get("deadline"):
        facts.append(f"时限：{ans['deadline']}")
    if ans.get("as_of"):
        facts.append(f"截至 {ans['as_of']}")
    st.caption(" · ".join(facts))
    if items or ans.get("query"):
        with st.expander("原文段落与查询"):
            shown = set()
            for item in items:
                para = item.get("paragraph")
                key = (item.get("doc"), _clause(item))
                if not para or key in shown:
                    continue
                shown.add(key)
                title = item.get("task_title") or ""
                st.markdown(f"**{md(_clause(item))}** {md(title)}", unsafe_allow_html=False)
                st.markdown(f"<div style='font-size:0.9em;background:#fafafa;border-left:3px solid #b4232a;"
                            f"padding:0.4em 0.8em;margin-bottom:0.6em'>"
                            f"{highlight(para['text'], para['quote_start'], para['quote_end'])}</div>",
                            unsafe_allow_html=True)
            if ans.get("query"):
                st.code(ans["query"], language="sparql")


def _scope(ctx: Context) -> str:
    everywhere = st.toggle("在全部文档中检索", key="chat_all", help="默认只在侧栏选定的当前文档中回答")
    scope = "__all__" if everywhere or not ctx.doc else ctx.doc
    if st.session_state.get("chat_scope") != scope:
        st.session_state["chat_scope"] = scope
        st.session_state["chat_turns"] = []
        st.session_state.pop("chat_session", None)
    return scope


def _ask(ctx: Context, scope: str, question: str) -> None:
    turns = st.session_state.setdefault("chat_turns", [])
    with st.chat_message("user"):
        st.markdown(_text(question))
    with st.chat_message("assistant"):
        try:
            with st.spinner("正在查询…"):
                if "chat_session" not in st.session_state:
                    st.session_state["chat_session"] = data.new_session()
                ans = data.ask(ctx.store, question, doc=None if scope == "__all__" else scope, as_of=ctx.as_of,
                               session=st.session_state["chat_session"])
            _show_answer(ans)
            turns.append({"question": question, "answer": ans})
        except InputError as e:
            st.error(str(e))
            turns.append({"question": question, "error": str(e)})


def render(ctx: Context) -> None:
    st.header(f"问答 · {md(ctx.title(ctx.doc))}" if ctx.doc else "问答")
    if not ctx.docs:
        st.info("存储中还没有文档：请先在“文档”页导入方案。")
        return
    scope = _scope(ctx)
    st.caption(f"逾期、即将到期按截至日期 {ctx.as_of} 判断（在侧栏修改）。可以追问，如“那2030年呢？”。")
    examples = data.example_questions(ctx.store, None if scope == "__all__" else scope)
    clicked = None
    with st.container(horizontal=True, gap="small"):
        for i, q in enumerate(examples):
            if st.button(q, key=f"chat_ex_{i}"):
                clicked = q
    for turn in st.session_state.get("chat_turns", []):
        with st.chat_message("user"):
            st.markdown(_text(turn["question"]))
        with st.chat_message("assistant"):
            if "error" in turn:
                st.error(turn["error"])
            else:
                _show_answer(turn["answer"])
    if st.session_state.get("chat_turns") and st.button("清空对话", key="chat_clear"):
        st.session_state["chat_turns"] = []
        st.session_state.pop("chat_session", None)
        st.rerun()
    typed = st.chat_input("输入问题，例如：区经委到2025年要完成哪些指标？", key="chat_input", max_chars=data.MAX_QUESTION)
    question = typed or clicked
    if question:
        _ask(ctx, scope, question)
