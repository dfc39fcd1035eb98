"""What every export format shares: the writer interface and small views of a record."""

from __future__ import annotations

import csv
import re
from typing import Any, TextIO

from ..errors import UsageError
from ..model import Incident


class RecordWriter:
    """One output format. `begin`, then `write` once per record as it is loaded, then `end`.

    Writers never hold more than one record, so an export of any size runs in constant memory.
    """

    name = ""
    description = ""

    def __init__(self, out: TextIO, **options: Any) -> None:
        self.check_options(options)
        self.out = out
        self.settings = options

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> None:
        unknown = set(options) - set(cls.options())
        if unknown:
            raise UsageError(f"format {cls.name!r} has no option {sorted(unknown)[0]!r}")

    @classmethod
    def options(cls) -> tuple[str, ...]:
        """Keyword options this format accepts (e.g. ooni's `jsonl`)."""
        return ()

    def begin(self) -> None:
        """Write what comes before the first record (a header row, an opening bracket)."""

    def write(self, record: Incident) -> None:
        raise NotImplementedError

    def end(self) -> None:
        """Write what comes after the last record."""


class CsvRowWriter(RecordWriter):
    """A spreadsheet format: a header, then one row per record from `columns()` and `row()`."""

    @classmethod
    def options(cls) -> tuple[str, ...]:
        return ("bom", "raw_cells")

    def columns(self) -> list[str]:
        raise NotImplementedError

    def row(self, record: Incident) -> dict[str, str]:
        raise NotImplementedError

    def begin(self) -> None:
        if self.settings.get("bom"):
            self.out.write("\ufeff")  # Excel reads a CSV as UTF-8 only when it starts with a BOM
        self._csv = csv.DictWriter(self.out, fieldnames=self.columns(), dialect="excel")
        self._csv.writeheader()

    def write(self, record: Incident) -> None:
        row = self.row(record)
        if not self.settings.get("raw_cells"):
            row = {column: spreadsheet_cell(value) for column, value in row.items()}
        self._csv.writerow(row)


# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it starts with = + - @,
# a tab or a carriage return. A plain number such as -3 or +1.5 is no formula and stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def spreadsheet_cell(value: str) -> str:
    """`value` made inert for spreadsheets: a leading single quote before a formula start.

    Records come from people a team does not know; a title `=HYPERLINK(...)` must not run
    when someone opens the export. `export --raw-cells` turns this off for tools that read
    the file as data.
    """
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def source_urls(record: Incident) -> list[str]:
    """The record's source URLs in source order, each once."""
    return list(dict.fromkeys(s.url for s in record.sources if s.url))


def cited_sources(record: Incident, field: str) -> list[str]:
    """Where the quotes for `field` come from: each source's URL, or its id when it has none."""
    urls = {s.id: s.url for s in record.sources}
    return list(dict.fromkeys(urls.get(c.source) or c.source for c in record.evidence.get(field, [])))


def cited_quotes(record: Incident, field: str) -> list[str]:
    return list(dict.fromkeys(c.quote for c in record.evidence.get(field, [])))


def operator_label(name: str, asn: int | None) -> str:
    return f"{name} (AS{asn})" if asn is not None else name


def instrument_label(instrument: str, provision: str | None) -> str:
    return f"{instrument} ({provision})" if provision else instrument
