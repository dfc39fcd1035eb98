"""Cue regexes, compiled and sped up: a cue set scans a document once, whatever its size.

Why a module of its own: how a cue list is joined into one prefix-factored regex
(`wordtrie.items_pattern`), compiled lazily (`LazyPattern`) and run only where one of its
openings stands (`prefixes`) is one job, apart from where the cues come from (`cuedata`)
and what the extractors do with the hits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from ..text import fold
from . import prefixes, regexcache
from .wordtrie import items_pattern


@dataclass(frozen=True)
class Cue:
    value: str
    pattern: re.Pattern[str]
    weight: float
    source: str = ""
    case: bool = False


class Hit(NamedTuple):
    """One cue match: offsets index both the folded and the original text. A named tuple,
    not a frozen dataclass: a document yields hundreds, and a tuple is built several times faster."""

    value: str
    start: int
    end: int
    weight: float
    match: re.Match[str]


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")  # group names may repeat across cues: unnamed when joined
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # \1, (?P=name), (?(1)...): groups are needed


def _uncaptured(regex: str) -> str:
    """`regex` with every group non-capturing (`(a)` -> `(?:a)`, `(?P<x>a)` -> `(?:a)`): it
    matches the same text at the same places, but `re` saves and restores every group's
    position at each point it may backtrack to, so a set's joined regex with a hundred
    groups ran about half as fast. The set only asks where its regex matches (`_hits`
    re-matches the cue itself for its groups). Kept as it is when it refers to a group."""
    regex = _NAMED_GROUP.sub("(?:", regex)
    if _BACKREFERENCE.search(regex):
        return regex
    # An escape or a whole character class is kept as it is ("[]a]" and "[^]a]": a "]" right
    # after the opening is a member); any other "(" not followed by "?" opens a group.
    return _GROUP_OPENING.sub(_uncapture, regex)


_GROUP_OPENING = re.compile(r"(\\[\s\S]?|\[\^?\]?(?:\\[\s\S]?|[^\]\\])*(?:\]|\Z))|\((?!\?)")


def _uncapture(m: re.Match[str]) -> str:
    return m.group(1) or "(?:"


def _hit_order(hit: Hit) -> tuple[int, int]:
    return (hit.start, -hit.end)


class CueSet:
    """Compiled cues for one field (or one gate) in one language.

    All cues are joined into one regex per case mode, factored by their literal prefixes
    (`wordtrie.items_pattern`), so a document is scanned once per set and most positions are rejected
    after a character; the cue behind a match is then found by re-matching that span only.
    """

    def __init__(self, cues: Iterable[Cue]):
        # Stronger and longer cues first: they name the hit when several fit the same span.
        self.cues = tuple(sorted(cues, key=lambda c: (-c.weight, -len(c.source))))
        passes: list[tuple[re.Pattern[str], tuple[tuple[Cue, tuple[str, ...]], ...]]] = []
        self._items: list[list[tuple[str, str]]] = []  # per pass: the (literal, regex) trie items
        for case in (False, True):
            members = tuple(c for c in self.cues if c.case == case and c.source)
            if members:
                items = [item for c in members for item in _trie_items(c.source)]
                body = _uncaptured(items_pattern(items, lower=not case))
                flags = 0 if case else re.IGNORECASE
                heads = tuple((c, _heads(c.source)) for c in members)
                passes.append((regexcache.compile(rf"(?<!\w)(?:{body})(?!\w)", flags), heads))
                self._items.append(items)
        self._passes = tuple(passes)
        self._openings: list[frozenset[str] | None] | None = None  # per pass, see _matches
        self._members: list[prefixes.MemberIndex] | None = None  # per pass, see _hits
        self._last: tuple[str, list[int], list[Hit]] | None = None  # see search()

    def __bool__(self) -> bool:
        return bool(self.cues)

    def _matches(self, i: int, text: str) -> Iterable[re.Match[str]]:
        """What pass `i`'s `finditer(text)` yields, its regex tried only where one of its
        openings stands (`prefixes`) when those are known."""
        if self._openings is None:
            self._openings = [
                prefixes.trie_openings(items, p.flags, p.pattern)
                for items, (p, _) in zip(self._items, self._passes, strict=False)
            ]
        pattern = self._passes[i][0]
        opening_set = self._openings[i]
        if opening_set is not None:
            index = _doc_index(text)
            if index is not None:
                found = prefixes.matches(pattern, text, index.candidates(opening_set))
                if found is not None:
                    return found
        return pattern.finditer(text)

    def _hits(self, text: str) -> Iterator[Hit]:
        """Each place the joined regex matches, named by the strongest (then longest) cue
        matching there: the joined regex found the place, but its alternation may have stopped
        at a weaker cue sharing a prefix. A cue whose every literal head (`_heads`) differs
        from the text there cannot match, so it is skipped without running (or compiling) its
        regex; the `MemberIndex` narrows the cues to those whose heads open like the text."""
        index = _doc_index(text)
        if index is not None and self._members is None:
            self._members = [
                prefixes.MemberIndex([h for _, h in m], [(c.pattern.pattern, c.pattern.flags) for c, _ in m])
                for _, m in self._passes
            ]
        for i in range(len(self._passes)):
            members = self._passes[i][1]
            order_of = self._members[i].order if index is not None else None  # type: ignore[index]
            folded = index.folded if index is not None else ""
            everyone = range(len(members))
            for m in self._matches(i, text):
                start = m.start()
                if m.end() <= start:
                    continue
                for j in everyone if order_of is None else order_of(folded[start : start + prefixes.DEPTH]):
                    cue, heads = members[j]
                    if heads and not _may_start(text, start, heads, cue.case):
                        continue
                    m2 = cue.pattern.match(text, start)
                    if m2:
                        break
                else:
                    continue
                if m2.end() <= m2.start():  # its own match at that place (the whole text is scanned)
                    continue
                yield Hit(cue.value, m2.start(), m2.end(), cue.weight, m2)

    def _scan(self, text: str) -> tuple[str, list[int], list[Hit]]:
        """Every hit in the whole text, sorted, kept for the last text asked about.

        Extractors ask the same cue set about many sentences of one document, so the text
        is scanned once and later questions are answered from this list (by bisection).
        """
        cached = self._last
        if cached is None or cached[0] is not text:
            found = list(self._hits(text))
            if len(self._passes) > 1:
                # One pass yields its hits in text order already (leftmost, each after
                # the last one's end, as `finditer`); two passes are merged by the sort.
                found.sort(key=_hit_order)
            cached = (text, [h.start for h in found], found)
            self._last = cached
        return cached

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[Hit]:
        """Hits lying inside text[lo:hi], in text order."""
        hi = len(text) if hi is None else hi
        _, starts, found = self._scan(text)
        for i in range(bisect_left(starts, lo), len(found)):
            hit = found[i]
            if hit.start >= hi:
                break
            if hit.end <= hi:
                yield hit

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> Hit | None:
        """The earliest hit lying inside text[lo:hi], or None (the first of `finditer`,
        without building a generator: gates ask this hundreds of times per document)."""
        hi = len(text) if hi is None else hi
        _, starts, found = self._scan(text)
        for i in range(bisect_left(starts, lo), len(found)):
            hit = found[i]
            if hit.start >= hi:
                return None
            if hit.end <= hi:
                return hit
        return None


class LazyPattern:
    """A regex compiled on first use, with the `re.Pattern` methods the extractors call.

    A language has a thousand-odd cues, and compiling them all is most of the start-up
    time; a document only ever re-matches the few cues its scans hit (`CueSet._hits`), so
    most are never compiled. `pattern` and `flags` are known without compiling. After the
    first use the compiled methods are bound on the instance, so later calls cost nothing extra.
    """

    _METHODS = ("match", "search", "finditer", "fullmatch", "findall", "sub", "subn", "split", "groupindex", "groups")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags | re.UNICODE

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = regexcache.compile(self.pattern, self.flags)
        for attr in self._METHODS:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"


@cache
def _top_level_alternation(source: str) -> bool:
    """Whether a regex has a `|` outside any group (then its literal head is not a prefix of
    every match)."""
    if "|" not in source:
        return False
    for group in _NAME_GROUPS:  # hundreds of names, all inside their group: skip them
        if group in source:
            source = source.replace(group, "()")
    return prefixes.top_level_bar(source)


def _heads(source: str) -> tuple[str, ...]:
    """Literal texts one of which every match of the cue starts with; () when unknown."""
    if _top_level_alternation(source):
        return ()
    heads = {head for head, _ in _trie_items(source)}
    return () if "" in heads else tuple(sorted(heads))


def _may_start(text: str, start: int, heads: tuple[str, ...], case: bool) -> bool:
    """False only when the text at `start` begins with none of `heads`. Ignoring case, only
    two ASCII characters are told apart (there `str.lower` agrees with the regex engine's
    case folding: 'ı' or the Kelvin sign may still match 'i' or 'k'); the rest is left to the regex."""
    for head in heads:
        seg = text[start : start + len(head)]
        if seg == head:
            return True
        if case or len(seg) < len(head):
            continue
        if seg.isascii() and head.isascii():
            if seg.lower() == head.lower():
                return True
            continue
        for a, b in zip(seg, head, strict=False):
            if a != b and a.isascii() and b.isascii() and a.lower() != b.lower():
                break  # two ASCII characters that differ even ignoring case
        else:
            return True
    return False


@cache
def _pattern_openings(source: str, flags: int) -> frozenset[str] | None:
    return prefixes.openings(source, flags)


def scan(pattern: re.Pattern[str], text: str, lo: int = 0, hi: int | None = None) -> Iterable[re.Match[str]]:
    """What `pattern.finditer(text, lo, hi)` yields, the regex tried only where one of its
    openings stands (`prefixes`); for one-off cue patterns such as legal_basis's."""
    hi = len(text) if hi is None else hi
    opening_set = _pattern_openings(pattern.pattern, pattern.flags)
    if opening_set is not None:
        index = _doc_index(text)
        if index is not None:
            positions = index.candidates(opening_set)
            found = prefixes.matches(
                pattern, text, positions[bisect_left(positions, lo) : bisect_left(positions, hi)], hi
            )
            if found is not None:
                return found
    return pattern.finditer(text, lo, hi)


def opening_positions(pattern: re.Pattern[str], text: str) -> list[int] | None:
    """Sorted positions of `text` where `pattern` may match, for a pattern that cannot match
    right after a word character (it starts with `(?<!\\w)` or stricter); None when unknown
    (then scan the usual way). With `prefixes.matches` over a slice of them, an extractor
    runs its regex in many small windows without trying every position of each."""
    opening_set = _pattern_openings(pattern.pattern, pattern.flags)
    if opening_set is None:
        return None
    index = _doc_index(text)
    return None if index is None else index.candidates(opening_set)


_INDEX: list[tuple[str, prefixes.DocIndex | None]] = []


def _doc_index(text: str) -> prefixes.DocIndex | None:
    """The opening index of the text the cue sets are scanning now (one document at a time)."""
    if _INDEX and _INDEX[0][0] is text:
        return _INDEX[0][1]
    index = prefixes.DocIndex.of(text)
    _INDEX[:] = [(text, index)]
    return index


def compile_pattern(source: str, case: bool = False) -> re.Pattern[str]:
    """A cue as a regex anchored at word boundaries (\\w is Unicode-aware, so any script works),
    compiled when first used (`LazyPattern`)."""
    flags = 0 if case else re.IGNORECASE
    return LazyPattern(rf"(?<!\w)(?:{fold(source)})(?!\w)", flags)  # type: ignore[return-value]


_NAME_GROUPS: set[str] = set()  # the {country}/{demonym} groups as they stand in (folded) cues


_PLAIN = re.compile(r"[^\\.^$*+?{}\[\]|()]*")


_OPTIONAL_LITERAL = re.compile(r"\(([^\\.^$*+?{}\[\]|()]*)\)\?")


def _trie_items(source: str, depth: int = 3) -> list[tuple[str, str]]:
    """(literal head, regex tail) pairs for a cue; a leading optional literal such as
    "(the )?" is spelled out both ways so the head can still be factored. A cue with a `|`
    outside any group ("defy\\w*|defied") is kept whole: its head is no prefix of all it matches."""
    if _top_level_alternation(source):
        return [("", f"(?:{source})")]
    head, tail = _literal_prefix(source)
    m = _OPTIONAL_LITERAL.match(tail) if depth else None
    if not m or any(group in tail for group in _NAME_GROUPS):
        # Spelling "(the )?{demonym} authorities" both ways would put the hundreds of names
        # in the set's regex twice; compiling that was a tenth of a build's start-up.
        return [(head, tail)]
    rest = tail[m.end() :]
    return [(head + h, t) for h, t in _trie_items(m.group(1) + rest, depth - 1) + _trie_items(rest, depth - 1)]


def _literal_prefix(pattern: str) -> tuple[str, str]:
    """Split a regex into its leading literal text and the rest ("algérien\\w*" -> "algérien", "\\w*")."""
    head = _PLAIN.match(pattern).group(0)  # type: ignore[union-attr]
    tail = pattern[len(head) :]
    if tail[:1] in ("?", "*", "{") and head:  # a quantifier binds the last literal character
        head, tail = head[:-1], head[-1] + tail
    return head, tail
