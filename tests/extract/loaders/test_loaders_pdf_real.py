"""Real government PDFs (/work/shared/corpus/pdf, see its README for each file's quirks).

"Loosely equal to bulk/<N>.txt" means: the same characters once whitespace is ignored, apart from the page numbers
we drop (bulk/<N>.txt is pdftotext output, which keeps them) and the 方正 punctuation we repair.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from extract.loaders.glyphs import repair, uses_row3_aliases

BULK = Path("/work/shared/corpus/bulk")
ANNOTATION = re.compile(r"[（〔(](?:责任单位|牵头单位)[:：]")


def _chars(text: str) -> Counter[str]:
    return Counter(re.sub(r"\s", "", text))


def _bulk(number: int) -> str:
    path = BULK / f"{number}.txt"
    if not path.exists():
        pytest.skip(f"{path} not available")
    text = path.read_text("utf-8")
    return repair(text, uses_row3_aliases(text))


@pytest.mark.parametrize("number", [260, 485, pytest.param(108, marks=pytest.mark.slow), 226])
def test_same_characters_as_pdftotext_except_page_numbers(number: int, real_pdf):
    mine, bulk = _chars(real_pdf(number).text), _chars(_bulk(number))
    assert not (mine - bulk), f"characters pdftotext does not have: {mine - bulk}"
    missing = bulk - mine
    assert set(missing) <= set("0123456789０１２３４５６７８９-—"), f"lost more than page numbers: {missing}"
    assert sum(missing.values()) <= 0.02 * sum(bulk.values())


@pytest.mark.parametrize("number,count", [(260, 11), (485, 50)])
def test_unit_annotations_rejoined_onto_their_task_line(number: int, count: int, real_pdf):
    text = real_pdf(number).text
    lines = text.splitlines()
    opened = [ln for ln in lines if ANNOTATION.search(ln)]
    # every annotation that opens on a line also closes on it (none is cut by a line or page break) ...
    for ln in opened:
        for m in ANNOTATION.finditer(ln):
            assert "）" in ln[m.end():] or "〕" in ln[m.end():] or ")" in ln[m.end():], ln
    # ... and no line starts inside one (full-width brackets never close before they open)
    for ln in lines:
        depth = 0
        for ch in ln:
            depth += (ch == "（") - (ch == "）")
            assert depth >= 0, ln
    # ... and none was lost: as many as pdftotext saw (in its output some are cut, `（责任⏎单位：`, so compare without
    # line breaks)
    assert sum(len(ANNOTATION.findall(ln)) for ln in lines) == len(ANNOTATION.findall(re.sub(r"\s", "", _bulk(number))))
    assert len(ANNOTATION.findall(text)) >= count


def test_260_task_is_one_line_with_its_units(real_pdf):
    lines = real_pdf(260).text.splitlines()
    task = next(ln for ln in lines if ln.startswith("（一）优化数据中心布局。"))
    assert task.endswith("（责任单位：自治区大数据发展局、通信管理局）")
    assert "不支持建设新增算力项目" in task  # text from the next page joined across the page break
    assert "- 3 -" not in task and "- 4 -" not in task
    assert "一、工作目标" in lines and "二、合理布局和均衡全区算力" in lines  # headings stay on their own lines
    # the multi-line centred title becomes one line
    assert "广西壮族自治区贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展若干举措" in lines


def test_485_annotation_wrapped_across_lines(real_pdf):
    text = real_pdf(485).text
    assert "（责任单位：省经济和信息化厅，配合单位：省发展改革委、省水利厅、省能源局、省数据资源局等，" \
           "各市人民政府负责落实。以下均需各市人民政府落实，不再列出）" in text
    lines = text.splitlines()
    assert sum(1 for ln in lines if re.match(r"^（[一二三四五六七八九十]+）", ln)) >= 20


@pytest.mark.slow  # 108.pdf's content streams take pdfminer several seconds
def test_108_fangzheng_punctuation_repaired(real_pdf):
    loaded = real_pdf(108)
    text = loaded.text
    assert "ꎮ" not in text and "ꎬ" not in text and "ꎻ" not in text
    assert "\U001001b0" not in text and "\U001001ba" not in text
    assert text.count("。") > 200 and text.count("，") > 300
    assert "特制定本行动方案。" in text
    assert "青政〔２０２１〕３６号" in text  # digits on a lower glyph box stay on their line; full-width kept
    assert "《青海打造国家清洁能源产业高地行动方案" in text
    assert "８．６" in text  # the private-use decimal point
    assert loaded.warnings == []


def test_226_partial_scan_loads_text_pages_and_names_image_pages(real_pdf):
    loaded = real_pdf(226)
    assert loaded.format == "pdf"
    assert loaded.text.splitlines()[0] == "关于报送2021年国家生态工业示范园区建设评价报告的通知"
    assert "《园区碳达峰碳中和实施路径专项报告》编制大纲" in loaded.text
    assert len(loaded.warnings) == 1
    warning = loaded.warnings[0]
    assert "3–6、8" in warning and "OCR" in warning and "\n" not in warning
    assert "7" not in warning  # page 7 is blank, not a scan


def test_page_number_footers_dropped(real_pdf):
    for number in (260, 485, 226):
        for ln in real_pdf(number).text.splitlines():
            assert not re.fullmatch(r"[-—\s]*[0-9０-９]+[-—\s]*", ln), (number, ln)
