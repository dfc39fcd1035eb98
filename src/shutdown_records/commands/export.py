"""`shutdown-records export`: records to csv, jsonl, Access Now STOP or OONI findings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from ..errors import EXIT_INVALID, EXIT_PARTIAL, OutputError, ShutdownRecordsError
from ..export import WRITERS, export_records
from ..records import RECORD_SUFFIXES
from ..safeio import check_output
from ..safetext import printable


def check_export_output(
    output: Path, paths: tuple[Path, ...], fmt: str, *, force: bool, like: Path | None = None
) -> None:
    """Never write over an input record or the --like sheet; nor over a symlink, special file
    or YAML file unless --force."""
    inputs = [p for p in (*paths, *([like] if like else [])) if p.is_file()]
    if output.exists() and output.suffix.lower() in RECORD_SUFFIXES:
        real = Path(os.path.realpath(output))  # a record inside a folder given is an input too
        inputs += [real for p in paths if p.is_dir() and real.is_relative_to(os.path.realpath(p))]
    check_output(output, inputs=inputs, force=force, expected=f"the {fmt} export")
    if not force and output.suffix.lower() in RECORD_SUFFIXES and output.exists():
        raise OutputError(
            f"is a YAML file, perhaps a record; the {fmt} export would replace it. Choose another file, or use --force",
            place=str(output),
        )


@click.command(name="export")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    required=True,
    type=click.Choice(sorted(WRITERS)),
    help="csv: one row per record; jsonl: every field as JSON; stop: Access Now STOP columns; "
    "ooni: OONI findings JSON.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here, atomically (default: standard output).",
)
@click.option("--bom", is_flag=True, help="csv and stop only: start with a UTF-8 BOM so Excel shows accents right.")
@click.option(
    "--raw-cells",
    is_flag=True,
    help="csv and stop only: write cells as they are; by default a cell starting with = + - @ "
    "(a spreadsheet formula) gets a leading ' so opening the file cannot run it.",
)
@click.option("--jsonl", is_flag=True, help="ooni only: one finding per line instead of a JSON array.")
@click.option("--reported-by", default=None, help="ooni only: the findings' reported_by (default: shutdown-records).")
@click.option(
    "--email-address",
    default=None,
    help="ooni only: the findings' email_address (OONI's create endpoint wants the creator's).",
)
@click.option(
    "--like",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="stop only: write the columns of this STOP sheet, and the rows imported from it as they were.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write OUTPUT even when it is a symlink, a special file or a YAML file (never when it is an input).",
)
def command(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    bom: bool,
    raw_cells: bool,
    jsonl: bool,
    reported_by: str | None,
    email_address: str | None,
    like: Path | None,
    force: bool,
) -> None:
    """Export the records in PATHS (files or folders of *.yaml) in one format.

    A record that cannot be loaded is reported on one line (file:line) and skipped; the
    others are exported.

    Exit codes: 0 all exported; 3 some records could not be read and were skipped; 1 no record
    could be read; 2 usage error; 4 OUTPUT may not be replaced (an input, a symlink, a YAML file).
    """
    options: dict[str, Any] = {}  # writer options, as export_records(**options: Any) takes them
    if jsonl or reported_by or email_address:
        if fmt != "ooni":
            raise click.UsageError("--jsonl, --reported-by and --email-address apply to --format ooni only")
        options = {"jsonl": jsonl, "reported_by": reported_by, "email_address": email_address}
    if bom or raw_cells:
        if fmt not in ("csv", "stop"):
            raise click.UsageError("--bom and --raw-cells apply to --format csv and stop only")
        options["bom"] = bom
        options["raw_cells"] = raw_cells
    if like is not None:
        if fmt != "stop":
            raise click.UsageError("--like applies to --format stop only")
        if not like.is_file():
            raise click.UsageError(f"--like: no such file: {like}")
        options["like"] = str(like)

    def report(err: ShutdownRecordsError) -> None:
        click.echo(f"error: {printable(str(err))}", err=True)

    # `export ... | head`: click itself ends quietly (exit 1) when the reader closes the pipe
    if output is not None:
        check_export_output(output, paths, fmt, force=force, like=like)
    result = export_records(paths, fmt, output, on_error=report, **options)
    where = output if output else "standard output"
    failed = len(result.failures)
    click.echo(
        f"exported {result.written} record(s) as {fmt} to {where}"
        + (f"; {failed} record(s) could not be read or exported and were skipped" if failed else ""),
        err=True,
    )
    if failed:
        raise SystemExit(EXIT_PARTIAL if result.written else EXIT_INVALID)
