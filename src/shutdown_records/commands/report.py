"""`shutdown-records report`: write a static HTML site showing each value beside its source."""

from __future__ import annotations

from pathlib import Path

import click

from ..report import write_site


@click.command(name="report")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the site (created; an earlier site there is replaced, files you added to it are kept).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for big sites (default: one per core from 400 records on).",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Sources must be files inside this folder (default: the folder holding the record's records/ "
    "folder, else the record's own folder); others are not shown.",
)
def command(paths: tuple[Path, ...], output: Path, jobs: int | None, root: Path | None) -> None:
    """Write index.html and one page per record into OUTPUT, opened from disk, no server needed.

    PATHS are record files or folders of them. Values without a quote and quotes not found
    at their offsets are shown and counted, not hidden; they do not change the exit code
    (`validate` is the gate).

    Exit codes: 0 site written; 1 a record cannot be read (nothing written); 2 usage error, or
    -o is a folder holding something else.
    """
    summary = write_site(paths, output, jobs=jobs, root=root)
    click.echo(
        f"wrote {summary.output}/index.html and {summary.records} record page"
        f"{'' if summary.records == 1 else 's'}; "
        f"{summary.values_without_evidence} value(s) without evidence, "
        f"{summary.values_unverified} value(s) whose quotes were not found, "
        f"{summary.bad_quotes} quote(s) not verified, {summary.changed_sources} changed source file(s)"
    )
