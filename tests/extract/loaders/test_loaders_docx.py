""".docx loading: documents built here with python-docx (the real library, no fixtures on disk)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from extract.errors import InputError
from extract.loaders import load_bytes, load_text


def _save(document, path: Path) -> Path:
    document.save(str(path))
    return path


def _plan_document():
    d = docx.Document()
    d.add_heading("嘉定区碳达峰实施方案", level=1)
    d.add_paragraph("　　一、总体要求")  # full-width indent, as Chinese Word documents are typed
    d.add_paragraph("")  # empty paragraphs are skipped
    d.add_paragraph("   ")
    p = d.add_paragraph("（一）大力发展非化石能源。")
    p.add_run("到2025年，全区累计完成6个加氢站投入运营。").bold = True
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("序号", "重点任务", "责任单位"),
                             ("1", "推进光伏建设", "区发展改革委、区经委"),
                             ("2", "建设充电桩", "区建管委")]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("二、保障措施")
    return d


def test_paragraphs_and_table_rows_in_document_order(tmp_path: Path):
    loaded = load_text(_save(_plan_document(), tmp_path / "plan.docx"))
    assert loaded.format == "docx" and loaded.encoding == "docx"
    assert loaded.text.splitlines() == [
        "嘉定区碳达峰实施方案",
        "一、总体要求",
        "（一）大力发展非化石能源。到2025年，全区累计完成6个加氢站投入运营。",
        "序号\t重点任务\t责任单位",
        "1\t推进光伏建设\t区发展改革委、区经委",
        "2\t建设充电桩\t区建管委",
        "二、保障措施",
    ]
    assert loaded.text.endswith("\n")


def test_merged_cells_appear_once(tmp_path: Path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text = "任务"
    t.cell(0, 1).merge(t.cell(0, 2)).text = "牵头与配合单位"  # horizontal span
    t.cell(1, 0).text = "光伏"
    t.cell(2, 0).text = "储能"
    merged = t.cell(1, 1).merge(t.cell(2, 1))  # vertical span
    merged.text = "区发展改革委"
    t.cell(1, 2).text = "2025年底前"
    t.cell(2, 2).text = "2030年前"
    loaded = load_text(_save(d, tmp_path / "t.docx"))
    assert loaded.text.splitlines() == [
        "任务\t牵头与配合单位",
        "光伏\t区发展改革委\t2025年底前",
        "储能\t\t2030年前",
    ]


def test_cell_with_several_paragraphs_and_line_breaks(tmp_path: Path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    cell = t.cell(0, 0)
    cell.text = "推进节能改造"
    cell.add_paragraph("强化监督考核")
    t.cell(0, 1).text = "区经委"
    p = d.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行")
    loaded = load_text(_save(d, tmp_path / "c.docx"))
    assert loaded.text.splitlines() == ["推进节能改造 强化监督考核\t区经委", "第一行", "第二行"]


def test_hyperlink_text_and_tracked_changes(tmp_path: Path):
    d = docx.Document()
    p = d.add_paragraph("见")
    # <w:hyperlink><w:r><w:t>附件1</w:t></w:r></w:hyperlink>, <w:ins> kept, <w:del> dropped
    for wrapper, text in (("w:hyperlink", "附件1"), ("w:ins", "（新增）"), ("w:del", "删除的字")):
        el = p._p.makeelement(qn(wrapper), {})
        r = p._p.makeelement(qn("w:r"), {})
        t = r.makeelement(qn("w:delText" if wrapper == "w:del" else "w:t"), {})
        t.text = text
        r.append(t)
        el.append(r)
        p._p.append(el)
    loaded = load_text(_save(d, tmp_path / "h.docx"))
    assert loaded.text == "见附件1（新增）\n"


def test_empty_document(tmp_path: Path, one_line_chinese):
    d = docx.Document()
    d.add_paragraph("  ")
    with pytest.raises(InputError) as ei:
        load_text(_save(d, tmp_path / "e.docx"))
    one_line_chinese(ei.value, "文件为空")


def test_old_doc_format_is_refused_with_resave_hint(one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "plan.docx")
    one_line_chinese(ei.value, ".doc", "另存为 .docx")


@pytest.mark.parametrize("raw", [b"just text", b"PK\x03\x04broken zip"])
def test_not_a_docx(raw: bytes, one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "plan.docx")
    one_line_chinese(ei.value, ".docx")


def test_damaged_docx(tmp_path: Path, one_line_chinese):
    good = _save(_plan_document(), tmp_path / "g.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # truncated XML
            dst.writestr(item, data)
    with pytest.raises(InputError) as ei:
        load_bytes(buf.getvalue(), "plan.docx")
    one_line_chinese(ei.value, "Word")


def test_docx_without_suffix_is_sniffed(tmp_path: Path):
    raw = _save(_plan_document(), tmp_path / "p.docx").read_bytes()
    loaded = load_bytes(raw, "下载的附件")
    assert loaded.format == "docx"
    assert loaded.text.startswith("嘉定区碳达峰实施方案\n")
