"""Numbers as officials write them: Arabic (`29.4`, `85,000`), Chinese (`一个`, `二星级`, `二十二`), with 万/亿 scales kept
in the unit as written (`29.4万千瓦` → 29.4, "万千瓦"), so that values read back exactly as the plan states them."""
from __future__ import annotations

import re
from typing import Optional

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUM_CHARS = "零〇一二两三四五六七八九十百千"
CN_NUMERAL_RE = re.compile(f"[{CN_NUM_CHARS}]+")


def cn_to_int(s: str) -> Optional[int]:
    """Convert a Chinese numeral below 万 (`二十二` → 22, `一百零五` → 105, `十` → 10); None if it is not one."""
    if not s or any(c not in CN_DIGITS and c not in CN_UNITS for c in s):
        return None
    total, digit = 0, None
    for c in s:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        else:
            mult = CN_UNITS[c]
            total += (1 if digit is None else digit) * mult
            digit = None
    if digit is not None:
        total += digit
    return total


def ordinal_value(s: str) -> Optional[int]:
    """Ordinal of a heading marker: Arabic (`12`) or Chinese (`十二`)."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    return cn_to_int(s)


def parse_value(s: str) -> Optional[float]:
    """`29.4` → 29.4, `85,000` → 85000, `一` → 1; None when `s` is no number."""
    s = s.strip().replace(",", "").replace(" ", "")
    try:
        return float(s)
    except ValueError:
        pass
    n = cn_to_int(s)
    return float(n) if n is not None else None


_YEAR_RE = re.compile(r"(\d)\s*(\d)\s*(\d)\s*(\d)")


def squeeze_digits(s: str) -> str:
    """Remove OCR spaces inside a digit run (`2 025` → `2025`); used on shadow slices only, never on quoted text."""
    return re.sub(r"(?<=\d) (?=\d)", "", s)
