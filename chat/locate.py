"""Find the target or task a question is about ("光伏装机", "嘉定新城森林覆盖率21%这个目标", "数据中心节能降碳"), or decide
that the plan has none.

Why a scorer of its own rather than the open-question retriever: a value or deadline question is answered from one
clause, so a wrong clause is a wrong number. A candidate must cover most of the question's weighted topic words
(chat.lexical), in its own quote or — at a discount — in the sentence that leads up to it; a number the question
repeats (`29.4万千瓦`, `21%`) and a clause the question names by title add evidence; a year restricts to targets due
that year. Below the threshold the answer is "not in the plan", never the best of bad candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from extract.record import Target, Task

from .catalog import Catalog
from .slots import Slots
from .text import cut, norm

__all__ = ["Hit", "locate_targets", "locate_tasks", "accepted", "ACCEPT", "num_eq", "DIMENSIONS"]

#: What a unit of measure says about the quantity (`多大面积` asks for 平方米): general measurement vocabulary.
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "面积": ("平方米", "平米", "平方公里", "平方千米", "公顷", "亩"),
    "长度": ("公里", "千米", "米"), "里程": ("公里", "千米"), "距离": ("公里", "千米", "米"),
    "装机": ("千瓦", "兆瓦", "吉瓦", "kW", "MW", "GW"), "容量": ("千瓦", "兆瓦", "吉瓦", "千伏安"),
    "比例": ("%",), "比重": ("%",), "占比": ("%",), "百分比": ("%",),
    "金额": ("元",), "产值": ("元",), "投资": ("元",), "资金": ("元",),
    "数量": ("个", "座", "家", "辆", "台", "套", "处", "所", "项"),
}
#: Ranking penalty per topic word a candidate lacks entirely (prefer the clause that mentions every word, partly from
#: its context, over one that mentions most words and misses one).
MISSING_PENALTY = 0.08
#: Verbs of change and completion: a clause made only of these (`进一步提升到15%`) has no subject of its own.
PREDICATES = frozenset("提升 提高 下降 降低 增加 减少 增长 达到 达 实现 完成 新增 新建 建成 创建 推动 推进 保持 稳定 控制 突破 超过 "
                       "覆盖 执行 落实 建设 开展 累计 力争 确保 进一步 全面 基本 投用 投运 运营 建 改造".split())
#: Ranking weight of precision (how much of the clause's own topic the question asks about).
PRECISION_WEIGHT = 0.25
#: Minimum weighted coverage of the topic words for a clause to count as "the one asked about".
ACCEPT = 0.6


@dataclass(frozen=True)
class Hit:
    id: str
    score: float  # coverage plus evidence bonuses
    coverage: float
    missing: tuple[str, ...]
    order: int  # document order (tie-break: the general clause comes before its 其中 refinements)
    bonus: float = 0.0  # evidence beyond the words: a repeated number, a named clause


def num_eq(a: Optional[float], b: Optional[float]) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def _number_bonus(slots: Slots, value: Optional[float], unit: Optional[str]) -> float:
    for v, u in slots.numbers:
        if num_eq(v, value):
            return 0.35 if (u is None or unit is None or norm(u) == norm(unit)) else 0.2
    return 0.0


#: The asker's own jurisdiction as a scope word (`全市森林覆盖率`, `全省光伏新增装机`): officials add it freely, plans
#: write it in some clauses and not others, so it says little about which clause is meant.
JURISDICTION = re.compile(r"^(?:全|本)(?:市|区|省|县|镇)$")


def _predicate_boost(slots: Slots) -> dict[str, float]:
    """Topic words that are only verbs of completion (建成, 完成, 实现) or the jurisdiction (全市, 本区) say little
    about which clause is meant: they weigh a third (a follow-up's stressed words keep their boost)."""
    boost = {c: 0.3 for c in slots.topic if all(t in PREDICATES for t in cut(c)) or JURISDICTION.match(c)}
    boost.update(slots.boost)
    return boost


def _precision(cat: Catalog, g: Target, slots: Slots) -> float:
    """Share of the target's own topic words that the question asks about: `人均公园绿地面积` fits
    `人均公园绿地面积10.12平方米` better than `新增立体绿化面积不少于85000平方米`, which only shares its sentence."""
    own = [c for c in cat.quote_chunks(g) if not all(t in PREDICATES for t in cut(c))]
    if not own:
        return 1.0
    asked = norm("，".join(slots.topic))
    total = sum(cat.terms.weight(c) for c in own)
    return sum(cat.terms.weight(c) * cat.terms.credit(c, asked) for c in own) / total if total else 1.0


def _dimension_words(unit: Optional[str]) -> str:
    if not unit:
        return ""
    return "，".join(w for w, units in DIMENSIONS.items() if any(unit.endswith(u) for u in units))


def locate_targets(cat: Catalog, slots: Slots, candidates: Optional[Iterable[Target]] = None,
                   year: Optional[int] = None) -> list[Hit]:
    """Targets ranked by how well they match the question's topic (best first), restricted to `year` when some
    target of that year is acceptable."""
    pool = list(candidates if candidates is not None else cat.record.targets)
    order = {g.id: i for i, g in enumerate(cat.record.targets)}
    hits = [_score_target(cat, slots, g, order.get(g.id, 0)) for g in pool]
    if not any(accepted(h) for h in hits):
        # `…交易林业碳汇碳减排量累计达到150万吨以上，其中林业碳票30万吨以上`: a 其中 clause is a part of the quantity just
        # stated and takes that sentence's subject (交易…) as its own — but only when no clause answers the question
        # by its own words, so that a question on the whole (既有建筑节能改造累计…) keeps the whole, not its 其中 part
        lifted = {g.id for g in pool if _PART_OF_PREVIOUS.match(g.quote) and _precision(cat, g, slots) >= LIFT_PRECISION}
        hits = [_score_target(cat, slots, g, order.get(g.id, 0), lift=True) if g.id in lifted else h
                for g, h in zip(pool, hits)]
    hits.sort(key=lambda h: (-round(h.score, 2), h.order))  # near-ties go to document order (the general rule first)
    if year is not None:
        same_year = [h for h in hits if _year(cat.target(h.id)) == year and accepted(h)]
        if same_year:
            return same_year + [h for h in hits if h not in same_year]
    return hits


def _score_target(cat: Catalog, slots: Slots, g: Target, order: int, lift: bool = False) -> Hit:
    """How well one target matches the question's topic; `lift` reads the sentence before it as its own words."""
    task_ref = slots.task_ref()
    boost = _predicate_boost(slots)
    passage = f"{g.quote}，{g.indicator or ''}"
    if lift:
        passage += "，" + cat.target_context(g)
    # the unit of measure says what kind of quantity this is (面积 for 万平方米): evidence at context weight
    context = cat.target_context(g) + "，" + _dimension_words(g.unit)
    task = cat.task(g.task)
    if task is not None:
        context += "，" + task.title
    precision = _precision(cat, g, slots)
    # the sentence before a clause lends it its subject only when the clause has none of its own that the
    # question does not ask about (到2030年,进一步提升到15% — yes; 新增立体绿化面积… after 人均公园绿地面积… — no)
    cov = cat.terms.coverage(slots.topic, passage, context, context_weight=0.6 * precision, boost=boost)
    bonus = _number_bonus(slots, g.value, g.unit)
    if task_ref is not None and task_ref.id == g.task:
        bonus += 0.15
    score = cov.score + bonus - MISSING_PENALTY * len(cov.missing) + PRECISION_WEIGHT * precision
    if not slots.topic and not slots.numbers:
        score = 0.0
    return Hit(g.id, score, cov.score, cov.missing, order, bonus)


#: A 其中 clause borrows its sentence's subject only when the question asks for (most of) the part's own words
#: (`林业碳票` in 林业碳票交易量), not merely for a generic word it shares (`面积` of 其中平均节能率15%及以上的建筑面积).
LIFT_PRECISION = 0.6
#: A clause that states a part of the quantity before it (其中…, 含…).
_PART_OF_PREVIOUS = re.compile(r"^(?:其中|含)")


def _year(g: Optional[Target]) -> Optional[int]:
    return int(g.deadline[:4]) if g is not None and g.deadline else None


def accepted(h: Optional[Hit]) -> bool:
    """Whether a hit is good enough to answer from."""
    return h is not None and (h.coverage >= ACCEPT or (h.bonus >= 0.3 and h.coverage >= 0.4))


def locate_tasks(cat: Catalog, slots: Slots, candidates: Optional[Iterable[Task]] = None) -> list[Hit]:
    """Tasks ranked by how well their title, text and targets match the question's topic (best first). A task the
    question names by title or number comes first."""
    pool = list(candidates if candidates is not None else cat.record.tasks)
    ref = slots.task_ref()
    boost = _predicate_boost(slots)
    target_hits = {h.id: h for h in locate_targets(cat, slots)} if (slots.topic or slots.numbers) else {}
    hits = []
    for i, t in enumerate(pool):
        if ref is not None and ref.id == t.id and ref.strength >= 0.75:
            hits.append(Hit(t.id, 2.0 + ref.strength, 1.0, (), i))
            continue
        s, e = cat.task_body_span(t)
        body = cat.text[s:e]
        cov = cat.terms.coverage(slots.topic, body, boost=boost)
        title = cat.terms.coverage(slots.topic, t.title, boost=boost)
        best_target = max((target_hits[g.id].score for g in cat.targets_of(t.id) if g.id in target_hits), default=0.0)
        nb = norm(body)
        tf = sum(min(3, nb.count(c)) for c in slots.topic) / (3.0 * max(1, len(slots.topic)))
        score = max(cov.score, best_target) + 0.2 * title.score + 0.05 * tf
        coverage = max(cov.score, min(1.0, best_target))
        if not slots.topic and not slots.numbers:
            score = coverage = 0.0
        hits.append(Hit(t.id, score, coverage, cov.missing, i))
    hits.sort(key=lambda h: (-h.score, h.order))
    return hits
