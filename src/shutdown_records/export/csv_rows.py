"""`csv`: one spreadsheet row per record, for people who sort and filter in a spreadsheet.

List fields share one cell, items joined by LIST_SEPARATOR; structured items are written as
"name (detail)". Evidence is summarised (how many quotes, for which fields), not copied:
the quotes themselves are in `jsonl` and in the report.
"""

from __future__ import annotations


from ..model import Incident
from .base import CsvRowWriter, instrument_label, operator_label, source_urls

LIST_SEPARATOR = "; "

COLUMNS: tuple[str, ...] = (
    "id", "title", "summary", "review_status", "country", "platforms", "kind", "networks",
    "scope", "regions", "start_date", "end_date", "status", "ordered_by", "justification",
    "context", "legal_basis", "court_challenges", "workarounds", "acknowledged", "operators",
    "technical_reports", "official_statements", "platform_response", "source_count",
    "source_urls", "evidence_count", "evidence_by_field", "conflicts", "curation",
)


def _join(items: list[str]) -> str:
    return LIST_SEPARATOR.join(items)


def csv_row(record: Incident) -> dict[str, str]:
    """The record as CSV cells (strings; "" for nothing)."""
    court = []
    for c in record.court_challenges:
        detail = ", ".join(x for x in (c.date, c.status, c.outcome) if x)
        court.append(f"{c.court} ({detail})" if detail else c.court)
    acknowledged = "" if record.acknowledged is None else str(record.acknowledged).lower()
    counts = {field: len(cites) for field, cites in record.evidence.items() if cites}
    return {
        "id": record.id,
        "title": record.title,
        "summary": record.summary or "",
        "review_status": str(record.review_status),
        "country": record.country or "",
        "platforms": _join(record.platforms),
        "kind": record.kind or "",
        "networks": _join([str(n) for n in record.networks]),
        "scope": record.scope or "",
        "regions": _join(record.regions),
        "start_date": record.start_date or "",
        "end_date": record.end_date or "",
        "status": str(record.status),
        "ordered_by": _join([f"{a.name} ({a.type})" for a in record.ordered_by]),
        "justification": _join([str(j) for j in record.justification]),
        "context": _join([str(c) for c in record.context]),
        "legal_basis": _join([instrument_label(x.instrument, x.provision) for x in record.legal_basis]),
        "court_challenges": _join(court),
        "workarounds": _join([str(w) for w in record.workarounds]),
        "acknowledged": acknowledged,
        "operators": _join([operator_label(o.name, o.asn) for o in record.operators]),
        "technical_reports": _join(
            [f"{t.publisher} ({t.url})" if t.url else t.publisher for t in record.technical_reports]
        ),
        "official_statements": _join([f"{s.by}: {s.summary}" for s in record.official_statements]),
        "platform_response": record.platform_response or "",
        "source_count": str(len(record.sources)),
        "source_urls": _join(source_urls(record)),
        "evidence_count": str(sum(counts.values())),
        "evidence_by_field": _join([f"{field}={n}" for field, n in counts.items()]),
        "conflicts": _join(list(record.conflicts)),
        "curation": _join([f"{field}={how}" if not isinstance(how, dict) else
                           "; ".join(f"{field}[{item}]={mark}" for item, mark in how.items())
                           for field, how in record.curation.items()]),
    }


class CsvWriter(CsvRowWriter):
    name = "csv"
    description = f"one row per record, list items joined by {LIST_SEPARATOR!r}, evidence counts"

    def columns(self) -> list[str]:
        return list(COLUMNS)

    def row(self, record: Incident) -> dict[str, str]:
        return csv_row(record)
