"""责任图谱 page: an interactive graph of units ↔ tasks ↔ targets for one document, filters, the unit load ranking, and
the tasks (quoted) of the node clicked or selected.

Rendered with st.echarts_chart (ECharts ships inside Streamlit's frontend: no CDN, works offline); clicking a node
selects it (on_select callback → the same session key as the node selectbox, so clicking and choosing agree). ECharts
draws labels as plain text; everything that goes through Markdown/HTML here is escaped with ui.html.
"""
from __future__ import annotations

import math
from typing import Any, Optional

import streamlit as st

from ui.html import STATUS_COLORS, badge, esc, md, status_label
from ui.pages_data.graph import graph_data, graph_filters, node_detail
from ui.shell import Context

__all__ = ["render", "echarts_option", "positions", "chart_height"]

_UNIT_COLOR = "#34495e"
_COLLECTIVE_COLOR = "#a0a8b0"
_ROLE = {"lead": "牵头", "support": "配合", None: ""}


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _clause_key(clause: str) -> list:
    return [int(p) if p.isdigit() else 0 for p in clause.replace("/", ".").split(".")]


def positions(data: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """A layered layout: units | tasks | targets, three columns, each spread over the full height.

    Why layered and not a force layout: the question the page answers is "who owns what"; columns read like a
    responsibility matrix, are deterministic (the same filters draw the same picture) and need no physics run. Tasks
    keep the document's order, targets follow their task, and each unit sits at the mean height of its tasks
    (the barycentre heuristic), which keeps most edges short."""
    tasks = sorted((n for n in data["nodes"] if n["kind"] in ("task", "section")), key=lambda n: _clause_key(n["clause"]))
    targets = sorted((n for n in data["nodes"] if n["kind"] == "target"), key=lambda n: _clause_key(n["clause"]))
    units = [n for n in data["nodes"] if n["kind"] == "unit"]
    task_y = {n["id"]: i / max(1, len(tasks) - 1) for i, n in enumerate(tasks)}
    linked: dict[str, list[float]] = {}
    for e in data["edges"]:
        if e["target"] in task_y:
            linked.setdefault(e["source"], []).append(task_y[e["target"]])
    units.sort(key=lambda n: (sum(linked.get(n["id"], [0.5])) / len(linked.get(n["id"], [0.5])), n["label"]))
    # coordinates in about the pixels of the chart box (the chart column is ~560 px wide at 1366 px), so that ECharts'
    # fit-to-box scales both axes alike and symbols stay round
    height = chart_height(data) - 32
    pos: dict[str, tuple[float, float]] = {}
    for x, column in ((0.0, units), (240.0, tasks), (400.0, targets)):
        for i, n in enumerate(column):
            pos[n["id"]] = (x, round(height * (i + 0.5) / len(column), 1))
    return pos


def chart_height(data: dict[str, Any]) -> int:
    """Pixels for the chart: about 17 px per unit or task in the longer of the two columns, within [360, 900]."""
    units = sum(1 for n in data["nodes"] if n["kind"] == "unit")
    tasks = sum(1 for n in data["nodes"] if n["kind"] in ("task", "section"))
    return max(360, min(900, 17 * max(units, tasks) + 40))


def echarts_option(data: dict[str, Any], selected: Optional[str] = None) -> dict[str, Any]:
    """The ECharts option for graph_data(): fixed spring-layout positions; units are slate squares sized by load,
    tasks circles and targets diamonds coloured by status; lead edges solid, support edges dashed."""
    index = {n["id"]: i for i, n in enumerate(data["nodes"])}
    pos = positions(data)
    height = chart_height(data) - 32
    per = {k: height / max(1, sum(1 for n in data["nodes"] if n["kind"] in ks))
           for k, ks in (("unit", ("unit",)), ("task", ("task", "section")), ("target", ("target",)))}
    seen: set[str] = set()
    nodes = []
    for n in data["nodes"]:
        name = n["label"] if n["kind"] == "unit" else f"{n['clause']} {n['label']}" if n["kind"] == "target" else n["label"]
        while name in seen:  # ECharts identifies graph nodes by name
            name += " "
        seen.add(name)
        x, y = pos.get(n["id"], (0.0, 0.0))
        item: dict[str, Any] = {"name": name, "value": n["id"], "x": x, "y": y}
        if n["kind"] == "unit":
            item.update(symbol="roundRect", symbolSize=min(0.85 * per["unit"], 7 + 2 * math.sqrt(n["tasks"])),
                        itemStyle={"color": _COLLECTIVE_COLOR if n.get("collective") else _UNIT_COLOR,
                                   "borderColor": STATUS_COLORS.get(n["status"], "#fff"), "borderWidth": 2},
                        label={"show": True, "position": "left", "fontWeight": "bold" if n.get("selected") else "normal"})
        elif n["kind"] in ("task", "section"):
            item.update(symbol="circle", symbolSize=min(0.8 * per["task"], 14),
                        itemStyle={"color": STATUS_COLORS.get(n["status"], "#bbb")},
                        label={"show": True, "position": "right", "fontSize": 10,
                               "formatter": _short(n["label"], 16)})
        else:
            item.update(symbol="diamond", symbolSize=min(0.9 * per["target"], 12), itemStyle={"color": STATUS_COLORS.get(n["status"], "#bbb")},
                        label={"show": False})
        if n["id"] == selected:
            item["itemStyle"] = {**item["itemStyle"], "borderColor": "#000", "borderWidth": 3}
        nodes.append(item)
    links = [{"source": index[e["source"]], "target": index[e["target"]],
              "lineStyle": {"type": "dashed" if e["role"] == "support" else "solid",
                            "width": 1.6 if e["role"] == "lead" else 1, "opacity": 0.55}}
             for e in data["edges"] if e["source"] in index and e["target"] in index]
    return {
        "tooltip": {"confine": True},
        "animationDurationUpdate": 300,
        "series": [{
            "type": "graph", "layout": "none", "roam": True, "draggable": True, "selectedMode": "single",
            "data": nodes, "links": links, "left": 130, "right": 20, "top": 16, "bottom": 16,
            "label": {"fontSize": 11, "color": "#222", "textBorderColor": "#fff", "textBorderWidth": 2},
            "emphasis": {"focus": "adjacency", "lineStyle": {"width": 2.5}},
            "select": {"itemStyle": {"borderColor": "#000", "borderWidth": 3}},
            "lineStyle": {"color": "#7f8c8d", "curveness": 0.05},
        }],
    }


def _on_chart_select() -> None:
    """Click on a node → the node selectbox's value (runs before the rerun, so the selectbox can take it)."""
    state = st.session_state.get("graph_chart") or {}
    ids = st.session_state.get("graph_node_ids") or []
    for group in (state.get("selection") or {}).get("selected", []):
        if group.get("data_type") in ("node", "main") and group.get("data_indices"):
            i = group["data_indices"][0]
            if 0 <= i < len(ids):
                st.session_state["graph_node"] = ids[i]
                return


def _legend(data: dict[str, Any]) -> None:
    by = data["counts"]["by_status"]
    parts = [f"{badge(s)}&nbsp;{by.get(s, 0)}" for s in ("overdue", "at_risk", "due_soon", "on_track", "no_data", "done")
             if by.get(s)]
    shapes = (f'<span style="color:{_UNIT_COLOR}">■</span> 责任单位　● 任务　◆ 指标　'
              f'实线 牵头　虚线 配合')
    st.markdown(f"<div style='line-height:2'>{data['counts']['tasks']} 项任务 · {data['counts']['units']} 个单位 · "
                f"{data['counts']['targets']} 项指标　{'　'.join(parts)}<br><small>{shapes}</small></div>",
                unsafe_allow_html=True)


def _filters(ctx: Context, options: dict[str, Any]) -> dict[str, Any]:
    c1, c2, c3, c4 = st.columns([3, 3, 2, 2])
    unit_names = [u["name"] for u in options["units"]]
    sections = {s["id"]: f"{s['number']} {s['title']}" for s in options["sections"]}
    for key, allowed in (("graph_units", unit_names), ("graph_sections", list(sections)),
                         ("graph_years", options["years"])):
        if key in st.session_state:  # a new document: drop choices it does not have
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]
    units = c1.multiselect("单位", unit_names, key="graph_units", placeholder="全部单位")
    secs = c2.multiselect("章节", list(sections), key="graph_sections", format_func=lambda s: sections[s][:24],
                          placeholder="全部章节")
    years = c3.multiselect("时限年份", options["years"], key="graph_years", placeholder="全部年份")
    statuses = c4.multiselect("状态", [s for s in options["statuses"] if s != "none"], key="graph_status",
                              format_func=status_label, placeholder="全部状态")
    t1, t2 = st.columns([1, 3])
    show_targets = t1.toggle("显示指标节点", value=True, key="graph_targets")
    show_collective = t2.toggle("显示泛指单位（相关职能部门、各街镇等）", value=False, key="graph_collective")
    return {"units": units or None, "sections": secs or None, "years": years or None,
            "status_filter": statuses or None, "show_targets": show_targets, "show_collective": show_collective}


def _detail(ctx: Context, doc: str, node: str) -> None:
    d = node_detail(ctx.store, doc, node, ctx.as_of)
    kind = {"unit": "责任单位", "task": "任务", "section": "章节", "target": "指标"}.get(d["kind"], "")
    st.markdown(f"#### {esc(kind)}：{esc(d['label'][:60])} {badge(d['status'])}", unsafe_allow_html=True)
    if d["kind"] == "unit":
        lead = sum(1 for t in d["tasks"] if t["role"] == "lead")
        st.caption(f"共 {len(d['tasks'])} 项任务（牵头 {lead} 项），涉及 {sum(len(t['targets']) for t in d['tasks'])} 项指标")
    if not d["tasks"]:
        st.info("该节点没有关联的任务")
    for t in d["tasks"]:
        with st.container(border=True):
            role = f"（{_ROLE[t['role']]}）" if t["role"] else ""
            st.markdown(f"**{md(t['id'])} {md(t['title'])}**{md(role)} {badge(t['status'])}", unsafe_allow_html=True)
            if t["text"]:
                st.markdown(f"<blockquote style='font-size:0.88em;margin:0.2em 0'>{esc(t['text'])}</blockquote>",
                            unsafe_allow_html=True)
            units = "、".join(f"{u['name']}{'（牵头）' if u['role'] == 'lead' else ''}" for u in t["units"])
            if units:
                st.caption(f"责任单位：{md(units)}")
            for x in t["targets"]:
                st.markdown(f"<div style='font-size:0.9em'>{badge(x['status'])} <code>{esc(x['id'])}</code> "
                            f"{esc(x['quote'])}<span style='color:#777'>"
                            f"{'　时限 ' + esc(x['deadline']) if x['deadline'] else ''}</span></div>",
                            unsafe_allow_html=True)


def render(ctx: Context) -> None:
    if not ctx.doc:
        st.header("责任图谱")
        st.info("存储中还没有文档：请先在“文档”页导入方案。")
        return
    doc = ctx.doc
    st.header(f"责任图谱 · {md(ctx.title(doc))}")
    f = _filters(ctx, graph_filters(ctx.store, doc))
    data = graph_data(ctx.store, doc, ctx.as_of, **f)
    _legend(data)
    ids = [n["id"] for n in data["nodes"]]
    st.session_state["graph_node_ids"] = ids
    left, right = st.columns([3, 2], gap="medium")
    labels = {n["id"]: (n["label"] if n["kind"] != "target" else f"{n['clause']} {n['label']}") for n in data["nodes"]}
    kinds = {"unit": "单位", "task": "任务", "section": "章节", "target": "指标"}
    choices = [i for i in ids if i.startswith("unit:")] + [i for i in ids if not i.startswith("unit:")]
    if st.session_state.get("graph_node") not in choices:
        st.session_state.pop("graph_node", None)
    with right:
        node = st.selectbox("查看节点（也可在图中点击）", choices, key="graph_node", index=None, placeholder="选择单位或任务",
                            format_func=lambda i: f"{kinds[i.split(':', 1)[0]]}：{labels[i][:40]}")
        if node:
            _detail(ctx, doc, node)
        else:
            st.info("点击图中的单位、任务或指标，或在上方选择，查看其任务和原文。")
    with left:
        if data["nodes"]:
            st.echarts_chart(echarts_option(data, node), height=chart_height(data), key="graph_chart", on_select=_on_chart_select,
                             renderer="svg")
        else:
            st.warning("没有符合筛选条件的任务")
    st.subheader("单位负荷排名")
    st.caption("按任务数、牵头任务数、指标数排序；中心度在“共担任务图”上计算（两单位共担一项任务即相连），只计具体单位。")
    if data["ranking"]:
        st.dataframe([{"排名": r["rank"], "单位": r["unit"], "任务": r["tasks"], "牵头": r["lead"], "配合": r["support"],
                       "指标": r["targets"], "逾期指标": r["overdue"], "协同单位数": r["partners"],
                       "度中心度": r["degree_centrality"], "中介中心度": r["betweenness"]} for r in data["ranking"]],
                     hide_index=True, width="stretch", height=min(420, 38 + 35 * len(data["ranking"])))
    else:
        st.info("筛选范围内没有具体的责任单位")
