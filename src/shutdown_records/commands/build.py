"""`shutdown-records build SOURCE... [-o RECORD.yaml]`: a cited draft record from articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, EXIT_PARTIAL, InputError, OutputError
from ..safeio import check_output
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
    "--force", is_flag=True,
    help="Replace OUTPUT even when it is not a record (or is a symlink or special file); never an input.",
)
@click.option(
    "--language", metavar="CODE", default=None,
    help="Language (ISO 639-1, e.g. fr) of sources whose front matter names none; skips detection.",
)
def command(sources: tuple[Path, ...], output: Path | None, quiet: bool, force: bool, language: str | None) -> None:
    """Build a draft record from news articles (.txt, .md, .html files or folders of them).

    Every value cites the sentences that support it; disagreements between sources are kept
    under `conflicts`. With -o pointing at an existing record, fields a person marked in its
    `curation` map keep their value and evidence. Exit 0 when every source was read, 3 when
    some were skipped (each named on stderr), 1 when none could be read (nothing is written)
    or when the start date read is after every source's publication (the record is written
    without it), 4 when OUTPUT may not be replaced.
    """
    from ..build import build_record  # noqa: PLC0415 - keep `build --help` fast
    from ..yamlio import dump_yaml, read_record_file, write_atomic  # noqa: PLC0415

    if language is not None and not (2 <= len(language) <= 3 and language.isalpha() and language.islower()):
        raise click.BadParameter(f"{language!r} is not a language code such as en or fr", param_hint="--language")
    existing = None
    if output is not None:
        check_output(output, inputs=list(sources), force=force, expected="the record")
    not_a_record = False
    if output is not None and output.exists() and not force:
        existing = read_record_file(output)
        if not isinstance(existing, dict):
            raise InputError("the existing record is not a YAML mapping; fix or move it", place=f"{output}:1:1")
        if not {"id", "title"} <= set(existing):
            existing, not_a_record = None, True
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
    if not_a_record:
        raise OutputError(
            "exists and is not a record (no `id` and `title`); building would replace it. "
            "Choose another file, or use --force", place=str(output),
        )
    impossible = _drop_impossible_start(result.record)
    if impossible:
        click.echo(f"error: {output or 'record'}: {printable(impossible)}", err=True)
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
    sys.exit(EXIT_INVALID if impossible else EXIT_PARTIAL if unreadable else EXIT_OK)


def _drop_impossible_start(record: dict) -> str | None:
    """Leave out a start date later than every source's publication (not a person's value).

    No source can report a start it had not seen; such a date is a relative date read into
    the wrong year. A date a person set (`curation`) is theirs: `validate` warns about it.
    """
    from ..validate.checks_semantic import start_after_publication  # noqa: PLC0415

    problem = start_after_publication(record)
    if problem is None or "start_date" in (record.get("curation") or {}):
        return None
    record["start_date"] = None
    for section in ("evidence", "conflicts"):
        if isinstance(record.get(section), dict):
            record[section].pop("start_date", None)
    return problem + "; it is left out"
