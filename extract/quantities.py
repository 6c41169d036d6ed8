"""Quantities in a clause: number + scale + measure word, percentages, and bare numbers after a comparator (PUE 1.3).

Why a measure-word list rather than "any number": plans are full of numbers that are not amounts — years, line numbers
(`14号线`), voltage classes (`220kV`), `5G`, project phases (`(二期)`), programme names (`千座公园计划`), meter tiers
(`二、三级表具`). A quantity is a number followed by a unit of measure, which none of those is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .numerals import cn_to_int, parse_value

MEASURES = sorted("""
克标准煤/千瓦时 克标煤/千瓦时 个百分点 百分点 平方公里 平方千米 平方米 平米 立方米 标准立方米 千瓦时 千瓦 兆瓦 吉瓦 瓦 千伏安 吨标准煤 吨标煤 吨二氧化碳 吨 千克 公斤
公里 千米 米 公顷 亩 元 个 家 座 辆 艘 台 套 项 条 所 处 户 人 人次 名 次 种 星级 倍 小时 天 栋 幢 根 枚 棵 株 片 部 支 只 口
kW kWh MW GW TWh
""".split(), key=len, reverse=True)
_MEASURE_RX = "|".join(re.escape(m) for m in MEASURES)
_NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?|[一二两三四五六七八九十][一二两三四五六七八九十百千]*)"
QTY_RE = re.compile(
    r"(?<![\d.A-Za-z])(?<![第约])" + _NUM + r"[ \t]*(万亿|亿|万|千)?[ \t]*(%|‰|(?:" + _MEASURE_RX + r")(?:/(?:日|天|年|小时|时))?)")
PCT_WORD_RE = re.compile(r"百分之([一二两三四五六七八九十百点零〇]+)")
RANGE_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[ \t]*(%|" + _MEASURE_RX + r")?[ \t]*[-~至到][ \t]*(\d+(?:\.\d+)?)[ \t]*(万亿|亿|万|千)?[ \t]*(%|"
                      + _MEASURE_RX + r")")
#: `翻一番` doubles, `翻两番` quadruples: a multiple of the baseline written without a digit
DOUBLING_RE = re.compile(r"翻[ \t]*([一两二三四])?[ \t]*番")
#: `产业规模过万亿`, `突破千亿元`: a bare scale word after a passing verb means one of it (and a scope when `级`/`的`
#: follows: `千亿级产业集群`, `超千亿的产业集群`)
SCALE_ONLY_RE = re.compile(r"(?<=过|超|破)(万亿|千亿|百亿)(元)?(?![级的\d])")
#: a share written as a fraction: `不超过原规模 2/3`, `三分之二`, `超过三分之一`. Only proper fractions with a small
#: denominator: `44/12` (a conversion factor), `12/44`, `2021/12` are no shares
FRACTION_RE = re.compile(r"(?<![\d./×*])(\d)[ \t]*/[ \t]*(\d{1,2})(?![\d./])")
CN_FRACTION_RE = re.compile(r"(?<!百)(?<!千)(?<!万)([二三四五六七八九十])分之([一二三四五六七八九])")
COMPARATOR_NUM_RE = re.compile(
    r"(不高于|不低于|不超过|不大于|不小于|低于|高于|控制在|降至|降到|降低到|下降到|提高到|提升到|达到)[ \t]*(\d+(?:\.\d+)?)(?![\d.%年月日号])")


@dataclass
class Quantity:
    start: int
    end: int
    value: Optional[float]
    unit: Optional[str]  # as written, scale included: "万千瓦", "%", "亿元"
    chinese: bool = False
    value_max: Optional[float] = None  # upper bound of a range ("15%-25%")
    comparator: Optional[str] = None  # implied by the phrase itself (`翻一番`: at least twice the baseline)


def find_quantities(shadow: str, start: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    seg = shadow[start:end]
    for m in QTY_RE.finditer(seg):
        num, scale, measure = m.group(1), m.group(2) or "", m.group(3)
        s, e = start + m.start(), start + m.end()
        chinese = not num[0].isdigit()
        after = shadow[e:e + 3]
        if measure in ("个", "种", "项", "类", "批", "次", "条") and after[:1] in "层级方面是期":
            continue  # 三个层级, 两个方面 …
        if chinese and (shadow[s - 1:s] in set("统进单唯之其逐同万") or after[:1] in "性龙体样些致"):
            continue  # 统一个, 进一步, 一体化, 一次性 …: words, not amounts
        if measure == "米" and after[:1] in "线":
            continue
        if re.match(r"[号期线G]", after[:1]) or (measure == "个" and after[:1] == "月"):
            continue
        value = parse_value(num)
        if value is None:
            continue
        out.append(Quantity(s, e, value, (scale + measure) if measure not in ("%", "‰") else measure, chinese))
    for m in RANGE_RE.finditer(seg):  # "15%-25%", "8-10万千瓦": one amount, its lower bound is the commitment
        s, e = start + m.start(), start + m.end()
        out = [q for q in out if not (s <= q.start < e)]
        unit = (m.group(4) or "") + m.group(5)
        out.append(Quantity(s, e, float(m.group(1)), unit, False, value_max=float(m.group(3))))
    for m in PCT_WORD_RE.finditer(seg):
        v = parse_value(m.group(1).replace("点", "."))
        if v is not None:
            out.append(Quantity(start + m.start(), start + m.end(), v, "%", True))
    for rx, conv in ((FRACTION_RE, int), (CN_FRACTION_RE, lambda c: cn_to_int(c) or 0)):
        for m in rx.finditer(seg):
            den, num = conv(m.group(2)), conv(m.group(1))
            if rx is CN_FRACTION_RE:
                den, num = num, den  # 三分之二: the denominator comes first
            if 0 < num < den <= 10:
                out.append(Quantity(start + m.start(), start + m.end(), num / den, None))
    for m in DOUBLING_RE.finditer(seg):  # the gold convention: value 2, unit 倍, `>=` (increase_by 100 % is the same)
        times = {"两": 2, "二": 2, "三": 3, "四": 4}.get(m.group(1) or "一", 1)
        out.append(Quantity(start + m.start(), start + m.end(), float(2 ** times), "倍", comparator=">="))
    for m in SCALE_ONLY_RE.finditer(seg):
        s, e = start + m.start(), start + m.end()
        if not any(q.start <= s < q.end for q in out):
            out.append(Quantity(s, e, 1.0, m.group(0), comparator=">="))
    for m in COMPARATOR_NUM_RE.finditer(seg):
        s, e = start + m.start(2), start + m.end(2)
        if any(q.start <= s < q.end for q in out):
            continue
        out.append(Quantity(s, e, float(m.group(2)), None))
    out.sort(key=lambda q: q.start)
    return out
