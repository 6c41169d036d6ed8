"""Where bound values go in a query, and how they are written (kg.binding, kg.terms)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.binding import bind, where_brace
from kg.terms import sparql_term, to_python, to_term


@pytest.mark.parametrize("query, marker", [
    ("SELECT ?x WHERE { ?x ?p ?o }", "WHERE {"),
    ("select ?x where{ ?x ?p ?o }", "where{"),
    ("SELECT * { ?x ?p ?o }", "* {"),
    ("ASK { ?x ?p ?o }", "ASK {"),
    ("PREFIX w: <http://e/where?a=WHERE#x> SELECT ?where WHERE { ?where w:where ?o }", "WHERE {"),
    ("# WHERE { in a comment\nSELECT ?x WHERE { ?x ?p '{' }", "?x WHERE {"),
    ('SELECT ?x WHERE { ?x ?p "WHERE { }" }', "WHERE {"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "WHERE {"),
    ("INSERT { GRAPH ?g { ?s ?p ?o } } WHERE { ?s ?p ?o }", "WHERE {"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "WHERE {"),
    ("SELECT (IF(?a < 3, 1, 2) AS ?b) WHERE { ?x ?p ?a }", "WHERE {"),
    ("SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } } }", "WHERE {"),
])
def test_where_brace_finds_the_outermost_where_group(query, marker):
    at = where_brace(query)
    assert at == query.index(marker) + len(marker) - 1


@pytest.mark.parametrize("query", ["INSERT DATA { <x:a> <x:b> <x:c> }", "DROP GRAPH <x:g>", "DESCRIBE <x:a>"])
def test_no_where_group(query):
    assert where_brace(query) == -1
    with pytest.raises(ValueError, match="no WHERE group"):
        bind(query, {"x": 1})


def test_bind_inserts_one_values_row():
    q = bind("SELECT ?t WHERE { ?t ?p ?name }", {"name": "区经委", "n": 3})
    assert q == 'SELECT ?t WHERE { VALUES (?name ?n) { ("区经委" "3"^^<http://www.w3.org/2001/XMLSchema#integer>) }  ?t ?p ?name }'
    assert bind("SELECT ?t WHERE { }", None) == "SELECT ?t WHERE { }"


@pytest.mark.parametrize("name", ["a b", "x}", "1x", "", "?a?"])
def test_bad_variable_names_are_refused(name):
    with pytest.raises(ValueError):
        bind("SELECT * WHERE { }", {name: 1})


def test_string_escaping_per_engine():
    assert sparql_term(Literal('a"b\nc')) == '"a\\"b\\nc"'
    assert sparql_term(Literal("a\\b")) == '"a\\\\b"'
    assert sparql_term(Literal("a\\b"), rdflib_dialect=True) == '"a\\u005C\\u005Cb"'
    assert sparql_term(Literal("x", lang="zh")) == '"x"@zh'
    assert sparql_term(URIRef("http://e/x")) == "<http://e/x>"
    with pytest.raises(ValueError):
        sparql_term(URIRef("http://e/x> } DROP ALL"))
    with pytest.raises(TypeError):
        sparql_term(BNode())


def test_python_values_to_terms_and_back():
    assert to_term(3) == Literal(3, datatype=XSD.integer)
    assert to_term(True) == Literal(True)
    assert to_term(Decimal("1.5")).datatype == XSD.decimal
    assert to_term(dt.date(2025, 12, 31)) == Literal("2025-12-31", datatype=XSD.date)
    assert to_term(Literal("x", datatype=XSD.string)) == Literal("x")
    with pytest.raises(TypeError):
        to_term(object())
    assert to_python(Literal("6", datatype=XSD.decimal)) == 6
    assert to_python(Literal("1.3", datatype=XSD.decimal)) == 1.3
    assert to_python(Literal("2025-02-30", datatype=XSD.date)) == "2025-02-30"  # ill-typed: as stored
    assert to_python(Literal("abc", datatype=XSD.integer)) == "abc"
    assert to_python(Literal("true", datatype=XSD.boolean)) is True
    assert to_python(URIRef("x:a")) == "x:a"
    assert to_python(None) is None
