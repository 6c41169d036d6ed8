"""Which stored document a question is about, when several are stored and the caller did not say.

Order of evidence: the document the caller names; the only one stored; the one a follow-up's previous turn used; a
document whose title, issuer or issuing place the question names (the most specific mention wins: 嘉定 over 上海);
the documents that name the question's unit most directly (区经委 as written beats 经信局 as a related body); the
document whose text covers the question's topic words best. A year in the question that is a document's own year
breaks ties (two annual plans of one issuer). When evidence still ties, the most recently published wins and the answer says which
other documents would fit, so that the asker can name one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .catalog import Catalog, catalog_for
from .text import norm

__all__ = ["Choice", "choose_doc"]


@dataclass
class Choice:
    doc: str
    others: list[str] = field(default_factory=list)  # equally plausible documents (named in the answer)


def _years(question: str) -> set[int]:
    return {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", question)}


def _doc_years(cat: Catalog) -> set[int]:
    d = cat.record.document
    out = {d.year} if d.year else set()
    if d.published:
        out.add(int(d.published[:4]))
    return out


def _best(scores: dict[str, float]) -> list[str]:
    top = max(scores.values())
    return [d for d, v in scores.items() if v == top]


def choose_doc(store, question: str, doc_ids: list[str], previous: Optional[str] = None) -> Choice:
    if len(doc_ids) == 1:
        return Choice(doc_ids[0])
    if previous in doc_ids:
        return Choice(previous)
    q = norm(question)
    cats = {d: catalog_for(store, d) for d in doc_ids}
    years = _years(question)

    named: dict[str, float] = {}
    for d, cat in cats.items():
        best = 0.0
        title = norm(cat.title)
        if title and title in q:
            best = 100 + len(title)
        for p in cat.places:
            if p in q:
                best = max(best, len(p))
        if d in question:
            best = max(best, 200)
        named[d] = best
    pool = _best(named) if max(named.values()) > 0 else list(doc_ids)

    units = {d: max((m.quality for m in cats[d].registry.find(question) if m.known), default=0) for d in pool}
    if max(units.values()) > 0:
        pool = _best(units)

    if len(pool) > 1:
        cover: dict[str, float] = {}
        for d in pool:
            cat = cats[d]
            chunks = cat.terms.chunks(question, drop=cat.places)
            cover[d] = max((cat.terms.coverage(chunks, p.text).score for p in cat.passages), default=0.0) \
                if chunks else 0.0
        pool = _best(cover)
    if len(pool) > 1 and years:
        dated = [d for d in pool if _doc_years(cats[d]) & years]
        pool = dated or pool
    # still tied: the most recently published version first (a newer plan supersedes an older one)
    pool.sort(key=lambda d: (cats[d].record.document.published or "", d), reverse=True)
    return Choice(pool[0], pool[1:])
