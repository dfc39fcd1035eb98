"""The `shutdown-records` command: a thin shell that parses options and calls the library.

Subcommands are imported only when run, so `shutdown-records --help` and each command start
fast. Known errors become one line on stderr and a documented exit code (see errors.py);
anything unexpected is reported in one line with exit 70, never as a traceback.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from . import __version__
from .errors import EXIT_INTERNAL, ShutdownRecordsError

# name -> (module under shutdown_records.commands, one-line help). The names are a public
# contract: scripts and issues call them.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "Check records: schema, semantics and provenance of every value."),
    "build": ("build", "Build a draft record from news articles, every value cited."),
    "eval": ("evaluate", "Score the builder against a corpus of articles with gold records."),
    "export": ("export", "Export records to csv, jsonl, Access Now STOP or OONI findings."),
    "import": ("import_", "Import records from an Access Now STOP spreadsheet (csv)."),
    "report": ("report", "Write a static HTML site showing each value beside its source."),
    "schema": ("schema", "Write the JSON Schema generated from the record model."),
    "scan": ("scan", "Find new incidents and updates to known records in a news stream."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"shutdown_records.commands.{COMMANDS[name][0]}")
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text from the table, so `--help` does not import every command.
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in sorted(COMMANDS)])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="shutdown-records")
def cli() -> None:
    """Turn news reports about internet shutdowns and platform blocks into cited YAML records."""


def main(argv: list[str] | None = None) -> Any:
    try:
        return cli.main(args=argv, prog_name="shutdown-records", standalone_mode=True)
    except ShutdownRecordsError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - the promise is: never a traceback
        click.echo(
            f"internal error: {type(err).__name__}: {err} (please report this with the command you ran)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
