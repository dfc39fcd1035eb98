"""Which language a source is written in, when its front matter does not say.

Fast path: the writing system (Cyrillic, Arabic/Persian...) and stop-word counts from each
language's `meta.yaml`, which settle almost every news article in well under a millisecond.
Only when those disagree or are too thin is py3langid asked (imported lazily: its model
costs about 0.3 s to load).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from .langdata import supported_languages, topic

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
LETTER_SHARE = 0.01  # a language's distinctive letters above this share of the letters: a candidate
SAMPLE_CHARS = 4000
MIN_WORDS_FOR_MODEL = 8  # below this py3langid guesses wildly ("Hello world." -> Fula)


@cache
def _stopword_table() -> dict[str, frozenset[str]]:
    table = {}
    for code in sorted(supported_languages()):
        words = topic(code, "meta").get("stopwords") or []
        if words:
            table[code] = frozenset(w.casefold() for w in words)
    return table


@cache
def _distinctive_letters() -> dict[str, frozenset[str]]:
    """`distinctive_letters` of each meta.yaml: letters of a script that tell one language
    written in it from the script's main language (Persian and Urdu from Arabic)."""
    table = {}
    for code in sorted(supported_languages()):
        letters = topic(code, "meta").get("distinctive_letters")
        if letters:
            table[code] = frozenset(str(letters))
    return table


def _arabic_script_language(sample: str, letters: int) -> str:
    """Arabic, or a language whose distinctive letters the sample shows (Persian, Urdu).
    Urdu has Persian's letters too, so when several qualify their stop words decide."""
    candidates = [
        code for code, own in _distinctive_letters().items()
        if sum(1 for ch in sample if ch in own) > LETTER_SHARE * letters
    ]
    if len(candidates) <= 1:
        return candidates[0] if candidates else "ar"
    words = [w.casefold() for w in _WORD.findall(sample)]
    table = _stopword_table()
    return max(candidates, key=lambda code: (sum(1 for w in words if w in table.get(code, ())), code))


def _script_language(sample: str) -> str | None:
    """A language decided by the letters alone, or None for Latin (or mixed) text."""
    counts: Counter[str] = Counter()
    for ch in sample:
        if not ch.isalpha():
            continue
        if ch < "\u0250":
            counts["latin"] += 1
            continue
        name = unicodedata.name(ch, "")
        counts[name.split(" ", 1)[0]] += 1
    if not counts:
        return None
    script, n = counts.most_common(1)[0]
    if script == "latin" or n < 20:
        return None
    if script == "CYRILLIC":
        return "uk" if any(c in sample for c in "їєґі") and "ы" not in sample else "ru"
    if script == "ARABIC":
        return _arabic_script_language(sample, n)
    return None  # other scripts: leave it to the model


def detect_language(text: str) -> tuple[str | None, str]:
    """(ISO 639-1 code or None, how it was decided) for an article's text."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script, "writing system"
    words = [w.casefold() for w in _WORD.findall(sample)]
    if words:
        scores = {code: sum(1 for w in words if w in stop) for code, stop in _stopword_table().items()}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked:
            best, best_n = ranked[0]
            second_n = ranked[1][1] if len(ranked) > 1 else 0
            # A language we know well wins when its stop words clearly dominate; otherwise the
            # text may be one we hold no data for (Italian, Turkish...), so ask the model.
            if best_n >= 0.12 * len(words) and best_n >= 1.5 * max(second_n, 1):
                return best, "stop words"
    if len(words) < MIN_WORDS_FOR_MODEL:
        return None, "too little text to tell"
    guess = _langid(sample)
    if guess:
        return guess, "py3langid"
    return None, "undetermined"


def _langid(sample: str) -> str | None:
    try:
        import py3langid  # noqa: PLC0415 - heavy model, only for the hard cases
    except ImportError:
        return None
    code, _score = py3langid.classify(sample)
    return str(code) if re.fullmatch(r"[a-z]{2,3}", str(code)) else None
