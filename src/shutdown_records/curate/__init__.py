"""A person's changes to a record (`cite`, the review app): round-trip YAML, quotes found, curation marked."""

from .edits import (
    ACTIONS,
    Edit,
    EditResult,
    StaleRecord,
    Target,
    apply_edit,
    parse_target,
)
from .quotes import QuoteNotFound, find_quote

__all__ = [
    "ACTIONS",
    "Edit",
    "EditResult",
    "QuoteNotFound",
    "StaleRecord",
    "Target",
    "apply_edit",
    "find_quote",
    "parse_target",
]
