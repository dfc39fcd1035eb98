"""`shutdown-records import`: draft records from an Access Now STOP sheet (any layout since 2016)."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_PARTIAL, ShutdownRecordsError
from ..importer import import_stop
from ..safetext import printable


@click.command(name="import")
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["stop"]),
    default="stop",
    show_default=True,
    help="The sheet's format: stop = Access Now STOP columns (2016-2018, 2019, 2020-2022, 2023 layouts).",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the records, one <id>.yaml per incident (created if needed).",
)
@click.option("--force", is_flag=True, help="Replace record files that already exist (default: merge or keep them).")
@click.option("--day-first", is_flag=True, help="Read slash dates as D/M/YYYY (needed only when no date shows it).")
@click.option("--month-first", is_flag=True, help="Read slash dates as M/D/YYYY (needed only when no date shows it).")
def command(csv_file: Path, fmt: str, out_dir: Path, force: bool, day_first: bool, month_first: bool) -> None:
    """Import each row of CSV_FILE as a draft record, or merge it into the record of the same
    incident imported from another sheet.

    Every row becomes a record; what a row says that a record cannot hold is printed as
    `warning: FILE:row N: column: problem` and kept in the record for `validate`. A row that
    cannot be written is `error: ...`; the others are imported and the exit code is 3.

    Exit codes: 0 every row imported or merged (warnings allowed); 3 some rows failed; 1 no row
    imported, not a STOP sheet, or slash dates whose day/month order no date shows; 2 usage error.
    """

    def report(err: ShutdownRecordsError) -> None:
        click.echo(f"error: {printable(str(err))}", err=True)

    def warn(err: ShutdownRecordsError) -> None:
        click.echo(f"warning: {printable(str(err))}", err=True)

    def kept(path: Path) -> None:
        click.echo(
            f"kept {printable(str(path))}: it already exists and was not made by an import (use --force to replace it)",
            err=True,
        )

    result = import_stop(
        csv_file,
        out_dir,
        force=force,
        day_first=day_first,
        month_first=month_first,
        on_error=report,
        on_kept=kept,
        on_problem=warn,
    )
    click.echo(printable(result.summary(csv_file)), err=True)
    if result.errors:
        raise SystemExit(EXIT_PARTIAL if len(result.errors) < result.rows else EXIT_INVALID)
