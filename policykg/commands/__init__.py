"""CLI commands, one module per group; importing this package registers them all."""
from . import ask, diff, documents  # noqa: F401
from . import track  # noqa: F401
from . import links  # noqa: F401
