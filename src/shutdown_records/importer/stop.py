"""One draft record per row of an Access Now STOP sheet saved as CSV.

The record holds what STOP and the record have in common; every other non-empty cell, and any
cell the record cannot say back the same way, is kept in `extra_columns`, so exporting the
records as STOP again gives the sheet back. Imported records are drafts: no sources, no
evidence, for a person to source and review.

A bad row is reported with its spreadsheet row number (the header is row 1) and skipped;
the other rows are still imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InputError, ShutdownRecordsError, UsageError
from ..export.stop import stop_row
from ..export.vocab import canonical_platform, country_code, country_name, from_stop, stop_columns, stop_key, stop_mapping
from ..model import Incident, slugify
from ..yamlio import dump_yaml, write_atomic

# Columns that are parsed into record fields. Every other column goes to extra_columns.
_DATE_COLUMNS = ("start_date", "end_date")
_SPLIT = re.compile(r"\s*[;,]\s*")
_ASN = re.compile(r"^(?P<name>.*?)\s*\(AS(?P<asn>\d+)\)$", re.IGNORECASE)
_PROVISION = re.compile(
    r"^(?P<instrument>.+?)\s*\((?P<provision>(?:s\.|sec\.?|section|art\.?|article|§|clause|rule|para\.?|paragraph|chapter)\s*.+)\)$",
    re.IGNORECASE,
)


@dataclass
class ImportResult:
    written: list[Path] = field(default_factory=list)
    kept_existing: list[Path] = field(default_factory=list)
    errors: list[ShutdownRecordsError] = field(default_factory=list)


class RowError(InputError):
    """A STOP row that cannot become a record; `place` is `FILE.csv:row N`."""


def _header_key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def _delimiter(text: str) -> str:
    """"," as STOP writes; ";" or tab when the header uses them (Excel in many locales saves ";")."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def read_stop_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(spreadsheet row number, {column: cell}) for each non-empty row; BOM, Excel quoting and
    Excel's ";"-separated CSV are read.

    The whole file is decoded before the first row is given, so a sheet saved in another
    encoding is refused before anything is imported. STOP sheets are a few MB at most.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", place=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8: byte 0x{data[err.start]:02x} on line {line}; save the sheet as \"CSV UTF-8\"",
            place=str(path),
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader, None)
        if not header:
            raise InputError("empty file; expected a STOP header row (start_date,end_date,...)", place=f"{path}:row 1")
        keys = [_header_key(h) for h in header]
        if "country" not in keys or "start_date" not in keys:
            raise InputError("not a STOP sheet: the header has no country and start_date columns", place=f"{path}:row 1")
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            yield number, {k: (cells[i].strip() if i < len(cells) else "") for i, k in enumerate(keys) if k}
    except csv.Error as err:
        raise InputError(f"not valid CSV: {err}", place=f"{path}:line {reader.line_num}") from None


def parse_stop_date(text: str, day_first: bool = False) -> str:
    """A STOP date cell as YYYY-MM-DD (or YYYY-MM kept as is); ValueError when it is no date."""
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        return text
    key = "date_formats_day_first" if day_first else "date_formats"
    for fmt in stop_mapping()[key]:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    shown = "D/M/YYYY" if day_first else "M/D/YYYY"
    raise ValueError(f'"{text}" is not a date; expected YYYY-MM-DD (or {shown})')


class _Row:
    """Reads one row's cells into record values, collecting every problem instead of stopping."""

    def __init__(self, cells: dict[str, str]) -> None:
        self.cells = cells
        self.problems: list[str] = []

    def get(self, column: str) -> str:
        return self.cells.get(column, "")

    def vocab(self, column: str, table: str, *, several: bool) -> list[str]:
        cell = self.get(column)
        if not cell:
            return []
        mapping = from_stop(table)
        parts = [cell] if stop_key(cell) in mapping else (_SPLIT.split(cell) if several else [cell])
        values: list[str] = []
        for part in parts:
            key = stop_key(part)
            if key not in mapping and key != "unknown":
                choices = ", ".join(f'"{v}"' for v in dict.fromkeys(stop_mapping()[table]["to_stop"].values()))
                self.problems.append(f'{column}: "{part}" is not a STOP value; expected one of {choices}')
            elif key in mapping and mapping[key] not in values:
                values.append(mapping[key])
        return values

    def tri_state(self, column: str) -> bool | None:
        cell = stop_key(self.get(column))
        if cell in ("", "unknown", "n/a"):
            return None
        if cell == "yes":
            return True
        if cell == "no":
            return False
        self.problems.append(f'{column}: "{self.get(column)}" is not Yes, No or Unknown')
        return None

    def date(self, column: str, day_first: bool) -> str | None:
        cell = self.get(column)
        if not cell:
            return None
        try:
            return parse_stop_date(cell, day_first)
        except ValueError as err:
            self.problems.append(f"{column}: {err}")
            return None


def _kind(row: _Row) -> str | None:
    types = {stop_key(p) for p in _SPLIT.split(row.get("shutdown_type")) if p}
    extents = {stop_key(p) for p in _SPLIT.split(row.get("shutdown_extent")) if p}
    for column, values, expected in (
        ("shutdown_type", types, ("Shutdown", "Throttle")),
        ("shutdown_extent", extents, ("Full network", "Service-based")),
    ):
        for value in sorted(values - {stop_key(e) for e in expected} - {"unknown"}):
            row.problems.append(f'{column}: "{value}" is not a STOP value; expected "{expected[0]}" or "{expected[1]}"')
    if "throttle" in types and "shutdown" not in types:
        return "throttling"
    if "full network" in extents:
        return "full_network"
    if "service-based" in extents:
        return "service_block"
    return None


def _platforms(row: _Row, kind: str | None, start: str | None) -> list[str]:
    """Platforms marked "Yes", plus other_affected. A full-network row names none (they are all hit)."""
    if kind == "full_network":
        return []
    names: list[str] = []
    for column, spec in stop_mapping()["platform_columns"].items():
        if row.tri_state(column):
            name = spec["import_as"]
            renamed = spec.get("renamed")
            if renamed and start and start < renamed["since"]:
                name = renamed["before"]
            names.append(name)
    for other in _SPLIT.split(row.get("other_affected")):
        other = canonical_platform(other)
        if other and stop_key(other) not in ("no", "unknown", "none", "n/a") and other.casefold() not in {
            n.casefold() for n in names
        }:
            names.append(other)
    return names


def _scope(row: _Row) -> tuple[str | None, list[str]]:
    geo = stop_mapping()["geo_scope"]
    nationwide = {stop_key(a) for a in geo["nationwide_area_names"]}
    places = list(dict.fromkeys(r for r in _SPLIT.split(row.get("area_name")) if r))
    regions = [p for p in places if stop_key(p) not in nationwide]
    if len(regions) < len(places):
        return "national", regions
    cell = row.get("geo_scope")
    if not cell:
        return None, regions
    scope = from_stop("geo_scope").get(stop_key(cell))
    if scope is None:
        row.problems.append(f'geo_scope: "{cell}" is not a STOP value; expected one of "{geo["to_stop"]["regional"]}", '
                            f'"{geo["local_several_places"]}", "{geo["to_stop"]["local"]}"')
    return scope, regions


def _authorities(row: _Row) -> list[dict[str, Any]]:
    kinds = row.vocab("ordered_by", "ordered_by", several=False)
    kind = kinds[0] if kinds else "unknown"
    names = [n for n in re.split(r"\s*;\s*", row.get("decision_maker")) if n]
    return [{"name": n, "type": kind} for n in names]


def _legal(row: _Row) -> list[dict[str, Any]]:
    items = []
    for part in (p for p in re.split(r"\s*;\s*", row.get("legal_method")) if p):
        match = _PROVISION.match(part)
        items.append({"instrument": match["instrument"], "provision": match["provision"]} if match else {"instrument": part})
    return items


def _operators(row: _Row) -> list[dict[str, Any]]:
    items = []
    for part in (p for p in _SPLIT.split(row.get("telcos_involved")) if p):
        match = _ASN.match(part)
        items.append({"name": match["name"], "asn": int(match["asn"])} if match else {"name": part})
    return items


def _record_id(country: str, start: str | None, platforms: list[str], kind: str | None) -> str:
    m = stop_mapping()
    what = "-".join(slugify(p) for p in platforms[:3] if slugify(p))
    what = what or m["id_kind_slugs"].get(kind or "", m["id_fallback_slug"])
    return f"{country.lower()}-{start[:4] if start else 'undated'}-{what}"


def _title(country_label: str, platforms: list[str], kind: str | None) -> str:
    titles = stop_mapping()["import_titles"]
    key = kind or "fallback"
    if kind in ("service_block", "throttling") and not platforms:
        key = "throttling_network" if kind == "throttling" else "fallback"
    return titles[key].format(country=country_label, platforms=" and ".join(platforms))


def row_to_incident(cells: dict[str, str], place: str, *, day_first: bool = False) -> Incident:
    """One STOP row as a draft Incident; RowError listing every problem when it cannot be one."""
    row = _Row(cells)
    country_cell = row.get("country")
    country = country_code(country_cell) if country_cell else None
    if not country_cell:
        row.problems.append("country: empty; expected an English country name such as \"Pakistan\"")
    elif country is None:
        row.problems.append(f'country: "{country_cell}" is not a country name; expected an English name such as "Pakistan"')
    start = row.date("start_date", day_first)
    end = row.date("end_date", day_first)
    if start and end and len(start) == len(end) and end < start:
        row.problems.append(f"end_date: {end} is before start_date {start}; check the order of day and month")
    kind = _kind(row)
    platforms = _platforms(row, kind, start)
    scope, regions = _scope(row)
    networks = row.vocab("affected_network", "networks", several=True)
    status = row.vocab("shutdown_status", "status", several=False)
    justification = [j for j in row.vocab("gov_justification", "gov_justification", several=True) if j]
    context = row.vocab("actual_cause", "actual_cause", several=True)
    if row.tri_state("election") and "elections" not in context:
        context.append("elections")
    acknowledged = row.tri_state("gov_ack")
    ordered_by = _authorities(row)
    if row.problems:
        raise RowError("; ".join(row.problems), place=place)
    assert country is not None
    data: dict[str, Any] = {
        "id": _record_id(country, start, platforms, kind),
        "title": _title(country_name(country), platforms, kind),
        "summary": row.get("event") or None,
        "review_status": "draft",
        "country": country,
        "platforms": platforms,
        "kind": kind,
        "networks": networks,
        "scope": scope,
        "regions": regions,
        "start_date": start,
        "end_date": end,
        "status": status[0] if status else "unknown",
        "ordered_by": ordered_by,
        "justification": justification,
        "context": context,
        "legal_basis": _legal(row),
        "acknowledged": acknowledged,
        "operators": _operators(row),
    }
    try:
        record = Incident.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RowError(f"{where}: {first['msg']}", place=place) from None
    return record.model_copy(update={"extra_columns": _extra_columns(record, cells)})


def _extra_columns(record: Incident, cells: dict[str, str]) -> dict[str, str]:
    """Every non-empty cell the record does not give back as it was: nothing in the sheet is lost."""
    exported = stop_row(record)
    known = set(stop_columns())
    extra: dict[str, str] = {}
    for column, cell in cells.items():
        if not cell or column in _DATE_COLUMNS:
            continue
        if column not in known or stop_key(exported.get(column, "")) != stop_key(cell):
            extra[column] = cell
    return extra


def _record_yaml(record: Incident) -> str:
    """The draft as YAML: empty values left out so the file shows what the row said."""
    data = record.model_dump(mode="json")
    keep = {"id", "title", "review_status", "status"}
    return dump_yaml({k: v for k, v in data.items() if k in keep or v not in (None, [], {}, "")})


def import_stop(
    csv_path: Path,
    out_dir: Path,
    *,
    force: bool = False,
    day_first: bool = False,
    on_error: Callable[[ShutdownRecordsError], None] | None = None,
    on_kept: Callable[[Path], None] | None = None,
) -> ImportResult:
    """Write one `<id>.yaml` draft per good row into `out_dir`; bad rows go to `on_error`.

    Ids are deduplicated within the sheet (`-2`, `-3`, in row order). An existing file is
    never replaced unless `force`; it is reported to `on_kept` instead.
    """
    csv_path, out_dir = Path(csv_path), Path(out_dir)
    if not csv_path.is_file():
        raise UsageError(f"no such file: {csv_path}")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o must be a folder: {out_dir} is a file")
    result = ImportResult()
    used: dict[str, int] = {}
    for number, cells in read_stop_rows(csv_path):
        try:
            record = row_to_incident(cells, f"{csv_path}:row {number}", day_first=day_first)
        except ShutdownRecordsError as err:
            result.errors.append(err)
            if on_error is not None:
                on_error(err)
            continue
        base = record.id
        used[base] = used.get(base, 0) + 1
        if used[base] > 1:
            record = record.model_copy(update={"id": f"{base}-{used[base]}"})
        target = out_dir / f"{record.id}.yaml"
        if target.exists() and not force:
            result.kept_existing.append(target)
            if on_kept is not None:
                on_kept(target)
            continue
        write_atomic(target, _record_yaml(record))
        result.written.append(target)
    return result
