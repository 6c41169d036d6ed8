"""Links between stored plans: each document a plan names in 《》 (kg.rdf: eli:cites / eli:applies / pkg:drafts),
resolved against the titles of the stored documents.

Why exact titles only: a district plan names its city's plan by its full title (`《上海市碳达峰实施方案》`), and two
plans whose titles differ by an issuer prefix (`嘉定区碳达峰实施方案` vs `上海市碳达峰实施方案`) are different plans. So a
cited title links to a stored document only when both are equal after extract.references.normalize_title (width,
whitespace, brackets, quote marks, 、, dashes); anything looser would link a district plan to its neighbour's. An
unresolved citation is still listed (to_doc None): the text says the plan rests on it, whether or not it is stored.

Two queries whatever the number of documents (the references, then the document listing); the document filter is a
bound value, never text in the query.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from extract.errors import InputError
from extract.references import normalize_title

if TYPE_CHECKING:
    from .store import Store

__all__ = ["plan_links", "RELATION_LABELS"]

#: Chinese labels of the relations (CLI and app).
RELATION_LABELS = {"implements": "实施依据", "drafts": "拟制定", "cites": "提及"}

_REFS = """
SELECT ?doc ?ord ?title ?start ?end ?quote ?cue ?cstart ?cend ?context ?applies ?drafts WHERE {
  GRAPH ?g {
    ?w a eli:LegalResource ; eli:id_local ?doc ; eli:cites ?ref .
    ?ref pkg:ordinal ?ord ; eli:title ?title ; pkg:span/oa:hasSelector ?pos , ?qs .
    ?pos oa:start ?start ; oa:end ?end . ?qs oa:exact ?quote .
    OPTIONAL { ?ref pkg:cue ?cue }
    OPTIONAL { ?ref pkg:contextSpan/oa:hasSelector ?cpos , ?cqs .
               ?cpos oa:start ?cstart ; oa:end ?cend . ?cqs oa:exact ?context }
    BIND (EXISTS { ?w eli:applies ?ref } AS ?applies)
    BIND (EXISTS { ?w pkg:drafts ?ref } AS ?drafts)
  }
}"""


def plan_links(store: "Store", doc: Optional[str] = None) -> list[dict[str, Any]]:
    """Every document the stored plans name (or only `doc`'s), in document order:
    [{from_doc, from_title, title, relation, cue, quote, span, context_span, to_doc, to_title, to_docs}].

    `quote` is the clause that names the document (the title itself when no clause was recorded), `span` the title's
    [start, end) in from_doc's canonical text. `to_doc` is the stored document whose title equals the cited one
    (the most recently published when several versions do; all of them in `to_docs`), or None. A plan never links to
    itself. Unknown `doc` → InputError."""
    if doc is not None and not store.has(doc):
        raise InputError(f"未找到文档 {doc}；可用 `policykg docs` 查看已入库的文档")
    rows = store.query(_REFS, bindings={"doc": doc} if doc is not None else None)
    docs = store.docs()
    titles = {d["id"]: d.get("title") or "" for d in docs}
    by_title: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        key = normalize_title(d.get("title") or "")
        if key:
            by_title.setdefault(key, []).append(d)
    refs: dict[tuple[str, int], dict[str, Any]] = {}
    for r in rows:
        key = (str(r["doc"]), int(r["ord"]))
        if key in refs:  # one row per reference (the selector patterns are exclusive); guard against duplicates
            continue
        refs[key] = r
    out = []
    for (from_doc, _), r in sorted(refs.items()):
        matches = [d for d in by_title.get(normalize_title(str(r["title"])), []) if d["id"] != from_doc]
        matches.sort(key=lambda d: (d.get("published") or "", d["id"]), reverse=True)
        to = matches[0]["id"] if matches else None
        has_context = r.get("context") is not None and r.get("cstart") is not None
        out.append({
            "from_doc": from_doc, "from_title": titles.get(from_doc, ""), "title": str(r["title"]),
            "relation": "implements" if _true(r["applies"]) else "drafts" if _true(r["drafts"]) else "cites",
            "cue": None if r.get("cue") is None else str(r["cue"]),
            "quote": str(r["context"]) if has_context else str(r["quote"]),
            "span": [int(r["start"]), int(r["end"])],
            "context_span": [int(r["cstart"]), int(r["cend"])] if has_context else None,
            "to_doc": to, "to_title": titles.get(to) if to else None,
            "to_docs": sorted(d["id"] for d in matches),
        })
    return out


def _true(value: Any) -> bool:
    return value is True or str(value).lower() in ("true", "1")
