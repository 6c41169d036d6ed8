"""extract.references: documents a plan names in 《》, on real openings and task sentences from the corpus."""
from __future__ import annotations

from functools import lru_cache

import pytest

from extract import extract_file, extract_text
from extract.references import normalize_title
from tests.paths import CORPUS, SHARED


@lru_cache(maxsize=None)
def _record(name: str):
    return extract_file(CORPUS / name)


def _refs(name: str) -> list[tuple[str, str, str | None]]:
    return [(r.title, r.relation, r.cue) for r in _record(name).references]


def _check_spans(record) -> None:
    for r in record.references:
        raw = record.text[r.span[0]:r.span[1]]
        assert "".join(raw.split()) == r.title
        assert record.text[r.span[0] - 1] == "《" and record.text[r.span[1]] == "》"
        s, e = r.context
        assert s <= r.span[0] and r.span[1] <= e


def test_jiading_implements_the_city_plan_in_its_opening():
    rec = _record("jiading_carbon_peak_plan_2022.txt")
    _check_spans(rec)
    opening = [r for r in rec.references if r.relation == "implements"]
    # 根据 《中共上海市委上海市人民政府关于…的实施意见》和《上海市碳达峰实施方案》,制定本实施方案。
    assert [(r.title, r.cue) for r in opening] == [
        ("中共上海市委上海市人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见", "根据"),
        ("上海市碳达峰实施方案", "根据")]
    city = opening[1]
    assert rec.text[city.span[0]:city.span[1]] == "上海市碳达峰实施方案"
    assert rec.text[city.context[0]:city.context[1]].startswith("根据 《中共上海市委")
    # 保障措施: 各有关部门要…按照《…》《上海市碳达峰实施方案》和本方案确定的…: a task's work, not the plan's basis
    later = [r for r in rec.references if r.span[0] > city.span[1]]
    assert [(r.relation, r.cue) for r in later] == [("cites", "按照"), ("cites", "按照")]
    # the web page's own header (上海市嘉定区发布《嘉定区碳达峰实施方案》) is the document itself, not a link
    assert "嘉定区碳达峰实施方案" not in [r.title for r in rec.references]


def test_chengdu_2022_several_bases_in_one_sentence():
    # 为深入落实《A》（中发〔2021〕36 号）、《B》（国发〔2021〕23 号）和《C》（川委发〔2021〕21 号），…，根据《D》…，制定本方案。
    refs = _refs("chengdu_energy_action_plan_v2022.txt")
    assert refs == [
        ("中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "implements", "落实"),
        ("国务院关于印发2030年前碳达峰行动方案的通知", "implements", "落实"),
        ("中共四川省委关于以实现碳达峰碳中和目标为引领推动绿色低碳优势产业高质量发展的决定", "implements", "落实"),
        ("中共成都市委关于以实现碳达峰碳中和目标为引领优化空间产业交通能源结构促进城市绿色低碳发展的决定", "implements",
         "根据")]
    _check_spans(_record("chengdu_energy_action_plan_v2022.txt"))


def test_chengdu_2021_cue_away_from_the_title_and_ocr_spaces():
    # 按照国家《2030 年前碳达峰行动方案》，…，根据市委…精神和《以实现…的决定》要求，…
    rec = _record("chengdu_energy_action_plan_v2021.txt")
    first, second, *rest = rec.references
    assert (first.title, first.relation, first.cue) == ("2030年前碳达峰行动方案", "implements", "按照")
    assert rec.text[first.span[0]:first.span[1]] == "2030 年前碳达峰行动方案"  # the span keeps the OCR space
    assert (second.relation, second.cue) == ("implements", "根据")
    # 出台《成都市绿色建筑促进条例》 / 发布《成都市民用建筑节能设计导则》 inside tasks: documents the plan will produce
    assert [(r.title, r.relation) for r in rest] == [("成都市绿色建筑促进条例", "drafts"),
                                                     ("成都市民用建筑节能设计导则", "drafts")]


def test_wuhan_overall_requirements_section_is_part_of_the_opening():
    refs = _refs("wuhan_co2_peak_assessment_workplan_2021.txt")
    # opening: 按照《省人民政府办公厅关于印发…的通知》（鄂政办电〔2021〕31 号）要求 ; 一、总体要求: 按照《武汉市碳排放达峰行动计划…》
    assert refs[0] == ("省人民政府办公厅关于印发湖北省二氧化碳排放达峰行动方案编制工作安排的通知", "implements", "按照")
    assert refs[1] == ("武汉市碳排放达峰行动计划（2017—2022年）", "implements", "按照")
    # 二、工作任务: “1”为《武汉市碳达峰评估报告》 names a document without any verb
    assert refs[2] == ("武汉市碳达峰评估报告", "cites", None)
    assert ("武汉市碳排放达峰评估报告（初稿）", "drafts", "形成") in refs


def test_dazhou_notice_skips_itself_and_drafts_the_action_plan():
    rec = _record("dazhou_carbon_1plusN_policy_workplan_2022.txt")
    titles = [r.title for r in rec.references]
    assert "达州市碳达峰碳中和“1+N”政策体系编制工作方案" not in titles  # 《…》已经市政府同意，现印发你们: itself
    assert ("达州市2030年前碳达峰行动方案", "drafts", "研究制定") in _refs("dazhou_carbon_1plusN_policy_workplan_2022.txt")


def test_jiangsu_2022_opening_and_task_verbs():
    refs = _refs("jiangsu_eco_env_dept_carbon_workplan_2022.txt")
    assert [r[1:] for r in refs[:3]] == [("implements", "贯彻落实")] * 3  # 为贯彻落实《A》《B》及我省《C》
    assert ("江苏省节约型机关和公共机构节能低碳示范单位创建验收标准意见", "cites", "落实") in refs  # inside a task
    assert ("江苏省减污降碳协同增效实施方案", "drafts", "编制") in refs  # 编制实施《…》


def test_a_plan_without_citations_has_none():
    assert _record("shanghai_carbon_peak_plan_2022.txt").references == []


def test_wrapped_pdf_text_and_a_notice_cover():
    # bulk/106 (陕西省), hard-wrapped at the PDF's line width: the title runs over a line break, the cover names itself.
    text = ("陕西省人民政府关于印发加快建立健全绿色低\n碳循环发展经济体系若干措施的通知\n"
            "各设区市人民政府，省人民政府各工作部门、各直属机构：\n"
            "《加快建立健全绿色低碳循环发展经济体系若干措施》已经省政府同意，\n现印发给你们，请认真贯彻落实。\n"
            "陕西省人民政府\n2021 年 9 月 17 日\n\n加快建立健全绿色低碳循环发展经济体系若干措施\n"
            "为贯彻落实《国务院关于加快建立健全绿色低碳循环发展经济体系的指导\n"
            "意见》（国发〔2021〕4 号），全方位全过程推行绿色规划、绿色设计、绿色\n"
            "投资、绿色建设、绿色生产、绿色流通、绿色生活、绿色消费，加快建立健全\n"
            "绿色低碳循环发展经济体系，制定以下措施。\n"
            "一、健全绿色低碳循环发展的生产体系\n"
            "（一）推进工业绿色升级。按照《陕西省工业绿色发展规划》要求，研究制定《陕西省\n"
            "工业领域碳达峰实施方案》，推进钢铁、石化化工等行业绿色化改造，持续推动\n"
            "重点企业开展清洁生产审核。\n")
    rec = extract_text(text, doc_id="shaanxi")
    _check_spans(rec)
    assert [(r.title, r.relation, r.cue) for r in rec.references] == [
        ("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", "implements", "贯彻落实"),
        ("陕西省工业绿色发展规划", "cites", "按照"),
        ("陕西省工业领域碳达峰实施方案", "drafts", "研究制定")]
    wrapped = rec.references[0]
    assert "\n" in rec.text[wrapped.span[0]:wrapped.span[1]]


def test_a_statute_states_its_basis_in_article_one():
    text = ("某省生态环境保护条例\n第一章 总则\n第一条 为了保护和改善生态环境，根据《中华人民共和国环境保护法》和其他有关法律、"
            "行政法规，结合本省实际，制定本条例。\n第二条 本省行政区域内的生态环境保护，适用本条例。依照《某省大气污染防治条例》执行。\n")
    rec = extract_text(text, doc_id="statute")
    assert [(r.title, r.relation) for r in rec.references] == [("中华人民共和国环境保护法", "implements"),
                                                               ("某省大气污染防治条例", "cites")]


def test_references_are_not_in_the_contract_output():
    rec = _record("jiading_carbon_peak_plan_2022.txt")
    assert rec.references
    out = rec.to_contract()
    assert set(out) == {"schema", "document", "sections", "tasks", "targets", "warnings"}


def test_normalize_title():
    assert normalize_title("《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》") == \
        normalize_title("中共中央、国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见")
    assert normalize_title("武汉市碳排放达峰行动计划（2017—2022 年）") == normalize_title("武汉市碳排放达峰行动计划(2017-2022年)")
    assert normalize_title("上海市 2022 年碳达峰碳中和及节能减排重点工作安排") == "上海市2022年碳达峰碳中和及节能减排重点工作安排"
    assert normalize_title("上海市碳达峰实施方案") != normalize_title("嘉定区碳达峰实施方案")


@pytest.mark.skipif(not (SHARED / "corpus" / "bulk" / "100.txt").exists(), reason="the bulk corpus is not here")
def test_bulk_notice_cites_its_basis():
    # bulk/100 (重庆): 根据国家发展改革委等部门《关于严格能效约束推动重点领\n域节能降碳的若干意见》（…），现将《重\n庆市…》印发你们
    rec = extract_file(SHARED / "corpus" / "bulk" / "100.txt")
    _check_spans(rec)
    assert rec.references[0].title == "关于严格能效约束推动重点领域节能降碳的若干意见"
    assert rec.references[0].relation == "implements" and rec.references[0].cue == "根据"
