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
