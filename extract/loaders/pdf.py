""".pdf (text layer) → canonical text: one paragraph per line, page numbers dropped, 方正 punctuation repaired.

Why: most plans circulate as PDFs. We read only the text layer (pdfplumber): OCR is out of scope, so a scan without one
is refused with instructions, and a partly scanned file loads its text pages with a warning naming the pages it could
not read — silently returning half a plan would make every later answer quietly incomplete.

Pipeline: pdfplumber glyphs per page (duplicates from fake-bold removed) → 方正 glyph repair (glyphs.py) → ruled
tables read row by row, one TAB-separated line per row (pdf_tables.py) → the other glyphs in lines by baseline
(pdf_lines.py), the table rows placed among them → page furniture dropped, a header row repeated on a run-on page
dropped, wrapped lines rejoined (pdf_paragraphs.py).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import InputError
from .glyphs import repair, unknown_private_use, uses_row3_aliases
from .pdf_lines import Line, chars_to_lines
from .pdf_paragraphs import drop_page_furniture, rejoin
from .pdf_tables import TableGrid, drop_repeated_headers, find_tables, place_rows, table_rows
from .plaintext import empty_error
from .registry import Decoded, register
from .sniff import kind_name, sniff

NO_TEXT_LAYER = "该 PDF 没有文字层（可能是扫描件），请先做 OCR 后再导入"
SCAN_COVERAGE = 0.5  # an image covering this share of a page makes it a "scanned page"
_CID = re.compile(r"^\(cid:\d+\)$")  # pdfminer's placeholder for a glyph the font gives no Unicode for


@dataclass
class _Page:
    index: int
    width: float
    height: float
    chars: list[dict[str, Any]]
    scanned: bool  # a large image lies under (or instead of) the text
    has_images: bool = field(default=False)
    tables: list[TableGrid] = field(default_factory=list)  # ruled grids, read once the glyphs are repaired


@register("pdf", (".pdf",), "PDF（需有文字层）")
def load_pdf(raw: bytes, name: str) -> Decoded:
    """Read a PDF's text layer; InputError for non-PDF bytes, damaged or password-protected files and pure scans."""
    if not raw:
        raise empty_error(name)
    if sniff(raw) != "pdf":
        kind = sniff(raw)
        what = kind_name(kind) if kind else "没有 PDF 文件头"
        raise InputError(f"{name} 不是有效的 PDF 文件（{what}），请确认文件后重试")
    pages = _read_pages(raw, name)
    if not pages:
        raise InputError(f"无法读取 PDF 文件 {name}：文件中没有页面（可能已损坏），请重新导出 PDF 后重试")

    text_pages = [p for p in pages if any(not c["text"].isspace() for c in p.chars)]
    if not text_pages:
        raise InputError(f"{name}：{NO_TEXT_LAYER}")

    unmapped = 0
    for p in pages:  # glyphs without a Unicode mapping carry no text we could honestly write; count and drop them
        kept = [c for c in p.chars if not _CID.match(c["text"])]
        unmapped += len(p.chars) - len(kept)
        p.chars = kept

    all_text = "".join(c["text"] for p in text_pages for c in p.chars)
    row3 = uses_row3_aliases(all_text)

    def fix(s: str) -> str:
        return repair(s, row3)

    lines: list[list[Line]] = [_page_lines(p, fix) for p in pages]
    paragraphs = rejoin(drop_repeated_headers(drop_page_furniture(lines)))
    if not paragraphs:
        raise InputError(f"{name}：{NO_TEXT_LAYER}")
    text = "\n".join(paragraphs) + "\n"
    warnings = _warnings(pages, text)
    if unmapped:
        warnings.append(f"文字层中有 {unmapped} 个字形没有对应文字（字体缺少编码映射），已略去；相关位置请对照原件")
    return Decoded(text, "pdf", warnings)


def _page_lines(p: _Page, fix: Callable[[str], str]) -> list[Line]:
    """The page's visual lines: each ruled table's rows as lines of their own, the other glyphs by baseline."""
    rows: list[Line] = []
    taken: set[int] = set()
    for k, grid in enumerate(p.tables):
        found = table_rows(grid, [c for c in p.chars if id(c) not in taken], p.index, p.width, p.height, k, fix)
        if found is not None:
            rows += found[0]
            taken.update(id(c) for c in found[1])
    flow = [c for c in p.chars if id(c) not in taken]
    return place_rows(chars_to_lines(flow, p.index, p.width, p.height, fix), rows)


def _read_pages(raw: bytes, name: str) -> list[_Page]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    pages: list[_Page] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for i, page in enumerate(pdf.pages):
                chars = page.dedupe_chars().chars
                area = float(page.width * page.height) or 1.0
                big = any(_image_area(im, page) >= SCAN_COVERAGE * area for im in page.images)
                pages.append(_Page(i, float(page.width), float(page.height), list(chars), big, bool(page.images),
                                   find_tables(page)))
                page.close()  # frees the page's layout cache: long plans stay within memory
    except (PdfminerException, MalformedPDFException, PSException) as e:
        cause = e.args[0] if isinstance(e, PdfminerException) and e.args else e
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise InputError(f"{name} 已加密（需要密码才能打开），请先去除密码保护后再导入")
        raise InputError(f"无法读取 PDF 文件 {name}（文件已损坏：{type(cause).__name__}），请重新导出 PDF 后重试")
    return pages


def _image_area(im: dict[str, Any], page: Any) -> float:
    w = max(0.0, min(float(im["x1"]), float(page.width)) - max(float(im["x0"]), 0.0))
    h = max(0.0, min(float(im["bottom"]), float(page.height)) - max(float(im["top"]), 0.0))
    return w * h


def _warnings(pages: list[_Page], text: str) -> list[str]:
    warnings: list[str] = []
    image_only = [p.index + 1 for p in pages
                  if p.has_images and not any(not c["text"].isspace() for c in p.chars)]
    if image_only:
        warnings.append(f"第 {page_list(image_only)} 页只有图片、没有文字层（可能是扫描页），其内容未导入；"
                        f"如需这些内容请先做 OCR")
    ocr = [p.index + 1 for p in pages if p.scanned and any(not c["text"].isspace() for c in p.chars)]
    if ocr:
        warnings.append(f"第 {page_list(ocr)} 页的文字来自扫描图像上的 OCR 文字层，可能有识别错误，请核对引用原文")
    unknown = unknown_private_use(text)
    if unknown:
        shown = "、".join(f"U+{ord(ch):04X}" for ch in unknown[:5])
        warnings.append(f"文字层含 {len(unknown)} 种无法识别的私用区字符（{shown}），可能是特殊字体的标点或符号，相关文字请对照原件")
    return warnings


def page_list(numbers: list[int]) -> str:
    """1-based page numbers as compact Chinese ranges: [3, 4, 5, 6, 8] → "3–6、8"."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return "、".join(out)
