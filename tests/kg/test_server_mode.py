"""Multi-user server mode: `oxigraph serve` as the shared store, several real `policykg` processes reading and
writing at once, nothing lost, nothing half-visible (docs/server-mode.md describes the set-up).

Why real subprocesses against a real server: the embedded store admits one process per directory, so server mode is
the way several officials' CLIs and the app share data; what must hold is a property of the HTTP endpoint and of our
one-request-per-put_record writes, which only real concurrent processes exercise.
No timing is asserted here (speed lives in bench/bench_scale.py).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kg
from extract import extract_file
from kg.synth import write_corpus

pytestmark = [pytest.mark.server, pytest.mark.slow]

BIN = Path(sys.executable).parent
POLICYKG = [str(BIN / "policykg")] if (BIN / "policykg").exists() else [sys.executable, "-m", "policykg"]
WRITERS = 4


@pytest.fixture
def empty_server(oxigraph_server: str) -> str:
    """The kg tests' `oxigraph serve` (tests/kg/conftest.py), emptied."""
    with kg.open_store(oxigraph_server) as s:
        s.update("DROP SILENT ALL")
    return oxigraph_server


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[list[Path], dict[str, tuple[int, int]]]:
    """12 synthetic plan versions (6 plans × 2, several issuers) and what the extractor makes of each (tasks, targets)."""
    files = write_corpus(tmp_path_factory.mktemp("server-mode-corpus"), plans=6, versions=2, seed=7)
    expected = {}
    for f in files:
        r = extract_file(f)
        expected[r.document.id] = (len(r.tasks), len(r.targets))
    return files, expected


def _cli(*args: str, store: str) -> subprocess.Popen:
    env = {**os.environ, "POLICYKG_STORE": store}
    return subprocess.Popen([*POLICYKG, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def _finish(proc: subprocess.Popen, timeout: float = 600) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, f"{proc.args} exited {proc.returncode}: {err.strip()[-500:]}"
    return out


def _docs(store: str) -> dict[str, tuple[int, int]]:
    return {d["id"]: (d["tasks"], d["targets"]) for d in json.loads(_finish(_cli("docs", "--json", store=store)))}


def test_concurrent_writers_and_readers_lose_nothing(empty_server: str, corpus) -> None:
    """Four `policykg ingest` processes write disjoint files while `policykg docs` processes keep reading: every
    listing a reader sees holds only complete documents, and at the end every document is there, complete."""
    files, expected = corpus
    writers = [_cli("ingest", *map(str, files[i::WRITERS]), "--json", store=empty_server) for i in range(WRITERS)]
    snapshots = []
    while any(w.poll() is None for w in writers):
        snapshots.append(_docs(empty_server))
    summaries = [json.loads(_finish(w)) for w in writers]
    assert sum(s["documents"] for s in summaries) == len(files)
    assert all(not s["failed"] for s in summaries), [s["failed"] for s in summaries]
    for snap in snapshots:  # a reader never sees a document half-stored
        assert set(snap) <= set(expected)
        assert all(snap[d] == expected[d] for d in snap), snap
    assert _docs(empty_server) == expected


def test_concurrent_replacements_of_one_document_leave_one_whole_version(empty_server: str, corpus) -> None:
    """Processes re-ingest two different versions under the same id at once: the stored document is exactly one of
    them (atomic replace over HTTP), never a mix."""
    files, _ = corpus
    v1, v2 = files[0], files[1]
    versions = [extract_file(f, doc_id="shared-plan").to_contract() for f in (v1, v2)]
    assert versions[0] != versions[1]
    procs = [_cli("ingest", str(v1 if i % 2 == 0 else v2), "--id", "shared-plan", store=empty_server) for i in range(4)]
    for p in procs:
        _finish(p)
    with kg.open_store(empty_server) as s:
        assert s.doc_ids() == ["shared-plan"]
        stored = s.record("shared-plan").to_contract()
    assert stored in versions


def test_reads_during_drops_and_reingests(empty_server: str, corpus) -> None:
    """One process drops and re-ingests documents while readers list them: a document is either absent or whole."""
    files, expected = corpus
    assert not json.loads(_finish(_cli("ingest", *map(str, files), "--json", store=empty_server)))["failed"]
    victims = [str(f) for f in files[:2]]
    ids = [f.stem for f in files[:2]]
    script = ";".join(f"policykg drop {i} && policykg ingest {v}" for i, v in zip(ids, victims))
    churn = subprocess.Popen(["bash", "-c", f"export PATH={BIN}:$PATH; {script}"], env={**os.environ,
                             "POLICYKG_STORE": empty_server}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while churn.poll() is None:
        snap = _docs(empty_server)
        assert all(snap[d] == expected[d] for d in snap), snap
    _finish(churn)
    assert _docs(empty_server) == expected


def test_concurrent_appends_to_the_progress_graph_are_all_kept(empty_server: str) -> None:
    """Several processes append reports to the shared progress graph at once (append-only writes): all arrive."""
    code = ("import sys, kg\n"
            "from rdflib import URIRef, Literal\n"
            "w = sys.argv[1]\n"
            "with kg.open_store(sys.argv[2]) as s:\n"
            "    for n in range(20):\n"
            "        r = URIRef(f'https://w3id.org/policykg/id/report/test-{w}-{n}')\n"
            "        s.add(kg.PROGRESS_GRAPH, [(r, URIRef('https://w3id.org/policykg#note'), Literal(f'{w}/{n}'))])\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(w), empty_server], stderr=subprocess.PIPE, text=True)
             for w in range(WRITERS)]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    with kg.open_store(empty_server) as s:
        rows = s.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?r pkg:note ?v } }", {"g": kg.PROGRESS_GRAPH})
    assert rows[0]["n"] == WRITERS * 20


def test_failures_are_reported_by_reason_and_nothing_of_them_is_stored(empty_server: str, corpus, tmp_path) -> None:
    """`ingest --all` over a folder with unreadable and unstructured files: each is reported with its kind, counted
    in `by_reason`, and only the good documents reach the store."""
    files, expected = corpus
    folder = tmp_path / "mixed"
    folder.mkdir()
    for f in files[:2]:
        shutil.copy(f, folder / f.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    (folder / "news.txt").write_text("近日，某市印发《某市碳达峰实施方案》。方案提出，到2025年，全市非化石能源消费比重达到20%。\n",
                                     encoding="utf-8")
    proc = _cli("ingest", "--all", str(folder), "--json", store=empty_server)
    summary = json.loads(_finish(proc))
    assert summary["documents"] == 2
    assert summary["by_reason"] == {"unreadable": 2, "no_structure": 1}
    assert {Path(f["source"]).name: f["kind"] for f in summary["failed"]} == {
        "empty.txt": "unreadable", "broken.pdf": "unreadable", "news.txt": "no_structure"}
    assert all(f["reason"] and "\n" not in f["reason"] for f in summary["failed"])
    assert _docs(empty_server) == {f.stem: expected[f.stem] for f in files[:2]}


def test_a_killed_ingest_leaves_whole_documents_and_resumes(empty_server: str, corpus) -> None:
    """SIGKILL an `ingest --all` mid-way: every stored document is complete; rerunning with --skip-existing stores the
    rest and skips exactly what was there."""
    files, expected = corpus
    folder = files[0].parent
    proc = subprocess.Popen([*POLICYKG, "ingest", "--all", str(folder), "--json"], start_new_session=True,
                            env={**os.environ, "POLICYKG_STORE": empty_server},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with kg.open_store(empty_server) as s:
            while proc.poll() is None and len(s.doc_ids()) < 3:
                time.sleep(0.05)
    finally:
        try:
            os.killpg(proc.pid, 9)  # the CLI and its extraction workers
        except ProcessLookupError:  # it finished first: nothing to interrupt, the rest still holds
            pass
        proc.wait()
    before = _docs(empty_server)
    assert before and all(before[d] == expected[d] for d in before), before
    summary = json.loads(_finish(_cli("ingest", "--all", str(folder), "--skip-existing", "--json", store=empty_server)))
    assert {s["id"] for s in summary["skipped"]} == set(before)
    assert summary["documents"] == len(expected) - len(before)
    assert _docs(empty_server) == expected
