"""`http(s)://…` — a remote SPARQL 1.1 endpoint (query + update), reference server `oxigraph serve`.

Endpoints from the spec: a base URL (`http://127.0.0.1:7878`) means `{base}/query` and `{base}/update` (Oxigraph's
layout); a URL ending in `/query` uses it for queries and the same path with `/update` for updates; a URL ending in
`/sparql` is used for both.

Why a small urllib client and not rdflib's SPARQLUpdateStore: we need exact control of three things rdflib's connector
does not give — the `union-default-graph` request parameter (so the default graph is the union of named graphs, as on
the other backends; Oxigraph honours it), errors that become one-line messages (rdflib's POST path returns a tuple on
HTTP errors), and a single update request per put_record (atomic: the Oxigraph server runs one update request as one
transaction). Results are read as SPARQL 1.1 JSON.

Replacing a graph also takes a writer lease on it (kg.stores._lease): the server's transactions are snapshot-isolated,
so two processes replacing the same document at once would otherwise leave the union of both versions.

An endpoint that cannot be reached is a user error (wrong --store, server not started): InputError, exit 2.
"""
from __future__ import annotations

import json
import socket
from typing import Any, Optional
from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from extract.errors import InputError

from ..store import Backend, SelectResult, StoreError, register_backend
from ._lease import graph_lease
from ._oxterms import insert_update, replace_graph_update

TIMEOUT_S = 120


def endpoints(url: str) -> tuple[str, str]:
    """(query URL, update URL) for a store spec."""
    base = url.rstrip("/")
    if base.endswith("/query"):
        return base, base[: -len("/query")] + "/update"
    if base.endswith("/sparql"):
        return base, base
    return base + "/query", base + "/update"


def _term(b: dict[str, Any]):
    kind = b.get("type")
    if kind == "uri":
        return URIRef(b["value"])
    if kind == "bnode":
        return BNode(b["value"])
    if kind in ("literal", "typed-literal"):
        lang = b.get("xml:lang")
        if lang:
            return Literal(b["value"], lang=lang)
        dt = b.get("datatype")
        if dt and dt not in (str(XSD.string), str(RDF.langString)):
            return Literal(b["value"], datatype=URIRef(dt))
        return Literal(b["value"])
    raise StoreError(f"SPARQL 端点返回了不支持的结果项：{b!r}")


@register_backend("sparql")
class SparqlBackend(Backend):
    name = "sparql"

    def __init__(self, location: str) -> None:
        self.url = location
        self.query_url, self.update_url = endpoints(location)

    def _post(self, url: str, body: str, content_type: str, accept: str) -> bytes:
        request = Request(url, data=body.encode("utf-8"), method="POST",
                          headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urlopen(request, timeout=TIMEOUT_S) as response:
                return response.read()
        except HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            raise StoreError(f"SPARQL 端点 {url} 返回错误 {e.code}：{detail[0][:300] if detail else e.reason}") from e
        except (URLError, socket.timeout, ConnectionError) as e:
            reason = getattr(e, "reason", e)
            raise InputError(f"无法连接 SPARQL 端点 {self.url}（{reason}）；请确认服务已启动（如 oxigraph serve），"
                             f"或改用其他 --store") from e

    def select(self, sparql: str) -> SelectResult:
        raw = self._post(self.query_url + "?union-default-graph", sparql,
                         "application/sparql-query; charset=utf-8", "application/sparql-results+json")
        try:
            data = json.loads(raw)
        except ValueError as e:
            raise StoreError(f"SPARQL 端点 {self.query_url} 返回的不是 JSON 结果") from e
        if "boolean" in data:
            return bool(data["boolean"])
        names = list(data["head"].get("vars", []))
        rows = [tuple(_term(row[n]) if n in row else None for n in names) for row in data["results"]["bindings"]]
        return names, rows

    def update(self, sparql: str) -> None:
        self._post(self.update_url, sparql, "application/sparql-update; charset=utf-8", "*/*")

    def replace_graph(self, graph: URIRef, triples: Optional[Graph]) -> None:
        text = replace_graph_update(graph, triples)  # built (and every IRI checked) before the lease is taken
        with graph_lease(graph, self.update, self._claims):
            self.update(text)

    def _claims(self, sparql: str) -> list[str]:
        result = self.select(sparql)
        assert not isinstance(result, bool)
        return [str(row[0]) for row in result[1]]

    def add_triples(self, graph: URIRef, triples: Graph) -> None:
        self.update(insert_update(graph, triples))
