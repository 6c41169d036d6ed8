"""The store: one small interface over three backends chosen by name, and everything policykg does with a store.

Spec → backend (resolution order: explicit `--store` value, else env POLICYKG_STORE, else the default directory):
    memory:            a fresh in-process rdflib Dataset (gone when closed); `memory:NAME` is a named one shared by
                       every open_store("memory:NAME") in this process (e.g. an app run against memory)
    http(s)://host:port[/path]   a remote SPARQL 1.1 endpoint (query + update), reference server `oxigraph serve`
    oxigraph:PATH | PATH         embedded Oxigraph in a directory, created on first use (THE DEFAULT, at
                                 $XDG_DATA_HOME/policykg/store, i.e. ~/.local/share/policykg/store)

Backends are registered by name (`register_backend`) and implement `Backend` — five primitives (select, update,
replace_graph, add_triples, close) plus an optional fast whole-graph read (triples). Everything else (records in and out, listing, binding, export, validation) is
written once, here, against those primitives, so the same conformance suite runs on every backend.

Invariants (tested on every backend):
- One named graph per document version (vocab.doc_graph). put_record replaces that graph atomically: the new triples
  are built completely before the store is touched, then swapped in by one backend operation (one transaction on
  Oxigraph, one SPARQL update request over HTTP, one locked swap in memory). A crash mid-way leaves the old version.
- put_record and drop touch only that document's graph; the progress graph (vocab.PROGRESS_GRAPH) is never touched.
- Append-only writers (progress reports) use `add(PROGRESS_GRAPH, triples)` or a bound `update`.
- Values reach queries only through `bindings` (a VALUES block built from escaped terms, see kg.binding).
- Queries see the union of all named graphs as their default graph on every backend; use GRAPH ?g to tell
  documents apart. The project prefixes (vocab.PREFIXES: pkg, eli, org, time, prov, oa, schema, skos, rdf, rdfs, xsd,
  owl) are predeclared.
"""
from __future__ import annotations

import importlib
import os
import threading
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Mapping, Optional, Union

from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Identifier

from extract.errors import InputError
from extract.record import PlanRecord

from .binding import bind
from .rdf import record_to_graph
from .reader import graph_to_record
from .terms import normalize, to_python
from .vocab import LEASE_GRAPH, PROGRESS_GRAPH, SPARQL_PREFIXES, check_iri, doc_graph, doc_id_of_graph, is_doc_graph

__all__ = ["Store", "Backend", "StoreError", "open_store", "register_backend", "available_backends",
           "resolve_spec", "default_store_path", "SelectResult", "PROGRESS_GRAPH", "ENV_STORE"]

ENV_STORE = "POLICYKG_STORE"

#: (variable names, rows of rdflib terms or None) for SELECT; a bool for ASK.
SelectResult = Union[tuple[list[str], list[tuple[Optional[Identifier], ...]]], bool]


class StoreError(RuntimeError):
    """The store failed (server error, corrupt data, bad SPARQL from our own code): an internal failure, exit 1."""


class Backend(ABC):
    """What a storage backend implements. Terms crossing this boundary are rdflib terms with xsd:string literals
    normalised to plain literals (kg.terms.normalize), so all backends return identical values."""

    name: ClassVar[str]
    #: True when the engine expands \\u escapes in the whole query text before parsing (rdflib); see kg.terms.
    rdflib_dialect: ClassVar[bool] = False

    @abstractmethod
    def select(self, sparql: str) -> SelectResult:
        """Run a SELECT or ASK query whose default graph is the union of all named graphs."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update."""

    @abstractmethod
    def replace_graph(self, graph: URIRef, triples: Optional[Graph]) -> None:
        """Make named graph `graph` hold exactly `triples` (None: remove it), atomically."""

    @abstractmethod
    def add_triples(self, graph: URIRef, triples: Graph) -> None:
        """Add triples to a named graph (append-only writers such as progress reports), atomically."""

    def triples(self, graph: URIRef) -> list[tuple[Identifier, Identifier, Identifier]]:
        """All triples of one named graph. Backends override this with a native read when SPARQL is slow for
        whole-graph reads (rdflib's engine needs ~0.3 ms a row)."""
        result = self.select(SPARQL_PREFIXES + bind("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                                    {"g": graph}, self.rdflib_dialect))
        assert not isinstance(result, bool)
        return [tuple(row) for row in result[1]]

    def close(self) -> None:
        """Release the backend (locks, connections)."""


_BACKENDS: dict[str, Callable[[str], Backend]] = {}
_BUILTIN_MODULES = {"memory": "kg.stores.memory", "oxigraph": "kg.stores.oxigraph", "sparql": "kg.stores.sparql"}


def register_backend(name: str) -> Callable[[Callable[[str], Backend]], Callable[[str], Backend]]:
    """Class decorator: make a backend available to open_store under `name` (its factory takes the location)."""
    def deco(factory: Callable[[str], Backend]) -> Callable[[str], Backend]:
        _BACKENDS[name] = factory
        return factory
    return deco


def _backend_factory(name: str) -> Callable[[str], Backend]:
    if name not in _BACKENDS and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    if name not in _BACKENDS:
        raise InputError(f"未知的存储类型 {name}；可用：{', '.join(available_backends())}")
    return _BACKENDS[name]


def available_backends() -> list[str]:
    """Names of all backends (built-in ones are listed without being imported)."""
    return sorted(set(_BACKENDS) | set(_BUILTIN_MODULES))


def default_store_path() -> Path:
    """The per-user default store directory ($XDG_DATA_HOME/policykg/store, else ~/.local/share/policykg/store)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "policykg" / "store"


def resolve_spec(spec: Optional[str] = None) -> tuple[str, str]:
    """(backend name, location) for a store spec; None/empty → $POLICYKG_STORE → the default directory."""
    if not spec:
        spec = os.environ.get(ENV_STORE) or str(default_store_path())
    spec = spec.strip()
    if spec.startswith("memory:"):
        return "memory", spec[len("memory:"):]
    if spec.startswith(("http://", "https://")):
        return "sparql", spec
    if spec.startswith("oxigraph:"):
        return "oxigraph", spec[len("oxigraph:"):]
    head = spec.split(":", 1)[0]
    if ":" in spec and head in _BACKENDS and len(head) > 1:  # a registered third-party scheme
        return head, spec[len(head) + 1:]
    return "oxigraph", spec


def open_store(spec: Optional[str] = None) -> "Store":
    """Open the store named by `spec` (see module docstring). Bad spec, locked or foreign directory, unreachable
    endpoint → InputError with a one-line Chinese message. Use as a context manager to close it promptly."""
    name, location = resolve_spec(spec)
    backend = _backend_factory(name)(location)
    return Store(backend, spec or os.environ.get(ENV_STORE) or str(default_store_path()))


class Store:
    """A policykg store: document graphs, the progress graph, queries. Obtain one with `open_store()`."""

    def __init__(self, backend: Backend, spec: str = "") -> None:
        self._backend = backend
        self.spec = spec
        self._closed = False
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ basics
    @property
    def backend(self) -> str:
        """The backend's registered name: "memory", "oxigraph" or "sparql"."""
        return self._backend.name

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the store (on Oxigraph: its directory lock, once no other Store in this process uses it)."""
        if not self._closed:
            self._closed = True
            self._backend.close()

    def __repr__(self) -> str:
        return f"<Store {self.backend} {self.spec!r}>"

    def _b(self) -> Backend:
        if self._closed:
            raise StoreError("store is closed")
        return self._backend

    # ------------------------------------------------------------------ SPARQL
    def _prepare(self, sparql: str, bindings: Optional[Mapping[str, Any]]) -> str:
        return SPARQL_PREFIXES + bind(sparql, bindings, self._backend.rdflib_dialect)

    def select(self, sparql: str, bindings: Optional[Mapping[str, Any]] = None) -> tuple[list[str], list[tuple]]:
        """A SELECT query's variables and rows of rdflib terms (None where unbound)."""
        result = self._b().select(self._prepare(sparql, bindings))
        if isinstance(result, bool):
            raise ValueError("select() runs SELECT queries; use ask() for ASK")
        return result

    def query(self, sparql: str, bindings: Optional[Mapping[str, Any]] = None) -> list[dict[str, Any]]:
        """Run a SELECT query; one dict per row, variable → plain value (kg.terms.to_python: IRIs as str, numbers,
        booleans, dates as ISO strings, None where unbound). `bindings` maps variable names (without ?) to values
        (str, int, float, Decimal, bool, date, datetime or an rdflib term; URIRef for IRIs); they are joined as a
        VALUES block at the start of the WHERE clause, never formatted into the query text."""
        names, rows = self.select(sparql, bindings)
        return [{n: to_python(v) for n, v in zip(names, row)} for row in rows]

    def ask(self, sparql: str, bindings: Optional[Mapping[str, Any]] = None) -> bool:
        """Run an ASK query."""
        result = self._b().select(self._prepare(sparql, bindings))
        if not isinstance(result, bool):
            raise ValueError("ask() runs ASK queries; use query() for SELECT")
        return result

    def update(self, sparql: str, bindings: Optional[Mapping[str, Any]] = None) -> None:
        """Run a SPARQL 1.1 update. With `bindings`, the update needs a WHERE clause (INSERT { … } WHERE { }); the
        values are joined there. Atomic on Oxigraph and over HTTP (Oxigraph server); memory: rdflib has no
        transactions, a failing multi-operation update may leave earlier operations applied."""
        with self._lock:
            self._b().update(self._prepare(sparql, bindings))

    def add(self, graph: Union[str, URIRef], triples: Iterable[tuple]) -> None:
        """Append triples to a named graph other than a document graph (the progress graph, PROGRESS_GRAPH).
        Terms may be rdflib terms or plain values (kg.terms.to_term); atomic."""
        from .terms import to_term
        graph = URIRef(check_iri(str(graph)))
        if is_doc_graph(graph):
            raise ValueError("document graphs are written only by put_record")
        g = Graph()
        for s, p, o in triples:
            g.add((normalize(to_term(s)), normalize(to_term(p)), normalize(to_term(o))))
        with self._lock:
            self._b().add_triples(graph, g)

    # ------------------------------------------------------------------ documents
    def put_record(self, record: PlanRecord) -> str:
        """Store (or atomically replace) one document version; returns its id. A record that cannot be stored
        faithfully raises InputError before the store is touched."""
        triples = record_to_graph(record)
        with self._lock:
            self._b().replace_graph(doc_graph(record.document.id), triples)
        return record.document.id

    def has(self, doc_id: str) -> bool:
        """Whether a document version with this id is stored."""
        return self.ask("ASK { GRAPH ?g { ?w a eli:LegalResource } }", {"g": doc_graph(doc_id)})

    def drop(self, doc_id: str) -> None:
        """Remove one document version (its named graph). Unknown id → InputError."""
        with self._lock:
            if not self.has(doc_id):
                raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
            self._b().replace_graph(doc_graph(doc_id), None)

    def doc_ids(self) -> list[str]:
        """Ids of all stored document versions, sorted."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?w a eli:LegalResource } }")
        return sorted(doc_id_of_graph(r["g"]) for r in rows if is_doc_graph(r["g"]))

    def docs(self) -> list[dict[str, Any]]:
        """The contract's document listing: [{id, title, issuer, published, tasks, targets}], sorted by id. One query."""
        rows = self.query("""
            SELECT ?g ?id ?title ?issuer ?published (COALESCE(?nt, 0) AS ?tasks) (COALESCE(?nx, 0) AS ?targets)
            WHERE {
              GRAPH ?g { ?w a eli:LegalResource ; eli:id_local ?id ; eli:is_realized_by ?e .
                         ?e eli:title ?title .
                         OPTIONAL { ?w eli:passed_by/skos:prefLabel ?issuer }
                         OPTIONAL { ?w eli:date_publication ?published } }
              OPTIONAL { SELECT ?g (COUNT(?t) AS ?nt) WHERE { GRAPH ?g { ?t a pkg:Task } } GROUP BY ?g }
              OPTIONAL { SELECT ?g (COUNT(?x) AS ?nx) WHERE { GRAPH ?g { ?x a pkg:Target } } GROUP BY ?g }
            }""")
        out = [{"id": r["id"], "title": r["title"], "issuer": r["issuer"], "published": r["published"],
                "tasks": int(r["tasks"]), "targets": int(r["targets"])} for r in rows if is_doc_graph(r["g"])]
        return sorted(out, key=lambda d: d["id"])

    def graph(self, doc_id: str) -> Graph:
        """A snapshot (rdflib Graph) of one document version's triples. One query. Unknown id → InputError."""
        rows = self._b().triples(doc_graph(doc_id))
        if not rows:
            raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
        g = Graph()
        for row in rows:
            g.add(row)
        return g

    def dataset(self, doc_id: Optional[str] = None) -> Dataset:
        """A snapshot (rdflib Dataset) of one document's graph, or of every named graph (documents and progress).
        One query."""
        if doc_id is not None:
            ds = Dataset()
            ctx = ds.graph(doc_graph(doc_id))
            ctx += self.graph(doc_id)
            return ds
        _, rows = self.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        ds = Dataset()
        graphs: dict[Identifier, Graph] = {}
        for g, s, p, o in rows:
            if not isinstance(g, URIRef) or str(g) == str(DATASET_DEFAULT_GRAPH_ID) or g == LEASE_GRAPH:
                continue  # the writer-lease graph (server mode) is bookkeeping, not data
            if g not in graphs:
                graphs[g] = ds.graph(g)
            graphs[g].add((s, p, o))
        return ds

    def record(self, doc_id: str) -> PlanRecord:
        """Rebuild the stored PlanRecord of `doc_id` (its to_contract() equals the ingested one's). Unknown → InputError."""
        rows = self._b().triples(doc_graph(doc_id))
        if not rows:
            raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
        return graph_to_record(rows, doc_id)

    # ------------------------------------------------------------------ derived views
    def export(self, fmt: str, doc_id: Optional[str] = None) -> str:
        """Serialise one document or all (see kg.export.export for the formats)."""
        from .export import export
        return export(self, fmt, doc_id)

    def validate(self, doc_id: Optional[str] = None) -> dict[str, dict[str, Any]]:
        """SHACL-validate one document or all (see kg.validate.validate)."""
        from .validate import validate
        return validate(self, doc_id)
