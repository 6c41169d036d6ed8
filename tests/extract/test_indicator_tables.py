"""Indicator tables (extract.indicator_tables): a plan's 主要指标表 — 序号 | 指标 | 单位 | 2020年（基期） | 2025年（目标） |
属性 — read through the real .docx and .html loaders. Each data row × target-year column is one quantitative target
(or a milestone for `完成省下达目标`) owned by the section or task whose text holds the table, quoting its value cell
exactly; the rows are never read again as prose."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import docx
import pytest

from extract import extract_file, extract_text
from extract.indicator_tables import find_indicator_tables
from extract.record import PlanRecord, Target
from extract.shadow import shadow

BEFORE = ("某某市“十四五”节能减排综合工作方案", "2022年3月15日", "一、总体要求", "（一）指导思想",
          "以习近平新时代中国特色社会主义思想为指导，完整准确全面贯彻新发展理念。", "（二）主要目标",
          "到2025年，全市节能减排政策机制更加健全，主要指标见下表。")
AFTER = ("二、重点任务", "（一）推进工业领域节能。到2025年，完成10家企业节能改造。", "三、保障措施", "（一）加强组织领导。")

FLAT_HEADER = ("序号", "指标", "单位", "2020年（基期）", "2025年（目标）", "“十四五”累计", "属性")
FLAT_ROWS = [("1", "单位地区生产总值能耗降低", "%", "—", "—", "14", "约束性"),
             ("2", "非化石能源占能源消费总量比重", "%", "11.4", "15", "", "预期性"),
             ("3", "森林覆盖率", "%", "18.5", "≥19", "", "约束性"),
             ("4", "化学需氧量重点工程减排量", "万吨", "—", "", "1.2", "约束性"),
             ("5", "单位地区生产总值二氧化碳排放降低", "%", "—", "完成省下达目标", "", "约束性"),
             ("6", "城镇生活污水集中收集率", "%", "62", "持续提高", "", "预期性")]


def _docx(path: Path, tables: list, before: tuple[str, ...] = BEFORE, after: tuple[str, ...] = AFTER) -> Path:
    """A plan built with python-docx: tables given as (rows, merges (r0, c0, r1, c1)), a str between them is a
    paragraph."""
    d = docx.Document()
    for line in before:
        d.add_paragraph(line)
    for item in tables:
        if isinstance(item, str):
            d.add_paragraph(item)
            continue
        rows, merges = item
        t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
        for r0, c0, r1, c1 in merges:
            keep = t.cell(r0, c0).text
            t.cell(r0, c0).merge(t.cell(r1, c1)).text = keep
    for line in after:
        d.add_paragraph(line)
    d.save(str(path))
    return path


def _html(path: Path, body: str) -> Path:
    path.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", encoding="utf-8")
    return path


def _table_targets(rec: PlanRecord) -> list[Target]:
    """The targets quoted from a table row (a line of TAB-separated cells)."""
    line = lambda p: rec.text[rec.text.rfind("\n", 0, p) + 1:rec.text.find("\n", p)]  # noqa: E731
    return [g for g in rec.targets if "\t" in line(g.span[0])]


def _check_spans(rec: PlanRecord) -> None:
    for g in rec.targets:
        assert rec.text[g.span[0]:g.span[1]] == g.quote
        assert "\t" not in g.quote and "\n" not in g.quote  # one cell, never across cells


def _row(rec: PlanRecord, indicator: str) -> list[tuple]:
    return [(g.quote, g.value, g.unit, g.comparator, g.baseline_year, g.period_start, g.deadline, g.kind)
            for g in _table_targets(rec) if g.indicator == indicator]


@pytest.fixture
def flat(tmp_path: Path) -> PlanRecord:
    return extract_file(_docx(tmp_path / "plan.docx", [([FLAT_HEADER] + FLAT_ROWS, [])]))


def test_each_row_and_target_column_is_a_target(flat: PlanRecord):
    _check_spans(flat)
    assert _row(flat, "单位地区生产总值能耗降低") == [
        ("14", 14, "%", "decrease_by", 2020, "2021-01-01", "2025-12-31", "quantitative")]
    assert _row(flat, "非化石能源占能源消费总量比重") == [
        ("15", 15, "%", "=", 2020, None, "2025-12-31", "quantitative")]
    assert _row(flat, "森林覆盖率") == [("≥19", 19, "%", ">=", 2020, None, "2025-12-31", "quantitative")]
    assert _row(flat, "化学需氧量重点工程减排量") == [
        ("1.2", 1.2, "万吨", "=", 2020, "2021-01-01", "2025-12-31", "quantitative")]


def test_the_base_column_is_no_target_and_dates_come_from_the_header(flat: PlanRecord):
    quotes = [g.quote for g in _table_targets(flat)]
    assert "11.4" not in quotes and "18.5" not in quotes and "62" not in quotes  # 2020 levels: the baseline
    by_quote = {g.quote: g for g in _table_targets(flat)}
    assert by_quote["≥19"].deadline_text == "2025年（目标）" and by_quote["≥19"].deadline_inherited
    assert by_quote["14"].deadline_text == "“十四五”累计"


def test_province_assigned_target_is_a_milestone_and_directional_cells_are_none(flat: PlanRecord):
    # gold README judgment 3: `确保完成市下达指标` is a core milestone with value null
    assert _row(flat, "单位地区生产总值二氧化碳排放降低") == [
        ("完成省下达目标", None, None, None, None, None, "2025-12-31", "milestone")]
    assert _row(flat, "城镇生活污水集中收集率") == []  # `持续提高`: directional, no checkable level (gold rule 4)


def test_targets_belong_to_the_part_that_holds_the_table_and_rows_are_not_prose(flat: PlanRecord):
    table = _table_targets(flat)
    assert {g.task for g in table} == {"1.2"}  # （二）主要目标, the item whose text holds the table
    mine = [g for g in flat.targets if g.task == "1.2"]
    assert [g.id for g in mine] == [f"1.2/{k + 1}" for k in range(len(mine))]
    assert len(mine) == len(table) == 5  # nothing read twice: every 1.2 target is a cell
    assert [g.task for g in flat.targets if g.quote.startswith("到2025年，完成10家")] == ["2.1"]  # prose goes on
    assert [t.id for t in flat.tasks] == ["1.1", "1.2", "2.1", "3.1"]  # the table adds no tasks


MERGED_ROWS = [("序号", "指标", "单位", "2020年（基期）", "目标值", "", "属性"),
               ("", "", "", "", "2025年", "2030年", ""),
               ("1", "森林覆盖率", "", "18.5", "≥19", "≥20", "约束性"),
               ("2", "细颗粒物（PM2.5）浓度（微克/立方米）", "", "35", "≤30", "≤25", "约束性"),
               ("3", "非化石能源消费比重（%）", "", "11.4", "15", "25左右", "预期性"),
               ("4", "单位地区生产总值能耗降低（%）", "", "—", "14", "—", "约束性")]
MERGES = [(0, c, 1, c) for c in (0, 1, 2, 3, 6)] + [(0, 4, 0, 5)]


def test_a_header_split_over_two_lines_with_2025_and_2030_columns(tmp_path: Path):
    rows = [tuple(c for k, c in enumerate(r) if k != 2) for r in MERGED_ROWS]  # no unit column: units in names
    merges = [(0, c, 1, c) for c in (0, 1, 2, 5)] + [(0, 3, 0, 4)]
    path = _docx(tmp_path / "plan.docx", [(rows, merges)])
    from extract.loaders import load_text
    lines = load_text(path).text.splitlines()
    assert "序号\t指标\t2020年（基期）\t目标值\t属性" in lines and "\t\t\t2025年\t2030年" in lines  # what Word prints
    rec = extract_file(path)
    _check_spans(rec)
    assert _row(rec, "森林覆盖率") == [("≥19", 19, None, ">=", 2020, None, "2025-12-31", "quantitative"),
                                      ("≥20", 20, None, ">=", 2020, None, "2030-12-31", "quantitative")]
    assert _row(rec, "细颗粒物（PM2.5）浓度") == [  # the unit in brackets leaves the name; `PM2.5` is no unit
        ("≤30", 30, "微克/立方米", "<=", 2020, None, "2025-12-31", "quantitative"),
        ("≤25", 25, "微克/立方米", "<=", 2020, None, "2030-12-31", "quantitative")]
    assert _row(rec, "非化石能源消费比重") == [("15", 15, "%", "=", 2020, None, "2025-12-31", "quantitative"),
                                              ("25左右", 25, "%", "=", 2020, None, "2030-12-31", "quantitative")]
    assert _row(rec, "单位地区生产总值能耗降低") == [
        ("14", 14, "%", "decrease_by", 2020, None, "2025-12-31", "quantitative")]
    assert {g.deadline_text for g in _table_targets(rec)} == {"2025年", "2030年"}


def test_a_unit_column_wins_over_the_name(tmp_path: Path):
    rec = extract_file(_docx(tmp_path / "plan.docx", [(MERGED_ROWS[:2] + [
        ("1", "可再生能源装机容量", "万千瓦", "120", "200", "350", "预期性")], MERGES)]))
    assert _row(rec, "可再生能源装机容量") == [
        ("200", 200, "万千瓦", "=", 2020, None, "2025-12-31", "quantitative"),
        ("350", 350, "万千瓦", "=", 2020, None, "2030-12-31", "quantitative")]


def _html_table(rows: list[str]) -> str:
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def test_html_with_rowspan_colspan_and_a_category_column(tmp_path: Path):
    body = ("<p>某某区碳达峰实施方案</p><p>一、主要目标</p><p>到2025年，主要指标如下。</p>" + _html_table([
        "<th rowspan='2'>类别</th><th rowspan='2'>指标</th><th rowspan='2'>单位</th><th rowspan='2'>2020年</th>"
        "<th colspan='2'>目标值</th><th rowspan='2'>属性</th>",
        "<th>2025年</th><th>2030年</th>",
        "<td rowspan='2'>绿色低碳</td><td>森林覆盖率</td><td>%</td><td>18.5</td><td>≥19</td><td>≥20</td>"
        "<td>约束性</td>",
        "<td>非化石能源消费比重</td><td>%</td><td>11.4</td><td>15</td><td>25</td><td>预期性</td>",
        "<td>环境质量</td><td>地表水达到或好于Ⅲ类水体比例</td><td>%</td><td>80</td><td>&gt;85</td><td></td>"
        "<td>约束性</td>"]) + "<p>二、重点任务</p><p>（一）推进节能。</p>")
    rec = extract_file(_html(tmp_path / "plan.html", body))
    _check_spans(rec)
    assert _row(rec, "森林覆盖率") == [("≥19", 19, "%", ">=", 2020, None, "2025-12-31", "quantitative"),
                                      ("≥20", 20, "%", ">=", 2020, None, "2030-12-31", "quantitative")]
    # the row without its 类别 cell (merged down from the row above) is read from the right
    assert _row(rec, "非化石能源消费比重") == [("15", 15, "%", "=", 2020, None, "2025-12-31", "quantitative"),
                                              ("25", 25, "%", "=", 2020, None, "2030-12-31", "quantitative")]
    assert _row(rec, "地表水达到或好于Ⅲ类水体比例") == [(">85", 85, "%", ">=", 2020, None, "2025-12-31", "quantitative")]
    assert {g.task for g in _table_targets(rec)} == {"1"}


def test_html_flat_table(tmp_path: Path):
    rows = ["".join(f"<th>{h}</th>" for h in FLAT_HEADER)] + ["".join(f"<td>{c}</td>" for c in r) for r in FLAT_ROWS]
    body = "<p>某某市节能减排综合工作方案</p><p>一、主要目标</p>" + _html_table(rows) + "<p>二、重点任务</p><p>（一）推进节能。</p>"
    rec = extract_file(_html(tmp_path / "plan.html", body))
    assert len(_table_targets(rec)) == 5
    assert _row(rec, "森林覆盖率") == [("≥19", 19, "%", ">=", 2020, None, "2025-12-31", "quantitative")]


def test_task_tables_and_other_tables_are_left_alone(tmp_path: Path):
    task = [("序号", "重点任务", "牵头单位", "完成时限"), ("1", "新增光伏装机2万千瓦", "区发展改革委", "2025年")]
    capacity = [("地区", "2020年装机", "2025年装机"), ("东区", "10", "20")]  # no indicator column
    history = [("指标", "2018年", "2019年", "2020年"), ("地区生产总值", "100", "110", "120")]  # past years only
    rec = extract_file(_docx(tmp_path / "plan.docx", [(task, []), "二、有关情况", "表1 各区装机", (capacity, []),
                                                                   "表2 历年数据", (history, [])],
                             before=("某某区2022年节能工作要点", "2022年3月1日", "一、重点任务"), after=()))
    assert [t.id for t in rec.tasks] == ["1.1"]  # the task table is still a task table
    assert [s.id for s in rec.sections] == ["1", "2"]
    assert [(g.task, g.quote, g.deadline) for g in rec.targets] == [("1.1", "新增光伏装机2万千瓦", "2025-12-31")]


@pytest.mark.parametrize("header", ["序号\t重点任务\t责任单位\t完成时限", "地区\t2020年装机\t2025年装机",
                                    "序号\t项目名称\t建设内容\t建设年限"])
def test_headers_that_open_no_indicator_table(header: str):
    text = f"一、主要内容\n{header}\n1\t可再生能源\t万千瓦\t2025年\n"
    assert find_indicator_tables(text, shadow(text), 2022, 2022) == []


def _targets(text: str, plan_year: Optional[int] = 2022) -> list[tuple]:
    return [(g.quote, g.value, g.unit, g.comparator, g.baseline_year, g.period_start, g.deadline)
            for t in find_indicator_tables(text, shadow(text), plan_year, plan_year) for g in t.targets]


def test_cell_signs_and_words():
    text = ("指标名称\t单位\t2025年目标\n"
            "单位GDP能耗\t%\t下降14\n"
            "可再生能源发电装机\t万千瓦\t不低于500\n"
            "煤炭消费量\t万吨\t控制在2000以内\n"
            "清洁取暖率\t%\t90以上\n"
            "新能源汽车保有量\t万辆\t13-15\n"
            "研发经费投入\t\t1.5亿元\n"
            "绿色建筑占比\t%\t≥70（力争80）\n")
    assert _targets(text) == [
        ("下降14", 14, "%", "decrease_by", None, None, "2025-12-31"),
        ("不低于500", 500, "万千瓦", ">=", None, None, "2025-12-31"),
        ("控制在2000以内", 2000, "万吨", "<=", None, None, "2025-12-31"),
        ("90以上", 90, "%", ">=", None, None, "2025-12-31"),
        ("13-15", 13, "万辆", ">=", None, None, "2025-12-31"),
        ("1.5亿元", 1.5, "亿元", "=", None, None, "2025-12-31"),
        ("≥70（力争80）", 70, "%", ">=", None, None, "2025-12-31"),
    ]


def test_a_three_year_plan_with_no_base_column_reads_every_year_as_a_target():
    text = "序号\t指标\t单位\t2023年\t2024年\t2025年\n1\t新增光伏装机\t万千瓦\t10\t20\t30\n"
    assert [(q, d) for q, *_, d in _targets(text, 2023)] == [("10", "2023-12-31"), ("20", "2024-12-31"),
                                                             ("30", "2025-12-31")]


def test_a_group_cell_says_what_the_years_under_it_hold():
    # a 2022 work plan: `目标值` over 2021 and 2022 makes both targets, although 2021 is past (Word's grid form)
    text = ("序号\t指标\t单位\t基期值\t目标值\n\t\t\t2020年\t2021年\t2022年\n"
            "1\t新能源汽车充电桩\t个\t500\t800\t1200\n")
    assert [(q, v, base, d) for q, v, _, _, base, _, d in _targets(text, 2022)] == [
        ("800", 800, 2020, "2021-12-31"), ("1200", 1200, 2020, "2022-12-31")]
    web = "指标\t单位\t基期值\t目标值\n2020年\t2021年\t2022年\n新能源汽车充电桩\t个\t500\t800\t1200\n"  # a web page's form
    assert [q for q, *_ in _targets(web, 2022)] == ["800", "1200"]


def test_a_period_column_with_a_year_range_and_yearly_rates():
    text = "指标\t单位\t2021-2025年累计\t“十四五”年均增长\n能源消费总量\t万吨标准煤\t增长10\t2\n"
    found = [g for t in find_indicator_tables(text, shadow(text), 2021, 2021) for g in t.targets]
    assert [(g.indicator, g.value, g.comparator, g.baseline_year, g.period_start, g.deadline) for g in found] == [
        ("能源消费总量", 10, "increase_by", 2020, "2021-01-01", "2025-12-31"),
        ("能源消费总量（年均）", 2, "=", 2020, "2021-01-01", "2025-12-31")]


def test_plain_text_has_no_tables():
    text = "一、主要目标\n到2025年，森林覆盖率达到19%。\n"
    assert find_indicator_tables(text, shadow(text)) == []
    assert [g.quote for g in extract_text(text).targets] == ["到2025年，森林覆盖率达到19%"]


def test_a_project_column_beside_a_unit_column_with_levels_and_yearly_rates(tmp_path: Path):
    """Qinghai's energy table (corpus pdf 108): 项目 | 单位, and under each target year a level (累计值) and a yearly
    growth rate whose own header gives its measure (年均增长率(％)); the unit column spells % out as 百分比."""
    rows = [("类别", "项目", "单位", "2020年", "2025年", "", "2030年", "", "说明"),
            ("", "", "", "", "累计值", "年均增长率(%)", "累计值", "年均增长率(%)", ""),
            ("能源供应", "光伏", "万千瓦", "1580", "4200", "21.6", "7000", "10.8", ""),
            ("", "清洁能源装机占比", "百分比", "90.2", "96", "1.3", "100%", "0.8", "全国领先")]
    merges = [(0, c, 1, c) for c in (0, 1, 2, 3, 8)] + [(0, 4, 0, 5), (0, 6, 0, 7), (2, 0, 3, 0)]
    rec = extract_file(_docx(tmp_path / "plan.docx", [(rows, merges)]))
    _check_spans(rec)
    assert _row(rec, "光伏") == [("4200", 4200, "万千瓦", "=", 2020, None, "2025-12-31", "quantitative"),
                                ("7000", 7000, "万千瓦", "=", 2020, None, "2030-12-31", "quantitative")]
    assert [(q, v, u, d) for q, v, u, _, _, _, d, _ in _row(rec, "光伏年均增长率")] == [
        ("21.6", 21.6, "%", "2025-12-31"), ("10.8", 10.8, "%", "2030-12-31")]
    assert [(q, v, u) for q, v, u, *_ in _row(rec, "清洁能源装机占比")] == [("96", 96, "%"), ("100%", 100, "%")]


def test_a_project_list_is_no_indicator_table():
    text = "一、重点项目\n序号\t项目\t建设内容\t2025年\n1\t光伏电站\t建设100万千瓦\t建成\n"
    assert find_indicator_tables(text, shadow(text), 2022, 2022) == []
