""".docx → canonical text: one paragraph per line, tables row by row, in document order.

Why our own walk over the XML instead of `Document.paragraphs`: plans keep their tasks in tables (序号 | 任务 |
责任单位 | 完成时限), so table rows must appear where they stand in the document, not after it; and
`Paragraph.text` skips tracked insertions, content controls and text boxes, where letterheads and titles often live.
python-docx still opens and validates the package.

Output conventions (shared with the HTML loader so the extractor sees one shape):
- each non-empty paragraph → one line, stripped of surrounding whitespace (incl. the full-width indent `　　`);
  manual line breaks inside a paragraph also break the line;
- each table row → one line, cells separated by a TAB, paragraphs inside a cell joined by a space; a vertically merged
  cell's text appears once (in its first row), later rows get an empty cell; empty rows are skipped;
- headers, footers, footnotes and comments are not part of the plan text and are skipped.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterator

from lxml import etree

from ..errors import InputError
from .plaintext import empty_error
from .registry import Decoded, register
from .sniff import kind_name, sniff

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# Subtrees whose text is not part of the visible paragraph (deleted revisions; property blocks; the Fallback copy of
# a text box that mc:Choice already holds).
_SKIP = frozenset({W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "sectPr", MC_FALLBACK})
_TRANSPARENT = frozenset({W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"})


@register("docx", (".docx",), "Word 文档（.docx）")
def load_docx(raw: bytes, name: str) -> Decoded:
    """Read a .docx; InputError for old .doc files, non-docx content and damaged packages."""
    if not raw:
        raise empty_error(name)
    kind = sniff(raw)
    if kind == "doc":
        raise InputError(f"{name} 是旧版 Word（.doc）格式，请用 Word 或 WPS 另存为 .docx 后重试")
    if kind != "docx":
        what = kind_name(kind) if kind else "无法识别的内容"
        raise InputError(f"{name} 不是有效的 .docx 文件（{what}），请用 Word 或 WPS 重新另存为 .docx 后重试")
    body = _open_body(raw, name)
    lines = [ln for ln in _block_lines(body)]
    if not lines:
        raise empty_error(name)
    return Decoded("\n".join(lines) + "\n", "docx")


def _open_body(raw: bytes, name: str) -> etree._Element:
    import docx  # python-docx; imported lazily to keep `import extract` cheap
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise InputError(f"无法读取 Word 文件 {name}（文件已损坏：{type(e).__name__}），请用 Word 或 WPS 重新另存为 .docx 后重试")
    return document.element.body


def _block_lines(container: etree._Element) -> Iterator[str]:
    """Lines of a block container (body, table cell, content control) in document order."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            text, boxes = _paragraph_text(child)
            yield from _split_lines(text)
            for box in boxes:  # text boxes anchored in this paragraph follow it
                yield from _block_lines(box)
        elif tag == W + "tbl":
            yield from _table_lines(child)
        elif tag in _TRANSPARENT:
            yield from _block_lines(child)


def _paragraph_text(p: etree._Element) -> tuple[str, list[etree._Element]]:
    """Visible text of one w:p (runs, hyperlinks, insertions, fields' results) and the text boxes it anchors."""
    parts: list[str] = []
    boxes: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts), boxes


def _split_lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            yield line


def _table_lines(tbl: etree._Element) -> Iterator[str]:
    """One line per row: cells joined by TAB; vertically merged continuation cells contribute an empty cell."""
    for tr in _rows(tbl):
        cells: list[str] = []
        for tc in _cells(tr):
            if _is_vmerge_continuation(tc):
                cells.append("")
                continue
            cells.append(" ".join(_block_lines(tc)))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield "\t".join(c.replace("\t", " ") for c in cells)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for child in tbl:
        if child.tag == W + "tr":
            yield child
        elif child.tag in _TRANSPARENT:  # rows wrapped in a content control
            yield from _rows(child)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for child in tr:
        if child.tag == W + "tc":
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _cells(child)


def _is_vmerge_continuation(tc: etree._Element) -> bool:
    vmerge = tc.find(f"{W}tcPr/{W}vMerge")
    return vmerge is not None and vmerge.get(W + "val", "continue") == "continue"
