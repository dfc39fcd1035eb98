"""Where in a document a cue regex can possibly match, found without running the regex.

A cue set's regex (`(?<!\\w)(?:...)(?!\\w)`) is cheap to run once, but Python's `re` calls
its matcher at every one of the ~4,000 positions of an article, and a build runs some thirty
such sets per article: that per-position cost was most of the extraction time. Every cue
starts after a non-word character and with one of a few known openings of up to four
characters ("bloc", "shut", "the "...), which `openings` reads off the parsed regex. `DocIndex` lists, once per
document, the positions after a non-word character by their (case-folded) opening, so a set
tries its regex only where one of its openings stands. The result is exactly what
`finditer` returns (see `CueSet._hits`): the openings are a superset of what the regex can
match, so no match is lost, and the leftmost, non-overlapping order is kept.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
from importlib import resources
from typing import Any

from . import regexsyntax
from .regexsyntax import Unknown as _Unknown

DEPTH = 4  # characters of opening looked at (3 tried the regex twice as often: "the", "con")
MAX_OPENINGS = 4000  # more than this and the set is scanned the ordinary way
MAX_CLASS = 300  # a character class larger than this (\w, [^x], big ranges) is "anything"
RAW = "\x00"  # marks an opening that is one unfolded character (see _item)
CASE_FILE = ("extraction", "regex_case_equivalents.json")


def _load_equivalents() -> list[str]:
    """Groups of lower-case characters the regex engine treats as one letter when ignoring
    case beyond simple lower-casing ('ſ' and 's', 'ı' and 'i', 'ς' and 'σ'...). A data file
    (`data/extraction/regex_case_equivalents.json`), checked against this Python's Unicode tables by
    `tests/test_portable_regex.py` (`scan_case_equivalents`); reading it is instant,
    deriving it would scan all of Unicode at every start."""
    path = resources.files("shutdown_records").joinpath("data", *CASE_FILE)
    return [str(group) for group in json.loads(path.read_text(encoding="utf-8"))["groups"]]


def scan_case_equivalents(limit: int = 0x110000) -> list[str]:
    """The groups of `_load_equivalents` derived from this Python's Unicode tables (public
    `str` methods only): lower-case characters whose upper cases are the same. Scans every
    code point below `limit` (all of Unicode: about two seconds)."""
    chars = "".join(map(chr, range(limit)))
    lows = [_simple_lower(c) for c in chars]
    back = list(map(str.lower, map(str.upper, lows)))
    groups: dict[str, set[str]] = {}
    for cp in itertools.compress(range(limit), map(operator.ne, lows, back)):
        low = lows[cp]
        group = groups.setdefault(low.upper(), set())
        group.add(low)
        if len(back[cp]) == 1:
            group.add(back[cp])
    return sorted("".join(sorted(g)) for g in groups.values() if len(g) > 1)


def _simple_lower(ch: str) -> str:
    """The regex engine's lower case of one character (Unicode's simple mapping): `str.lower`
    except where that gives two characters ('İ' -> 'i')."""
    low = ch.lower()
    return low if len(low) == 1 else ("i" if ch == "\u0130" else ch)


_REP = {ord(c): ord(min(group)) for group in _load_equivalents() for c in group}
_FOLD_TABLE = {k: r for k, r in _REP.items() if k != r}
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(k)) for k in _FOLD_TABLE) + "]")


def fold_text(text: str) -> str:
    """The text lower-cased character by character (same length) for comparing openings.

    'İ' is the one character whose lower case is two characters long; the regex engine
    lowers it to 'i'.
    """
    low = text.replace("\u0130", "i").lower()
    return low.translate(_FOLD_TABLE) if _FOLD_CHARS.search(low) else low


def _fold_char(ch: int) -> set[str]:
    """Folded forms of a pattern character: whatever text character may match it folds to one."""
    c = ord(_simple_lower(chr(ch)))
    return {chr(_REP.get(c, c))}


def folded_forms(literal: str) -> set[str]:
    """Every folded spelling of a literal text (`fold_text` of any text it matches)."""
    forms = {""}
    for ch in literal:
        forms = {f + c for f in forms for c in _fold_char(ord(ch))}
    return forms


class MemberIndex:
    """Which cues of a set may match where the folded text opens with a given key.

    Cues are kept in their set order. A cue whose literal heads are unknown ("(switch|turn)
    off") is listed under the openings read off its regex (`openings`), and always when
    those are unknown too or need the unfolded text (a capital letter).
    """

    def __init__(self, heads: list[tuple[str, ...]], patterns: list[tuple[str, int]] | None = None):
        self._by_key: dict[str, set[int]] = {}
        self._always: set[int] = set()
        for i, hs in enumerate(heads):
            for head in hs:
                for key in folded_forms(head[:DEPTH]):
                    self._by_key.setdefault(key, set()).add(i)
            if hs:
                continue
            found = openings(*patterns[i]) if patterns is not None else None
            if found is None or any(s[0] == RAW for s in found):
                self._always.add(i)
                continue
            for key in found:
                self._by_key.setdefault(key, set()).add(i)
        self._cache: dict[str, tuple[int, ...]] = {}

    def order(self, key: str) -> tuple[int, ...]:
        """Member numbers, in order, that may open with folded text `key` (DEPTH characters
        or fewer at the end of the text)."""
        found = self._cache.get(key)
        if found is None:
            merged = set(self._always)
            for n in range(1, len(key) + 1):
                merged |= self._by_key.get(key[:n], set())
            found = self._cache[key] = tuple(sorted(merged))
        return found


def _class_chars(items: list[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op == "lit":
            out |= _fold_char(av)
        elif op == "range":
            lo, hi = av
            if hi - lo > MAX_CLASS:
                raise _Unknown
            for ch in range(lo, hi + 1):
                out |= _fold_char(ch)
        else:  # \w, \d, \s: too wide
            raise _Unknown
    if len(out) > MAX_CLASS:
        raise _Unknown
    return out


def _item(op: str, av: Any, depth: int, ci: bool) -> set[tuple[str, bool]]:
    """(opening, may continue) pairs for one regex item (`regexsyntax`); `may continue` is
    True when the string is the whole of what the item matched, so the next item's openings
    follow it. `ci`: the item is matched ignoring case."""
    if op == "lit":
        return {(c, True) for c in _fold_char(av)}
    if op == "in":
        negated, members = av
        if negated:
            raise _Unknown
        if not ci and depth == DEPTH:
            # A case-sensitive class opening the match ("(?-i:[A-Z])\w+", a capitalised
            # word): folding would let every word in; the raw first character is kept instead.
            return {(RAW + c, False) for c in _raw_class_chars(members)}
        return {(c, True) for c in _class_chars(members)}
    if op == "sub":
        mode, sub = av
        return _seq(sub, depth, ci if mode is None else mode)
    if op == "branch":
        out: set[tuple[str, bool]] = set()
        for alt in av:
            out |= _seq(alt, depth, ci)
        return out
    if op == "repeat":
        lo, sub = av
        # One pass of the body, then unknown: its openings end there (a superset).
        once = {(s, False) for s, _ in _seq(sub, depth, ci)}
        return once | {("", True)} if lo == 0 else once
    if op == "ahead" and not av[0]:
        try:  # a lookahead: the text here opens like its body (the match may consume less)
            return {(s, False) for s, _ in _seq(av[1], depth, ci)} or {("", True)}
        except _Unknown:
            return {("", True)}
    if op in ("ahead", "at"):
        return {("", True)}  # zero width: the next item opens the match
    raise _Unknown  # ".", \w, \d...


def _raw_class_chars(items: list[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op == "lit":
            out.add(chr(av))
        elif op == "range" and av[1] - av[0] <= MAX_CLASS:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            raise _Unknown
    return out


def _seq(items: Any, depth: int, ci: bool) -> set[tuple[str, bool]]:
    current = {("", True)}
    for op, av in items:
        if not any(go and len(s) < depth for s, go in current):
            break
        nxt: set[tuple[str, bool]] = set()
        for s, go in current:
            if not go or len(s) >= depth:
                nxt.add((s[:depth], False))
                continue
            try:
                following = _item(op, av, depth - len(s), ci)
            except _Unknown:
                if not s:
                    raise
                nxt.add((s, False))  # what is known so far still opens every match
                continue
            for t, go2 in following:
                joined = s + t
                nxt.add((joined[:depth], go2 and len(joined) < depth))
        if len(nxt) > MAX_OPENINGS:
            raise _Unknown
        current = nxt
    return current


_OPENINGS: dict[tuple[str, int], frozenset[str] | None] = {}


def openings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Folded strings (at most DEPTH characters) one of which opens every match of
    `pattern`; None when they cannot be told (the set is then scanned with `finditer`).
    Read off the pattern text (`regexsyntax`), once per pattern and process."""
    key = (pattern, int(flags))
    if key not in _OPENINGS:
        _OPENINGS[key] = _openings(pattern, int(flags))
    return _OPENINGS[key]


def _openings(pattern: str, flags: int) -> frozenset[str] | None:
    if flags & re.VERBOSE:
        return None
    try:
        parsed = regexsyntax.parse(pattern, bool(flags & re.IGNORECASE))
        found = {s for s, _ in _seq(parsed.items, DEPTH, parsed.ignore_case)}
    except _Unknown:
        return None
    if "" in found or len(found) > MAX_OPENINGS:
        return None  # may match the empty string, or opens too many ways to help
    return frozenset(found)


def trie_openings(items: list[tuple[str, str]], flags: int, joined: str) -> frozenset[str] | None:
    """`openings` of a cue set's joined regex, read off its (literal, regex) trie items:
    a literal of DEPTH characters or more needs no parsing, which keeps start-up short.

    The joined regex (`wordtrie.items_pattern`) matches what one of its items `literal(?:regex)`
    matches, literals lower-cased when ignoring case, unless an item's regex has a `|`
    outside any group: then the joined regex itself is parsed.
    """
    return _trie_openings(items, flags, joined)


def _trie_openings(items: list[tuple[str, str]], flags: int, joined: str) -> frozenset[str] | None:
    ignore_case = bool(flags & re.IGNORECASE)
    if any("|" in tail and top_level_bar(tail) for _, tail in items):
        return openings(joined, flags)
    found: set[str] = set()
    for literal, tail in items:
        head = literal.lower() if ignore_case else literal
        if len(head) >= DEPTH:
            found |= folded_forms(head[:DEPTH])
            continue
        short = tail
        for group, standin in _STANDINS.items():
            if group in short:
                short = short.replace(group, standin)
        item = openings(re.escape(head) + "(?:" + short + ")", flags)
        if item is None:
            return openings(joined, flags)
        found |= item
    if "" in found or not found or len(found) > MAX_OPENINGS:
        return None
    return frozenset(found)


_STANDINS: dict[str, str] = {}


def register_group(group: str, flags: int) -> None:
    """Let `trie_openings` read a long group (hundreds of country names) by a short stand-in
    with the same openings, instead of parsing the names again in every cue that holds them.

    A stand-in alternative shorter than DEPTH is followed by "any character", so what
    follows the group in a cue is never taken for its opening (a superset, as required).
    """
    if group in _STANDINS:
        return
    found = openings(group, flags)
    if found is None or any(s[0] == RAW for s in found):
        return
    alternatives = (re.escape(s) + ("" if len(s) == DEPTH else r"[\s\S]") for s in sorted(found))
    _STANDINS[group] = "(?:" + "|".join(alternatives) + ")"


def top_level_bar(regex: str) -> bool:
    """Whether `regex` has a `|` outside any group or class (conservative: any doubt is True)."""
    depth, i, in_class = 0, 0, False
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            i += 1
            if regex[i : i + 1] == "^":
                i += 1
            if regex[i : i + 1] == "]":
                i += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth <= 0:
            return True
        i += 1
    return False


_AFTER_NON_WORD = re.compile(r"\W")


class DocIndex:
    """Positions after a non-word character (and 0), grouped by their folded opening."""

    def __init__(self, text: str, folded: str):
        self.folded = folded
        full: dict[str, list[int]] = {}
        n, depth = len(text), DEPTH
        for p in [0] + [m.end() for m in _AFTER_NON_WORD.finditer(text)]:
            if p >= n:
                continue
            key = folded[p : p + depth]
            lst = full.get(key)
            if lst is None:
                full[key] = [p]
            else:
                lst.append(p)
        self._by: dict[int, dict[str, list[int]]] = {depth: full}
        self._by_raw: dict[str, list[int]] | None = None
        self._candidates: dict[frozenset[str], list[int]] = {}
        self.text = text

    def _raw(self) -> dict[str, list[int]]:
        """Positions by their first character as written (for case-sensitive openings)."""
        if self._by_raw is None:
            by: dict[str, list[int]] = {}
            for lst in self._by[DEPTH].values():
                for p in lst:
                    by.setdefault(self.text[p], []).append(p)
            self._by_raw = by
        return self._by_raw

    def _keyed(self, length: int) -> dict[str, list[int]]:
        """Positions by their first `length` folded characters (derived from the longest keys)."""
        by = self._by.get(length)
        if by is None:
            by = {}
            for key, lst in self._by[DEPTH].items():
                by.setdefault(key[:length], []).extend(lst)
            self._by[length] = by
        return by

    @classmethod
    def of(cls, text: str) -> DocIndex | None:
        """The index of `text`; None if folding changed its length (never seen; then the
        cue sets fall back to `finditer`)."""
        folded = fold_text(text)
        return cls(text, folded) if len(folded) == len(text) else None

    def candidates(self, opening_set: frozenset[str]) -> list[int]:
        """Sorted positions where a match could open (found once per set: do not modify)."""
        found = self._candidates.get(opening_set)
        if found is None:
            found = self._candidates[opening_set] = self._find(opening_set)
        return found

    def _find(self, opening_set: frozenset[str]) -> list[int]:
        """The keys both in the set and in this document are found by one set intersection
        (in C, over the smaller side): a set may have thousands of openings (country names)
        while an article has a few hundred keys."""
        grouped = _by_length(opening_set)
        if len(grouped) == 1:
            # Openings of one length: each position has one key, so the lists are disjoint
            # and are joined and sorted without a set (Timsort merges their sorted runs).
            length, strings = grouped[0]
            table = self._raw() if length == 0 else self._keyed(length)
            out: list[int] = []
            for s in table.keys() & strings:
                out += table[s]
            out.sort()
            return out
        found: set[int] = set()
        for length, strings in grouped:
            table = self._raw() if length == 0 else self._keyed(length)
            for s in table.keys() & strings:
                found.update(table[s])
        return sorted(found)


_GROUPED: dict[frozenset[str], tuple[tuple[int, frozenset[str]], ...]] = {}


def _by_length(opening_set: frozenset[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The openings by length (0: raw first characters, without their mark), grouped once."""
    grouped = _GROUPED.get(opening_set)
    if grouped is None:
        table: dict[int, list[str]] = {}
        for s in opening_set:
            if s[0] == RAW:
                table.setdefault(0, []).append(s[1])
            else:
                table.setdefault(len(s), []).append(s)
        grouped = _GROUPED[opening_set] = tuple((n, frozenset(v)) for n, v in sorted(table.items()))
    return grouped


def matches(
    pattern: re.Pattern[str], text: str, positions: list[int], endpos: int | None = None
) -> list[re.Match[str]] | None:
    """What `pattern.finditer(text)` yields, trying `pattern.match` only at `positions`
    (a superset of where it can match). None if a match is empty (then the caller runs
    `finditer`, whose rule for empty matches this does not repeat)."""
    out = []
    pos = 0
    match = pattern.match
    endpos = len(text) if endpos is None else endpos
    for p in positions:
        if p < pos:
            continue
        m = match(text, p, endpos)
        if m is None:
            continue
        if m.end() == p:
            return None
        out.append(m)
        pos = m.end()
    return out
