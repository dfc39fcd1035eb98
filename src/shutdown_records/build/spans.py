"""The quote for a match: its sentence, never running past the line (paragraph) it sits on.

Articles put a headline and the first paragraph on consecutive lines without a full stop
between them; a quote should not glue the two together.
"""

from __future__ import annotations

from functools import lru_cache

from ..text import fold
from .types import Doc, sentence_span


def quote_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lo, hi = doc.body
    line_lo = doc.text.rfind("\n", lo, start) + 1
    line_lo = max(lo, line_lo)
    line_hi = doc.text.find("\n", end, hi)
    line_hi = hi if line_hi < 0 else line_hi
    s, e = sentence_span(doc.text, start, end, (line_lo, line_hi))
    if e <= s:  # a match made only of spaces cannot happen, but never return an empty quote
        return start, end
    return s, e


@lru_cache(maxsize=32)
def folded(text: str) -> str:
    """`text.fold(text)`, computed once per source for all extractors (str.translate is slow)."""
    return text if text.isascii() else fold(text)
