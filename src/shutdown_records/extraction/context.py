"""Facts about the whole build that one source's extractors may need: reference dates.

An article without a published date still says "Wednesday" or "17 February"; those can only
be resolved against a date taken from the other sources. The pipeline sets this before it
runs the extractors, so an extractor keeps the simple `extract(doc)` signature.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from datetime import date
from types import MappingProxyType

from .types import Doc

# doc id -> (reference date, how it was chosen)
# read-only outside a build: the default is an immutable empty mapping
REFERENCE_DATES: ContextVar[Mapping[str, tuple[date, str]]] = ContextVar(
    "REFERENCE_DATES", default=MappingProxyType({})
)


def reference_date(doc: Doc) -> tuple[date | None, str]:
    """The date relative words in `doc` are read against, and a phrase saying where it came from."""
    if doc.published is not None:
        return doc.published, f"published {doc.published.isoformat()}"
    found = REFERENCE_DATES.get().get(doc.id)
    if found:
        return found
    return None, "no reference date"
