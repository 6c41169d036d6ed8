"""The app's public data API (ui.data) is complete and documented, every page module renders over it, and the shell
registers every page; the app starts without loading any model."""
from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import ui.data
from ui.shell import PAGES as SHELL_PAGES

UI = Path(ui.data.__file__).parent


def test_all_is_complete_and_documented():
    names = set(ui.data.__all__) - {"PAGES"}
    modules = [importlib.import_module(f"ui.pages_data.{p.stem}") for p in (UI / "pages_data").glob("*.py")
               if p.stem != "__init__"]
    public = set()
    for m in modules:
        public |= {n for n in getattr(m, "__all__", []) if inspect.isfunction(getattr(m, n))}
    helpers = {"most_urgent", "statuses", "clear", "filter_options", "report_text", "save_upload", "safe_name"}
    assert public - helpers <= names, public - helpers - names
    for n in names:
        fn = getattr(ui.data, n)
        assert inspect.isfunction(fn) and fn.__doc__, n


def test_every_page_is_registered_and_renders_over_data():
    assert [k for k, _, _ in SHELL_PAGES] == ["chat", "graph", "ledger", "diff", "documents"]
    assert set(ui.data.PAGES) - {"shared"} == {k for k, _, _ in SHELL_PAGES}
    for key, _, module in SHELL_PAGES:
        assert (UI / f"{module.split('.')[-1]}.py").exists()
        source = (UI / f"{module.split('.')[-1]}.py").read_text(encoding="utf-8")
        assert "def render(ctx" in source and "ui.pages_data" in source


def test_modules_stay_small():
    for p in list(UI.rglob("*.py")) + [UI.parent / "app.py"]:
        assert len(p.read_text(encoding="utf-8").splitlines()) <= 500, p


def test_importing_the_ui_loads_no_model():
    code = ("import sys, ui.shell, ui.data, ui.chat, ui.graph, ui.ledger, ui.diff, ui.documents; "
            "print(sorted(m for m in ('torch', 'sentence_transformers', 'pyshacl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                         cwd=UI.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
