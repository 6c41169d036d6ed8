"""A per-graph writer lease kept in the SPARQL server itself, so replacements of one document from many processes
serialise.

Why this exists: the Oxigraph server runs each update request as one transaction, but its transactions are
snapshot-isolated, not serialisable. Two concurrent `DROP GRAPH g ; INSERT DATA { GRAPH g {…} }` requests each drop
what *their* snapshot holds and insert their own triples — the result is the union of both versions (write skew),
which the server-mode test caught. Nothing in SPARQL 1.1 locks, so writers of the same graph take a lease first.

The protocol (claim, look, back off) needs only that a read after a committed write sees it, which one server gives:
  1. insert my claim (a fresh IRI with its time) and, in the same request, delete claims older than LEASE_S
     (left by a crashed writer);
  2. read every claim on the graph: if mine is the only one I hold the lease; otherwise delete mine, wait a random,
     growing interval and start again.
Two claimants can never both win: whichever reads second sees the other's claim (written before the first one's
read). Both may back off at once; the random wait breaks the tie. The lease graph is not a document graph, so
queries, listings and exports never see it.
"""
from __future__ import annotations

import random
import time
import uuid
from contextlib import contextmanager
from typing import Callable, Iterator

from rdflib import URIRef

from ..store import StoreError
from ..vocab import BASE, LEASE_GRAPH, check_iri

LEASE_S = 120.0  # a claim older than this belongs to a writer that died; one document write takes seconds
WAIT_S = 300.0  # give up (StoreError) after waiting this long for another writer of the same document
_CLAIM = BASE + "vocab#leaseClaim"
_SINCE = BASE + "vocab#leaseSince"


def _claims_query(target: str) -> str:
    return (f"SELECT ?c WHERE {{ GRAPH <{LEASE_GRAPH}> {{ <{target}> <{_CLAIM}> ?c }} }}")


@contextmanager
def graph_lease(graph: URIRef, update: Callable[[str], None], claims: Callable[[str], list[str]],
                wait_s: float = WAIT_S) -> Iterator[None]:
    """Hold the writer lease on `graph` for the duration of the block. `update` runs a SPARQL update; `claims` runs
    the given SELECT and returns the ?c values as strings."""
    target = check_iri(str(graph))
    me = f"urn:uuid:{uuid.uuid4()}"
    lease, claim, since = f"<{LEASE_GRAPH}>", f"<{_CLAIM}>", f"<{_SINCE}>"
    give_up = time.monotonic() + wait_s
    attempt = 0
    while True:
        now = time.time()
        update(f"DELETE {{ GRAPH {lease} {{ <{target}> {claim} ?old . ?old {since} ?t }} }} "
               f"WHERE {{ GRAPH {lease} {{ <{target}> {claim} ?old . ?old {since} ?t }} "
               f"FILTER(?t < {now - LEASE_S:.3f}) }} ;\n"
               f"INSERT DATA {{ GRAPH {lease} {{ <{target}> {claim} <{me}> . <{me}> {since} {now:.3f} }} }}")
        holders = claims(_claims_query(target))
        if holders == [me]:
            break
        _release(update, target, me)
        attempt += 1
        if time.monotonic() > give_up:
            raise StoreError(f"另一个进程正在写入同一文档（{target}），等待 {wait_s:.0f} 秒后仍未完成；请稍后重试")
        time.sleep(random.uniform(0.02, 0.1) * min(attempt, 20))
    try:
        yield
    finally:
        _release(update, target, me)


def _release(update: Callable[[str], None], target: str, me: str) -> None:
    update(f"DELETE DATA {{ GRAPH <{LEASE_GRAPH}> {{ <{target}> <{_CLAIM}> <{me}> }} }} ;\n"
           f"DELETE WHERE {{ GRAPH <{LEASE_GRAPH}> {{ <{me}> <{_SINCE}> ?t }} }}")
