"""`shutdown-records build SOURCE... [-o RECORD.yaml]`: a cited draft record from articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, EXIT_PARTIAL, InputError
from ..safetext import printable


@click.command(name="build")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write the record here (atomically). If it exists, its curated fields are kept. "
    "Default: print the YAML.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no notes; errors still print.")
@click.option(
    "--language", metavar="CODE", default=None,
    help="Language (ISO 639-1, e.g. fr) of sources whose front matter names none; skips detection.",
)
def command(sources: tuple[Path, ...], output: Path | None, quiet: bool, language: str | None) -> None:
    """Build a draft record from news articles (.txt, .md, .html files or folders of them).

    Every value cites the sentences that support it; disagreements between sources are kept
    under `conflicts`. With -o pointing at an existing record, fields a person marked in its
    `curation` map keep their value and evidence. Exit 0 when every source was read, 3 when
    some were skipped (each named on stderr), 1 when none could be read (nothing is written).
    """
    from ..build import build_record  # noqa: PLC0415 - keep `build --help` fast
    from ..yamlio import dump_yaml, read_record_file, write_atomic  # noqa: PLC0415

    if language is not None and not (2 <= len(language) <= 3 and language.isalpha() and language.islower()):
        raise click.BadParameter(f"{language!r} is not a language code such as en or fr", param_hint="--language")
    existing = None
    if output is not None and output.exists():
        existing = read_record_file(output)
        if not isinstance(existing, dict):
            raise InputError("the existing record is not a YAML mapping; fix or move it", place=f"{output}:1:1")
    result = build_record(
        list(sources), record_path=output, existing=existing, progress=not quiet, language=language
    )
    unreadable = set(result.unreadable)
    for problem in result.problems:
        if problem in unreadable:
            click.echo(f"error: {printable(problem)}", err=True)
        elif problem.startswith("note: "):
            if not quiet:
                click.echo(printable(problem), err=True)
        else:
            click.echo(f"warning: {printable(problem)}", err=True)
    if not result.docs:
        click.echo("error: no readable source; nothing written", err=True)
        sys.exit(EXIT_INVALID)
    text = dump_yaml(result.record)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        if not quiet:
            click.echo(
                f"wrote {output}: {result.record['id']}, {len(result.docs)} sources"
                + (f", {len(unreadable)} skipped" if unreadable else ""),
                err=True,
            )
    sys.exit(EXIT_PARTIAL if unreadable else EXIT_OK)
