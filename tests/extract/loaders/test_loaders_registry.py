"""The loader registry, the package's public API, content sniffing and the 方正 glyph repair."""
from __future__ import annotations

import io
import zipfile
from dataclasses import fields

import pytest

import extract
import extract.loaders as loaders
from extract.errors import InputError
from extract.loaders import LoadedText, load_bytes, registered, supported_suffixes
from extract.loaders.glyphs import repair, unknown_private_use, uses_row3_aliases
from extract.loaders.registry import get_loader, loader_for_suffix, register
from extract.loaders.sniff import sniff


def test_registry_snapshot():
    """Changing which formats exist or which suffix goes where is a decision: update this snapshot with it."""
    assert {name: loader.suffixes for name, loader in registered().items()} == {
        "txt": (".txt",),
        "docx": (".docx",),
        "pdf": (".pdf",),
        "html": (".html", ".htm", ".shtml", ".xhtml"),
    }
    assert supported_suffixes() == (".docx", ".htm", ".html", ".pdf", ".shtml", ".txt", ".xhtml")
    assert all(loader.description for loader in registered().values())


def test_suffix_lookup_is_case_insensitive():
    assert loader_for_suffix(".PDF") is get_loader("pdf")
    assert loader_for_suffix(".Htm") is get_loader("html")
    assert loader_for_suffix(".doc") is None


def test_double_registration_is_refused():
    with pytest.raises(ValueError):
        register("txt", (".text",), "重复")(lambda raw, name: None)
    with pytest.raises(ValueError):
        register("other", (".pdf",), "抢占后缀")(lambda raw, name: None)
    with pytest.raises(ValueError):
        register("upper", (".TXT2",), "大写后缀")(lambda raw, name: None)
    assert "other" not in registered() and "upper" not in registered()


def test_public_api_is_complete_and_exists():
    for name in loaders.__all__:
        assert hasattr(loaders, name), name
    assert {"LoadedText", "load_text", "load_bytes"} <= set(loaders.__all__)
    assert extract.load_text is loaders.load_text and extract.LoadedText is loaders.LoadedText


def test_loaded_text_shape():
    assert [f.name for f in fields(LoadedText)] == ["text", "source", "sha256", "encoding", "format", "warnings"]
    assert LoadedText("a", "s", "h", "utf-8", "txt").warnings == []


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in names:
            zf.writestr(n, "x")
    return buf.getvalue()


@pytest.mark.parametrize("raw,kind", [
    (b"%PDF-1.7\n...", "pdf"),
    (b"\xef\xbb\xbf%PDF-1.4", "pdf"),
    (_zip("word/document.xml", "[Content_Types].xml"), "docx"),
    (_zip("OFD.xml", "Doc_0/Document.xml"), "ofd"),
    (_zip("xl/workbook.xml"), "xlsx"),
    (_zip("a.txt"), "zip"),
    (b"<!DOCTYPE html><html>", "html"),
    (b"\xef\xbb\xbf  <HTML lang='zh'>", "html"),
    (b"<!-- saved page -->\n<html>", "html"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff\xe1", "jpeg"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    ("一、总体要求".encode("utf-8"), None),
    (b"BM is a plain word", None),
    (b"<p>fragment</p>", None),
])
def test_sniff(raw: bytes, kind):
    assert sniff(raw) == kind


@pytest.mark.parametrize("raw,must", [
    (_zip("OFD.xml"), "OFD"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "旧版 Word"),
    (_zip("a.txt"), "ZIP"),
])
def test_unknown_suffix_with_unsupported_content(raw: bytes, must: str, one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "附件.bin")
    one_line_chinese(ei.value, "不支持的文件格式", must)


def test_unknown_suffix_text_is_loaded_as_text():
    loaded = load_bytes("一、总体要求\r\n".encode("gb18030"), "plan.TXT.bak")
    assert loaded.format == "txt" and loaded.text == "一、总体要求\n"


def test_fangzheng_repair():
    leaked = "各市、自治州人民政府ꎬ省政府各委ꎻ认真抓好贯彻落实ꎮ«方案»８\U001001b0６\U001001ba"
    assert uses_row3_aliases(leaked)
    assert repair(leaked, True) == "各市、自治州人民政府，省政府各委；认真抓好贯彻落实。《方案》８．６…"
    assert unknown_private_use(repair(leaked, True)) == []
    assert unknown_private_use("a\ue000b\ue000") == ["\ue000"]


def test_real_yi_text_is_left_alone():
    yi = "ꆈꌠꁱꂷ ꎬꎮ"  # Yi syllables from across the block, including A3AC/A3AE
    assert not uses_row3_aliases(yi)
    assert repair(yi, uses_row3_aliases(yi)) == yi
