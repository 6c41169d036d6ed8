"""Extraction quality and speed: the scores table for the Jiading gold and every per-style gold file, then the time
to extract the Jiading plan (pipeline load apart from warm runs) and peak memory.

    .venv/bin/python bench/bench_extract.py [--repeat 15] [--json]

Why these numbers: quality is judged by the acceptance scorer (../shared/eval/score_extract.py), the same one the
tests use; speed is the median of warm runs because an official's question or an ingest batch runs with the pipeline
already loaded, while the one-off load (spaCy, jieba dictionary) is paid once per process and reported on its own.
Peak memory is the process's maximum resident set size (getrusage), i.e. what the machine must have.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.scorers import load_score_extract, scorable_source  # noqa: E402
SHARED = Path(os.environ.get("POLICYKG_SHARED", REPO.parent / "shared"))
JIADING = REPO / "corpus" / "jiading_carbon_peak_plan_2022.txt"


def scorer() -> Any:
    mod = load_score_extract(SHARED / "eval")
    if mod is None:
        raise SystemExit(f"acceptance scorer not found in {SHARED / 'eval'} (set POLICYKG_SHARED)")
    return mod


def gold_files() -> list[tuple[str, Path, Path]]:
    """(name, gold file, source file) for Jiading and every tests/gold/*.json."""
    out = [("jiading", SHARED / "gold" / "jiading.json", JIADING)]
    for g in sorted((REPO / "tests" / "gold").glob("*.json")):
        src = json.loads(g.read_text(encoding="utf-8"))["document"]["source_file"]
        out.append((g.stem, g, REPO / src))
    return out


def scores() -> list[dict[str, Any]]:
    from extract import extract_file
    score = scorer().score
    rows = []
    for name, gold_path, source in gold_files():
        if not gold_path.exists() or not source.exists():  # the PDF golds read /work/shared/corpus/pdf
            continue
        r = score(scorable_source(source), json.loads(gold_path.read_text(encoding="utf-8")), extract_file(source).to_contract())
        t, f = r["targets"], r["fields"]
        rows.append({"gold": name, "tasks_f1": r["tasks"]["f1"], "units_f1": r["units"]["f1"],
                     "lead_acc": r["units"]["lead_acc"], "targets_p": t["p"], "targets_r": t["r_core"],
                     "targets_f1": t["f1"], "core": f"{t['matched_core']}/{t['gold_core']}", "value": f["value"],
                     "unit": f["unit"], "deadline": f["deadline"], "comparator": f["comparator"],
                     "spans": r["spans"]["exact"]})
    return rows


def timing(repeat: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    from extract import extract_file
    from extract import pipeline  # noqa: F401  (spaCy, jieba, the components: what the first import costs)
    t1 = time.perf_counter()
    extract_file(JIADING)  # first call builds the pipeline (jieba dictionary, user dictionary, registry)
    t2 = time.perf_counter()
    warm = []
    for _ in range(repeat):
        a = time.perf_counter()
        extract_file(JIADING)
        warm.append(time.perf_counter() - a)
    median = statistics.median(warm)
    return {"import_s": round(t1 - t0, 3), "first_call_s": round(t2 - t1, 3),
            "pipeline_load_s": round(t2 - t1 - median, 3), "warm_median_s": round(median, 4),
            "warm_min_s": round(min(warm), 4), "warm_max_s": round(max(warm), 4), "runs": repeat,
            "chars": len(JIADING.read_text(encoding="utf-8"))}


def _fmt(v: Any) -> str:
    return "—" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15, help="warm runs for the Jiading timing")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    t = timing(a.repeat)  # first, so the load is measured cold
    rows = scores()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if a.json:
        print(json.dumps({"scores": rows, "jiading_timing": t, "peak_rss_mb": round(peak_mb, 1)}, ensure_ascii=False))
        return 0
    cols = list(rows[0]) if rows else []
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(_fmt(r[c]) for c in cols) + " |")
    print()
    print(f"Jiading ({t['chars']} chars): import {t['import_s']} s, pipeline load {t['pipeline_load_s']} s "
          f"(first call {t['first_call_s']} s), warm median {t['warm_median_s']} s over {t['runs']} runs "
          f"(min {t['warm_min_s']}, max {t['warm_max_s']}); peak RSS {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
