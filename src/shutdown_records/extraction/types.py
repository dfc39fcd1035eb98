"""What flows through a build: a loaded source (`Doc`) and a cited candidate value (`Mention`).

Extractors read one Doc and yield Mentions; the merger groups Mentions across Docs into a
record's values, evidence and conflicts. Offsets follow the rule in `shutdown_records.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Doc:
    """One source as the extractors see it; `text` is the whole file, offsets index into it."""

    id: str
    path: Path
    text: str
    sha256: str
    language: str
    body_start: int = 0  # after front matter / a leading "date YYYY-MM-DD" line
    body_end: int | None = None  # where a "related news" tail begins, if found
    published: date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    language_supported: bool = True  # False: no vocabulary file; only language-neutral extractors ran

    @property
    def body(self) -> tuple[int, int]:
        return self.body_start, len(self.text) if self.body_end is None else self.body_end

    def __hash__(self) -> int:
        """Per-document caches (`lru_cache`) hash a Doc at every call: its id and content hash
        tell documents apart as well as all twelve fields, at a fraction of the cost (equal
        Docs still hash equal)."""
        return hash((self.id, self.sha256))


@dataclass(frozen=True)
class Mention:
    """A candidate value for one field, cited by `doc.text[start:end]`.

    `value` is a plain value: a string (vocabulary value, ISO code, "YYYY-MM[-DD]", platform
    name), a bool (acknowledged), or a dict for list-of-object fields
    (ordered_by {name, type}, legal_basis {instrument, provision}, court_challenges {court, ...}).
    `weight` says how strongly the quote supports the value (1.0 = explicit statement).
    """

    field: str
    value: Any
    source: str
    start: int
    end: int
    weight: float = 1.0
    note: str | None = None
    extra: dict[str, Any] = dc_field(default_factory=dict, compare=False, hash=False)


# A full stop after these does not end a sentence: month and title abbreviations ("Feb. 8",
# "Dr. Ali", "No. 10", "art. 18") and initials ("U.S.", "J. Smith"). Each is its own
# fixed-width look-behind, so the pattern stays one compiled regex.
_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "Gen",
    "Col",
    "Lt",
    "Sgt",
    "Capt",
    "Gov",
    "Sen",
    "Rep",
    "Pres",
    "St",
    "Mt",
    "No",
    "Nos",
    "Nr",
    "Art",
    "art",
    "Arts",
    "arts",
    "Sec",
    "sec",
    "para",
    "vs",
    "approx",
    "Me",
    "Mme",
    "Mgr",
    "Sr",
    "Sra",
    "Dra",
    "núm",
    "n",
)


def _meta_words(key: str) -> list[str]:
    """Every language folder's meta.yaml `key` list (`sentence_marks`, `abbreviations`): a
    splitter cuts the same sentences whatever the article's language."""
    from .langdata import supported_languages, topic  # noqa: PLC0415 - langdata does not import types

    out: set[str] = set()
    for code in sorted(supported_languages()):
        out.update(str(w) for w in topic(code, "meta").get(key) or [])
    return sorted(out, key=len, reverse=True)


def sentence_marks() -> str:
    """The sentence-ending marks besides . ! ? and their CJK, Arabic, Urdu and Devanagari
    forms that a language's meta.yaml names (Amharic "።" and "፧"), as one string."""
    return "".join(m for m in _meta_words("sentence_marks") if len(m) == 1)


_NOT_AFTER = (
    "".join(rf"(?<!\b{re.escape(a)}\.)" for a in [*_ABBREVIATIONS, *_meta_words("abbreviations")])
    + r"(?<!\b[A-Z]\.)(?<!\b[A-Z]\.[A-Z]\.)"
)


def _dotted_day_months() -> list[str]:
    """Month names (CLDR's, as written) of the languages that write a day with a full stop
    ("am 2. Juni 2025": data/lang/<code>/dates.yaml `ordinal_suffixes` holds "."). That stop
    ends no sentence; without this every German sentence holding a date was cut in two."""
    from babel import Locale  # noqa: PLC0415 - CLDR tables, read once when this module loads
    from babel.core import UnknownLocaleError  # noqa: PLC0415

    from .langdata import supported_languages, topic  # noqa: PLC0415 - langdata does not import types

    names: set[str] = set()
    for code in sorted(supported_languages()):
        data = topic(code, "dates")
        if "." not in (data.get("ordinal_suffixes") or []):
            continue
        try:
            loc = Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
        for ctx in ("format", "stand-alone"):
            names.update(str(n) for n in loc.months.get(ctx, {}).get("wide", {}).values())
        for extra in (data.get("month_extra_names") or {}).values():
            names.update(str(n) for n in extra if not str(n).endswith("."))  # "Jan." could be a name
    return sorted((n for n in names if len(n) >= 3), key=len, reverse=True)


def _not_a_dotted_day() -> str:
    """A look-ahead refusing the stop after a one- or two-digit day before such a month name."""
    months = _dotted_day_months()
    if not months:
        return ""
    alt = "|".join(re.escape(m) for m in months)
    return "".join(rf"(?!(?<={day}\.)\s+(?:{alt})(?!\w))" for day in (r"(?<!\d)\d", r"(?<!\d)\d\d"))


_MARKS = r".!?\u3002\u061f\u0964\u06d4" + re.escape(sentence_marks())
_SENTENCE_END = re.compile(
    r"(?<=["
    + _MARKS
    + r"])"
    + _NOT_AFTER
    + _not_a_dotted_day()
    + r"[\"'\u201d\u2019\u00bb)]*\s+|\n\s*\n|\n(?=\s*[\u2022*\-])"
)


_SEPARATOR_START = re.compile(r"[" + _MARKS + r"\n]")  # \u0964 Devanagari danda, \u06d4 Urdu full stop


SHORT_LINE = 160  # a headline, dateline or subheading is at most this long (the loader's title too)
_LINE_BREAK = re.compile(r"\n[ \t\r]*")
_CONTINUED = ",;:\u060c\u061b-\u2013\u2014(/&+"  # a line ending so goes on in the next one


def _ends_short_line(text: str, p: int) -> bool:
    """Whether the line break at `p` ends a short line that has no final punctuation (a
    headline, a dateline, a subheading) before a line that does not go on in lower case: a
    sentence boundary in every script ("Government blocks Chatly\nThe ministry said..."),
    while a sentence a publisher wrapped ("...blocked\nthe service") stays whole. Reads only
    the text around `p`, so every scan of it agrees."""
    line = text[text.rfind("\n", 0, p) + 1 : p].strip()
    if not line or len(line) > SHORT_LINE or line[-1] in _CONTINUED:
        return False
    q = p + 1
    while q < len(text) and text[q] in " \t\r":
        q += 1
    return q < len(text) and not text[q].islower()


def separators(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What `_SENTENCE_END.finditer(text, lo, hi)` yields, its regex tried only where a
    separator can begin: right after a full stop (or ! ? 。 ؟) and at a line break; plus the
    line break that ends a short unpunctuated line (`_ends_short_line`). Finding those
    characters is one fast scan; trying the look-behind-laden regex at every position of a
    sentence was a good part of quoting it."""
    pos = lo
    match = _SENTENCE_END.match
    for c in _SEPARATOR_START.finditer(text, max(lo - 1, 0), hi):
        newline = c.group() == "\n"
        p = c.start() if newline else c.end()
        if p < pos:
            continue
        m = match(text, p, hi)
        if m is None and newline and _ends_short_line(text, p):
            m = _LINE_BREAK.match(text, p, hi)
        if m:
            yield m
            pos = m.end()


def sentence_span(
    text: str,
    start: int,
    end: int,
    limit: tuple[int, int] | None = None,
    begin: int | None = None,
    stop: int | None = None,
) -> tuple[int, int]:
    """The sentence (or line) around text[start:end], trimmed of surrounding white space.

    A quote is a whole sentence so a reviewer can judge it without opening the article; very
    long sentences are cut to about 300 characters around the match. `begin` (where the last
    separator before `start` ends, or the lower limit) and `stop` (where the first separator at
    or after `end` begins, or the upper limit) may be passed when the caller already knows
    them from one scan of the whole text; otherwise they are searched for here.
    """
    lo, hi = limit if limit else (0, len(text))
    s = lo
    if begin is None:
        for m in separators(text, lo, start):
            s = m.end()
    else:
        s = begin
    if stop is None:
        after = next(separators(text, end, hi), None)
        e = after.start() if after else hi
    else:
        e = stop
    # Keep the sentence's own closing punctuation, not the following space.
    while e > end and text[e - 1].isspace():
        e -= 1
    while s < start and text[s].isspace():
        s += 1
    if e - s > 300:
        s = max(s, start - 120)
        e = min(e, end + 180)
        # Do not cut inside a word.
        while s > lo and s < start and not text[s - 1].isspace():
            s += 1
        while e < hi and e > end and not text[e].isspace():
            e -= 1
    return s, e
