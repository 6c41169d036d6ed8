"""Structure rules as regulations and PDF text layers print them: markers alone on their line, contents pages."""
from __future__ import annotations

from extract import extract_text

ARTICLES_ALONE = """某市鼓励社会资本参与绿化的政策措施
第一章

总则

第一条

为加快国土绿化步伐，制定本措施。
第二条

本措施适用于本市行政区域。
第二章
第三条
承包荒山造林的，每亩补助500元。
"""

WITH_CONTENTS = """某区生态环境保护规划
目录
一、基本形势……………………………………4
二、主要任务……………………………………9
（一）大气治理 ........................ 10
一、基本形势
“十三五”期间成效明显。
二、主要任务
（一）大气治理
1.推进清洁能源替代。到2025年，PM2.5浓度下降到30微克/立方米。
"""


def test_articles_and_chapters_alone_on_their_line_take_the_next_line() -> None:
    r = extract_text(ARTICLES_ALONE, doc_id="articles")
    assert [(s.id, s.title) for s in r.sections] == [("1", "总则"), ("2", "")]  # 第二章 has no title of its own
    assert [(t.id, t.title) for t in r.tasks] == [("1.1", "为加快国土绿化步伐，制定本措施"),
                                                 ("1.2", "本措施适用于本市行政区域"),
                                                 ("2.3", "承包荒山造林的，每亩补助500元")]


def test_contents_page_entries_are_not_headings_nor_the_title() -> None:
    r = extract_text(WITH_CONTENTS, doc_id="toc")
    ids = [s.id for s in r.sections] + [t.id for t in r.tasks]
    assert not any("~" in i for i in ids), ids  # the body's numbering is not read as a restart
    assert [s.id for s in r.sections] == ["1", "2", "2.1"]
    assert r.document.title == "某区生态环境保护规划"


# ABBYY-style PDF text: the bare ordinal alone on its line, a blank line, then the title (or the paragraph that opens
# with it). Bulk files 43, 52, 64, 65, 70, 80 are printed this way.
MARKERS_ALONE = """河北省降碳产品价值实现实施方案
一、总体要求
（一）

指导思想。深入贯彻习近平生态文明思想，牢固树立绿水青山就是金山银山理念。

（二）

工作目标

到 2025 年，全省降碳产品价值实现机制基本建立，交易规模不断扩大，市场活力持续增强。
二、重点任务
（一）

提升固碳能力。围绕增强造林固碳能力和营林固碳能力，持续开展大规模国土绿化行动。（责任单位：省林业和草原局，各市政府）
（二）

加大项目开发力度。以降碳产品方法学为指引，加快推进降碳产品项目开发。（责任单位：省生态环境厅、省发展改革委）
三、保障措施
1.
加强组织领导。各级各有关部门要把降碳产品价值实现作为重要工作。
2.
强化宣传引导。组织开展多种形式的宣传活动。
"""


def test_bare_markers_alone_on_their_line_take_the_next_line_as_title() -> None:
    r = extract_text(MARKERS_ALONE, doc_id="alone")
    assert [(t.id, t.title) for t in r.tasks] == [
        ("1.1", "指导思想"), ("1.2", "工作目标"), ("2.1", "提升固碳能力"), ("2.2", "加大项目开发力度"),
        ("3.1", "加强组织领导"), ("3.2", "强化宣传引导")]
    units = {t.id: [(u.name, u.role) for u in t.units] for t in r.tasks}
    assert units["2.1"] == [("省林业和草原局", "lead"), ("各市政府", "support")]
    assert units["2.2"] == [("省生态环境厅", "lead"), ("省发展改革委", "support")]
    assert units["1.1"] == []


# What a bare number alone on a line also is: an equation number, a table row's number, a number the PDF split,
# a contents entry, a list item inside a table cell.
NOT_HEADINGS = """某省温室气体排放核算指南
一、核算方法
企业的二氧化碳排放总量按下式计算：
（1）

式中：E 总为二氧化碳排放总量，单位为吨二氧化碳；E 燃烧为燃料燃烧排放量。
二、主要指标
序号
指标
（1）
受污染耕地安全利用率(%)
90%左右
（17）
规模以上单位工业增加值能耗降低
3 （%）
2020 年全省单位 GDP 能耗为 0.
94
吨标准煤每万元。
三、记录要求
记录项目
1.

计量设备的编号、品牌、制造商、型号、精度、出厂日期、合格证；

2.

计量设备所用软件的版本；
"""


def test_bare_numbers_that_are_not_headings_stay_text() -> None:
    r = extract_text(NOT_HEADINGS, doc_id="not-headings")
    assert [s.id for s in r.sections] == []
    assert [(t.id, t.title) for t in r.tasks] == [("1", "核算方法"), ("2", "主要指标"), ("3", "记录要求")]


CONTENTS_WITH_PAGES = """北京市“十四五”时期能源发展规划
目录
一、
“十三五”本市能源领域减排成效………………………(59)
二、
“十四五”本市能源减排效果测算………………………(59)
一、
“十三五”本市能源领域减排成效
“十三五”期间，本市通过采取大力压减燃煤、发展可再生能源等措施，能源领域减排成效显著。
二、
“十四五”本市能源减排效果测算
到 2025 年，本市能源领域二氧化碳排放量较 2020 年进一步下降。
"""


def test_contents_entries_with_bracketed_page_numbers_are_not_headings() -> None:
    r = extract_text(CONTENTS_WITH_PAGES, doc_id="toc-pages")
    assert [(t.id, t.title) for t in r.tasks] == [("1", "“十三五”本市能源领域减排成效"),
                                                 ("2", "“十四五”本市能源减排效果测算")]
