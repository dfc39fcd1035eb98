"""What every export format shares: the writer interface and small views of a record."""

from __future__ import annotations

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
