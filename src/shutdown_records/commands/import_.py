"""`shutdown-records import`: draft records from an Access Now STOP sheet saved as CSV."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_PARTIAL, ShutdownRecordsError
from ..importer import import_stop


@click.command(name="import")
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["stop"]), default="stop", show_default=True,
    help="The sheet's format: stop = Access Now STOP columns.",
)
@click.option(
    "-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the records, one <id>.yaml per row (created if needed).",
)
@click.option("--force", is_flag=True, help="Replace record files that already exist (default: keep them).")
@click.option("--day-first", is_flag=True, help="Read slash dates as D/M/YYYY instead of STOP's M/D/YYYY.")
def command(csv_file: Path, fmt: str, out_dir: Path, force: bool, day_first: bool) -> None:
    """Import each row of CSV_FILE as a draft record (no sources, no evidence yet).

    A bad row is reported as `FILE:row N: column: problem` and skipped; the others are
    imported. Existing files are kept unless --force.

    Exit codes: 0 every row imported; 3 some rows failed; 1 no row imported, or not a STOP
    sheet; 2 usage error.
    """

    def report(err: ShutdownRecordsError) -> None:
        click.echo(f"error: {err}", err=True)

    def kept(path: Path) -> None:
        click.echo(f"kept {path}: it already exists (use --force to replace it)", err=True)

    result = import_stop(csv_file, out_dir, force=force, day_first=day_first, on_error=report, on_kept=kept)
    summary = f"imported {len(result.written)} draft record(s) into {out_dir}"
    if result.kept_existing:
        summary += f"; kept {len(result.kept_existing)} existing file(s)"
    if result.errors:
        summary += f"; {len(result.errors)} row(s) could not be imported"
    click.echo(summary, err=True)
    if result.errors:
        raise SystemExit(EXIT_PARTIAL if result.written or result.kept_existing else EXIT_INVALID)
