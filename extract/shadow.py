"""A same-length normalised copy of the canonical text that every rule matches against.

Why: documents mix full-width and ASCII punctuation (`(一)` vs `（一）`, `,` vs `，`), full-width digits (`２０２１`) and
the odd small-form comma (`﹐`). Rules written once against the shadow work on all of them, and because the shadow has
exactly one character per canonical character, a match's offsets are valid spans of the canonical text.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_EXPLICIT = {
    "（": "(", "）": ")", "，": ",", "﹐": ",", "、": "、", "：": ":", "；": ";", "﹔": ";", "［": "[", "］": "]",
    "〔": "[", "〕": "]", "【": "[", "】": "]", "．": ".", "\u3000": " ", "\u00a0": " ", "ꎬ": ",", "ꎮ": "。",
    "—": "-", "–": "-", "－": "-", "～": "~", "〜": "~", "％": "%", "“": "“", "”": "”",
}


@lru_cache(maxsize=4096)
def _map_char(ch: str) -> str:
    if ch in _EXPLICIT:
        return _EXPLICIT[ch]
    if "\uff01" <= ch <= "\uff5e":  # full-width ASCII block
        n = unicodedata.normalize("NFKC", ch)
        if len(n) == 1:
            return n
    return ch


def shadow(text: str) -> str:
    """Return a string of the same length as `text` with punctuation and digits folded to ASCII forms."""
    out = "".join(_map_char(c) for c in text)
    assert len(out) == len(text)
    return out
