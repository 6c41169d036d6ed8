"""Bind values to a SPARQL query or update by placing a VALUES block at the start of its WHERE clause.

Why VALUES for every backend (and not rdflib's initBindings / Oxigraph's substitutions): the three engines disagree on
what a pre-binding means (Oxigraph only substitutes variables of the SELECT projection; rdflib pre-binds everywhere;
a remote endpoint has no binding API at all). A VALUES block at the start of the outermost WHERE group is plain SPARQL
1.1 with one meaning everywhere: the rows are joined with the group, before aggregation. So a query that is right on
`memory:` is right on Oxigraph and over HTTP, and the conformance suite checks it.

The block is built from terms serialised by kg.terms.sparql_term (escaped per the grammar), never from raw text, and
variable names are checked, so a value such as `"} ; DROP ALL #` stays a string.

Where the block goes: after the `{` that follows the first top-level WHERE keyword; for a query without WHERE
(`SELECT * { … }`, `ASK { … }`) after its first top-level `{`. Strings, IRIs and comments are skipped while scanning.
For an update with several operations the block goes into the first operation's WHERE.
"""
from __future__ import annotations

import re
from typing import Any, Mapping, Optional

from .terms import sparql_term, to_term

__all__ = ["bind", "where_brace"]

_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_]+")
_FORMS = {"SELECT", "ASK", "DESCRIBE", "CONSTRUCT", "INSERT", "DELETE", "WITH", "LOAD", "CLEAR", "DROP",
          "CREATE", "ADD", "MOVE", "COPY"}


def _skip_string(q: str, i: int) -> int:
    """Index just after the string literal starting at q[i]."""
    quote = q[i]
    if q.startswith(quote * 3, i):
        end = i + 3
        while end < len(q):
            if q[end] == "\\":
                end += 2
                continue
            if q.startswith(quote * 3, end):
                return end + 3
            end += 1
        return len(q)
    end = i + 1
    while end < len(q) and q[end] != quote:
        end += 2 if q[end] == "\\" else 1
    return end + 1


def where_brace(query: str) -> int:
    """Index of the `{` that opens the outermost WHERE group, or -1."""
    depth, i, n = 0, 0, len(query)
    form: Optional[str] = None  # first top-level query/update keyword seen
    after_where = False
    while i < n:
        c = query[i]
        if c == "#":
            nl = query.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        if c in "\"'":
            i = _skip_string(query, i)
            continue
        if c == "<":
            m = _IRIREF.match(query, i)
            if m:
                i = m.end()
                continue
        if c == "{":
            if depth == 0 and (after_where or form in ("SELECT", "ASK", "DESCRIBE")):
                return i
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and (c.isalpha() or c == "_"):
            m = _WORD.match(query, i)
            end = m.end()
            prev = query[i - 1] if i else " "
            nxt = query[end] if end < n else " "
            if prev not in "?$:" and nxt != ":" and not nxt.isdigit():
                word = m.group(0).upper()
                if word == "WHERE":
                    after_where = True
                elif form is None and word in _FORMS:
                    form = word
            i = end
            continue
        i += 1
    return -1


def bind(query: str, bindings: Optional[Mapping[str, Any]], rdflib_dialect: bool = False) -> str:
    """`query` with `bindings` (variable name → value) joined in as a one-row VALUES block."""
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not isinstance(name, str) or not _VARNAME.match(name.lstrip("?$")):
            raise ValueError(f"bad SPARQL variable name for a binding: {name!r}")
    at = where_brace(query)
    if at < 0:
        raise ValueError("cannot bind values: the query has no WHERE group to put them in")
    variables = " ".join("?" + n.lstrip("?$") for n in names)
    values = " ".join(sparql_term(to_term(bindings[n]), rdflib_dialect) if bindings[n] is not None else "UNDEF"
                      for n in names)
    block = f" VALUES ({variables}) {{ ({values}) }} "
    return query[:at + 1] + block + query[at + 1:]
