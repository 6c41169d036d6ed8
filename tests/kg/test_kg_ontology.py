"""The ontology and shapes files, the IRI scheme, and the package's public API."""
from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF

import kg
import ontology
from kg.vocab import PKG, doc_graph, doc_id_of_graph, id_from_iri, is_doc_graph, target_iri
from kg_records import small_record


def test_ttl_files_load_from_the_package():
    assert ontology.ontology_path().name == "policykg.ttl" and ontology.ontology_path().exists()
    assert len(ontology.ontology_graph()) > 100
    assert len(ontology.shapes_graph()) > 100
    assert (URIRef("https://w3id.org/policykg"), RDF.type, OWL.Ontology) in ontology.ontology_graph()


def test_every_local_term_the_writer_uses_is_declared():
    g = kg.record_to_graph(small_record())
    used = {p for p in g.predicates() if str(p).startswith(str(PKG))}
    used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(PKG))}
    onto = ontology.ontology_graph()
    declared = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(PKG))}
    assert used and used <= declared, sorted(used - declared)


def test_local_terms_are_only_for_what_standards_lack():
    onto = ontology.ontology_graph()
    classes = sorted(str(s).split("#")[1] for s in onto.subjects(RDF.type, OWL.Class) if str(s).startswith(str(PKG)))
    assert classes == ["Responsibility", "Section", "Target", "Task", "Warning"]


def test_graph_iris():
    assert str(doc_graph("jiading-carbon-peak-plan-2022")) == \
        "https://w3id.org/policykg/graph/doc/jiading-carbon-peak-plan-2022"
    assert str(kg.PROGRESS_GRAPH) == "https://w3id.org/policykg/graph/progress"
    assert not is_doc_graph(kg.PROGRESS_GRAPH)
    assert doc_id_of_graph(doc_graph("a/b c")) == "a/b c"
    assert id_from_iri(target_iri("d", "3.1.1/1")) == "3.1.1/1"
    assert id_from_iri(str(target_iri("d", "3.1.1/1")) + "#span") == "3.1.1/1"


def test_unit_iris_include_the_issuer():
    a = kg.unit_iri(kg.unit_scope("上海市嘉定区", "d1"), "区经委")
    b = kg.unit_iri(kg.unit_scope("上海市闵行区", "d2"), "区经委")
    assert a != b
    assert a == kg.unit_iri(kg.unit_scope("上海市嘉定区", "other-doc"), "区经委")
    assert kg.unit_iri(kg.unit_scope(None, "d1"), "区经委") != kg.unit_iri(kg.unit_scope(None, "d2"), "区经委")


def test_graph_has_no_blank_nodes_and_is_deterministic():
    from datetime import datetime, timezone
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    g1 = kg.record_to_graph(small_record(), generated_at=when)
    g2 = kg.record_to_graph(small_record(), generated_at=when)
    assert not any(isinstance(term, BNode) for triple in g1 for term in triple)
    assert set(g1) == set(g2)


def test_public_api_is_complete():
    assert sorted(kg.__all__) == sorted(name for name in kg.__all__ if hasattr(kg, name))
    assert callable(kg.validate) and callable(kg.export)  # the functions, not the same-named submodules
    import sys
    assert callable(sys.modules["kg.export"].export) and callable(sys.modules["kg.validate"].validate)
    for name in ("open_store", "Store", "record_from_graph", "record_to_graph", "validate", "export",
                 "PROGRESS_GRAPH", "register_backend"):
        assert name in kg.__all__


def test_parsing_the_writer_output_as_turtle_round_trips():
    g = kg.record_to_graph(small_record())
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert len(again) == len(g)
