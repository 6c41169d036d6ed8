#!/usr/bin/env python3
"""Latency and memory of `ask` over the Jiading question set (issue "Ask").

    python bench/bench_ask.py [--qa tests/chat/qa_jiading.json] [--backends memory,oxigraph] [--json]

Measures, per backend:
- warm: one process, the plan ingested, one warm-up question; then every question of the set once — p50 / p95 / max
  latency per question, overall and per question type (open questions include dense retrieval);
- cold: a fresh `python -m chat` process over an already-filled store (oxigraph) or with the plan ingested on the
  way (memory) — wall time from start to the first answer line;
- peak resident memory of the warm process and of the cold child (ru_maxrss).

Latency lives here, never in tests: numbers depend on the machine (2 cores here).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PLAN = ROOT / "corpus" / "jiading_carbon_peak_plan_2022.txt"


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def warm(backend: str, questions: list[dict], spec: str) -> dict:
    import kg
    from chat import answer
    from extract import extract_file
    store = kg.open_store(spec)
    t0 = time.perf_counter()
    store.put_record(extract_file(str(PLAN)))
    ingest = time.perf_counter() - t0
    t0 = time.perf_counter()
    answer("区经委到2025年要完成哪些指标？", store, as_of=date(2026, 11, 23))
    first = time.perf_counter() - t0
    per_type: dict[str, list[float]] = {}
    all_t = []
    for q in questions:
        t0 = time.perf_counter()
        answer(q["q"], store, as_of=date.fromisoformat(q["as_of"]))
        dt = time.perf_counter() - t0
        all_t.append(dt)
        per_type.setdefault(q["type"], []).append(dt)
    store.close()
    return {"backend": backend, "ingest_s": round(ingest, 3), "first_question_s": round(first, 3),
            "n": len(all_t), "p50_s": round(pct(all_t, 50), 4), "p95_s": round(pct(all_t, 95), 4),
            "max_s": round(max(all_t), 4), "mean_s": round(statistics.mean(all_t), 4),
            "by_type_p50_s": {k: round(pct(v, 50), 4) for k, v in sorted(per_type.items())},
            "by_type_p95_s": {k: round(pct(v, 95), 4) for k, v in sorted(per_type.items())}}


def _hwm_kb(pid: int) -> int:
    """Peak resident set size of a running process (Linux /proc VmHWM), 0 where unavailable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cold(backend: str) -> dict:
    q = json.dumps({"q": "区经委到2025年要完成哪些指标？", "as_of": "2026-11-23"}, ensure_ascii=False) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        if backend == "memory":
            args = ["--store", "memory:", "--ingest", str(PLAN)]
        else:
            spec = str(Path(tmp) / "store")
            subprocess.run([sys.executable, "-m", "chat", "--store", spec, "--ingest", str(PLAN)], input="",
                           capture_output=True, text=True, cwd=ROOT, check=True)
            args = ["--store", spec]
        t0 = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "chat", *args, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
        p.stdin.write(q)
        p.stdin.flush()
        line = p.stdout.readline()
        first = time.perf_counter() - t0
        peak_kb = _hwm_kb(p.pid)
        p.stdin.close()
        p.wait()
    return {"backend": backend, "cold_first_answer_s": round(first, 3), "answered": line.startswith("{"),
            "child_peak_rss_mb": round(peak_kb / 1024, 1) if peak_kb else None,
            "includes_ingest": backend == "memory"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--qa", default=str(ROOT / "tests" / "chat" / "qa_jiading.json"))
    ap.add_argument("--backends", default="memory,oxigraph")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    questions = json.load(open(a.qa, encoding="utf-8"))["questions"]
    out = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "warm": [], "cold": []}
    with tempfile.TemporaryDirectory() as tmp:
        for b in a.backends.split(","):
            spec = "memory:" if b == "memory" else str(Path(tmp) / f"warm-{b}")
            out["warm"].append(warm(b, questions, spec))
    out["warm_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KB on Linux
    for b in a.backends.split(","):
        out["cold"].append(cold(b))
    if a.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for w in out["warm"]:
            print(f"[warm {w['backend']}] n={w['n']} p50 {w['p50_s']*1000:.0f} ms, p95 {w['p95_s']*1000:.0f} ms, "
                  f"max {w['max_s']*1000:.0f} ms (ingest {w['ingest_s']} s, first question {w['first_question_s']} s)")
            print("   p50 by type (ms):", {k: round(v * 1000) for k, v in w["by_type_p50_s"].items()})
        for c in out["cold"]:
            extra = " incl. extraction+ingest" if c["includes_ingest"] else ""
            print(f"[cold {c['backend']}] first answer {c['cold_first_answer_s']} s{extra}, "
                  f"child peak RSS {c['child_peak_rss_mb']} MB")
        print(f"warm process peak RSS {out['warm_peak_rss_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
