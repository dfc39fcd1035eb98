"""A STOP sheet as spreadsheet programs save it: its encoding, separator, header and layout.

Excel and LibreOffice write UTF-8 with or without a BOM, UTF-16 ("Unicode text", tabs), or
the Windows code page (cp1252) of "CSV" in western locales; they separate cells by ",", or
";" where the decimal mark is a comma, or tabs. All are read; the summary names what was found.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..export.vocab import stop_columns, stop_mapping

_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class Sheet:
    """The rows of one sheet: `header` as written, `keys` normalised, and per row its cells
    keyed by the layout's 2020-2022 column name (`canonical`)."""

    path: Path
    encoding: str
    delimiter: str
    layout: str
    header: list[str]
    keys: list[str]
    canonical: dict[str, str]  # header key -> 2020-2022 column (or the key itself)
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row number, {header: cell})
    blank: int = 0  # rows with no cell filled in (spreadsheets leave them at the end)


def header_key(name: str) -> str:
    """`Start Date `, `start-date`, `telco_ ack` -> `start_date`, `telco_ack`."""
    return re.sub(r"[\s_-]+", "_", name.strip().lower()).strip("_")


def decode(data: bytes, place: str) -> tuple[str, str]:
    """(text, encoding name). UTF-16 by its BOM, UTF-8 (BOM or not), else Windows cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise InputError(
                f'not valid UTF-16 at byte {err.start}; save the sheet as "CSV UTF-8"', place=place
            ) from None
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise InputError(
                f"neither UTF-8 nor Windows-1252: byte 0x{data[utf8_error.start]:02x} on line {line}; "
                'save the sheet as "CSV UTF-8"',
                place=place,
            ) from None


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: csv.Sniffer's choice among , ; tab |, else the most used."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return max(_DELIMITERS, key=header.count)


def layout_columns(layout: str) -> dict[str, str]:
    """A layout's own header key -> 2020-2022 column; {} for a layout we do not know (a record
    is untrusted input: its `layout` may name anything)."""
    spec = stop_mapping()["layouts"].get(layout) or {}
    return {header_key(k): v for k, v in (spec.get("columns") or {}).items()}


def detect_layout(keys: list[str]) -> tuple[str, dict[str, str]]:
    """The layout whose `detect` keys the header has, and its header key -> column map."""
    layouts = stop_mapping()["layouts"]
    present = set(keys)
    name = next(
        (n for n, spec in layouts.items() if present & set(spec.get("detect") or ())), stop_mapping()["layout_fallback"]
    )
    renames = {header_key(k): v for k, v in (layouts[name].get("columns") or {}).items()}
    return name, {k: renames.get(k, k) for k in keys if k}


def read_sheet(path: Path) -> Sheet:
    """Every non-empty row of `path`; InputError (nothing read) when it is not a STOP sheet.

    The whole file is decoded before any row is given; STOP sheets are a few MB at most.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", place=str(path)) from None
    text, encoding = decode(data, str(path))
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise InputError("empty file; expected a STOP header row (start_date,country,...)", place=f"{path}:row 1")
        keys = [header_key(h) for h in header]
        layout, canonical = detect_layout(keys)
        if "country" not in canonical.values() or "start_date" not in canonical.values():
            known = ", ".join(stop_columns()[:5])
            raise InputError(
                f"not a STOP sheet: the header has no country and start_date columns (a STOP header has {known}, ...)",
                place=f"{path}:row 1",
            )
        dupes = sorted({k for k in keys if k and keys.count(k) > 1})
        if dupes:
            raise InputError(f"the header names column {dupes[0]!r} twice; rename one", place=f"{path}:row 1")
        sheet = Sheet(path, encoding, delimiter, layout, header, keys, canonical)
        # the row number is the spreadsheet's: a cell with line breaks stays one row
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                sheet.blank += 1
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                raise InputError(
                    f"{len(cells)} cells but the header has {len(header)} columns; a separator inside a "
                    "cell must be quoted",
                    place=f"{path}:row {number}",
                )
            sheet.rows.append(
                (
                    number,
                    {header[i]: formula_unescaped(cells[i]) for i in range(min(len(cells), len(header))) if keys[i]},
                )
            )
    except csv.Error as err:
        raise InputError(f"not valid CSV: {err}", place=f"{path}:line {reader.line_num}") from None
    return sheet


def formula_unescaped(cell: str) -> str:
    """A cell as a person wrote it: `export` puts a single quote before a cell that a spreadsheet
    would run as a formula (export.base.spreadsheet_cell), and reading the sheet back takes it off,
    so export -> import -> export gives every cell back unchanged."""
    from ..export.base import spreadsheet_cell  # noqa: PLC0415

    if cell.startswith("'") and spreadsheet_cell(cell[1:]) == cell:
        return cell[1:]
    return cell
