"""User input → stored things: a target or task id, a document id, a unit name. Every miss is an InputError that
names the closest matches, so the CLI can exit 2 with one helpful line.

Why here and not in the CLI: the app and chat accept the same ids and unit names, and must refuse the same way.
Units go through the alias registry of the document (extract.aliases: 发改委 → 区发展改革委, 嘉定区经委 → 区经委);
collective tokens (各街镇, 相关职能部门) are matched only as written and are never expanded into units.
"""
from __future__ import annotations

import difflib
import functools
from typing import Optional

from extract.aliases import AliasRegistry
from extract.errors import InputError

from .catalog import Catalog

__all__ = ["resolve_doc", "resolve_subject", "resolve_unit", "unit_filter", "registry", "closest"]


def closest(word: str, candidates: list[str], n: int = 3) -> list[str]:
    """The candidates most similar to `word` (difflib), best first."""
    hits = difflib.get_close_matches(word, candidates, n=n, cutoff=0.3)
    return hits or sorted(candidates, key=lambda c: -difflib.SequenceMatcher(None, word, c).ratio())[:n]


def _suggest(items: list[str]) -> str:
    return "、".join(items) if items else "（无）"


def resolve_doc(catalog: Catalog, doc: Optional[str]) -> Optional[str]:
    """`doc` if it is stored (None stays None); otherwise InputError naming the closest stored ids."""
    if doc is None or doc in catalog.docs:
        return doc
    near = closest(doc, sorted(catalog.docs))
    raise InputError(f"未找到文档 {doc}；最接近的是：{_suggest(near)}（用 `policykg docs` 查看全部）")


def resolve_subject(catalog: Catalog, ident: str, doc: Optional[str] = None) -> tuple[str, str, str]:
    """(doc, "target"|"task", id) for a target id (`3.1.1/1`) or a task id (`3.1.1`). Ambiguous across stored
    documents → InputError asking for --doc; unknown → InputError naming the closest ids."""
    ident = (ident or "").strip()
    if not catalog.docs:
        raise InputError("存储中还没有文档：先用 policykg ingest 文件 导入规划")
    resolve_doc(catalog, doc)
    docs = [doc] if doc is not None else sorted(catalog.docs)
    hits = [(d, "target", ident) for d in docs if (d, ident) in catalog.targets]
    hits += [(d, "task", ident) for d in docs if (d, ident) in catalog.tasks]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise InputError(f"编号 {ident} 在多个文档中都存在（{_suggest(sorted({h[0] for h in hits}))}）；请用 --doc 指定文档")
    ids = sorted({k[1] for k in catalog.targets if k[0] in docs} | {k[1] for k in catalog.tasks if k[0] in docs})
    where = f"文档 {doc} 中" if doc else "已入库文档中"
    raise InputError(f"{where}没有指标或任务 {ident or '（空）'}；最接近的是：{_suggest(closest(ident, ids))}"
                     f"（指标编号形如 3.1.1/1，任务编号形如 3.1.1）")


def registry(catalog: Catalog, doc: str) -> AliasRegistry:
    """The alias registry of one stored document's units (built once per catalog)."""
    key = ("registry", doc)
    if key not in catalog.cache:
        issuer = catalog.docs[doc].issuer if doc in catalog.docs else None
        catalog.cache[key] = _registry(tuple(catalog.unit_names(doc)), issuer)
    return catalog.cache[key]


@functools.lru_cache(maxsize=64)
def _registry(units: tuple[tuple[str, bool], ...], issuer: Optional[str]) -> AliasRegistry:
    """Registries are pure functions of a plan's units (building one compiles a regex: ~15 ms), so they are shared."""
    return AliasRegistry.from_units(units, issuer)


def resolve_unit(catalog: Catalog, doc: str, name: str) -> str:
    """The document's own name of the reporting unit `name` (an alias is fine). Unknown, ambiguous or collective
    → InputError naming the closest units."""
    name = (name or "").strip()
    key = ("unit", doc, name)
    if key in catalog.cache:
        return catalog.cache[key]
    reg = registry(catalog, doc)
    names = reg.resolve(name) if name else []
    collective = set(reg.collective.values())
    if len(names) == 1 and names[0] not in collective:
        catalog.cache[key] = names[0]
        return names[0]
    if names and all(n in collective for n in names):
        raise InputError(f"{name} 是泛指，不是具体单位；请填写报送单位的名称，如：{_suggest(reg.names[:3])}")
    if len(names) > 1:
        raise InputError(f"单位 {name} 不明确，可能是：{_suggest(names)}；请写出全称")
    raise InputError(f"文档 {doc} 中没有单位 {name or '（空）'}；最接近的是：{_suggest(reg.closest(name) if name else reg.names[:3])}")


def unit_filter(catalog: Catalog, name: str, doc: Optional[str] = None) -> dict[str, set[str]]:
    """{doc: the document's unit names that `name` stands for} over the documents in scope (explicit responsibility
    only: a collective token matches itself, never the units it covers). No document knows it → InputError.

    Across several documents only those that name the unit most directly count: `区经委` is Jiading's 区经委, not the
    市经信局 a city plan holds as a related body, while `发改委` (a short form everywhere) still spans every plan."""
    name = (name or "").strip()
    docs = [doc] if doc is not None else sorted(catalog.docs)
    found: dict[str, tuple[set[str], int]] = {}
    suggestions: list[str] = []
    for d in docs:
        reg = registry(catalog, d)
        names, quality = reg.resolve_quality(name) if name else ([], 0)
        if names:
            found[d] = (set(names), quality)
        elif name:
            suggestions += reg.closest(name)
    best = max((q for _, q in found.values()), default=0)
    out = {d: names for d, (names, q) in found.items() if q == best}
    if not out:
        near = list(dict.fromkeys(closest(name, suggestions))) if suggestions else []
        raise InputError(f"没有找到单位 {name or '（空）'}；最接近的是：{_suggest(near)}")
    return out
