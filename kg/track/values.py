"""A multi-row VALUES block for set-based queries ("these 70 index nodes", "these subjects, each before this month").

Why: Store.query binds one row of values (kg.binding); the tracker needs many rows in one query so that it never
asks once per target. The block is made the same way kg.binding makes its one-row block — every value through
kg.terms.sparql_term (escaped per the grammar, IRIs checked), placed at the start of the outermost WHERE group by
kg.binding.where_brace — so it is binding, never formatting user text into a query.
"""
from __future__ import annotations

from typing import Any, Sequence

from ..binding import where_brace
from ..store import Store
from ..terms import sparql_term, to_term

__all__ = ["with_values"]


def _dialect(store: Store) -> bool:
    """Whether the store's engine expands \\u escapes in the whole query text (rdflib; see kg.terms)."""
    return bool(getattr(getattr(store, "_backend", None), "rdflib_dialect", False))


def with_values(store: Store, query: str, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """`query` with a VALUES block of `rows` for variables `names` joined at the start of its WHERE group. An empty
    `rows` gives a block with no rows (the query then matches nothing, as it should)."""
    at = where_brace(query)
    if at < 0:
        raise ValueError("the query has no WHERE group to put VALUES in")
    dialect = _dialect(store)
    variables = " ".join("?" + n for n in names)
    body = " ".join("(" + " ".join("UNDEF" if v is None else sparql_term(to_term(v), dialect) for v in row) + ")"
                    for row in rows)
    return query[:at + 1] + f" VALUES ({variables}) {{ {body} }} " + query[at + 1:]
