"""`stop`: one row per record in the columns and exact value strings of Access Now's STOP sheets.

Every value string comes from `data/exchange/stop_mapping.yaml`. A cell is the record's value when the
record has one; else the record's `extra_columns` entry for that column (what an import of a
STOP sheet kept, so sheet -> records -> sheet loses nothing); else the column's default.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..fields import FIELDS
from ..model import ImportedRow, Incident, item_label
from .base import (
    CsvRowWriter,
    cited_quotes,
    cited_sources,
    instrument_label,
    operator_label,
    source_urls,
    spreadsheet_cell,
)
from .vocab import country_name, stop_columns, stop_mapping


def _sep(column: str) -> str:
    return str(stop_mapping()["separators"].get(column, ", "))


def _join(column: str, items: list[str]) -> str | None:
    items = list(dict.fromkeys(i for i in items if i))
    return _sep(column).join(items) if items else None


def _duration_days(start: str | None, end: str | None) -> str | None:
    """Whole days, both ends counted, when both dates have day precision."""
    if not start or not end or len(start) != 10 or len(end) != 10:
        return None
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    return str(days) if days > 0 else None


def _scope_cells(record: Incident, m: dict[str, Any]) -> tuple[str | None, str | None]:
    geo = m["geo_scope"]
    area = _join("area_name", record.regions)
    if record.scope is None:
        return None, area
    if record.scope == "local" and len(record.regions) > 1:
        return geo["local_several_places"], area
    if record.scope == "national":  # "Nationwide", then any regions the record names
        area = _join("area_name", [geo["national_area_name"], *record.regions])
    return geo["to_stop"][record.scope], area


def _kind_cells(record: Incident, m: dict[str, Any]) -> tuple[str | None, str | None]:
    """shutdown_type and shutdown_extent; with `kinds`, every kind combined ("Shutdown, Throttle")."""
    if record.kind is None:
        return None, None
    types: list[str] = []
    extents: list[str] = []
    for kind in [record.kind, *[k for k in record.kinds if k != record.kind]]:
        cells = m["kind"]["to_stop"][kind]
        extent = cells.get("shutdown_extent")
        if extent is None:  # throttling: its extent depends on what was throttled
            which = "with_platforms" if record.platforms else "without_platforms"
            extent = m["kind"]["throttle_extent"][which]
        types.append(cells["shutdown_type"])
        extents.append(extent)
    order = m["kind"]["order"]
    types = sorted(set(types), key=order["shutdown_type"].index)
    extents = sorted(set(extents), key=order["shutdown_extent"].index)
    return ", ".join(types), ", ".join(extents)


def _platform_cells(record: Incident, m: dict[str, Any]) -> dict[str, str | None]:
    named = {p.casefold() for p in record.platforms}
    cells: dict[str, str | None] = {}
    covered: set[str] = set()
    for column, spec in m["platform_columns"].items():
        names = {p.casefold() for p in spec["platforms"]}
        covered |= names
        if not record.platforms:
            cells[column] = None
        else:
            cells[column] = m["cell_yes"] if named & names else m["cell_no"]
    others = [p for p in record.platforms if p.casefold() not in covered]
    cells["other_affected"] = _join("other_affected", others)
    return cells


def computed_cells(record: Incident) -> dict[str, str | None]:
    """What the record itself says for each STOP column; None where it says nothing."""
    m = stop_mapping()
    shutdown_type, extent = _kind_cells(record, m)
    geo_scope, area_name = _scope_cells(record, m)
    networks = [m["networks"]["to_stop"][n] for n in record.networks]
    networks.sort(key=m["networks"]["order"].index)
    ack = None if record.acknowledged is None else (m["cell_yes"] if record.acknowledged else m["cell_no"])
    cells: dict[str, str | None] = {
        "start_date": record.start_date,
        "end_date": record.end_date,
        "duration": _duration_days(record.start_date, record.end_date),
        # "unknown" claims nothing, so a kept sheet cell or the default fills it
        "shutdown_status": None if record.status == "unknown" else m["status"]["to_stop"][record.status],
        "country": country_name(record.country) or None,
        "geo_scope": geo_scope,
        "area_name": area_name,
        "shutdown_type": shutdown_type,
        "shutdown_extent": extent,
        "affected_network": _join("affected_network", networks),
        **_platform_cells(record, m),
        "ordered_by": m["ordered_by"]["to_stop"][record.ordered_by[0].type] if record.ordered_by else None,
        "decision_maker": _join("decision_maker", [a.name for a in record.ordered_by]),
        "gov_justification": _join(
            "gov_justification", [m["gov_justification"]["to_stop"][j] for j in record.justification]
        ),
        "gov_just_details": _join("gov_just_details", cited_quotes(record, "justification")),
        "actual_cause": _join("actual_cause", [m["actual_cause"]["to_stop"][c] for c in record.context]),
        "actual_cause_details": _join("actual_cause_details", cited_quotes(record, "context")),
        "gov_ack": ack,
        "gov_ack_source": _join("gov_ack_source", cited_sources(record, "acknowledged")),
        "gov_ack_quote": _join("gov_ack_quote", cited_quotes(record, "acknowledged")),
        "legal_just": m["cell_yes"] if record.legal_basis else None,
        "legal_method": _join(
            "legal_method", [instrument_label(x.instrument, x.provision) for x in record.legal_basis]
        ),
        "telcos_involved": _join("telcos_involved", [operator_label(o.name, o.asn) for o in record.operators]),
        "election": m["cell_yes"] if "elections" in record.context else None,
        "info_source_link": _join("info_source_link", source_urls(record)),
        "event": record.summary or record.title,
    }
    columns = set(stop_columns())
    for spec in FIELDS:  # a field whose STOP column has no cell above: its values as written
        for column in spec.stop:
            if column not in cells and column in columns:
                cells[column] = _join(column, _plain_values(record, spec.name, m))
    return cells


def _plain_values(record: Incident, name: str, m: dict[str, Any]) -> list[str]:
    value = getattr(record, name)
    if isinstance(value, list):
        return [item_label(name, item) for item in value]
    if isinstance(value, bool):
        return [m["cell_yes"] if value else m["cell_no"]]
    return [] if value is None else [str(value)]


def _row_cells(row: ImportedRow) -> dict[str, str]:
    """The row's verbatim cells keyed by 2020-2022 column name (its layout's meaning)."""
    from ..importer.sheet import header_key, layout_columns

    layout_map = layout_columns(row.layout)
    return {layout_map.get(header_key(h), header_key(h)): cell for h, cell in row.cells.items()}


def _kept_columns(record: Incident) -> tuple[set[str], dict[str, Any]]:
    """The 2020-2022 columns whose record fields still hold what the imported rows gave (their
    cells go back verbatim), and the fields the rows give."""
    from ..importer.rows import COLUMN_FIELDS
    from ..importer.stop import derive

    fields, meaning = derive(record.imported_rows)
    expected = Incident.model_validate({"id": record.id, "title": record.title, **fields}).model_dump(mode="json")
    current = record.model_dump(mode="json")
    kept = {c for c, names in COLUMN_FIELDS.items() if all(current[f] == expected[f] for f in names)}
    columns = set(stop_columns()) | set(meaning.extra) | set(record.extra_columns)
    kept |= {c for c in columns if c not in COLUMN_FIELDS and record.extra_columns.get(c) == meaning.extra.get(c)}
    return kept, expected


def stop_row(record: Incident, columns: list[str] | None = None, row: ImportedRow | None = None) -> dict[str, str]:
    """The record as one STOP row in `columns` (default: the 2020-2022 columns).

    With `row` (one of the record's imported rows), each cell whose record fields still say
    what the row said is the row's own cell, verbatim; a cell whose fields a person changed
    is the record's value (dates in the row's own form). Without `row`: the record's value,
    else extra_columns, else the column's default; for the `sheet_first` columns (duration,
    election) a kept sheet value comes first.
    """
    computed = computed_cells(record)
    defaults = stop_mapping().get("defaults") or {}
    sheet_first = set(stop_mapping().get("sheet_first") or ())
    columns = list(columns or stop_columns())
    if row is None:
        out: dict[str, str] = {}
        for column in columns:
            value = computed.get(column)
            if value is None or (column in sheet_first and column in record.extra_columns):
                value = record.extra_columns.get(column)
            if value is None:
                value = defaults.get(column, "")
            out[column] = str(value)
        return out
    from ..importer.dates import format_like
    from ..importer.sheet import header_key, layout_columns

    kept, _ = _kept_columns(record)
    verbatim = _row_cells(row)
    layout_map = layout_columns(row.layout)
    out = {}
    for header in columns:
        column = layout_map.get(header_key(header), header_key(header))
        if column in kept:
            out[header] = verbatim.get(column, "")
            continue
        value = computed.get(column)
        if value is None:
            value = record.extra_columns.get(column, "")
        if column in ("start_date", "end_date") and value and len(value) == 10:
            example = verbatim.get(column) or verbatim.get("start_date") or ""
            value = format_like(value, example, row.date_order) if example else value
        out[header] = str(value)
    return out


def stop_rows(record: Incident, columns: list[str] | None = None, sheet: str | None = None) -> list[dict[str, str]]:
    """The rows a record writes: with `sheet`, one per row imported from that sheet (in row
    order), or one made from the record when it has none; else one, from its primary row when
    that row is in the 2020-2022 vocabulary."""
    from ..importer.rows import primary

    if sheet is not None:
        rows = sorted((r for r in record.imported_rows if r.sheet == sheet), key=lambda r: r.row)
        if rows:
            return [stop_row(record, columns, r) for r in rows]
        return [stop_row(record, columns)]
    main = primary(record.imported_rows) if record.imported_rows else None
    same_vocabulary = (
        main is not None
        and main.layout in stop_mapping()["layouts"]
        and not (stop_mapping()["layouts"][main.layout].get("columns"))
    )
    return [stop_row(record, columns, main if same_vocabulary else None)]


def sheet_header(path: Path) -> list[str]:
    """The header row of a STOP sheet, as written (any encoding and separator import reads)."""
    from ..importer.sheet import read_sheet

    return read_sheet(path).header


class StopWriter(CsvRowWriter):
    name = "stop"
    description = "Access Now STOP columns (2020-2022 sheets) and value strings, one row per record"

    @classmethod
    def options(cls) -> tuple[str, ...]:
        return ("bom", "raw_cells", "like")

    def begin(self) -> None:
        like = self.settings.get("like")
        self._like_name = Path(like).name if like else None
        self._columns = sheet_header(Path(like)) if like else list(stop_columns())
        super().begin()

    def columns(self) -> list[str]:
        return self._columns

    def write(self, record: Incident) -> None:
        for row in stop_rows(record, self._columns, self._like_name):
            if not self.settings.get("raw_cells"):
                row = {column: spreadsheet_cell(value) for column, value in row.items()}
            self._csv.writerow(row)

    def row(self, record: Incident) -> dict[str, str]:
        return stop_row(record)
