"""Opening stores: spec resolution, the backend registry, directory locking, unreachable endpoints."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kg
from extract.errors import InputError
from kg.store import Backend, resolve_spec
from kg.stores.sparql import endpoints
from kg_records import small_record

ROOT = Path(__file__).resolve().parents[2]


def test_registry_snapshot():
    assert kg.available_backends() == ["memory", "oxigraph", "sparql"]


def test_spec_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("POLICYKG_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert kg.default_store_path() == tmp_path / "xdg" / "policykg" / "store"
    assert resolve_spec(None) == ("oxigraph", str(tmp_path / "xdg" / "policykg" / "store"))
    assert resolve_spec("memory:") == ("memory", "")
    assert resolve_spec("memory:app") == ("memory", "app")
    assert resolve_spec("http://127.0.0.1:7878") == ("sparql", "http://127.0.0.1:7878")
    assert resolve_spec("https://h/ds/sparql") == ("sparql", "https://h/ds/sparql")
    assert resolve_spec("oxigraph:/data/x") == ("oxigraph", "/data/x")
    assert resolve_spec("/data/x") == ("oxigraph", "/data/x")
    assert resolve_spec("C:/data/x") == ("oxigraph", "C:/data/x")
    monkeypatch.setenv("POLICYKG_STORE", "memory:from-env")
    assert resolve_spec(None) == ("memory", "from-env")
    assert resolve_spec("memory:explicit") == ("memory", "explicit")  # explicit beats the environment
    monkeypatch.delenv("POLICYKG_STORE")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert kg.default_store_path() == tmp_path / "home" / ".local" / "share" / "policykg" / "store"


def test_default_store_is_created_on_first_use(monkeypatch, tmp_path):
    monkeypatch.delenv("POLICYKG_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with kg.open_store() as s:
        assert s.backend == "oxigraph"
        s.put_record(small_record())
    assert (tmp_path / "xdg" / "policykg" / "store" / "CURRENT").exists()
    with kg.open_store() as s:
        assert s.doc_ids() == ["test-plan-2022"]


def test_memory_named_stores_are_shared_and_plain_ones_private():
    with kg.open_store("memory:shared-test") as a, kg.open_store("memory:shared-test") as b:
        a.put_record(small_record())
        assert b.doc_ids() == ["test-plan-2022"]
    with kg.open_store("memory:") as a, kg.open_store("memory:") as b:
        a.put_record(small_record())
        assert b.doc_ids() == []
    from kg.stores import memory
    memory._NAMED.pop("shared-test")


def test_third_party_backend_by_name():
    from kg.stores.memory import MemoryBackend

    calls = []

    @kg.register_backend("fake")
    class Fake(MemoryBackend):
        name = "fake"

        def __init__(self, location: str) -> None:
            calls.append(location)
            super().__init__("")

    try:
        with kg.open_store("fake:somewhere") as s:
            assert s.backend == "fake" and calls == ["somewhere"]
        assert "fake" in kg.available_backends()
    finally:
        from kg import store
        store._BACKENDS.pop("fake")


def test_backend_interface_is_small():
    abstract = sorted(Backend.__abstractmethods__)
    assert abstract == ["add_triples", "replace_graph", "select", "update"]


def test_file_and_foreign_directory_are_refused(tmp_path):
    f = tmp_path / "a-file"
    f.write_text("x")
    with pytest.raises(InputError, match="是一个文件"):
        kg.open_store(str(f))
    d = tmp_path / "sources"
    d.mkdir()
    (d / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="非空且不是 policykg 存储"):
        kg.open_store(str(d))
    assert sorted(p.name for p in d.iterdir()) == ["notes.txt"]


def test_same_directory_twice_in_one_process_shares_one_handle(tmp_path):
    from kg.stores.oxigraph import open_handles

    path = tmp_path / "store"
    with kg.open_store(str(path)) as a:
        with kg.open_store(str(path)) as b:
            a.put_record(small_record())
            assert b.doc_ids() == ["test-plan-2022"]
            assert open_handles()[str(path.resolve())] == 2
        assert open_handles()[str(path.resolve())] == 1
    assert str(path.resolve()) not in open_handles()


def _holder(path: Path) -> subprocess.Popen:
    """Another process that opens the store and keeps it open until its stdin closes."""
    code = textwrap.dedent(f"""
        import sys, kg
        s = kg.open_store({str(path)!r})
        print("open", flush=True)
        sys.stdin.read()
        s.close()
    """)
    p = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert p.stdout.readline().strip() == "open"
    return p


def test_locked_directory_gives_a_clear_message_and_is_free_after_close(tmp_path, monkeypatch):
    path = tmp_path / "store"
    with kg.open_store(str(path)) as s:
        s.put_record(small_record())
    holder = _holder(path)
    try:
        monkeypatch.setenv("POLICYKG_LOCK_WAIT", "0.3")
        with pytest.raises(InputError) as err:
            kg.open_store(str(path))
        assert "正被另一个进程" in str(err.value) and "oxigraph serve" in str(err.value)
        assert "\n" not in str(err.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with kg.open_store(str(path)) as s:
        assert s.doc_ids() == ["test-plan-2022"]


def test_open_waits_for_a_short_lock(tmp_path, monkeypatch):
    path = tmp_path / "store"
    kg.open_store(str(path)).close()
    holder = _holder(path)
    monkeypatch.setenv("POLICYKG_LOCK_WAIT", "60")
    import threading
    release = threading.Timer(0.5, lambda: holder.stdin.close())
    release.start()
    try:
        with kg.open_store(str(path)) as s:  # succeeds once the other process has let go
            assert s.doc_ids() == []
    finally:
        release.join()
        holder.wait(timeout=30)


def test_sparql_endpoint_urls():
    assert endpoints("http://h:7878") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:7878/") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h/ds/query") == ("http://h/ds/query", "http://h/ds/update")
    assert endpoints("http://h/ds/sparql") == ("http://h/ds/sparql", "http://h/ds/sparql")


def test_unreachable_endpoint_is_an_input_error():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket is closed
    s = kg.open_store(f"http://127.0.0.1:{port}")
    with pytest.raises(InputError, match="无法连接 SPARQL 端点"):
        s.docs()
