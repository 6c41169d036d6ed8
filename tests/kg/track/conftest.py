"""Fixtures for the tracking tests: the shared `store` fixture (every backend, from tests/kg/conftest.py) with the
small rules plan stored in it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # track_records, whatever pytest's import mode

from track_records import small_plan  # noqa: E402


@pytest.fixture
def plan_store(store):
    """An empty store of each backend holding the small rules plan."""
    store.put_record(small_plan())
    return store
