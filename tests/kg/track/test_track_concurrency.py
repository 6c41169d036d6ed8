"""Real processes on a real store: two imports and two report writers at the same time lose nothing, and an import
killed half-way leaves the store as it was (embedded Oxigraph directory and `oxigraph serve`).

How the embedded store copes: one process at a time may open the directory (RocksDB's lock); a command holds it only
while it runs, and a second process retries the open (kg.stores.oxigraph) for POLICYKG_LOCK_WAIT seconds — 120 s for
the writing commands `progress add|import` unless set — so writers queue instead of failing. Over HTTP the server
runs each write (one update request) as one transaction.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kg
from track_records import small_plan

pytestmark = pytest.mark.slow

ROWS = [("2.1.1/1", "万千瓦"), ("2.1.2/1", "座"), ("2.1.1/2", ""), ("2.1.4/1", "个")]


def _env() -> dict[str, str]:
    """The environment of the child processes: the writers' own lock wait (policykg.commands.track) is tested."""
    env = dict(os.environ)
    env.pop("POLICYKG_LOCK_WAIT", None)
    env.pop("POLICYKG_STORE", None)
    return env


def _csv(path: Path, n: int, unit: str, offset: int = 0) -> Path:
    """n rows, each on its own day (so that none corrects another)."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["指标编号", "填报单位", "报告值", "计量单位", "数据日期"])
        for i in range(n):
            target, u = ROWS[i % len(ROWS)]
            w.writerow([target, unit, i % 7, u, _day(offset + i)])
    return path


def _day(i: int) -> str:
    import datetime as dt
    return (dt.date(2021, 1, 1) + dt.timedelta(days=i)).isoformat()


def _count(spec: str) -> int:
    with kg.open_store(spec) as s:
        return s.query("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a pkg:ProgressReport }")[0]["n"]


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def spec(request, tmp_path):
    if request.param == "embedded":
        spec = str(tmp_path / "store")
    else:
        spec = request.getfixturevalue("oxigraph_server")
        with kg.open_store(spec) as s:
            s.update("DROP SILENT ALL")
    with kg.open_store(spec) as s:
        s.put_record(small_plan())
    return spec


ADDER = """
import json, sys
from policykg.cli import main
spec, unit, n, offset = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
import datetime as dt
for i in range(n):
    day = (dt.date(2021, 1, 1) + dt.timedelta(days=offset + i)).isoformat()
    rc = main(["progress", "add", "--target", "2.1.2/1", "--value", str(i), "--date", day, "--by", unit,
               "--json", "--store", spec])
    if rc != 0:
        sys.exit(rc)
"""


def test_concurrent_imports_and_adds_lose_nothing(spec, tmp_path):
    a = _csv(tmp_path / "a.csv", 400, "区经委")
    b = _csv(tmp_path / "b.csv", 300, "区发展改革委", offset=1000)
    cmd = [sys.executable, "-m", "policykg"]
    procs = [
        subprocess.Popen([*cmd, "progress", "import", str(a), "--json", "--store", spec], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=_env(), text=True),
        subprocess.Popen([sys.executable, "-c", ADDER, spec, "区建管委", "6", "2000"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=_env(), text=True),
        subprocess.Popen([*cmd, "progress", "import", str(b), "--json", "--store", spec], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=_env(), text=True),
        subprocess.Popen([sys.executable, "-c", ADDER, spec, "区经委", "6", "3000"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=_env(), text=True),
    ]
    outs = [p.communicate(timeout=900) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    ids = set()
    for out, _ in outs:
        for line in out.splitlines():
            data = json.loads(line)
            ids |= {r["id"] for r in data["reports"]} if "reports" in data else {data["id"]}
    assert len(ids) == 400 + 300 + 6 + 6
    assert _count(spec) == len(ids)
    with kg.open_store(spec) as s:
        from kg.track import history
        stored = {r.id for t, _ in ROWS for r in history(s, t)}
    assert ids <= stored


KILLABLE = """
import sys, time
import kg.store
from policykg.cli import main
real = kg.store.Store.add
def add(self, graph, triples):
    triples = list(triples)
    print("WRITING", len(triples), flush=True)
    real(self, graph, triples)
    print("WRITTEN", flush=True)
kg.store.Store.add = add
sys.exit(main(["progress", "import", sys.argv[2], "--store", sys.argv[1]]))
"""


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.3, 1.0])
def test_an_import_killed_half_way_leaves_the_store_as_before(spec, tmp_path, delay):
    f = _csv(tmp_path / "big.csv", 3000, "区经委")
    before = _count(spec)
    p = subprocess.Popen([sys.executable, "-c", KILLABLE, spec, str(f)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=_env(), text=True)
    line = p.stdout.readline()  # blocks until the write starts (all 3000 rows checked)
    assert line.startswith("WRITING"), p.stderr.read()
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=60)
    after = _count(spec)  # the store opens again: no stale lock, no corruption
    assert after in (before, before + 3000)  # the whole file or nothing, never part of it
    if delay == 0.0:
        # killed within a moment of starting to write ~50,000 triples: that write cannot have finished
        assert after == before
