"""The frame around every page: navigation, the sidebar (as-of date, current document), one store per rerun, and the
error boundary.

Why one store per rerun: the embedded Oxigraph directory admits one process at a time (RocksDB lock, see
kg/stores/oxigraph.py). The app opens the store at the start of each rerun and closes it at the end (~50 ms); within
the process every open shares one handle, so concurrent sessions never lock each other out, and between reruns the
directory is free, so `policykg ingest/progress add/…` can run while the app is idle (it waits up to
POLICYKG_LOCK_WAIT seconds for a rerun to finish). To run the CLI and the app against one store under load, serve the
directory with `oxigraph serve` and point both at it with POLICYKG_STORE=http://….

Navigation is a sidebar radio mirrored in the `?page=` query parameter, so every page has a link and the tests can
drive it like a user; `?as_of=YYYY-MM-DD` opens the app on that date. Page modules are imported only when shown, so start-up loads no model and no page's failure
breaks another.
"""
from __future__ import annotations

import datetime as dt
import importlib
import logging
from dataclasses import dataclass, field
from typing import Any, Optional

import streamlit as st

from extract.errors import InputError

__all__ = ["PAGES", "Context", "main", "page_keys"]

log = logging.getLogger("policykg.app")

#: (query-parameter key, Chinese label, module) in sidebar order; the first is the landing page.
PAGES: list[tuple[str, str, str]] = [
    ("chat", "问答", "ui.chat"),
    ("graph", "责任图谱", "ui.graph"),
    ("ledger", "任务台账", "ui.ledger"),
    ("diff", "版本比对", "ui.diff"),
    ("documents", "文档", "ui.documents"),
]
_LABEL = {k: label for k, label, _ in PAGES}
# Less empty space above the pages (a laptop screen is 768 px high), and the file uploader's built-in English
# ("Upload", "… per file • TXT …") replaced by Chinese: Streamlit has no setting for these words.
_CSS = """<style>
[data-testid='stMainBlockContainer']{padding-top:2.2rem}
[data-testid='stSidebarHeader']{height:1.5rem}
[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p{font-size:0}
[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after{content:'选择文件';font-size:0.875rem}
[data-testid='stFileUploaderDropzoneInstructions'] > *{display:none}
[data-testid='stFileUploaderDropzoneInstructions']::after{content:'或将文件拖到此处';font-size:0.85rem;color:#777}
</style>"""
_KEY = {label: k for k, label, _ in PAGES}


def page_keys() -> list[str]:
    return [k for k, _, _ in PAGES]


@dataclass
class Context:
    """What every page gets: the open store, the sidebar's choices and the stored documents."""
    store: Any  # kg.Store, open for this rerun only
    as_of: str  # ISO date
    doc: Optional[str]  # the sidebar's current document id (None when the store is empty)
    docs: list[dict[str, Any]] = field(default_factory=list)  # the contract's document listing

    def title(self, doc_id: Optional[str]) -> str:
        """《title》 of a stored document, or its id."""
        for d in self.docs:
            if d["id"] == doc_id:
                return f"《{d['title']}》" if d.get("title") else d["id"]
        return doc_id or ""


def _choose_page() -> str:
    if "page" not in st.session_state:
        wanted = st.query_params.get("page")
        st.session_state["page"] = _LABEL.get(wanted, PAGES[0][1])
    label = st.sidebar.radio("页面", [label for _, label, _ in PAGES], key="page", label_visibility="collapsed")
    key = _KEY[label]
    if st.query_params.get("page") != key:
        st.query_params["page"] = key
    return key


def _sidebar(docs: list[dict[str, Any]]) -> tuple[str, Optional[str]]:
    from ui.pages_data.records import default_doc

    if "as_of" not in st.session_state:  # a link may carry the date: ?as_of=2026-11-23
        try:
            st.session_state["as_of"] = dt.date.fromisoformat(str(st.query_params.get("as_of")))
        except ValueError:
            st.session_state["as_of"] = dt.date.today()
    as_of = st.sidebar.date_input("截至日期", key="as_of", format="YYYY-MM-DD",
                                  help="逾期、即将到期等状态按这一天计算")
    ids = [d["id"] for d in docs]
    doc = None
    if ids:
        if st.session_state.get("doc") not in ids:
            st.session_state["doc"] = default_doc(ids)
        titles = {d["id"]: d["title"] or d["id"] for d in docs}
        doc = st.sidebar.selectbox("当前文档", ids, key="doc", format_func=lambda i: titles.get(i, i))
    return (as_of if isinstance(as_of, dt.date) else dt.date.today()).isoformat(), doc


def _render(key: str, store: Any) -> None:
    docs = store.docs()
    as_of, doc = _sidebar(docs)
    st.sidebar.caption(f"存储：{store.backend} · {store.spec}")
    module = importlib.import_module(dict((k, m) for k, _, m in PAGES)[key])
    module.render(Context(store=store, as_of=as_of, doc=doc, docs=docs))


def main() -> None:
    """Run one rerun of the app."""
    st.set_page_config(page_title="policykg 政策任务图谱", layout="wide", initial_sidebar_state="expanded")
    st.html(_CSS)
    st.sidebar.markdown("### policykg 政策任务图谱")
    key = _choose_page()
    try:
        from kg import StoreError, open_store
        try:
            with open_store() as store:
                _render(key, store)
        except StoreError as e:
            log.exception("store failure")
            st.error(f"存储出错：{str(e).splitlines()[0]}。已保存的数据未受影响；请稍后重试。")
    except InputError as e:
        st.error(str(e))
    except Exception as e:  # noqa: BLE001 - the one place that turns an internal failure into a sentence
        log.exception("page %s failed", key)
        st.error(f"内部错误（{type(e).__name__}）：页面未能完成。已保存的数据未受影响；详细信息已写入服务器日志。")
