"""Real revision pairs of the corpus, expectations written by reading both texts.

First, Chengdu's energy action plan, v2021 (成都市能源结构调整行动方案) → v2022
(成都市优化能源结构促进城市绿色低碳发展行动方案). Expectations written by reading both texts.

What a reader sees: v2021 numbers its tasks 1–18 straight through the four sections of 三、重点任务; v2022 restarts
at 1 in each section, so almost every surviving task is renumbered (3.2.8 积极发展绿色氢能 → 3.2.4). 深化重点行业节能降碳
moves from (三) 推进能源利用高效化 to (一) 推进能源消费低碳化 (3.3.13 → 3.1.3). The transport and vehicle tasks
(3.1.4 构建绿色智慧交通网络, 3.1.5 提升汽车电动化率) and the industrial-structure ones (3.1.1, 3.1.3) are gone;
加快统筹资源高效利用 (3.3.1) is new. Numbers: 分布式综合能源服务项目 10 → 50 个, 500 千伏输变电项目 6 → 8 个,
220 千伏 25 → 50 个, 城镇燃气管道 400 → 1200 公里 (新建改造 → 更新改造), 光伏装机 1GW → 50万千瓦; 天然气产能 gains
a deadline (到 2025 年); 电网安全负荷 2260 万千瓦 and 充电桩 16 万个 stay. 推进燃煤发电机组升级改造 adds 彭州市 to its
units. 四、保障措施 (二) is word-for-word the same; (四) only changes a comma to an enumeration comma.

Judgment calls, accepted either way: v2021 3.3.12 推进智慧能源管理 was split in two in v2022 — its first sentence
(智慧能源云平台、多能互补) went to 3.3.2 加快能源数字化转型, its second (增量配电业务改革、淮州新城) to 3.3.3 推进能源改革
试点示范 — so 3.3.12 may pair with either; v2021 3.1.6 加快建筑绿色低碳发展 (lead 市住建局, buildings) was narrowed to
v2022 3.1.4 加强建筑能耗管理 (lead 市住建局, building energy): a pair, or a removal plus an addition.
"""
from __future__ import annotations

import pytest

from kg.diff import diff_records

SURE_PAIRS = {
    "3.1.2": "3.1.1", "3.1.7": "3.1.2", "3.3.13": "3.1.3", "3.2.9": "3.2.1", "3.2.10": "3.2.2", "3.2.11": "3.2.3",
    "3.2.8": "3.2.4", "3.3.14": "3.3.4", "3.4.15": "3.4.1", "3.4.17": "3.4.2", "3.4.16": "3.4.3", "3.4.18": "3.4.4",
    "4.1": "4.1", "4.2": "4.2", "4.3": "4.3", "4.4": "4.4",
}
SURE_REMOVED = {"3.1.1", "3.1.3", "3.1.4", "3.1.5"}
SURE_ADDED = {"3.3.1"}
EITHER = {"3.3.12": {"3.3.2", "3.3.3"}, "3.1.6": {"3.1.4", None}}


def _check(diff):
    pairs = {p["old"]: p for p in diff["pairs"]}
    for old, new in SURE_PAIRS.items():
        assert old in pairs and pairs[old]["new"] == new, (old, pairs.get(old))
    assert SURE_REMOVED <= set(diff["removed"])
    assert SURE_ADDED <= set(diff["added"])
    for old, allowed in EITHER.items():
        assert (pairs[old]["new"] if old in pairs else None) in allowed
    # statuses
    assert pairs["4.2"]["status"] == "unchanged"
    assert pairs["3.3.13"]["moved"] is True and pairs["3.3.13"]["status"] == "modified"
    assert pairs["3.2.8"]["renumbered"] is True and pairs["3.2.8"]["moved"] is False
    assert all(pairs[o]["status"] == "modified" for o in ("3.1.2", "3.2.9", "4.1", "4.3", "4.4"))
    # typed changes
    values = {(c["old"], c["new"], c["before"], c["after"]) for c in diff["changes"] if c["type"] == "target_value"}
    assert ("3.3.14", "3.3.4", "10个", "50个") in values
    assert ("3.4.15", "3.4.1", "6个", "8个") in values
    assert ("3.4.15", "3.4.1", "25个", "50个") in values
    assert ("3.4.16", "3.4.3", "400公里", "1200公里") in values
    assert ("3.2.11", "3.2.3", "1GW", "50万千瓦") in values
    unchanged_levels = {"2260万千瓦", "16万个", "150亿立方米"}
    assert not any(v[2] in unchanged_levels and v[2] == v[3] for v in values)
    assert not any(c["detail"].get("target_old") in ("3.4.15/3", "3.4.17/4") for c in diff["changes"]
                   if c["type"] == "target_value")
    deadlines = [c for c in diff["changes"] if c["type"] == "deadline"]
    assert any(c["old"] == "3.2.10" and c["new"] == "3.2.2" and c["before"] is None and c["after"] == "2025-12-31"
               for c in deadlines)
    units = {c["old"]: c for c in diff["changes"] if c["type"] == "responsible_units"}
    assert "彭州市" in units["3.2.9"]["detail"]["added"]
    text_44 = [c for c in diff["changes"] if c["old"] == "4.4"]
    assert [(c["type"], c["before"], c["after"]) for c in text_44] == [("text", "，", "、")]
    assert not [c for c in diff["changes"] if c["old"] == "4.2"]
    # sections: same four subsections of 三、; 一、 renamed 总体思路 → 总体要求
    sec = {p["old"]: p for p in diff["sections"]["pairs"]}
    assert all(sec[s]["new"] == s for s in ("1", "2", "3", "3.1", "3.2", "3.3", "3.4", "4"))
    assert any(c["old"] == "1" and c["detail"].get("field") == "title" and c["after"] == "总体要求"
               for c in diff["changes"])


def test_chengdu_revision_without_embeddings(chengdu):
    _check(diff_records(*chengdu, use_embeddings=False))


@pytest.mark.slow
def test_chengdu_revision_with_embeddings(chengdu):
    diff = diff_records(*chengdu, use_embeddings=True)
    assert diff["embeddings"] is True
    _check(diff)
    # with the paraphrase signal the split task follows its first sentence (智慧能源云平台 → 能源数字化转型)
    assert {p["old"]: p["new"] for p in diff["pairs"]}["3.3.12"] == "3.3.2"


# -- a second real pair, read by hand: Jiangsu eco-environment department workplans 2021 → 2022 ----------------------
# A heavy rewrite: 2022 adds a section on 减污降碳协同控制 and one on 碳排放权交易, renumbers 三/四/五 to 四/五/六 (titles
# reworded: 建立碳减排监测统计考核体系 → 完善碳排放统计监测体系), and drops almost all （责任部门：…） annotations.
# Items that survive are unmistakable; the renewable-energy, green-roof and carbon-capture tasks are gone; methane,
# carbon-asset pledging and carbon finance are new.
JIANGSU_PAIRS = {"2.10": "3.17", "4.13": "5.21", "4.17": "5.23", "5.18": "6.26", "5.20": "6.28", "5.22": "6.27"}
JIANGSU_SECTIONS = {"3": "4", "4": "5", "5": "6"}
JIANGSU_REMOVED = {"2.5", "2.6", "4.16"}
JIANGSU_ADDED = {"1.7", "2.13", "2.14"}


def test_jiangsu_heavy_rewrite_keeps_the_surviving_items():
    from extract import extract_file
    from revgen_model import ROOT

    old = extract_file(ROOT / "corpus" / "jiangsu_eco_env_dept_carbon_workplan_2021.txt")
    new = extract_file(ROOT / "corpus" / "jiangsu_eco_env_dept_carbon_workplan_2022.txt")
    diff = diff_records(old, new, use_embeddings=False)
    pairs = {p["old"]: p["new"] for p in diff["pairs"]}
    for o, n in JIANGSU_PAIRS.items():
        assert pairs.get(o) == n, (o, pairs.get(o))
    sections = {p["old"]: p["new"] for p in diff["sections"]["pairs"]}
    assert all(sections.get(o) == n for o, n in JIANGSU_SECTIONS.items()), sections
    assert JIANGSU_REMOVED <= set(diff["removed"]) and JIANGSU_ADDED <= set(diff["added"])
    # successors kept in place may pair or not; they never pair across unrelated sections
    assert pairs.get("3.11") in ("4.19", None) and pairs.get("5.21") in ("6.29", None)
    wetland = [c for c in diff["changes"] if c["type"] == "deadline" and "湿地保护率" in (c["detail"].get("quote_after") or "")]
    assert [(c["before"], c["after"]) for c in wetland] == [("2021-12-31", "2022-12-31")]
    units = {c["old"]: c["detail"] for c in diff["changes"] if c["type"] == "responsible_units"}
    assert units["5.22"]["removed"] == ["宣教中心", "气候处"]  # the 2022 text names no unit for 宣传


# -- revisions that do not keep one task per task: merges, splits, renamed units, new baselines ------------------------
# Chengdu, read by hand: v2021 3.1.1 加快产业结构高端化转型 is gone, but its sentence 冶金、建材、石化等高耗能产业占工业
# 比重下降 1.6 个百分点 reappears in v2022 3.1.3 深化重点行业节能降碳 (建材、冶金、化工等高耗能产业产值占工业产值比重
# 下降 1.6%) — a partial merge; 3.1.1 stays in `removed`, annotated. The units were renamed, not replaced: every
# 各区（市）县政府 of v2021 is 各区（市）县政府（管委会）in v2022, 国网天府供电公司 is 国网天府新区供电公司 (grep of both
# files), and task 3.1.6 → 3.1.4 names 市机关事务管理局 → 市机关事务局 (v2021 itself uses both names).


def test_chengdu_merge_and_unit_renames(chengdu):
    diff = diff_records(*chengdu, use_embeddings=False)
    assert {"type": "merge", "old": ["3.3.13", "3.1.1"], "new": "3.1.3", "clauses": 1} in diff["relations"]
    assert diff["removed_into"]["3.1.1"] == ["3.1.3"]
    renames = {r["old"]: r["new"] for r in diff["unit_renames"]}
    assert renames["各区（市）县政府"] == "各区（市）县政府（管委会）"
    assert renames["国网天府供电公司"] == "国网天府新区供电公司"
    units = [c["detail"] for c in diff["changes"] if c["type"] == "responsible_units"]
    assert not any("各区（市）县政府" in d["removed"] and "各区（市）县政府（管委会）" in d["added"] for d in units)
    assert sum(["各区（市）县政府", "各区（市）县政府（管委会）"] in d["renamed"] for d in units) >= 10
    assert any(["市机关事务管理局", "市机关事务局"] in d["renamed"] for d in units)
    pv = [c for c in diff["changes"] if c["type"] == "target_value" and c["before"] == "1GW"][0]
    assert pv["detail"]["quantity"]["old_in_new_unit"] == "100万千瓦" and pv["detail"]["quantity"]["same"] is False


def test_jiangsu_split_is_traced():
    """Read by hand: 2021 (十二) 建立健全碳排放统计体系 became 2022 (十八) 完善温室气体统计方法 (统计核算、环境统计中协同
    开展温室气体排放统计) and (二十) 夯实应对气候变化数据基础, whose sentence 制订《江苏省市县温室气体清单编制指南》，指导
    地方常态化、规范化开展温室气体清单编制 is copied from (十二)."""
    from extract import extract_file
    from revgen_model import ROOT

    old = extract_file(ROOT / "corpus" / "jiangsu_eco_env_dept_carbon_workplan_2021.txt")
    new = extract_file(ROOT / "corpus" / "jiangsu_eco_env_dept_carbon_workplan_2022.txt")
    diff = diff_records(old, new, use_embeddings=False)
    splits = {r["old"]: r["new"] for r in diff["relations"] if r["type"] == "split"}
    assert splits.get("3.12") == ["4.18", "4.20"]


# Shanghai annual workplans of the same office, 2021 → 2022, read by hand: the 2022 edition is a five-item summary whose
# items are the top level (一、…五、, tasks "1"–"5"), against 2021's eight sections of (一)–(二十八). Only one 2022 item
# continues one 2021 task: 二、加快推动碳达峰碳中和顶层设计和示范试点 ← (二) 加大对重点领域和地区碳达峰碳中和工作支持与
# 推进 (崇明岛 → 崇明三岛 试点示范, 宝武集团 in both). The others summarise whole 2021 sections and have no one-to-one
# counterpart; 四's clause 加强农村生活污水和垃圾处理处置 comes from (十五) 推进农业农村污染治理.
def test_shanghai_annual_workplans():
    from extract import extract_file
    from revgen_model import ROOT

    old = extract_file(ROOT / "corpus" / "shanghai_energy_saving_climate_workplan_2021.txt")
    new = extract_file(ROOT / "corpus" / "shanghai_carbon_energy_saving_workplan_2022.txt")
    diff = diff_records(old, new, use_embeddings=False)
    assert [(p["old"], p["new"]) for p in diff["pairs"]] == [("2.2", "2")]
    assert {"1", "3", "4", "5"} <= set(diff["added"])
    assert {"type": "derived", "old": "5.15", "new": "4", "clauses": 1} in diff["relations"]


BULK = ROOT_BULK = __import__("pathlib").Path("/work/shared/corpus/bulk")


@pytest.mark.skipif(not (BULK / "408.txt").exists(), reason="bulk corpus not present")
def test_guangdong_allowance_plans_2020_2021():
    """广东省2020年度 → 2021年度碳排放配额分配实施方案 (bulk 408 → 504), read in the terminal summary and both texts: the
    控排企业 and 新建项目企业 items keep their numbers (2020 → 2021, 六个行业 → 水泥、钢铁、石化、造纸和民航, 电力 left for the
    national market); the 配额发放 items 4.1–4.3 keep theirs."""
    from extract import extract_file

    diff = diff_records(extract_file(BULK / "408.txt"), extract_file(BULK / "504.txt"), use_embeddings=False)
    pairs = {p["old"]: p["new"] for p in diff["pairs"]}
    assert all(pairs.get(k) == k for k in ("1.1", "1.2", "4.1", "4.2", "4.3"))


def _consultation_draft(final):
    """A 征求意见稿-style variant of the Jiading plan, made by hand-picked edits of its text: 3.2.1 and 3.2.2 written as
    one task (bodies joined, units united), 3.2.3 split in two at 组织重点企业开展能源审计 (the second part titled
    推进重点企业能源审计), 区建管委 renamed 区建管局 everywhere (an institutional reform), and the energy-intensity target
    restated against a new base year (比2020年 → 比2021年下降14%)."""
    import re

    lines = final.text.split("\n")
    at = {p: next(i for i, x in enumerate(lines) if x.startswith(p))
          for p in ("1.加强节能工作精细化管理", "2.持续提升能源利用效率", "3.加强重点用能单位管理")}
    i1, i2, i3 = at.values()
    ann = re.compile(r"\(责任单位:([^)]*)\)$")
    m1, m2, m3 = ann.search(lines[i1]), ann.search(lines[i2]), ann.search(lines[i3])
    units = list(dict.fromkeys(m1.group(1).split("、") + m2.group(1).split("、")))
    merged = lines[i1][:m1.start()] + lines[i2][:m2.start()].split("。", 1)[1] + f"(责任单位:{'、'.join(units)})"
    cut = lines[i3].index("组织重点企业开展能源审计")
    split = ["2." + lines[i3][2:cut] + m3.group(0), "3.推进重点企业能源审计。" + lines[i3][cut:]]
    text = "\n".join(lines[:i1] + [merged] + split + lines[i3 + 1:])
    return text.replace("区建管委", "区建管局").replace("比2020年下降14%", "比2021年下降14%")


@pytest.mark.parametrize("embeddings", [False, pytest.param(True, marks=pytest.mark.slow)])
def test_consultation_draft_merge_split_rename_baseline(jiading, embeddings):
    from extract import extract_text

    final = extract_text(_consultation_draft(jiading), source="draft.txt", doc_id="draft")
    diff = diff_records(jiading, final, use_embeddings=embeddings)
    pairs = {p["old"]: p for p in diff["pairs"]}
    # merge: 3.2.1 keeps its place and takes 3.2.2 in; 3.2.2 has no one-to-one counterpart
    assert pairs["3.2.1"]["new"] == "3.2.1" and pairs["3.2.1"]["merged_from"] == ["3.2.2"]
    assert diff["removed"] == ["3.2.2"] and diff["removed_into"] == {"3.2.2": ["3.2.1"]}
    # split: 3.2.3 continues as 3.2.2 (title kept), the new 3.2.3 comes from it
    assert pairs["3.2.3"]["new"] == "3.2.2" and pairs["3.2.3"]["split_into"] == ["3.2.3"]
    assert diff["added"] == ["3.2.3"] and diff["added_from"] == {"3.2.3": ["3.2.3"]}
    assert pairs["3.2.4"]["new"] == "3.2.4" and pairs["3.2.5"]["new"] == "3.2.5"
    # the rename is one fact, typed on each task that names the unit, never an addition plus a removal
    assert diff["unit_renames"] == [{"old": "区建管委", "new": "区建管局"}]
    units = [c["detail"] for c in diff["changes"] if c["type"] == "responsible_units"]
    assert units and all("区建管委" not in d["removed"] and "区建管局" not in d["added"] for d in units)
    assert sum(["区建管委", "区建管局"] in d["renamed"] for d in units) == 15  # 16 mentions, one in the merged-away 3.2.2
    assert not any("建管" in (c["before"] + c["after"]) for c in diff["changes"] if c["type"] == "text")
    # the new base year is a typed change of the target
    base = [c for c in diff["changes"] if c["type"] == "target_value" and "baseline" in c["detail"]["fields"]]
    assert [(c["old"], c["before"], c["after"]) for c in base] == [("2", "比2020年下降14%", "比2021年下降14%")]
