"""Which stored document a question is about, when several are stored and the caller did not say.

Order of evidence: the document the caller names; the only one stored; the one a follow-up's previous turn used; a
document whose title or issuing place the question names (the most specific mention wins: 嘉定 over 上海); a document
whose units the question names; the document whose text covers the question's topic words best. Ties go to the
first id, and the answer always names the document it used.
"""
from __future__ import annotations

from typing import Optional

from .catalog import catalog_for
from .text import norm

__all__ = ["choose_doc"]


def choose_doc(store, question: str, doc_ids: list[str], previous: Optional[str] = None) -> str:
    if len(doc_ids) == 1:
        return doc_ids[0]
    if previous in doc_ids:
        return previous
    q = norm(question)
    cats = {d: catalog_for(store, d) for d in doc_ids}
    named = []
    for d, cat in cats.items():
        best = 0
        title = norm(cat.title)
        if title and title in q:
            best = 100 + len(title)
        for p in cat.places:
            if p in q:
                best = max(best, len(p))
        if d in question:
            best = max(best, 200)
        named.append((best, d))
    top = max(b for b, _ in named)
    if top > 0:
        return next(d for b, d in named if b == top)
    with_units = [d for d, cat in cats.items() if any(m.known for m in cat.registry.find(question))]
    if len(with_units) == 1:
        return with_units[0]
    pool = with_units or doc_ids
    scored = []
    for d in pool:
        cat = cats[d]
        chunks = cat.terms.chunks(question, drop=cat.places)
        cov = max((cat.terms.coverage(chunks, p.text).score for p in cat.passages), default=0.0) if chunks else 0.0
        scored.append((cov, d))
    best = max(c for c, _ in scored)
    return next(d for c, d in scored if c == best)
