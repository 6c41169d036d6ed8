"""The README's CLI examples run as written, in order, on a fresh store: a user copying them must not hit an error
(the `progress add` example once needed a `--doc` it did not show)."""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from tests.cli.test_documents_cli import run
from tests.paths import CORPUS, REPO

pytestmark = pytest.mark.slow


def usage_examples() -> list[list[str]]:
    """Every `policykg …` line of the bash blocks in the README's usage section, as argv lists."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    usage = readme.split("## Usage", 1)[1].split("\n## ", 1)[0]
    lines = [ln.strip() for block in re.findall(r"```bash\n(.*?)```", usage, re.S) for ln in block.splitlines()]
    return [shlex.split(ln.split(" | ")[0])[1:] for ln in lines if ln.startswith("policykg ")]


def test_the_usage_section_has_examples():
    verbs = {argv[0] for argv in usage_examples()}
    assert {"extract", "ingest", "ask", "overdue", "progress", "diff"} <= verbs


def test_readme_examples_run_as_written(tmp_path: Path):
    (tmp_path / "corpus").symlink_to(CORPUS)  # the examples name paths relative to the checkout
    store = str(tmp_path / "store")
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for argv in usage_examples():
            r = run(*argv, store=store)
            assert r.returncode == 0, (argv, r.stderr[-300:])
            assert r.stdout.strip() or argv[0] == "ingest", argv
    finally:
        os.chdir(here)
