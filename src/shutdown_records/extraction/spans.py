"""The quote for a match: its sentence, never running past the line (paragraph) it sits on.

Articles put a headline and the first paragraph on consecutive lines without a full stop
between them; a quote should not glue the two together.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..text import fold
from .types import _SENTENCE_END, Doc, sentence_span, separators

# Lines longer than this have their sentence ends found once, not once per quote: a 100 KB
# paragraph of dated sentences made quoting each date re-scan the paragraph from its start
# (time grew with the square of the paragraph's length).
_LONG_LINE = 2000


def quote_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lo, hi = doc.body
    line_lo = max(lo, line_start(doc.text, start))
    line_hi = line_end(doc.text, end, hi)
    begin = stop = None
    if line_hi - line_lo > _LONG_LINE:
        begin, stop = _known_ends(doc.text, line_lo, line_hi, start, end)
    s, e = sentence_span(doc.text, start, end, (line_lo, line_hi), begin=begin, stop=stop)
    if e <= s:  # a match made only of spaces cannot happen, but never return an empty quote
        return start, end
    return s, e


@lru_cache(maxsize=8)
def _newlines(text: str) -> tuple[int, ...]:
    """Offsets of every line break: a quote's line is found by bisection, not by scanning
    back and forth over a long line once per quote."""
    return tuple(m.start() for m in re.finditer("\n", text))


def line_start(text: str, pos: int) -> int:
    """Where the line holding `pos` begins (`text.rfind("\\n", 0, pos) + 1`)."""
    breaks = _newlines(text)
    i = bisect_left(breaks, pos)
    return breaks[i - 1] + 1 if i else 0


def line_end(text: str, pos: int, hi: int) -> int:
    """The first line break at or after `pos` and before `hi`, else `hi`."""
    breaks = _newlines(text)
    i = bisect_left(breaks, pos)
    return breaks[i] if i < len(breaks) and breaks[i] < hi else hi


@lru_cache(maxsize=8)
def _line_separators(text: str, lo: int, hi: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the sentence separators of one long line, found by one scan."""
    found = [(m.start(), m.end()) for m in separators(text, lo, hi)]
    return tuple(a for a, _ in found), tuple(b for _, b in found)


def _known_ends(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """What sentence_span would find by scanning the line from `lo`: where the last separator
    ending by `start` ends, and where the first separator at or after `end` begins."""
    starts, ends = _line_separators(text, lo, hi)
    i = bisect_right(ends, start)  # separators [0, i) end by `start`
    begin = ends[i - 1] if i else lo
    if i < len(starts) and starts[i] < start:  # one straddles `start`: the scan saw it cut there
        cut = _SENTENCE_END.match(text, starts[i], start)
        if cut:
            begin = cut.end()
    j = bisect_left(starts, end)
    stop = starts[j] if j < len(starts) else hi
    return begin, stop


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
