"""What the Oxigraph-speaking backends share: rdflib ↔ pyoxigraph terms and the text of atomic graph updates.

Why serialise through pyoxigraph: its N-Triples writer is the reference escaper for the engine that will parse the
text, and building ox terms validates every IRI *before* the update is sent, so a bad record fails without touching
the store.
"""
from __future__ import annotations

from typing import Optional

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier

from ..vocab import check_iri

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_ox(term: Identifier):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported RDF term: {term!r}")


def from_ox(term) -> Optional[Identifier]:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (_XSD_STRING, _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise TypeError(f"unsupported Oxigraph term: {term!r}")


def ntriples(triples: Graph) -> str:
    """The triples as N-Triples text (valid inside INSERT DATA)."""
    data = ox.serialize((ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples),
                        format=ox.RdfFormat.N_TRIPLES)
    return (data or b"").decode("utf-8")


def replace_graph_update(graph: URIRef, triples: Optional[Graph]) -> str:
    """One SPARQL update that drops `graph` and inserts `triples` into it. Oxigraph runs an update request as a
    single transaction, so readers and crashes see either the old graph or the new one."""
    g = f"<{check_iri(str(graph))}>"
    if triples is None:
        return f"DROP SILENT GRAPH {g}"
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples(triples)}}} }}"


def insert_update(graph: URIRef, triples: Graph) -> str:
    return f"INSERT DATA {{ GRAPH <{check_iri(str(graph))}> {{\n{ntriples(triples)}}} }}"
