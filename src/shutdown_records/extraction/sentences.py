"""Sentences of a document, found once per document: the quote around a cue, the sentence a
gate is asked about, the headline-and-lead weighting.

Why a module of its own: every extractor asks these questions about the same few documents
many times, so the separators are scanned once (cached per document) and the answers read
off by bisection; that is one job, apart from matching cues.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from . import spans
from .cueset import CueSet, Hit
from .types import Doc, sentence_span, separators

LEAD_CHARS = 600  # the headline and first paragraph: what the story is mainly about
LATE_FACTOR = 0.6  # weight factor for a cue past the lead


@lru_cache(maxsize=16)
def folded(doc: Doc) -> str:
    """The document folded for matching (same length, same offsets): the very string the
    other extractors use (`spans.folded`), so all share one opening index (`_doc_index`)."""
    return spans.folded(doc.text)


def lead_factor(doc: Doc, pos: int) -> float:
    """Cues in the headline/first paragraph describe the story's main restriction."""
    return 1.0 if pos < doc.body[0] + LEAD_CHARS else LATE_FACTOR


@lru_cache(maxsize=16)
def _separators(doc: Doc) -> tuple[list[int], list[int]]:
    """Starts and ends of `sentence_span`'s separators in the body, found once per doc."""
    lo, hi = doc.body
    found = list(separators(doc.text, lo, hi))
    return [m.start() for m in found], [m.end() for m in found]


@lru_cache(maxsize=16)
def _sentence_starts(doc: Doc) -> list[int]:
    """Where sentences may begin (ends of `sentence_span`'s separators), found once per doc."""
    return [doc.body[0]] + _separators(doc)[1]


def previous_sentence_start(doc: Doc, start: int) -> int:
    """Start of the sentence before the one beginning at `start` (the body start at most)."""
    starts = _sentence_starts(doc)
    i = bisect_right(starts, start) - 1
    return starts[max(0, i - 1)] if i >= 1 and starts[i] >= start else starts[max(0, i)]


def _next_separator(doc: Doc, end: int) -> int | None:
    """Where `_SENTENCE_END.search(doc.text, end, body end)` would begin its match (the body
    end if none), read off the body's one scan; None when that scan does not reach `end`
    untouched (`end` before the body, or inside a separator): then the caller searches."""
    lo, hi = doc.body
    seps, ends = _separators(doc)
    i = bisect_left(seps, end)
    if end < lo or (i and ends[i - 1] > end):
        return None
    return seps[i] if i < len(seps) else hi


def quote(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The sentence around a cue, kept inside the body.

    `sentence_span` scans from its lower limit to the cue; starting that scan at the last
    separator before the cue gives the same sentence without rescanning the article each time.
    Both separators around the cue are known from the one scan of the body (`_separators`):
    no separator begins between the last one ending before the cue and the cue, unless one
    straddles the cue's start (then the short scan is left to `sentence_span`), and a scan
    that finds no match in the whole body finds none in a part of it.
    """
    seps, ends = _separators(doc)
    i = bisect_right(ends, start)  # separators that end at or before the cue
    lo = ends[i - 1] if i else doc.body[0]
    begin = lo if start >= doc.body[0] and (i == len(seps) or seps[i] >= start) else None
    return sentence_span(
        doc.text, start, end, limit=(min(lo, start), doc.body[1]), begin=begin, stop=_next_separator(doc, end)
    )


def sentence(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The whole sentence(s) around text[start:end], uncut: gates are asked about this, while
    a quote (`quote`) may be shortened to about 300 characters for the reader."""
    starts = _sentence_starts(doc)
    lo = starts[max(0, bisect_right(starts, start) - 1)]
    i = bisect_right(starts, max(start, end - 1))
    hi = starts[i] if i < len(starts) else doc.body[1]
    return min(lo, start), max(hi, end)


def in_sentence(doc: Doc, cues: CueSet, span: tuple[int, int]) -> Hit | None:
    return cues.search(folded(doc), span[0], span[1])
