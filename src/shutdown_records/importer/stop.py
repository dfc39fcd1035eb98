"""One draft record per row of an Access Now STOP sheet (any layout since 2016), or the row
merged into the record of the same incident imported from another yearly sheet.

Every row becomes a record: what a row says that the record cannot hold (an unknown
vocabulary value, a place with no ISO code, an unreadable date) is listed in the row's
`problems`, which `validate` reports. Each record keeps its rows verbatim in `imported_rows`,
so the STOP export gives each row back as it was while the fields hold what it means. The
summary accounts for every row: imported, merged, already there, kept, or failed (and why).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import InputError, ShutdownRecordsError, UsageError
from ..export.vocab import country_name, stop_mapping
from ..model import ImportedRow, Incident
from ..records import load_record
from ..yamlio import dump_yaml, write_atomic
from .dates import DAY_FIRST, MONTH_FIRST, DateOrder, DateOrderError, sheet_order, slash_parts
from .rows import DERIVED_FIELDS, RowMeaning, canonical_cells, id_stem, primary, row_meaning, url_sources, urls
from .sheet import Sheet, read_sheet


class RowError(InputError):
    """A STOP row that cannot become a record; `place` is `FILE.csv:row N`."""


@dataclass
class ImportResult:
    """What happened to each row of one sheet; the counts add up to `rows`."""

    rows: int = 0
    written: list[Path] = field(default_factory=list)  # new records (or replaced with --force)
    merged: list[Path] = field(default_factory=list)  # the row added to an existing imported record
    unchanged: list[Path] = field(default_factory=list)  # this very row was imported before
    kept_existing: list[Path] = field(default_factory=list)  # a record not made by an import has the id
    errors: list[ShutdownRecordsError] = field(default_factory=list)  # rows that failed, with why
    problems: list[ShutdownRecordsError] = field(default_factory=list)  # imported, with problems listed
    layout: str = ""
    encoding: str = ""
    delimiter: str = ""
    date_order: str | None = None
    blank: int = 0  # rows without any cell, not counted in `rows`

    def summary(self, path: Path) -> str:
        separator = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(self.delimiter, self.delimiter)
        dates = f", slash dates {self.date_order}" if self.date_order else ""
        text = (
            f"{path}: {self.rows} row(s) ({self.layout} layout, {self.encoding}, {separator}-separated{dates}): "
            f"{len(self.written)} imported, {len(self.merged)} merged into existing records, "
            f"{len(self.unchanged)} already imported, {len(self.kept_existing)} kept (existing record not "
            f"from an import), {len(self.errors)} failed"
        )
        if self.problems:
            text += f"; {len(self.problems)} draft(s) with problems (listed above; validate reports them as W224)"
        if self.blank:
            text += f"; {self.blank} blank row(s) without any cell skipped"
        return text


def _title(country_label: str, platforms: list[str], kind: str | None) -> str:
    titles = stop_mapping()["import_titles"]
    key = kind or "fallback"
    if kind in ("service_block", "throttling") and not platforms:
        key = "throttling_network" if kind == "throttling" else "fallback"
    if kind == "full_network":
        key = "full_network"
    return titles[key].format(country=country_label, platforms=" and ".join(platforms))


def derive(rows: list[ImportedRow]) -> tuple[dict[str, Any], RowMeaning]:
    """The record fields a set of imported rows gives: the primary row's facts, every row's links."""
    main = primary(rows)
    meaning = row_meaning(canonical_cells(main), main.date_order)
    fields = dict(meaning.fields)
    links: list[str] = []
    for row in sorted(rows, key=lambda r: (r.sheet, r.row)):
        links += [u for u in urls(canonical_cells(row)) if u not in links]
    fields["sources"] = url_sources(links)
    return fields, meaning


def record_from_rows(rows: list[ImportedRow], record_id: str, base: Incident | None = None) -> Incident:
    """A draft from its rows; with `base` (a person changed it since import) only the rows and
    links are added and the person's fields are kept."""
    rows = sorted(rows, key=lambda r: (r.sheet, r.row))
    fields, meaning = derive(rows)
    if base is not None:
        data = base.model_dump(mode="json")
        known = {s["url"] for s in data["sources"] if s.get("url")}
        used = {s["id"] for s in data["sources"]}
        for source in fields["sources"]:
            if source["url"] not in known:
                n = len(used) + 1
                while f"link-{n}" in used:
                    n += 1
                used.add(f"link-{n}")
                data["sources"].append({**source, "id": f"link-{n}"})
        data["imported_rows"] = [r.model_dump(mode="json") for r in rows]
        return Incident.model_validate(data)
    label = country_name(fields["country"]) if fields["country"] else canonical_cells(primary(rows)).get("country", "")
    data = {
        "id": record_id,
        "title": _title(label or "an unknown country", fields["platforms"], fields["kind"]),
        "review_status": "draft",
        **fields,
        "extra_columns": meaning.extra,
        "imported_rows": [r.model_dump(mode="json") for r in rows],
    }
    return Incident.model_validate(data)


def unchanged_since_import(record: Incident) -> bool:
    """Does the record still say what its imported rows say (no person has changed a field)?"""
    if not record.imported_rows:
        return False
    fields, meaning = derive(record.imported_rows)
    current = record.model_dump(mode="json")
    expected = Incident.model_validate({"id": record.id, "title": record.title, **fields}).model_dump(mode="json")
    return all(current[f] == expected[f] for f in DERIVED_FIELDS) and record.extra_columns == meaning.extra


def _record_yaml(record: Incident) -> str:
    """The draft as YAML: empty values left out so the file shows what the row said."""
    data = record.model_dump(mode="json")
    keep = {"id", "title", "review_status", "status"}
    data = {k: v for k, v in data.items() if k in keep or v not in (None, [], {}, "")}
    for key, value in data.items():  # list items too: no `provision: null`, `asn: null`, `problems: []`
        if isinstance(value, list):
            data[key] = [
                {k: v for k, v in item.items() if v not in (None, [])} if isinstance(item, dict) else item
                for item in value
            ]
    return dump_yaml(data)


def _date_order(sheet: Sheet, day_first: bool, month_first: bool) -> DateOrder | None:
    given: DateOrder | None = DAY_FIRST if day_first else MONTH_FIRST if month_first else None
    cells = []
    for number, cells_of_row in sheet.rows:
        for header, cell in cells_of_row.items():
            column = sheet.canonical.get(sheet.keys[sheet.header.index(header)])
            if column in ("start_date", "end_date") and cell.strip():
                cells.append((f"row {number} {column}", cell.strip()))
    try:
        order = sheet_order(cells, given)
    except DateOrderError as err:
        raise InputError(str(err), place=str(sheet.path)) from None
    return order if any(slash_parts(c) for _, c in cells) else None


def import_stop(
    csv_path: Path,
    out_dir: Path,
    *,
    force: bool = False,
    day_first: bool = False,
    month_first: bool = False,
    on_error: Callable[[ShutdownRecordsError], None] | None = None,
    on_kept: Callable[[Path], None] | None = None,
    on_problem: Callable[[ShutdownRecordsError], None] | None = None,
) -> ImportResult:
    """Write one `<id>.yaml` draft per row into `out_dir`, or merge the row into the record
    of the same incident there. An existing record not made by an import is never changed
    unless `force`; it is reported to `on_kept`."""
    csv_path, out_dir = Path(csv_path), Path(out_dir)
    if day_first and month_first:
        raise UsageError("--day-first and --month-first exclude each other")
    if not csv_path.exists():
        raise UsageError(f"no such file: {csv_path}")
    if not csv_path.is_file():
        raise UsageError(f"{csv_path} is not a regular file (a folder, FIFO or device); give the saved sheet itself")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"-o must be a folder: {out_dir} is a file")
    sheet = read_sheet(csv_path)
    order = _date_order(sheet, day_first, month_first)
    result = ImportResult(
        rows=len(sheet.rows),
        layout=sheet.layout,
        encoding=sheet.encoding,
        delimiter=sheet.delimiter,
        date_order=order,
        blank=sheet.blank,
    )
    seen: dict[str, int] = {}
    for number, cells in sheet.rows:
        place = f"{csv_path}:row {number}"
        try:
            row = ImportedRow(
                dataset="stop",
                sheet=csv_path.name,
                row=number,
                layout=sheet.layout,
                cells={h: c for h, c in cells.items() if c.strip()},
                date_order=order,
            )
            canonical = canonical_cells(row)
            meaning = row_meaning(canonical, order)
            row = row.model_copy(update={"problems": meaning.problems})
            f = meaning.fields
            stem = id_stem(
                canonical.get("country", ""), f["country"], f["start_date"], f["platforms"], f["kind"], f["regions"]
            )
            seen[stem] = seen.get(stem, 0) + 1
            record_id = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
            target = out_dir / f"{record_id}.yaml"
            outcome, record = _place_row(row, record_id, target, force, place)
        except (ValidationError, ShutdownRecordsError) as err:
            error = err if isinstance(err, ShutdownRecordsError) else RowError(_first_error(err), place=place)
            result.errors.append(error)
            if on_error is not None:
                on_error(error)
            continue
        if outcome == "kept":
            result.kept_existing.append(target)
            if on_kept is not None:
                on_kept(target)
            continue
        if record is not None:
            try:
                write_atomic(target, _record_yaml(record))
            except OSError as err:
                error = RowError(f"cannot write {target}: {err.strerror or err}", place=place)
                result.errors.append(error)
                if on_error is not None:
                    on_error(error)
                continue
        getattr(result, outcome).append(target)
        if meaning.problems:
            problem = RowError("; ".join(meaning.problems) + f" (record {target.name})", place=place)
            result.problems.append(problem)
            if on_problem is not None:
                on_problem(problem)
    return result


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def _place_row(row: ImportedRow, record_id: str, target: Path, force: bool, place: str) -> tuple[str, Incident | None]:
    """("written" | "merged" | "unchanged" | "kept", the record to write or None)."""
    if not target.exists():
        return "written", record_from_rows([row], record_id)
    try:
        existing = load_record(target)
    except ShutdownRecordsError as err:
        if force:
            return "written", record_from_rows([row], record_id)
        raise RowError(
            f"{target} exists but cannot be read, so the row was not merged into it: {err.message}", place=place
        ) from None
    # one row per sheet in a record: ids are unique within a sheet, so a row of the same sheet
    # already there is this row as an earlier import of the sheet read it (maybe moved or edited)
    others = [r for r in existing.imported_rows if r.sheet != row.sheet]
    if force:  # the fields from the rows again; the rows of other sheets stay
        return "written", record_from_rows([*others, row], record_id)
    if not existing.imported_rows:
        return "kept", None
    same = [r for r in existing.imported_rows if r.sheet == row.sheet]
    if same and (same[0].row, same[0].cells, same[0].date_order) == (row.row, row.cells, row.date_order):
        return "unchanged", None
    rows = [*others, row]
    base = None if unchanged_since_import(existing) else existing
    merged = record_from_rows(rows, existing.id, base)
    if base is None:  # keep what a person may have written outside the derived fields
        merged = merged.model_copy(update={"title": existing.title})
    return "merged", merged


def row_to_incident(cells: dict[str, str], place: str, *, day_first: bool = False) -> Incident:
    """One row given as {2020-2022 column: cell} as a draft Incident (slash dates M/D unless
    `day_first`); RowError listing every problem when the row has any."""
    number = int(place.rsplit("row ", 1)[1]) if "row " in place and place.rsplit("row ", 1)[1].isdigit() else 2
    sheet_name = Path(place.split(":row")[0]).name or "sheet.csv"
    order = DAY_FIRST if day_first else MONTH_FIRST
    row = ImportedRow(
        dataset="stop",
        sheet=sheet_name,
        row=number,
        layout=stop_mapping()["layout_fallback"],
        cells={h: c for h, c in cells.items() if c.strip()},
        date_order=order,
    )
    meaning = row_meaning(canonical_cells(row), order)
    if meaning.problems:
        raise RowError("; ".join(meaning.problems), place=place)
    f = meaning.fields
    record_id = id_stem(
        cells.get("country", ""), f["country"], f["start_date"], f["platforms"], f["kind"], f["regions"]
    )
    try:
        return record_from_rows([row], record_id)
    except ValidationError as err:
        raise RowError(_first_error(err), place=place) from None
