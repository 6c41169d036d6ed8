"""Fixtures for the app tests: a real embedded store with the Jiading plan (and the two Chengdu versions) ingested.

The store is built once per test process (extraction takes seconds) and copied for each test, so a test that uploads,
drops or records a report never changes what another test sees. Tests run the real pages through
streamlit.testing.v1.AppTest with POLICYKG_STORE pointing at the copy, exactly as `streamlit run app.py` would.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.paths import CORPUS, JIADING

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")
CHENGDU = [CORPUS / "chengdu_energy_action_plan_v2021.txt", CORPUS / "chengdu_energy_action_plan_v2022.txt"]
JIADING_ID = "jiading-carbon-peak-plan-2022"
#: a fixed as-of date for every status judgment in the tests (the plan's 2025 targets are overdue then)
AS_OF = "2026-11-23"


@pytest.fixture(scope="session")
def template_store(tmp_path_factory) -> Path:
    """A closed Oxigraph directory holding the Jiading plan and both Chengdu versions."""
    import kg
    from kg.ingest import ingest_files

    path = tmp_path_factory.mktemp("app-template") / "store"
    with kg.open_store(str(path)) as store:
        summary = ingest_files(store, [JIADING, *CHENGDU], workers=1)
    assert not summary["failed"], summary["failed"]
    return path


@pytest.fixture
def store_dir(template_store, tmp_path, monkeypatch) -> Path:
    """A private copy of the template store, set as POLICYKG_STORE for the app."""
    path = tmp_path / "store"
    shutil.copytree(template_store, path)
    monkeypatch.setenv("POLICYKG_STORE", str(path))
    monkeypatch.setenv("POLICYKG_LOCK_WAIT", "2")
    return path


@pytest.fixture
def store(store_dir):
    """The copy, open (closed again at the end of the test so the app and the CLI can use it)."""
    import kg
    s = kg.open_store(str(store_dir))
    yield s
    s.close()


def app_at(page: str, as_of: str = AS_OF, timeout: float = 60):
    """An AppTest of app.py opened on `page`, its as-of date set, after the first run."""
    import datetime as dt

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params["page"] = page
    at.run()
    at.sidebar.date_input(key="as_of").set_value(dt.date.fromisoformat(as_of)).run()
    return at


def errors(at) -> list[str]:
    """Texts of the st.error and exception elements on the page (a clean page has none)."""
    return [e.value for e in at.error] + [str(e.value) for e in at.exception]
