"""Ingest many files: extract in parallel (both cores), write one document version at a time, report every failure.

Why extraction in worker processes but writes in this one: extraction is pure CPU per file, while the embedded store
admits one writer; each put_record is atomic, so an interrupted run leaves every finished document complete and none
half-stored, and running it again with skip_existing resumes where it stopped.

Why a bounded window of submissions instead of `pool.map`: map submits every file at once, so an interrupt (Ctrl-C)
would wait for the whole queue and finished records would pile up in memory while the writer lags. Here at most a few
files per worker are in flight; an interrupt cancels the rest. A worker that dies (out of memory, a crash in native
code) breaks the whole pool: the files that were in flight are then retried one by one in a fresh pool, so the one
that kills its worker is reported (`worker_crash`) and every other file is still ingested.

On a SPARQL endpoint (server mode) the workers also write: building the RDF of a document costs as much CPU as
extracting it, and the server accepts concurrent writers (each put_record is one update request, one transaction),
so both cores do both jobs and the parent only keeps the summary. The embedded store admits one process, so there the
parent writes.

Every failure carries a `kind` (see REASONS) besides its message, and the summary counts them (`by_reason`).
"""
from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from extract.errors import InputError
from extract.record import PlanRecord

from .store import Store

__all__ = ["ingest_files", "REASONS"]

#: failure kind -> what it means (Chinese, for the CLI summary)
REASONS: dict[str, str] = {
    "unreadable": "无法读取（格式、编码、空文件或没有文字层）",
    "no_structure": "没有编号结构（一、（一）1. 第X条等），无法识别章节和任务",
    "extractor_error": "抽取器内部错误",
    "worker_crash": "抽取进程崩溃（内存不足或原生代码错误）",
    "store_error": "无法写入存储",
}

#: (path, record still to be written or None, summary item when already written by the worker, kind, message)
Outcome = tuple[str, Optional[PlanRecord], Optional[dict[str, Any]], Optional[str], Optional[str]]

_worker_store: Optional[Store] = None  # a worker's own connection to a SPARQL endpoint (server mode)


def _item(record: PlanRecord, path: str) -> dict[str, Any]:
    return {"id": record.document.id, "source": path, "title": record.document.title, "tasks": len(record.tasks),
            "targets": len(record.targets)}


def _extract_one(path: str, doc_id: Optional[str], write_to: Optional[str] = None) -> Outcome:
    """Extract one file; with `write_to` (an endpoint spec) also store it from this process."""
    from extract import extract_file
    try:
        record = extract_file(path, doc_id=doc_id)
    except InputError as e:
        return path, None, None, "unreadable", str(e)
    except Exception as e:  # noqa: BLE001 - a file that breaks the extractor is reported, the batch goes on
        return path, None, None, "extractor_error", f"抽取失败（{type(e).__name__}: {e}）"
    if not record.tasks and not record.sections:
        return path, None, None, "no_structure", REASONS["no_structure"]
    if write_to is None:
        return path, record, None, None, None
    global _worker_store
    try:
        if _worker_store is None:
            from .store import open_store
            _worker_store = open_store(write_to)
        _worker_store.put_record(record)
    except Exception as e:  # noqa: BLE001 - reported like a write in the parent would be
        return path, None, None, "store_error", str(e).splitlines()[0] if str(e) else type(e).__name__
    return path, None, _item(record, path), None, None


def _extracted(files: list[Path], doc_id: Optional[str], workers: int, write_to: Optional[str] = None
               ) -> Iterator[Outcome]:
    """Outcomes in completion order (parallel only for four files or more: a pool costs a pipeline load per worker)."""
    paths = [str(f) for f in files]
    if workers <= 1 or len(paths) < 4:
        for p in paths:
            yield _extract_one(p, doc_id)
        return
    pending = list(reversed(paths))  # pop() from the end keeps input order
    while pending:
        crashed: list[str] = []
        pool = ProcessPoolExecutor(max_workers=workers)
        inflight: dict[Future, str] = {}
        try:
            while pending or inflight:
                while pending and len(inflight) < workers * 3:
                    p = pending.pop()
                    inflight[pool.submit(_extract_one, p, doc_id, write_to)] = p
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for fut in done:
                    p = inflight.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        crashed.append(p)
                if crashed:  # the pool is dead: every other in-flight file fails the same way
                    crashed += list(inflight.values())
                    inflight.clear()
                    break
        finally:
            pool.shutdown(wait=not crashed, cancel_futures=True)
        for p in crashed:  # one at a time, so the culprit is known
            yield _isolated(p, doc_id, write_to)


def _isolated(path: str, doc_id: Optional[str], write_to: Optional[str]) -> Outcome:
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_extract_one, path, doc_id, write_to).result()
        except BrokenProcessPool:
            return path, None, None, "worker_crash", REASONS["worker_crash"]


def ingest_files(store: Store, files: Iterable[Path | str], doc_id: Optional[str] = None, skip_existing: bool = False,
                 progress: bool = False, workers: Optional[int] = None) -> dict[str, Any]:
    """Extract and store each file. Returns
    {"ingested": [{id, source, title, tasks, targets}], "skipped": [{id, source}], "failed": [{source, kind, reason}],
     "documents", "tasks", "targets", "by_reason": {kind: n}, "without_tasks": n, "elapsed_s"}
    with each list in input order. A failing file never stops the batch and never touches the store; an interrupted
    run leaves only complete documents, and rerunning with skip_existing=True continues where it stopped."""
    from extract.docmeta import doc_id_from_path
    start = time.perf_counter()
    files = [Path(f) for f in files]
    order = {str(f): i for i, f in enumerate(files)}
    existing = set(store.doc_ids()) if skip_existing else set()
    summary: dict[str, Any] = {"ingested": [], "skipped": [], "failed": []}
    todo = []
    for f in files:
        if skip_existing and (doc_id or doc_id_from_path(str(f))) in existing:
            summary["skipped"].append({"id": doc_id or doc_id_from_path(str(f)), "source": str(f)})
        else:
            todo.append(f)
    workers = workers or min(2, os.cpu_count() or 1)
    write_to = store.spec if store.backend == "sparql" and store.spec else None
    bar = _progress(len(todo)) if progress and todo else None
    try:
        for path, record, written, kind, error in _extracted(todo, doc_id, workers, write_to):
            if written is not None:
                summary["ingested"].append(written)
            elif record is None:
                summary["failed"].append({"source": path, "kind": kind, "reason": error})
            else:
                try:
                    store.put_record(record)
                    summary["ingested"].append(_item(record, path))
                except InputError as e:
                    summary["failed"].append({"source": path, "kind": "store_error", "reason": str(e)})
            if bar:
                bar[0].update(bar[1], advance=1, failed=len(summary["failed"]))
    finally:
        if bar:
            bar[0].stop()
    for key in ("ingested", "failed"):
        summary[key].sort(key=lambda item: order.get(item["source"], 0))
    summary["documents"] = len(summary["ingested"])
    summary["tasks"] = sum(i["tasks"] for i in summary["ingested"])
    summary["targets"] = sum(i["targets"] for i in summary["ingested"])
    summary["without_tasks"] = sum(1 for i in summary["ingested"] if not i["tasks"])
    summary["by_reason"] = dict(Counter(f["kind"] for f in summary["failed"]).most_common())
    summary["elapsed_s"] = round(time.perf_counter() - start, 2)
    return summary


def _progress(total: int):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    p = Progress(TextColumn("导入中"), BarColumn(), MofNCompleteColumn(), TextColumn("失败 {task.fields[failed]}"),
                 TimeRemainingColumn(), transient=True)
    p.start()
    return p, p.add_task("ingest", total=total, failed=0)
