"""Question → slots against the Jiading catalog: units, clause references, topic words, frame signals."""
from __future__ import annotations

from datetime import date

import pytest

from chat.intents import classify
from chat.slots import parse_question

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("q,ref", [
    ("第三部分第五节讲了哪些任务？", ("section", "3.5")), ("三（四）下面有哪些具体任务？", ("section", "3.4")),
    ("重点任务第（九）项下面有哪些任务？", ("section", "3.9")), ("保障措施包括哪些任务？", ("section", "4")),
    ("交通领域有哪些任务？", ("section", "3.5")), ("碳汇这一块有哪些逾期的指标？", ("section", "3.8")),
    ("“推广普及节能增效”这部分有哪些任务？", ("section", "3.2")), ("3.5.2的牵头单位是谁", ("task", "3.5.2")),
    ("三（一）1由谁牵头", ("task", "3.1.1")), ("加快建设新型电力系统，除了发改委还有哪些单位参与？", ("task", "3.1.3")),
    ("方案第六部分有哪些任务？", ("missing", None)),
])
def test_clause_references(cat, q, ref):
    r = parse_question(q, cat, TODAY).refs[0]
    assert (r.kind, r.id) == ref


def test_unit_is_not_a_section_topic(cat):
    s = parse_question("农业农村委负责哪些工作", cat, TODAY)
    assert s.unit_names == ["区农业农村委"] and not s.refs


def test_topic_words_are_the_plans_own(cat):
    s = parse_question("公共机构和工业厂房屋顶光伏应装尽装的时限是？", cat, TODAY)
    assert s.topic == ["公共机构", "工业厂房", "屋顶光伏", "应装尽装"]
    assert parse_question("嘉定什么时候实现碳达峰？", cat, TODAY).topic == ["碳达峰"]  # the place frames only


@pytest.mark.parametrize("q,intent", [
    ("请问区经委牵头负责哪些任务？", "unit_tasks"), ("区建管委作为牵头单位要抓哪几项工作？", "unit_tasks"),
    ("区经委到2025年要完成哪些指标？", "unit_targets_by_year"), ("区经委有哪些指标逾期了？", "overdue"),
    ("未来3个月内有哪些指标到期？", "due_soon"), ("光伏装机目标是多少？", "target_value"),
    ("嘉定什么时候实现碳达峰？", "deadline"), ("经委牵头的任务有几项？", "count"),
    ("保障措施包括哪些任务？", "section_tasks"), ("交通领域有哪些指标？", "section_targets"),
    ("数据中心节能降碳谁牵头？", "lead_unit"), ("既有建筑节能改造，建管委要和谁配合？", "co_responsible"),
    ("嘉定新城的低碳示范要做什么？", "open"),
])
def test_intents(cat, q, intent):
    assert classify(parse_question(q, cat, TODAY)) == intent
