"""The mapping tables export and import share, read once from `data/*.yaml`.

Kept apart from the writers so `importer/stop.py` reads exactly the table `export/stop.py`
writes with, and a change to STOP's strings is a change to one data file.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pycountry

from ..datafiles import shared


@cache
def stop_mapping() -> dict[str, Any]:
    """`data/exchange/stop_mapping.yaml`: STOP columns, value strings both ways, separators, defaults."""
    data = shared("exchange/stop_mapping")
    if not data.get("columns"):
        raise RuntimeError("data/exchange/stop_mapping.yaml is missing or has no columns")
    return data


@cache
def stop_columns() -> tuple[str, ...]:
    return tuple(stop_mapping()["columns"])


def stop_key(text: str) -> str:
    """How a STOP cell is compared: case-folded, inner spaces collapsed, none around '/' or ','."""
    text = re.sub(r"\s+", " ", text.strip().casefold())
    text = re.sub(r"\s*/\s*", "/", text)
    return re.sub(r"\s*,\s*", ", ", text)


@cache
def from_stop(table: str) -> dict[str, str]:
    """`table.from_stop` keyed by `stop_key`, so "Executive Government " still matches."""
    return {stop_key(k): v for k, v in (stop_mapping()[table].get("from_stop") or {}).items()}


@cache
def platform_domains() -> dict[str, Any]:
    """`data/exchange/platform_domains.yaml`: per canonical platform, its domains, OONI tests and themes."""
    return shared("exchange/platform_domains")


@cache
def _platform_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, entry in (platform_domains().get("platforms") or {}).items():
        index[name.casefold()] = name
        for alias in entry.get("aliases") or []:
            index.setdefault(alias.casefold(), name)
    return index


def canonical_platform(name: str) -> str:
    """Our spelling of a platform named in another case ("whatsapp" -> "WhatsApp"); else as given.

    Only the canonical name itself is matched, not aliases: "Twitter" in a 2021 row stays Twitter.
    """
    platforms = platform_domains().get("platforms") or {}
    return next((key for key in platforms if key.casefold() == name.casefold()), name)


def platform_entry(name: str) -> dict[str, Any]:
    """The data-file entry for a platform or one of its aliases; {} for a service we do not list."""
    canonical = _platform_index().get(name.casefold())
    return (platform_domains().get("platforms") or {}).get(canonical, {}) if canonical else {}


def country_name(code: str | None) -> str:
    """English name STOP readers use: our override, else pycountry's common name, else its name."""
    if not code:
        return ""
    override = (stop_mapping().get("country_names") or {}).get(code)
    if override:
        return str(override)
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_2", "alpha_3"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(_fold(value), country.alpha_2)
    mapping = stop_mapping()
    for code, name in (mapping.get("country_names") or {}).items():
        index[_fold(str(name))] = code
    for name, code in (mapping.get("country_aliases") or {}).items():
        index[_fold(str(name))] = code
    return index


def country_code(name: str) -> str | None:
    """ISO alpha-2 for an English country name as STOP writes it; None when it names no country.

    Accents and case do not matter ("Cote d'Ivoire"), and a trailing parenthesis is tried
    without it ("Iran (Islamic Republic of)" -> "Iran").
    """
    index = _country_index()
    folded = _fold(name)
    if folded in index:
        return index[folded]
    bare = _fold(re.sub(r"\s*\(.*\)\s*$", "", name))
    return index.get(bare) if bare else None
