"""The public API of kg.track: `__all__` is complete, every name in it exists and is documented in the package
docstring, and nothing private leaks (httpx-style explicit API)."""
from __future__ import annotations

import inspect

import kg.track as track


def test_all_names_exist_and_are_documented():
    doc = track.__doc__ or ""
    for name in track.__all__:
        assert hasattr(track, name), name
        assert name in doc, f"{name} is public but not in the kg.track docstring"


def test_every_public_callable_is_in_all():
    public = {n for n, v in vars(track).items()
              if not n.startswith("_") and not inspect.ismodule(v) and n != "annotations"}
    assert public <= set(track.__all__), public - set(track.__all__)


def test_the_status_function_signature_is_what_callers_use():
    params = list(inspect.signature(track.target_statuses).parameters)
    assert params[:4] == ["store", "as_of", "doc", "unit"] and "window_days" in params
