"""What one STOP row means: its cells (by 2020-2022 column name) read into record fields.

No I/O: the importer builds records with it, and the STOP export uses it to tell whether a
record still says what its imported row said (then the row's own cells go back verbatim).
A value the record cannot hold (an unknown vocabulary value, a place with no ISO code, an
unreadable date) leaves the field empty and becomes one line in `problems`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..export.vocab import (
    canonical_platform,
    country_code,
    country_name,
    from_stop,
    platform_entry,
    stop_key,
    stop_mapping,
)
from ..fields import stop_column_fields
from ..model import ImportedRow, slugify
from .dates import parse_date
from .sheet import header_key, layout_columns

_SPLIT = re.compile(r"\s*[;,]\s*")
_AND = re.compile(r"\s*(?:[;,&]|\band\b|\n)\s*", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s,;<>\"']+")
_ASN = re.compile(r"^(?P<name>.*?)\s*\(AS(?P<asn>\d+)\)$", re.IGNORECASE)
_PROVISION = re.compile(
    r"^(?P<instrument>.+?)\s*\((?P<provision>(?:s\.|sec\.?|section|art\.?|article|§|clause|rule|para\.?|paragraph|chapter)\s*.+)\)$",
    re.IGNORECASE,
)
# Answers that name no instrument, authority or operator.
_NOTHING = {"", "no", "none", "unknown", "unkown", "n/a", "na", "-", "not applicable", "yes"}

# Which record fields each 2020-2022 column feeds (each field's `stop` in fields.py): the
# export writes a row's own cell back when these fields still hold what the row gave.
COLUMN_FIELDS: dict[str, tuple[str, ...]] = stop_column_fields()
DERIVED_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f for fs in COLUMN_FIELDS.values() for f in fs))


@dataclass
class RowMeaning:
    """The record fields one row gives, what it could not give, and its cells without a field."""

    fields: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


def canonical_cells(row: ImportedRow) -> dict[str, str]:
    """The row's cells keyed by 2020-2022 column name, spaces around each cell trimmed."""
    known = {header_key(h): h for h in row.cells}
    layout_map = layout_columns(row.layout)
    return {layout_map.get(key, key): row.cells[header].strip() for key, header in known.items()}


class _Reader:
    def __init__(self, cells: dict[str, str]) -> None:
        self.cells = cells
        self.problems: list[str] = []

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def vocab(self, column: str, table: str, *, several: bool) -> list[str]:
        """Record values for a vocabulary cell; an unknown part is a problem, not a guess."""
        cell = self.get(column)
        if not cell:
            return []
        mapping = from_stop(table)
        parts = [cell] if stop_key(cell) in mapping or not several else [p for p in _AND.split(cell) if p]
        values: list[str] = []
        for part in parts:
            key = stop_key(part)
            if key not in mapping:
                choices = ", ".join(
                    f'"{v}"' for v in dict.fromkeys((stop_mapping()[table].get("to_stop") or {}).values())
                )
                self.problems.append(f'{column}: "{part}" is not a STOP value; expected one of {choices}')
                continue
            found = mapping[key]
            for value in found if isinstance(found, list) else [found]:
                if value is not None and value not in values:
                    values.append(value)
        return values

    def tri_state(self, column: str) -> bool | None:
        cell = stop_key(self.get(column))
        if cell in ("", "unknown", "unkown", "n/a", "not sure"):
            return None
        if cell in ("yes", "true"):
            return True
        if cell in ("no", "false", "none"):
            return False
        self.problems.append(f'{column}: "{self.get(column)}" is not Yes, No or Unknown')
        return None

    def date(self, column: str, order: str | None) -> str | None:
        cell = self.get(column)
        if not cell:
            return None
        try:
            return parse_date(cell, order)
        except ValueError as err:
            self.problems.append(f"{column}: {err}")
            return None


def _kinds(r: _Reader) -> tuple[str | None, list[str]]:
    """(the main kind, every kind when more than one): "Shutdown, Throttle" over a full network
    is full_network and throttling; "Full network, Service-based" both of those."""
    tokens: set[str] = set()
    table = stop_mapping()["kind_tokens"]
    for column in ("shutdown_type", "shutdown_extent"):
        for part in (p for p in _AND.split(r.get(column)) if p):
            key = stop_key(part)
            if key not in table:
                r.problems.append(
                    f'{column}: "{part}" is not a STOP value; expected "Shutdown", "Throttle", '
                    '"Full network" or "Service-based"'
                )
            elif table[key]:
                tokens.add(table[key])
    main: str | None = None
    if "throttle" in tokens and "shutdown" not in tokens:
        main = "throttling"
    elif "full" in tokens:
        main = "full_network"
    elif "service" in tokens:
        main = "service_block"
    every = [
        k
        for k, present in (
            ("full_network", "full" in tokens),
            ("service_block", "service" in tokens),
            ("throttling", "throttle" in tokens),
        )
        if present
    ]
    if main == "throttling":
        every = ["throttling"]  # a throttle of a full network or of services is one throttling
    return main, every if len(every) > 1 else []


def _is_platform_name(part: str, free_names: bool) -> bool:
    m = stop_mapping()
    if stop_key(part) in {stop_key(x) for x in m["not_platforms"]}:
        return False
    if platform_entry(part):
        return True
    words = part.split()
    return (
        free_names
        and 0 < len(words) <= m["platform_name_max_words"]
        and part[0].isupper()
        and not any(c.isdigit() for c in part)
    )


def _platforms(r: _Reader, start: str | None) -> list[str]:
    """Platforms marked Yes (under any extent), then the named ones of other_affected."""
    names: list[str] = []
    for column, spec in stop_mapping()["platform_columns"].items():
        if r.tri_state(column):
            name = spec["import_as"]
            renamed = spec.get("renamed")
            if renamed and start and start < renamed["since"]:
                name = renamed["before"]
            names.append(name)
    for column, free in (("other_affected", True), ("service_details", False)):
        for part in (p for p in _AND.split(r.get(column)) if p):
            part = canonical_platform(part.strip(" .()"))
            if part and _is_platform_name(part, free) and part.casefold() not in {n.casefold() for n in names}:
                names.append(part)
    return names


def _scope(r: _Reader) -> tuple[str | None, list[str]]:
    geo = stop_mapping()["geo_scope"]
    nationwide = {stop_key(a) for a in geo["nationwide_area_names"]}
    places = list(dict.fromkeys(p for p in _SPLIT.split(r.get("area_name")) if p))
    regions: list[str] = []
    for place in places:
        if stop_key(place) not in nationwide and place.casefold() not in {x.casefold() for x in regions}:
            regions.append(place)
    if len(regions) < len(places):
        return "national", regions
    cell = r.get("geo_scope")
    if not cell:
        return None, regions
    mapping = from_stop("geo_scope")
    if stop_key(cell) not in mapping:
        r.problems.append(
            f'geo_scope: "{cell}" is not a STOP value; expected one of "{geo["to_stop"]["regional"]}", '
            f'"{geo["local_several_places"]}", "{geo["to_stop"]["local"]}"'
        )
        return None, regions
    scope = mapping[stop_key(cell)]
    if scope is None:
        r.problems.append(f'geo_scope: "{cell}" says the area is not known; scope is left empty')
    return scope, regions


def _authorities(r: _Reader) -> list[dict[str, Any]]:
    kinds = r.vocab("ordered_by", "ordered_by", several=False)
    kind = kinds[0] if kinds else "unknown"
    names = [n for n in re.split(r"\s*;\s*", r.get("decision_maker")) if stop_key(n) not in _NOTHING]
    return [{"name": n, "type": kind} for n in dict.fromkeys(names)]


def _legal(r: _Reader) -> list[dict[str, Any]]:
    """Instruments named in legal_method; "No", "Unknown", a bare link are no law."""
    items = []
    for part in (p for p in re.split(r"\s*;\s*", r.get("legal_method")) if p):
        if stop_key(part) in _NOTHING or _URL.fullmatch(part.strip()):
            continue
        match = _PROVISION.match(part)
        items.append(
            {"instrument": match["instrument"], "provision": match["provision"]} if match else {"instrument": part}
        )
    return items


def _operators(r: _Reader) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for part in (p for p in _SPLIT.split(r.get("telcos_involved")) if p):
        if stop_key(part) in _NOTHING:
            continue
        match = _ASN.match(part)
        item = {"name": match["name"], "asn": int(match["asn"])} if match else {"name": part}
        if item not in items:
            items.append(item)
    return items


def urls(cells: dict[str, str]) -> list[str]:
    """The links in the row's source columns, in column order, each once."""
    found: list[str] = []
    for column in stop_mapping()["link_columns"]:
        for url in _URL.findall(cells.get(column, "")):
            url = url.rstrip(".)]")
            if url not in found:
                found.append(url)
    return found


def url_sources(links: list[str]) -> list[dict[str, Any]]:
    """URL-only sources (no stored text: nothing to quote, no sha256), ids link-1, link-2..."""
    return [{"id": f"link-{i}", "url": url, "language": "und"} for i, url in enumerate(links, 1)]


def row_meaning(cells: dict[str, str], order: str | None) -> RowMeaning:
    """The record fields of one row (cells by 2020-2022 column); problems instead of errors."""
    r = _Reader(cells)
    country_cell = r.get("country")
    country = country_code(country_cell) if country_cell else None
    if not country_cell:
        r.problems.append('country: empty; expected an English country name such as "Pakistan"')
    elif country is None:
        r.problems.append(
            f'country: "{country_cell}" is not a country name with an ISO 3166-1 code; '
            'expected an English name such as "Pakistan"'
        )
    start = r.date("start_date", order)
    end_word = (stop_mapping().get("end_date_words") or {}).get(stop_key(r.get("end_date")))
    end = None if end_word else r.date("end_date", order)
    kind, kinds = _kinds(r)
    platforms = _platforms(r, start)
    scope, regions = _scope(r)
    networks = r.vocab("affected_network", "networks", several=True)
    status_values = r.vocab("shutdown_status", "status", several=False)
    status = status_values[0] if status_values else "unknown"
    if not r.get("shutdown_status"):
        status = "ended" if end else (end_word or "unknown")
    justification = r.vocab("gov_justification", "gov_justification", several=True)
    context = r.vocab("actual_cause", "actual_cause", several=True)
    if r.tri_state("election") and "elections" not in context:
        context.append("elections")
    fields: dict[str, Any] = {
        "country": country,
        "platforms": platforms,
        "kind": kind,
        "kinds": kinds,
        "networks": networks,
        "scope": scope,
        "regions": regions,
        "start_date": start,
        "end_date": end,
        "status": status,
        "ordered_by": _authorities(r),
        "justification": justification,
        "context": context,
        "legal_basis": _legal(r),
        "acknowledged": r.tri_state("gov_ack"),
        "operators": _operators(r),
        "sources": url_sources(urls(cells)),
        "summary": r.get("event") or None,
    }
    extra = {c: v.strip() for c, v in cells.items() if v.strip() and c not in COLUMN_FIELDS}
    if country_cell and country and stop_key(country_cell) != stop_key(country_name(country)):
        extra["country"] = country_cell  # the sheet's own spelling, beside the code it was read as
    return RowMeaning(fields, r.problems, extra)


def primary(rows: list[ImportedRow]) -> ImportedRow:
    """The row whose facts a merged record takes: an ended row over an ongoing one, then the
    latest end, then the latest sheet name and row; the same whatever order rows came in."""

    def rank(row: ImportedRow) -> tuple[Any, ...]:
        cells = canonical_cells(row)
        status = stop_key(cells.get("shutdown_status", ""))
        return (bool(cells.get("end_date")) or status == "ended", row.sheet, row.row)

    return max(rows, key=rank)


def id_stem(
    country_cell: str,
    country: str | None,
    start: str | None,
    platforms: list[str],
    kind: str | None,
    regions: list[str],
) -> str:
    """country-date-what[-place], e.g. in-2021-12-31-shutdown-srinagar: readable, and the same
    for the same row on every import (a repeated row in one sheet gets -2, -3 on top)."""

    def slug(text: str) -> str:  # "Bouaké" -> "bouake", not "bouak"
        return slugify("".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)))

    m = stop_mapping()
    cc = country.lower() if country else (slug(country_cell)[:20].strip("-") or "xx")
    what = "-".join(slug(p) for p in platforms[:3] if slug(p))
    what = what or m["id_kind_slugs"].get(kind or "", m["id_fallback_slug"])
    place = "-".join(slug(regions[0]).split("-")[:3]) if regions else ""
    return "-".join(x for x in (cc, start or "undated", what, place) if x)
