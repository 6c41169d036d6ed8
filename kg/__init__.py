"""Knowledge graph: PlanRecord → RDF (one named graph per document version) → a store; SPARQL; export; validation.

Public API (everything else in this package is private implementation):
    open_store(spec=None) -> Store          "memory:", a directory (embedded Oxigraph, the default) or http://… endpoint
    Store                                   put_record, drop, has, docs, doc_ids, query, ask, select, update, add,
                                            graph, dataset, record, export, validate, close (context manager)
    record_from_graph(store|graph, doc_id) -> PlanRecord
    record_to_graph(record) -> rdflib.Graph
    validate(store, doc_id=None) -> {doc: {"conforms": bool, "results": [...]}}
    export(store, fmt, doc_id=None) -> str  ttl | trig | nq | jsonld | csv | graphml
    plan_links(store, doc=None) -> [dict]   documents a plan implements or cites, resolved to stored ones by title
    register_backend(name), available_backends(), resolve_spec(spec), default_store_path()
    PROGRESS_GRAPH, doc_graph(doc_id), unit_iri(scope, name), unit_scope(issuer, doc_id) … (IRI scheme: kg.vocab)
    StoreError (internal failure, exit 1); bad input raises extract.errors.InputError (exit 2)

Query conventions (kg.store docstring): the default graph is the union of all named graphs; prefixes pkg eli org time
prov oa schema skos rdf rdfs xsd owl are predeclared; pass user values as `bindings`, never in the text. Typical paths:
    ?task a pkg:Task ; pkg:clauseId ?tid ; eli:title ?title ; pkg:inDocument/eli:id_local ?doc .
    ?task pkg:leadUnit|pkg:supportUnit ?u . ?u skos:prefLabel ?unit ; pkg:collective ?collective .
    ?target a pkg:Target ; pkg:task ?task ; pkg:clauseId ?gid ; pkg:targetKind ?kind .
    ?target pkg:span/oa:hasSelector ?sel . ?sel oa:exact ?quote .          (and ?pos oa:start ?s ; oa:end ?e)
    ?target pkg:deadline/time:inXSDDate ?deadline .  ?target pkg:quantity [ schema:value ?v ; schema:unitText ?unit ]
"""
from __future__ import annotations

from .reader import record_from_graph
from .rdf import record_to_graph
from .store import (PROGRESS_GRAPH, Store, StoreError, available_backends, default_store_path, open_store,
                    register_backend, resolve_spec)
from .vocab import PKG, doc_graph, unit_iri, unit_scope
# Bound eagerly so that the names are the functions, not the same-named submodules (those import pyshacl / networkx
# lazily inside the functions, so `import kg` stays cheap).
from .validate import validate
from .export import export
from .links import plan_links

__all__ = [
    "open_store", "Store", "StoreError", "record_from_graph", "record_to_graph", "validate", "export",
    "register_backend", "available_backends", "resolve_spec", "default_store_path", "PROGRESS_GRAPH", "PKG",
    "doc_graph", "unit_iri", "unit_scope", "plan_links",
]

