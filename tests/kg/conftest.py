"""Fixtures for the kg tests: a real `oxigraph serve` and a store fixture parametrised over every backend.

The server fixture starts the binary that the PyPI package `oxigraph` installs next to the interpreter, on a free
127.0.0.1 port with a temporary --location, waits until it answers a query, and kills it at the end of the session.
Tests that use it are marked `server` (deselect with `-m "not server"`).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # kg_records, whatever pytest's import mode

import kg  # noqa: E402


def _oxigraph_binary() -> str | None:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Base URL of a running `oxigraph serve` (session-wide; tests clear it through the `store` fixture)."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    location = tmp_path_factory.mktemp("oxigraph-serve")
    port = _free_port()
    log = open(location.parent / f"oxigraph-serve-{port}.log", "wb")
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {proc.returncode}; see {log.name}")
            try:
                query = urllib.request.quote("ASK {}")
                with urllib.request.urlopen(f"{url}/query?query={query}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("oxigraph serve did not answer within 30 s")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


BACKENDS = ["memory", "oxigraph", pytest.param("sparql", marks=pytest.mark.server)]


@pytest.fixture(params=BACKENDS)
def store_spec(request, tmp_path):
    """A spec for an empty store of each backend; reopening the same spec in the test sees the same data."""
    if request.param == "memory":
        name = f"kgtest-{uuid.uuid4().hex}"
        yield f"memory:{name}"
        from kg.stores import memory
        memory._NAMED.pop(name, None)
        return
    if request.param == "oxigraph":
        yield str(tmp_path / "store")
        return
    url = request.getfixturevalue("oxigraph_server")
    with kg.open_store(url) as s:
        s.update("DROP SILENT ALL")
    yield url


@pytest.fixture
def store(store_spec):
    """An open, empty store of each backend; closed after the test."""
    s = kg.open_store(store_spec)
    yield s
    s.close()
