"""Hard-wrapped text (PDF line width kept): a line break inside a sentence is a wrap, not a sentence end.

The snippets are written the way PDF text layers of real plans come out (bulk corpus: 成渝 联合行动方案, 湖北 绿色低碳
循环发展, 江苏 农村环境整治 …): about 28 characters a line, breaks inside words, numbers and annotations, a page
number between two lines of one paragraph, title-only headings and signatures on short lines.
"""
from __future__ import annotations

from pathlib import Path

from extract import extract_text
from extract.reflow import soft_breaks, unwrap
from extract.shadow import shadow

JIADING = Path(__file__).resolve().parents[2] / "corpus" / "jiading_carbon_peak_plan_2022.txt"

WRAPPED = """某市碳达峰实施方案
为深入贯彻落实党中央、国务院关于碳达峰、碳中和的重大战略决
策部署，结合本市实际，制定本方案。
一、主要目标
到 2025 年，全市非化石能源消费比重达到 20%左右，单位地区生
产总值能耗比 2020 年下降 14%，为实现碳达峰奠定坚实基础。
二、重点任务
（一）推进能源结构调整
1．大力发展可再生能源。坚持集中式与分布式并举，有序推进屋顶
分布式光伏建设。到 2025 年，全市光伏装机容量力争达到 400 万
千瓦。（责任单位：市发展改革委、市经信局、市住房城乡建设局、
市生态环境局）
2．严格控制煤炭消费。实施煤炭消费总量控制，推进燃煤锅炉淘汰
和清洁能源替代，协同推进减污降碳，促进区域经济社会绿色低碳
― 2 ―

高质量发展。到 2025 年，全市煤炭消费总量控制在 3000 万吨以内
。（牵头单位：市发展改革委；责任单位：市经信局、市生态环境局
、市统计局）
三、保障措施
（一）加强组织领导
建立健全工作协调机制，统筹推进碳达峰各项工作，及时研究解决
重大问题。
某市人民政府办公厅
2022 年 3 月 1 日
"""


def _targets(text: str) -> list[tuple[str, str, float | None, str | None]]:
    r = extract_text(text, source="t.txt")
    for g in r.targets:
        assert text[g.span[0]:g.span[1]] == g.quote  # spans stay offsets into the canonical text
    return [(g.task, g.quote, g.value, g.deadline) for g in r.targets]


def test_wrapped_annotation_gives_every_unit() -> None:
    r = extract_text(WRAPPED, source="t.txt")
    t = r.task("2.1.1")
    assert [u.name for u in t.units] == ["市发展改革委", "市经信局", "市住房城乡建设局", "市生态环境局"]
    assert WRAPPED[t.unit_span[0]:t.unit_span[1]] == t.unit_text and "\n" in t.unit_text
    t2 = r.task("2.1.2")  # wrapped across a line that starts with the closing `。` and a `、`
    assert [(u.name, u.role) for u in t2.units] == [("市发展改革委", "lead"), ("市经信局", "support"),
                                                  ("市生态环境局", "support"), ("市统计局", "support")]


def test_sentence_and_number_across_a_wrap() -> None:
    got = _targets(WRAPPED)
    assert ("2.1.1", "到 2025 年，全市光伏装机容量力争达到 400 万\n千瓦", 400, "2025-12-31") in got
    # `单位地区生\n产总值能耗`: the clause is one, its baseline year and deadline are found
    assert any(q.endswith("下降 14%") and "\n" in q and v == 14 and d == "2025-12-31" for _, q, v, d in got)


def test_page_number_inside_a_paragraph_is_skipped() -> None:
    got = _targets(WRAPPED)
    assert ("2.1.2", "到 2025 年，全市煤炭消费总量控制在 3000 万吨以内", 3000, "2025-12-31") in got
    sh = unwrap(shadow(WRAPPED))
    assert "―" not in sh and len(sh) == len(WRAPPED)


def test_headings_signatures_and_sentence_ends_stay_breaks() -> None:
    breaks = {WRAPPED[max(0, s - 6):s] for s, _ in soft_breaks(shadow(WRAPPED))}
    assert "一、主要目标" not in breaks and "（一）加强组织领导"[-6:] not in breaks  # title-only headings
    assert "府办公厅" not in {b[-4:] for b in breaks}  # a signature is a short line
    assert not any(b.endswith("。") for b in breaks)
    goals = [q for task, q, _, _ in _targets(WRAPPED) if task == "1"]
    assert len(goals) >= 2 and not any("主要目标" in q for q in goals)  # the heading is not in a quote
    r = extract_text(WRAPPED, source="t.txt")
    assert r.task("2.1.1").title == "大力发展可再生能源" and r.task("3.1").title == "加强组织领导"


def test_title_runs_on_across_a_wrap() -> None:
    head = "严格控制全市煤炭消费总量并推动燃煤锅炉和工业窑炉加快实施\n清洁能源替代"
    text = WRAPPED.replace("2．严格控制煤炭消费。实施", f"2．{head}。实施")
    assert extract_text(text, source="t.txt").task("2.1.2").title == head


def test_open_bracket_joins_even_short_lines_and_blank_lines() -> None:
    text = ("一、重点任务\n（一）提升县城安全韧性。加强县城建筑消防安全管理，严格执行建筑设计\n、施工等消防技术标准要求。（责任单位:\n\n"
            "市住房和城乡建设局、市应急管理局）\n（二）推进绿色交通。推广新能源汽车。（责任单位：市交通运输局）\n")
    r = extract_text(text, source="t.txt")
    assert [u.name for u in r.task("1.1").units] == ["市住房和城乡建设局", "市应急管理局"]


def test_one_paragraph_per_line_plans_are_unchanged() -> None:
    text = JIADING.read_text(encoding="utf-8")
    assert soft_breaks(shadow(text)) == []
    plan = "一、主要目标\n到2025年，森林覆盖率达到20%。\n二、重点任务\n(一)能源\n1.发展光伏。新增光伏10万千瓦。(责任单位:区发展改革委)\n"
    assert soft_breaks(shadow(plan)) == []


def test_a_word_broken_in_a_paragraph_per_line_text_is_joined() -> None:
    """The development corpus was rejoined from PDFs but kept a few breaks (`配\\n合`, `高质\\n量`) in long lines."""
    line = "（十九）加大碳减排行动资金投入。推动设立碳达峰、碳中和投资基金。（责任部门：财审处，完成期限：8 月底）配"
    text = "一、加强组织保障\n" + line + "\n合省财政厅统筹整合专项资金，设立省级碳达峰专项资金。（责任部门：财审处，完成期限：11 月底）\n"
    assert [text[s - 1:e + 1] for s, e in soft_breaks(shadow(text))] == ["配\n合"]


def test_a_wrap_inside_an_annotated_run_keeps_the_run_as_the_milestone() -> None:
    """Inline `（责任部门：…，完成期限：…）` fields date the sentences since the previous field; a checklist task (fields
    on lines of their own) is quoted by its title instead. A word broken by the PDF (`配⏎合`) is no such line."""
    text = ("省生态环境厅2021年度推动碳达峰、碳中和工作计划\n一、加强组织保障\n（十九）加大碳减排行动资金投入。推动设立碳达峰、碳中和投资基金。（责任部门：财审处，完成期限：8 月底）配"
            "\n合省财政厅统筹整合节能减排、生态环境等专项资金，设立省级碳达峰专项资金。（责任部门：财审处，完成期限：11 月底）\n")
    r = extract_text(text, source="t.txt")
    got = [(g.quote, g.deadline) for g in r.targets]
    assert ("配\n合省财政厅统筹整合节能减排、生态环境等专项资金，设立省级碳达峰专项资金", "2021-11-30") in got
    assert ("加大碳减排行动资金投入", "2021-11-30") not in got
    checklist = ("二、主要任务\n（一）制定碳达峰碳中和工作实施意见\n研究制定我市实施意见，明确总体要求。\n责任单位：市发展改革委\n"
                 "完成时限：2022 年 2 月底前\n")
    r = extract_text(checklist, source="t.txt")
    assert [(g.quote, g.deadline) for g in r.targets] == [("制定碳达峰碳中和工作实施意见", "2022-02-28")]


def test_table_rows_are_never_wraps() -> None:
    """The .docx/.html loaders write a table row as one line of tab-separated cells; two rows are two lines."""
    text = ("二、重点任务\n1\t推进分布式光伏建设，新增光伏装机2万千瓦，推动公共建筑屋顶光伏应装尽装\t区发展改革委\t区经委、各街镇\t2023年12月底\n"
            "2\t推动公共领域车辆电动化，新建公共充电桩500个\t区交通委\t区供电公司\t2023年9月底\n")
    assert soft_breaks(shadow(text)) == []
