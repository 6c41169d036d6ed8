"""Ingest many files: extract in parallel (both cores), write one document version at a time, report every failure.

Why extraction in worker processes but writes in this one: extraction is pure CPU per file, while the embedded store
admits one writer; each put_record is atomic, so an interrupted run leaves every finished document complete and none
half-stored, and running it again with skip_existing resumes where it stopped.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from extract.errors import InputError
from extract.record import PlanRecord

from .store import Store


def _extract_one(path: str, doc_id: Optional[str]) -> tuple[str, Optional[PlanRecord], Optional[str]]:
    from extract import extract_file
    try:
        record = extract_file(path, doc_id=doc_id)
        if not record.tasks and not record.sections:
            return path, None, "没有编号结构（一、（一）1. 第X条等），无法识别章节和任务"
        return path, record, None
    except InputError as e:
        return path, None, str(e)
    except Exception as e:  # noqa: BLE001 - a file that breaks the extractor is reported, the batch goes on
        return path, None, f"抽取失败（{type(e).__name__}: {e}）"


def _extracted(files: list[Path], doc_id: Optional[str], workers: int) -> Iterator[tuple[str, Optional[PlanRecord], Optional[str]]]:
    if workers <= 1 or len(files) < 4:
        for f in files:
            yield _extract_one(str(f), doc_id)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_one, [str(f) for f in files], [doc_id] * len(files), chunksize=4)


def ingest_files(store: Store, files: Iterable[Path | str], doc_id: Optional[str] = None, skip_existing: bool = False,
                 progress: bool = False, workers: Optional[int] = None) -> dict[str, Any]:
    """Extract and store each file; returns {"ingested": [...], "skipped": [...], "failed": [{source, reason}],
    "documents", "tasks", "targets"}. A failing file never stops the batch and never touches the store."""
    from extract.docmeta import doc_id_from_path
    files = [Path(f) for f in files]
    existing = set(store.doc_ids()) if skip_existing else set()
    todo = [f for f in files if not (skip_existing and (doc_id or doc_id_from_path(str(f))) in existing)]
    summary: dict[str, Any] = {"ingested": [], "skipped": [], "failed": []}
    for f in files:
        if f not in todo:
            summary["skipped"].append({"id": doc_id or doc_id_from_path(str(f)), "source": str(f)})
    workers = workers or min(2, os.cpu_count() or 1)
    bar = _progress(len(todo)) if progress and todo else None
    try:
        for path, record, error in _extracted(todo, doc_id, workers):
            if record is None:
                summary["failed"].append({"source": path, "reason": error})
            else:
                try:
                    store.put_record(record)
                    summary["ingested"].append({"id": record.document.id, "source": path, "title": record.document.title,
                                                "tasks": len(record.tasks), "targets": len(record.targets)})
                except InputError as e:
                    summary["failed"].append({"source": path, "reason": str(e)})
            if bar:
                bar[0].advance(bar[1])
    finally:
        if bar:
            bar[0].stop()
    summary["documents"] = len(summary["ingested"])
    summary["tasks"] = sum(i["tasks"] for i in summary["ingested"])
    summary["targets"] = sum(i["targets"] for i in summary["ingested"])
    return summary


def _progress(total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    p = Progress(TextColumn("导入中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True)
    p.start()
    return p, p.add_task("ingest", total=total)
