"""The `shutdown-records` command: a thin shell that parses options and calls the library.

Subcommands are imported only when run, so `shutdown-records --help` and each command start
fast. Known errors become one line on stderr and a documented exit code (see errors.py);
an OS error (permission denied, disk full) exit 4; Ctrl-C exit 130 and SIGTERM 143, with
temporary files removed; anything unexpected is reported in one line with exit 70, never
as a traceback.
"""

from __future__ import annotations

import importlib
import signal
import sys
from typing import Any

import click

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OUTPUT, ShutdownRecordsError
from .safetext import printable

# name -> (module under shutdown_records.commands, one-line help). The names are a public
# contract: scripts and issues call them.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "Check records: schema, semantics and provenance of every value."),
    "cite": ("cite", "Set a value with its quote; offsets found, curation marked, file kept as it was."),
    "build": ("build", "Build a draft record from news articles, every value cited."),
    "eval": ("evaluate", "Score the builder against a corpus of articles with gold records."),
    "export": ("export", "Export records to csv, jsonl, Access Now STOP or OONI findings."),
    "import": ("import_", "Import records from an Access Now STOP spreadsheet (csv)."),
    "report": ("report", "Write a static HTML site showing each value beside its source."),
    "review": ("review", "Review records in a local web app: accept, choose, remove and cite values."),
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
    """Run a command; every outcome is an exit code from errors.py, never a traceback."""
    previous = _terminate_on_sigterm()
    try:
        code = cli.main(args=argv, prog_name="shutdown-records", standalone_mode=False)
    except ShutdownRecordsError as err:
        click.echo(f"error: {printable(str(err))}", err=True)
        sys.exit(err.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        # click would say "Aborted!" and exit 1, the code for an invalid record
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except OSError as err:  # a file the command had to read or write; the place is the file
        where = f"{printable(str(err.filename))}: " if err.filename is not None else ""
        click.echo(f"error: {where}{err.strerror or err}", err=True)
        sys.exit(EXIT_OUTPUT)
    except Exception as err:  # noqa: BLE001 - the promise is: never a traceback
        click.echo(
            f"internal error: {type(err).__name__}: {printable(str(err))} "
            "(please report this with the command you ran)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    sys.exit(code if isinstance(code, int) else 0)


class Terminated(SystemExit):
    """SIGTERM as an exception, so `finally` blocks remove temporary files before the exit."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(128 + signum)


def _terminate_on_sigterm() -> Any:
    """Install the SIGTERM handler (main thread only); returns the handler it replaced."""
    try:
        return signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (an embedding program)
        return None


if __name__ == "__main__":
    main()
