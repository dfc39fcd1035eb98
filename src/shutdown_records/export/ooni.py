"""`ooni`: OONI findings, in the JSON shape OONI's findings API takes (`/api/v1/incidents/create`).

A JSON array by default, written one finding at a time; `jsonl=True` (`--jsonl`) writes one
finding per line instead. Field names are the API's: `id`, `slug` (stored by OONI as
finding_id, finding_slug), `CCs` (country_codes), `ASNs`. Domains, OONI test names and themes
per platform come from `data/exchange/platform_domains.yaml`.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import InputError
from ..fields import FIELDS
from ..model import Incident, item_label
from .base import RecordWriter, instrument_label
from .vocab import country_name, platform_domains, platform_entry


class RecordError(InputError):
    """A record that cannot become an OONI finding (OONI would refuse it)."""


def ooni_time(value: str | None, *, end: bool = False) -> str | None:
    """OONI's wire format for a date: midnight UTC. A month-precision date is the month's first
    day as a start and its last day as an end, so a start and end in one month never cross."""
    if not value:
        return None
    if len(value) == 10:
        day = value
    elif end:
        year, month = int(value[:4]), int(value[5:7])
        day = f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    else:
        day = f"{value}-01"
    return f"{day}T00:00:00.000000Z"


def finding_times(record: Incident) -> tuple[str | None, str | None]:
    """(start_time, end_time); an end before the start (a data error) is left out, as OONI
    refuses such a finding, and the finding's text says so."""
    start, end = ooni_time(record.start_date), ooni_time(record.end_date, end=True)
    if start and end and end < start:
        return start, None
    return start, end


def _dates_line(record: Incident) -> str:
    start = record.start_date or "unknown"
    end = record.end_date or ("ongoing" if record.status == "ongoing" else "unknown")
    note = " (month precision)" if any(d and len(d) == 7 for d in (record.start_date, record.end_date)) else ""
    return f"{start} to {end}{note}"


def _scope(record: Incident) -> str:
    if record.scope:
        return f"{record.scope}" + (f" ({', '.join(record.regions)})" if record.regions else "")
    return ", ".join(record.regions)


def _words(values: Sequence[str]) -> str:
    return ", ".join(v.replace("_", " ") for v in values)


# How a field's line in the finding's text reads, where the plain value would not do; which
# fields have a line, its label and its place come from the field registry (fields.py).
FACTS: dict[str, Callable[[Incident], str]] = {
    "country": lambda r: f"{country_name(r.country)} ({r.country})" if r.country else "",
    "start_date": _dates_line,  # with end_date
    "kind": lambda r: _words([k for k in dict.fromkeys([r.kind, *r.kinds]) if k]),  # with kinds
    "scope": _scope,  # with regions
    "ordered_by": lambda r: ", ".join(f"{a.name} ({a.type.replace('_', ' ')})" for a in r.ordered_by),
    "justification": lambda r: _words(r.justification),
    "context": lambda r: _words(r.context),
    "legal_basis": lambda r: ", ".join(instrument_label(x.instrument, x.provision) for x in r.legal_basis),
}
# (field, label) of each line, in the order the registry's ranks give.
OONI_FACTS: tuple[tuple[str, str], ...] = tuple(
    (name, label)
    for _, name, label in sorted((f.ooni.rank, f.name, f.ooni.label) for f in FIELDS if f.ooni is not None)
)


def fact(record: Incident, name: str) -> str:
    """A field's value as its line in the finding's text ("" leaves the line out)."""
    if name in FACTS:
        return FACTS[name](record)
    value = getattr(record, name)
    if isinstance(value, list):
        return ", ".join(item_label(name, item) for item in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def finding_text(record: Incident) -> str:
    """The finding's markdown body: summary, the key facts, and every source."""
    lines: list[str] = []
    if record.summary:
        lines += [record.summary, ""]
    facts = [(label, fact(record, name)) for name, label in OONI_FACTS]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    start, end = finding_times(record)
    if record.end_date and end is None:
        lines.append(f"- **Note:** the end date {record.end_date} is before the start date; end_time is left empty")
    if record.sources:
        lines += ["", "## Sources", ""]
        for number, source in enumerate(record.sources, 1):
            label = source.title or source.url or source.id
            link = f"[{label}]({source.url})" if source.url else label
            meta = ", ".join(x for x in (source.publisher, source.published) if x)
            lines.append(f"{number}. {link}" + (f" ({meta})" if meta else ""))
    if record.technical_reports:
        lines += ["", "## Technical reports", ""]
        for report in record.technical_reports:
            lines.append(f"- [{report.publisher}]({report.url})" if report.url else f"- {report.publisher}")
    return "\n".join(lines).strip() + "\n"


def short_description(record: Incident, limit: int = 280) -> str:
    """The summary's first sentence (OONI lists findings by it), else the title."""
    if not record.summary:
        return record.title
    first = re.split(r"(?<=[.!?])\s+", record.summary.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def finding(record: Incident, reported_by: str = "shutdown-records", email_address: str = "") -> dict[str, Any]:
    """One record as an OONI finding (not published: a person publishes it in OONI's editor)."""
    data = platform_domains()
    entries = [platform_entry(p) for p in record.platforms]
    tests = list(data.get("default_ooni_tests") or [])
    tests += [t for e in entries for t in e.get("ooni_tests") or []]
    kinds = _unique([record.kind, *record.kinds]) if record.kind else list(record.kinds)
    for kind in kinds:
        tests += (data.get("kind_ooni_tests") or {}).get(kind, [])
    tags = [f"kind:{kind}" for kind in kinds]
    tags += [f"justification:{j}" for j in record.justification]
    tags += [f"context:{c}" for c in record.context]
    tags += [f"scope:{record.scope}"] if record.scope else []
    links = [s.url for s in record.sources if s.url] + [t.url for t in record.technical_reports if t.url]
    if not record.start_date:
        raise RecordError(
            f"{record.id}: no start_date, and an OONI finding needs start_time; add the start date "
            "(a month is enough: YYYY-MM)"
        )
    start, end = finding_times(record)
    return {
        "id": record.id,
        "slug": record.id,
        "title": record.title,
        "short_description": short_description(record),
        "text": finding_text(record),
        "start_time": start,
        "end_time": end,
        "reported_by": reported_by,
        "email_address": email_address,
        "event_type": "incident",
        "published": False,
        "CCs": [record.country] if record.country else [],
        "ASNs": sorted({o.asn for o in record.operators if o.asn is not None}),
        "domains": _unique([d for e in entries for d in e.get("domains") or []]),
        "themes": _unique([t for e in entries for t in e.get("themes") or []]),
        "tags": tags,
        "links": _unique(links),
        "test_names": _unique(tests),
    }


class OoniWriter(RecordWriter):
    name = "ooni"
    description = "OONI findings JSON (array; --jsonl for one finding per line)"

    @classmethod
    def options(cls) -> tuple[str, ...]:
        return ("jsonl", "reported_by", "email_address")

    def begin(self) -> None:
        self._jsonl = bool(self.settings.get("jsonl"))
        self._reported_by = self.settings.get("reported_by") or "shutdown-records"
        self._email_address = self.settings.get("email_address") or ""
        self._count = 0
        if not self._jsonl:
            self.out.write("[")

    def write(self, record: Incident) -> None:
        item = finding(record, self._reported_by, self._email_address)
        if self._jsonl:
            self.out.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.out.write(("," if self._count else "") + "\n  " + text)
        self._count += 1

    def end(self) -> None:
        if not self._jsonl:
            self.out.write("\n]\n" if self._count else "]\n")
