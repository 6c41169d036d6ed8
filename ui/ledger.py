"""任务台账 page: every target with deadline, units, latest report and status as of the sidebar date; filters and
sorting; a form to record a progress report; a target's history; import of a filled sheet; exports and the per-unit
report with its fill-in template.

Renders ui.pages_data.ledger and ui.pages_data.progress. Picking a row in the table (or the target selectbox) chooses
the target the report form and the history work on. After a report is saved the page reruns, so the new status shows
at once (status is computed, never stored).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from extract.errors import InputError
from ui.html import STATUS_COLORS, STATUS_LABELS, badge, esc, md
from ui.pages_data import ledger as data
from ui.pages_data import progress
from ui.pages_data.uploads import MAX_SHEET_BYTES
from ui.shell import Context

__all__ = ["render"]

_ALL = "__all__"


def _key(row: dict[str, Any]) -> str:
    return f"{row['doc']}|{row['target']}"


def _on_table_select() -> None:
    """A row picked in the table → the target selectbox (callbacks run before the rerun)."""
    sel = (st.session_state.get("ledger_table") or {}).get("selection") or {}
    rows = sel.get("rows") or []
    keys = st.session_state.get("ledger_row_keys") or []
    if rows and 0 <= rows[0] < len(keys):
        st.session_state["ledger_target"] = keys[rows[0]]


def _wanted(ctx: Context) -> dict[str, Any]:
    """The filters as the widgets hold them at the start of this rerun (so the ledger is computed once)."""
    ss = st.session_state
    doc = None if ss.get("ledger_scope") == "all" or not ctx.doc else ctx.doc
    return {"doc": doc, "units": ss.get("ledger_units") or None, "statuses": ss.get("ledger_status") or None,
            "years": ss.get("ledger_years") or None, "search": ss.get("ledger_search") or None,
            "sort": ss.get("ledger_sort") or "urgency"}


def _filters(ctx: Context, options: dict[str, Any]) -> None:
    for key, allowed in (("ledger_units", options["units"]), ("ledger_years", options["years"])):
        if key in st.session_state:  # another scope: drop choices it does not offer
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]
    c0, c1, c2, c3 = st.columns([2, 3, 3, 2])
    c0.selectbox("范围", ["current", "all"] if ctx.doc else ["all"], key="ledger_scope",
                 format_func=lambda d: "全部文档" if d == "all" else "当前文档")
    c1.multiselect("责任单位", options["units"], key="ledger_units", placeholder="全部单位")
    c2.multiselect("状态", [s for s in STATUS_LABELS if s != "none"], key="ledger_status",
                   format_func=lambda s: STATUS_LABELS[s], placeholder="全部状态")
    c3.multiselect("时限年份", options["years"], key="ledger_years", placeholder="全部")
    c4, c5 = st.columns([3, 2])
    c4.text_input("搜索", key="ledger_search", placeholder="原文、任务名称或编号中的字词")
    c5.selectbox("排序", list(data.SORTS), key="ledger_sort", format_func=lambda s: data.SORTS[s])


def _table(led: dict[str, Any]) -> None:
    rows = led["rows"]
    st.session_state["ledger_row_keys"] = [_key(r) for r in rows]
    import pandas as pd

    frame = pd.DataFrame(
        [{"状态": r["status_label"], "指标": r["target"], "任务": f"{r['task']} {r['task_title']}", "原文": r["quote"],
          "时限": r["deadline"] or "", "牵头": "、".join(r["lead_units"]), "责任单位": "、".join(r["units"]),
          "最近进展": r["latest"], "进展日期": r["latest_date"] or "", "文档": r["doc"]} for r in rows],
        columns=["状态", "指标", "任务", "原文", "时限", "牵头", "责任单位", "最近进展", "进展日期", "文档"])
    colour = {STATUS_LABELS[s]: STATUS_COLORS[s] for s in STATUS_COLORS if s in STATUS_LABELS}
    styled = frame.style.map(lambda v: f"color:{colour[v]};font-weight:600" if v in colour else "", subset=["状态"])
    st.dataframe(
        styled,
        hide_index=True, width="stretch", height=min(460, 38 + 35 * max(1, len(rows))), key="ledger_table",
        on_select=_on_table_select, selection_mode="single-row",
        column_config={"原文": st.column_config.TextColumn(width="large"),
                       "任务": st.column_config.TextColumn(width="medium")})


def _exports(ctx: Context, led: dict[str, Any]) -> None:
    """CSV/Excel of the rows shown; the file is built only when a button is pressed (data callables)."""
    c1, c2, _ = st.columns([1, 1, 3])
    name = f"台账-{led['doc'] or '全部文档'}-{led['as_of']}"
    rows = led["rows"]
    for col, fmt, label in ((c1, "csv", "导出 CSV"), (c2, "xlsx", "导出 Excel")):
        col.download_button(label, lambda fmt=fmt: data.export_rows(rows, fmt, name)["data"],
                            file_name=f"{name}.{fmt}", mime=data.EXPORT_MIME[fmt], key=f"ledger_dl_{fmt}")


def _report_form(ctx: Context, doc: str, target: dict[str, Any], units: list[str]) -> None:
    quantitative = target["value"] is not None
    if st.session_state.get("rep_for") != (doc, target["id"]):  # another target: its own defaults (unit, lead…)
        st.session_state["rep_for"] = (doc, target["id"])
        for key in ("rep_by", "rep_mode", "rep_value", "rep_unit", "rep_state", "rep_note"):
            st.session_state.pop(key, None)
    with st.form("ledger_report", clear_on_submit=False):
        st.markdown(f"**{esc(target['id'])}** {esc(target['quote'])}", unsafe_allow_html=True)
        c1, c2 = st.columns(2)
        date = c1.date_input("数据日期（进展所指的日期）", value=dt.date.fromisoformat(ctx.as_of), key="rep_date",
                             format="YYYY-MM-DD")
        by_options = target["units"] + [u for u in units if u not in target["units"]]
        by = c2.selectbox("报告单位", by_options, key="rep_by",
                          index=by_options.index(target["lead"]) if target["lead"] in by_options else 0)
        mode = st.radio("报告内容", ["数值", "进展状态"], index=0 if quantitative else 1, horizontal=True, key="rep_mode")
        c3, c4, c5 = st.columns([2, 1, 2])
        value = c3.number_input("报告值", value=None, step=1.0, format="%g", key="rep_value",
                                placeholder=f"目标 {target['value']:g}{target['unit'] or ''}" if quantitative else "")
        unit = c4.text_input("单位", value=target["unit"] or "", key="rep_unit")
        state = c5.selectbox("进展状态", progress.STATES, index=1, key="rep_state")
        note = st.text_area("备注", key="rep_note", height=68, max_chars=500)
        submitted = st.form_submit_button("保存进展报告", type="primary")
    if submitted:
        try:
            rep = progress.record_report(ctx.store, doc, target["id"], date, by,
                                         value=value if mode == "数值" else None, unit=unit,
                                         state=state if mode == "进展状态" else None, note=note)
            st.session_state["ledger_saved"] = rep
            st.rerun()
        except InputError as e:
            st.error(str(e))


def _history(ctx: Context, doc: str, target: str) -> None:
    hist = progress.target_history(ctx.store, doc, target)
    if not hist:
        st.info("该指标还没有进展报告")
        return
    st.dataframe([{"数据日期": h["date"], "报告值": "" if h["value"] is None else h["value"], "单位": h["unit"] or "",
                   "状态": h["state"] or "", "报告单位": h["by"], "备注": h["note"] or "",
                   "来源": "导入" if h["source"] == "import" else "手工", "记录时间": h["reported_at"][:19].replace("T", " "),
                   "已被更正": "是" if h["superseded_by"] else ""} for h in hist], hide_index=True, width="stretch")


def _import(ctx: Context) -> None:
    st.caption(f"上传单位填写后的进展填报表（.xlsx 或 .csv，不超过 {MAX_SHEET_BYTES // 1024 // 1024} MB）。任何一行有误则整个文件不导入。")
    f = st.file_uploader("填报表", type=list(progress.SHEET_UPLOAD_TYPES), key="ledger_sheet",
                         label_visibility="collapsed")
    force = st.checkbox("内容相同的文件也再次导入", key="ledger_sheet_force")
    if st.button("导入填报表", key="ledger_import", disabled=f is None):
        try:
            out = progress.import_sheet(ctx.store, f.name, f.getvalue(), force=force)
            st.session_state["ledger_imported"] = out
            st.rerun()
        except InputError as e:
            st.error(str(e))


def _unit_report(ctx: Context, doc: str | None, units: list[str]) -> None:
    if not units:
        st.info("当前文档没有具体的责任单位")
        return
    unit = st.selectbox("单位", units, key="ledger_unit_report", index=None, placeholder="选择一个单位，查看并下载其任务清单")
    if not unit:
        return
    rep = progress.unit_report(ctx.store, unit, ctx.as_of, doc)
    counts = "　".join(f"{badge(s)}&nbsp;{n}" for s, n in rep["counts"].items() if n)
    st.markdown(f"**{esc(rep['unit'])}**：{len(rep['tasks'])} 项任务　{counts}", unsafe_allow_html=True)
    st.dataframe([{"任务": f"{t['task']} {t['title']}", "角色": t["role_label"], "状态": t["status_label"],
                   "指标": len(t["targets"]), "时限": t.get("deadline") or ""} for t in rep["tasks"]],
                 hide_index=True, width="stretch", height=min(320, 38 + 35 * max(1, len(rep["tasks"]))))
    cols = st.columns(4)
    for col, fmt, label in zip(cols, ("xlsx", "csv", "md"), ("单位报告 Excel", "单位报告 CSV", "单位报告 Markdown")):
        col.download_button(label, lambda fmt=fmt: progress.unit_report_file(rep, fmt)["data"],
                            file_name=f"{rep['unit']}-{rep['as_of']}.{fmt}", key=f"ledger_ur_{fmt}")
    spec, as_of = ctx.store.spec, ctx.as_of

    def template() -> bytes:  # runs after this rerun, when the store of the rerun is closed: open it again
        from kg import open_store
        with open_store(spec) as store:
            return progress.unit_template(store, unit, doc, as_of)["data"]
    cols[3].download_button("进展填报表模板", template, file_name=f"{unit}-进展填报表.xlsx",
                            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            key="ledger_template")


def _messages() -> None:
    rep = st.session_state.pop("ledger_saved", None)
    if rep:
        what = f"{rep['value']}{rep['unit'] or ''}" if rep["value"] is not None else rep["state"]
        st.success(f"已记录 {md(rep['target'])} 的进展：{md(what)}（{rep['date']}，{md(rep['by'])}）；状态已按新报告重新计算。")
    imp = st.session_state.pop("ledger_imported", None)
    if imp:
        st.success(f"已导入 {imp['imported']} 条进展报告（空行 {imp['skipped_blank']} 行已跳过）")


def render(ctx: Context) -> None:
    st.header(f"任务台账 · {md(ctx.title(ctx.doc))}" if ctx.doc else "任务台账")
    if not ctx.docs:
        st.info("存储中还没有文档：请先在“文档”页导入方案。")
        return
    with st.container():  # one fixed slot for messages, so nothing below shifts (and no tab resets) when they go
        _messages()
    f = _wanted(ctx)
    led = data.ledger(ctx.store, ctx.as_of, **f)
    _filters(ctx, led["options"])
    counts = "　".join(f"{badge(s)}&nbsp;{n}" for s, n in led["counts"].items() if n)
    st.markdown(f"截至 {esc(ctx.as_of)}：显示 {len(led['rows'])} / {led['total']} 项指标　{counts}",
                unsafe_allow_html=True)
    _table(led)
    _exports(ctx, led)
    doc = f["doc"] or ctx.doc
    choices = progress.target_choices(ctx.store, doc)
    by_key = {f"{doc}|{c['id']}": c for c in choices}
    if st.session_state.get("ledger_target") not in by_key:
        st.session_state["ledger_target"] = next((_key(r) for r in led["rows"] if _key(r) in by_key),
                                                 next(iter(by_key), None))
    units = progress.units_of(ctx.store, doc)
    tab_report, tab_history, tab_import, tab_unit = st.tabs(["记录进展", "进展历史", "导入填报表", "单位报告"],
                                                            key="ledger_tabs")
    with tab_report:
        if by_key:
            key = st.selectbox("指标（也可在上表中点选一行）", list(by_key), key="ledger_target",
                               format_func=lambda k: f"{by_key[k]['id']}　{by_key[k]['quote'][:50]}")
            _report_form(ctx, doc, by_key[key], units)
        else:
            st.info("当前文档没有指标")
    with tab_history:
        if st.session_state.get("ledger_target") in by_key:
            _history(ctx, doc, by_key[st.session_state["ledger_target"]]["id"])
    with tab_import:
        _import(ctx)
    with tab_unit:
        _unit_report(ctx, f["doc"], units)
