"""Import a progress sheet (.xlsx or .csv): every row is checked first; one bad row rejects the whole file.

Why all-or-nothing: a coordinator who imports a unit's sheet must be able to say "it is in" or "it is not in"; a
half-imported file would leave some targets updated and others silently stale. So: read every row, check every row
(kg.track.write.check_draft, the same checks as `progress add`), and only if all pass write all reports in ONE
Store.add (one transaction). A process killed at any point leaves the store as it was, or with the whole file.

Rows the unit left empty (no value, state, date or note: an unfilled template line) are skipped, not errors. The
same file (same sha256) is not imported twice unless `force` — re-sending a sheet by mistake must not double it.
Within one file, rows keep their order (`seq` = row number): a later row about the same target and day wins.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from extract.errors import InputError

from ..store import Store
from .catalog import load_catalog
from .rdf import file_iri, now_utc
from .tabular import cell_text, read_rows
from .write import Draft, append_reports, check_draft

__all__ = ["import_reports", "SCHEMA_IMPORT"]

SCHEMA_IMPORT = "policykg.import/1"
_USER_FIELDS = ("value", "state", "date", "note", "baseline", "supersedes")
_MAX_LISTED = 3


def _draft(row: dict[str, Any]) -> Draft:
    value = row.get("value")
    sup = cell_text(row.get("supersedes"))
    return Draft(target=cell_text(row.get("target")) or "", date=row.get("date"), by=cell_text(row.get("by")) or "",
                 value=value, unit=cell_text(row.get("unit")) if value is not None else None,
                 state=cell_text(row.get("state")), note=cell_text(row.get("note")), doc=cell_text(row.get("doc")),
                 baseline=row.get("baseline"),
                 supersedes=tuple(s for s in (sup or "").replace("，", ",").split(",") if s.strip()))


def import_reports(store: Store, path: str | Path, *, force: bool = False) -> dict[str, Any]:
    """Import every filled row of a .xlsx/.csv progress sheet as reports (source "import"), all or none.
    Returns {"schema": "policykg.import/1", "file", "sha256", "rows", "imported", "skipped_blank", "superseded",
    "reports": [policykg.report/1 …]}. A bad row → InputError "第 N 行：…" and nothing is written."""
    p = Path(path)
    rows = read_rows(p)
    sha = hashlib.sha256(p.read_bytes()).hexdigest()
    if not force and store.ask("ASK { ?f pkg:sha256 ?sha }", {"f": file_iri(sha), "sha": sha}):
        raise InputError(f"文件 {p.name} 已导入过（内容相同）；如确需再次导入请加 --force")
    cat = load_catalog(store)
    filled = [r for r in rows if any(r.get(f) is not None for f in _USER_FIELDS)]
    if not filled:
        raise InputError(f"{p.name} 中没有填写任何报告（报告值、进展状态、数据日期均为空）")
    at = now_utc()
    checked, errors = [], []
    for row in filled:
        try:
            checked.append(check_draft(cat, _draft(row), source="import", seq=row.line, source_row=row.line,
                                       source_file=p.name, reported_at=at))
        except InputError as e:
            errors.append(f"第 {row.line} 行：{e}")
    if errors:
        more = f"（另有 {len(errors) - _MAX_LISTED} 行有误）" if len(errors) > _MAX_LISTED else ""
        raise InputError("；".join(errors[:_MAX_LISTED]) + more + f"。整个文件未导入，请改正后重新导入 {p.name}")
    stored = append_reports(store, checked, file_sha256=sha)
    return {"schema": SCHEMA_IMPORT, "file": str(p), "sha256": sha, "rows": len(rows), "imported": len(stored),
            "skipped_blank": len(rows) - len(filled), "superseded": sum(len(r.supersedes) for r in stored),
            "reports": [r.to_contract() for r in stored]}
