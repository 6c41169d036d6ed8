"""Plain-text loading: the contract's canonical text, every supported encoding, and refusal of what is not text."""
from __future__ import annotations

import codecs
import hashlib
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.errors import InputError
from extract.loaders import load_bytes, load_text

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
CORPUS_TXT = sorted(CORPUS.glob("*.txt"))


def test_corpus_present():
    assert len(CORPUS_TXT) >= 10


@pytest.mark.parametrize("path", CORPUS_TXT, ids=lambda p: p.name)
def test_corpus_round_trip(path: Path):
    raw = path.read_bytes()
    loaded = load_text(path)
    expected = raw.decode("utf-8-sig").replace("\r\n", "\n")
    assert loaded.text == expected
    assert loaded.format == "txt"
    assert loaded.encoding in ("utf-8", "utf-8-sig")
    assert loaded.source == str(path)
    assert loaded.warnings == []
    assert loaded.sha256 == hashlib.sha256(raw).hexdigest()


def _variants(text: str) -> dict[str, bytes]:
    """The same document as the encodings users actually send, plus CRLF line ends."""
    out = {
        "utf-8": text.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "gb18030": text.encode("gb18030"),
        "utf-16-bom": text.encode("utf-16"),
        "utf-8-crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "gb18030-crlf": text.replace("\n", "\r\n").encode("gb18030"),
        "utf-8-bom-crlf": codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"),
    }
    try:
        out["gbk"] = text.encode("gbk")
        out["gbk-crlf"] = text.replace("\n", "\r\n").encode("gbk")
    except UnicodeEncodeError:
        pass  # a few corpus texts hold characters outside GBK (GB18030 covers them)
    return out


@pytest.mark.parametrize("path", CORPUS_TXT, ids=lambda p: p.name)
def test_every_encoding_gives_identical_canonical_text(path: Path, tmp_path: Path):
    text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    expected_enc = {"utf-8": "utf-8", "utf-8-bom": "utf-8-sig", "gb18030": "gb18030", "gbk": "gb18030",
                    "utf-16-bom": "utf-16"}
    for label, raw in _variants(text).items():
        f = tmp_path / f"{label}.txt"
        f.write_bytes(raw)
        loaded = load_text(f)
        assert loaded.text == text, label
        assert loaded.encoding == expected_enc[label.removesuffix("-crlf")], label


def test_most_corpus_texts_are_gbk_encodable():
    """Guard against the GBK variant being silently skipped everywhere."""
    ok = 0
    for p in CORPUS_TXT:
        try:
            p.read_text("utf-8-sig").encode("gbk")
            ok += 1
        except UnicodeEncodeError:
            pass
    assert ok >= len(CORPUS_TXT) // 2


def test_only_crlf_pairs_and_the_leading_bom_change():
    raw = codecs.BOM_UTF8 + "\ufeff第一行\r\n第二行\r单独CR\n\n  行尾空格  \r\n\t缩进".encode("utf-8")
    loaded = load_bytes(raw, "x.txt")
    # one leading BOM removed; a second U+FEFF is content; a lone CR is content; whitespace untouched
    assert loaded.text == "\ufeff第一行\n第二行\r单独CR\n\n  行尾空格  \n\t缩进"


def test_gb18030_four_byte_characters_and_bom():
    text = "嘉定区碳达峰实施方案：𠀀（扩展B）€ 与 ·"  # 𠀀 and € need GB18030's four-byte sequences
    raw = b"\x84\x31\x95\x33" + text.encode("gb18030")  # GB18030 BOM
    loaded = load_bytes(raw, "x.txt")
    assert loaded.text == text and loaded.encoding == "gb18030"


def _gbk_alphabet() -> list[str]:
    """Characters a plan might contain: every non-space character of the corpus that GBK can encode."""
    chars = set()
    for p in CORPUS_TXT:
        for ch in p.read_text("utf-8-sig"):
            if ch.isspace():
                continue
            try:
                ch.encode("gbk")
            except UnicodeEncodeError:
                continue
            chars.add(ch)
    return sorted(chars)


GBK_ALPHABET = _gbk_alphabet()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(GBK_ALPHABET + [" ", "\n"]), min_size=1, max_size=60))
def test_gbk_bytes_are_never_decoded_as_something_else(text: str):
    """Whatever GBK text (from the corpus's characters) we get, the result is that text or a clear refusal."""
    if not text.strip():
        return
    raw = text.encode("gbk")
    try:
        loaded = load_bytes(raw, "x.txt")
    except InputError as e:
        assert "\n" not in str(e)
        return
    assert loaded.text == text


def test_short_gbk_that_is_also_valid_utf8_is_refused_not_misread():
    raw = "露".encode("gbk")  # C2 B6 — also the UTF-8 bytes of "¶"
    assert raw.decode("utf-8") == "¶"
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "x.txt")
    assert "编码" in str(ei.value)


def test_gbk_that_is_valid_utf8_but_long_enough_is_decided_right():
    text = "露营，露营！" * 3
    raw = text.encode("gbk")
    loaded = load_bytes(raw, "x.txt")
    assert loaded.text == text and loaded.encoding == "gb18030"


@pytest.mark.parametrize("text", ["Qualité de l'été — café", "Qualité de l'été, café crème, à côté, élève"])
def test_utf8_latin_text_is_not_read_as_gbk(text: str):
    loaded = load_bytes(text.encode("utf-8"), "x.txt")
    assert loaded.text == text and loaded.encoding == "utf-8"


def test_tiny_file_readable_both_ways_is_refused(one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes("été".encode("utf-8"), "x.txt")  # also the GBK bytes of 茅t茅
    one_line_chinese(ei.value, "无法确定文件编码", "请另存为 UTF-8 后重试")


def test_big5_is_refused_with_the_resave_hint(one_line_chinese):
    raw = "中華人民共和國國務院關於印發碳達峰行動方案的通知。各省、自治區、直轄市人民政府。".encode("big5")
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "plan.txt")
    one_line_chinese(ei.value, "无法识别文件编码", "请另存为 UTF-8 后重试")


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t ", "\u3000\u3000\n".encode("utf-8"), codecs.BOM_UTF8,
                                     codecs.BOM_UTF8 + b"\r\n", "　 ".encode("gb18030")])
def test_empty_and_whitespace_only(content: bytes, tmp_path: Path, one_line_chinese):
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as ei:
        load_text(f)
    one_line_chinese(ei.value, "文件为空")


def _zip_bytes(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n in names:
            zf.writestr(n, "<x/>")
    return buf.getvalue()


BINARIES = {
    "random": random.Random(1).randbytes(4096),
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(40),
    "zip": _zip_bytes(["a.txt", "b.txt"]),
    "docx-renamed": _zip_bytes(["[Content_Types].xml", "word/document.xml"]),
    "pdf-renamed": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    "ole-doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
    "nul-in-text": "正文".encode("utf-8") + b"\x00" + "正文".encode("utf-8"),
    "controls": bytes(range(1, 9)) * 20,
}


@pytest.mark.parametrize("label", sorted(BINARIES))
def test_binary_is_refused_as_not_text(label: str, tmp_path: Path, one_line_chinese):
    f = tmp_path / "plan.txt"
    f.write_bytes(BINARIES[label])
    with pytest.raises(InputError) as ei:
        load_text(f)
    one_line_chinese(ei.value, "不是文本文件")


def test_renamed_pdf_message_says_what_it_is(tmp_path: Path):
    f = tmp_path / "plan.txt"
    f.write_bytes(BINARIES["pdf-renamed"])
    with pytest.raises(InputError, match="PDF"):
        load_text(f)


def test_missing_file_and_directory(tmp_path: Path, one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_text(tmp_path / "nope.txt")
    one_line_chinese(ei.value, "找不到文件")
    with pytest.raises(InputError) as ei:
        load_text(tmp_path)
    one_line_chinese(ei.value, "文件夹")


def test_undecodable_bytes(one_line_chinese):
    raw = "碳达峰".encode("utf-8")[:-1] + "实施方案".encode("utf-8")  # a cut UTF-8 sequence in the middle
    with pytest.raises(InputError) as ei:
        load_bytes(raw, "plan.txt")
    one_line_chinese(ei.value, "无法识别文件编码", "UTF-8")


def test_utf16_without_valid_content_after_bom(one_line_chinese):
    with pytest.raises(InputError) as ei:
        load_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "plan.txt")  # a lone surrogate
    one_line_chinese(ei.value, "UTF-16")
