"""Benchmark of `kg.diff.diff_records` (speed lives here, never in tests).

    python bench/bench_diff.py [--repeat N] [--no-embeddings]

Prints, for (1) the Jiading plan against a generated revision and (2) two generated 300-task plans (the second a
revision of the first): the cold time (first call in the process: embedding model load + encoding every task and
section title once), and the warm time (median of N further calls: vectors come from the per-text cache), with and
without embeddings. Goal: Jiading warm with embeddings < 1 s. The embedding cache goes to a temporary file, so "cold"
is really cold. Extraction time is not included (the diff takes records).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "kg" / "diff"))  # the revision generator of the tests

os.environ.setdefault("POLICYKG_EMBED_CACHE", str(Path(tempfile.mkdtemp(prefix="policykg-bench-")) / "vec.sqlite3"))

from extract import extract_file, extract_text  # noqa: E402
from kg.diff import diff_records  # noqa: E402
from revgen import foreign_tasks, make_revision  # noqa: E402
from revgen_synth import synthetic_plan  # noqa: E402

def timed(old, new, use_embeddings: bool, repeat: int) -> tuple[float, float, dict]:
    t0 = time.perf_counter()
    diff = diff_records(old, new, use_embeddings=use_embeddings)
    cold = time.perf_counter() - t0
    warm = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        diff_records(old, new, use_embeddings=use_embeddings)
        warm.append(time.perf_counter() - t0)
    return cold, statistics.median(warm), diff


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-embeddings", action="store_true")
    args = ap.parse_args()
    foreign = foreign_tasks()
    jiading = extract_file(ROOT / "corpus" / "jiading_carbon_peak_plan_2022.txt")
    rev = extract_text(make_revision(jiading, 0, list(foreign)).new_text, source="jiading-rev.txt", doc_id="jiading-rev")
    big_old = extract_text(synthetic_plan(10, 30, seed=1), source="synthetic-300.txt", doc_id="synthetic-300")
    big_new = extract_text(make_revision(big_old, 7, list(foreign)).new_text, source="synthetic-300-rev.txt",
                           doc_id="synthetic-300-rev")
    cases = [("Jiading vs revised copy", jiading, rev), ("300-task plan vs revision", big_old, big_new)]
    modes = [False] if args.no_embeddings else [True, False]
    print(f"{'case':28s} {'tasks':>9s} {'embeddings':>10s} {'cold s':>8s} {'warm s':>8s}  changes")
    for label, old, new in cases:
        for emb in modes:
            cold, warm, diff = timed(old, new, emb, args.repeat)
            print(f"{label:28s} {len(old.tasks):>4d}/{len(new.tasks):<4d} {str(diff['embeddings']):>10s} "
                  f"{cold:8.2f} {warm:8.2f}  {len(diff['changes'])} changes, {len(diff['added'])} added, "
                  f"{len(diff['removed'])} removed, {diff['formatting_only']} formatting-only")


if __name__ == "__main__":
    main()
