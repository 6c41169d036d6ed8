"""Phrasings found by the Shanghai and Jiangsu question sets (qa_shanghai.json, qa_jiangsu.json): how officials of a
市 plan and of a department's annual work plan write, checked piece by piece without extracting those plans.

Each test names the general rule it guards: month dates without a year, 处-level units, "几大行动", abbreviations
expanded only against a plan that writes them out, the jurisdiction as a weak topic word, segmentation mended at a
term's end, "when is X achieved" answered only by a clause that states X as reached, and the body of a task annotated
sentence by sentence.
"""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from chat.abbrev import expand
from chat.catalog import Catalog
from chat.lexical import TermIndex
from chat.locate import _predicate_boost
from chat.slots import SIGNALS, Slots
from chat.text import cut, norm
from chat.timeparse import parse_time

TODAY = date(2021, 4, 15)


@pytest.mark.parametrize("q,day", [
    ("监测处6月底前要完成哪些工作？", date(2021, 6, 30)), ("宣教中心7月底之前需要完成什么？", date(2021, 7, 31)),
    ("省评估中心到8月底要完成哪些任务？", date(2021, 8, 31)), ("截至7月1日有哪些工作逾期了？", date(2021, 7, 1)),
    ("十二月底前要完成什么", date(2021, 12, 31)), ("6月份到期的有哪些", date(2021, 6, 30)),
    ("2025年6月底前", date(2025, 6, 30)),
])
def test_month_without_year_is_the_askers_year(q, day):
    assert parse_time(q, TODAY).date == day


@pytest.mark.parametrize("q", ["未来3个月内到期的指标", "近三个月要完成什么", "第十二项任务是什么", "哪个月出台"])
def test_windows_and_numbers_are_not_months(q):
    assert parse_time(q, TODAY).date is None


def _signals(q: str) -> set[str]:
    return {name for name, rx in SIGNALS.items() if rx.search(norm(q))}


@pytest.mark.parametrize("q,signal", [
    ("碳排放权交易由哪个处牵头？", "lead_q"), ("温室气体监测哪个处室负责？", "lead_q"),
    ("“提升全省生态系统碳汇能力”有几个责任部门？", "count"), ("“提升全省生态系统碳汇能力”有几个责任部门？", "task_units"),
    ("重点任务包括几大行动？", "count"), ("重点任务包括几大行动？", "subsections"),
    ("市县温室气体清单编制指南哪个月出台？", "deadline"),
])
def test_frame_signals(q, signal):
    assert signal in _signals(q)


def test_unit_with_a_date_and_a_completion_verb_asks_what_falls_due():
    from chat.handlers.targets import _unit_by_year_rule
    s = Slots("监测处6月底前要完成哪些工作？", units=[object()], time=parse_time("6月底前", TODAY))
    assert _unit_by_year_rule(s)
    assert not _unit_by_year_rule(Slots("大气处今年有哪些工作？", units=[object()], time=parse_time("今年", TODAY)))


DOC_LONG = norm("单位生产总值能源消耗比2020年下降14%。人民银行上海总部、市地方金融监管局。全国碳排放权交易。")


@pytest.mark.parametrize("q,want", [
    ("单位GDP能耗比2020年下降多少？", "单位生产总值能耗比2020年下降多少？"),
    ("人行上海总部是哪些任务的责任单位？", "人民银行上海总部是哪些任务的责任单位？"),
    ("碳交易怎么推进", "碳排放权交易怎么推进"),
])
def test_abbreviations_expand_where_the_plan_writes_them_out(q, want):
    assert expand(q, DOC_LONG) == want


def test_abbreviation_kept_where_the_plan_uses_it():
    assert expand("碳交易怎么推进", norm("开展碳交易培训，全国碳排放权交易。")) == "碳交易怎么推进"


def test_jurisdiction_is_a_weak_topic_word():
    boost = _predicate_boost(Slots("2030年全市森林覆盖率的目标是多少？", topic=["全市", "森林覆盖率"]))
    assert boost.get("全市") == 0.3 and "森林覆盖率" not in boost


def test_segmentation_mended_at_a_terms_end():
    text = "到2030年，废钢比提升至30%。力争首个履约年份我省重点企业履约率不低于95%。"
    terms = TermIndex([text], text)
    assert "废钢比" in terms.chunks("废钢比要提升到多少？")
    assert any(c.endswith("履约率") for c in terms.chunks("首个履约年份重点企业履约率要达到多少？"))


def test_carbon_terms_stay_whole():
    assert "碳中和" in cut("江苏哪一年实现碳中和")


def test_merged_topic_found_in_halves_for_whole_clauses():
    passage = norm("推进市场化机制建设。组织建设好全国碳排放权交易系统和交易机构。")
    terms = TermIndex([passage, "加强碳排放权交易市场和绿色金融发展等方面的交流合作"], passage)
    assert terms.coverage(["碳排放权交易市场"], passage).score < 0.6
    assert terms.coverage(["碳排放权交易市场"], passage, halves=True).score == pytest.approx(0.85)


def test_when_is_x_achieved_needs_a_clause_that_states_it():
    from chat.handlers.targets import _states_achievement
    quotes = {"a": "推动设立全省碳达峰、碳中和投资基金", "b": "确保2030年前实现碳达峰"}
    cat = SimpleNamespace(target=lambda gid: SimpleNamespace(quote=quotes[gid]))
    ask = lambda q, topic: SimpleNamespace(cat=cat, slots=Slots(q, topic=topic))  # noqa: E731
    assert not _states_achievement(ask("江苏哪一年实现碳中和？", ["江苏", "碳中和"]), "a")
    assert _states_achievement(ask("上海什么时候实现碳达峰？", ["碳达峰"]), "b")
    assert _states_achievement(ask("投资基金什么时候设立？", ["投资基金"]), "a")  # not an "实现" question


def _body(text: str, span: tuple[int, int], unit_span: tuple[int, int]) -> str:
    s, e = Catalog.task_body_span(SimpleNamespace(text=text), SimpleNamespace(span=span, unit_span=unit_span))
    return text[s:e]


def test_task_body_keeps_sentences_after_an_inline_annotation():
    text = ("（十二）建立健全碳排放统计体系。配合制订考核办法。（责任部门：气候处，完成期限：6 月底）"
            "制定出台《江苏省市县温室气体清单编制指南》。（责任部门：气候处，完成期限：5 月底）")
    at = text.index("气候处")
    assert "清单编制指南" in _body(text, (0, len(text)), (at, at + 3))


def test_task_body_drops_a_closing_annotation():
    text = "1.大力发展非化石能源。推进光伏发电。（责任单位：市发展改革委、市经济信息化委）"
    at = text.index("市发展改革委")
    assert _body(text, (0, len(text)), (at, len(text) - 1)) == "1.大力发展非化石能源。推进光伏发电。"
