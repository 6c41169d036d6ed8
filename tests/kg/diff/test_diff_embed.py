"""chat.embed, the shared embedding loader: cached per text (memory and disk), offline, and optional for the diff."""
from __future__ import annotations

import numpy as np
import pytest

import chat.embed as embed
from kg.diff import diff_records


class _FakeEncoder:
    """Counts what it is asked to encode; deterministic vectors from the text's characters."""

    def __init__(self):
        self.calls: list[str] = []

    def encode(self, texts, **_):
        self.calls.extend(texts)
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t:
                out[i, ord(ch) % 8] += 1.0
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


@pytest.fixture()
def fake(monkeypatch, tmp_path):
    enc = _FakeEncoder()
    monkeypatch.setattr(embed, "get_encoder", lambda: enc)
    monkeypatch.setattr(embed, "model_dir", lambda: "fake-model")
    monkeypatch.setenv(embed.ENV_CACHE, str(tmp_path / "cache.sqlite3"))
    embed.clear_memory_cache()
    yield enc
    embed.clear_memory_cache()


def test_encode_is_cached_per_text_in_memory_and_on_disk(fake):
    v1 = embed.encode(["加快发展光伏", "推进节能", "加快发展光伏"])
    assert v1.shape == (3, 8) and np.allclose(np.linalg.norm(v1, axis=1), 1.0)
    assert np.allclose(v1[0], v1[2])
    assert fake.calls == ["加快发展光伏", "推进节能"]  # each distinct text once
    embed.encode(["推进节能"])
    assert len(fake.calls) == 2  # memory hit
    embed.clear_memory_cache()
    v2 = embed.encode(["推进节能", "加快发展光伏"])
    assert len(fake.calls) == 2  # disk hit: no model call in a "new process"
    assert np.allclose(v2[1], v1[0])


def test_cache_off_keeps_memory_only(fake, monkeypatch):
    monkeypatch.setenv(embed.ENV_CACHE, "off")
    embed.encode(["甲"])
    embed.clear_memory_cache()
    embed.encode(["甲"])
    assert fake.calls == ["甲", "甲"]


def test_missing_model_directory_is_reported(monkeypatch, tmp_path):
    monkeypatch.setenv(embed.ENV_MODEL, str(tmp_path / "nowhere"))
    assert embed.available() is False
    with pytest.raises(embed.EmbeddingUnavailable):
        embed.encode(["甲"])


def test_bundled_model_is_found_without_importing_the_package():
    import sys

    if embed.available():
        assert embed.model_dir().endswith("m3e-small")
    assert "embedding" not in sys.modules


def test_diff_falls_back_to_ngrams_without_a_model(monkeypatch, tmp_path, mini):
    monkeypatch.setenv(embed.ENV_MODEL, str(tmp_path / "nowhere"))
    diff = diff_records(mini(), mini(), use_embeddings=True)
    assert diff["embeddings"] is False and diff["changes"] == [] and diff["warnings"]


def test_diff_falls_back_when_the_model_fails_to_run(monkeypatch, mini):
    def broken():
        raise OSError("weights unreadable")
    monkeypatch.setattr(embed, "model_dir", lambda: "broken-model")
    monkeypatch.setattr(embed, "get_encoder", broken)
    monkeypatch.setenv(embed.ENV_CACHE, "off")
    embed.clear_memory_cache()
    diff = diff_records(mini(), mini(), use_embeddings=True)
    assert diff["embeddings"] is False and "weights unreadable" in diff["warnings"][0]


def test_diff_uses_embeddings_when_asked(fake, mini):
    diff = diff_records(mini(), mini(), use_embeddings=True)
    assert diff["embeddings"] is True and fake.calls
