"""Shared fixtures for the loader tests: where the real corpora live, and one cached load per real PDF.

Real PDFs take seconds each to parse (pdfminer interprets every content stream), so each is loaded once per session.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.loaders import LoadedText, load_text

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "corpus"
SHARED = Path("/work/shared/corpus")
PDF_DIR = SHARED / "pdf"
BULK_DIR = SHARED / "bulk"


@lru_cache(maxsize=None)
def load_real_pdf(number: int) -> LoadedText:
    path = PDF_DIR / f"{number}.pdf"
    if not path.exists():
        pytest.skip(f"real PDF {path} not available on this machine")
    return load_text(path)


def assert_one_line_chinese(err: InputError, *must_contain: str) -> None:
    """The contract for user-facing errors: one line, in Chinese, naming what to do."""
    msg = str(err)
    assert msg and "\n" not in msg, msg
    assert re.search(r"[\u4e00-\u9fff]", msg), msg
    for part in must_contain:
        assert part in msg, msg


@pytest.fixture
def one_line_chinese():
    return assert_one_line_chinese


@pytest.fixture
def real_pdf():
    """load_real_pdf(number) → LoadedText of /work/shared/corpus/pdf/<number>.pdf (cached for the session)."""
    return load_real_pdf
