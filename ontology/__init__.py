"""The policykg ontology and its SHACL shapes, shipped as package data.

Why a package and not just two files: the ttl files must be found the same way from a source checkout, an editable
install and a wheel, so callers ask this module (importlib.resources) instead of building paths from `__file__`.

    ONTOLOGY_FILE / SHAPES_FILE     names of the two files inside this package
    ontology_path() / shapes_path() a real filesystem path (for tools that want one, e.g. pyshacl's CLI)
    ontology_text() / shapes_text() the Turtle source
    ontology_graph() / shapes_graph() parsed rdflib Graphs (cached; treat them as read-only)
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rdflib is heavy; import it only when a graph is asked for
    from rdflib import Graph

__all__ = ["ONTOLOGY_FILE", "SHAPES_FILE", "ontology_path", "shapes_path", "ontology_text", "shapes_text",
           "ontology_graph", "shapes_graph"]

ONTOLOGY_FILE = "policykg.ttl"
SHAPES_FILE = "shapes.ttl"


def _resource(name: str):
    return resources.files(__name__).joinpath(name)


def ontology_path() -> Path:
    """Filesystem path of policykg.ttl (package data is a plain directory in every way we install)."""
    return Path(str(_resource(ONTOLOGY_FILE)))


def shapes_path() -> Path:
    """Filesystem path of shapes.ttl."""
    return Path(str(_resource(SHAPES_FILE)))


def ontology_text() -> str:
    return _resource(ONTOLOGY_FILE).read_text(encoding="utf-8")


def shapes_text() -> str:
    return _resource(SHAPES_FILE).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def ontology_graph() -> "Graph":
    """The ontology as an rdflib Graph. Cached: do not mutate it."""
    from rdflib import Graph
    return Graph().parse(data=ontology_text(), format="turtle")


@lru_cache(maxsize=1)
def shapes_graph() -> "Graph":
    """The SHACL shapes as an rdflib Graph. Cached: do not mutate it."""
    from rdflib import Graph
    return Graph().parse(data=shapes_text(), format="turtle")
