"""`memory:` — an rdflib in-memory Dataset. For tests and throw-away sessions; nothing is written to disk.

`memory:` alone is a fresh private dataset per open_store() call; `memory:NAME` is shared by every store opened with
that name in this process (so an app that opens a store per request keeps its data while it runs).

rdflib has no transactions; atomicity of put_record/drop comes from building the new graph first and swapping it in
under a lock (readers of this backend take the same lock). rdflib expands \\u escapes in the whole query text before
parsing, hence `rdflib_dialect = True` (see kg.terms).
"""
from __future__ import annotations

import threading
from typing import Optional

from rdflib import Dataset, Graph, URIRef

from ..store import Backend, SelectResult, StoreError, register_backend
from ..terms import normalize

_NAMED: dict[str, tuple[Dataset, threading.RLock]] = {}
_NAMED_LOCK = threading.Lock()


def _new() -> tuple[Dataset, threading.RLock]:
    return Dataset(default_union=True), threading.RLock()


@register_backend("memory")
class MemoryBackend(Backend):
    name = "memory"
    rdflib_dialect = True

    def __init__(self, location: str = "") -> None:
        if location:
            with _NAMED_LOCK:
                self._ds, self._lock = _NAMED.setdefault(location, _new())
        else:
            self._ds, self._lock = _new()

    def select(self, sparql: str) -> SelectResult:
        with self._lock:
            try:
                result = self._ds.query(sparql)
            except Exception as e:  # rdflib raises pyparsing/various errors for bad SPARQL
                raise StoreError(f"SPARQL 查询失败：{e}") from e
            if result.type == "ASK":
                return bool(result.askAnswer)
            names = [str(v) for v in result.vars or []]
            rows = [tuple(normalize(row[i]) for i in range(len(names))) for row in result]
        return names, rows

    def update(self, sparql: str) -> None:
        with self._lock:
            try:
                self._ds.update(sparql)
            except Exception as e:
                raise StoreError(f"SPARQL 更新失败：{e}") from e

    def replace_graph(self, graph: URIRef, triples: Optional[Graph]) -> None:
        with self._lock:
            self._ds.remove_graph(graph)
            if triples is not None:
                ctx = self._ds.graph(graph)
                self._ds.addN((s, p, o, ctx) for s, p, o in triples)

    def triples(self, graph: URIRef) -> list:
        with self._lock:
            view = Graph(store=self._ds.store, identifier=graph)  # read without creating the graph
            return [(s, p, normalize(o)) for s, p, o in view]

    def add_triples(self, graph: URIRef, triples: Graph) -> None:
        with self._lock:
            ctx = self._ds.graph(graph)
            self._ds.addN((s, p, o, ctx) for s, p, o in triples)
