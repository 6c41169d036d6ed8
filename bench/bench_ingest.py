"""Ingest time of the Jiading plan into each store (memory, embedded Oxigraph, `oxigraph serve`), and peak memory.

Run: .venv/bin/python bench/bench_ingest.py [--repeat N]. Prints medians over N re-ingests (each replaces the version).
"""
from __future__ import annotations

import argparse
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extract import extract_file  # noqa: E402
from kg import open_store  # noqa: E402

PLAN = REPO / "corpus" / "jiading_carbon_peak_plan_2022.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _time_ingest(spec: str, record, repeat: int) -> list[float]:
    store = open_store(spec)
    try:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            store.put_record(record)
            times.append(time.perf_counter() - t)
        return times
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    record = extract_file(PLAN)
    tmp = Path(tempfile.mkdtemp())
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = _free_port()
    server = subprocess.Popen([binary, "serve", "--location", str(tmp / "srv"), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except Exception:  # noqa: BLE001 - waiting for the server to listen
                time.sleep(0.1)
        print(f"Jiading plan: {len(record.tasks)} tasks, {len(record.targets)} targets; median of {a.repeat} ingests")
        print(f"{'store':<12}{'median s':>10}{'min s':>10}")
        for name, spec in (("memory", "memory:"), ("oxigraph", str(tmp / "emb")), ("sparql", f"http://127.0.0.1:{port}")):
            ts = _time_ingest(spec, record, a.repeat)
            print(f"{name:<12}{statistics.median(ts):>10.3f}{min(ts):>10.3f}")
        print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
