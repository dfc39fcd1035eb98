"""Dates: absolute and relative dates in an article, each read as a start, end or other date.

Month and weekday names come from CLDR (babel) for any language; the relative words
("mid-", "last month", "yesterday") and the cue words that tell a start date from an end date
or from an election day live in `data/lang/<code>/dates.yaml`. Patterns are regexes built
once per language: much faster than dateparser's search and they give offsets directly.

Relative dates are resolved against the article's published date or, when it has none, a
reference date the pipeline took from the other sources (see `extraction/context.py`); the note
of each Mention says how. A weekday is the most recent one (news reports past events):
"on Wednesday" in a Thursday article is the day before.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ...text import fold, native_digits  # native_digits: the one digit rule (text.py)
from .. import cues as C
from .. import regexcache
from ..context import reference_date
from ..langdata import topic
from ..prefixes import matches
from ..spans import folded as fold_text
from ..spans import in_related_line, quote_span
from ..spans import line_start as line_start_of
from ..types import Doc, Mention
from ..wordtrie import trie_pattern

START, END, OTHER = "start_date", "end_date", "other_date"
_NEVER = re.compile(r"(?!)")  # a pattern that matches nothing: a role list the language lacks

UNKNOWN_LANGUAGE_WEIGHT = 0.25
FUTURE_END = 0.2  # "blocked until Feb. 7": a planned end counts only if many sources repeat it
# "cut from 7 to 21 June" said before the 21st: a schedule that states both ends (exam
# shutdowns) is kept more often than an open "until Friday", so it weighs more as a plan.
FUTURE_RANGE_END = 0.5
DURATION_OF = 8  # "after three days of blackout": a restriction word this close after a duration
ORDERED_OBJECT = 40  # characters after an ordering verb where what it orders is named
EXTENSION = 0.3  # "extended the ban until Friday": neither when it began nor when it ended
VERB_FINAL_REACH = 60  # characters after a date where a verb-final language's verb governs it
PARTIAL_END = 0.3  # "came back intermittently", "back, but chatting still needs a VPN": not the end
_NOT_IN_WORD = ("(?<![\\w-])", "(?<!\\w)")  # pattern openings that `C.opening_positions` serves
_WINDOW = 48  # characters around a month/weekday word that a date phrase can span
# A news-agency dateline before the date: "NAIROBI, " or "DAKAR (AFP), " at a line start.
_DATELINE = re.compile(r"[\W\d]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'/-]{2,}(?:,\s*[A-Z][\w .'-]{1,30})?(?:\s*\([^)]{1,20}\))?,\s*")
# ...or a date that opens a line and is followed by "(Reuters) -" or a dash.
_DATELINE_AFTER = re.compile(r"(?:,\s*\d{4})?\s*(?:\([A-Z][^)]{1,25}\)\s*)?[-–—]")
# The byline of an embedded social-media post, up to its date: "— PTA (@PTAofficialpk) ".
_TWEET_BYLINE = re.compile(r"[ \t]*[-—–][ \t]*[^\n]{0,60}\(@\w{1,30}\)[ \t]*")
# What joins the two ends of a date range, in the languages we hold data for.
_RANGE_JOINERS = ("-", "–", "to", "au", "a", "al", "ao", "até", "hasta", "through", "until")
_PART_NAMES = {"mid": "mid-month", "early": "early in the month", "late": "late in the month"}
# Timeline events a date can carry (extraction/timeline.py chooses start and end from them) and
# the record field each one speaks for.
EVENT_FIELD = {
    "effect": START,
    "order": START,
    "announcement": OTHER,
    "restoration": END,
    "lifting": END,
    "revocation": END,
    "partial_restoration": END,
}


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str  # absolute | month | weekday | relative_day | relative_month | iso
    groups: dict


@dataclass(frozen=True)
class _Resolved:
    value: str  # YYYY-MM-DD or YYYY-MM
    note: str | None


def _alt(words: list[str]) -> str:
    """Alternation of words as a trie: far faster than `a|b|c` over long lists."""
    return trie_pattern(sorted({str(w) for w in words if w}))


# Role word lists a dates.yaml may hold (docs/timeline.md): where they stand tells which
# timeline event a date belongs to.
ROLE_KEYS = (
    "start_strong",
    "end_strong",
    "start_strong_after",
    "end_strong_after",
    "start",
    "end",
    "order",
    "order_after",
    "lift",
    "revoke",
    "extend",
    "not_effective",
    "other_events",
    "future",
    "statement",
    "partial",
    "line_start",
    "line_end",
    "other_returns",
    "access",
    "in_force",
)


@dataclass(frozen=True)
class _Lang:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    data: dict
    roles: dict[str, re.Pattern[str] | None]
    trigger: re.Pattern[str]
    trigger_words: re.Pattern[str]  # the trigger's word half alone: its openings (`_triggers`)
    digit: re.Pattern[str]  # where the trigger's ISO half may open
    calendar_months: dict[str, tuple[str, int]]  # "دی" -> ("persian", 10): a non-Gregorian month
    never: re.Pattern[str] | None  # roles.not_effective on folded text, any case (`_in_body`)
    range_re: re.Pattern[str]  # what may stand between the two dates of a range


def _in_body(pattern: re.Pattern[str] | None, folded: str, lo: int, hi: int) -> bool:
    """Whether `pattern` (case-insensitive, opening at a word start) matches in the body,
    tried only where one of its openings stands (`C.opening_positions`): a plain search
    tries every position of the article."""
    if pattern is None:
        return False
    positions = C.opening_positions(pattern, folded)
    if positions is not None:
        found = matches(pattern, folded, positions[bisect_left(positions, lo) : bisect_left(positions, hi)], hi)
        if found is not None:
            return bool(found)
    return pattern.search(folded, lo, hi) is not None


def _borrowed(code: str) -> list[dict]:
    """The date data of the languages this one borrows from (`borrow: [en]`): Hindi and Urdu
    articles quote English tweets and press releases with English dates."""
    own = topic(code, "dates")
    return [topic(str(other), "dates") | {"_code": str(other)} for other in own.get("borrow") or [] if other != code]


def _cue_regex(words: list[str] | None, inside_words: bool = False, clitics: str = "") -> re.Pattern[str] | None:
    """Role words as one pattern, matched at the start of a word, or anywhere in one for a
    language whose verbs take prefixes (`roles_inside_words`: Swahili "ilirejeshwa"), or
    after a proclitic written as part of the word (`proclitics`: Arabic "وأعيدت")."""
    if not words:
        return None
    opening = "" if inside_words else r"(?<!\w)" + clitics
    return regexcache.compile(rf"{opening}(?:{_alt([fold(str(w)).casefold() for w in words])})")


@cache
def _lang(code: str) -> _Lang | None:
    """Compiled patterns for one language, or None when CLDR does not know it."""
    try:
        from babel import Locale  # noqa: PLC0415 - CLDR tables load on first use only
        from babel.core import UnknownLocaleError  # noqa: PLC0415
    except ImportError:
        return None
    try:
        loc = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None
    data = topic(code, "dates")
    case_sensitive = bool(data.get("case_sensitive_names", False))

    def norm(name: str) -> str:
        name = fold(name).strip().rstrip(".")
        return name if case_sensitive else name.casefold()

    wide: dict[str, int] = {}
    abbr: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    borrowed = _borrowed(code)
    for other in borrowed:
        try:
            other_loc = Locale.parse(other["_code"])
        except (UnknownLocaleError, ValueError):
            continue
        for num, name in other_loc.months.get("format", {}).get("wide", {}).items():
            wide[norm(name)] = int(num)
        for num, names in (other.get("month_extra_names") or {}).items():
            for name in names:
                abbr[norm(str(name))] = int(num)
    for ctx in ("format", "stand-alone"):
        for width, table in (("wide", wide), ("abbreviated", abbr)):
            for num, name in loc.months.get(ctx, {}).get(width, {}).items():
                if len(norm(name)) >= 3:
                    table[norm(name)] = int(num)
    for num, names in (data.get("month_extra_names") or {}).items():
        for name in names:
            abbr[norm(str(name))] = int(num)
    abbr = {k: v for k, v in abbr.items() if k not in wide}
    for ctx in ("format", "stand-alone"):
        for num, name in loc.days.get(ctx, {}).get("wide", {}).items():
            weekdays[norm(name)] = int(num)  # babel: 0 = Monday, like date.weekday()
    for num, names in (data.get("weekday_extra_names") or {}).items():
        for name in names:  # case forms CLDR lacks ("в среду")
            weekdays[norm(str(name))] = int(num)
    months = {**abbr, **wide}
    # Months of another calendar the press uses (Solar Hijri in Iran, Bikram Sambat in Nepal).
    calendar_months: dict[str, tuple[str, int]] = {}
    for cal, table in (data.get("calendars") or {}).items():
        for num, names in (table or {}).items():
            for name in names:
                calendar_months[norm(str(name))] = (str(cal), int(num))

    flags = 0 if case_sensitive else re.IGNORECASE
    m_wide = _alt(list(wide))
    m_all = _alt(list(months))
    wd = _alt(list(weekdays))
    suffix = _alt(data.get("ordinal_suffixes") or [])
    suffix_re = f"(?:{suffix})?" if suffix else ""
    joiners = _alt(data.get("day_month_joiners") or [])
    join_re = f"(?:\\s+(?:{joiners}))?" if joiners else ""
    year_re = r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>\d{4})(?!\d))?"
    parts = data.get("month_parts") or {}
    part_words = {w: key for key, ws in parts.items() for w in ws}
    part_alt = _alt(list(part_words))
    preps = _alt(data.get("month_prepositions") or [])
    rel_days = data.get("relative_days") or {}
    rel_months = data.get("relative_months") or {}
    wb = data.get("weekday_before") or {}
    wa = data.get("weekday_after") or {}
    wd_prefix = f"(?:(?P<wd>{wd}),?\\s+)?" if wd else ""
    B = r"(?<![\w-])"  # not inside a word
    E = r"(?![\w])"

    role_words = dict(data.get("roles") or {})
    for other in borrowed:  # a borrowed language's cue words count too (an English tweet)
        for k, v in (other.get("roles") or {}).items():
            role_words[k] = list(role_words.get(k) or []) + list(v or [])
    pats: list[tuple[str, str]] = []
    # What joins the two ends of a range: "du 11 au 15 juin", "من 7 إلى 21 حزيران", "18 मार्च से 19 मार्च".
    range_alt = _alt([fold(str(w)) for w in list(_RANGE_JOINERS) + list(data.get("range_joiners") or [])])
    range_re = regexcache.compile(rf"\s*(?:\([^()\n]{{0,25}}\)\s*)?(?:{range_alt})\s*", re.IGNORECASE)
    labels = _alt([fold(str(w)) for key in ("line_start", "line_end") for w in role_words.get(key) or []])
    if labels and m_all:
        # "End14 August 2021" / "Start: 12 August": a tracker's table cell, the label glued on.
        lab = f"(?m)^[ \\t]*(?P<label>{labels})[ \\t]*:?[ \\t]*"
        pats.append(
            (
                "absolute",
                f"{lab}(?P<day>[0-3]?\\d){suffix_re}\\.?{join_re}\\s+(?:de\\s+)?(?P<month>{m_all})\\.?{E}{year_re}",
            )
        )
        pats.append(
            ("absolute", f"{lab}(?P<month>{m_all})\\.?\\s+(?P<day>[0-3]?\\d)(?!\\d|:|[.,]\\d){suffix_re}{E}{year_re}")
        )
    # "ሰኔ 2 ቀን 2017": the word for "day of the month" after the day (`calendar_day_words`),
    # before the year; and a preposition joined to a month that leads (`proclitics`: "ከሰኔ").
    day_words = _alt([fold(str(w)) for w in data.get("calendar_day_words") or []])
    day_word_re = f"(?:\\s*(?:{day_words}))?" if day_words else ""
    lead = _proclitics(data) if data.get("proclitics_before_months") else ""
    if m_all:
        pats.append(
            (
                "absolute",
                f"{B}{wd_prefix}(?P<day>[0-3]?\\d){suffix_re}\\.?{join_re}\\s+(?:de\\s+)?(?P<month>{m_all})\\.?{E}{year_re}",
            )
        )
        pats.append(
            (
                "absolute",
                f"{B}{wd_prefix}{lead}(?P<month>{m_all})\\.?\\s+(?P<day>[0-3]?\\d)(?!\\d|:|[.,]\\d){suffix_re}{day_word_re}{E}{year_re}",
            )
        )
    if m_wide:
        part_re = f"(?:(?P<part>{part_alt})\\s*)?" if part_alt else ""
        pats.append(("month", f"{B}{part_re}(?P<month>{m_wide}){E}\\s+(?:de\\s+|of\\s+)?(?P<year>\\d{{4}})(?!\\d)"))
        if part_alt:
            pats.append(("month", f"{B}(?P<part>{part_alt})\\s*(?:de\\s+)?(?P<month>{m_wide}){E}"))
        if preps:
            pats.append(
                ("month", f"(?<!\\w)(?:{preps})\\s+(?P<month>{m_wide}){E}(?!\\s+(?:de\\s+|del\\s+|of\\s+)?\\d)")
            )
    if wd:
        before = f"(?:(?P<before>{_alt(list(wb))})\\s+)?" if wb else ""
        after = f"(?:\\s+(?P<after>{_alt(list(wa))}){E})?" if wa else ""
        # "nesta segunda-feira (3)", "Sabtu (30/8)", "Kamis (2/10/2025)": the day (and month) in brackets
        dom = "(?:\\s*\\((?P<dom>[0-3]?\\d)(?:/(?P<dmon>[01]?\\d)(?:/(?P<dyear>\\d{4}|\\d{2}))?)?\\))?"
        pats.append(("weekday", f"{B}{before}(?P<wd>{wd}){E}{dom}{after}"))
    if rel_days:
        # (folded like the text: "أمس" is "امس" there)
        pats.append(("relative_day", f"{B}(?P<rel>{_alt([fold(str(w)) for w in rel_days])}){E}"))
    weekend = [fold(str(w)) for w in data.get("weekend_words") or []]
    if weekend:
        pats.append(("weekend", f"{B}(?P<weekend>{_alt(weekend)}){E}"))
    if rel_months:
        pats.append(("relative_month", f"{B}(?P<rel>{_alt([fold(str(w)) for w in rel_months])}){E}"))
    later = _later_patterns(data)
    pats.extend(("after_days", p) for p in later)
    counted = _day_count_pattern(data)
    if counted:
        pats.append(("day_count", counted))
    if m_all:
        # "du 11 au 15 juin", "from 13 to 18 January": the first day borrows the month that follows.
        pats.append(
            (
                "range_day",
                f"{B}(?P<day>[0-3]?\\d){suffix_re}(?=\\s*(?:{range_alt})\\s*[0-3]?\\d{suffix_re}\\.?{join_re}\\s+(?:de\\s+)?(?:{m_all}))",
            )
        )
    pats.append(("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d-])"))
    numeric = _numeric_pattern(data)
    if numeric:
        pats.append(("numeric", numeric))
    if calendar_months:
        c_alt = _alt(list(calendar_months))
        # A word the month name may carry joined on: Persian "خردادماه", "خرداد‌ماه" ("month").
        c_suffix = _alt([fold(str(w)) for w in data.get("calendar_month_suffixes") or []])
        if c_suffix:
            c_alt = f"(?:{c_alt})(?:\u200c?(?:{c_suffix}))?"
        # "۱۰ دی ماه ۱۳۹۶", "۱۰ اردیبهشت‌ماه ۱۳۹۷" (a zero-width non-joiner before ماه), "१५ वैशाख २०८०"
        c_year = r"(?:[\s\u200c]+(?:\w{1,4}\s+)?(?P<year>1[34]\d\d|20\d\d)(?!\d))?"
        pats.append(("calendar", f"{B}(?P<day>[0-3]?\\d)\\s*(?P<month>{c_alt}){E}{c_year}"))
        pats.append(
            (
                "calendar",
                f"{B}(?P<year>1[34]\\d\\d|20\\d\\d)\\s+(?:\\w{{1,4}}\\s+)?(?P<month>{c_alt})\\s+(?P<day>[0-3]?\\d)(?!\\d)",
            )
        )
        # "वैशाख १५ गते": the month, then the day and the word for "day of the month" (a
        # postposition may be written joined to it: "असार ३१ गतेदेखि"); the year may follow
        # ("ሰኔ 2 ቀን 2017 ዓ.ም.", Ethiopian)
        if day_words:
            pats.append(
                (
                    "calendar",
                    f"{B}{lead}(?P<month>{c_alt})\\s+(?P<day>[0-3]?\\d)\\s*(?:{day_words})\\s+(?P<year>1[349]\\d\\d|20\\d\\d)(?!\\d)",
                )
            )
            pats.append(
                (
                    "calendar",
                    f"{B}(?:(?P<year>20\\d\\d)\\s+(?:\\w{{1,4}}\\s+)?)?{lead}(?P<month>{c_alt})\\s+(?P<day>[0-3]?\\d)\\s*(?:{day_words})",
                )
            )
        pats.append(
            (
                "calendar_month",
                f"{B}(?P<month>{c_alt}){E}[\\s\\u200c]+(?:\\w{{1,4}}\\s+)?(?P<year>1[34]\\d\\d|20\\d\\d)(?!\\d)",
            )
        )

    compiled = tuple((kind, regexcache.compile(p, flags)) for kind, p in pats)
    # Every date phrase contains one of these words (or an ISO date): the full patterns only
    # run in windows around them, which keeps the extractor fast on long articles.
    triggers = (
        list(months)
        + list(weekdays)
        + list(calendar_months)
        + [w.split(" ")[0] for w in list(rel_days) + list(rel_months) + list(data.get("weekend_words") or [])]
        + (_later_triggers(data) if later else [])
        + ([str(w) for w in data.get("ordinal_words") or {}] if counted else [])
    )
    words_re = r"(?<!\w)" + lead + r"(?:" + _alt([fold(t) for t in triggers]) + r")"
    trigger_re = regexcache.compile(words_re + r"|\d{4}-\d\d-\d\d" + _numeric_trigger(data), flags)
    never_words = [fold(str(w)) for w in role_words.get("not_effective") or []]
    never = regexcache.compile(r"(?<!\w)(?:" + _alt(never_words) + ")", re.IGNORECASE) if never_words else None
    inside = bool(data.get("roles_inside_words", False))
    roles = {
        key: _cue_regex(role_words.get(key), inside and key not in ("start_strong", "end_strong"), _proclitics(data))
        for key in ROLE_KEYS
    }
    enriched = dict(data)
    enriched["_part_words"] = {(k if case_sensitive else k.casefold()): v for k, v in part_words.items()}
    enriched["_case_sensitive"] = case_sensitive
    enriched["_code"] = code
    enriched["_verb_final"] = C.verb_final(code)
    return _Lang(
        compiled,
        months,
        weekdays,
        enriched,
        roles,
        trigger_re,
        regexcache.compile(words_re, flags),
        regexcache.compile(r"\d", flags),
        calendar_months,
        never,
        range_re,
    )


def _numeric_pattern(data: dict) -> str | None:
    """ "5/5/2025", "05.05.2025", "2025/05/05", "۱۴۰۳/۰۸/۱۵" (digits already folded) and, where
    the press writes them (`year_less`), "12.03." as one pattern; None for a language without
    `numeric_dates`. The same separator twice, a four-digit year at one end, and no digit,
    letter or separator around it: "v1.2.2025", "3.14.15", "12.30" and phone numbers do not match."""
    spec = data.get("numeric_dates")
    if not spec:
        return None
    sep = "[" + re.escape(str(spec.get("separators") or "/.-")) + "]"
    outside = r"(?<![\w.,/:+-])"
    full = (
        rf"(?:(?P<ny>\d{{4}})(?P<s1>{sep})(?P<nm>[01]?\d)(?P=s1)(?P<nd>[0-3]?\d)"
        rf"|(?P<na>[0-3]?\d)(?P<s2>{sep})(?P<nb>[0-3]?\d)(?P=s2)(?P<nyl>\d{{4}}))(?![\w/-]|[.,:]\d)"
    )
    alts = [full]
    if spec.get("short_years"):
        # "dated 03/05/25", "tarehe 14/3/25": a two-digit year, only after slashes (dots and
        # dashes with two digits are versions, scores and times more often than dates).
        alts.append("(?P<sa>[0-3]?\\d)/(?P<sb>[0-3]?\\d)/(?P<syl>\\d\\d)(?![\\w/-]|[.,:]\\d)")
    if spec.get("year_less"):
        # "с 12.03. по 15.03.": the month written with two digits, and the dot after it no
        # sentence end (a lower-case word, a digit or a dash follows: `qnext`) unless the date
        # closes a range of two such dates (`_year_less_kept`).
        alts.append(
            "(?P<qd>[0-3]?\\d)\\.(?P<qm>[01]\\d)\\.(?P<qnext>(?=[ \\t]*-|[ \\t]+(?:\\d|(?-i:[^\\W\\d_A-ZÀ-ÞА-ЯĞIŞÇÖÜĄĆĘŁŃÓŚŹŻ]))))?(?!\\d)"
        )
    return outside + "(?:" + "|".join(alts) + ")"


def _numeric_trigger(data: dict) -> str:
    """The part of the trigger where a numeric date may open (prefilter: tried on digits only)."""
    spec = data.get("numeric_dates")
    if not spec:
        return ""
    sep = "[" + re.escape(str(spec.get("separators") or "/.-")) + "]"
    return f"|\\d{{1,4}}{sep}\\d{{1,2}}{sep}\\d{{1,4}}" + ("|\\d{1,2}\\.\\d\\d\\." if spec.get("year_less") else "")


def _proclitics(data: dict) -> str:
    """An optional proclitic joined to the next word (`proclitics`: Arabic "و", "ف"), as a
    pattern to put after a word boundary; "" for a language without them."""
    clitics = _alt([fold(str(w)) for w in data.get("proclitics") or []])
    return f"(?:{clitics})?" if clitics else ""


def _dotted(words: list[str]) -> list[str]:
    """Words with a dotted capital İ where they open with i: Turkish "İki gün sonra" opens a
    sentence, and İ does not match i in a case-insensitive pattern."""
    return words + ["İ" + w[1:] for w in words if w.startswith("i")]


def _number_key(word: str) -> str:
    return word.replace("İ", "i").casefold()


def _numbers(data: dict, group: str) -> str:
    """Digits or a number word of the language (`number_words`), as a named group."""
    words = _dotted([fold(str(w)) for w in data.get("number_words") or {}])
    return f"(?P<{group}>\\d{{1,2}}" + (f"|{_alt(words)}" if words else "") + ")"


def _later_patterns(data: dict) -> list[str]:
    """ "two days later", "deux jours plus tard", "через два дня", "siku mbili baadaye", "the
    next day": a day counted from the date the text stated before it (`later_after`,
    `later_before`, `day_units`, `number_words`, `next_days` in dates.yaml), as one pattern
    (each extra pattern costs a pass over every date window). Any case: the phrase often
    opens a sentence."""
    units = _alt([fold(str(w)) for w in data.get("day_units") or []])
    after = _alt([fold(str(w)) for w in data.get("later_after") or []])
    before = _alt([fold(str(w)) for w in data.get("later_before") or []])
    phrases = _alt(_dotted([fold(str(w)) for w in data.get("next_days") or {}]))
    out = []
    if units and after:
        out.append(f"{_numbers(data, 'n')}\\s+(?:{units})\\s+(?:{after})")
        out.append(f"(?:{units})\\s+{_numbers(data, 'n2')}\\s+(?:{after})")  # Swahili: "siku mbili baadaye"
    if units and before:
        out.append(f"(?:{before})\\s+{_numbers(data, 'n3')}\\s+(?:{units})")
    if phrases:
        out.append(f"(?P<rel>{phrases})")
    if not out:
        return []
    return [f"(?<![\\w-]){_proclitics(data)}(?i:{'|'.join(out)})(?!\\w)"]


def _day_count_pattern(data: dict) -> str | None:
    """ "for a third day", "pour le quatrième jour consécutif", "уже третий день": the
    restriction's Nth day (`day_count` phrases, `{n}` standing for one of `ordinal_words`),
    as one pattern in any case."""
    ordinals = _alt(_dotted([fold(str(w)) for w in data.get("ordinal_words") or {}]))
    phrases = [fold(str(p)) for p in data.get("day_count") or [] if "{n}" in str(p)]
    if not ordinals or not phrases:
        return None
    alts = [
        r"\s+".join(re.escape(w) for w in before.split())
        + (r"\s+" if before.strip() else "")
        + f"(?P<nth{i}>{ordinals})"
        + (r"\s+" if after.strip() else "")
        + r"\s+".join(re.escape(w) for w in after.split())
        for i, (before, after) in enumerate(p.split("{n}", 1) for p in phrases)
    ]
    return f"(?<![\\w-]){_proclitics(data)}(?i:{'|'.join(f'(?:{a})' for a in alts)})(?!\\w)"


def _later_triggers(data: dict) -> list[str]:
    """Words every "days later" phrase holds, so the date finder looks around them."""
    words = [str(w) for w in data.get("day_units") or []] + [str(w) for w in data.get("later_before") or []]
    # the phrase's longest word: "lendemain", not "le" (a trigger on "the" would open a window
    # around every other word of an article)
    words += [max(str(w).split(), key=len) for w in data.get("next_days") or {}]
    return words + [w[:1].upper() + w[1:] for w in words]  # opening a sentence, in a case-sensitive language


ANCHOR_REACH = 600  # characters back to the date that "two days later" counts from


def _after_days(lang: _Lang, hit: _Hit, quote: str, anchor: tuple[int, date] | None, low: str) -> _Resolved | None:
    """The day "two days later" / "the next day" names, counted from the last date stated
    before it (at most ANCHOR_REACH characters back); None without such a date, or when the
    phrase takes an object ("trois jours après le vote", "dos días después de las elecciones":
    `later_not_followed_by`), since it then counts from that event, not from a stated date."""
    if anchor is None or hit.start - anchor[0] > ANCHOR_REACH:
        return None
    objects = [fold(str(w)).casefold() for w in lang.data.get("later_not_followed_by") or []]
    following = low[hit.end : hit.end + 16].lstrip()
    if any(following.startswith(w) and not following[len(w) : len(w) + 1].isalnum() for w in objects):
        return None
    g = hit.groups
    if g.get("rel"):
        wanted = _number_key(re.sub(r"\s+", " ", g["rel"]))
        table = {_number_key(fold(str(k))): int(v) for k, v in (lang.data.get("next_days") or {}).items()}
        days = table.get(wanted)
    else:
        n = g.get("n") or g.get("n2") or g.get("n3") or ""
        numbers = {_number_key(fold(str(k))): int(v) for k, v in (lang.data.get("number_words") or {}).items()}
        days = int(n) if n.isdigit() else numbers.get(_number_key(n))
    if not days:
        return None
    value = anchor[1] + timedelta(days=days)
    return _Resolved(value.isoformat(), f"'{quote}' counted from {anchor[1].isoformat()}, the date stated before it")


_COUNT_ANCHORS = ("weekday", "relative_day", "absolute", "iso", "calendar", "numeric")


def _day_count(
    lang: _Lang, doc: Doc, hits: list[_Hit], i: int, quote: str, ref: date | None, how: str, low: str
) -> _Resolved | None:
    """The first day of a restriction in its Nth day: "without internet for a third day on
    Thursday" began on Tuesday. Counted back from the day the sentence states, else from the
    article's own day; None when the sentence names neither a restriction nor what it cut
    ("protesters marched for a third day") or when the article has no date of its own."""
    hit = hits[i]
    g = hit.groups
    word = next((v for k, v in g.items() if k.startswith("nth")), "")
    table = {_number_key(fold(str(k))): int(v) for k, v in (lang.data.get("ordinal_words") or {}).items()}
    n = table.get(_number_key(word))
    s, e = quote_span(doc, hit.start, hit.end)
    if not n or not (_near(lang.roles["start"], low[s:e]) or _near(lang.roles["access"], low[s:e])):
        return None
    day, said = None, ""
    for other in hits:
        if other is not hit and s <= other.start < e and other.kind in _COUNT_ANCHORS:
            stated = _resolve(lang, other, doc.text[other.start : other.end], ref, how)
            if stated is not None and len(stated.value) == 10:
                day, said = date.fromisoformat(stated.value), f"'{doc.text[other.start : other.end]}'"
                break
    if day is None:
        if doc.published is None or ref is None:
            return None
        day, said = ref, "the article's date"
    value = day - timedelta(days=n - 1)
    return _Resolved(value.isoformat(), f"'{quote}' counted back from {said} ({day.isoformat()})")


def _triggers(lang: _Lang, folded: str, lo: int, hi: int) -> Iterable[re.Match[str]]:
    """What `lang.trigger.finditer(folded, lo, hi)` yields, its regex tried only where a
    trigger word may open (`C.opening_positions`) or a digit stands (an ISO date): a scan of
    every position of the body was a tenth of this extractor's time."""
    words = C.opening_positions(lang.trigger_words, folded)
    if words is not None:
        digits = [m.start() for m in lang.digit.finditer(folded, lo, hi)]
        positions = sorted(set(words[bisect_left(words, lo) : bisect_left(words, hi)]).union(digits))
        found = matches(lang.trigger, folded, positions, hi)
        if found is not None:
            return found
    return lang.trigger.finditer(folded, lo, hi)


def _find(lang: _Lang, folded: str, lo: int, hi: int) -> list[_Hit]:
    windows: list[list[int]] = []
    for t in _triggers(lang, folded, lo, hi):
        a, b = max(lo, t.start() - _WINDOW), min(hi, t.end() + _WINDOW)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    hits: list[_Hit] = []
    seen: set[tuple[int, int, str]] = set()
    # Patterns that cannot start inside a word are tried only where their openings stand.
    starts = [
        C.opening_positions(pattern, folded) if windows and pattern.pattern.startswith(_NOT_IN_WORD) else None
        for _, pattern in lang.patterns
    ]
    for a, b in windows:
        for (kind, pattern), positions in zip(lang.patterns, starts, strict=False):
            found = None
            if positions is not None:
                found = matches(pattern, folded, positions[bisect_left(positions, a) : bisect_left(positions, b)], b)
            for m in pattern.finditer(folded, a, b) if found is None else found:
                key = (m.start(), m.end(), kind)
                if m.end() > m.start() and key not in seen:
                    seen.add(key)
                    hits.append(
                        _Hit(m.start(), m.end(), kind, {k: v for k, v in m.groupdict().items() if v is not None})
                    )
    # Where matches overlap, a stated date beats a relative one ("on Wednesday April 17" is
    # April 17), then the longer match wins.
    priority = {
        "absolute": 0,
        "iso": 0,
        "numeric": 0,
        "range_day": 0,
        "calendar": 0,
        "calendar_month": 1,
        "month": 1,
        "relative_month": 2,
        "relative_day": 2,
        "weekend": 2,
        "weekday": 3,
        "after_days": 2,
        "day_count": 2,
    }
    hits.sort(key=lambda h: (priority[h.kind], h.start, -(h.end - h.start)))
    chosen: list[_Hit] = []
    taken_starts: list[int] = []  # the chosen hits never overlap: kept in order, only neighbours can
    taken_ends: list[int] = []  # overlap a new one (checking every chosen hit was quadratic)
    for h in hits:
        i = bisect_right(taken_starts, h.start)
        if (i and taken_ends[i - 1] > h.start) or (i < len(taken_starts) and taken_starts[i] < h.end):
            continue
        taken_starts.insert(i, h.start)
        taken_ends.insert(i, h.end)
        chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    if any("qd" in h.groups for h in chosen):
        chosen = _year_less_kept(lang, folded, chosen)
    # "On Monday (January 18)": the weekday only restates the date that follows it.
    return [
        h
        for i, h in enumerate(chosen)
        if not (
            h.kind == "weekday"
            and i + 1 < len(chosen)
            and chosen[i + 1].kind in ("absolute", "calendar", "numeric")
            and re.fullmatch(r"[\s,(]*", folded[h.end : chosen[i + 1].start])
        )
    ]


@cache
def _time_words_re(code: str) -> re.Pattern[str] | None:
    """The words after which digits are a time of day (`numeric_dates.time_words`), as a
    pattern that ends where the numbers begin."""
    words = [
        fold(str(w)).casefold()
        for w in ((topic(code, "dates") or {}).get("numeric_dates") or {}).get("time_words") or []
    ]
    return re.compile(rf"(?<!\w)(?:{_alt(words)})\s*$") if words else None


def _after_time_word(lang: _Lang, folded: str, at: int) -> bool:
    pattern = _time_words_re(lang.data.get("_code", ""))
    return pattern is not None and pattern.search(folded[max(0, at - 20) : at].casefold()) is not None


def _year_less_kept(lang: _Lang, folded: str, hits: list[_Hit]) -> list[_Hit]:
    """The hits without the year-less "12.03." that are no date: after a time word ("saat
    10.05."), or closing a sentence ("... 10.05. Then") unless they end a range that another
    year-less date opens ("с 12.03. по 15.03. Затем")."""
    out: list[_Hit] = []
    for h in hits:
        if "qd" in h.groups:
            if _after_time_word(lang, folded, h.start):
                continue
            prev = out[-1] if out else None
            closes_range = (
                prev is not None
                and "qd" in prev.groups
                and lang.range_re.fullmatch(folded[prev.end : h.start].casefold()) is not None
            )
            if "qnext" not in h.groups and not closes_range:
                continue
        out.append(h)
    return out


def _key(lang: _Lang, word: str) -> str:
    word = re.sub(r"\s+", " ", word.rstrip("."))
    return word if lang.data["_case_sensitive"] else word.casefold()


def _guess_year(month: int, day: int, ref: date) -> int:
    """The year that puts a year-less date nearest the reference, preferring the past."""
    best, best_cost = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        delta = (d - ref).days
        cost = -delta if delta <= 0 else delta * 3  # news reports past events
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def _to_gregorian(calendar_name: str, year: int, month: int, day: int) -> date | None:
    """A Solar Hijri (jdatetime), Bikram Sambat (nepali-datetime) or Ethiopian (convertdate)
    date as a Gregorian one; None for a day that calendar does not have or when its library
    is not installed."""
    try:
        if calendar_name == "persian":
            import jdatetime  # noqa: PLC0415 - loaded only when an article states such a date

            return jdatetime.date(year, month, day).togregorian()
        if calendar_name == "nepali":
            import nepali_datetime  # noqa: PLC0415

            return nepali_datetime.date(year, month, day).to_datetime_date()
        if calendar_name == "ethiopian":
            return _ethiopian_to_gregorian(year, month, day)
    except (ImportError, ValueError, KeyError, IndexError, OverflowError):
        return None
    return None


# The Ethiopian calendar is the Coptic one (twelve months of 30 days, then Pagume of 5, or 6
# in the year before a Gregorian leap year) counted from the Incarnation era: its year is the
# Coptic (Martyrs' era) year plus 276, a whole number of four-year cycles, so leap years agree.
ETHIOPIAN_TO_COPTIC_YEARS = 276


def _ethiopian_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of an Ethiopian one ("ሰኔ 2 ቀን 2017 ዓ.ም." is 2025-06-09), through
    convertdate's Coptic calendar; None for a day the Ethiopian calendar does not have."""
    from convertdate import coptic  # noqa: PLC0415 - loaded only when an article states such a date

    coptic_year = year - ETHIOPIAN_TO_COPTIC_YEARS
    if not 1 <= month <= 13 or not 1 <= day <= coptic.month_length(coptic_year, month):
        return None
    return date(*coptic.to_gregorian(coptic_year, month, day))


# Gregorian year minus the calendar's, for a day in the first half of the Gregorian year:
# Solar Hijri years start in March (622 years behind, 621 after Nowruz), Bikram Sambat in
# April (57 ahead), Ethiopian years in September (8 behind before it, 7 after).
CALENDAR_YEAR_BASE = {"persian": -621, "nepali": 57, "ethiopian": -8}


def _calendar_year(calendar_name: str, month: int, day: int, ref: date) -> int | None:
    """The year, in that calendar, that puts a year-less date nearest before the reference."""
    best, best_cost = None, None
    for offset in (-1, 0, 1):
        base = ref.year + CALENDAR_YEAR_BASE.get(calendar_name, 0)
        got = _to_gregorian(calendar_name, base + offset, month, day)
        if got is None:
            continue
        delta = (got - ref).days
        cost = -delta if delta <= 0 else delta * 3
        if best_cost is None or cost < best_cost:
            best, best_cost = base + offset, cost
    return best


def _resolve_calendar(lang: _Lang, hit: _Hit, quote: str, ref: date | None, how: str) -> _Resolved | None:
    g = hit.groups
    key = _key(lang, g["month"])
    found = lang.calendar_months.get(key)
    if found is None:  # "خردادماه": the name with a suffix joined on
        names = [n for n in lang.calendar_months if key.startswith(n)]
        if not names:
            return None
        found = lang.calendar_months[max(names, key=len)]
    cal, month = found
    if hit.kind == "calendar_month":
        first = _to_gregorian(cal, int(g["year"]), month, 1)
        last = _to_gregorian(cal, int(g["year"]), month, 29)
        if first is None or last is None:
            return None
        middle = first + (last - first) / 2  # a Solar Hijri month straddles two Gregorian ones
        return _Resolved(f"{middle.year:04d}-{middle.month:02d}", f"'{quote}' ({cal} calendar month, month precision)")
    day = int(g["day"])
    if g.get("year"):
        year, note = int(g["year"]), f"'{quote}' converted from the {cal} calendar"
    elif ref is not None:
        guessed = _calendar_year(cal, month, day, ref)
        if guessed is None:
            return None
        year, note = guessed, f"'{quote}' converted from the {cal} calendar, year taken from {how}"
    else:
        return None
    got = _to_gregorian(cal, year, month, day)
    return _Resolved(got.isoformat(), note) if got is not None else None


NUMERIC_NEAR = 30  # days: the reading of an ambiguous "3/4/2025" this near the article's date is the one meant
NUMERIC_AHEAD = 366  # days: a numeric "date" further after the article's date than this is no date
NUMERIC_YEARS = (1990, 2100)  # Gregorian years a numeric date may have (news about the internet age)
# Years of each calendar that a numeric date in it has: Solar Hijri 1369-1478 and Bikram Sambat
# 2047-2156 match NUMERIC_YEARS; a Nepali year below 2050 is read as Gregorian (they overlap).
CALENDAR_YEARS = {"persian": (1300, 1500), "nepali": (2050, 2157)}


def _numeric_day(cal: str | None, year: int, month: int, day: int) -> date | None:
    """The Gregorian day of year/month/day in `cal` (None: Gregorian), if there is one."""
    if cal is not None:
        return _to_gregorian(cal, year, month, day)
    if not NUMERIC_YEARS[0] <= year < NUMERIC_YEARS[1]:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_numeric(lang: _Lang, hit: _Hit, quote: str, ref: date | None, how: str) -> _Resolved | None:
    """ "05.05.2025", "5/14/2025", "2025/05/05", "۱۴۰۳/۰۸/۱۵", "12.03.": the day it means, by the
    language's `numeric_dates` (order, calendar) and plausibility: a month is at most 12, day
    and month swap only when the language's order is impossible, an ambiguous one is read as
    the language says (`ambiguous`), and a day a year past the article's date is no date."""
    g = hit.groups
    spec = lang.data.get("numeric_dates") or {}
    cal_name = spec.get("calendar")
    if g.get("qd"):  # "12.03.": day and month, the year the one that puts it nearest the article
        if ref is None:
            return None
        month, day = int(g["qm"]), int(g["qd"])
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        year = _guess_year(month, day, ref)
        got = _numeric_day(None, year, month, day)
        return _Resolved(got.isoformat(), f"year of '{quote}' taken from {how}") if got else None
    if g.get("ny"):
        year, readings = int(g["ny"]), [(int(g["nm"]), int(g["nd"]))]
    elif g.get("syl"):  # "03/05/25": this century's year
        year, a, b = 2000 + int(g["syl"]), int(g["sa"]), int(g["sb"])
        first = (b, a) if spec.get("order", "dmy") == "dmy" else (a, b)
        readings = [first] if a == b else [first, (first[1], first[0])]
    else:
        year, a, b = int(g["nyl"]), int(g["na"]), int(g["nb"])
        first = (b, a) if spec.get("order", "dmy") == "dmy" else (a, b)
        readings = [first] if a == b else [first, (first[1], first[0])]
    cal = cal_name if cal_name and CALENDAR_YEARS[cal_name][0] <= year < CALENDAR_YEARS[cal_name][1] else None
    days = []
    for month, day in readings:
        got = _numeric_day(cal, year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
        if got is not None and (ref is None or (got - ref).days <= NUMERIC_AHEAD):
            days.append(got)
    if not days:
        return None
    chosen = days[0]
    if len(days) == 2 and spec.get("ambiguous") == "nearest":
        # news reports past events: a day after the article's date counts three times as far
        near = [d for d in days if ref is not None and max((ref - d).days, (d - ref).days * 3) <= NUMERIC_NEAR]
        if len(near) != 1:
            return None  # "3/4/2025" in English: March 4 or 3 April, and the article's date does not tell
        chosen = near[0]
    note = f"'{quote}' converted from the {cal} calendar" if cal else None
    if len(days) == 2 and spec.get("ambiguous") == "nearest":
        note = f"'{quote}' read as {chosen.isoformat()}, the reading near {how}"
    return _Resolved(chosen.isoformat(), note)


def _resolve(lang: _Lang, hit: _Hit, quote: str, ref: date | None, how: str) -> _Resolved | None:
    g = hit.groups
    if hit.kind == "numeric":
        return _resolve_numeric(lang, hit, quote, ref, how)
    if hit.kind in ("calendar", "calendar_month"):
        return _resolve_calendar(lang, hit, quote, ref, how)
    if hit.kind == "range_day" and "month" not in g:
        return None
    if hit.kind in ("absolute", "iso", "range_day"):
        month = int(g["month"]) if hit.kind == "iso" else lang.months.get(_key(lang, g["month"]))
        if month is None:
            return None
        day = int(g["day"])
        if g.get("year"):
            year = int(g["year"])
            note = f"year of '{quote}' taken from {g['year_from']}" if g.get("year_from") else None
        elif ref is not None:
            year = _guess_year(month, day, ref)
            note = f"year of '{quote}' taken from {how}"
        else:
            return None
        try:
            return _Resolved(date(year, month, day).isoformat(), note)
        except ValueError:
            return None
    if hit.kind == "month":
        month = lang.months.get(_key(lang, g["month"]))
        if month is None:
            return None
        part = g.get("part")
        part_note = ""
        if part:
            key = lang.data["_part_words"].get(_key(lang, part).strip(), "")
            part_note = f" ({_PART_NAMES.get(key, key)}: month precision)"
        if g.get("year"):
            why = f" (year taken from {g['year_from']})" if g.get("year_from") else ""
            return _Resolved(f"{int(g['year']):04d}-{month:02d}", f"'{quote}'{part_note}{why}" if part or why else None)
        if ref is None:
            return None
        year = _guess_year(month, 15, ref)
        return _Resolved(f"{year:04d}-{month:02d}", f"'{quote}'{part_note} resolved against {how}")
    if ref is None:
        return None
    if hit.kind == "weekday":
        wd = lang.weekdays.get(_key(lang, g["wd"]))
        if wd is None:
            return None
        if g.get("dom") and g.get("dmon"):  # "Sabtu (30/8)": day and month are given
            day, month = int(g["dom"]), int(g["dmon"])
            if (lang.data.get("numeric_dates") or {}).get("order") == "mdy":
                day, month = month, day
            if not 1 <= month <= 12:
                return None
            if g.get("dyear"):
                year = int(g["dyear"]) + (2000 if len(g["dyear"]) == 2 else 0)
            else:
                year = _guess_year(month, day, ref)
            try:
                return _Resolved(date(year, month, day).isoformat(), f"'{quote}' resolved against {how}")
            except ValueError:
                return None
        if g.get("dom"):  # "quarta-feira (28)": the day of the month is given
            day = int(g["dom"])
            year, month = ref.year, ref.month
            if day > ref.day + 1:
                year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            try:
                return _Resolved(date(year, month, day).isoformat(), f"'{quote}' resolved against {how}")
            except ValueError:
                return None
        mode = _weekday_mode(lang, g)
        delta = (ref.weekday() - wd) % 7
        if mode == "future":
            return None  # a plan, not an event
        if mode == "past_strict" and delta == 0:
            delta = 7
        d = ref - timedelta(days=delta)
        return _Resolved(d.isoformat(), f"'{quote}' resolved against {how}")
    if hit.kind == "weekend":
        # "restored at the weekend", "ce week-end", "hafta sonu": the weekend before the
        # article's day (on a Saturday or Sunday, this one); its Saturday stands for it.
        d = ref - timedelta(days=(ref.weekday() - 5) % 7)
        return _Resolved(d.isoformat(), f"'{quote}': the weekend of {d.isoformat()} (its Saturday), from {how}")
    if hit.kind == "relative_day":
        offset = (lang.data.get("relative_days") or {}).get(_rel_key(lang, "relative_days", g["rel"]))
        if offset is None:
            return None
        d = ref + timedelta(days=int(offset))
        return _Resolved(d.isoformat(), f"'{quote}' resolved against {how}")
    if hit.kind == "relative_month":
        offset = (lang.data.get("relative_months") or {}).get(_rel_key(lang, "relative_months", g["rel"]))
        if offset is None:
            return None
        total = ref.year * 12 + ref.month - 1 + int(offset)
        return _Resolved(f"{total // 12:04d}-{total % 12 + 1:02d}", f"'{quote}' resolved against {how}")
    return None


@cache
def _between_res(code: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(opener before the first date, joiner between the two) of "between 3 June and 7 June",
    "entre el 3 de junio y el 7 de junio" (`range_between` in dates.yaml)."""
    table = (topic(code, "dates") or {}).get("range_between") or {}
    if not table:
        return None
    openers = _alt([fold(str(k)).casefold() for k in table])
    joiners = _alt([fold(str(w)).casefold() for ws in table.values() for w in ws or []])
    articles = _alt([fold(str(w)).casefold() for w in (topic(code, "dates") or {}).get("range_articles") or []])
    article = f"(?:(?:{articles})\\s+)?" if articles else ""
    return (
        re.compile(f"(?<!\\w)(?:{openers})\\s+{article}$"),
        re.compile(f"\\s+(?:{joiners})\\s+{article}"),
    )


def _between(lang: _Lang, low: str, a: _Hit, b: _Hit) -> bool:
    """Whether hits a and b are the two ends of "between a and b"."""
    stated = ("absolute", "iso", "calendar", "numeric")
    if a.kind not in stated or b.kind not in stated:
        return False
    found = _between_res(lang.data.get("_code", ""))
    if found is None:
        return False
    opener, joiner = found
    return (
        joiner.fullmatch(low, a.end, b.start) is not None
        and opener.search(low[max(0, a.start - 20) : a.start]) is not None
    )


def _coming(lang: _Lang, hit: _Hit, low: str, s: int, e: int, ref: date, resolved: _Resolved) -> _Resolved:
    """A weekday that opens or closes a plan names the coming one: "would be blocked from
    Friday" said on Monday, "serait bloqué à partir de vendredi", "será suspendido a partir
    del viernes". Read so when a start or end word stands right before the weekday and a
    future word in the clause before it ("has been blocked since Friday and will..." keeps
    the past Friday: its future word comes after). In a verb-final language the start word
    may follow the weekday and the future verb close the clause after it ("शुक्रवार से
    ... बंद रहेगा", "از روز جمعه ... قطع خواهد شد")."""
    r = lang.roles
    if hit.groups.get("dom") or _weekday_mode(lang, hit.groups) != "past":
        return resolved
    # (with the word the weekday pattern took before it: Russian "с пятницы")
    before = len(hit.groups.get("before") or "")
    close = low[max(s, hit.start - 24) : hit.start + before] + " "
    opens = _near(r["start_strong"], close) or _near(r["end_strong"], close)
    if not (
        opens
        or _postposition(r["start_strong_after"], low, hit.end, e)
        or _postposition(r["end_strong_after"], low, hit.end, e)
    ):
        return resolved
    planned = _near(r["future"], _clause_before(low, max(s, hit.start - 80), hit.start))
    if not planned and lang.data["_verb_final"]:
        after = low[hit.end : min(e, hit.end + VERB_FINAL_REACH)]
        mark = _CLAUSE_MARK.search(after)
        clause = after[: mark.start()] if mark else after
        planned = _near(r["future"], clause) or _future_verb(lang, clause)
    if not planned:
        return resolved
    wd = lang.weekdays.get(_key(lang, hit.groups["wd"]))
    if wd is None:
        return resolved
    ahead = (wd - ref.weekday()) % 7 or 7
    day = ref + timedelta(days=ahead)
    return _Resolved(day.isoformat(), f"'{hit.groups['wd']}' in a plan: the coming one after {ref.isoformat()}")


@cache
def _future_suffix_re(code: str) -> re.Pattern[str] | None:
    """A verb in the future tense by its ending (`future_suffixes`): Turkish "kapatılacak",
    "engellenecektir", "kapatılacağını"."""
    endings = [fold(str(w)).casefold() for w in (topic(code, "dates") or {}).get("future_suffixes") or []]
    return re.compile(rf"\w\w(?:{_alt(endings)})\w*") if endings else None


def _future_verb(lang: _Lang, text: str) -> list[int]:
    """Offsets of future-tense verbs (by their ending) in folded, case-folded `text`."""
    pattern = _future_suffix_re(lang.data.get("_code", ""))
    return [m.start() for m in pattern.finditer(text)] if pattern is not None else []


def _rel_key(lang: _Lang, table: str, found: str) -> str:
    wanted = re.sub(r"\s+", " ", found).casefold()
    for key in lang.data.get(table) or {}:
        if fold(key).casefold() == wanted:
            return key
    return found


def _weekday_mode(lang: _Lang, g: dict) -> str:
    for slot, table in (("before", "weekday_before"), ("after", "weekday_after")):
        word = g.get(slot)
        if word:
            wanted = re.sub(r"\s+", " ", word).casefold()
            for key, mode in (lang.data.get(table) or {}).items():
                if fold(key).casefold() == wanted:
                    if mode != "past":
                        return str(mode)
    return "past"


def _near(pattern: re.Pattern[str] | None, text: str) -> list[int]:
    """Start offsets of cue words in `text` (already folded and case-folded)."""
    if pattern is None:
        return []
    return [m.start() for m in pattern.finditer(text)]


# Between a date and its postposition: a time in brackets ("18 मार्च (12:00 बजे) से") or a
# case suffix after an apostrophe ("5 Mayıs'tan itibaren").
_AFTER_SKIP = re.compile(r"(?:\s*\([^()\n]{0,25}\)|'\w{1,5})?\s*")
# Verb lists that place a date on the timeline, and the event each one names.
_VERB_EVENTS = (
    ("start", "effect"),
    ("order", "order"),
    ("end", "restoration"),
    ("lift", "lifting"),
    ("revoke", "revocation"),
)


ACTED = 20  # characters after a date where the verb of an event word before it may stand


def _acted_on(r: dict[str, re.Pattern[str] | None], low: str, pos: int, e: int) -> bool:
    """Whether an order, revocation or lifting verb follows the date closely in its clause:
    in "the court on 10 November ordered the block", "суд в понедельник отменил решение"
    the event word before the date is the one who acted, and the date is that act's."""
    window = low[pos : min(e, pos + ACTED)]
    mark = _CLAUSE_MARK.search(window)
    window = window[: mark.start()] if mark else window
    return any(_near(r[key], window) for key in ("order", "revoke", "lift"))


def _acts_between(r: dict[str, re.Pattern[str] | None], text: str) -> bool:
    """Whether a step verb stands between an event word (opening `text`) and the date that
    ends it: in "o bloqueio foi determinado pelo Tribunal e começou na terça-feira (3)" the
    date is when the block began, not the court's."""
    gap = re.search(r"\s", text)
    rest = text[gap.end() :] if gap else ""
    return any(_near(r[key], rest) for key in ("start", "order", "revoke", "lift", "end"))


def _clause_before(low: str, lo: int, hi: int) -> str:
    """low[lo:hi] from the last clause mark in it: the clause that ends at `hi`."""
    cut = lo
    for m in _CLAUSE_MARK.finditer(low, lo, hi):
        cut = m.end()
    return low[cut:hi]


def _postposition(pattern: re.Pattern[str] | None, low: str, pos: int, end: int) -> bool:
    """Whether a word of `pattern` follows the date at `pos` (past a bracketed time or suffix)."""
    if pattern is None:
        return False
    skip = _AFTER_SKIP.match(low, pos, end)
    return pattern.match(low, skip.end() if skip else pos, end) is not None


def _role(lang: _Lang, low: str, folded: str, s: int, e: int, hit: _Hit) -> tuple[str, float, str, str | None]:
    """(field, weight, cue, timeline event) for a date, from the words around it in its sentence.

    `low` is the folded, case-folded text; s..e is the sentence. The event is one of
    `EVENT_FIELD` (effect, order, restoration, lifting, revocation...) or None for a date
    that is no step of the restriction (an election, a dateline, a speech).
    """
    r = lang.roles
    before = low[max(s, hit.start - 40) : hit.start]
    after = low[hit.end : min(e, hit.end + 25)]
    # (with the word the weekday pattern took in: "Da domenica", "с пятницы")
    close_before = before[-24:] + low[hit.start : hit.start + len(hit.groups.get("before") or "")] + " "

    label = hit.groups.get("label")
    if label is not None:  # "End: 14 August 2021" in a tracker's table
        if _near(r["line_end"], label.casefold()):
            return END, 1.0, "label", "restoration"
        return START, 1.0, "label", "effect"
    # An event named right next to the date owns it: "elections on February 8", "Feb. 8 polls".
    # In a verb-final language a restriction or return verb right after the date governs it
    # instead: "امتحانات میں نقل روکنے کے لیے 10 مارچ کو ... معطل", "sınavın ardından 13
    # Mart'ta yeniden açıldı" (the exam only frames the sentence).
    event_before = before[-32:]
    governed = bool(lang.data["_verb_final"]) and any(
        p <= VERB_FINAL_REACH for key in ("start", "end", "lift", "revoke") for p in _near(r[key], low[hit.end : e])
    )
    events = _near(r["other_events"], event_before)
    if (
        events
        and not governed
        and not _acted_on(r, low, hit.end, e)
        and not _acts_between(r, event_before[events[-1] :])
    ):
        if (
            _postposition(r["order_after"], low, hit.end, e)
            and _near(r["start"], low[s:e])
            and not any(_near(r[key], low[hit.end : e]) for key in ("end", "lift", "revoke"))
        ):
            # "Mahkemesi'nin 5 Mayıs 2008 tarihli kararıyla ... erişim yasağı": a court's
            # decision dated this day, in a sentence about the restriction, is its order.
            return START, 0.7, "verb", "order"
        return OTHER, 0.0, "event", None
    if (
        [p for p in _near(r["other_events"], after) if p <= 12 and not _CLAUSE_MARK.search(after, 0, p)]
        and not (_near(r["start"], before) or _near(r["end"], before))
        and not governed
    ):
        # ("disrupted across Kenya on Tuesday as protesters stormed parliament": the verb
        # before the date owns it; "Feb. 8 polls" with no such verb is the event's date.)
        return OTHER, 0.0, "event", None
    if _dateline(folded, hit):
        return OTHER, 0.0, "dateline", None  # "NAIROBI, Feb 10 (Reuters) -": the article's own date
    # Postpositions (hi, ur, tr, fa): "18 मार्च से" (from), "19 मार्च तक" (until).
    if _postposition(r["end_strong_after"], low, hit.end, e):
        return END, 1.0, "end", "restoration"
    if _postposition(r["start_strong_after"], low, hit.end, e):
        sentence = low[s:e]
        if _near(r["end"], sentence) and not _near(r["start"], sentence):
            return END, 1.0, "end", "restoration"  # "restored from Monday"
        return START, 1.0, "start", "effect"
    # "said Thursday", "a dit jeudi", "announced on Wednesday": the day someone spoke, which
    # is at best a weak hint for when the restriction began.
    statement = bool(_near(r["statement"], before[-20:]))
    if not statement and [p for p in _near(r["statement"], after) if p <= 6]:
        # "restored on 10 January, the ministry said": a restriction or restoration verb
        # right before the date governs it; the speech verb after it is only the attribution.
        # (Anywhere in the clause before the date: "заблокировали мессенджер «Свиток» 3
        # сентября, сообщил регулятор" puts the app's name between the verb and the date.)
        clause = _clause_before(low, max(s, hit.start - 80), hit.start)
        verb_before = any(_near(r[key], clause) for key, _ in _VERB_EVENTS)
        statement = not verb_before
    if statement and not _near(r["start_strong"], close_before) and not _near(r["end_strong"], close_before):
        sentence = low[s:e]
        ends = sorted(
            (p, ev)
            for key, ev in (("lift", "lifting"), ("revoke", "revocation"), ("end", "restoration"))
            for p in _near(r[key], low[hit.end : e])
        )
        if ends and ends[0][0] <= 60 and not _near(r["start"], low[hit.end : hit.end + ends[0][0]]):
            # "said Saturday that it was lifting the ban", "announced on Monday that access had
            # been restored": the return is what was said that day.
            return END, 0.6, "statement", ends[0][1]
        if _near(r["start"], sentence) or _near(r["order"], sentence):
            return START, 0.3, "statement", "announcement"
        return OTHER, 0.0, "statement", "announcement"
    if _near(r["end_strong"], close_before):
        return END, 1.0, "end", "restoration"
    if _near(r["start_strong"], close_before):
        # "has lifted its ban ... as of Wednesday": the state that begins is the end of it.
        # ("lifted the ban imposed since Sunday": "imposed" right before the date owns it.)
        ended = [(key, ev) for key, ev in _VERB_EVENTS[2:] if _near(r[key], low[s : hit.start])]
        if ended and not _near(r["start"], close_before):
            return END, 1.0, "end", ended[0][1]
        return START, 1.0, "start", "effect"
    # Otherwise the restriction or restoration verb that governs the date: the nearest one
    # before it in the sentence ("restored ... this afternoon, ending a blackout that began"),
    # else the nearest one after it ("On Aug. 30, De Moraes removed X").
    before_cues: list[tuple[int, str, int]] = []
    after_cues: list[tuple[int, str, int]] = []
    ending: list[tuple[int, str]] = []
    # Where matches of two lists overlap, the longer phrase names the step: "suspendió el
    # bloqueo" (a revocation) over "suspend" and "bloqueo" (a restriction) inside it.
    found = sorted(
        (
            (m.start(), m.end(), event)
            for key, event in _VERB_EVENTS
            if r[key] is not None
            for m in (r[key] or _NEVER).finditer(low, s, e)
        ),
        key=lambda x: (x[0] - x[1], x[0]),
    )
    kept: list[tuple[int, int, str]] = []
    lasted = [(m.start(), m.end()) for m in _duration_spans(lang, low, s, e)]
    for a, b, event in found:
        if any(0 <= a - de <= DURATION_OF for _, de in lasted):
            continue  # "after three days of blackout": how long it lasted, not what the date did
        if all(b <= ka or a >= kb for ka, kb, _ in kept):
            kept.append((a, b, event))
    kept = _absorbed(kept, low)
    for pos, _, event in sorted((a - s, b, ev) for a, b, ev in kept):
        if EVENT_FIELD[event] == END:
            ending.append((s + pos, event))
        if s + pos < hit.start:
            before_cues.append((hit.start - (s + pos), event, s + pos))
        elif s + pos >= hit.end:
            after_cues.append((s + pos - hit.end, event, s + pos))
    best = min(before_cues) if before_cues else None
    if best is None or (best[0] > 80 and after_cues and min(after_cues)[0] < best[0]):
        best = min(after_cues) if after_cues else best
    elif lang.data["_verb_final"] and after_cues and min(after_cues)[0] <= VERB_FINAL_REACH:
        # Verb-final languages (tr, fa, hi, ur, ne): the verb after the date says what the
        # date did; a noun before it names the restriction ("Erişim engeli 10 Mart'ta
        # kaldırıldı": the block was lifted on 10 March).
        best = min(after_cues)
    if best is None:
        return OTHER, 0.0, "none", None
    dist, event, where = best
    if event == "order":
        # "ordered the restoration of mobile internet", "a ordonné la levée": what was ordered
        # is the return, so the date is that step's.
        ordered = [ev for pos, ev in ending if where < pos <= where + ORDERED_OBJECT]
        if ordered:
            event = ordered[0]
    if EVENT_FIELD[event] == END and _returned_other(r, low, where, s, e):
        return OTHER, 0.0, "another service returned", None
    if event == "effect" and dist <= 80 and _near(r["in_force"], low[s:e]):
        # "the block took effect on 7 March", "yürürlüğe girdi": the sentence says this is
        # when it began, which outweighs a date where it was only announced or ordered.
        return START, 1.0, "verb", "effect"
    return EVENT_FIELD[event], (0.7 if dist <= 80 else 0.45), "verb", event


def _dateline(folded: str, hit: _Hit) -> bool:
    """Whether the date opens the article as its dateline: "NAIROBI, Feb 10 (Reuters) -"."""
    begins = line_start_of(folded, hit.start)  # a dateline is short: a long line is no dateline
    line_start = folded[begins : hit.start] if hit.start - begins <= 200 else "-"
    return bool(_DATELINE.fullmatch(line_start) or (not line_start.strip() and _DATELINE_AFTER.match(folded, hit.end)))


DATELINE_LINES = 400  # characters from the body's start where a dateline may stand
DATELINE_REF = "its dateline's day"  # how a reference date taken from the dateline is described


def dateline_day(doc: Doc, ref: date) -> date | None:
    """The day an undated article's dateline states ("DAKALO, 3 mars (AFP) -"), its year the
    one nearest `ref` (the other sources' date): the day its "on Monday" means."""
    lang = _lang(doc.language)
    if lang is None:
        return None
    lo, hi = doc.body
    folded = native_digits(fold(doc.text))
    for hit in _find(lang, folded, lo, min(hi, lo + DATELINE_LINES)):
        if hit.kind in ("absolute", "numeric", "iso") and _dateline(folded, hit):
            resolved = _resolve(lang, hit, "", ref, "")
            if resolved is not None and len(resolved.value) == 10:
                return date.fromisoformat(resolved.value)
    return None


OTHER_RETURN_NEAR = 30  # characters around a return verb where what came back is named


def _returned_other(r: dict[str, re.Pattern[str] | None], low: str, where: int, s: int, e: int) -> bool:
    """Whether the return verb at `where` speaks of something else coming back
    (`other_returns`: "electricity was restored", "calm returned", "rétablir l'ordre"), with
    no word for access or the network (`access`) beside it ("internet and power were restored")."""
    lo, hi = max(s, where - OTHER_RETURN_NEAR), min(e, where + OTHER_RETURN_NEAR + 12)
    window = low[lo:hi]
    return bool(_near(r["other_returns"], window)) and not _near(r["access"], window)


ABSORB = 20  # characters between a restriction noun and the ending verb that takes it


def _absorbed(cues: list[tuple[int, int, str]], low: str) -> list[tuple[int, int, str]]:
    """Cues without the restriction words that an ending verb takes as subject or object:
    in "the ban was lifted", "lifted the ban", "erişim engeli kaldırıldı" the step is the
    lifting, and "ban" must not make the date a start because it stands nearer to it; so is
    the order in "revoked the order to block X on Thursday"."""
    ends = [(a, b) for a, b, ev in cues if EVENT_FIELD[ev] == END]
    if not ends:
        return cues
    out = []
    for a, b, ev in cues:
        if ev in ("effect", "order") and any(
            (0 <= ea - b <= ABSORB and not _CLAUSE_MARK.search(low, b, ea))
            or (0 <= a - eb <= ABSORB and not _CLAUSE_MARK.search(low, eb, a))
            for ea, eb in ends
        ):
            continue
        out.append((a, b, ev))
    return out


_CLAUSE_MARK = re.compile(r"[,;:.!?\u060c\u061b]")


@cache
def _named_day_res(code: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(after, before) patterns for a weekday that is part of a feast's name."""
    data = topic(code, "dates") or {}
    joiners = [str(w) for w in data.get("named_day_joiners") or []]
    words = [str(w) for w in data.get("named_day_words") or []]
    after = re.compile(r"\s+(?:" + "|".join(map(re.escape, joiners)) + r")\s+[A-ZÀ-Þ]") if joiners else None
    before = re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\s+$") if words else None
    return after, before


def _named_day(code: str, text: str, hit: _Hit) -> bool:
    after, before = _named_day_res(code)
    if after is not None and after.match(text, hit.end):
        return True
    return before is not None and before.search(text[max(0, hit.start - 20) : hit.start]) is not None


# A year written out in digits (the internet age): the year a sentence speaks of.
_YEAR = re.compile(r"(?<![\d/.,:-])(?:19[89]\d|20\d\d)(?![\d/-]|[.,:]\d)")
_YEARLESS = ("absolute", "range_day", "month")
_FULL = ("absolute", "iso", "numeric")


def _years_from_context(doc: Doc, folded: str, hits: list[_Hit], ref: date, lang: _Lang) -> None:
    """Give year-less dates the year the text is speaking of there (docs/timeline.md, "Years
    from context"): a background paragraph about an earlier shutdown ("In June 2023 ... cut
    from 3 to 9 June", "वर्ष 2023 में ... 5 मई से", "Già nel 2021 ... dal 2 al 5 marzo")
    states its year once, and the dates after it in that sentence are that year's, not the
    article's. A retrospective that opens on a full date ("A year ago, on 8 April 2025 ...
    The block was lifted on 30 May") goes on in that year: a year-less day later in the
    paragraph that the article's own year would put after its publication takes the year of
    that full date (or the next one, for a day before it in the calendar)."""
    anchor: tuple[int, date] | None = None  # the last full date stated, and where
    opening = True  # whether the anchor is the article's first full date (a retrospective's frame)
    for hit in hits:
        g = hit.groups
        if hit.kind in _FULL and (g.get("year") or g.get("ny") or g.get("nyl") or g.get("syl")):
            resolved = _resolve(lang, hit, "", ref, "")
            if resolved is not None and len(resolved.value) == 10:
                opening = anchor is None
                anchor = (hit.start, date.fromisoformat(resolved.value))
            continue
        if hit.kind not in _YEARLESS or g.get("year") or "month" not in g:
            continue
        month = lang.months.get(_key(lang, g["month"]))
        if month is None:
            continue
        s, _ = quote_span(doc, hit.start, hit.end)
        years = [int(m.group()) for m in _YEAR.finditer(folded, s, hit.start) if int(m.group()) <= ref.year]
        if years and years[-1] != ref.year:
            g["year"], g["year_from"] = str(years[-1]), f"the year its sentence states ({years[-1]})"
            continue
        if anchor is None or hit.kind == "month" or ("\n" in folded[anchor[0] : hit.start] and not opening):
            # a later paragraph keeps the year of the article's first full date only: a
            # retrospective ("A year ago ... on 25 October 2024") goes on in that year
            continue
        day = int(g.get("day") or 1)
        try:
            guessed = date(_guess_year(month, day, ref), month, day)
            year = anchor[1].year
            if date(year, month, day) < anchor[1]:
                year += 1
            told = date(year, month, day)
        except ValueError:
            continue
        if guessed > ref and told <= ref and told != guessed:
            g["year"] = str(year)
            g["year_from"] = f"the full date before it in its paragraph ({anchor[1].isoformat()})"


def extract(doc: Doc) -> Iterator[Mention]:
    lang = _lang(doc.language)
    if lang is None:
        return
    lo, hi = doc.body
    folded = native_digits(fold_text(doc.text))
    low = folded.casefold() if len(folded.casefold()) == len(folded) else folded.lower()
    if len(low) != len(folded):  # casefold can change length (ß -> ss): fall back to per-char lower
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    ref, how = reference_date(doc)
    hits = _find(lang, folded, lo, hi)
    # "du 11 juin au 15 juin 2023": the first date of a range takes the year of the second.
    for a, b in zip(hits, hits[1:], strict=False):
        if a.kind == "range_day" and b.kind == "absolute" and lang.range_re.fullmatch(low[a.end : b.start]):
            a.groups["month"] = b.groups["month"]
            if b.groups.get("year"):
                a.groups["year"] = b.groups["year"]
        elif (
            a.kind == "absolute"
            and not a.groups.get("year")
            and b.groups.get("year")
            and lang.range_re.fullmatch(low[a.end : b.start])
        ):
            a.groups["year"] = b.groups["year"]
    if ref is not None:
        _years_from_context(doc, folded, hits, ref, lang)
    future = lang.roles["future"]
    partial = lang.roles["partial"]
    extend = lang.roles["extend"]
    # "the order never took effect": the source says the restriction was not carried out, so
    # its order and revocation dates bound the incident (extraction/timeline.py).
    not_effective = _in_body(lang.never, folded, lo, hi)
    workaround = _workaround_cues(doc.language)
    anchor: tuple[int, date] | None = None  # the last day the text stated: "two days later" counts from it
    # "for a third day on Thursday": the day each count was counted from, and its sentence
    counted = {
        i: found
        for i, h in enumerate(hits)
        if h.kind == "day_count"
        and (found := _day_count(lang, doc, hits, i, re.sub(r"\s+", " ", doc.text[h.start : h.end]), ref, how, low))
    }
    counts = [quote_span(doc, hits[i].start, hits[i].end) for i in counted]
    for i, hit in enumerate(hits):
        if in_related_line(doc, hit.start):
            continue  # "Also read: ..." names another story
        if hit.kind == "weekday" and _named_day(doc.language, doc.text, hit):
            continue  # "domingo de Páscoa", "Easter Sunday": a feast, not last Sunday
        quote = doc.text[hit.start : hit.end]
        if hit.kind == "after_days":
            resolved = _after_days(lang, hit, re.sub(r"\s+", " ", quote.strip()), anchor, low)
        elif hit.kind == "day_count":
            resolved = counted.get(i)
        elif counts and hit.kind in _COUNT_ANCHORS and any(a <= hit.start < b for a, b in counts):
            continue  # "for a third day on Thursday": Thursday is the day of the count, read with it
        else:
            resolved = _resolve(lang, hit, re.sub(r"\s+", " ", quote.strip()), ref, how)
        if resolved is not None and len(resolved.value) == 10:
            anchor = (hit.start, date.fromisoformat(resolved.value))
        if resolved is None:
            continue
        s, e = quote_span(doc, hit.start, hit.end)
        if hit.kind == "weekday" and ref is not None:
            resolved = _coming(lang, hit, low, s, e, ref, resolved)
        line_at = folded.rfind("\n", 0, hit.start) + 1
        tweet = _TWEET_BYLINE.fullmatch(folded, line_at, hit.start) is not None and line_at > lo
        if tweet:
            # "— PTA (@PTAofficialpk) November 19, 2021": an embedded post's byline dates the
            # post's text on the line before it; that text says which step this is.
            s = quote_span(doc, line_at - 2, line_at - 1)[0] if line_at >= 2 else s
        event: str | None
        if hit.kind == "day_count":
            field, weight, cue, event = START, 0.7, "count", "effect"
        elif lang.data.get("roles") or lang.roles["start"] is not None:
            field, weight, cue, event = _role(lang, low, folded, s, e, hit)
        elif hit.kind in ("absolute", "iso", "calendar", "numeric"):
            # No cue words for this language: a stated date is a weak start candidate that
            # only counts if other sources agree with it.
            field, weight, cue, event = START, UNKNOWN_LANGUAGE_WEIGHT, "no cue words for this language", "effect"
        else:
            field, weight, cue, event = OTHER, 0.0, "no cue words for this language", None
        if tweet and event is not None:
            weight, cue = max(weight, 0.7), "post"
        # "du 11 juin au 15 juin 2023", "from 13 to 18 January": a range names both ends.
        if cue == "dateline":
            pass  # "BORGOLAVA, 14 maggio - Da domenica": the dash ends the dateline, no range
        elif i + 1 < len(hits) and (
            lang.range_re.fullmatch(low[hit.end : hits[i + 1].start]) or _between(lang, low, hit, hits[i + 1])
        ):
            field, weight, cue, event = START, 1.0, "range", "effect"
        elif (
            i > 0
            and not _dateline(folded, hits[i - 1])
            and (lang.range_re.fullmatch(low[hits[i - 1].end : hit.start]) or _between(lang, low, hits[i - 1], hit))
        ):
            field, weight, cue, event = END, 1.0, "range", "restoration"
        precision = "day" if len(resolved.value) == 10 else "month"
        if extend is not None and field in (START, END) and extend.search(low, s, e):
            # "extended the suspension until Friday": an extension's dates are neither the
            # start (it began earlier) nor a return (the end it names is a new plan).
            weight *= EXTENSION
            event = "extension"
        if (
            field == END
            and (doc.published is not None or cue != "verb")
            and ref is not None
            and precision == "day"
            and resolved.value > ref.isoformat()
        ):
            # (A restoration verb is checked only against the article's own date: one without
            # it may be published after the other sources, so "restored on 15 July" past
            # theirs can have happened; "until 15 May" stays a plan.)
            weight *= FUTURE_RANGE_END if cue == "range" else FUTURE_END  # an announced end, not one that happened
        elif field == END and ((future is not None and future.search(low, s, e)) or _future_verb(lang, low[s:e])):
            weight *= FUTURE_RANGE_END if cue == "range" else FUTURE_END
        if field == END and (
            (partial is not None and partial.search(low, s, e)) or workaround.search(folded, s, e) is not None
        ):
            # A partial return ("intermittently", "still blocked") or one that still needs a
            # VPN: the restriction goes on, so this is not its end date.
            weight *= PARTIAL_END
            event = "partial_restoration"
        if field in (START, END) and hit.kind in ("weekday", "relative_day", "weekend") and how.startswith("no "):
            continue
        if field in (START, END) and precision == "month":
            weight *= 0.8
        if (
            doc.published is None
            and hit.kind in ("weekday", "relative_day", "relative_month", "after_days", "weekend")
            and DATELINE_REF not in how  # (the article's own dateline day is no guess)
        ):
            weight *= 0.5  # "Wednesday" read against another article's date may be a week off
        yield Mention(
            field=field,
            value=resolved.value,
            source=doc.id,
            start=s,
            end=e,
            weight=round(weight, 3),
            note=resolved.note,
            extra={
                "precision": precision,
                "cue": cue,
                "match": (hit.start, hit.end),
                "event": event,
                "not_effective": not_effective,
                # a start the article dates after its own day: a plan ("blocked from Friday")
                "planned": field == START
                and doc.published is not None
                and ref is not None
                and precision == "day"
                and resolved.value > ref.isoformat(),
            },
        )
    yield from _durations(doc, folded, low, lang)


DURATION_FIELD = "end_after_days"  # not a record field: the assembler turns it into an end date


@cache
def _duration_re(code: str) -> re.Pattern[str] | None:
    """ "after eight days", "après huit jours de coupure", "tras tres días", "após cinco dias"."""
    data = topic(code, "dates") or {}
    before = [str(w) for w in data.get("duration_before") or []]
    units = [str(w) for w in data.get("day_units") or []]
    numbers = [str(w) for w in (data.get("number_words") or {})]
    if not before or not units:
        return None
    num = "|".join([r"\d{1,2}"] + [re.escape(n) for n in sorted(numbers, key=len, reverse=True)])
    return re.compile(
        r"(?<!\w)(?:"
        + "|".join(map(re.escape, before))
        + r")\s+(?P<n>"
        + num
        + r")\s+(?:"
        + "|".join(map(re.escape, units))
        + r")(?!\w)"
    )


def _duration_spans(lang: _Lang, low: str, s: int, e: int) -> list[re.Match[str]]:
    """ "after three days", "après trois jours" in low[s:e] (the language's duration phrase)."""
    pattern = _duration_re(lang.data.get("_code", ""))
    return list(pattern.finditer(low, s, e)) if pattern is not None else []


def _durations(doc: Doc, folded: str, low: str, lang: _Lang) -> Iterator[Mention]:
    """A restoration said to come after N days: the assembler adds N to the start date when no
    source gives the end date itself."""
    pattern = _duration_re(doc.language)
    end_words = lang.roles.get("end")
    if pattern is None or end_words is None:
        return
    numbers = {
        str(k).casefold(): int(v) for k, v in ((topic(doc.language, "dates") or {}).get("number_words") or {}).items()
    }
    lo, hi = doc.body
    for m in pattern.finditer(low, lo, hi):
        s, e = quote_span(doc, m.start(), m.end())
        if not end_words.search(low, s, e):
            continue  # "a shutdown that has lasted five days": no return named
        n = m.group("n")
        days = int(n) if n.isdigit() else numbers.get(n.casefold())
        if not days:
            continue
        yield Mention(
            field=DURATION_FIELD,
            value=days,
            source=doc.id,
            start=s,
            end=e,
            weight=0.7,
            note=f"restored after {days} days",
            extra={"match": (m.start(), m.end())},
        )


@cache
def _workaround_cues(language: str):  # noqa: ANN202
    """The language's workaround cues (VPN, proxy...; `_common` ones for every language)."""
    from ..cues import cue_set  # noqa: PLC0415 - cue data is loaded once, on first use

    return cue_set(language, "workarounds")


def explicit_dates(doc: Doc) -> list[date]:
    """Day-precision dates the body states with their year: clues to an undated article's date."""
    lang = _lang(doc.language)
    if lang is None:
        return []
    lo, hi = doc.body
    out = []
    for hit in _find(lang, native_digits(fold(doc.text)), lo, hi):
        if (
            hit.kind in ("absolute", "iso", "calendar")
            and hit.groups.get("year")
            or (hit.kind == "numeric" and not hit.groups.get("qd"))
        ):
            resolved = _resolve(lang, hit, "", None, "")
            if resolved and len(resolved.value) == 10:
                out.append(date.fromisoformat(resolved.value))
    return out
