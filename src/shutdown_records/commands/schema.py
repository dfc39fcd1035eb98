"""`shutdown-records schema`: write or check schema/incident.schema.json."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_INVALID
from ..schema_gen import incident_schema_text
from ..yamlio import write_atomic


@click.command(name="schema")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Write the schema here (default: print it).",
)
@click.option("--check", is_flag=True, help="Exit 1 if OUTPUT differs from what the model generates.")
def command(output: Path | None, check: bool) -> None:
    """Print or write the record's JSON Schema (2020-12), generated from the model.

    Exit codes: 0 written, printed or up to date; 1 --check found the file out of date; 2 usage
    error.
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
    write_atomic(output, text)
    click.echo(f"wrote {output}")
