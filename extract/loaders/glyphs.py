"""Repair the punctuation that 方正 (Founder) typesetting fonts put into PDF text layers, and radicals written for hanzi.

Why: PDFs set with 方正 fonts (108.pdf in the PDF test set, and many provincial documents) map full-width
punctuation through a broken ToUnicode table: the GB2312 code of the glyph is emitted as if it were a Unicode code
point. GB2312 row 3 (A3A1–A3FE, the full-width ASCII forms) therefore comes out as Yi syllables U+A3A1–U+A3FE
(`ꎬ` = GB A3AC = `，`), and some symbols come out as supplementary private-use code points (U+1001B0 for the
decimal point in `８􀆰６`, U+1001BA for the table-of-contents leader). Sentence splitting on `。` and number parsing
both fail until this is undone. Full-width digits are legitimate text and are left alone.
"""
from __future__ import annotations

import unicodedata

# Supplementary private-use code points seen in 方正 text layers, with what the page shows.
FANGZHENG_PUA: dict[str, str] = {
    "\U001001b0": "．",  # decimal point inside full-width numbers: ８􀆰６ → ８．６
    "\U001001ba": "…",  # leader dots in the table of contents
}

_YI_ALIAS_START, _YI_ALIAS_END = 0xA3A1, 0xA3FE  # GB2312 row 3 leaked as Yi syllables


def _row3_alias(cp: int) -> str:
    """What a leaked GB2312 row-3 code point stands for. A3AE is the typesetter's sentence stop (．), shown as 。."""
    if cp == 0xA3AE:
        return "。"
    return bytes([0xA3, cp - 0xA300]).decode("gb2312")


YI_ALIASES: dict[str, str] = {chr(cp): _row3_alias(cp) for cp in range(_YI_ALIAS_START, _YI_ALIAS_END + 1)}
# The same fonts map the book-title marks 《》 to the guillemets «»; in a document that shows the row-3 leak (and so
# is Chinese set with 方正 fonts) guillemets are always book-title marks.
YI_ALIASES.update({"«": "《", "»": "》"})


# Radical code points that PDF producers write for ordinary hanzi. A CJK font draws the Kangxi radical ⼯ (U+2F2F) and
# the ideograph 工 with one glyph; a producer that builds the ToUnicode map from the font's cmap (Chromium/Skia
# "print to PDF", some converters) may pick the radical, so `区发展改⾰委` would not match `区发展改革委`. No plan
# writes radicals as text. Kangxi radicals fold by NFKC; the CJK Radicals Supplement has no decomposition, so the
# standalone simplified forms are listed with their ideographs (Unicode's EquivalentUnifiedIdeograph.txt).
_SUPPLEMENT_RADICALS = {
    "\u2e9f": "母", "\u2ea0": "民", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec9": "贝", "\u2ecb": "车",
    "\u2ed3": "长", "\u2ed4": "门", "\u2ed8": "青", "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞",
    "\u2ee2": "马", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee7": "卤", "\u2ee8": "麦", "\u2ee9": "黄", "\u2eea": "黾",
    "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
}
RADICALS: dict[str, str] = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
RADICALS.update(_SUPPLEMENT_RADICALS)


def uses_row3_aliases(text: str) -> bool:
    """True when `text` shows the 方正 row-3 leak: it has code points in U+A3A1–U+A3FE and no other Yi syllables.

    The guard matters because U+A3xx are real Yi syllables; a genuine Yi-language text also uses the rest of the
    block (U+A000–U+A48F), and we must not rewrite it.
    """
    has_alias = False
    for ch in text:
        cp = ord(ch)
        if 0xA000 <= cp <= 0xA4CF:
            if _YI_ALIAS_START <= cp <= _YI_ALIAS_END:
                has_alias = True
            else:
                return False
    return has_alias


def repair(text: str, row3: bool) -> str:
    """Replace the known 方正 code points in `text` (`row3` says whether the Yi aliases apply, see uses_row3_aliases)
    and radicals written for hanzi (RADICALS)."""
    if row3:
        text = text.translate(_YI_TABLE)
    return text.translate(_TABLE)


_YI_TABLE = str.maketrans(YI_ALIASES)
_TABLE = str.maketrans({**FANGZHENG_PUA, **RADICALS})


def unknown_private_use(text: str) -> list[str]:
    """Private-use characters left in `text` after repair (distinct, in order of first appearance): glyphs whose
    meaning the PDF does not tell us. Reported as a warning, never guessed."""
    seen: dict[str, None] = {}
    for ch in text:
        if unicodedata.category(ch) == "Co" and ch not in seen:
            seen[ch] = None
    return list(seen)
