"""Data of the 文档 page: the stored documents, ingesting uploads, validation, export, removal.

Every function takes an open Store and returns JSON-able values. Ingest goes through kg.ingest.ingest_files, one file
at a time so the page can advance a progress bar between files; each put_record is atomic, so an interrupted upload
batch leaves every finished document complete and the rest untouched. An upload whose id is already stored is skipped
unless `replace=True`: nothing stored is replaced by accident.
"""
from __future__ import annotations

import shutil
from typing import Any, Callable, Optional

from extract.errors import InputError
from kg import Store

from .uploads import save_upload

__all__ = ["store_info", "list_documents", "ingest_uploads", "validate_document", "export_document", "drop_document",
           "document_links", "EXPORT_FORMATS"]

#: format → (label, file extension, MIME type)
EXPORT_FORMATS: dict[str, tuple[str, str, str]] = {
    "ttl": ("Turtle / TriG（RDF）", "ttl", "text/turtle"),
    "jsonld": ("JSON-LD（RDF）", "jsonld", "application/ld+json"),
    "csv": ("CSV 指标表（Excel 可直接打开）", "csv", "text/csv"),
    "graphml": ("GraphML 网络（Gephi 等）", "graphml", "application/xml"),
}


def store_info(store: Store) -> dict[str, str]:
    """Which store the app is using: {"backend", "spec"}."""
    return {"backend": store.backend, "spec": store.spec}


def list_documents(store: Store) -> list[dict[str, Any]]:
    """The contract's listing `[{id, title, issuer, published, tasks, targets}]`, sorted by id."""
    return store.docs()


def ingest_uploads(store: Store, uploads: list[tuple[str, bytes]], replace: bool = False,
                   on_progress: Optional[Callable[[int, int, str], None]] = None) -> dict[str, Any]:
    """Check, extract and store each (file name, bytes). Returns {"ingested": [{id, title, tasks, targets, source}],
    "skipped": [{id, source}], "failed": [{source, reason}]}; a bad file is reported and never stops the others."""
    from kg.ingest import ingest_files

    out: dict[str, Any] = {"ingested": [], "skipped": [], "failed": []}
    total = len(uploads)
    for i, (name, data) in enumerate(uploads):
        if on_progress:
            on_progress(i, total, name)
        try:
            path = save_upload(name, data)
        except InputError as e:
            out["failed"].append({"source": name, "reason": str(e)})
            continue
        try:
            summary = ingest_files(store, [path], skip_existing=not replace, workers=1)
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        for item in summary["ingested"]:
            out["ingested"].append({**item, "source": name})
        for item in summary["skipped"]:
            out["skipped"].append({**item, "source": name})
        for item in summary["failed"]:
            out["failed"].append({"source": name, "reason": item["reason"]})
    if on_progress:
        on_progress(total, total, "")
    return out


def validate_document(store: Store, doc_id: Optional[str] = None) -> list[dict[str, Any]]:
    """SHACL results per document: [{doc, conforms, violations, warnings, results: [{severity, focus, path, message}]}]."""
    report = store.validate(doc_id)
    out = []
    for doc, r in report.items():
        results = r.get("results", [])
        out.append({"doc": doc, "conforms": bool(r["conforms"]),
                    "violations": sum(1 for x in results if x.get("severity") == "Violation"),
                    "warnings": sum(1 for x in results if x.get("severity") != "Violation"),
                    "results": [{k: x.get(k) for k in ("severity", "focus", "path", "message")} for x in results]})
    return out


def export_document(store: Store, fmt: str, doc_id: Optional[str] = None) -> dict[str, Any]:
    """{"filename", "mime", "text"} of one document (or all, doc_id None) in `fmt` (EXPORT_FORMATS)."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"不支持的导出格式 {fmt}；可用：{'、'.join(EXPORT_FORMATS)}")
    text = store.export(fmt, doc_id)
    _, ext, mime = EXPORT_FORMATS[fmt]
    if fmt == "ttl" and doc_id is None:
        ext = "trig"  # several named graphs need TriG
    return {"filename": f"{doc_id or 'policykg-all'}.{ext}", "mime": mime, "text": text}


def document_links(store: Store, doc_id: Optional[str] = None) -> list[dict[str, Any]]:
    """The 依据与引用 table: the documents `doc_id` (or every stored plan) names in 《》, each a kg.links.plan_links row
    plus `relation_label` (实施依据 / 拟制定 / 提及). `to_doc` is the stored plan with exactly that title, or None.
    Unknown id → InputError."""
    from kg.links import RELATION_LABELS, plan_links
    return [{**x, "relation_label": RELATION_LABELS.get(x["relation"], x["relation"])}
            for x in plan_links(store, doc_id)]


def drop_document(store: Store, doc_id: str) -> dict[str, str]:
    """Remove one document version (progress reports stay in their own graph). Unknown id → InputError."""
    store.drop(doc_id)
    return {"dropped": doc_id}
