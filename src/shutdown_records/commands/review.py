"""`shutdown-records review [FOLDER] [--port N]`: the local review web app (Flask on waitress)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from ..errors import EXIT_USAGE


@click.command(name="review")
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port on 127.0.0.1 (0 picks a free one).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind. Anything but a loopback address exposes the records to the network.",
)
def command(folder: Path, port: int, host: str) -> None:
    """Review the records under FOLDER in a browser: accept, choose, remove and cite values.

    Records and the source files they cite must be under FOLDER (the dataset's repository,
    by default the current folder). Every change goes through the same code as `cite`: saved
    atomically, re-validated. Stop with Ctrl-C.

    Exit codes: 0 stopped; 2 usage error (the review extra is not installed, or the port cannot
    be bound); 130 stopped with Ctrl-C.
    """
    try:
        from waitress import create_server  # noqa: PLC0415

        from ..review import create_app  # noqa: PLC0415
    except ImportError as err:
        click.echo(
            f"error: the review app needs Flask and waitress ({err.name} is missing); "
            "pip install 'shutdown-records[review]'",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 - the check, not a bind
        # requests are answered only for the names the app knows (DNS rebinding), and a wildcard is none
        click.echo(
            f"warning: binding {host or 'every address'}: the app still answers only requests for "
            "localhost or 127.0.0.1; to serve others, pass the address they use with --host",
            err=True,
        )
    elif host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: binding {host}: anyone who can reach it can read these records", err=True)
    app = create_app(folder, allowed_hosts={host})
    try:
        server = create_server(app, host=host, port=port, threads=4, ident="shutdown-records")
    except OSError as err:
        click.echo(
            f"error: cannot listen on {host}:{port} ({err.strerror or err}); choose another with --port", err=True
        )
        sys.exit(EXIT_USAGE)
    bound = server.effective_port
    click.echo(
        f"reviewing {folder.resolve()} at http://{'localhost' if host == '127.0.0.1' else host}:{bound}/ "
        "(Ctrl-C to stop)",
        err=True,
    )
    stopped_by: list[int] = []

    def stop(signum: int, frame: object) -> None:
        stopped_by.append(signum)
        raise KeyboardInterrupt  # waitress shuts its threads down on it, and swallows it

    previous = {
        sig: signal.signal(sig, stop)
        for sig in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if stopped_by:  # 130 for Ctrl-C, 143 for SIGTERM, as every command
        sys.exit(128 + stopped_by[0])
