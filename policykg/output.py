"""Printing for the CLI: JSON exactly as the contract says, human output as rich tables in Chinese."""
from __future__ import annotations

import json
import sys
from typing import Any


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def console():
    from rich.console import Console
    return Console(highlight=False, soft_wrap=True)


def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table
    t = Table(title=title, show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    console().print(t)
