"""Pieces several handlers share: unknown-unit answers, running one query per resolved unit name, scope wording."""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..intents import Ctx
from ..queries import Query, run
from ..render import Result, doc_name, join_names, none_result

__all__ = ["unknown_unit", "per_unit", "scope_words", "missing_section", "has_unit", "query_text"]


def has_unit(s) -> bool:
    return bool(s.units or s.unknown_units)


def unknown_unit(ctx: Ctx) -> Optional[Result]:
    """A none answer when the question names units and none of them is in the document (naming the closest)."""
    s = ctx.slots
    if s.units or not s.unknown_units:
        return None
    m = s.unknown_units[0]
    close = ctx.cat.registry.closest(m.text)
    return none_result(f"{doc_name(ctx.cat)}的责任单位中没有“{m.text}”，方案未给该单位分配任务或指标。"
                       f"最接近的单位有：{join_names(close)}。", unknown_unit=m.text, closest=close)


def per_unit(ctx: Ctx, make: Callable[[str], Query], key: str) -> tuple[list[dict[str, Any]], list[Query]]:
    """Run `make(name)` for every unit name the mention resolved to; rows merged by `key` in document order."""
    rows: dict[str, dict[str, Any]] = {}
    queries = []
    for name in ctx.slots.unit_names:
        q = make(name)
        queries.append(q)
        for r in run(ctx.store, q):
            rows.setdefault(r[key], r)
    return sorted(rows.values(), key=lambda r: r["ord"]), queries


def query_text(queries: list[Query]) -> Optional[str]:
    return "\n\n".join(q.text for q in queries) if queries else None


def scope_words(ctx: Ctx) -> str:
    s = ctx.slots
    if s.units:
        return join_names(s.unit_names)
    ref = s.section_ref()
    if ref and ref.id:
        return ctx.cat.section_name(ref.id)
    return "全方案"


def missing_section(ctx: Ctx) -> Optional[Result]:
    ref = ctx.slots.section_ref()
    if ref is None or ref.kind != "missing":
        return None
    tops = ctx.cat.children(None)
    if not tops:
        return none_result(f"{doc_name(ctx.cat)}没有“{ref.text}”：该文档没有分部分编号。")
    names = "、".join(f"{ctx.cat.label(t)}{ctx.cat.section(t).title}" for t in tops)
    return none_result(f"{doc_name(ctx.cat)}没有“{ref.text}”。全文共{len(tops)}个部分：{names}。")
