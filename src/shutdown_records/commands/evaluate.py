"""`shutdown-records eval CORPUS_DIR`: build every incident of a corpus and score it against gold."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_INVALID
from ..evaluate.baseline import check_baseline, load_baseline, summarize_floors
from ..evaluate.baseline import write_baseline as save_baseline
from ..evaluate.corpus import evaluate_corpus
from ..evaluate.report import render_diff, render_drops, render_json, render_table


@click.command(name="eval")
@click.argument("corpus_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of a table.")
@click.option("--incident", "incidents", multiple=True, metavar="ID", help="Evaluate only this incident (repeatable).")
@click.option(
    "--show-diff",
    is_flag=True,
    help="Print gold and built values of every field below 1 (with --json: a `diff` per incident).",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Compare the scores with the floors in this baseline file.",
)
@click.option("--check", is_flag=True, help="With --baseline: exit 1 when any score is below its floor.")
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Write this run's scores, rounded down to 2 decimals, as floors to FILE.",
)
@click.option(
    "--allow-lower",
    is_flag=True,
    help="With --write-baseline: accept floors lower than those already in FILE (say why in the commit).",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "holdout"]),
    default=None,
    help="Evaluate one part of the fixed split: dev (tune on it) or holdout (kept aside).",
)
@click.option(
    "--split-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The split's file (default: bench/corpus_split.json in the current folder).",
)
@click.option(
    "--keep-records",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="DIR",
    help="Also write each built record to DIR/<incident>.yaml.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")
def command(
    corpus_dir: Path,
    as_json: bool,
    incidents: tuple[str, ...],
    show_diff: bool,
    baseline: Path | None,
    check: bool,
    write_baseline: Path | None,
    allow_lower: bool,
    split: str | None,
    split_file: Path | None,
    keep_records: Path | None,
    quiet: bool,
) -> None:
    """Score the builder on CORPUS_DIR (incident folders with gold.yaml and sources/).

    Prints a per-incident x per-field table, the per-field means and the overall mean
    (scoring rules: the corpus README; readings: docs/eval.md).

    Exit codes: 0 done; 1 --check found a score below its floor (or the floors were measured on
    another corpus), --write-baseline would lower a floor without --allow-lower, or a gold or
    baseline file is malformed; 2 not a corpus, an unknown --incident, or options conflict; 4
    --keep-records would replace a reviewed or curated record.
    """
    if check and baseline is None:
        raise click.UsageError("--check needs --baseline FILE")
    if write_baseline is not None and incidents:
        raise click.UsageError("--write-baseline needs the whole corpus; drop --incident")
    if allow_lower and write_baseline is None:
        raise click.UsageError("--allow-lower only applies to --write-baseline FILE")
    if split is not None and incidents:
        raise click.UsageError("--split and --incident do not go together; use one")
    if split_file is not None and split is None:
        raise click.UsageError("--split-file needs --split dev|holdout")
    floors = load_baseline(baseline) if baseline is not None else None

    def progress(line: str) -> None:
        click.echo(line, err=True)

    result = evaluate_corpus(
        corpus_dir,
        only=list(incidents) or None,
        progress=None if quiet else progress,
        records_dir=keep_records,
        warn=progress,
        split=split,
        split_file=split_file,
    )
    drops = check_baseline(result, floors, incidents_only=bool(incidents)) if floors is not None else None

    if as_json:
        click.echo(render_json(result, drops, with_diff=show_diff))
    else:
        click.echo(render_table(result))
        if show_diff:
            for incident in result.incidents:
                click.echo("")
                click.echo(render_diff(incident))
        if drops is not None:
            click.echo("")
            click.echo(render_drops(drops))
    if drops and check:
        # The table may have gone to a pipe; say on stderr too which floors broke.
        click.echo(render_drops(drops), err=True)
        raise SystemExit(EXIT_INVALID)
    if write_baseline is not None:
        data = save_baseline(write_baseline, result, allow_lower=allow_lower)
        click.echo(f"wrote {write_baseline}: {summarize_floors(data)}", err=True)
