"""责任图谱 page: graph data, filters, ranking, node details, the ECharts option, and the page through AppTest."""
from __future__ import annotations

import json

from tests.app.conftest import AS_OF, JIADING_ID, app_at, errors
from tests.paths import jiading_target_count
from ui.graph import echarts_option, positions
from ui.pages_data.graph import graph_data, graph_filters, node_detail, rank_units


def test_graph_of_jiading(store):
    g = graph_data(store, JIADING_ID, AS_OF)
    kinds = {n["kind"] for n in g["nodes"]}
    assert kinds == {"unit", "task", "section", "target"}
    assert g["counts"]["tasks"] == 40 and g["counts"]["targets"] == jiading_target_count()
    assert g["counts"]["by_status"]["overdue"] > 0  # 2025 targets without reports are overdue in late 2026
    ids = {n["id"] for n in g["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in g["edges"])
    assert "unit:区经委" in ids
    json.dumps(g, ensure_ascii=False)  # every page is also data
    top = g["ranking"][0]
    assert top["rank"] == 1 and top["tasks"] >= g["ranking"][1]["tasks"]
    assert all(not r["unit"].startswith(("相关", "各")) for r in g["ranking"])  # collective phrases are not ranked


def test_filters(store):
    opts = graph_filters(store, JIADING_ID)
    assert opts["units"][0]["name"] == "区经委" and 2025 in opts["years"]
    assert any(s["id"] == "3.5" for s in opts["sections"])
    g = graph_data(store, JIADING_ID, AS_OF, units=["区交通委"])
    assert g["counts"]["tasks"] == 9
    assert all(any(u["name"] == "区交通委" for u in t["units"]) for t in g["tasks"])
    g = graph_data(store, JIADING_ID, AS_OF, sections=["3.5"])
    assert g["tasks"] and all(t["id"].startswith("3.5.") for t in g["tasks"])
    g = graph_data(store, JIADING_ID, AS_OF, years=[2030])
    assert g["tasks"] and all(x["deadline"] is None or x["deadline"].startswith("2030")
                              for t in g["tasks"] for x in t["targets"])
    g = graph_data(store, JIADING_ID, AS_OF, status_filter=["overdue"])
    assert g["tasks"] and all(x["status"] == "overdue" for t in g["tasks"] for x in t["targets"])
    g = graph_data(store, JIADING_ID, AS_OF, show_targets=False, show_collective=False)
    assert {n["kind"] for n in g["nodes"]} <= {"unit", "task", "section"}
    assert not any(n.get("collective") for n in g["nodes"])


def test_rank_units_centrality():
    tasks = [{"units": [{"name": "甲", "role": "lead", "collective": False},
                        {"name": "乙", "role": "support", "collective": False}], "targets": []},
             {"units": [{"name": "乙", "role": "lead", "collective": False},
                        {"name": "丙", "role": "support", "collective": False},
                        {"name": "各街镇", "role": "support", "collective": True}],
              "targets": [{"status": "overdue"}]}]
    r = {x["unit"]: x for x in rank_units(tasks)}
    assert set(r) == {"甲", "乙", "丙"}
    assert r["乙"]["rank"] == 1 and r["乙"]["betweenness"] == 1.0 and r["乙"]["partners"] == 2
    assert r["丙"]["overdue"] == 1 and r["甲"]["lead"] == 1


def test_node_detail_quotes_tasks(store):
    d = node_detail(store, JIADING_ID, "unit:区经委", AS_OF)
    assert len(d["tasks"]) == 19 and d["tasks"][0]["role"] == "lead"
    assert all(t["text"] for t in d["tasks"])
    t = node_detail(store, JIADING_ID, "task:3.1.1", AS_OF)
    assert t["tasks"][0]["id"] == "3.1.1" and "加氢站" in t["tasks"][0]["text"]
    x = node_detail(store, JIADING_ID, "target:3.1.1/1", AS_OF)
    assert x["tasks"][0]["targets"][0]["id"] == "3.1.1/1"
    assert node_detail(store, JIADING_ID, "unit:不存在的单位", AS_OF)["tasks"] == []


def test_echarts_option_is_json_and_coloured(store):
    g = graph_data(store, JIADING_ID, AS_OF)
    opt = echarts_option(g, selected="unit:区经委")
    json.dumps(opt)
    series = opt["series"][0]
    assert len(series["data"]) == len(g["nodes"]) and len(series["links"]) == len(g["edges"])
    names = [d["name"] for d in series["data"]]
    assert len(set(names)) == len(names)
    overdue = [d for d, n in zip(series["data"], g["nodes"]) if n["kind"] == "task" and n["status"] == "overdue"]
    assert overdue and all(d["itemStyle"]["color"] == "#d62728" for d in overdue)
    assert len(positions(g)) == len(g["nodes"])


def test_page_filters_and_selects(store_dir):
    at = app_at("graph")
    assert not errors(at), errors(at)
    assert "责任图谱" in at.header[0].value
    ranking = at.dataframe[0].value
    assert ranking.iloc[0]["单位"] == "区经委"
    at.multiselect(key="graph_units").set_value(["区交通委"]).run()
    at.multiselect(key="graph_status").set_value(["overdue"]).run()
    assert not errors(at)
    at.selectbox(key="graph_node").set_value("unit:区交通委").run()
    assert not errors(at)
    text = " ".join(m.value for m in at.markdown)
    assert "区交通委" in text and "逾期" in text
    at.multiselect(key="graph_years").set_value([2030]).run()
    at.multiselect(key="graph_status").set_value([]).run()
    assert not errors(at)
