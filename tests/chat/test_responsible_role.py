"""责任单位 read from each task's own markup (chat.roles): beside a 配合单位 list it names the lead role
(Anhui 485: `（责任单位：A，配合单位：B、C）`); as the only list (Jiading: `（责任单位：A、B）`) it names every listed unit.
The two plans below differ only in that markup, so any difference in the answers comes from it."""
from __future__ import annotations

from datetime import date

import pytest

import kg
from chat import answer
from extract import extract_text

AS_OF = date(2026, 11, 23)

#: one task with a support list, one with a single 责任单位 list: the plan mixes the markups, the answer follows each task
MIXED = ("某省节能减排实施方案\n三、重点工程\n"
         "（一）园区节能环保提升工程。推进园区循环化改造。（责任单位：省发展改革委，配合单位：省能源局、省水利厅）\n"
         "（二）煤炭清洁高效利用工程。推进煤电机组节能改造。（责任单位：省能源局、省发展改革委）\n"
         "（三）统计监测能力建设工程。完善能源计量体系。（责任单位：省统计局，配合单位：省能源局）"
         "（责任单位：省市场监管局，配合单位：省发展改革委）\n")


@pytest.fixture(scope="module")
def store():
    s = kg.open_store("memory:")
    s.put_record(extract_text(MIXED, doc_id="mixed-markup"))
    yield s
    s.close()


def _ask(store, q: str) -> dict:
    return answer(q, store, as_of=AS_OF)


def test_as_responsible_counts_the_lead_role_only_where_a_support_list_is_marked(store):
    """省能源局 is 配合单位 in 三（一） and 三（三）, but one of the 责任单位 of 三（二） (single list: every unit)."""
    a = _ask(store, "省能源局作为责任单位负责哪些任务？")
    assert [i["task"] for i in a["items"]] == ["3.2"]
    a = _ask(store, "省发展改革委作为责任单位负责哪些任务？")
    assert [i["task"] for i in a["items"]] == ["3.1", "3.2"]  # lead of 三（一）, listed (second) in 三（二）


def test_without_the_role_words_a_unit_keeps_all_its_tasks(store):
    a = _ask(store, "省能源局有哪些任务？")
    assert [i["task"] for i in a["items"]] == ["3.1", "3.2", "3.3"]


def test_task_responsible_units_are_the_leads_beside_a_support_list(store):
    a = _ask(store, "统计监测能力建设工程的责任单位是哪个？")
    assert a["units"] == ["省统计局", "省市场监管局"] and "配合单位" in a["answer"]
    a = _ask(store, "园区节能环保提升工程由哪些部门负责？")
    assert a["units"] == ["省发展改革委"]


def test_task_responsible_units_are_every_unit_of_a_single_list(store):
    a = _ask(store, "煤炭清洁高效利用工程的责任单位是哪个？")
    assert a["units"] == ["省能源局", "省发展改革委"]
    a = _ask(store, "煤炭清洁高效利用工程由哪些部门负责？")
    assert a["units"] == ["省能源局", "省发展改革委"]


def test_participants_are_every_unit_whatever_the_markup(store):
    a = _ask(store, "园区节能环保提升工程有哪些单位参与？")
    assert a["units"] == ["省发展改革委", "省能源局", "省水利厅"]
