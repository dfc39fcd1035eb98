"""`shutdown-records validate PATH...`: check records and report every problem with its place."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError
from ..validate import REPORTERS, validate_paths


@click.command(name="validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="text: one line per problem; json: one object; github: GitHub Actions annotations.",
)
@click.option("--strict", is_flag=True, help="Warnings fail too, and drafts report each uncited value.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the problems, no summary line.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes; 0 = all cores when more than 200 files, 1 = no workers.",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Sources must be files inside this folder (default: the folder holding the record's records/ "
    "folder, else the record's own folder).",
)
def command(
    paths: tuple[Path, ...], output_format: str, strict: bool, quiet: bool, jobs: int, root: Path | None
) -> None:
    """Check records (files or folders of *.yaml): schema, meaning and provenance.

    Source paths in a record are resolved relative to that record's folder and must stay
    inside the repository root (--root); only regular files are read. Never writes.

    Exit codes: 0 every record valid (warnings allowed unless --strict); 1 any record invalid;
    2 usage error.
    """
    try:
        result = validate_paths(paths, strict=strict, jobs=jobs, root=root)
    except UsageError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_USAGE)
    if result.records_checked == 0 and not quiet:
        click.echo(
            f"warning: no record files (*.yaml, *.yml) found in {', '.join(str(p) for p in paths)}",
            err=True,
        )
    REPORTERS[output_format](sys.stdout, quiet=quiet).report(result)
    sys.exit(EXIT_OK if result.ok else EXIT_INVALID)
