"""Tracking speed on the Jiading plan: time to compute the overdue list with 1,000 and with 100,000 stored reports,
and import speed (rows/s) through the real import path (check every row, one transaction).

Run: .venv/bin/python bench/bench_track.py [--sizes 1000,100000] [--batch 10000] [--store DIR|http://…] [--reuse]
     [--json]      (--store with --reuse re-times a store filled by an earlier run, without importing again)
The reports are spread over all 68 targets and 4 years of value dates (several per target and month, some
same-day corrections), by the plan's own units, imported as CSV files of --batch rows. Goal: overdue list < 200 ms
at 100,000 reports. Figures depend on the machine (2 cores here) and on what else runs — rerun before quoting them.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PLAN = REPO / "corpus" / "jiading_carbon_peak_plan_2022.txt"
AS_OF = "2026-11-23"


def _write_csv(path: Path, rows: list[list]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["指标编号", "填报单位", "报告值", "计量单位", "进展状态", "数据日期"])
        w.writerows(rows)


def _rows(record, n: int, rng: random.Random) -> list[list]:
    """n report rows over the plan's targets: numeric targets get values in their own unit, others a state."""
    targets = list(record.targets)
    tasks = {t.id: t for t in record.tasks}
    start = dt.date(2022, 12, 1)
    out = []
    for _ in range(n):
        t = rng.choice(targets)
        units = [u.name for u in tasks[t.task].units if not u.collective] if t.task in tasks else []
        by = rng.choice(units) if units else "区发展改革委"
        day = (start + dt.timedelta(days=rng.randrange(4 * 365))).isoformat()
        if t.value is not None and t.comparator not in ("decrease_by", "increase_by"):
            out.append([t.id, by, round(rng.uniform(0, float(t.value) * 1.1), 2), t.unit or "", "", day])
        elif t.value is not None:
            out.append([t.id, by, round(rng.uniform(0, float(t.value)), 2), "%", "", day])
        else:
            out.append([t.id, by, "", "", rng.choice(["未启动", "推进中", "已完成", "受阻"]), day])
    return out


def _time(fn, repeat: int) -> dict:
    fn()  # warm: first call after the store was written
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(samples), 1), "min_ms": round(min(samples), 1),
            "max_ms": round(max(samples), 1), "samples": len(samples)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,100000", help="report counts at which to time the overdue list")
    ap.add_argument("--batch", type=int, default=10000, help="rows per imported file")
    ap.add_argument("--store", default=None, help="store spec (default: a fresh embedded directory)")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--reuse", action="store_true",
                    help="keep the reports already in --store (re-time without re-import)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import kg
    from extract import extract_file
    from kg.track import import_reports, overdue, target_statuses

    sizes = sorted(int(s) for s in args.sizes.split(","))
    rng = random.Random(args.seed)
    record = extract_file(str(PLAN))
    out: dict = {"as_of": AS_OF, "targets": len(record.targets), "imports": [], "overdue": {}}
    with tempfile.TemporaryDirectory() as tmp:
        spec = args.store or str(Path(tmp) / "store")
        out["store"] = "embedded Oxigraph" if not spec.startswith("http") else spec
        with kg.open_store(spec) as s:
            if spec.startswith("http") and not args.reuse:
                s.update("DROP SILENT ALL")
            if not s.has(record.document.id):
                s.put_record(record)
            stored = s.query("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a pkg:ProgressReport }")[0]["n"]
        out["reused_reports"] = stored
        for size in sizes:
            if stored > size:
                continue
            while stored < size:
                n = min(args.batch, size - stored)
                f = Path(tmp) / f"reports-{stored}.csv"
                _write_csv(f, _rows(record, n, rng))
                with kg.open_store(spec) as s:
                    t = time.perf_counter()
                    summary = import_reports(s, f)
                    took = time.perf_counter() - t
                stored += summary["imported"]
                out["imports"].append({"rows": n, "seconds": round(took, 2), "rows_per_s": round(n / took)})
                if not args.json:
                    print(f"imported {n} rows in {took:.1f} s ({n / took:.0f} rows/s); {stored} stored",
                          file=sys.stderr)
            with kg.open_store(spec) as s:
                res = overdue(s, AS_OF, doc=record.document.id)
                timing = _time(lambda: overdue(s, AS_OF, doc=record.document.id), args.repeat)
                timing_all = _time(lambda: target_statuses(s, AS_OF), args.repeat)
                timing_unit = _time(lambda: overdue(s, AS_OF, unit="区经委"), args.repeat)
            out["overdue"][str(size)] = {"overdue_list": timing, "all_statuses_no_doc_filter": timing_all,
                                         "overdue_for_unit": timing_unit, "items": len(res["items"])}
            if not args.json:
                print(f"{size} reports: overdue list median {timing['median_ms']} ms "
                      f"(all statuses {timing_all['median_ms']} ms, one unit {timing_unit['median_ms']} ms)",
                      file=sys.stderr)
    rates = [i["rows_per_s"] for i in out["imports"] if i["rows"] >= 1000]
    out["import_rows_per_s_median"] = round(statistics.median(rates)) if rates else None
    print(json.dumps(out, ensure_ascii=False, indent=None if args.json else 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
