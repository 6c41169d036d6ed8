"""Scoring a diff against a generated revision: typed changes as multisets of keys, alignment as a set of decisions."""
from __future__ import annotations

from typing import Any

def predicted_keys(diff: dict[str, Any]) -> list[tuple]:
    """The diff's changes in the generator's key format."""
    out = []
    for c in diff["changes"]:
        d = c.get("detail", {})
        if c["type"] == "target_value":
            out.append(("target_value", c["old"], c["new"], d.get("target_old"), d["value"][1], d["unit"][1]))
        elif c["type"] == "deadline":
            out.append(("deadline", c["old"], c["new"], d.get("target_old"), c["after"]))
        elif c["type"] == "responsible_units":
            out.append(("responsible_units", c["old"], c["new"]))
        else:
            out.append(("text", c["old"], c["new"], d.get("field", "text")))
    return out


def _norm_key(k: tuple) -> tuple:
    return tuple(round(x, 6) if isinstance(x, float) else x for x in k)


def score(expected: list[tuple], predicted: list[tuple]) -> tuple[int, int, int]:
    """(true positives, |predicted|, |expected|) with multiset matching."""
    pool = [_norm_key(k) for k in expected]
    tp = 0
    for k in (_norm_key(k) for k in predicted):
        if k in pool:
            pool.remove(k)
            tp += 1
    return tp, len(predicted), len(expected)


def alignment_decisions(pairs: dict[str, str], added: list[str], removed: list[str]) -> set[tuple]:
    return ({("pair", a, b) for a, b in pairs.items()} | {("added", x) for x in added}
            | {("removed", x) for x in removed})
