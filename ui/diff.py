"""版本比对 page: pick two stored versions, or upload a new one; the change summary, the table of changes and the HTML
redline (kg.diff.render_html, shown in an iframe: its own stylesheet must not restyle the app).

The redline escapes every piece of document text itself; before embedding it this page also refuses any HTML that
carries a script, an event handler or a javascript: link, so an uploaded document can never run code in the app.
"""
from __future__ import annotations

import json
import re
from typing import Any, Optional

import streamlit as st

from extract.errors import InputError
from ui.html import md
from ui.pages_data import diff as data
from ui.pages_data.documents import ingest_uploads
from ui.pages_data.uploads import DOC_TYPES
from ui.shell import Context

__all__ = ["render", "safe_for_iframe", "default_pair"]

_ACTIVE = re.compile(r"<\s*script|<\s*iframe|<\s*object|<\s*embed|\son[a-z]+\s*=|javascript:", re.I)


def safe_for_iframe(html: str) -> bool:
    """True when the HTML carries no script, frame, plugin, event handler or javascript: URL."""
    return not _ACTIVE.search(html)


def default_pair(ids: list[str], current: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(old, new) to preselect: the current document as new, and as old the other stored id sharing the longest
    prefix with it (chengdu-…-v2021 for chengdu-…-v2022) when that prefix is most of the id; otherwise no old one
    (comparing two unrelated plans is never a sensible default)."""
    if not ids:
        return None, None
    new = current if current in ids else ids[-1]
    others = [i for i in ids if i != new]
    if not others:
        return None, new

    def common(a: str, b: str) -> int:
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n
    old = max(others, key=lambda i: (common(i, new), i < new, i))
    return (old if common(old, new) >= 0.6 * min(len(old), len(new)) else None), new


def _side(ctx: Context, label: str, key: str, preset: Optional[str]) -> dict[str, Any]:
    ids = [d["id"] for d in ctx.docs]
    titles = {d["id"]: d["title"] or d["id"] for d in ctx.docs}
    st.markdown(f"**{label}**")
    source = st.radio("来源", ["已入库版本", "上传文件"], key=f"{key}_src", horizontal=True, label_visibility="collapsed")
    if source == "已入库版本":
        doc = st.selectbox(label, ids, index=ids.index(preset) if preset in ids else None, key=f"{key}_doc",
                           format_func=lambda i: f"{titles[i]}（{i}）", label_visibility="collapsed",
                           placeholder="选择文档")
        return {"doc": doc}
    f = st.file_uploader(f"{label}文件", type=list(DOC_TYPES), key=f"{key}_file", label_visibility="collapsed")
    return {"upload": (f.name, f.getvalue()) if f is not None else None}


def _result(ctx: Context, res: dict[str, Any]) -> None:
    s = res["summary"]
    c = s["counts"]
    st.markdown(f"#### 《{md(res['old']['title'])}》 → 《{md(res['new']['title'])}》")
    cols = st.columns(7)
    for col, (label, n) in zip(cols, [("新增任务", c["added"]), ("删除任务", c["removed"]), ("修改", c["modified"]),
                                      ("重新编号", c["renumbered"]), ("移动", c["moved"]), ("未变", c["unchanged"]),
                                      ("仅格式差异", c["formatting_only"])]):
        col.metric(label, n)
    if s["by_type"]:
        st.caption("变更类型：" + "，".join(f"{data.TYPE_ZH.get(t, t)} {n} 处" for t, n in s["by_type"].items()))
    if s["rows"]:
        st.dataframe([{"类型": r["label"], "旧编号": r["old"] or "", "新编号": r["new"] or "", "修改前": r["before"],
                       "修改后": r["after"]} for r in s["rows"]], hide_index=True, width="stretch",
                     height=min(360, 38 + 35 * len(s["rows"])))
    elif not (c["added"] or c["removed"] or c["modified"] or c["moved"] or c["renumbered"]):
        st.success("两个版本之间没有实质变化")
    d1, d2, d3 = st.columns([1, 1, 2])
    d1.download_button("下载 JSON", json.dumps(res["diff"], ensure_ascii=False, indent=1).encode("utf-8"),
                       file_name=f"diff-{res['old']['id']}-{res['new']['id']}.json", mime="application/json",
                       key="diff_dl_json")
    d2.download_button("下载 HTML 红线", res["html"].encode("utf-8"),
                       file_name=f"diff-{res['old']['id']}-{res['new']['id']}.html", mime="text/html",
                       key="diff_dl_html")
    if res.get("new_upload") and d3.button("将新版本入库", key="diff_ingest"):
        out = ingest_uploads(ctx.store, [tuple(res["new_upload"])])
        for item in out["ingested"]:
            st.success(f"已入库：{md(item['id'])}（{item['tasks']} 项任务，{item['targets']} 项指标）")
        for item in out["skipped"]:
            st.info(f"已存在同 id 的文档 {md(item['id'])}，未覆盖；如需替换请到“文档”页勾选覆盖后上传")
        for item in out["failed"]:
            st.error(f"入库失败：{md(item['reason'])}")
    st.markdown("##### 红线对照")
    if safe_for_iframe(res["html"]):
        st.iframe(res["html"], height=760)
    else:
        st.error("红线页面含有不安全的内容，已拒绝显示；请下载 JSON 查看变更")


def render(ctx: Context) -> None:
    st.header("版本比对")
    if not ctx.docs:
        st.info("存储中还没有文档：可以上传两个文件比对，或先在“文档”页导入方案。")
    old_id, new_id = default_pair([d["id"] for d in ctx.docs], ctx.doc)
    if st.session_state.get("diff_for_doc") != ctx.doc:  # a new current document: preselect its pair afresh
        st.session_state["diff_for_doc"] = ctx.doc
        for key in ("diff_old_doc", "diff_new_doc"):
            st.session_state.pop(key, None)
    left, right = st.columns(2, gap="large")
    with left:
        a = _side(ctx, "旧版本", "diff_old", old_id)
    with right:
        b = _side(ctx, "新版本", "diff_new", new_id)
    o1, o2 = st.columns([3, 1])
    semantic = o1.toggle("语义对齐（加载中文向量模型，更准；首次需十余秒）", key="diff_semantic")
    run = o2.button("开始比对", type="primary", key="diff_run", width="stretch")
    if run:
        try:
            with st.spinner("正在比对…"):
                res = data.diff_versions(ctx.store, old=a.get("doc"), new=b.get("doc"), old_upload=a.get("upload"),
                                         new_upload=b.get("upload"), use_embeddings=semantic)
            res["new_upload"] = b.get("upload")
            st.session_state["diff_result"] = res
        except InputError as e:
            st.session_state.pop("diff_result", None)
            st.error(str(e))
    res = st.session_state.get("diff_result")
    if res:
        _result(ctx, res)
