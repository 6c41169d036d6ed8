"""SHACL validation of stored documents against ontology/shapes.ttl (pyshacl).

Why per document graph: a document graph is self-contained (it carries its own units, dates and canonical text), so
each one is validated on its own snapshot; a bad document never hides behind a good one, and results name the
document. No inference is run: the writer materialises the types the shapes target (tasks are typed both pkg:Task and
eli:LegalResourceSubdivision), so validation is fast and means the same on every backend.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from rdflib import Graph
from rdflib.namespace import RDF

from extract.errors import InputError

if TYPE_CHECKING:
    from .store import Store

__all__ = ["validate", "validate_graph"]

_SH = "http://www.w3.org/ns/shacl#"


def _short(node: Any) -> Optional[str]:
    return None if node is None else str(node)


def validate_graph(graph: Graph) -> dict[str, Any]:
    """{"conforms": bool, "results": [{severity, focus, path, value, message, shape}]} for one document graph."""
    from pyshacl import validate as shacl_validate
    from rdflib import Namespace

    from ontology import shapes_graph

    sh = Namespace(_SH)
    conforms, report, _ = shacl_validate(graph, shacl_graph=shapes_graph(), inference="none",
                                          abort_on_first=False, allow_warnings=True, advanced=False)
    results = []
    for r in report.subjects(RDF.type, sh.ValidationResult):
        results.append({
            "severity": _short(report.value(r, sh.resultSeverity)).rsplit("#", 1)[-1],
            "focus": _short(report.value(r, sh.focusNode)),
            "path": _short(report.value(r, sh.resultPath)),
            "value": _short(report.value(r, sh.value)),
            "message": _short(report.value(r, sh.resultMessage)),
            "shape": _short(report.value(r, sh.sourceShape)),
        })
    results.sort(key=lambda x: (x["focus"] or "", x["path"] or "", x["message"] or ""))
    return {"conforms": bool(conforms), "results": results}


def validate(store: "Store", doc_id: Optional[str] = None) -> dict[str, dict[str, Any]]:
    """Validate one stored document (unknown id → InputError) or every stored document:
    {doc_id: {"conforms": bool, "results": [...]}}."""
    ids = [doc_id] if doc_id is not None else store.doc_ids()
    if doc_id is not None and not store.has(doc_id):
        raise InputError(f"未找到文档 {doc_id}；可用 `policykg docs` 查看已入库的文档")
    return {d: validate_graph(store.graph(d)) for d in ids}
