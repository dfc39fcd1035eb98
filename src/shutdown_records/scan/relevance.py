"""Is an article a report of a government-ordered shutdown, block or throttling? A cheap filter.

It runs on every article of a stream, so it is one regular-expression pass over the case-folded
text (all languages' cues in one pattern, data/scan/relevance.yaml), then a little arithmetic
per sentence. The full builder runs only on the few articles that pass. The verdict carries
the cue that decided it, so a reader of articles.jsonl can see why.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..dataschema import read_yaml
from ..text import fold

# One character class (scanned fast); a full stop counts only before white space.
_SENTENCE_MARK = r".!?\u3002\u061f\u06d4\u0964\n"


@cache
def _sentence_mark() -> re.Pattern[str]:
    """The marks above plus those a language's meta.yaml `sentence_marks` adds (Amharic "።"):
    the builder's set (extraction/types.py)."""
    from ..extraction.types import sentence_marks  # noqa: PLC0415 - language data, read once

    return re.compile("[" + _SENTENCE_MARK + re.escape(sentence_marks()) + "]")


@cache
def _abbreviations() -> tuple[str, ...]:
    """Folded abbreviations (meta.yaml `abbreviations`, Amharic "ዓ.ም") whose stop ends no sentence."""
    from ..extraction.types import _meta_words  # noqa: PLC0415 - language data, read once

    return tuple(fold(a).casefold() + "." for a in _meta_words("abbreviations"))


@cache
def _dotted_day() -> re.Pattern[str] | None:
    """A day written with a full stop before a month name ("am 2. Juni"): the builder's rule
    (extraction/types.py), so scan and build cut the same sentences."""
    from ..extraction.types import _dotted_day_months  # noqa: PLC0415 - CLDR names, read once

    months = _dotted_day_months()
    if not months:
        return None
    return re.compile(r"(?<!\d)\d{1,2}\.\s+(?:" + "|".join(re.escape(m) for m in months) + r")(?!\w)")


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end: a line break, or . ! ? (and their CJK, Arabic,
    Urdu and Devanagari forms) followed by white space; not the full stop of a dotted day."""
    size = len(text)
    ends = []
    dotted = _dotted_day()
    abbreviations = _abbreviations()
    for m in _sentence_mark().finditer(text):
        end = m.end()
        if text[m.start()] == "\n" or end >= size or text[end].isspace():
            if abbreviations and text.endswith(abbreviations, max(0, end - 8), end):
                continue
            if dotted is not None and m.start() and text[m.start() - 1].isdigit():
                digits = 2 if m.start() > 1 and text[m.start() - 2].isdigit() else 1
                if dotted.match(text, m.start() - digits):
                    continue
            ends.append(end)
    return ends


MIN_PLATFORM_ALIAS = 4  # shorter aliases ("X") are ordinary words once case-folded
AMBIGUOUS_ALIASES = frozenset({"signal", "line", "threads", "messenger"})
MAX_CHARS = 20_000  # a restriction is reported near the top; long pages are cut here


@dataclass(frozen=True)
class Verdict:
    """The decision and a short reason naming the cues that made it."""

    relevant: bool
    why: str


@cache
def relevance_data() -> dict[str, Any]:
    path = resources.files("shutdown_records").joinpath("data", "scan", "relevance.yaml")
    return read_yaml(path)[0] or {}


def _platform_aliases() -> list[str]:
    from ..datafiles import shared  # noqa: PLC0415 - the platform vocabulary

    out: list[str] = []
    for entry in (shared("vocab/platforms").get("platforms") or {}).values():
        for alias in entry.get("aliases") or []:
            folded = fold(str(alias)).casefold()
            if len(folded) >= MIN_PLATFORM_ALIAS and folded not in AMBIGUOUS_ALIASES:
                out.append(folded)
    return out


def _by_language(section: Any) -> list[str]:
    if isinstance(section, dict):
        return [str(p) for patterns in section.values() for p in patterns or []]
    return [str(p) for p in section or []]


class RelevanceFilter:
    """Built once per process; `judge` is pure, so any engine gives the same verdicts.

    Categories: N network, S strong restriction, W weak restriction, T state actor or
    context, and one per hard-negative family.
    """

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        import ahocorasick_rs  # noqa: PLC0415 - the `scan` extra

        data = data if data is not None else relevance_data()
        restriction = data.get("restriction") or {}
        groups: list[tuple[str, list[str]]] = [
            ("N", _by_language(data.get("network")) + _platform_aliases()),
            ("S", _by_language(restriction.get("strong"))),
            ("W", _by_language(restriction.get("weak"))),
            ("T", _by_language(data.get("state"))),
        ]
        groups += [(f"-{name}", _by_language(p)) for name, p in sorted((data.get("negative") or {}).items())]
        entries: dict[str, list[tuple[str, bool]]] = {}
        for category, phrases in groups:
            for phrase in phrases:
                stem = phrase.endswith("*")
                key = fold(phrase.rstrip("*")).casefold().strip()
                if key and (category, stem) not in entries.setdefault(key, []):
                    entries[key].append((category, stem))
        self._keys = list(entries)
        self._kinds = [tuple(entries[k]) for k in self._keys]
        self._automaton = ahocorasick_rs.AhoCorasick(self._keys)

    def judge(self, text: str, title: str | None = None) -> Verdict:
        """The verdict for one article (title, if separate, counts as its first sentence)."""
        if title and title not in text[:400]:
            text = f"{title}\n{text}"
        folded = fold(text[:MAX_CHARS]).casefold()
        size = len(folded)
        hits: list[tuple[int, int, str]] = []  # (start, end, category)
        seen: set[str] = set()
        kinds_of = self._kinds
        for index, start, end in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            if start and folded[start - 1].isalnum():
                continue
            whole = end >= size or not folded[end].isalnum()
            for category, stem in kinds_of[index]:
                if stem or whole:
                    hits.append((start, end, category))
                    seen.add(category)
        if "N" not in seen:
            return Verdict(False, "no internet or platform word")
        negatives: dict[str, list[str]] = {}
        for start, end, category in hits:
            if category[0] == "-":
                negatives.setdefault(category[1:], []).append(folded[start:end])
        if "S" not in seen and "W" not in seen:
            return self._decide({}, negatives)  # no restriction word at all: no sentence work
        ends = sentence_ends(folded)
        sentences: dict[int, dict[str, str]] = {}
        for start, end, category in hits:
            if category[0] != "-":
                cues = sentences.setdefault(bisect_right(ends, start), {})
                if category not in cues:
                    cues[category] = folded[start:end]
        return self._decide(sentences, negatives)

    def _decide(self, sentences: dict[int, dict[str, str]], negatives: dict[str, list[str]]) -> Verdict:
        positive: list[tuple[int, str]] = []  # (sentence, reason)
        paired_without_state: tuple[int, str] | None = None
        for index in sorted(sentences):
            seen = sentences[index]
            if "N" not in seen or not ("S" in seen or "W" in seen):
                continue
            state = seen.get("T")
            if "S" in seen:
                near = state or sentences.get(index - 1, {}).get("T") or sentences.get(index + 1, {}).get("T")
                if near:
                    positive.append((index, f'"{seen["S"]}" + "{seen["N"]}" + "{near}"'))
                    continue
            elif state:
                positive.append((index, f'"{seen["W"]}" + "{seen["N"]}" + "{state}"'))
                continue
            if paired_without_state is None:
                paired_without_state = (index, f'"{seen.get("S") or seen.get("W")}" + "{seen["N"]}"')
        if (
            not positive
            and paired_without_state is not None
            and not negatives
            and any("S" in seen and "N" in seen for seen in sentences.values())
        ):
            # A strong restriction of the internet and no hard negative anywhere: the state
            # actor is implied ("internet was cut in the region").
            index = min(i for i, seen in sentences.items() if "S" in seen and "N" in seen)
            seen = sentences[index]
            positive.append((index, f'"{seen["S"]}" + "{seen["N"]}" (no hard negative)'))
        negative_total = sum(len(v) for v in negatives.values())
        worst = max(sorted(negatives), key=lambda k: len(negatives[k])) if negatives else None
        if not positive:
            if paired_without_state is not None:
                also = f'; {worst.replace("_", " ")}: "{negatives[worst][0]}"' if worst else ""
                return Verdict(
                    False,
                    f"restriction without a state actor: {paired_without_state[1]} "
                    f"(sentence {paired_without_state[0] + 1}){also}",
                )
            if worst:
                return Verdict(
                    False, f'no restriction of the internet; {worst.replace("_", " ")}: "{negatives[worst][0]}"'
                )
            return Verdict(False, "no sentence pairs a restriction with the internet or a platform")
        if worst and negative_total >= max(2, 2 * len(positive)):
            return Verdict(
                False,
                f"hard negative, {worst.replace('_', ' ')}: "
                f'"{negatives[worst][0]}" x{len(negatives[worst])} outweighs {positive[0][1]}',
            )
        index, reason = positive[0]
        more = f" (+{len(positive) - 1} more)" if len(positive) > 1 else ""
        return Verdict(True, f"{reason} in sentence {index + 1}{more}")


@cache
def default_filter() -> RelevanceFilter:
    return RelevanceFilter()


def judge(text: str, title: str | None = None) -> Verdict:
    """The verdict with the packaged cues (compiled once per process)."""
    return default_filter().judge(text, title)
