"""`shutdown-records scan INPUT... -o OUT/`: new incidents and updates to known ones, from a news stream."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, EXIT_PARTIAL, UsageError


def _since(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None
    return value


def _dask(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None or value == "local" or re.fullmatch(r"(tcp|tls|ucx|inproc)://\S+", value):
        return value
    raise click.BadParameter(f"{value!r}: give 'local' or a scheduler address such as tcp://10.0.0.5:8786")


@click.command(name="scan")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Output folder: articles.jsonl, drafts/, updates/, summary.md, feed.xml.",
)
@click.option(
    "--records",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of known records: an incident found there gets an update proposal, not a draft.",
)
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    callback=_since,
    default=None,
    help="Articles published before this day are not relevant (undated ones are judged).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS|local",
    callback=_dask,
    default=None,
    help="Run on Dask: 'local' starts a LocalCluster, tcp://HOST:8786 uses a running scheduler. "
    "Default: local processes, no set-up.",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(1, 512),
    default=None,
    help="Worker processes (default: one per CPU core); also the LocalCluster's size.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress lines; errors and skipped inputs still print.")
def command(
    inputs: tuple[Path, ...],
    out: Path,
    records: Path | None,
    since: str | None,
    dask_address: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Find incidents in a news stream: article files or folders (.txt, .md, .html), JSON Lines
    (.jsonl, .jsonl.gz), WARC (.warc, .warc.gz) and RSS/Atom feeds (.xml, .rss, .atom).

    Each article is judged relevant or not (articles.jsonl says why); relevant ones are grouped
    into incidents; a new incident becomes drafts/ID.yaml, a known one (--records) an update
    proposal in updates/ID.yaml, sources saved beside them.

    Exit codes: 0 everything read; 3 some files or records were unreadable and skipped (each
    named on stderr); 1 nothing readable; 2 usage error (including an -o folder that holds other
    files).
    """
    from ..scan.engine import ScanOptions, run_scan  # noqa: PLC0415 - keep `scan --help` fast

    try:
        import ahocorasick_rs  # noqa: F401, PLC0415 - the relevance filter's matcher
    except ImportError:
        raise UsageError("scan needs its extra: pip install 'shutdown-records[scan]'") from None

    result = run_scan(
        list(inputs),
        ScanOptions(out=out, records=records, since=since, dask=dask_address, workers=workers, progress=not quiet),
    )
    for place, reason in result.skipped:
        click.echo(f"skipped: {place}: {reason}", err=True)
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    new = sum(1 for o in result.outcomes if o.kind == "new")
    updates = len(result.outcomes) - new
    if not quiet:
        click.echo(
            f"wrote {out}: {result.counts['articles']} articles, {result.counts['relevant']} relevant, "
            f"{new} new incident(s), {updates} update(s), {result.counts['skipped']} skipped",
            err=True,
        )
    if result.counts["articles"] == 0:
        click.echo("error: no readable article in the input", err=True)
        sys.exit(EXIT_INVALID)
    sys.exit(EXIT_PARTIAL if result.counts["skipped"] else EXIT_OK)
