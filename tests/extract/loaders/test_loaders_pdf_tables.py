"""Ruled-table helpers of the PDF loader on hand-made geometry (pdf_tables.py), and the radical repair (glyphs.py).
Whole PDFs printed by Chromium are read in tests/extract/test_pdf_tables.py."""
from __future__ import annotations

from extract.loaders.glyphs import repair
from extract.loaders.pdf_lines import Line
from extract.loaders.pdf_tables import _row_cells, _visible, _word_break, drop_repeated_headers


def test_only_white_is_invisible():
    assert not _visible((1.0, 1.0, 1.0)) and not _visible(1) and not _visible((0.0, 0.0, 0.0, 0.0))  # CMYK white
    assert _visible((0, 0, 0)) and _visible(0) and _visible((0.0, 0.0, 0.0, 1.0)) and _visible(None)
    assert _visible((0.5, 0.5, 0.5)) and _visible("P0")  # grey rules; a pattern we cannot judge


def test_merged_cells_map_like_the_word_loader():
    # 3 columns x 3 rows; A spans rows 1–2 in column 1, B spans columns 2–3 in row 1, C spans the 2x2 block below
    a, b = (0.0, 0.0, 10.0, 20.0), (10.0, 0.0, 30.0, 10.0)
    c, d = (10.0, 10.0, 30.0, 30.0), (0.0, 20.0, 10.0, 30.0)
    cells = [a, b, c, d]
    text = {a: "类别", b: "目标值", c: "合计", d: "交通"}
    xs = [0.0, 10.0]
    assert _row_cells(cells, text, xs, 0.0) == ["类别", "目标值"]  # B is one cell
    assert _row_cells(cells, text, xs, 10.0) == ["", "合计"]  # under A: one empty cell
    assert _row_cells(cells, text, xs, 20.0) == ["交通", ""]  # under C's top row: one empty cell, not two


def test_wrapped_cell_lines_get_a_space_only_between_latin_words():
    assert _word_break("a", "b") and _word_break("5", "G") and _word_break("G", "5")
    assert not _word_break("2", "0")  # a number broken by a narrow cell
    assert not _word_break("年", "a") and not _word_break("a", "年") and not _word_break("%", "a")


def _row(text: str, page: int, table: int | None, y: float = 100.0) -> Line:
    return Line(text, 50, 500, y, y + 12, y + 10, 11, page, 595, 842, table=table)


def test_a_header_row_repeated_on_a_run_on_page_is_dropped():
    head = "序号\t重点任务\t牵头单位"
    pages = [[_row("二、重点任务", 0, None, 80), _row(head, 0, 0), _row("1\t甲\t区经委", 0, 0, 120)],
             [_row(head, 1, 0, 60), _row("2\t乙\t区经委", 1, 0)],
             [_row(head, 2, 0, 60), _row("3\t丙\t区经委", 2, 0), _row("三、保障措施", 2, None, 200)],
             [_row(head, 3, 0, 60), _row("1\t丁\t区经委", 3, 0)]]  # a new table after text: its header stays
    out = [[ln.text for ln in page] for page in drop_repeated_headers(pages)]
    assert out == [["二、重点任务", head, "1\t甲\t区经委"], ["2\t乙\t区经委"], ["3\t丙\t区经委", "三、保障措施"],
                   [head, "1\t丁\t区经委"]]


def test_radicals_written_for_hanzi_are_repaired():
    assert repair("区发展改⾰委⼯作⽬标，新能源⻋辆", False) == "区发展改革委工作目标，新能源车辆"
    assert repair("⻓江⻔户", True) == "长江门户"
