"""Values between Python, rdflib terms and SPARQL text.

Why a module of its own: user text (a unit name, a note, a doc id) reaches a query only as a bound value, and the one
place that turns a value into SPARQL syntax must be small enough to be obviously right.

- `to_term(value)`: Python → rdflib term (str → plain literal, bool, int, float → xsd:double, Decimal → xsd:decimal,
  date → xsd:date, datetime → xsd:dateTime; rdflib terms pass through).
- `sparql_term(term, rdflib_dialect)`: rdflib term → SPARQL syntax for a VALUES block. Strings are escaped per the
  SPARQL grammar (ECHAR). One engine difference matters: rdflib expands `\\uXXXX` escapes in the *whole query text*
  before parsing (SPARQL 1.1 §19.2), Oxigraph only inside tokens. A backslash in a value is therefore written `\\\\`
  for Oxigraph and `\\u005C\\u005C` for rdflib; both read back as one backslash, and neither can end the string early.
- `to_python(term)`: rdflib term → plain JSON-able value for query results (IRIs → str, numbers → int/float,
  booleans → bool, dates/times → their ISO lexical form, other literals → str).
"""
from __future__ import annotations

import datetime as _dt
import logging
from decimal import Decimal
from typing import Any, Optional

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .vocab import check_iri

__all__ = ["to_term", "sparql_term", "to_python", "normalize"]

_INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger,
                  XSD.positiveInteger, XSD.nonPositiveInteger, XSD.negativeInteger, XSD.unsignedInt,
                  XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}
_FLOAT_TYPES = {XSD.double, XSD.float}


class _IllTypedLiteralFilter(logging.Filter):
    """rdflib logs a traceback for every ill-typed literal it creates (e.g. "2025-02-30"^^xsd:date). policykg stores
    what the extractor produced and reports such values through SHACL validation, so the traceback is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to convert Literal lexical form to value")


logging.getLogger("rdflib.term").addFilter(_IllTypedLiteralFilter())

_ESCAPES = {'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def to_term(value: Any) -> Identifier:
    """A Python value as the rdflib term a query should be bound to."""
    if isinstance(value, Identifier):
        return normalize(value)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    if isinstance(value, _dt.datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, _dt.date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, str):
        return Literal(value)
    raise TypeError(f"cannot bind a {type(value).__name__} in a SPARQL query: {value!r}")


def normalize(term: Optional[Identifier]) -> Optional[Identifier]:
    """xsd:string literals → plain literals (the same RDF term; rdflib compares them as different objects)."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _string(value: str, rdflib_dialect: bool) -> str:
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\u005C\\u005C" if rdflib_dialect else "\\\\")
        else:
            out.append(_ESCAPES.get(ch, ch))
    return '"' + "".join(out) + '"'


def sparql_term(term: Identifier, rdflib_dialect: bool = False) -> str:
    """SPARQL syntax for one bound value (a VALUES block entry)."""
    if isinstance(term, URIRef):
        return f"<{check_iri(str(term))}>"
    if isinstance(term, Literal):
        lexical = _string(str(term), rdflib_dialect)
        if term.language:
            if not all(c.isalnum() or c == "-" for c in term.language):
                raise ValueError(f"bad language tag: {term.language!r}")
            return f"{lexical}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{lexical}^^<{check_iri(str(term.datatype))}>"
        return lexical
    if term is None:
        return "UNDEF"
    raise TypeError(f"cannot bind {type(term).__name__} (blank nodes cannot be bound): {term!r}")


def to_python(term: Optional[Identifier]) -> Any:
    """A query result value as plain data."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        dt = term.datatype
        lexical = str(term)
        try:
            if dt in _INTEGER_TYPES:
                return int(lexical)
            if dt == XSD.decimal:
                d = Decimal(lexical)
                return int(d) if d == d.to_integral_value() else float(d)
            if dt in _FLOAT_TYPES:
                return float(lexical)
            if dt == XSD.boolean:
                return lexical.strip().lower() in ("true", "1")
        except (ValueError, ArithmeticError):
            return lexical  # ill-typed literal: give back what was stored
        return lexical
    return str(term)
