"""Character classes the loaders share (which characters count as Chinese text for spacing and detection)."""
from __future__ import annotations


def is_cjk(ch: str) -> bool:
    """Han ideographs, CJK/full-width punctuation and forms, and the general punctuation Chinese text uses (“”—…)."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF  # radicals, CJK symbols & punctuation, kana, CJK ext A, unified ideographs
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms (，：１２)
        or 0x2010 <= cp <= 0x205E  # general punctuation: — … “ ” ‘ ’ ※
        or 0x20000 <= cp <= 0x3FFFF  # ideographs ext B+
    )


def is_everyday_symbol_or_letter(ch: str) -> bool:
    """Non-ASCII characters a UTF-8 plan plausibly contains besides CJK: accented Latin, Greek (α, μ), and the
    punctuation, currency, letter-like (℃ №), number-form (Ⅰ), enclosed (①), arrow, math and shape symbols.

    Deliberately excluded: IPA, combining marks, Cyrillic, Armenian, Hebrew, Arabic … (U+0250–U+07FF apart from
    Greek) — exactly where GBK bytes land when they happen to be valid UTF-8 (之 = D6 AE = U+05AE)."""
    cp = ord(ch)
    return is_cjk(ch) or 0x00A0 <= cp <= 0x024F or 0x0370 <= cp <= 0x03FF or 0x2000 <= cp <= 0x27BF
