"""Who leads: a collective listed first (`（责任单位：各区、市住房城乡建设管理委）`) leads, as the contract's "first
listed where the document does not distinguish" says, and the answer names it as the collective it is."""
from __future__ import annotations

from datetime import date

import kg
from chat import answer
from extract import extract_text


def test_a_collective_listed_first_leads_and_is_named_as_a_collective():
    """shanghai_2022 gold 2.10.1 reads it so."""
    text = ("某市碳达峰实施方案\n二、重点任务\n（一）城乡建设碳达峰行动\n"
            "1.推进城市更新。到2025年，完成旧区改造100万平方米。（责任单位：各区、市住房城乡建设管理委）\n")
    store = kg.open_store("memory:")
    store.put_record(extract_text(text, doc_id="collective-lead"))
    a = answer("推进城市更新由谁牵头？", store, as_of=date(2026, 11, 23))
    assert a["units"] == ["各区"] and not a["none"]
    assert "由各区牵头" in a["answer"] and "统称" in a["answer"]
    store.close()


def test_a_shared_prefix_lead_is_named_by_the_full_name_the_document_writes():
    """Sanming 490 style: `牵头单位：市生态环境局、林业局` shares one 市 and the notice writes 市林业局 elsewhere, so the
    answer names 市林业局 (one body, one name) and a question on 市林业局 reaches the task."""
    text = ("某市林业碳汇通知\n三、主要任务\n（一）建设碳汇交易体系\n1.打造交易中心。建设交易平台。\n牵头单位：市林业局\n"
            "责任单位：市发改委\n2.开展碳汇交易。推进项目交易。\n牵头单位：市生态环境局、林业局\n责任单位：市发改委\n")
    store = kg.open_store("memory:")
    store.put_record(extract_text(text, doc_id="shared-prefix"))
    a = answer("开展碳汇交易由哪些部门牵头？", store, as_of=date(2026, 11, 23))
    assert a["units"] == ["市生态环境局", "市林业局"]
    a = answer("市林业局牵头哪些任务？", store, as_of=date(2026, 11, 23))
    assert [i["task"] for i in a["items"]] == ["3.1.1", "3.1.2"]
    store.close()
