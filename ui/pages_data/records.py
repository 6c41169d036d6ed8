"""Stored PlanRecords, cached per process by content fingerprint, and the choice of a default document.

Why a cache: rebuilding a PlanRecord from the store reads the whole named graph (about a second for the Jiading plan
on two cores), and every page needs the record of the document it shows on every rerun. A record only changes when
its document is re-ingested, so the key is (store location, doc id, source sha256, extraction time); one cheap SPARQL
query per rerun fetches the fingerprints of all documents. Records are treated as read-only by every caller.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Optional

from extract.errors import InputError
from extract.record import PlanRecord
from kg import Store

__all__ = ["fingerprints", "record", "document_ids", "default_doc", "PREFERRED_DOC", "clear"]

#: The shipped plan the app opens on when it is stored.
PREFERRED_DOC = "jiading-carbon-peak-plan-2022"
_MAX = 32

_cache: "OrderedDict[tuple, PlanRecord]" = OrderedDict()
_lock = threading.Lock()

_FINGERPRINTS = """
SELECT ?id ?sha ?at WHERE {
  GRAPH ?g { ?w a eli:LegalResource ; eli:id_local ?id ; eli:is_realized_by ?e .
             OPTIONAL { ?e prov:wasDerivedFrom/pkg:sha256 ?sha }
             OPTIONAL { ?e prov:wasGeneratedBy/prov:endedAtTime ?at } }
}"""


def fingerprints(store: Store) -> dict[str, tuple[str, str]]:
    """{doc id: (source sha256, extraction time)} for every stored document, in one query."""
    return {r["id"]: (str(r["sha"] or ""), str(r["at"] or "")) for r in store.query(_FINGERPRINTS)}


def _key(store: Store, doc_id: str, fp: tuple[str, str]) -> tuple:
    return (store.backend, store.spec, doc_id, fp)


def record(store: Store, doc_id: str, prints: Optional[dict[str, tuple[str, str]]] = None) -> PlanRecord:
    """The stored record of `doc_id` (unknown id → InputError), from the cache when its fingerprint still matches."""
    prints = fingerprints(store) if prints is None else prints
    if doc_id not in prints:
        raise InputError(f"未找到文档 {doc_id}；请在“文档”页查看已入库的文档")
    key = _key(store, doc_id, prints[doc_id])
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    rec = store.record(doc_id)
    with _lock:
        _cache[key] = rec
        while len(_cache) > _MAX:
            _cache.popitem(last=False)
    return rec


def document_ids(store: Store) -> list[str]:
    """Stored document ids, sorted."""
    return sorted(fingerprints(store))


def default_doc(ids: list[str]) -> Optional[str]:
    """The Jiading plan when stored, else the first id, else None."""
    if PREFERRED_DOC in ids:
        return PREFERRED_DOC
    return ids[0] if ids else None


def clear() -> None:
    """Forget every cached record (tests)."""
    with _lock:
        _cache.clear()
