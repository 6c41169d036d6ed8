"""Loaders registered by name, looked up by file suffix.

Why a registry: the CLI, the app's upload widget and the tests must all agree on which formats exist and which suffix
goes where, and a new format (say .ofd) should be one new module with one `@register` line, not an edit to a chain of
`if suffix == …` scattered through callers. The registry maps a format name ("txt", "pdf", …) to a `Loader`; suffixes
map to names. Loader modules register themselves when imported (see `extract/loaders/__init__.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol


@dataclass
class Decoded:
    """What a loader returns: canonical text plus how it was read. `load_text` adds path, sha256 and format."""

    text: str
    encoding: str  # the character encoding actually used ("utf-8", "gb18030", …) or the container ("docx", "pdf")
    warnings: list[str] = field(default_factory=list)  # one-line Chinese notes the user should see (lost pages, …)


class LoadFn(Protocol):
    def __call__(self, raw: bytes, name: str) -> Decoded:  # name: the file name as given, for messages only
        ...


@dataclass(frozen=True)
class Loader:
    name: str  # format name: "txt" | "docx" | "pdf" | "html"
    suffixes: tuple[str, ...]  # lower-case, with the dot
    load: LoadFn
    description: str  # Chinese, for help texts and upload widgets


_LOADERS: dict[str, Loader] = {}
_BY_SUFFIX: dict[str, str] = {}


def register(name: str, suffixes: tuple[str, ...], description: str) -> Callable[[LoadFn], LoadFn]:
    """Register `fn` as the loader for format `name` and the given suffixes. Re-registering a name is an error:
    two modules claiming one format is a bug we want to see at import time, not a silent override."""

    def deco(fn: LoadFn) -> LoadFn:
        if name in _LOADERS:
            raise ValueError(f"loader {name!r} registered twice")
        for s in suffixes:
            if not s.startswith(".") or s != s.lower():
                raise ValueError(f"suffix {s!r} must be lower-case and start with a dot")
            if s in _BY_SUFFIX:
                raise ValueError(f"suffix {s!r} already belongs to loader {_BY_SUFFIX[s]!r}")
        _LOADERS[name] = Loader(name, tuple(suffixes), fn, description)
        for s in suffixes:
            _BY_SUFFIX[s] = name
        return fn

    return deco


def get_loader(name: str) -> Loader:
    """The loader registered under format name `name` (KeyError if none: a programming error, not bad input)."""
    return _LOADERS[name]


def loader_for_suffix(suffix: str) -> Loader | None:
    """The loader for a file suffix such as ".PDF" (case-insensitive), or None when the suffix is not registered."""
    name = _BY_SUFFIX.get(suffix.lower())
    return _LOADERS[name] if name else None


def registered() -> dict[str, Loader]:
    """All loaders by format name, in registration order (a copy: callers cannot mutate the registry)."""
    return dict(_LOADERS)


def supported_suffixes() -> tuple[str, ...]:
    """Every registered suffix, sorted; for file pickers and error messages."""
    return tuple(sorted(_BY_SUFFIX))
