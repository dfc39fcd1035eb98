"""`csv`: one spreadsheet row per record, for people who sort and filter in a spreadsheet.

List fields share one cell, items joined by LIST_SEPARATOR; structured items are written as
"name (detail)". Evidence is summarised (how many quotes, for which fields), not copied:
the quotes themselves are in `jsonl` and in the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..fields import FIELDS
from ..model import Incident, item_label
from .base import CsvRowWriter, instrument_label, operator_label, source_urls

LIST_SEPARATOR = "; "

# The record's own name first, then one column per core field whose registry entry (fields.py)
# has `csv`, in model order, then summaries of sources, evidence, conflicts and curation.
LEADING_COLUMNS: tuple[str, ...] = ("id", "title", "summary", "review_status")
TRAILING_COLUMNS: tuple[str, ...] = (
    "source_count",
    "source_urls",
    "evidence_count",
    "evidence_by_field",
    "conflicts",
    "curation",
)
COLUMNS: tuple[str, ...] = (*LEADING_COLUMNS, *(f.name for f in FIELDS if f.csv), *TRAILING_COLUMNS)


def _join(items: list[str]) -> str:
    return LIST_SEPARATOR.join(items)


def _court(c: Any) -> str:
    detail = ", ".join(x for x in (c.date, c.status, c.outcome) if x)
    return f"{c.court} ({detail})" if detail else c.court


# Fields whose items carry details worth a cell; every other field is written by `field_cell`.
ITEM_CELLS: dict[str, Callable[[Any], str]] = {
    "ordered_by": lambda a: f"{a.name} ({a.type})",
    "legal_basis": lambda x: instrument_label(x.instrument, x.provision),
    "court_challenges": _court,
    "operators": lambda o: operator_label(o.name, o.asn),
    "technical_reports": lambda t: f"{t.publisher} ({t.url})" if t.url else t.publisher,
    "official_statements": lambda s: f"{s.by}: {s.summary}",
}


def field_cell(record: Incident, name: str) -> str:
    """One core field as a cell: "" for nothing, booleans as true/false, list items joined."""
    value = getattr(record, name)
    if isinstance(value, list):
        show = ITEM_CELLS.get(name) or (lambda item: item_label(name, item))
        return _join([show(item) for item in value])
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def csv_row(record: Incident) -> dict[str, str]:
    """The record as CSV cells (strings; "" for nothing)."""
    counts = {field: len(cites) for field, cites in record.evidence.items() if cites}
    return {
        "id": record.id,
        "title": record.title,
        "summary": record.summary or "",
        "review_status": str(record.review_status),
        **{f.name: field_cell(record, f.name) for f in FIELDS if f.csv},
        "source_count": str(len(record.sources)),
        "source_urls": _join(source_urls(record)),
        "evidence_count": str(sum(counts.values())),
        "evidence_by_field": _join([f"{field}={n}" for field, n in counts.items()]),
        "conflicts": _join(list(record.conflicts)),
        "curation": _join(
            [
                f"{field}={how}"
                if not isinstance(how, dict)
                else "; ".join(f"{field}[{item}]={mark}" for item, mark in how.items())
                for field, how in record.curation.items()
            ]
        ),
    }


class CsvWriter(CsvRowWriter):
    name = "csv"
    description = f"one row per record, list items joined by {LIST_SEPARATOR!r}, evidence counts"

    def columns(self) -> list[str]:
        return list(COLUMNS)

    def row(self, record: Incident) -> dict[str, str]:
        return csv_row(record)
