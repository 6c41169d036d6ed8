"""Abbreviations officials write for words the plans spell out: `人行` for 人民银行, `GDP` for 生产总值, `碳交易` for
碳排放权交易, `新能源车` for 新能源汽车.

Why here and not in the unit alias table: these are not department names only (GDP, 碳交易 name topics), and a
question is read against one document, so a short form is expanded only when that document writes the long form and
never the short one. A plan that itself says `碳交易` keeps the word as the question wrote it.
"""
from __future__ import annotations

from .text import norm

__all__ = ["ABBREVIATIONS", "expand"]

#: short form → the written-out form. General usage of Chinese government texts, never the wording of one plan.
ABBREVIATIONS: dict[str, str] = {
    "人行": "人民银行",
    "GDP": "生产总值",
    "碳交易": "碳排放权交易",
    "新能源车": "新能源汽车",
    "电动车": "电动汽车",
    "国考": "国家考核",  # 国考断面 = 国家考核断面 (water-quality sections assessed by the state)
}


def expand(question: str, doc_text: str) -> str:
    """`question` with each short form replaced by its long form where `doc_text` (normalised) has only the long one."""
    for short, long in ABBREVIATIONS.items():
        if short in question and norm(long) in doc_text and norm(short) not in doc_text:
            question = question.replace(short, long)
    return question
