"""`shutdown-records schema`: write or check schema/incident.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import EXIT_INVALID, OutputError
from ..safeio import check_output
from ..schema_gen import incident_schema_text
from ..yamlio import write_atomic


@click.command(name="schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the schema here (default: print it).",
)
@click.option("--check", is_flag=True, help="Exit 1 if OUTPUT differs from what the model generates.")
@click.option(
    "--force", is_flag=True, help="Replace OUTPUT even when it is not a JSON Schema, a symlink or a special file."
)
def command(output: Path | None, check: bool, force: bool) -> None:
    """Print or write the record's JSON Schema (2020-12), generated from the model.

    Exit codes: 0 written, printed or up to date; 1 --check found the file out of date; 2 usage
    error; 4 OUTPUT may not or cannot be written.
    """
    text = incident_schema_text()
    if output is None:
        if check:
            raise click.UsageError("--check needs -o FILE to compare against")
        click.echo(text, nl=False)
        return
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            click.echo(f"{output}: out of date; run `shutdown-records schema -o {output}`", err=True)
            raise SystemExit(EXIT_INVALID)
        click.echo(f"{output}: up to date")
        return
    _check_replaceable(output, force)
    write_atomic(output, text)
    click.echo(f"wrote {output}")


def _check_replaceable(output: Path, force: bool) -> None:
    """Only a JSON object (an earlier schema) is replaced without --force: `-o records/x.yaml`
    must not eat a record."""
    check_output(output, force=force, expected="the schema")
    if force or not output.is_file():
        return
    try:
        current = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        current = None
    if not isinstance(current, dict):  # an earlier or stale schema is a JSON object
        raise OutputError(
            "exists and is not a JSON Schema; writing would replace it. Choose another file, or use --force",
            place=str(output),
        )
