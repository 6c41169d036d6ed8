"""Bytes → str for Chinese plain text (and HTML without a usable charset declaration).

Why so careful: every span the product outputs is an offset into the decoded text, and a silently wrong decode (GBK
read as something else) yields mojibake that still "works" downstream — the extractor would just find nothing, and
nobody would know why. So the rule is: detect, never guess. Strict UTF-8 first (it almost never validates by accident);
then strict GB18030, accepted only when the result reads like Chinese; charset-normalizer only breaks ties between
those two; anything else is an InputError telling the user to re-save as UTF-8.
"""
from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError
from .charclass import is_everyday_symbol_or_letter

# GB18030 family names as charset-normalizer / HTML declarations spell them. GB18030 is a superset of all of them,
# so we always decode with it: a "gb2312" page containing a GBK-only character must still load.
GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "cp936", "ms936", "x-gbk", "gb_2312", "gb_2312-80", "euc-cn",
                       "csgb2312", "chinese", "936", "windows-936", "x-euc-cn"})

ACCEPT = 0.9  # share of non-ASCII chars that must be "ordinary Chinese" for a GB18030 decode to be accepted outright
TIE = 0.6  # between TIE and ACCEPT charset-normalizer decides; below TIE the decode is rejected
MIN_TIE_BYTES = 16  # fewer non-ASCII bytes than this: too little evidence to break a UTF-8/GBK tie at all

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a\x1b")


def decode_text_bytes(raw: bytes, name: str) -> tuple[str, str]:
    """Decode `raw` (a whole text file) to str without a leading BOM; returns (text, encoding name).

    Encodings: UTF-8, UTF-8 with BOM ("utf-8-sig"), UTF-16/32 with BOM, GB18030 (which covers GBK and GB2312).
    Raises InputError for binary content, undecodable bytes and undecidable ambiguity.
    """
    text, enc = _decode(raw, name)
    check_not_binary_text(text, name)
    return text, enc


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    boms = (
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),  # before UTF-16 LE: FF FE 00 00 also starts with FF FE
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    )
    for bom, codec, label in boms:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec), label
            except UnicodeDecodeError:
                raise _undecodable(name, f"文件以 {label.upper()} 字节序标记开头，但内容不是有效的 {label.upper()}")
    if b"\x00" in raw:
        raise not_text_error(name, "含有 NUL 字节，是二进制文件")

    try:
        utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    gb = _try_gb18030(raw)

    if utf8 is not None:
        if utf8.isascii():
            return utf8, "utf-8"
        if gb is None or gb_plausibility(gb) < ACCEPT:
            if _looks_misdecoded(utf8):
                # valid UTF-8 by structure, but landing in unassigned code points (GBK 颥ぐ = U+AC930): not a text
                raise _undecodable(name, "按 UTF-8 解码得到大量未分配的字符，也不像 GB18030/GBK 编码的中文")
            return utf8, "utf-8"
        # Both decodes are valid and the GB18030 reading looks like Chinese: only short inputs get here (the GBK bytes
        # of 之 are the UTF-8 bytes of U+05AE, a Hebrew accent). A UTF-8 reading in scripts no plan uses is GBK.
        if not all(ch.isascii() or is_everyday_symbol_or_letter(ch) for ch in utf8):
            return gb, "gb18030"
        # Both readings look plausible (露 = C2 B6 = ¶; é = C3 A9 = 茅): decide on real evidence only, else refuse.
        non_ascii = sum(1 for b in raw if b >= 0x80)
        verdict = _charset_normalizer_guess(raw) if non_ascii >= MIN_TIE_BYTES else None
        if verdict == "utf-8":
            return utf8, "utf-8"
        if verdict == "gb18030":
            return gb, "gb18030"
        raise InputError(f"无法确定文件编码：{name} 既可按 UTF-8 也可按 GBK 解读，内容太短无法区分，请另存为 UTF-8 后重试")

    if gb is not None:
        score = gb_plausibility(gb)
        if score >= ACCEPT or (score >= TIE and _charset_normalizer_guess(raw) == "gb18030"):
            return gb, "gb18030"
    raise _undecodable(name, "既不是 UTF-8，也不像 GB18030/GBK 编码的中文")


def _looks_misdecoded(text: str) -> bool:
    """A structurally valid UTF-8 reading that no real document has: more than 1% of its non-ASCII characters
    unassigned (Cn), or most of them outside the Basic Multilingual Plane (4-byte sequences formed by chance)."""
    non_ascii = [ch for ch in text if not ch.isascii()]
    if not non_ascii:
        return False
    unassigned = sum(1 for ch in non_ascii if unicodedata.category(ch) == "Cn")
    astral = sum(1 for ch in non_ascii if ord(ch) >= 0x10000)
    return unassigned > 0.01 * len(non_ascii) or astral > 0.5 * len(non_ascii)


def _try_gb18030(raw: bytes) -> str | None:
    """Strict GB18030 decode without its BOM (84 31 95 33 decodes to a leading U+FEFF), or None."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text[1:] if text.startswith("\ufeff") else text


def gb_plausibility(text: str, sample: int = 5000) -> float:
    """Share of the non-ASCII characters of `text` that ordinary Chinese prose is made of.

    "Ordinary" = a GB2312 hanzi (lead byte B0–F7) or GB2312 punctuation/symbol rows 1–3 (、。“”《》①Ⅰ，：…). A
    genuine GBK document scores ~1.0; Big5 or random bytes read as GB18030 land in GBK-only hanzi, kana, Cyrillic,
    box-drawing and private-use code points and score far lower. Text with no non-ASCII characters scores 1.0.
    Only the first `sample` non-ASCII characters are scored: the statistic settles long before that, and the check runs
    on every UTF-8 file too (to rule out GBK bytes that happen to be valid UTF-8).
    """
    considered = good = 0
    for ch in text:
        if ch.isascii() or ch.isspace():
            continue
        considered += 1
        if considered > sample:
            considered -= 1
            break
        try:
            b = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if b[0] in (0xA1, 0xA2, 0xA3) or 0xB0 <= b[0] <= 0xF7:
            good += 1
    return good / considered if considered else 1.0


def _charset_normalizer_guess(raw: bytes) -> str | None:
    """"utf-8", "gb18030" (any GB-family answer) or None: charset-normalizer as a tie-breaker only."""
    from charset_normalizer import from_bytes  # imported lazily: rarely needed, not free to import

    best = from_bytes(raw).best()
    if best is None:
        return None
    enc = best.encoding.lower().replace("_", "-")
    if enc in ("utf-8", "utf-8-sig", "ascii"):
        return "utf-8"
    if enc in GB_FAMILY or enc.replace("-", "_") in GB_FAMILY:
        return "gb18030"
    return None


def check_not_binary_text(text: str, name: str) -> None:
    """Refuse decoded text that is mostly control characters: valid-looking bytes that are not a document."""
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    if bad > max(2, len(text) // 1000):
        raise not_text_error(name, f"含有 {bad} 个控制字符，不像文本")


def not_text_error(name: str, why: str) -> InputError:
    """The one message for "this is not a text file", shared by the loaders and the sniffer."""
    return InputError(f"{name} 不是文本文件（{why}），请选择方案的 .txt、.docx、.pdf 或 .html 文件")


def _undecodable(name: str, why: str) -> InputError:
    return InputError(f"无法识别文件编码：{name} {why}，请另存为 UTF-8 后重试")
