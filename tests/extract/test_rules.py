"""Unit tests of the rule components on small, hand-written snippets in the styles real plans use."""
from __future__ import annotations

from extract import extract_text
from extract.quantities import find_quantities
from extract.shadow import shadow
from extract.timeexpr import find_times, parse_deadline_text


def _times(s: str, year=None):
    return [(t.text, t.deadline, t.period_start, t.before) for t in find_times(shadow(s), 0, len(s), year)]


def test_time_phrases():
    assert _times("到2025年") == [("到2025年", "2025-12-31", None, False)]
    assert _times("到 2025 年") == [("到 2025 年", "2025-12-31", None, False)]
    assert _times("确保2030年前实现碳达峰")[0][1:] == ("2030-12-31", None, True)
    assert _times("2022年起新建")[0][1:3] == (None, "2022-01-01")
    assert _times("“十四五”期间,新增")[0][1:3] == ("2025-12-31", "2021-01-01")
    assert _times("“十四五”和“十五五”期间累计")[0][1:3] == ("2030-12-31", "2021-01-01")
    assert parse_deadline_text("2022 年 2 月底前").deadline == "2022-02-28"
    assert parse_deadline_text("2024年2月底").deadline == "2024-02-29"  # leap year
    assert parse_deadline_text("6 月底", 2021).deadline == "2021-06-30"
    assert parse_deadline_text("四季度", 2021).deadline == "2021-12-31"
    assert parse_deadline_text("持续推进", 2021) is None
    assert _times("根据“十四五”造林专项规划落实造林工作") == []  # a plan's name, not a deadline


def test_quantities_skip_number_traps():
    s = "推动 220kV 胜辛变电站建设,轨交14号线,5G基站,湿垃圾工程(二期),落实市级千座公园计划,三个层级一张网"
    assert [(q.value, q.unit) for q in find_quantities(shadow(s), 0, len(s))] == []
    s = "新增光伏装机容量29.4万千瓦,新建充电桩3300个,达到18.3%,8.35万吨标准煤"
    assert [(q.value, q.unit) for q in find_quantities(shadow(s), 0, len(s))] == [
        (29.4, "万千瓦"), (3300, "个"), (18.3, "%"), (8.35, "万吨标准煤")]


PLAN = """某区碳达峰实施方案
一、重点任务
(一)能源
1.发展光伏。到2025年,全区新增光伏装机10万千瓦,森林覆盖率达到20%以上。(责任单位:区发展改革委、区经委等相关职能部门,各街镇)
2.控制煤炭。年综合能源消费5000吨标准煤以上的重点用能单位应当建设能耗在线监测系统。（牵头单位：区经委；责任单位：区建管委、区交通委）
二、保障措施
(一)加强组织领导。建立工作机制。
"""


def test_small_plan_end_to_end():
    r = extract_text(PLAN, source="t.txt")
    assert [s.id for s in r.sections] == ["1", "1.1", "2"]
    assert [t.id for t in r.tasks] == ["1.1.1", "1.1.2", "2.1"]
    t1 = r.task("1.1.1")
    assert [(u.name, u.role, u.collective) for u in t1.units] == [
        ("区发展改革委", "lead", False), ("区经委", "support", False), ("相关职能部门", "support", True),
        ("各街镇", "support", True)]
    t2 = r.task("1.1.2")
    assert [(u.name, u.role) for u in t2.units] == [("区经委", "lead"), ("区建管委", "support"), ("区交通委", "support")]
    goals = [(g.task, g.value, g.unit, g.comparator, g.deadline) for g in r.targets if g.value is not None]
    assert goals == [("1.1.1", 10, "万千瓦", "=", "2025-12-31"), ("1.1.1", 20, "%", ">=", "2025-12-31")]
    thr = [g for g in r.targets if g.task == "1.1.2"]
    assert len(thr) == 1 and thr[0].value is None and thr[0].threshold["value"] == 5000  # a scope, not a level
    for g in r.targets:
        assert PLAN[g.span[0]:g.span[1]] == g.quote
    assert r.task("2.1").units == []  # no markup: no invented units


def test_comma_convention_marks_leads():
    text = "某市方案\n一、任务\n1．推进A。［责任单位：市经信局、市发改委，各区政府；逗号前为牵头单位，下同］\n2．推进B。［责任单位：市住建局，市交通局］\n"
    r = extract_text(text)
    assert [(u.name, u.role) for u in r.task("1.1").units] == [("市经信局", "lead"), ("市发改委", "lead"), ("各区政府", "support")]
    assert [(u.name, u.role) for u in r.task("1.2").units] == [("市住建局", "lead"), ("市交通局", "support")]


def test_checklist_lines_and_deadlines():
    text = "某市工作方案\n一、主要任务\n（一）制定实施意见\n研究制定实施意见。\n责任单位：市发展改革委、市经信局\n完成时限：2022 年 2 月底前\n"
    r = extract_text(text)
    t = r.task("1.1")
    assert [u.name for u in t.units] == ["市发展改革委", "市经信局"] and t.deadline == "2022-02-28"
    assert any(g.deadline == "2022-02-28" and g.kind == "milestone" for g in r.targets)


def test_component_registry_snapshot():
    from extract.pipeline import COMPONENTS, get_nlp
    assert get_nlp().pipe_names == list(COMPONENTS) == ["pkg_structure", "pkg_units", "pkg_targets",
                                                          "pkg_references"]


def test_comparators_in_lists_and_far_from_the_number():
    text = "某市方案\n一、任务\n1．推进。到 2025 年，全市建成充电站 3000 座、充电桩 16 万个以上。储能配建比例不高于装机容量的 10%。\n"
    r = extract_text(text)
    got = {(g.value, g.unit): g.comparator for g in r.targets if g.value is not None}
    assert got[(3000, "座")] == "=" and got[(16, "万个")] == ">=" and got[(10, "%")] == "<="


def test_a_deadline_in_the_title_is_not_the_plan_year():
    """`某省2030年前碳达峰实施方案` (no publication date found): its 2025 targets are commitments, not the past."""
    text = "某省2030年前碳达峰实施方案\n一、主要目标\n到2025年，非化石能源消费比重达到20%左右。\n"
    r = extract_text(text, source="t.txt")
    assert r.to_contract()["document"]["year"] is None
    assert [(g.value, g.deadline) for g in r.targets] == [(20, "2025-12-31")]
    assert extract_text("某市2021年度节能减排工作计划\n一、重点任务\n（一）推进工作。6月底前完成审计。\n").targets[0].deadline \
        == "2021-06-30"
