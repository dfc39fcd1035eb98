"""The gazetteer: country names and adjectives, loaded once from their sources, and matched.

Sources, each read in one place: CLDR's territory names per language (babel), pycountry's
English names, `data/vocab/countries.yaml` (aliases, capitals, ambiguous names, excluded
territories, inflected languages) and `data/vocab/demonyms.yaml` (adjectives per language,
"*" = a short ending). Each name and adjective is listed once, there; both views read it.

Two views of them, because two questions are asked:
- `article_names(language)`: which country an article is about (the country field's vote).
  Names in English and in the article's language, aliases and capitals, matched with their
  capital letter; names that are also common words (`ambiguous`) left out.
- `countries(language)`: the names a cue may hold (`{country}`, `{demonym}` placeholders,
  `guess_country` for "the government"): the article language's CLDR names, every alias and
  the language's adjectives, matched ignoring case, by their stem in inflected languages.
The views differ in how they read the lists (case, ambiguous names, English names in every
language), not in what is listed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from ..datafiles import shared
from ..text import fold
from . import regexcache
from .cueset import LazyPattern, _literal_prefix, scan
from .sentences import LEAD_CHARS, folded
from .types import Doc
from .wordtrie import items_pattern, trie_pattern

SHARED_SEP = " "  # "CD CG": the codes of a name two countries share ("Congo")

# ---------------------------------------------------------------- sources


@cache
def cldr_territories(language: str) -> dict[str, str]:
    """CLDR's country names in `language` (ISO code -> name, two-letter codes only); {} when
    babel does not know the language. Loading babel's locale data is slow: once per language."""
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - CLDR tables load on first use only

    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return {}
    return {str(code): str(name) for code, name in territories.items() if re.fullmatch(r"[A-Z]{2}", code)}


@cache
def _english_names() -> dict[str, str]:
    """Folded English name -> code: CLDR's, then pycountry's names, common and official names."""
    import pycountry  # noqa: PLC0415 - its tables load on first use only

    names = {fold(name): code for code, name in cldr_territories("en").items()}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names.setdefault(fold(value), c.alpha_2)
    return names


def _countries_data() -> dict:
    return shared("vocab/countries")


def excluded() -> frozenset[str]:
    """Territories that are not countries for our purpose (CLDR lists them with the countries)."""
    return frozenset(str(c) for c in _countries_data().get("exclude") or [])


def inflected_languages() -> frozenset[str]:
    """Languages whose country names take case endings: names are matched by their stem."""
    return frozenset(str(c) for c in _countries_data().get("inflected_languages") or [])


def _inflects(name: str) -> bool:
    """Whether a country name is matched by its stem in an inflected language:
    "Россия" -> "Росси" + an ending, "Turcja" -> "Turcj" + "i"."""
    return len(name) >= 5 and name[-1].isalpha()


# ---------------------------------------------------------------- which country an article is about


class ArticleNames(NamedTuple):
    """The country field's names for one language: patterns and what each match stands for."""

    pattern: re.Pattern[str] | None  # names, with their capital letter
    lookup: dict[str, str]  # case-folded name -> code
    demonym_pattern: re.Pattern[str] | None
    demonyms: dict[str, str]  # case-folded adjective stem -> code
    inflected: bool


@cache
def article_names(language: str) -> ArticleNames:
    """Names in English and in `language`, aliases, capitals (datelines), demonyms."""
    data = _countries_data()
    exclude = excluded()
    names: dict[str, str] = dict(_english_names())
    if language != "en":
        names.update({fold(name): code for code, name in cldr_territories(language).items()})
    for code, aliases in (data.get("aliases") or {}).items():
        for alias in aliases:
            names[fold(str(alias))] = code
    for code, cities in (data.get("capitals") or {}).items():
        for city in cities:  # datelines write them in capitals: "QUITO.-"
            for form in capital_forms(str(city)):
                names.setdefault(form, code)
    names = {n: c for n, c in names.items() if c not in exclude and len(n) >= 2}
    for name in data.get("ambiguous") or []:
        names.pop(fold(name), None)
    for name, codes in (data.get("shared") or {}).items():
        names[fold(str(name))] = SHARED_SEP.join(sorted(str(c) for c in codes))
    inflected = language in inflected_languages()

    literals: list[str] = []
    endings: dict[str, str] = {}
    for name in names:
        if inflected and _inflects(name):
            literals.append(name[:-1])  # "Россия" -> "Росси" + ending: "России", "Россию"
            endings[name[:-1]] = r"\w{0,4}"
        else:
            literals.append(name)
    alternation = trie_pattern(literals, endings)
    # Compiled when first used: `country_code_of` reads the English names' lookup in an
    # article in another language, never this regex (compiling it was 3% of a build's start-up).
    pattern = LazyPattern(r"(?<![\w])(?:" + alternation + r")(?![\w])") if alternation else None

    dem: dict[str, str] = {}
    dem_words: list[str] = []
    dem_endings: dict[str, str] = {}
    table = (shared("vocab/demonyms").get(language) or {}) if isinstance(shared("vocab/demonyms"), dict) else {}
    for code, words in table.items():
        for word in words or []:
            word = fold(str(word))
            stem = word.rstrip("*")
            known = dem.get(stem.casefold())  # listed under two countries: shared
            dem[stem.casefold()] = code if known in (None, code) else SHARED_SEP.join(sorted({*known.split(), code}))
            dem_words.append(stem)
            if word.endswith("*"):
                dem_endings[stem] = r"\w{0,4}"
    flags = 0 if language == "en" else re.IGNORECASE
    dem_alt = trie_pattern(dem_words, dem_endings)
    dem_pattern = regexcache.compile(r"(?<![\w])(?:" + dem_alt + r")(?![\w])", flags) if dem_alt else None
    lookup = {fold(n).casefold(): c for n, c in names.items()}
    return ArticleNames(pattern, lookup, dem_pattern, dem, inflected)  # type: ignore[arg-type]


@cache
def headline_names(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The names `article_names` leaves out as also common words ("Togo", "Mali", "Chad"),
    with their codes: read in a headline when nothing else in the article names a country (a
    wire's "Togo restricts social media" whose dateline is a city the gazetteer lacks)."""
    data = _countries_data()
    names: dict[str, str] = dict(_english_names())
    if language != "en":
        names.update({fold(name): code for code, name in cldr_territories(language).items()})
    for code, aliases in (data.get("aliases") or {}).items():
        for alias in aliases:
            names[fold(str(alias))] = code
    exclude = excluded()
    table = {
        fold(str(n)): names[fold(str(n))]
        for n in data.get("ambiguous") or []
        if fold(str(n)) in names and names[fold(str(n))] not in exclude
    }
    if not table:
        return None, {}
    alternation = "|".join(re.escape(n) for n in sorted(table, key=lambda n: (-len(n), n)))
    return regexcache.compile(r"(?<![\w])(?:" + alternation + r")(?![\w])"), table


def capital_weight() -> float:
    """How much a capital's name counts towards its country, against 1 for the country's name."""
    return float(_countries_data().get("capital_weight", 0.5))


def capital_forms(city: str) -> tuple[str, ...]:
    """How the press writes a capital: as listed, in a dateline's capitals ("QUITO.-"), and
    without its accents, as English wires and their datelines do ("LOME", "Yaounde")."""
    forms = [fold(city), fold(city).upper()]
    bare = "".join(ch for ch in unicodedata.normalize("NFD", fold(city)) if not unicodedata.combining(ch))
    if unicodedata.normalize("NFC", bare) != forms[0]:
        forms += [bare, bare.upper()]
    return tuple(forms)


@cache
def capitals() -> frozenset[str]:
    """Folded, case-folded capital names (with their accentless forms): a capital counts less
    than the country's name."""
    table = _countries_data().get("capitals") or {}
    return frozenset(form.casefold() for cities in table.values() for c in cities for form in capital_forms(str(c)))


def name_code(found: str, names: ArticleNames) -> str | None:
    """The code a matched name stands for (by its stem in an inflected language)."""
    key = re.sub(r"\s+", " ", found).casefold()
    if key in names.lookup:
        return names.lookup[key]
    if names.inflected:
        for name, code in names.lookup.items():
            if len(name) >= 5 and key.startswith(name[:-1]):
                return code
    return None


def demonym_code(found: str, names: ArticleNames) -> str | None:
    """The code a matched adjective stands for: the longest stem it starts with."""
    key = found.casefold()
    best = None
    for stem, code in names.demonyms.items():
        if key.startswith(stem) and (best is None or len(stem) > len(best[0])):
            best = (stem, code)
    return best[1] if best else None


def country_code_of(place: str) -> str | None:
    """ISO code for an English country name or demonym ("Ethiopia", "Ethiopian"), else None."""
    names = article_names("en")
    key = fold(place).strip()
    code = names.lookup.get(re.sub(r"\s+", " ", key).casefold())
    if code is None and names.demonym_pattern is not None and names.demonym_pattern.fullmatch(key):
        code = demonym_code(key, names)
    return None if code is None or SHARED_SEP in code else code  # "Congo" alone names no one country


# ---------------------------------------------------------------- the names cues hold


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


def _name_items(names: dict[str, str], inflected: bool) -> list[tuple[str, str]]:
    """Country names as (literal, regex tail) items of a prefix tree."""
    if not inflected:
        return [(n, "") for n in names]
    return [(n[:-1], r"\w{0,4}") if _inflects(n) else (n, "") for n in names]


def _territory_names(language: str) -> dict[str, str]:
    """CLDR's territory names in `language` as folded lower-case name -> code: each name
    without its parenthesis and each parenthesised variant, four letters or more."""
    names: dict[str, str] = {}
    skip = excluded()
    for code, name in cldr_territories(language).items():
        if code in skip:
            continue
        base = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
        for variant in {base, *re.findall(r"\((.*?)\)", name)}:
            variant = fold(variant).strip()
            if len(variant) >= 4:
                names.setdefault(variant.lower(), code)
    return names


def _demonym_table(language: str) -> dict[str, list[str]]:
    """`language`'s adjectives in data/vocab/demonyms.yaml: code -> words ("*" = a short ending)."""
    return {
        str(code): [str(w) for w in words or []]
        for code, words in (shared("vocab/demonyms").get(language) or {}).items()
    }


@cache
def countries(language: str) -> CountryMatcher:
    names = _territory_names(language)
    for code, aliases in (_countries_data().get("aliases") or {}).items():  # any language's, as a cue reads them
        for name in aliases:
            names[fold(str(name)).lower()] = str(code)
    demonyms: list[tuple[str, re.Pattern[str]]] = []
    parts: list[str] = []
    for code, words in _demonym_table(language).items():
        for p in dict.fromkeys(w.replace("*", r"\w{0,4}") for w in words):
            demonyms.append((code, regexcache.compile(fold(p), re.IGNORECASE)))
            parts.append(fold(p))
    inflected = language in inflected_languages()
    body = items_pattern(_name_items(names, inflected) + [_literal_prefix(p) for p in parts], lower=True)
    pattern = regexcache.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE) if body else None
    return CountryMatcher(pattern, names, tuple(demonyms), inflected=inflected)


def english_country_name(code: str) -> str:
    override = (shared("vocab/authorities").get("country_display") or {}).get(code)
    if override:
        return str(override)
    name = cldr_territories("en").get(code, code)
    return re.sub(r"\s*\(.*?\)", "", name).replace("\u2019", "'")


@cache
def _display_codes() -> dict[str, str]:
    """English display name (`english_country_name`) -> code, for every territory."""
    out: dict[str, str] = {}
    for code in cldr_territories("en"):
        out.setdefault(english_country_name(code).casefold(), code)
    return out


def display_country_code(name: str) -> str | None:
    """The code of a country written as this project names it ("Turkey", "Cuba"): such a
    name in a built name ("Government of Cuba") was made from the code, so it is not the
    common word that makes "Cuba" or "Turkey" ambiguous in running text."""
    return _display_codes().get(name.strip().casefold())


@cache
def english_demonym(code: str) -> str | None:
    """The English adjective of a country ("Ethiopian"): its first in demonyms.yaml `en`."""
    words = _demonym_table("en").get(code)
    if not words:
        return None
    return " ".join(w.capitalize() for w in words[0].rstrip("*").split())


def fill_country(name: str, code: str) -> str:
    """A name built without its country ("Government of {country}") for the record's country:
    the authorities extractor writes such names, the record's assembly fills them."""
    if "{demonym_en}" in name:
        demonym = english_demonym(code)
        name = name.replace("{demonym_en}", demonym) if demonym else without_demonym(name, code)
    return name.replace("{country}", english_country_name(code))


def without_demonym(name: str, code: str) -> str:
    """A "{demonym_en} X" name for a country without an English adjective in our data:
    "X of <country>" ("Telecommunications regulator of Poland", "Authorities of Honduras"),
    so a regulator is not renamed the country's authorities."""
    rest = name.replace("{demonym_en}", "").strip()
    return f"{rest[:1].upper()}{rest[1:]} of {english_country_name(code)}"


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


@cache
def alternation(language: str, what: str) -> str:
    """Country names or adjectives as one prefix tree, so the regex engine rejects a
    position after a character or two instead of trying hundreds of names there."""
    matcher = countries(language)
    if what == "country":
        return items_pattern(_name_items(matcher.by_text, matcher.inflected), lower=True) or "(?!)"
    return items_pattern([_literal_prefix(p.pattern) for _, p in matcher.demonym_patterns], lower=True) or "(?!)"
