"""PDFs made here: no text layer, encryption, damage, wrong content. pypdf writes them; Pillow makes an image PDF."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from extract.errors import InputError
from extract.loaders import load_bytes, load_text
from extract.loaders.pdf import NO_TEXT_LAYER, page_list

pypdf = pytest.importorskip("pypdf")

PDF_DIR = Path("/work/shared/corpus/pdf")


def _blank_pdf(pages: int = 2) -> bytes:
    w = pypdf.PdfWriter()
    for _ in range(pages):
        w.add_blank_page(595, 842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _image_pdf() -> bytes:
    """A 'scan': a page that is one picture, as a scanner or phone app saves it."""
    im = Image.new("RGB", (1240, 1754), "white")
    for x in range(100, 1100):  # a dark band, so it is not an empty image
        for y in range(200, 220):
            im.putpixel((x, y), (0, 0, 0))
    buf = io.BytesIO()
    im.save(buf, format="PDF", resolution=150)
    return buf.getvalue()


def _encrypt(raw: bytes, user: str, owner: str) -> bytes:
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(raw)))
    w.encrypt(user_password=user, owner_password=owner, algorithm="RC4-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _real(number: int) -> bytes:
    path = PDF_DIR / f"{number}.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path.read_bytes()


@pytest.mark.parametrize("maker", [_blank_pdf, _image_pdf], ids=["blank-pages", "image-only"])
def test_pdf_without_any_text_layer(maker, tmp_path: Path, one_line_chinese):
    f = tmp_path / "scan.pdf"
    f.write_bytes(maker())
    with pytest.raises(InputError) as ei:
        load_text(f)
    one_line_chinese(ei.value, NO_TEXT_LAYER)
    assert NO_TEXT_LAYER == "该 PDF 没有文字层（可能是扫描件），请先做 OCR 后再导入"


def test_password_protected_pdf(one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(_encrypt(_real(162), user="secret", owner="owner"), "locked.pdf")
    one_line_chinese(ei.value, "已加密", "密码")


def test_owner_password_only_pdf_loads_like_the_original():
    """Many official PDFs are 'encrypted' only against editing; they open without a password and must load."""
    original = load_bytes(_real(162), "162.pdf")
    protected = load_bytes(_encrypt(_real(162), user="", owner="owner"), "162-protected.pdf")
    assert protected.text == original.text
    assert original.text.startswith("毕节市林业碳票管理办法（试行）\n第一条 为充分发挥")


@pytest.mark.parametrize("fraction", [0.2, 0.6, 0.95])
def test_truncated_pdf(fraction: float, one_line_chinese):
    raw = _real(162)
    with pytest.raises(InputError) as ei:
        load_bytes(raw[: int(len(raw) * fraction)], "cut.pdf")
    one_line_chinese(ei.value, "无法读取 PDF", "重新导出")


@pytest.mark.parametrize("raw", [b"%PDF-1.4\nnot really", b"%PDF-1.7\n" + bytes(range(256)) * 8])
def test_garbage_after_pdf_header(raw: bytes, one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "bad.pdf")
    one_line_chinese(ei.value, "PDF")


@pytest.mark.parametrize("raw,what", [(b"plain words", "PDF"), (b"\x89PNG\r\n\x1a\n" + bytes(40), "PNG"), (b"", "文件为空")])
def test_not_a_pdf(raw: bytes, what: str, one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "plan.pdf")
    one_line_chinese(ei.value, what)


def test_pdf_without_suffix_is_sniffed():
    loaded = load_bytes(_real(162), "attachment")
    assert loaded.format == "pdf" and loaded.encoding == "pdf"
    assert "第一条" in loaded.text


def test_page_list_ranges():
    assert page_list([3, 4, 5, 6, 8]) == "3–6、8"
    assert page_list([1]) == "1"
    assert page_list([2, 4, 5]) == "2、4–5"


@pytest.mark.parametrize("degrees", [90, 270])
def test_rotated_pages_read_like_the_original(degrees: int):
    """Landscape attachments are stored as rotated pages; their glyphs are not upright in page space."""
    w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_real(162))))
    for page in w.pages:
        page.rotate(degrees)
    buf = io.BytesIO()
    w.write(buf)
    assert load_bytes(buf.getvalue(), "rotated.pdf").text == load_bytes(_real(162), "162.pdf").text
