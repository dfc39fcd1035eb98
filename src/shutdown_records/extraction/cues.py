"""Cue-phrase matching shared by the field extractors.

Every language-specific word lives in `data/lang/<code>/cues.yaml` (plus language-neutral
cues in `data/lang/_common/cues.yaml`, merged into every language). A cue entry is a
regular expression (Python `re`, case-insensitive unless `case: true`) matched on the
`fold()`ed text at word boundaries, either as a plain string (weight 1.0) or as a mapping
`{re: ..., weight: 0.5, case: true}`. Each list is compiled once per language and cached,
so an extractor call only runs precompiled patterns over the document's body.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, NamedTuple

from ..text import fold, quoted_words
from . import langdata, prefixes, regexcache, spans, wordtrie
from .types import Doc, Mention, sentence_span, separators

COMMON = "_common"  # folder of cues that hold in every language (VPN, Starlink, 4G...)
CUES_TOPIC = "cues"
LEAD_CHARS = 600  # the headline and first paragraph: what the story is mainly about
LATE_FACTOR = 0.6  # weight factor for a cue past the lead


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


class CueSet:
    """Compiled cues for one field (or one gate) in one language.

    All cues are joined into one regex per case mode, factored by their literal prefixes
    (`trie_pattern`), so a document is scanned once per set and most positions are rejected
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
                body = _NAMED_GROUP.sub("(?:", trie_pattern(items, ignore_case=not case))
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
            self._members = [prefixes.MemberIndex([h for _, h in m]) for _, m in self._passes]
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
            found = sorted(self._hits(text), key=lambda h: (h.start, -h.end))
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


def _entries(raw: Any) -> list[tuple[str, float, bool, bool]]:
    """(regex, weight, case-sensitive, stem) for each cue of an entry list."""
    if raw is None:
        return []
    if isinstance(raw, (str, dict)):
        raw = [raw]
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append((item, 1.0, False, False))
        elif isinstance(item, dict) and "re" in item:
            out.append(
                (
                    str(item["re"]),
                    float(item.get("weight", 1.0)),
                    bool(item.get("case", False)),
                    bool(item.get("stem", False)),
                )
            )
    return out


@cache
def _inflection(language: str) -> tuple[str, str]:
    """(regex for the endings any cue may take, regex after a `stem: true` cue) from the
    language's meta.yaml `inflection:`; empty strings when it has none."""
    data = langdata.topic(language, "meta").get("inflection") or {}
    endings = sorted({fold(str(e)) for e in data.get("endings") or [] if e})
    ending = f"(?:{wordtrie.trie_pattern(endings)})?" if endings else ""
    return ending, fold(str(data.get("stem") or ""))


def inflect(language: str, source: str, stem: bool = False) -> str:
    """A (folded, expanded) cue with what the language lets it carry after it: a stem's
    continuation (`inflection.stem`, for a cue marked `stem: true`), then one of the
    endings any cue may take (`inflection.endings`: Hindi "अफवाह" also matches "अफवाहों").
    Appended, not wrapped, so the cue's literal head still opens the set's trie."""
    ending, stem_re = _inflection(language)
    suffix = (stem_re if stem else "") + ending
    if not suffix:
        return source
    return f"(?:{source}){suffix}" if _top_level_alternation(source) else source + suffix


def _lookup(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def raw(language: str, *path: str) -> list[Any]:
    """The raw entries at `path` for a language followed by the common ones."""
    out: list[Any] = []
    for lang in (language, COMMON):
        node = _lookup(langdata.topic(lang, CUES_TOPIC), path)
        if node is None:
            continue
        out.extend(node if isinstance(node, list) else [node])
    return out


@cache
def cue_set(language: str, *path: str) -> CueSet:
    """Cues at `path` in cues.yaml: a mapping value -> entries, or a plain list (value = last key)."""
    cues: list[Cue] = []
    for lang in (language, COMMON):
        node = _lookup(langdata.topic(lang, CUES_TOPIC), path)
        if isinstance(node, dict) and "re" not in node:
            groups: Any = node.items()
        else:
            groups = [(path[-1], node)]
        for value, entries in groups:
            for pattern, weight, case, stem in _entries(entries):
                source = inflect(language, fold(expand(language, pattern)), stem)
                cues.append(Cue(str(value), compile_pattern(source, case), weight, source, case))
    return CueSet(cues)


def has_cues(language: str) -> bool:
    return bool(langdata.topic(language, CUES_TOPIC))


# ---------------------------------------------------------------- documents


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


def hits(doc: Doc, *path: str) -> Iterator[Hit]:
    """All hits of the cues at `path` inside the document body."""
    lo, hi = doc.body
    yield from cue_set(doc.language, *path).finditer(folded(doc), lo, hi)


class MentionSink:
    """Collects Mentions, one per (field, value, quote) with the highest weight, in text order."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._best: dict[tuple[str, str, int, int], Mention] = {}

    def add(
        self,
        field: str,
        value: Any,
        span: tuple[int, int],
        weight: float,
        note: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        start, end = span
        if end <= start:
            return
        key = (field, repr(value), start, end)
        weight = round(max(0.05, min(1.0, weight)), 2)
        old = self._best.get(key)
        if old is None or weight > old.weight:
            self._best[key] = Mention(field, value, self.doc.id, start, end, weight, note, dict(extra or {}))

    def mentions(self) -> list[Mention]:
        return sorted(self._best.values(), key=lambda m: (m.start, m.field, repr(m.value)))


def cue_note(hit: Hit, doc: Doc) -> str:
    return f"cue: {quoted_words(doc.text[hit.start : hit.end])}"


# ---------------------------------------------------------------- countries


def strip_accents(text: str) -> str:
    """`text` folded and without combining accents ("éducation" = "Education"). Folding
    first keeps Indic vowel signs and viramas: they are letters of their words, not accents."""
    return "".join(c for c in unicodedata.normalize("NFD", fold(text)) if not unicodedata.combining(c))


@dataclass(frozen=True)
class CountryMatcher:
    """Country names (CLDR, via babel) and demonyms (cues.yaml `demonyms`) for one language."""

    pattern: re.Pattern[str] | None
    by_text: dict[str, str]  # folded lower-case name -> ISO code
    demonym_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    _known: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    inflected: bool = False  # names take case endings ("Turcja" -> "Turcji"): stems match

    def code(self, text: str) -> str | None:
        """The ISO code a matched name or adjective stands for, remembered per text: an
        adjective is otherwise tried against every demonym pattern each time it is met."""
        if text in self._known:
            return self._known[text]
        found = self._known[text] = self._code(text)
        return found

    def _code(self, text: str) -> str | None:
        key = fold(text).lower()
        if key in self.by_text:
            return self.by_text[key]
        folded_text = fold(text)  # the patterns are folded (letter variants as one)
        for code, pat in self.demonym_patterns:
            if pat.fullmatch(folded_text):
                return code
        if self.inflected:  # the longest name whose stem the word starts with
            stems = [(n, c) for n, c in self.by_text.items() if _inflects(n) and key.startswith(n[:-1])]
            if stems:
                return max(stems, key=lambda nc: len(nc[0]))[1]
        return None


def _inflects(name: str) -> bool:
    """Whether a country name is matched by its stem in an inflected language (as the
    country extractor does): "Россия" -> "Росси" + an ending, "Turcja" -> "Turcj" + "i"."""
    return len(name) >= 5 and name[-1].isalpha()


def _name_items(names: dict[str, str], inflected: bool) -> list[tuple[str, str]]:
    """Country names as (literal, regex tail) items of a prefix tree."""
    if not inflected:
        return [(n, "") for n in names]
    return [(n[:-1], r"\w{0,4}") if _inflects(n) else (n, "") for n in names]


def _territory_names(language: str) -> dict[str, str]:
    """CLDR's territory names in `language` as folded lower-case name -> code, kept between
    runs (`regexcache`): loading babel's locale data is slow."""
    import babel

    names = regexcache.remembered(
        f"territories-babel{babel.__version__}", language, 0, lambda: _read_territory_names(language)
    )
    return dict(names)


def _read_territory_names(language: str) -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    try:
        terr = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return names
    for code, name in terr.items():
        if not (len(code) == 2 and code.isalpha()) or code in {"EU", "EZ", "UN", "QO", "ZZ"}:
            continue
        base = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        for variant in {base, *re.findall(r"\((.*?)\)", name)}:
            variant = fold(variant).strip()
            if len(variant) >= 4:
                names.setdefault(variant.lower(), code)
    return names


@cache
def countries(language: str) -> CountryMatcher:
    names = _territory_names(language)
    for code, extra in (langdata.topic(language, CUES_TOPIC).get("country_names") or {}).items():
        for name in extra:
            names[fold(name).lower()] = str(code)
    demonyms: list[tuple[str, re.Pattern[str]]] = []
    parts: list[str] = []
    table: dict[str, list[str]] = {}
    # The shared adjective table (data/vocab/demonyms.yaml, "*" = a short ending) and our own.
    for code, pats in ((langdata.shared("vocab/demonyms") or {}).get(language) or {}).items():
        table.setdefault(str(code), []).extend(str(p).replace("*", r"\w{0,4}") for p in pats)
    for code, pats in (langdata.topic(language, CUES_TOPIC).get("demonyms") or {}).items():
        table.setdefault(str(code), []).extend(str(p) for p in (pats if isinstance(pats, list) else [pats]))
    for code, pats in table.items():
        for p in dict.fromkeys(pats):
            demonyms.append((str(code), regexcache.compile(fold(p), re.IGNORECASE)))
            parts.append(fold(p))
    inflected = language in set(langdata.shared("vocab/countries").get("inflected_languages") or [])
    body = trie_pattern(_name_items(names, inflected) + [_literal_prefix(p) for p in parts])
    pattern = regexcache.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE) if body else None
    return CountryMatcher(pattern, names, tuple(demonyms), inflected=inflected)


@cache
def _english_territories() -> dict[str, str]:
    """CLDR's English territory names, kept between runs (`regexcache`): loading babel's
    English locale data takes a tenth of a second at every start otherwise."""
    import babel
    from babel import Locale

    return regexcache.remembered(
        f"en-territories-babel{babel.__version__}",
        "en",
        0,
        lambda: {str(k): str(v) for k, v in Locale("en").territories.items()},
    )


def english_country_name(code: str) -> str:
    override = (langdata.shared("vocab/authorities").get("country_display") or {}).get(code)
    if override:
        return str(override)
    name = _english_territories().get(code, code)
    return re.sub(r"\s*\(.*?\)", "", name).replace("\u2019", "'")


@lru_cache(maxsize=16)
def country_mentions(doc: Doc) -> tuple[re.Match[str], ...]:
    """Country names and adjectives in the body, found once per document."""
    matcher = countries(doc.language)
    if matcher.pattern is None:
        return ()
    lo, hi = doc.body
    return tuple(scan(matcher.pattern, folded(doc), lo, hi))


@lru_cache(maxsize=16)
def guess_country(doc: Doc) -> str | None:
    """The country the document talks about most (title and lead count double).

    Used only to name a generic "the government" / "les autorités"; the record's country is
    decided by the country extractor.
    """
    matcher = countries(doc.language)
    if matcher.pattern is None:
        return None
    lo = doc.body[0]
    counts: Counter[str] = Counter()
    for m in country_mentions(doc):
        code = matcher.code(m.group(0))
        if code:
            counts[code] += 2 if m.start() < lo + LEAD_CHARS else 1
    if doc.title:
        tf = fold(doc.title)
        for m in matcher.pattern.finditer(tf):
            code = matcher.code(m.group(0))
            if code:
                counts[code] += 2
    return counts.most_common(1)[0][0] if counts else None


# A ministry's portfolio in capitalised words (see `ministries` in cues.yaml).
# The capital is checked first so lower-case positions fail at once.
_W = r"(?=(?-i:[A-Z\u00c0-\u00de]))(?!(?i:the|a|an|this|that|its|la|le|les|el|los|las|o|os|as)\b)[\w'-]+"
PORTFOLIO = (
    rf"{_W}( (?-i:Affairs|Economy|Technology|Technologies|Security))?((, | & ){_W})*( (and|&) (the {_W} {_W}|{_W}))?"
)


_NAME_GROUPS: set[str] = set()  # the {country}/{demonym} groups as they stand in (folded) cues


def expand(language: str, source: str) -> str:
    """Replace `{country}` / `{demonym}` in a cue by named groups matching this language's names."""
    for name, pattern in _placeholders(language).items():
        source = source.replace("{" + name + "}", pattern)
    source = source.replace("{portfolio}", PORTFOLIO).replace("{word}", _W)
    for what in ("country", "demonym"):
        if "{" + what + "}" in source:
            group = f"(?P<{what}>{_alternation(language, what)})"
            _NAME_GROUPS.update((group, fold(group)))
            prefixes.register_group(fold(group), re.IGNORECASE)
            source = source.replace("{" + what + "}", group)
    return source


@cache
def _placeholders(language: str) -> dict[str, str]:
    """Per-language named sub-patterns (`placeholders:` in cues.yaml), e.g. a French portfolio."""
    table = {}
    for lang in (COMMON, language):
        table.update({str(k): str(v) for k, v in (langdata.topic(lang, CUES_TOPIC).get("placeholders") or {}).items()})
    return table


@cache
def _alternation(language: str, what: str) -> str:
    """Country names or adjectives as one prefix tree, so the regex engine rejects a
    position after a character or two instead of trying hundreds of names there."""
    matcher = countries(language)
    if what == "country":
        return trie_pattern(_name_items(matcher.by_text, matcher.inflected)) or "(?!)"
    return trie_pattern([_literal_prefix(p.pattern) for _, p in matcher.demonym_patterns]) or "(?!)"


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


def trie_pattern(items: Iterable[tuple[str, str]], ignore_case: bool = True) -> str:
    """A regex matching any of (literal, regex tail), factored by common literal prefixes.

    With `ignore_case` the literals are lower-cased (the regex is compiled case-insensitive);
    without it they are kept as written, so "PTA" does not become "pta". Kept between runs
    (`regexcache`): a language's tries are rebuilt at every start otherwise.
    """
    items = list(items)
    key = f"{ignore_case}\x00" + "\x00".join(f"{literal}\x01{tail}" for literal, tail in items)
    return regexcache.remembered_text("cues.trie", key, lambda: _trie_pattern(items, ignore_case))


def _trie_pattern(items: list[tuple[str, str]], ignore_case: bool) -> str:
    root: dict[str, Any] = {}
    for literal, tail in items:
        node = root
        for ch in literal.lower() if ignore_case else literal:
            node = node.setdefault(ch, {})
        node.setdefault("", set()).add(tail)

    def emit(node: dict[str, Any]) -> str:
        options = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        tails = sorted(node.get("", ()), key=len, reverse=True)
        options += [t for t in tails if t]
        optional = "" in tails
        if not options:
            return ""
        body = options[0] if len(options) == 1 and not optional else "(?:" + "|".join(options) + ")"
        if optional:
            body = body if body.startswith("(?:") else "(?:" + body + ")"
            return body + "?"
        return body

    return emit(root)
