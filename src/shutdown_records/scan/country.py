"""Which country a relevant article reports a restriction in, as grouping weighs it.

One gazetteer: the builder's own reading is the evidence (the country extractor's vote shares
over names, capitals and adjectives, shared names such as "Congo" already split), plus the
country of the body the builder read as ordering the restriction ("Roskomnadzor", "the Tajik
authorities": `country` in data/vocab/authorities.yaml, or the country a generic name was
built for). The ordering body counts more than a country merely named: an article about a
Brazilian court blocking "the Russian app" is about Brazil. An article that names no country
but names a national body ("Роскомнадзор" said...) is read as that body's country. A generic name ("the Tajik
authorities") only repeats the article's own country words: it strengthens the country the
names already lead with, and brings in none (nor settles a tie such as "Congo").

The result is a ranked list of (country, share), so grouping can tell a clear reading from one
that two countries share, and let dates, platforms and language decide the second kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

AUTHORITY_WEIGHT = 1.5  # the ordering body's country against the names' vote (which sums to 1)
CLEAR_RATIO = 1.5  # a lead of this many times the next country's share (60:40) is a clear reading
CANDIDATE_SHARE = 0.25  # a country with less than this share is never a candidate


@cache
def _named_bodies() -> dict[str, str]:
    """Display name -> ISO code of the named authorities that belong to one state."""
    from ..datafiles import shared  # noqa: PLC0415

    table = shared("vocab/authorities").get("authorities") or []
    return {str(a["name"]): str(a["country"]) for a in table if isinstance(a, dict) and a.get("country")}


def authority_country(name: str) -> tuple[str | None, bool]:
    """The state an ordering body belongs to, and whether the name is generic: a named body's
    `country`, or the country a generic name was built for ("Government of Tajikistan",
    "Tajik authorities")."""
    code = _named_bodies().get(name)
    return (code, False) if code else (_generic_country(name), True)


def _generic_country(name: str) -> str | None:
    from ..extraction.extractors.authorities import NATIONAL_PREFIXES, NATIONAL_SUFFIXES  # noqa: PLC0415
    from ..extraction.gazetteer import country_code_of, display_country_code  # noqa: PLC0415

    for prefix in NATIONAL_PREFIXES:
        if name.startswith(prefix):
            place = name[len(prefix) :]
            return country_code_of(place) or display_country_code(place)  # "Government of Turkey"
    for suffix in NATIONAL_SUFFIXES:
        if name.endswith(suffix):
            return country_code_of(name[: -len(suffix)])
    return None


def _bodies_named(docs: Iterable[Any]) -> dict[str, float]:
    """Country -> share of the national bodies the articles name anywhere ("Роскомнадзор")."""
    from ..extraction.extractors.authorities import find_authorities  # noqa: PLC0415

    counts: dict[str, float] = {}
    for doc in docs:
        for body in find_authorities(doc):
            code = None if body.generic else _named_bodies().get(body.name)
            if code:
                counts[code] = counts.get(code, 0.0) + 1.0
    total = sum(counts.values())
    return {code: n / total for code, n in counts.items()}


def country_shares(mentions: Iterable[Any], docs: Iterable[Any] = ()) -> list[tuple[str, float]]:
    """(country, share) best first, shares summing to 1; empty when nothing names a country.
    `docs` (the articles read) let a national body named anywhere stand for the country when
    the article names none. Countries with a share under CANDIDATE_SHARE are left out (see
    `country_votes` for all of them)."""
    return candidate_shares(country_votes(mentions, docs))


def candidate_shares(votes: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The countries of `country_votes` that may be the article's (the leader, and any with
    at least CANDIDATE_SHARE), shares rounded."""
    return [(c, round(s, 3)) for c, s in votes if s >= CANDIDATE_SHARE or c == votes[0][0]]


def country_votes(mentions: Iterable[Any], docs: Iterable[Any] = ()) -> list[tuple[str, float]]:
    """Every country the article names or whose body it names, (country, share) best first:
    grouping keeps the minor ones to place an article whose reading went to another country
    (a past block abroad recalled at length, the ordering body of another state)."""
    mentions = list(mentions)
    named: dict[str, float] = {}
    for m in mentions:
        if m.field == "country" and isinstance(m.value, str):
            named[m.value] = max(named.get(m.value, 0.0), float(m.weight))  # one mention per cited sentence
    if not named:
        named = _bodies_named(docs)
    top = sorted(named.values(), reverse=True)
    leader = max(named, key=lambda c: named[c]) if top and (len(top) == 1 or top[0] > top[1]) else None
    ordering: dict[str, float] = {}
    ordering_total = 0.0
    for m in mentions:
        if m.field == "ordered_by" and isinstance(m.value, dict):
            ordering_total += float(m.weight)
            code, generic = authority_country(str(m.value.get("name") or ""))
            if code and (not generic or code == leader):
                ordering[code] = ordering.get(code, 0.0) + float(m.weight)
    scores = dict(named)
    for code, weight in ordering.items():
        scores[code] = scores.get(code, 0.0) + AUTHORITY_WEIGHT * weight / ordering_total
    total = sum(scores.values())
    if not total:
        return []
    return sorted(((c, s / total) for c, s in scores.items()), key=lambda cs: (-cs[1], cs[0]))


def is_clear(shares: list[tuple[str, float]]) -> bool:
    """One country leads by a wide margin (or is the only one named)."""
    return len(shares) == 1 or (bool(shares) and shares[0][1] >= CLEAR_RATIO * shares[1][1] - 1e-9)
