"""Data of the 版本比对 page: two versions (stored ids or an uploaded file) → the policykg.diff/1 object, counts for
the summary, a table of changes, and the HTML redline.

Why uploads are extracted but not stored: a new version is usually compared before anyone decides to keep it; the
page offers a separate button to ingest it (documents.ingest_uploads), so a look never replaces a stored version.
"""
from __future__ import annotations

import shutil
from typing import Any, Optional

from extract.errors import InputError
from extract.record import PlanRecord
from kg import Store

from . import records
from .uploads import save_upload

__all__ = ["load_version", "diff_versions", "summarize", "STATUS_ZH", "TYPE_ZH"]

STATUS_ZH = {"unchanged": "未变", "renumbered": "重新编号", "moved": "移动", "modified": "修改"}
TYPE_ZH = {"target_value": "指标数值", "deadline": "期限", "responsible_units": "责任单位", "text": "文字"}


def load_version(store: Store, doc_id: Optional[str] = None,
                 upload: Optional[tuple[str, bytes]] = None) -> PlanRecord:
    """A stored document's record, or the record extracted from an uploaded (name, bytes); exactly one is given."""
    if (doc_id is None) == (upload is None):
        raise InputError("请选择一个已入库的版本，或上传一个文件")
    if doc_id is not None:
        return records.record(store, doc_id)
    from extract import extract_file
    path = save_upload(*upload)
    try:
        rec = extract_file(str(path))
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    if not rec.tasks and not rec.sections:
        raise InputError(f"{upload[0]} 中没有识别出编号结构（一、（一）1. 第X条等），无法比对")
    return rec


def summarize(diff: dict[str, Any]) -> dict[str, Any]:
    """Counts and rows for the page: {"counts": {status or added/removed/changes/formatting_only: n},
    "by_type": {type: n}, "rows": [{type, label, old, new, before, after}]}."""
    counts = {s: 0 for s in STATUS_ZH}
    for p in diff["pairs"]:
        counts[p["status"]] = counts.get(p["status"], 0) + 1
    counts.update(added=len(diff["added"]), removed=len(diff["removed"]), changes=len(diff["changes"]),
                  formatting_only=int(diff.get("formatting_only") or 0))
    by_type: dict[str, int] = {}
    rows = []
    for c in diff["changes"]:
        by_type[c["type"]] = by_type.get(c["type"], 0) + 1
        rows.append({"type": c["type"], "label": TYPE_ZH.get(c["type"], c["type"]), "old": c.get("old"),
                     "new": c.get("new"), "before": _text(c.get("before")), "after": _text(c.get("after"))})
    return {"counts": counts, "by_type": by_type, "rows": rows}


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "、".join(str(x) for x in v)
    return str(v)


def diff_versions(store: Store, old: Optional[str] = None, new: Optional[str] = None,
                  old_upload: Optional[tuple[str, bytes]] = None, new_upload: Optional[tuple[str, bytes]] = None,
                  use_embeddings: bool = False) -> dict[str, Any]:
    """Compare two versions: {"diff": policykg.diff/1, "summary": summarize(), "html": the redline page,
    "old": {id, title}, "new": {id, title}}. Embeddings are off by default: loading the model takes seconds."""
    from kg.diff import diff_records, render_html

    a = load_version(store, old, old_upload)
    b = load_version(store, new, new_upload)
    result = diff_records(a, b, use_embeddings=use_embeddings)
    return {"diff": result, "summary": summarize(result), "html": render_html(result, a, b),
            "old": {"id": a.document.id, "title": a.document.title},
            "new": {"id": b.document.id, "title": b.document.title}}
