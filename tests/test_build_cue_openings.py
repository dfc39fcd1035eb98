"""The opening index (extraction/prefixes.py) must never change what a cue regex finds.

Each cue set tries its joined regex only where one of its openings stands; these tests run
every cue set of every language over texts full of its own cue words (in odd cases and after
odd separators) and check the matches are exactly those of a plain `finditer`.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from shutdown_records.extraction import cues as C
from shutdown_records.extraction import langdata, prefixes
from shutdown_records.extraction.cueset import _NAMED_GROUP, _trie_items, _uncaptured
from shutdown_records.extraction.extractors import authorities as A
from shutdown_records.extraction.extractors import legal as L
from shutdown_records.extraction.wordtrie import items_pattern

ROOT = Path(__file__).resolve().parent.parent
LANG_DIR = ROOT / "src" / "shutdown_records" / "data" / "lang"
LANGUAGES = sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))
FIELD_SETS = (
    "kind",
    "scope",
    "scope_country",
    "networks",
    "status",
    "acknowledged",
    "justification",
    "justification_none",
    "context",
    "workarounds",
    "court_outcome",
    "court_status",
)
SEPARATORS = [" ", "\n", "\n\n", " (", " «", " '", "-", ", ", ". ", "\u00a0", ' "', "/"]
CASES = [
    str,
    str.upper,
    str.title,
    str.lower,
    lambda s: s.replace("i", "\u0130").replace("I", "\u0130"),
    lambda s: s.replace("s", "\u017f").replace("k", "\u212a"),
]


def _cue_sets(language: str) -> list[C.CueSet]:
    gates = langdata.topic(language, C.CUES_TOPIC).get("gates") or {}
    sets = [C.cue_set(language, "gates", g) for g in gates]
    sets += [C.cue_set(language, f) for f in FIELD_SETS]
    return sets + [A._generic_set(language), A._named_set()]


def _texts(words: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out = [C.fold(t) for t in seeds]
    for _ in range(3):
        parts = []
        for word in rng.sample(words, min(len(words), 120)):
            parts.append(rng.choice(SEPARATORS) + rng.choice(CASES)(word) + rng.choice(["", "s", "ed", " x", "."]))
        out.append(C.fold("".join(parts)))
    return out


def _words(cue_set: C.CueSet) -> list[str]:
    """Texts that open like the set's cues: their literal heads, whole and cut short."""
    words = []
    for cue in cue_set.cues:
        for head, _ in _trie_items(cue.source):
            if head:
                words += [head, head[: max(1, len(head) - 2)]]
    return words or ["internet"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_cue_sets_find_exactly_what_finditer_finds(language: str) -> None:
    checked = 0
    for cue_set in _cue_sets(language):
        for text in _texts(_words(cue_set), seed=len(cue_set.cues)):
            for i, (pattern, _) in enumerate(cue_set._passes):
                want = [m.span() for m in pattern.finditer(text)]
                got = [m.span() for m in cue_set._matches(i, text)]
                assert got == want, (language, pattern.pattern[:80])
                checked += len(want)
    assert checked > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_joined_regex_without_groups_matches_the_same_spans(language: str) -> None:
    # A set's joined regex loses its groups (backtracking is faster without them); it must
    # match the same spans as with them, on texts full of the set's own cue words.
    checked = 0
    for cue_set in _cue_sets(language):
        for (pattern, _), items in zip(cue_set._passes, cue_set._items, strict=True):
            assert pattern.groups == 0, (language, pattern.pattern[:80])
            ignore_case = bool(pattern.flags & re.IGNORECASE)
            body = _NAMED_GROUP.sub("(?:", items_pattern(items, lower=ignore_case))
            grouped = re.compile(rf"(?<!\w)(?:{body})(?!\w)", pattern.flags)
            for text in _texts(_words(cue_set), seed=len(cue_set.cues)):
                want = [m.span() for m in grouped.finditer(text)]
                assert [m.span() for m in pattern.finditer(text)] == want, (language, pattern.pattern[:80])
                checked += len(want)
    assert checked > 0


def test_uncaptured_keeps_classes_escapes_and_backreferences() -> None:
    assert _uncaptured(r"(a)(?P<x>b)[(]\(c\)(?:d)[]()](?=(e))") == r"(?:a)(?:b)[(]\(c\)(?:d)[]()](?=(?:e))"
    assert _uncaptured(r"[^](](f)|\\(g)") == r"[^](](?:f)|\\(?:g)"
    assert _uncaptured(r"(a)\1") == r"(a)\1"  # a backreference needs its group
    for source, text in ((r"(the )?(federal )?government", "the federal government"), (r"(x|y)+z", "xyxz")):
        plain, joined = re.compile(source, re.I), re.compile(_uncaptured(source), re.I)
        assert joined.groups == 0
        assert [m.span() for m in joined.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_scan_with_bounds_finds_what_finditer_finds(language: str) -> None:
    patterns = [cue.pattern for cue in L._legal_cues(language)]
    matcher = C.countries(language)
    if matcher.pattern is not None:
        patterns.append(matcher.pattern)
    words = [m for m in matcher.by_text][:200] + ["Law No. 5651", "article 12 de la loi", "Section 144"]
    for text in _texts(words, seed=3):
        for lo, hi in ((0, len(text)), (len(text) // 5, len(text) // 2), (7, len(text) - 3)):
            for pattern in patterns:
                want = [(m.span(), m.groupdict()) for m in pattern.finditer(text, lo, hi)]
                got = [(m.span(), m.groupdict()) for m in C.scan(pattern, text, lo, hi)]
                assert got == want, (language, pattern.pattern[:80])


def test_openings_fold_case_as_the_regex_engine_does() -> None:
    # 'İ' lower-cases to two characters, the Kelvin sign to 'k', 'ſ' is an 's' when ignoring case.
    for word, text in (("istanbul", "\u0130STANBUL"), ("kapat", "\u212aAPAT"), ("sosyal", "\u017fOSYAL")):
        pattern = re.compile(rf"(?<!\w)(?:{word})(?!\w)", re.IGNORECASE)
        assert pattern.match(text)
        index = prefixes.DocIndex.of(text)
        assert index is not None
        assert index.candidates(prefixes.openings(pattern.pattern, pattern.flags)) == [0]


def test_openings_unknown_when_a_cue_may_start_anywhere() -> None:
    assert prefixes.openings(r"(?<!\w)(?:\w+ blocked)(?!\w)", re.IGNORECASE) is None
    assert prefixes.openings(r"(?<!\w)(?:x?)(?!\w)", re.IGNORECASE) is None
    assert prefixes.openings(r"(?<!\w)(?:(?-i:[A-Z])\w+ Court)(?!\w)", re.IGNORECASE) == frozenset(
        prefixes.RAW + chr(c) for c in range(ord("A"), ord("Z") + 1)
    )


def test_a_cue_with_a_top_level_alternative_finds_both_spellings() -> None:
    # "defy\w*|defied": joined into the set's prefix tree, "defied" used to need a "def" before it.
    cues = [C.Cue("non_compliance", C.compile_pattern(src), 1.0, src) for src in (r"defy\w*|defied", "disobey")]
    text = "The firm defied the order; others defy it or disobey."
    assert [text[h.start : h.end] for h in C.CueSet(cues).finditer(text)] == ["defied", "defy", "disobey"]
