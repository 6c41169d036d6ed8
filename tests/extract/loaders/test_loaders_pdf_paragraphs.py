"""The line-rejoining rules on hand-made lines (geometry as a 16 pt A4 government document lays it out), and the
baseline grouping on hand-made glyphs. Each test is one rule of pdf_paragraphs' / pdf_lines' docstring."""
from __future__ import annotations

from extract.loaders.pdf_lines import chars_to_lines
from extract.loaders.pdf_paragraphs import drop_page_furniture, measure, rejoin

W, H = 595.0, 842.0
LEFT, RIGHT, SIZE, PITCH = 85.0, 517.0, 16.0, 30.0


class Page:
    """Builds the lines of one page top to bottom."""

    def __init__(self, index: int = 0):
        self.index = index
        self.lines = []
        self.y = 80.0

    def add(self, text: str, indent: float = 0.0, width: float | None = None, size: float = SIZE,
            centred: bool = False, gap: float = 0.0):
        from extract.loaders.pdf_lines import Line

        self.y += gap
        w = width if width is not None else min(len(text) * size, RIGHT - LEFT - indent)
        x0 = (LEFT + RIGHT - w) / 2 if centred else LEFT + indent
        self.lines.append(Line(text, x0, x0 + w, self.y, self.y + size, self.y + size * 0.88, size, self.index, W, H))
        self.y += PITCH if size == SIZE else size * 1.5
        return self

    def full(self, text: str, indent: float = 0.0):
        return self.add(text, indent=indent, width=RIGHT - LEFT - indent)

    def footer(self, text: str):
        from extract.loaders.pdf_lines import Line

        self.lines.append(Line(text, 480, 516, 766, 780, 778, 14, self.index, W, H))
        return self


def _body(page: Page) -> Page:
    """Enough ordinary indented paragraphs that the document's layout (left edge, width, indentation) is clear."""
    for i in range(3):
        page.full("这是正文段落的第一行内容用于建立版心宽度", indent=2 * SIZE)
        page.full("这是正文段落的续行内容用于建立版心左边界")
        page.add("段落末行。", width=5 * SIZE)
    return page


def test_wrapped_line_joins_and_indented_line_starts_a_paragraph():
    p = _body(Page())
    p.full("（一）优化数据中心布局。按照绿色、集", indent=2 * SIZE)
    p.full("约原则，研究制定布局图。（责任单位：自治区大数据发展局、通信管")
    p.add("理局）", width=3 * SIZE)
    p.full("（二）实行项目建设指导。", indent=2 * SIZE)
    out = rejoin([p.lines])
    assert "（一）优化数据中心布局。按照绿色、集约原则，研究制定布局图。（责任单位：自治区大数据发展局、通信管理局）" in out
    assert out[-1] == "（二）实行项目建设指导。"


def test_full_line_ending_in_full_stop_still_continues_when_next_is_not_indented():
    p = _body(Page())
    p.full("运行格局。合理布局和均衡全区算力，提高到50%以上。", indent=2 * SIZE)
    p.add("数据中心运行电能利用效率明显提升。", width=17 * SIZE)
    assert rejoin([p.lines])[-1] == "运行格局。合理布局和均衡全区算力，提高到50%以上。数据中心运行电能利用效率明显提升。"


def test_short_line_ends_the_paragraph():
    p = _body(Page())
    p.add("一、工作目标", indent=2 * SIZE, width=6 * SIZE)
    p.full("到2025年，全区数据中心和5G基本形成绿色集约的一体化", indent=2 * SIZE)
    p.add("运行格局。", width=5 * SIZE)
    p.add("联系人：王帅", width=6 * SIZE)
    p.add("电话：（010）65645386", width=9 * SIZE)
    out = rejoin([p.lines])
    assert out[-4:] == ["一、工作目标", "到2025年，全区数据中心和5G基本形成绿色集约的一体化运行格局。", "联系人：王帅",
                        "电话：（010）65645386"]


def test_numbered_heading_never_joins_even_after_a_full_line():
    p = _body(Page())
    p.full("这一行写满了版心宽度但是没有句末标点符号而且下一行", indent=2 * SIZE)
    p.full("1.加强林业碳汇计量评估。开展碳汇计量评估监测")
    p.full("第三条 林业碳票管理应当遵循依法、自愿、公开")
    p.full("牵头单位：市林业局")
    out = rejoin([p.lines])
    assert out[-3:] == ["1.加强林业碳汇计量评估。开展碳汇计量评估监测", "第三条 林业碳票管理应当遵循依法、自愿、公开",
                        "牵头单位：市林业局"]


def test_decimal_at_line_start_is_not_a_heading():
    p = _body(Page())
    p.full("普及和推广节能技术，电能利用效率超过", indent=2 * SIZE)
    p.add("1.5 的数据中心完成节能降碳改造。", width=15 * SIZE)
    assert rejoin([p.lines])[-1] == "普及和推广节能技术，电能利用效率超过1.5 的数据中心完成节能降碳改造。"


def test_paragraph_continues_across_a_page_break_and_page_numbers_go():
    p1 = _body(Page(0))
    p1.full("对各设区市和各县，", indent=2 * SIZE).footer("- 3 -")
    p2 = Page(1)
    p2.add("未纳入全区数据中心空间布局的，不支持新建。", width=20 * SIZE)
    _body(p2).footer("—４—")
    pages = drop_page_furniture([p1.lines, p2.lines])
    assert all(ln.text not in ("- 3 -", "—４—") for page in pages for ln in page)
    out = rejoin(pages)
    assert "对各设区市和各县，未纳入全区数据中心空间布局的，不支持新建。" in out


def test_page_number_patterns_only_at_page_edges():
    p = _body(Page())
    p.add("3", width=SIZE)  # a lone digit in the body (a table cell) is content
    p.footer("第3页 共18页")
    pages = drop_page_furniture([p.lines])
    texts = [ln.text for ln in pages[0]]
    assert "3" in texts and "第3页 共18页" not in texts


def test_centred_title_in_large_font_is_joined_but_letterhead_lines_are_not():
    p = Page()
    p.add("广西壮族自治区发展和改革委员会", size=36, width=422)  # letterhead: centred too, but in a huge font
    p.add("广西壮族自治区工业和信息化厅", size=36, width=422)
    p.add("广西壮族自治区贯彻落实碳达峰碳中和目标要求", size=22, centred=True, width=416)
    p.add("推动数据中心和5G等新型基础设施", size=22, centred=True, width=338)
    p.add("绿色高质量发展若干举措", size=22, centred=True, width=236)
    _body(p)
    out = rejoin([p.lines])
    assert out[:3] == ["广西壮族自治区发展和改革委员会", "广西壮族自治区工业和信息化厅",
                       "广西壮族自治区贯彻落实碳达峰碳中和目标要求推动数据中心和5G等新型基础设施绿色高质量发展若干举措"]


def test_document_without_indentation_falls_back_to_punctuation():
    p = Page()
    for _ in range(4):
        p.full("没有首行缩进的文档，整行写满且以句号结束。")
        p.full("下一段从左边界开始，写满整行但没有句末标点")
        p.add("因此与上一行相连。", width=9 * SIZE)
    layout = measure([p.lines])
    assert not layout.indents
    out = rejoin([p.lines])
    assert out[:2] == ["没有首行缩进的文档，整行写满且以句号结束。", "下一段从左边界开始，写满整行但没有句末标点因此与上一行相连。"]


def test_latin_words_wrapped_get_a_space():
    p = _body(Page())
    p.full("The plan supports renewable energy and green", indent=2 * SIZE)
    p.add("hydrogen.", width=5 * SIZE)
    assert rejoin([p.lines])[-1] == "The plan supports renewable energy and green hydrogen."


def _glyph(text: str, x0: float, baseline_pdf: float, box_offset: float = 0.0, size: float = 14.7):
    """A pdfplumber-style char on an A4 page whose glyph box may sit `box_offset` pt below its true baseline."""
    bottom = H - baseline_pdf + 3.5 + box_offset
    return {"text": text, "x0": x0, "x1": x0 + size, "top": bottom - size, "bottom": bottom,
            "y0": H - bottom, "y1": H - bottom + size, "size": size, "upright": True,
            "matrix": (1, 0, 0, 1, x0, baseline_pdf)}


def test_glyphs_with_displaced_boxes_stay_on_their_baseline_line():
    """108.pdf: full-width digits report glyph boxes 10 pt below the hanzi of the same line."""
    chars = [_glyph("青", 241, 509.8), _glyph("政", 256, 509.8), _glyph("〔", 271, 509.8),
             _glyph("２", 286, 509.8, box_offset=10.4), _glyph("０", 301, 509.8, box_offset=10.4),
             _glyph("〕", 316, 509.8), _glyph("号", 331, 509.8),
             _glyph("下", 241, 480.0), _glyph("行", 256, 480.0)]
    lines = chars_to_lines(chars, 0, W, H)
    assert [ln.text for ln in lines] == ["青政〔２０〕号", "下行"]


def test_spacing_rules():
    s = 16.0
    chars = [
        {"text": "第", "x0": 0, "x1": s}, {"text": "一", "x0": s, "x1": 2 * s}, {"text": "章", "x0": 2 * s, "x1": 3 * s},
        {"text": " ", "x0": 3 * s, "x1": 3.25 * s},  # a typed space between hanzi is text
        {"text": "基", "x0": 3.5 * s, "x1": 4.5 * s},
        {"text": "到", "x0": 4.9 * s, "x1": 5.9 * s},  # letter-spacing between hanzi is layout
        {"text": "2", "x0": 6.15 * s, "x1": 6.65 * s},  # ¼-em autospace before a digit is layout
        {"text": "0", "x0": 6.65 * s, "x1": 7.15 * s},
        {"text": "年", "x0": 7.4 * s, "x1": 8.4 * s},
        {"text": "区", "x0": 11 * s, "x1": 12 * s},  # a column gap is a boundary
    ]
    for c in chars:
        c.update({"top": 100, "bottom": 100 + s, "y0": H - 100 - s, "y1": H - 100, "size": s, "upright": True,
                  "matrix": (1, 0, 0, 1, c["x0"], H - 100 - s + 3)})
    (line,) = chars_to_lines(chars, 0, W, H)
    assert line.text == "第一章 基到20年 区"
