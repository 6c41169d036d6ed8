"""Errors a user can act on. The CLI maps InputError to exit code 2 and prints its one-line message."""
from __future__ import annotations


class InputError(ValueError):
    """Bad input (unreadable file, unknown id, malformed date): a one-line Chinese message that says what to do."""
