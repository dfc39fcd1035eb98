"""Stance: does the text around a value assert it about this incident?

A value found in a sentence is not taken at face value when its clause denies it ("no state
of emergency was declared", "the ban was not based on the decree"), reports it as
hypothetical ("the law could be used to", "threatened to block it if"), or speaks of another
incident ("in a separate case", "the earlier ban on X"). Every field extractor of this
package asks the same question here and multiplies the value's weight by the answer, so one
mechanism serves ordered_by, justification, context, legal_basis, court_challenges,
workarounds, kind, scope and networks.

The words live in each language's cues.yaml under `stance:` (docs/cues.md):

* `negator`: a word that denies what follows it in its clause ("not", "no", "never",
  "ne ... pas" is `ne`/`n'`, "не", "değil" goes in `negated_after`);
* `negated_after`: a phrase right after the value that denies it ("was not declared",
  "değildir", "نشده"), for languages and constructions where negation follows;
* `hypothetical`: a marker, before the value in its clause, of what might be ("if",
  "unless", "threatened to", "si", "eğer", "اگر");
* `other_incident`: a marker that the sentence is about another case ("in a separate
  case", "dans une autre affaire", "в другом деле");
* `no_statement`: a negated verb of saying ("did not comment", "не прокомментировали",
  "yorum yapmadı"): a negator inside it denies the saying, not the value beside it;
* `clause_break`: where a clause ends ("but", "while", "mais"; a semicolon always does): a
  negator before it does not reach a value after it.

Window sizes are per language (`settings.negation_before`, `settings.negation_after`,
characters), since negation stands close to what it denies in every language we read.
Each list is one regex per language, run once per document through the document's opening
index (only where one of its words can begin); questions about a value's window are then
answered by bisection, so the cost is linear in the text's length and small.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ...text import fold
from .. import cues as C
from .. import langdata
from ..types import Doc

NEGATED = 0.15  # a value the clause denies
HYPOTHETICAL = 0.35  # a value the clause reports as possible, threatened or conditional
OTHER_INCIDENT = 0.3  # a value the sentence ties to another case
BEFORE = 45  # characters before a value where a negator still denies it
AFTER = 35  # characters after a value where a `negated_after` phrase denies it
_PUNCTUATION = (";", "\u061b")  # semicolon, Arabic semicolon: always a clause break
_COMMAS = (",", "\u060c", "\u3001")  # a negator's reach ends at a comma (Latin, Arabic, CJK)


@dataclass(frozen=True)
class Stance:
    """How far a value's clause asserts it: a weight factor and why (None = asserted)."""

    factor: float = 1.0
    why: str | None = None

    def note(self, note: str | None) -> str | None:
        """The extractor's note with the reason appended, so a reviewer sees the discount."""
        if self.why is None:
            return note
        return f"{note}; {self.why}" if note else self.why


ASSERTED = Stance()


@cache
def _words(language: str, key: str) -> re.Pattern[str] | None:
    """`stance.<key>` of a language (then the common file) as one case-insensitive regex at
    word boundaries, or None when the language lists none."""
    parts = []
    for entry in C.raw(language, "stance", key):
        source = entry.get("re") if isinstance(entry, dict) else entry
        if source:
            stem = bool(entry.get("stem")) if isinstance(entry, dict) else False
            parts.append(f"(?:{C.inflect(language, fold(C.expand(language, str(source))), stem)})")
    if not parts:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


_MEMO: list = [None, {}]  # [the text asked about, {(language, key): (starts, matches)}]


def _matches(language: str, key: str, text: str) -> tuple[list[int], list[re.Match[str]]]:
    """Every `stance.<key>` word of the text being read, found once (tried only where one of
    the words can open, from the document's opening index) and then asked by bisection."""
    if _MEMO[0] is not text:
        _MEMO[0], _MEMO[1] = text, {}
    memo = _MEMO[1]
    if (language, key) not in memo:
        words = _words(language, key)
        found = list(C.scan(words, text)) if words is not None else []
        memo[(language, key)] = ([m.start() for m in found], found)
    return memo[(language, key)]


def _find(language: str, key: str, text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first `stance.<key>` word inside text[lo:hi]."""
    if lo >= hi:
        return None
    starts, found = _matches(language, key, text)
    for i in range(bisect_left(starts, lo), len(found)):
        m = found[i]
        if m.start() >= hi:
            return None
        if m.end() <= hi:
            return m
    return None


def _last(language: str, key: str, text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last `stance.<key>` word inside text[lo:hi]."""
    if lo >= hi:
        return None
    starts, found = _matches(language, key, text)
    i = bisect_left(starts, hi) - 1
    while i >= 0 and found[i].start() >= lo:
        if found[i].end() <= hi:
            return found[i]
        i -= 1
    return None


def _opening(language: str, key: str, text: str, lo: int, start: int, end: int) -> re.Match[str] | None:
    """The first `stance.<key>` word that begins inside text[lo:start] and ends inside the
    value text[start:end]: a marker whose last word is the value's first."""
    starts, found = _matches(language, key, text)
    for i in range(bisect_left(starts, lo), len(found)):
        m = found[i]
        if m.start() >= start:
            return None
        if start < m.end() <= end:
            return m
    return None


@cache
def _windows(language: str) -> tuple[int, int]:
    settings = langdata.topic(language, C.CUES_TOPIC).get("settings") or {}
    return int(settings.get("negation_before", BEFORE)), int(settings.get("negation_after", AFTER))


def clause(doc: Doc, start: int, end: int, zone: tuple[int, int] | None = None) -> tuple[int, int]:
    """The clause around text[start:end]: its sentence cut at the nearest `clause_break`
    on each side (a break inside the value itself does not count)."""
    lo, hi = zone or C.sentence(doc, start, end)
    text = C.folded(doc)
    for mark in _PUNCTUATION:  # the same in every script we read
        cut = text.rfind(mark, lo, start)
        if cut >= 0:
            lo = cut + 1
        cut = text.find(mark, end, hi)
        if cut >= 0:
            hi = cut
    before = _last(doc.language, "clause_break", text, lo, start)
    if before is not None:
        lo = before.end()
    after = _find(doc.language, "clause_break", text, end, hi)
    if after is not None:
        hi = after.start()
    return lo, hi


def _negated(doc: Doc, start: int, end: int, span: tuple[int, int]) -> str | None:
    text = C.folded(doc)
    before, after = _windows(doc.language)
    # A comma between the negator and the value ends its reach: "the regulator, which has
    # not commented, ordered the block" does not deny the order.
    lo = max(span[0], start - before, *(text.rfind(c, span[0], start) + 1 for c in _COMMAS))
    hit = _denying(doc.language, "negator", text, lo, start, span)
    if hit is None:
        hi = min([span[1], end + after] + [i for i in (text.find(c, end, span[1]) for c in _COMMAS) if i >= 0])
        hit = _denying(doc.language, "negated_after", text, end, hi, span)
    return None if hit is None else doc.text[hit.start() : hit.end()]


def _of_saying(language: str, text: str, word: re.Match[str], span: tuple[int, int]) -> bool:
    """Whether a negating word belongs to a `stance.no_statement` phrase of its clause ("did
    not comment on the shutdown", "не прокомментировали отключение", "yorum yapmadı"): it
    denies the saying, not the value next to it."""
    starts, found = _matches(language, "no_statement", text)
    i = bisect_left(starts, span[0])
    while i < len(found) and found[i].start() < min(span[1], word.end()):
        if found[i].end() > word.start():
            return True
        i += 1
    return False


def _denying(language: str, key: str, text: str, lo: int, hi: int, span: tuple[int, int]) -> re.Match[str] | None:
    """The first `stance.<key>` word inside text[lo:hi] that is not part of a no-statement phrase."""
    hit = _find(language, key, text, lo, hi)
    while hit is not None and _of_saying(language, text, hit, span):
        hit = _find(language, key, text, hit.end(), hi)
    return hit


_WORD = re.compile(r"\w+")


def denier(doc: Doc, start: int, end: int, zone: tuple[int, int] | None = None, words: int = 1) -> str | None:
    """The word that denies the value at text[start:end] when it governs it closely: a
    `stance.negator` at most `words` words before it in its clause ("no shutdown was
    ordered", "did not order any block", "никаких блокировок") or a `stance.negated_after`
    phrase right after it ("erişim engeli kararı verilmedi"), else None. Closer than
    `stance`'s window, so "did not say why it blocked X" denies the saying, not the block."""
    if not C.has_cues(doc.language):
        return None
    text = C.folded(doc)
    span = clause(doc, start, end, zone)
    before, after = _windows(doc.language)
    lo = max(span[0], start - before, *(text.rfind(c, span[0], start) + 1 for c in (*_COMMAS, ":")))
    hit = _last(doc.language, "negator", text, lo, start)
    if (
        hit is not None
        and len(_WORD.findall(text, hit.end(), start)) <= words
        and not _of_saying(doc.language, text, hit, span)
    ):
        return doc.text[hit.start() : hit.end()]
    hi = min([span[1], end + after] + [i for i in (text.find(c, end, span[1]) for c in _COMMAS) if i >= 0])
    hit = _denying(doc.language, "negated_after", text, end, hi, span)
    if hit is not None and len(_WORD.findall(text, end, hit.start())) <= words:
        return doc.text[hit.start() : hit.end()]
    return None


def negator_within(doc: Doc, start: int, end: int) -> str | None:
    """A `stance.negator` word inside text[start:end] after its first word: a cue with a gap
    ("internet (\\S+ ){1,5}diputus") that took in "tidak" reads "internet tidak diputus", a
    denial. A negator opening the cue ("no access to the internet") is the cue's own word."""
    if not C.has_cues(doc.language):
        return None
    text = C.folded(doc)
    hit = _find(doc.language, "negator", text, start + 1, end)
    return None if hit is None else doc.text[hit.start() : hit.end()]


def stance(
    doc: Doc,
    start: int,
    end: int,
    *,
    negation: bool = True,
    hypothetical: bool = True,
    other: bool = True,
    zone: tuple[int, int] | None = None,
) -> Stance:
    """The stance of the value at text[start:end]; the checks a field cannot use are turned
    off by its caller (kind cues are themselves negative: "could not access" is a block)."""
    if not C.has_cues(doc.language):
        return ASSERTED
    sentence = zone or C.sentence(doc, start, end)
    span = clause(doc, start, end, sentence)
    text = C.folded(doc)
    if negation:
        word = _negated(doc, start, end, span)
        if word is not None:
            return Stance(NEGATED, f"denied in its clause ({word!r})")
    if other:
        hit = _find(doc.language, "other_incident", text, sentence[0], sentence[1])
        if hit is not None:
            return Stance(OTHER_INCIDENT, f"about another incident ({doc.text[hit.start() : hit.end()]!r})")
    if hypothetical:
        # Only a marker before the value: "threatened to block X", "if X refuses, the law
        # could..." are conditional, while "X stays blocked unless users turn to a VPN" is not.
        # A marker may run into the value: "a draft law on cybersecurity", "un projet de loi
        # sur la cybersécurité" (the marker "projet de loi" holds the value's first word).
        hit = _find(doc.language, "hypothetical", text, span[0], start) or _opening(
            doc.language, "hypothetical", text, span[0], start, end
        )
        if hit is not None:
            return Stance(HYPOTHETICAL, f"hypothetical ({doc.text[hit.start() : hit.end()]!r})")
    return ASSERTED
