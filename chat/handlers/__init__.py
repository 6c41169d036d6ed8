"""Intent handlers, one module per family; importing this package registers them all (chat.intents.INTENTS)."""
from . import counts, open, sections, targets, units  # noqa: F401
