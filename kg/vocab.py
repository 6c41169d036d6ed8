"""Namespaces and the IRI scheme: every IRI policykg mints is built here and nowhere else.

Why one module: the writer, the reader, the store and every query (chat, tracking, diff) must agree on the same IRIs,
and a doc id or unit name typed by a user must never reach a query string unescaped. Each path segment taken from data
is percent-encoded (UTF-8, `urllib.parse.quote(safe="")`), so an IRI can always be written between `<` and `>` and
decoded back (`unquote`) to the id it came from.

    graph per document version   https://w3id.org/policykg/graph/doc/{doc-id}
    progress reports graph       https://w3id.org/policykg/graph/progress          (PROGRESS_GRAPH; never a doc graph)
    plan (eli:LegalResource)     https://w3id.org/policykg/id/doc/{doc-id}
    its text (eli:LegalExpression)  …/id/doc/{doc-id}/zh
    section / task / target      …/id/doc/{doc-id}/section/{id} | /task/{id} | /target/{id}      (id "3.1.1/1" → 3.1.1%2F1)
    helper nodes of one of those  {node}#span, {node}#span-pos, {node}#span-quote, {node}#unit-{n}, {node}#quantity, …
    unit (org:Organization)      https://w3id.org/policykg/id/unit/{issuer}/{name}   issuer-scoped: 嘉定区's 区经委 ≠ 闵行区's
                                 (documents without an issuer scope their units by the document: {issuer} = "doc:{doc-id}")
    issuing government           https://w3id.org/policykg/id/org/{issuer}
    a day (time:Instant)         https://w3id.org/policykg/id/date/{YYYY-MM-DD}       shared by every target due that day
"""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

__all__ = [
    "PKG", "ELI", "ORG", "TIME", "PROV", "OA", "SCHEMA", "SKOS", "RDF", "RDFS", "XSD", "OWL", "PREFIXES", "SPARQL_PREFIXES",
    "BASE", "DOC_GRAPH_BASE", "PROGRESS_GRAPH", "doc_graph", "doc_id_of_graph", "is_doc_graph", "work_iri",
    "expression_iri", "section_iri", "task_iri", "target_iri", "unit_scope", "unit_iri", "org_iri", "date_iri", "sub_iri",
    "id_from_iri", "check_iri",
]

PKG = Namespace("https://w3id.org/policykg#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, Namespace] = {
    "pkg": PKG, "eli": ELI, "org": ORG, "time": TIME, "prov": PROV, "oa": OA, "schema": SCHEMA,
    "skos": Namespace(str(SKOS)), "rdf": Namespace(str(RDF)), "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)), "owl": Namespace(str(OWL)),
}
#: Paste in front of a query: every prefix this project uses.
SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

BASE = "https://w3id.org/policykg/"
DOC_GRAPH_BASE = BASE + "graph/doc/"
#: Named graph of progress reports (issue "Track"). put_record and drop never touch it.
PROGRESS_GRAPH = URIRef(BASE + "graph/progress")
#: Writer leases in server mode (kg.stores._lease): bookkeeping, never data; exports skip it.
LEASE_GRAPH = URIRef(BASE + "graph/leases")

_ID_BASE = BASE + "id/"
# IRIREF excludes these (SPARQL 1.1 grammar [139]); everything we mint is checked against it before it is written.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _seg(value: str) -> str:
    return quote(value, safe="")


def check_iri(iri: str) -> str:
    """Return `iri` if it can be written as `<iri>` in SPARQL/N-Triples; raise ValueError otherwise."""
    if not iri or _BAD_IRI.search(iri) or ":" not in iri:
        raise ValueError(f"not a usable IRI: {iri!r}")
    return iri


def doc_graph(doc_id: str) -> URIRef:
    """The named graph that holds one document version."""
    return URIRef(DOC_GRAPH_BASE + _seg(doc_id))


def is_doc_graph(graph: str) -> bool:
    return str(graph).startswith(DOC_GRAPH_BASE)


def doc_id_of_graph(graph: str) -> str:
    """Inverse of doc_graph()."""
    if not is_doc_graph(graph):
        raise ValueError(f"not a document graph: {graph}")
    return unquote(str(graph)[len(DOC_GRAPH_BASE):])


def work_iri(doc_id: str) -> URIRef:
    return URIRef(f"{_ID_BASE}doc/{_seg(doc_id)}")


def expression_iri(doc_id: str) -> URIRef:
    return URIRef(f"{work_iri(doc_id)}/zh")


def section_iri(doc_id: str, section_id: str) -> URIRef:
    return URIRef(f"{work_iri(doc_id)}/section/{_seg(section_id)}")


def task_iri(doc_id: str, task_id: str) -> URIRef:
    return URIRef(f"{work_iri(doc_id)}/task/{_seg(task_id)}")


def target_iri(doc_id: str, target_id: str) -> URIRef:
    return URIRef(f"{work_iri(doc_id)}/target/{_seg(target_id)}")


def sub_iri(node: str, part: str) -> URIRef:
    """A helper node that belongs to `node` (its span, selectors, quantity…): `{node}#{part}`."""
    return URIRef(f"{node}#{part}")


def id_from_iri(iri: str) -> str:
    """The id a section/task/target IRI was minted from (last path segment, decoded; fragment ignored)."""
    return unquote(str(iri).split("#", 1)[0].rsplit("/", 1)[1])


def unit_scope(issuer: Optional[str], doc_id: str) -> str:
    """The scope a unit name is resolved in: the issuing government, else the document itself."""
    return issuer if issuer else f"doc:{doc_id}"


def unit_iri(scope: str, name: str) -> URIRef:
    """A responsible unit, scoped by its issuing government (use unit_scope() to get the scope of a document)."""
    return URIRef(f"{_ID_BASE}unit/{_seg(scope)}/{_seg(name)}")


def org_iri(issuer: str) -> URIRef:
    """An issuing government (上海市嘉定区)."""
    return URIRef(f"{_ID_BASE}org/{_seg(issuer)}")


def date_iri(iso_date: str) -> URIRef:
    """The time:Instant of one day; shared by everything due that day."""
    return URIRef(f"{_ID_BASE}date/{_seg(iso_date)}")
