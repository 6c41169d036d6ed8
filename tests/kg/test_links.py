"""Documents a plan names (PlanRecord.references) in the graph, and kg.links.plan_links across stored plans.

The real pair: the Jiading district plan says `根据《…实施意见》和《上海市碳达峰实施方案》,制定本实施方案`, and the Shanghai
city plan is in corpus/. The hand-written pair checks what must not link (an issuer prefix, the plan itself).
"""
from __future__ import annotations

import functools
import hashlib
from copy import deepcopy

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

import kg
import ontology
from extract.errors import InputError
from extract.record import DocumentInfo, PlanRecord, Reference, Section, Task
from kg.links import RELATION_LABELS, plan_links
from kg.validate import validate_graph
from kg.vocab import ELI, PKG, work_iri
from kg_records import CORPUS

JIADING, SHANGHAI = "jiading-carbon-peak-plan-2022", "shanghai-carbon-peak-plan-2022"


@functools.lru_cache(maxsize=None)
def _extracted(name: str) -> PlanRecord:
    from extract import extract_file
    return extract_file(CORPUS / name)


def _plan(doc_id: str, title: str, opening: str, refs: list[tuple[str, str]], published: str = "2022-07-01"
          ) -> PlanRecord:
    """A small plan whose opening names documents: refs = [(title as written in the text, relation)]."""
    text = f"{title}\n{opening}\n一、总体要求\n推进工作。\n"
    references, at = [], 0
    for written, relation in refs:
        s = text.index(f"《{written}》", at) + 1
        at = s + len(written)
        references.append(Reference("".join(written.split()), (s, at), relation, "根据" if relation == "implements"
                                    else None, (text.index(opening), text.index(opening) + len(opening))))
    head = text.index("一、")
    body = text.index("推进工作。")
    doc = DocumentInfo(doc_id, title, None, published, f"{doc_id}.txt", hashlib.sha256(text.encode()).hexdigest(),
                       len(text))
    return PlanRecord(doc, text, [Section("1", "一、", "总体要求", None, (head, head + 6), 0, None)],
                      [Task("1.1", "1", "推进工作", (body, body + 5), "", None, text="推进工作。")], [], [],
                      references)


def test_references_round_trip_exactly(store):
    rec = _extracted("jiading_carbon_peak_plan_2022.txt")
    assert rec.references
    store.put_record(rec)
    back = store.record(rec.document.id)
    assert back.references == rec.references
    assert back.to_contract() == rec.to_contract()


def test_odd_references_round_trip(store):
    rec = _plan("odd", "某区方案", "根据《A》和《B》，另见《C》", [("A", "implements"), ("B", "drafts"), ("C", "cites")])
    rec.references.append(Reference("C", rec.references[2].span, "annexes"))  # a relation the graph has no term for
    store.put_record(rec)
    assert store.record("odd").references == rec.references


def test_the_graph_uses_eli_cites_and_applies():
    rec = _extracted("jiading_carbon_peak_plan_2022.txt")
    g = kg.record_to_graph(rec)
    w = work_iri(JIADING)
    cited = set(g.objects(w, ELI.cites))
    applied = set(g.objects(w, ELI.applies))
    assert len(cited) == len(rec.references) and applied <= cited
    assert {str(g.value(n, ELI.title)) for n in applied} == {
        "中共上海市委上海市人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见", "上海市碳达峰实施方案"}
    # every local term the writer uses for them is declared in the ontology
    onto = ontology.ontology_graph()
    declared = {s for s in onto.subjects(RDF.type, None) if str(s).startswith(str(PKG))}
    used = {p for p in g.predicates() if str(p).startswith(str(PKG))}
    assert {PKG.cue, PKG.contextSpan} <= used <= declared


def test_extracted_references_conform_to_the_shapes():
    for name in ("jiading_carbon_peak_plan_2022.txt", "jiangsu_eco_env_dept_carbon_workplan_2021.txt",
                 "wuhan_co2_peak_assessment_workplan_2021.txt"):
        report = validate_graph(kg.record_to_graph(deepcopy(_extracted(name))))
        assert report == {"conforms": True, "results": []}, name


def test_shapes_catch_bad_references():
    rec = _plan("bad", "某区方案", "根据《A》和《B》", [("A", "implements"), ("B", "cites")])
    rec.references[1] = Reference("", rec.references[1].span, "cites")
    g = kg.record_to_graph(rec)
    w, a = work_iri("bad"), URIRef(str(work_iri("bad")) + "#ref-1")
    g.add((w, PKG.drafts, a))  # both implemented and to be drafted
    g.add((w, ELI.applies, URIRef(str(w) + "#ref-9")))  # applies a node it does not cite
    g.add((URIRef(str(w) + "#ref-9"), ELI.title, Literal("X")))
    messages = {r["message"] for r in validate_graph(g)["results"]}
    assert "引用的文件须有唯一的非空标题 (eli:title)" in messages
    assert "同一引用不能既是实施依据 (eli:applies) 又是拟制定的文件 (pkg:drafts)" in messages
    assert "实施依据或拟制定的文件须同时以 eli:cites 引用" in messages


def test_records_with_bad_reference_spans_are_refused():
    rec = _plan("bad", "某区方案", "根据《A》", [("A", "implements")])
    rec.references[0].span = (1, "x")  # type: ignore[assignment]
    with pytest.raises(InputError, match="引用文件的位置"):
        kg.record_to_graph(rec)


def test_real_district_plan_links_to_its_city_plan(store):
    for name in ("jiading_carbon_peak_plan_2022.txt", "shanghai_carbon_peak_plan_2022.txt"):
        store.put_record(_extracted(name))
    links = plan_links(store)
    assert {link["from_doc"] for link in links} == {JIADING}  # the city plan names no document
    basis = [link for link in links if link["relation"] == "implements"]
    assert [(link["title"], link["to_doc"]) for link in basis] == [
        ("中共上海市委上海市人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见", None),
        ("上海市碳达峰实施方案", SHANGHAI)]
    city = basis[1]
    text = _extracted("jiading_carbon_peak_plan_2022.txt").text
    assert text[city["span"][0]:city["span"][1]] == "上海市碳达峰实施方案"
    assert city["quote"] == text[city["context_span"][0]:city["context_span"][1]] and city["quote"].startswith("根据")
    assert city["cue"] == "根据" and city["to_title"] == "上海市碳达峰实施方案" and city["from_title"] == "嘉定区碳达峰实施方案"
    # 保障措施 names the city plan again, as a task's work: listed, linked, but only as 提及
    assert [link["relation"] for link in links if link["to_doc"] == SHANGHAI] == ["implements", "cites"]
    assert plan_links(store, SHANGHAI) == []
    assert plan_links(store, JIADING) == links


def test_only_exact_titles_link():
    store = kg.open_store("memory:")
    store.put_record(_plan("city", "某市碳达峰实施方案", "为贯彻落实国家部署，制定本方案。", [], "2022-01-01"))
    store.put_record(_plan("city-v2", "某市 碳达峰实施方案", "修订。", [], "2023-01-01"))  # a later version, OCR space
    store.put_record(_plan("other", "某区碳达峰实施方案", "无。", []))
    store.put_record(_plan("district", "乙区碳达峰实施方案",
                           "根据《某市碳达峰\n实施方案》和《碳达峰实施方案》，对照《乙区碳达峰实施方案》，制定本方案。",
                           [("某市碳达峰\n实施方案", "implements"), ("碳达峰实施方案", "implements"),
                            ("乙区碳达峰实施方案", "cites")]))
    links = {link["title"]: link for link in plan_links(store, "district")}
    assert links["某市碳达峰实施方案"]["to_docs"] == ["city", "city-v2"]
    assert links["某市碳达峰实施方案"]["to_doc"] == "city-v2"  # the most recently published version
    assert links["碳达峰实施方案"]["to_doc"] is None  # a title without its issuer matches no stored plan
    assert links["乙区碳达峰实施方案"]["to_doc"] is None  # a plan never links to itself
    assert RELATION_LABELS[links["某市碳达峰实施方案"]["relation"]] == "实施依据"


def test_unknown_document_and_hostile_ids():
    store = kg.open_store("memory:")
    store.put_record(_plan("a", "甲方案", "根据《乙方案》制定。", [("乙方案", "implements")]))
    with pytest.raises(InputError, match="未找到文档"):
        plan_links(store, "nope")
    with pytest.raises(InputError, match="未找到文档"):
        plan_links(store, '"} ; DROP ALL #')
    hostile = '"}UNION{?x?y?z}#'
    store.put_record(_plan(hostile, "乙方案", "根据《甲方案》制定。", [("甲方案", "implements")]))
    assert [(x["from_doc"], x["to_doc"]) for x in plan_links(store, hostile)] == [(hostile, "a")]
    assert store.has("a")
