"""Shared fixtures: a memory store holding the Jiading plan (extracted once per test session), its catalog."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
JIADING = ROOT / "corpus" / "jiading_carbon_peak_plan_2022.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def jiading_record():
    from extract import extract_file
    return extract_file(str(JIADING))


@pytest.fixture(scope="session")
def store(jiading_record):
    import kg
    s = kg.open_store("memory:")
    s.put_record(jiading_record)
    yield s
    s.close()


@pytest.fixture(scope="session")
def cat(store, jiading_record):
    from chat.catalog import catalog_for
    return catalog_for(store, jiading_record.document.id)
