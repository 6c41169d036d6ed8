"""文档 page: upload and ingest plans (with a progress bar), list what is stored, validate, export, remove.

Renders ui.pages_data.documents; every action's bad input ends in one Chinese line on the page, never a traceback.
"""
from __future__ import annotations

import streamlit as st

from extract.errors import InputError
from ui.html import md
from ui.pages_data import documents as data
from ui.pages_data.uploads import DOC_TYPES, MAX_DOC_BYTES
from ui.shell import Context


def _upload(ctx: Context) -> None:
    st.subheader("上传并导入")
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader(f"方案文件（{'、'.join('.' + t for t in DOC_TYPES if t != 'htm')}，每个不超过 "
                                 f"{MAX_DOC_BYTES // 1024 // 1024} MB）", type=list(DOC_TYPES),
                                 accept_multiple_files=True, key="doc_files")
        replace = st.checkbox("覆盖同 id 的已入库文档（默认跳过，不会误删已有版本）", key="doc_replace")
        submitted = st.form_submit_button("导入", type="primary")
    if submitted:
        if not files:
            st.warning("请先选择要上传的文件")
            return
        bar = st.progress(0.0, text="准备导入…")

        def progress(i: int, total: int, name: str) -> None:
            bar.progress(i / total if total else 1.0, text=f"正在导入 {name}（{i + 1}/{total}）" if name else "导入完成")

        result = data.ingest_uploads(ctx.store, [(f.name, f.getvalue()) for f in files], replace=replace,
                                     on_progress=progress)
        st.session_state["ingest_result"] = result
        st.rerun()  # the sidebar's document list must show the new documents
    result = st.session_state.pop("ingest_result", None)
    if result:
        for item in result["ingested"]:
            st.success(f"已导入 {md(item['id'])}：《{md(item['title'])}》，{item['tasks']} 项任务，{item['targets']} 项指标")
        for item in result["skipped"]:
            st.info(f"已存在，未覆盖：{md(item['id'])}（{md(item['source'])}）。如需替换，请勾选“覆盖同 id 的已入库文档”。")
        for item in result["failed"]:
            st.error(f"导入失败：{md(item['source'])}：{md(item['reason'])}")


def _listing(ctx: Context) -> None:
    st.subheader(f"已入库文档（{len(ctx.docs)}）")
    if not ctx.docs:
        st.info("存储中还没有文档：请在上方上传方案文件，或在命令行运行 `policykg ingest --all corpus`。")
        return
    st.dataframe([{"id": d["id"], "标题": d["title"], "发文机关": d.get("issuer") or "", "发布日期": d.get("published") or "",
                   "任务": d["tasks"], "指标": d["targets"]} for d in ctx.docs],
                 hide_index=True, width="stretch")


def _links(ctx: Context) -> None:
    """依据与引用: what a plan implements (its opening's 根据/按照/贯彻落实《…》), drafts or names, and whether it is stored."""
    if not ctx.docs:
        return
    st.subheader("依据与引用")
    ids = [d["id"] for d in ctx.docs]
    titles = {d["id"]: d["title"] or d["id"] for d in ctx.docs}
    choices = ["__all__"] + ids
    doc = st.selectbox("文档", choices, index=choices.index(ctx.doc) if ctx.doc in ids else 0, key="links_doc",
                       format_func=lambda i: "全部文档" if i == "__all__" else titles[i])
    rows = data.document_links(ctx.store, None if doc == "__all__" else doc)
    if not rows:
        st.info(f"{md(titles.get(doc, '所选文档'))} 未以《》引用其他文件。" if doc != "__all__"
                else "已入库的文档都未以《》引用其他文件。")
        return
    linked = sum(1 for r in rows if r["to_doc"])
    st.caption(f"共 {len(rows)} 处引用，其中 {linked} 处指向已入库的文档（标题完全一致才算）。"
               "实施依据：开头部分“根据、按照、贯彻落实……《》”；拟制定：“制定、编制、出台……《》”；其余为提及。")
    st.dataframe([{"文档": titles.get(r["from_doc"], r["from_doc"]), "关系": r["relation_label"],
                   "引用的文件": f"《{r['title']}》", "已入库文档": titles.get(r["to_doc"], "") if r["to_doc"] else "",
                   "原文": r["quote"]} for r in rows], hide_index=True, width="stretch")


def _tools(ctx: Context) -> None:
    if not ctx.docs:
        return
    ids = [d["id"] for d in ctx.docs]
    titles = {d["id"]: d["title"] or d["id"] for d in ctx.docs}
    col_v, col_e, col_d = st.columns(3)
    with col_v:
        st.subheader("校验")
        doc = st.selectbox("文档", ids, index=ids.index(ctx.doc) if ctx.doc in ids else 0, key="val_doc",
                           format_func=lambda i: titles[i])
        if st.button("运行 SHACL 校验", key="val_run"):
            with st.spinner("校验中…"):
                report = data.validate_document(ctx.store, doc)
            for r in report:
                if r["conforms"]:
                    st.success(f"{md(r['doc'])}：符合全部约束（警告 {r['warnings']} 条）")
                else:
                    st.error(f"{md(r['doc'])}：{r['violations']} 处不符合约束")
                if r["results"]:
                    st.dataframe([{"级别": x["severity"], "对象": x["focus"], "属性": x["path"], "说明": x["message"]}
                                  for x in r["results"]], hide_index=True, width="stretch")
    with col_e:
        st.subheader("导出")
        choices = ["__all__"] + ids
        doc = st.selectbox("范围", choices, key="exp_doc",
                           format_func=lambda i: "全部文档" if i == "__all__" else titles[i])
        fmt = st.selectbox("格式", list(data.EXPORT_FORMATS), key="exp_fmt",
                           format_func=lambda f: data.EXPORT_FORMATS[f][0])
        if st.button("生成导出文件", key="exp_run"):
            with st.spinner("导出中…"):
                st.session_state["export"] = data.export_document(ctx.store, fmt, None if doc == "__all__" else doc)
        out = st.session_state.get("export")
        if out:
            st.download_button(f"下载 {out['filename']}", out["text"].encode("utf-8"), file_name=out["filename"],
                               mime=out["mime"], key="exp_download")
    with col_d:
        st.subheader("删除")
        doc = st.selectbox("文档", ids, key="drop_doc", index=None, placeholder="选择要删除的文档",
                           format_func=lambda i: titles[i])
        sure = st.checkbox("确认删除该文档版本（进度报告保留）", key="drop_sure")
        if st.button("删除", key="drop_run", disabled=doc is None):
            if not sure:
                st.warning("请先勾选“确认删除”")
            else:
                data.drop_document(ctx.store, doc)
                st.session_state["dropped"] = doc
                st.session_state.pop("drop_doc", None)
                st.rerun()
        if st.session_state.get("dropped"):
            st.success(f"已删除 {md(st.session_state.pop('dropped'))}")


def render(ctx: Context) -> None:
    st.header("文档")
    try:
        _upload(ctx)
    except InputError as e:
        st.error(str(e))
    _listing(ctx)
    try:
        _links(ctx)
    except InputError as e:
        st.error(str(e))
    try:
        _tools(ctx)
    except InputError as e:
        st.error(str(e))
