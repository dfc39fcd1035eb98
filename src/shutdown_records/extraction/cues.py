"""The extractors' one import for cues (`from .. import cues as C`): what they use from the
modules that each do one job.

- `cuedata`: the cue lists of data/lang/<code>/cues.yaml, placeholders expanded, as cue sets;
- `cueset`: a cue set compiled into one prefix-factored regex and run only where it may match;
- `sentences`: the quote and the sentence around a hit, the lead's weight, found once per document;
- `sink`: collecting the mentions an extractor finds;
- `gazetteer`: country names and adjectives, and which country a document talks about.
"""

from __future__ import annotations

from ..text import fold, strip_accents
from .cuedata import COMMON, CUES_TOPIC, PORTFOLIO, cue_set, expand, has_cues, hits, inflect, raw, verb_final
from .cueset import Cue, CueSet, Hit, LazyPattern, compile_pattern, opening_positions, scan
from .gazetteer import CountryMatcher, countries, country_mentions, english_country_name, guess_country
from .sentences import (
    LATE_FACTOR,
    LEAD_CHARS,
    folded,
    in_sentence,
    lead_factor,
    previous_sentence_start,
    quote,
    sentence,
)
from .sink import MentionSink, cue_note

__all__ = [
    "COMMON",
    "CUES_TOPIC",
    "LATE_FACTOR",
    "LEAD_CHARS",
    "PORTFOLIO",
    "CountryMatcher",
    "Cue",
    "CueSet",
    "Hit",
    "LazyPattern",
    "MentionSink",
    "compile_pattern",
    "countries",
    "country_mentions",
    "cue_note",
    "cue_set",
    "english_country_name",
    "expand",
    "fold",
    "folded",
    "guess_country",
    "has_cues",
    "hits",
    "inflect",
    "in_sentence",
    "lead_factor",
    "opening_positions",
    "previous_sentence_start",
    "quote",
    "raw",
    "scan",
    "verb_final",
    "sentence",
    "strip_accents",
]
