"""How cost grows with the corpus: synthetic plans (kg.synth) ingested into the embedded store and into
`oxigraph serve`, then unit-scoped questions and corpus-wide aggregates timed against each.

    .venv/bin/python bench/bench_scale.py [--sizes 100,1000,3000] [--backends embedded,server] [--versions 2]
                                          [--samples 40] [--workdir DIR] [--json OUT.jsonl] [--reuse]

Per (size, backend) it reports: ingest wall time through the real CLI (`policykg ingest --all DIR --json`, both
cores; includes the CLI's start-up) and its CPU time (CLI + extraction workers, and the server's), documents/s, triples, store size on disk, peak memory (resident set of the
ingest process tree, plus the server when there is one, sampled every 0.2 s), the time of the first open after
ingest, and p50/p95 latency of
  * unit-scoped queries — targets of one issuer-scoped unit due by a year; tasks one unit leads (SPARQL through the
    Store, values bound), and chat.answer() for a unit question restricted to one document when chat is installed;
  * corpus-wide aggregates — targets per deadline year; lead units ranked by tasks; overdue targets per issuer as of a
    date; the document listing (Store.docs()).
The 1-minute load average before and after each run is printed too: on a shared machine other jobs compete for the
two cores, and the figures are only comparable at similar load.
Goals (issue #7): 3,000 plans < 10 min on 2 cores; unit-scoped p95 < 200 ms; corpus-wide p95 < 3 s; memory < 2 GB.
`size` counts documents (plan versions): size/versions plans × versions. Only measured figures are printed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BIN = Path(sys.executable).parent

import kg  # noqa: E402
from kg.synth import read_truth, write_corpus  # noqa: E402

# Every pattern sits inside GRAPH ?g: a document's facts live in its own graph, and on Oxigraph the union default
# graph matches a triple once per graph that holds it (shared date, unit and issuer nodes), which inflates counts
# and is ~50x slower on aggregates (measured at 100 plans: overdue-by-issuer 5.5-8 s union vs 0.09-0.14 s GRAPH ?g).
UNIT_TARGETS = """
SELECT ?doc ?gid ?quote ?deadline WHERE { GRAPH ?g {
  ?task pkg:leadUnit|pkg:supportUnit ?u ; pkg:inDocument ?w . ?w eli:id_local ?doc .
  ?target pkg:task ?task ; a pkg:Target ; pkg:clauseId ?gid ; pkg:deadline ?i ; pkg:span ?sp .
  ?i time:inXSDDate ?deadline . ?sp oa:hasSelector ?sel . ?sel oa:exact ?quote .
} FILTER(?deadline <= ?by) } ORDER BY ?doc ?gid"""
UNIT_LEADS = """
SELECT ?doc ?tid ?title WHERE { GRAPH ?g {
  ?task pkg:leadUnit ?u ; pkg:clauseId ?tid ; eli:title ?title ; pkg:inDocument ?w . ?w eli:id_local ?doc .
} } ORDER BY ?doc ?tid"""
PER_YEAR = """
SELECT ?y (COUNT(?t) AS ?n) WHERE { GRAPH ?g { ?t a pkg:Target ; pkg:deadline ?i . ?i time:inXSDDate ?d . }
  BIND(YEAR(?d) AS ?y) } GROUP BY ?y ORDER BY ?y"""
TOP_LEADS = """
SELECT ?name (COUNT(DISTINCT ?task) AS ?n) WHERE { GRAPH ?g { ?task pkg:leadUnit ?u . ?u skos:prefLabel ?name } }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 20"""
OVERDUE_BY_ISSUER = """
SELECT ?issuer (COUNT(?t) AS ?n) WHERE { GRAPH ?g {
  ?w eli:passed_by ?org . ?org skos:prefLabel ?issuer .
  ?t a pkg:Target ; pkg:deadline ?i . ?i time:inXSDDate ?d .
} FILTER(?d < ?asof) } GROUP BY ?issuer ORDER BY DESC(?n)"""


# ---------------------------------------------------------------------------------------------- memory sampling
def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_rss_mb(pids: list[int]) -> float:
    """Resident memory of these processes and all their descendants, in MB."""
    kids, seen, total, todo = _children(), set(), 0.0, list(pids)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _rss_mb(p)
        todo += kids.get(p, [])
    return total


class PeakSampler:
    """Samples the resident memory of processes (with their descendants unless tree=False) every 0.2 s; `.peak` is
    the maximum seen (MB)."""

    def __init__(self, pids: Callable[[], list[int]], tree: bool = True) -> None:
        self.pids, self.tree, self.peak, self._stop = pids, tree, 0.0, threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = self.pids()
            self.peak = max(self.peak, tree_rss_mb(pids) if self.tree else sum(map(_rss_mb, pids)))
            self._stop.wait(0.2)

    def __enter__(self) -> "PeakSampler":
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()


# ---------------------------------------------------------------------------------------------- server
class Server:
    """`oxigraph serve` on a free 127.0.0.1 port with its own data directory."""

    def __init__(self, location: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.log = open(location.parent / f"{location.name}.log", "wb")
        self.proc = subprocess.Popen([str(BIN / "oxigraph"), "serve", "--location", str(location), "--bind",
                                      f"127.0.0.1:{port}"], stdout=self.log, stderr=subprocess.STDOUT)
        t0 = time.perf_counter()
        for _ in range(36000):  # a restart on an unflushed store replays its write-ahead log first (minutes)
            try:
                with urllib.request.urlopen(f"{self.url}/query?query={urllib.parse.quote('ASK {}')}", timeout=2):
                    self.start_s = round(time.perf_counter() - t0, 2)  # seconds until it answered
                    return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"oxigraph serve exited; see {self.log.name}")
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("oxigraph serve did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)
        self.log.close()


# ---------------------------------------------------------------------------------------------- measurements
def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2 ** 20


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def ingest(corpus: Path, spec: str, extra_pids: list[int]) -> dict[str, Any]:
    """Run the real CLI over the corpus; wall time, CPU time of the CLI and its workers (and of the server), summary
    and peak memory of the ingest tree (+ server). CPU time does not depend on what else runs on the machine."""
    env = {**os.environ, "POLICYKG_STORE": spec}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_before = sum(_cpu_s(p) for p in extra_pids)
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "policykg"), "ingest", "--all", str(corpus), "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakSampler(lambda: [proc.pid, *extra_pids]) as mem:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    server_cpu = sum(_cpu_s(p) for p in extra_pids) - server_before
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed ({proc.returncode}): {err[-800:]}")
    summary = json.loads(out)
    return {"ingest_s": round(wall, 1), "ingest_cpu_s": round(cpu, 1), "server_cpu_s": round(server_cpu, 1),
            "documents": summary["documents"], "failed": len(summary["failed"]),
            "tasks": summary["tasks"], "targets": summary["targets"], "ingest_peak_mb": round(mem.peak)}


def percentiles(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, max(0, round(0.95 * len(s)) - 1))]
    return round(statistics.median(s) * 1000, 1), round(p95 * 1000, 1)


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        a = time.perf_counter()
        fn()
        out.append(time.perf_counter() - a)
    return out


def queries(spec: str, truth: dict[str, dict], samples: int, seed: int) -> dict[str, Any]:
    """Latencies of unit-scoped and corpus-wide questions (ms p50/p95), on a store opened in this process."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    store = kg.open_store(spec)
    first = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"]
    open_s = time.perf_counter() - t0
    pairs = sorted({(d["issuer"], u) for d in truth.values() for t in d["tasks"] for u in t["units"]})
    unit_samples: list[float] = []
    for _ in range(samples):
        issuer, name = rng.choice(pairs)
        u = kg.unit_iri(kg.unit_scope(issuer, ""), name)
        by = date(rng.choice([2021, 2022, 2023, 2025]), 12, 31)
        unit_samples += timed(lambda: store.query(UNIT_TARGETS, {"u": u, "by": by}), 1)
        unit_samples += timed(lambda: store.query(UNIT_LEADS, {"u": u}), 1)
    corpus_samples: list[float] = []
    reps = max(3, samples // 8)
    for q in (PER_YEAR, TOP_LEADS):
        corpus_samples += timed(lambda: store.query(q), reps)
    corpus_samples += timed(lambda: store.query(OVERDUE_BY_ISSUER, {"asof": date(2026, 11, 23)}), reps)
    corpus_samples += timed(store.docs, reps)
    out: dict[str, Any] = {"triples": first, "first_open_s": round(open_s, 2)}
    out["unit_p50_ms"], out["unit_p95_ms"] = percentiles(unit_samples)
    out["corpus_p50_ms"], out["corpus_p95_ms"] = percentiles(corpus_samples)
    out.update(answer_latency(store, truth, samples, rng))
    store.close()
    return out


def answer_latency(store: Any, truth: dict[str, dict], samples: int, rng: random.Random) -> dict[str, Any]:
    """chat.answer() on unit questions within one document (the contract's --doc), when the chat module exists."""
    try:
        from chat.answer import answer
    except ImportError:
        return {}
    docs = sorted(truth)
    lat = []
    for i in range(min(samples, 20)):
        d = truth[rng.choice(docs)]
        units = [u for t in d["tasks"] for u in t["units"]]
        if not units:
            continue
        q = f"{rng.choice(units)}到2025年要完成哪些指标？"
        if i == 0:
            answer(q, store, doc=d["id"], as_of=date(2026, 11, 23))  # first call loads the chat catalog code
        lat += timed(lambda: answer(q, store, doc=d["id"], as_of=date(2026, 11, 23)), 1)
    if not lat:
        return {}
    p50, p95 = percentiles(lat)
    return {"answer_doc_p50_ms": p50, "answer_doc_p95_ms": p95}


def _reusable(store_dir: Path) -> bool:
    return (store_dir / "CURRENT").exists()


def run_one(size: int, backend: str, versions: int, samples: int, work: Path, corpus: Path,
            reuse: bool = False) -> dict[str, Any]:
    """Ingest the corpus into a fresh store of `backend` and time the questions; with `reuse`, a store a previous
    run left in the work directory is queried as it is (no ingest figures: re-measuring queries after a change)."""
    truth = read_truth(corpus)
    row: dict[str, Any] = {"size": size, "backend": backend, "load_before": round(os.getloadavg()[0], 1)}
    if backend == "embedded":
        store_dir = work / f"embedded-{size}"
        if reuse and _reusable(store_dir):
            row["reused"] = True
            row["documents"] = len(truth)
        else:
            shutil.rmtree(store_dir, ignore_errors=True)
            row.update(ingest(corpus, str(store_dir), []))
            row["store_mb_after_ingest"] = round(dir_mb(store_dir))
        with PeakSampler(lambda: [os.getpid()], tree=False) as own_mem:  # this process holds the store
            row.update(queries(str(store_dir), truth, samples, size))
        row["query_peak_mb"] = round(own_mem.peak)
        row["store_mb"] = round(dir_mb(store_dir))  # after the first reopen has folded the write-ahead log in
    else:
        data = work / f"server-{size}"
        reused = reuse and _reusable(data)
        if not reused:
            shutil.rmtree(data, ignore_errors=True)
            data.mkdir(parents=True)
        server = Server(data)
        try:
            if reused:
                row["reused"] = True
                row["documents"] = len(truth)
            else:
                row.update(ingest(corpus, server.url, [server.proc.pid]))
                row["store_mb_after_ingest"] = round(dir_mb(data))
            own = PeakSampler(lambda: [os.getpid()], tree=False)
            with PeakSampler(lambda: [server.proc.pid]) as srv_mem, own as own_mem:
                row.update(queries(server.url, truth, samples, size))
            row["server_query_peak_mb"], row["client_query_peak_mb"] = round(srv_mem.peak), round(own_mem.peak)
            row["query_peak_mb"] = round(srv_mem.peak + own_mem.peak)
            row["server_rss_mb"] = round(_rss_mb(server.proc.pid))
            row["store_mb"] = round(dir_mb(data))
        finally:
            server.stop()
    if "ingest_s" in row:
        row["docs_per_s"] = round(row["documents"] / row["ingest_s"], 2)
    row["load_after"] = round(os.getloadavg()[0], 1)
    return row


COLUMNS = ["size", "backend", "documents", "failed", "triples", "ingest_s", "ingest_cpu_s", "server_cpu_s", "docs_per_s",
           "store_mb", "ingest_peak_mb", "query_peak_mb",
           "first_open_s", "unit_p50_ms", "unit_p95_ms", "corpus_p50_ms", "corpus_p95_ms", "answer_doc_p50_ms",
           "answer_doc_p95_ms", "load_before", "load_after"]


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,3000", help="documents per run, comma-separated")
    ap.add_argument("--backends", default="embedded,server")
    ap.add_argument("--versions", type=int, default=2, help="versions per synthetic plan")
    ap.add_argument("--samples", type=int, default=40, help="unit-scoped samples per run")
    ap.add_argument("--workdir", default=None, help="where corpora and stores go (default: a temp dir, removed)")
    ap.add_argument("--json", default=None, help="append one JSON object per run to this file")
    ap.add_argument("--reuse", action="store_true",
                    help="query the stores a previous run left in --workdir instead of ingesting again")
    a = ap.parse_args(argv)
    work = Path(a.workdir) if a.workdir else Path(tempfile.mkdtemp(prefix="policykg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    print("| " + " | ".join(COLUMNS) + " |", flush=True)
    print("|" + "---|" * len(COLUMNS), flush=True)
    try:
        for size in [int(s) for s in a.sizes.split(",") if s]:
            corpus = work / f"corpus-{size}"
            if not (corpus / "TRUTH.jsonl").exists():
                write_corpus(corpus, plans=-(-size // a.versions), versions=a.versions, seed=size)
                for extra in sorted(corpus.glob("*.txt"))[size:]:  # exactly `size` documents
                    extra.unlink()
                truth = read_truth(corpus)
                with open(corpus / "TRUTH.jsonl", "w", encoding="utf-8") as f:
                    for d in truth.values():
                        if (corpus / d["file"]).exists():
                            f.write(json.dumps(d, ensure_ascii=False) + "\n")
            for backend in a.backends.split(","):
                row = run_one(size, backend, a.versions, a.samples, work, corpus, a.reuse)
                rows.append(row)
                print("| " + " | ".join(str(row.get(c, "—")) for c in COLUMNS) + " |", flush=True)
                if a.json:
                    with open(a.json, "a", encoding="utf-8") as f:
                        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
