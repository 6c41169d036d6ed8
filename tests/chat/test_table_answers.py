"""Answers from a plan's indicator table: the quote stays the exact value cell (`≥19`), and the answer shows the
table row it comes from, so that a bare number is never cited without what it measures."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

import kg
from chat import answer
from extract import extract_file

ROWS = [("序号", "指标", "单位", "2020年（基期）", "2025年（目标）", "属性"),
        ("1", "森林覆盖率", "%", "18.5", "≥19", "约束性"),
        ("2", "非化石能源占能源消费总量比重", "%", "11.4", "15", "预期性")]


@pytest.fixture(scope="module")
def table_store(tmp_path_factory):
    d = docx.Document()
    for line in ("某市“十四五”节能减排综合工作方案", "一、总体要求", "（一）主要目标", "到2025年，主要指标见下表。"):
        d.add_paragraph(line)
    t = d.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("二、重点任务")
    d.add_paragraph("（一）推进工业节能。到2025年，完成10家企业节能改造。（责任单位：市经信局）")
    path = tmp_path_factory.mktemp("plan") / "指标表方案.docx"
    d.save(str(path))
    store = kg.open_store("memory:")
    store.put_record(extract_file(path))
    yield store
    store.close()


def test_a_value_from_the_table_names_its_row(table_store):
    a = answer("森林覆盖率目标是多少？", table_store, as_of=date(2026, 11, 23))
    (item,) = a["items"][:1]
    assert (item["quote"], item["value"], item["comparator"], item["deadline"]) == ("≥19", 19, ">=", "2025-12-31")
    assert "表中该行：1｜森林覆盖率｜%｜18.5｜≥19｜约束性" in a["answer"]


def test_listings_show_the_row_of_each_table_cell(table_store):
    a = answer("到2025年有哪些指标？", table_store, as_of=date(2026, 11, 23))
    assert "「15」（表中该行：2｜非化石能源占能源消费总量比重｜%｜11.4｜15｜预期性）" in a["answer"]
    assert "「到2025年，完成10家企业节能改造」（期限" in a["answer"]  # prose quotes are unchanged

