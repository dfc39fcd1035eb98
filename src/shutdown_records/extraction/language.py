"""Which language a source is written in, when its front matter does not say.

Fast path: the writing system (each language's `meta.yaml` `script:`; languages we hold no
folder for in `_common/meta.yaml` `other_languages:`) and stop-word counts from each
language's `meta.yaml`, which settle almost every news article in well under a millisecond.
Only when those disagree or are too thin is py3langid asked (imported lazily: its model
costs about 0.3 s to load).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from ..text import fold
from .langdata import COMMON, supported_languages, topic

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
SAMPLE_CHARS = 4000
MIN_WORDS_FOR_MODEL = 8  # below this py3langid guesses wildly ("Hello world." -> Fula)


@cache
def stopword_table() -> dict[str, frozenset[str]]:
    """Language code -> its meta.yaml stop words, case-folded (detection here and scan's quick guess)."""
    table = {}
    for code in sorted(supported_languages()):
        words = topic(code, "meta").get("stopwords") or []
        if words:
            table[code] = frozenset(fold(w).casefold() for w in words)  # compared with folded text
    return table


@cache
def _script_table() -> dict[str, list[tuple[str, dict[str, object]]]]:
    """Script name -> [(language, its `script:` entry)], languages with distinctive letters first."""
    table: dict[str, list[tuple[str, dict[str, object]]]] = {}
    entries = [(code, topic(code, "meta").get("script")) for code in sorted(supported_languages())]
    entries += sorted((topic(COMMON, "meta").get("other_languages") or {}).items())
    for code, entry in entries:
        if entry:
            table.setdefault(str(entry["name"]), []).append((str(code), entry))
    for candidates in table.values():
        candidates.sort(key=lambda item: (not item[1].get("letters"), item[0]))
    return table


@cache
def _script_names() -> dict[str, str]:
    """First word of a letter's Unicode name -> the script it counts for: an entry's `also`
    names (Japanese KATAKANA) count for its `name` (HIRAGANA)."""
    names: dict[str, str] = {}
    for candidates in _script_table().values():
        for _code, entry in candidates:
            also = entry.get("also")
            names.update({str(other): str(entry["name"]) for other in (also if isinstance(also, list) else [])})
    return names


def script_language(sample: str) -> str | None:
    """A language decided by the letters alone, or None for Latin (or mixed) text, or a script
    no language's data claims.

    Among the languages written in the text's main script, one whose distinctive `letters`
    make up more than `min_share` of that script's letters (and that uses none of its
    `without` letters) wins, the one with the most such letters first; otherwise the script's
    language without distinctive letters."""
    counts: Counter[str] = Counter()
    letters: Counter[str] = Counter()
    for ch in sample:
        if not ch.isalpha():
            continue
        if ch < "\u0250":
            counts["latin"] += 1
            continue
        letters[ch] += 1
        first = unicodedata.name(ch, "").split(" ", 1)[0]
        counts[_script_names().get(first, first)] += 1
    if not counts:
        return None
    script, n = counts.most_common(1)[0]
    if script == "latin" or n < 20:
        return None
    candidates: list[tuple[int, str]] = []
    defaults: list[str] = []
    for code, entry in _script_table().get(script, []):
        own = str(entry.get("letters") or "")
        if not own:
            defaults.append(code)
            continue
        hits = sum(letters[c] for c in set(own))
        if hits > float(str(entry.get("min_share") or 0.0)) * n and not any(
            c in sample for c in str(entry.get("without") or "")
        ):
            candidates.append((hits, code))
    table = stopword_table()
    if len(candidates) > 1:
        # Urdu has Persian's letters too: when several languages' letters qualify, their
        # stop words decide (then the letter count)
        words = _words(sample)
        return max(candidates, key=lambda c: (sum(1 for w in words if w in table.get(c[1], ())), c[0], c[1]))[1]
    if candidates:
        return candidates[0][1]
    if not defaults:
        return None  # other scripts are left to the model
    rivals = [code for code, _ in _script_table().get(script, []) if code in table]
    if len(rivals) > 1:
        # Languages sharing the script without letters of their own (Hindi, Nepali), or one
        # written without them (Persian typed with Arabic yeh and kaf): the stop words decide
        # when they clearly do; otherwise the script's language without letters.
        words = _words(sample)
        tally = sorted(((sum(1 for w in words if w in table[c]), c) for c in rivals), reverse=True)
        if tally[0][0] >= 2 and tally[0][0] >= 1.5 * tally[1][0]:
            return tally[0][1]
        if len(words) >= MIN_WORDS_FOR_MODEL:  # too close to call: the model, if it names one of them
            guess = _langid(sample)
            if guess in rivals:
                return guess
    return defaults[0]


def _words(sample: str) -> list[str]:
    """The sample's words, folded as the stop words are (letter variants as one; an Indic
    vowel sign part of its word, not a break in it)."""
    return [w.casefold() for w in _WORD.findall(fold(sample))]


def detect_language(text: str) -> tuple[str | None, str]:
    """(ISO 639-1 code or None, how it was decided) for an article's text."""
    sample = text[:SAMPLE_CHARS]
    by_script = script_language(sample)
    if by_script:
        return by_script, "writing system"
    words = _words(sample)
    if words:
        scores = {code: sum(1 for w in words if w in stop) for code, stop in stopword_table().items()}
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked:
            best, best_n = ranked[0]
            second_n = ranked[1][1] if len(ranked) > 1 else 0
            # A language we know well wins when its stop words clearly dominate; otherwise the
            # text may be one we hold no data for (Italian, Turkish...), so ask the model.
            if best_n >= 0.12 * len(words) and best_n >= 1.5 * max(second_n, 1):
                return best, "stop words"
    not_prose = _not_prose(words, sample)
    if not_prose:
        return None, not_prose
    if len(words) < MIN_WORDS_FOR_MODEL:
        return None, f"too little text to tell: {len(words)} word{'' if len(words) == 1 else 's'}"
    guess = _langid(sample)
    if guess:
        return guess, "py3langid"
    return None, "undetermined"


def _not_prose(words: list[str], sample: str) -> str | None:
    """Why a text is no language at all (a file of one letter, only digits), or None.

    "Too little text" would be wrong for a 5 MB file: say what the text looks like instead.
    """
    if not words:
        return "the text holds no words, only digits, symbols or spaces: is it a news article?"
    distinct = set(words)
    long_text = len(sample) >= SAMPLE_CHARS // 2
    if long_text and len(distinct) <= 2:
        longest = max(distinct, key=len)
        shown = longest if len(longest) <= 12 else longest[:10] + "…"
        what = (
            f"one {len(longest):,}-letter word ({shown!r})"
            if len(words) == 1
            else f"{len(words):,} words but only {len(distinct)} different ({', '.join(sorted(distinct)[:2])[:30]})"
        )
        return f"its first {len(sample):,} characters are {what}, not prose: is it a news article?"
    return None


def _langid(sample: str) -> str | None:
    try:
        import py3langid  # noqa: PLC0415 - heavy model, only for the hard cases
    except ImportError:
        return None
    code, _score = py3langid.classify(sample)
    return str(code) if re.fullmatch(r"[a-z]{2,3}", str(code)) else None
