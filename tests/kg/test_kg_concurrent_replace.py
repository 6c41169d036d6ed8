"""Concurrent replacements of one document leave exactly one whole version, on every backend.

Why threads with a Store each, hammering one id: Oxigraph's transactions (embedded and behind `oxigraph serve`) are
snapshot-isolated, so two `DROP GRAPH ; INSERT DATA` writes that overlap used to leave the union of both versions (CI
caught it through real processes in test_server_mode.py, but only now and then). Many overlapping writers of
different sizes make the overlap near certain, so this test fails reliably without the writer lock/lease.
"""
from __future__ import annotations

import threading

import kg

from kg_records import big_record

WRITERS = 4
ROUNDS = 3


def test_overlapping_replacements_leave_one_whole_version(store_spec) -> None:
    versions = [big_record("same-doc", copies=1 + i % 3, marker="ABCDEFGH"[i]) for i in range(WRITERS)]
    contracts = [v.to_contract() for v in versions]
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def writer(i: int) -> None:
        try:
            with kg.open_store(store_spec) as s:
                start.wait()
                for _ in range(ROUNDS):
                    s.put_record(versions[i])
        except BaseException as e:  # reported below: a thread's failure must fail the test
            errors.append(e)
            start.abort()  # the others must not wait at the barrier for a writer that is gone

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with kg.open_store(store_spec) as s:
        assert s.doc_ids() == ["same-doc"]
        assert s.record("same-doc").to_contract() in contracts
