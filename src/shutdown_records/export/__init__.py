"""Export records to other formats: csv, jsonl, Access Now STOP, OONI findings.

    from shutdown_records.export import export_records
    result = export_records(["records/"], "stop", Path("stop.csv"))

Records are loaded and written one at a time (constant memory for any number of records).
A record that fails to load is reported and skipped; the others are still written.
A new format is one module with a `RecordWriter` subclass plus one entry in WRITERS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..errors import ShutdownRecordsError, UsageError
from ..model import Incident
from ..records import iter_record_files, load_record
from .base import RecordWriter
from .csv_rows import CsvWriter
from .jsonl import JsonlWriter
from .ooni import OoniWriter
from .output import open_output
from .stop import StopWriter

# Format name (the CLI's --format) -> writer class.
WRITERS: dict[str, type[RecordWriter]] = {
    "csv": CsvWriter,
    "jsonl": JsonlWriter,
    "ooni": OoniWriter,
    "stop": StopWriter,
}

__all__ = ["WRITERS", "ExportResult", "export_records", "writer_for", "write_records"]


@dataclass
class ExportResult:
    written: int = 0
    failures: list[ShutdownRecordsError] = field(default_factory=list)


def writer_for(fmt: str) -> type[RecordWriter]:
    try:
        return WRITERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(sorted(WRITERS))}") from None


def write_records(
    records: Iterable[Incident],
    fmt: str,
    out: TextIO,
    *,
    on_error: Callable[[ShutdownRecordsError], None] | None = None,
    **options: Any,
) -> int:
    """Write already loaded records to a text stream; returns how many were written.

    A record the format cannot take (an OONI finding needs a start date) goes to `on_error`
    and is skipped; without `on_error` the error is raised.
    """
    writer = writer_for(fmt)(out, **options)
    writer.begin()
    count = 0
    for record in records:
        try:
            writer.write(record)
        except ShutdownRecordsError as err:
            if on_error is None:
                raise
            on_error(err)
            continue
        count += 1
    writer.end()
    return count


def export_records(
    paths: Iterable[Path | str],
    fmt: str,
    output: Path | None = None,
    *,
    stream: TextIO | None = None,
    on_error: Callable[[ShutdownRecordsError], None] | None = None,
    **options: Any,
) -> ExportResult:
    """Export the record files in `paths` (files or folders) to `output` (atomic) or `stream`.

    A record that cannot be loaded goes to `on_error` (and `result.failures`) and is skipped.
    Unknown format or a missing path raise UsageError before anything is written.
    """
    writer_for(fmt).check_options(options)  # fail before any output is opened
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    result = ExportResult()

    def loaded() -> Iterable[Incident]:
        for path in iter_record_files(given):
            try:
                record = load_record(path)
            except ShutdownRecordsError as err:
                result.failures.append(err)
                if on_error is not None:
                    on_error(err)
                continue
            yield record

    def failed(err: ShutdownRecordsError) -> None:
        result.failures.append(err)
        if on_error is not None:
            on_error(err)

    with open_output(output, stream) as out:
        result.written = write_records(loaded(), fmt, out, on_error=failed, **options)
    return result
