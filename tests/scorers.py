"""The acceptance scorers (../shared/eval) as the tests and bench/ call them: one loader, and the source path the
extraction scorer can read."""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Optional


def load_score_extract(eval_dir: Path) -> Optional[ModuleType]:
    """score_extract.py from `eval_dir` as a module, or None when it is not there."""
    path = eval_dir / "score_extract.py"
    if not path.exists():
        return None
    sys.path.insert(0, str(eval_dir))  # it imports its sibling quantity.py
    spec = importlib.util.spec_from_file_location("score_extract", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def scorable_source(source: Path) -> str:
    """A path the acceptance scorer can read: score_extract.py decodes the source as text, so a PDF/Word/HTML plan is
    scored against its canonical text (what `policykg text` prints, which every span indexes) written to a temp file."""
    if source.suffix == ".txt":
        return str(source)
    from extract import load_text
    out = Path(tempfile.gettempdir()) / f"policykg_canon_{source.stem}.txt"
    out.write_text(load_text(source).text, encoding="utf-8")
    return str(out)
