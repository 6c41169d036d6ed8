"""CLI commands, one module per group; importing this package registers them all."""
from . import documents  # noqa: F401
