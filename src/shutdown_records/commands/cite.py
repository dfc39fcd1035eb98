"""`shutdown-records cite RECORD FIELD VALUE --source ID --quote TEXT`: set a value with its quote.

The offsets are found for the person (same folding as `validate`), the field is marked in
`curation` so a rebuild keeps it, the rest of the file stays as it was, and the result is
validated. Exit codes as `validate`: 0 valid, 1 written but invalid, or refused (file untouched), 2 usage.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, ShutdownRecordsError, UsageError
from ..safetext import printable


@click.command(name="cite")
@click.argument("record", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("field")
@click.argument("value", required=False)
@click.option("--source", "source", metavar="SOURCE_ID", help="Id of the source the quote is taken from.")
@click.option("--quote", "quote", metavar="TEXT", help="The words of the source that support the value.")
@click.option("--remove", is_flag=True, help="Take VALUE (or the field's value) and its citations out.")
@click.option(
    "--occurrence",
    type=click.IntRange(min=1),
    default=None,
    help="Which occurrence of a quote found more than once (1 = first).",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Repository root sources must stay in, as for validate (default: the folder holding records/).",
)
def command(
    record: Path,
    field: str,
    value: str | None,
    source: str | None,
    quote: str | None,
    remove: bool,
    occurrence: int | None,
    root: Path | None,
) -> None:
    """Set or add VALUE in FIELD of RECORD, cited by a quote from one of its sources.

    FIELD is a field (start_date, platforms, court_challenges...) or a sub-field of a named
    item: 'court_challenges[Sindh High Court].date'. For lists of named items, VALUE is the
    name (court, instrument, authority). Without --quote, VALUE must already be cited (a
    conflict candidate).

    Exit codes: 0 written and valid; 1 written but invalid (validate's messages shown), or refused (nothing written); 2 usage error.
    """
    from ..curate import Edit, apply_edit  # noqa: PLC0415 - keep `cite --help` fast
    from ..validate import REPORTERS, ValidationResult  # noqa: PLC0415
    from ..validate.result import RecordResult  # noqa: PLC0415

    if not record.is_file():
        click.echo(f"error: no such record: {record}", err=True)
        sys.exit(EXIT_USAGE)
    if not remove and value is None:
        click.echo("error: give a VALUE to set (or --remove to take one out)", err=True)
        sys.exit(EXIT_USAGE)
    if quote is not None and source is None:
        click.echo("error: --quote needs --source, the id of the source it is taken from", err=True)
        sys.exit(EXIT_USAGE)
    action = "remove" if remove else ("cite" if quote else "choose")
    try:
        result = apply_edit(record, Edit(action, field, value, source, quote, occurrence=occurrence), root=root)
    except UsageError as err:
        click.echo(f"error: {printable(str(record))}: {printable(err.message)}", err=True)
        sys.exit(EXIT_USAGE)
    except ShutdownRecordsError as err:
        click.echo(f"error: {printable(str(record))}: {printable(err.message)}", err=True)
        sys.exit(EXIT_INVALID)
    except OSError as err:  # disk full, permissions: the temporary file is gone, the record untouched
        click.echo(f"error: {record}: cannot write: {err.strerror or err}; the record is unchanged", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"{printable(str(record))}: {printable(result.message)}", err=True)
    report = ValidationResult([RecordResult(str(record), None, result.problems)])
    REPORTERS["text"](sys.stdout, quiet=True).report(report)
    sys.exit(EXIT_OK if report.ok else EXIT_INVALID)
