"""The quote for a match: its sentence, never running past the line (paragraph) it sits on.

Articles put a headline and the first paragraph on consecutive lines without a full stop
between them; a quote should not glue the two together.
"""

from __future__ import annotations

import re
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


@lru_cache(maxsize=32)
def _related_lines(text: str, language: str, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    from .loader import list_block_end, tail_markers  # noqa: PLC0415 - loader imports this module's users

    markers = tail_markers(language)
    spans = []
    for m in _MARKED_LINE.finditer(text, lo, hi):
        label = fold(m.group(1)).casefold().strip()
        if label in markers:
            if m.group(2).strip():
                spans.append((m.start(), m.end()))  # "Also read: <headline>"
            else:
                spans.append((m.start(), list_block_end(text, m.end() + 1)))  # "Also read:" + links
    return tuple(spans)


_MARKED_LINE = re.compile(r"^[ \t]*([^\n:]{3,40}?)[ \t]*:([^\n]*)$", re.M)


def in_related_line(doc: Doc, pos: int) -> bool:
    """True inside a line like "Also read: <another story's headline>" within the body."""
    lo, hi = doc.body
    return any(s <= pos < e for s, e in _related_lines(doc.text, doc.language, lo, hi))
