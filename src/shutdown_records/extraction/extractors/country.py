"""Country: which country the article is about, from the names and demonyms it uses.

Names come from CLDR (babel) in the article's language plus English, pycountry's English
names, and `data/vocab/countries.yaml`; demonyms ("Pakistani", "pakistanais") from
`data/vocab/demonyms.yaml`. Only the body counts (a "related news" tail is cut off by the loader).
Each article casts one vote split across the countries it names, in proportion to how often
it names them (the headline counts double), so a stray mention weighs little. A name or
adjective two countries share ("Congo", "congolais": `shared` in countries.yaml, or an
adjective listed under both in demonyms.yaml) counts for whichever of them the article also
names unambiguously ("RDC", "Kinshasa"), split evenly when it names neither.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from ...text import fold
from .. import regexcache
from ..cues import scan
from ..langdata import shared
from ..spans import folded as fold_text
from ..spans import in_related_line, quote_span
from ..types import Doc, Mention
from ..wordtrie import trie_pattern

SHARED_SEP = " "  # "CD CG": the codes of a name two countries share
MAX_CITATIONS = 3  # quotes per country per article: enough to check, not a wall of text
MIN_SHARE = 0.15  # a country named less than this share of the time is not a candidate


def _names_for(language: str) -> dict[str, str]:
    """name -> ISO code for one language (CLDR), empty when babel does not know it."""
    try:
        from babel import Locale  # noqa: PLC0415 - CLDR tables load on first use only
        from babel.core import UnknownLocaleError  # noqa: PLC0415
    except ImportError:
        return {}
    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return {}
    return {fold(name): code for code, name in territories.items() if re.fullmatch(r"[A-Z]{2}", code)}


@cache
def _english_names() -> dict[str, str]:
    names = _names_for("en")
    try:
        import pycountry  # noqa: PLC0415
    except ImportError:
        return names
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names.setdefault(fold(value), c.alpha_2)
    return names


@cache
def _gazetteer(language: str) -> tuple[re.Pattern[str] | None, dict[str, str], re.Pattern[str] | None, dict[str, str]]:
    """(name pattern, name -> code, demonym pattern, demonym -> code) for one language."""
    data = shared("vocab/countries")
    exclude = set(data.get("exclude") or [])
    names: dict[str, str] = dict(_english_names())
    if language != "en":
        names.update(_names_for(language))
    for code, aliases in (data.get("aliases") or {}).items():
        for alias in aliases:
            names[fold(str(alias))] = code
    for code, cities in (data.get("capitals") or {}).items():
        for city in cities:  # datelines write them in capitals: "QUITO.-"
            for form in (fold(str(city)), fold(str(city)).upper()):
                names.setdefault(form, code)
    names = {n: c for n, c in names.items() if c not in exclude and len(n) >= 2}
    for name in data.get("ambiguous") or []:
        names.pop(fold(name), None)
    for name, codes in (data.get("shared") or {}).items():
        names[fold(str(name))] = SHARED_SEP.join(sorted(str(c) for c in codes))
    inflected = language in set(data.get("inflected_languages") or [])

    literals: list[str] = []
    endings: dict[str, str] = {}
    for name in names:
        if inflected and len(name) >= 5 and name[-1].isalpha():
            literals.append(name[:-1])  # "Россия" -> "Росси" + ending: "России", "Россию"
            endings[name[:-1]] = r"\w{0,4}"
        else:
            literals.append(name)
    alternation = trie_pattern(literals, endings)
    pattern = regexcache.compile(r"(?<![\w])(?:" + alternation + r")(?![\w])") if alternation else None

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
    return pattern, lookup, dem_pattern, dem


CAPITAL_WEIGHT = float(shared("vocab/countries").get("capital_weight", 0.5))


def _capital_key(found: str) -> str:
    return re.sub(r"\s+", " ", found).casefold()


@cache
def _capitals() -> frozenset[str]:
    """Folded, case-folded capital names: a capital counts less than the country's name."""
    table = shared("vocab/countries").get("capitals") or {}
    return frozenset(fold(str(c)).casefold() for cities in table.values() for c in cities)


def _code_for(found: str, lookup: dict[str, str], inflected: bool) -> str | None:
    key = re.sub(r"\s+", " ", found).casefold()
    if key in lookup:
        return lookup[key]
    if inflected:
        for name, code in lookup.items():
            if len(name) >= 5 and key.startswith(name[:-1]):
                return code
    return None


def _demonym_code(found: str, dem: dict[str, str]) -> str | None:
    key = found.casefold()
    best = None
    for stem, code in dem.items():
        if key.startswith(stem) and (best is None or len(stem) > len(best[0])):
            best = (stem, code)
    return best[1] if best else None


def _share_out(
    two_way: list[tuple[int, int, list[str], float]],
    scores: dict[str, float],
    spots: dict[str, list[tuple[int, int]]],
) -> None:
    """Give each shared name's weight to the countries it may be, in proportion to what the
    article says of them unambiguously (all of it to "CD" when only "RDC" is named besides
    "Congo"), evenly when it says nothing."""
    base = {code: scores.get(code, 0.0) for _s, _e, codes, _w in two_way for code in codes}
    for start, end, codes, w in two_way:
        total = sum(base[c] for c in codes)
        for code in codes:
            part = w * (base[code] / total if total else 1.0 / len(codes))
            if part:
                scores[code] += part
                spots[code].append((start, end))
    for code in spots:
        spots[code].sort()


def extract(doc: Doc) -> Iterator[Mention]:
    pattern, lookup, dem_pattern, dem = _gazetteer(doc.language)
    lo, hi = doc.body
    folded = fold_text(doc.text)
    inflected = doc.language in set(shared("vocab/countries").get("inflected_languages") or [])
    title_end = folded.find("\n", lo)
    title_end = hi if title_end < 0 else min(title_end, hi)
    scores: dict[str, float] = defaultdict(float)
    spots: dict[str, list[tuple[int, int]]] = defaultdict(list)
    found: list[tuple[int, int, str, float]] = []
    if pattern is not None:
        for m in scan(pattern, folded, lo, hi):  # starts with (?<![\w]): only at its openings
            code = _code_for(m.group(0), lookup, inflected)
            if code:
                weight = CAPITAL_WEIGHT if _capital_key(m.group(0)) in _capitals() else 1.0
                found.append((m.start(), m.end(), code, weight))
    if dem_pattern is not None:
        for m in scan(dem_pattern, folded, lo, hi):
            code = _demonym_code(m.group(0), dem)
            if code:
                found.append((m.start(), m.end(), code, 0.6))
    found = [f for f in found if not in_related_line(doc, f[0])]
    two_way: list[tuple[int, int, list[str], float]] = []
    for start, end, code, w in sorted(found):
        w *= 2.0 if start < title_end else 1.0
        if SHARED_SEP in code:
            two_way.append((start, end, code.split(SHARED_SEP), w))
            continue
        scores[code] += w
        spots[code].append((start, end))
    _share_out(two_way, scores, spots)
    total = sum(scores.values())
    if not total:
        return
    for code in sorted(scores, key=lambda c: (-scores[c], c)):
        share = scores[code] / total
        if share < MIN_SHARE:
            continue
        sentences: list[tuple[int, int]] = []
        for start, end in spots[code]:
            span = quote_span(doc, start, end)
            if span not in sentences:
                sentences.append(span)
            if len(sentences) == MAX_CITATIONS:
                break
        for s, e in sentences:
            yield Mention(
                field="country",
                value=code,
                source=doc.id,
                start=s,
                end=e,
                weight=round(share, 4),
                extra={"share": round(share, 3), "mentions": len(spots[code])},
            )


def country_code_of(place: str) -> str | None:
    """ISO code for an English country name or demonym ("Ethiopia", "Ethiopian"), else None."""
    _pattern, lookup, dem_pattern, dem = _gazetteer("en")
    key = fold(place).strip()
    code = lookup.get(re.sub(r"\s+", " ", key).casefold())
    if code is None and dem_pattern is not None and dem_pattern.fullmatch(key):
        code = _demonym_code(key, dem)
    return None if code is None or SHARED_SEP in code else code  # "Congo" alone names no one country
