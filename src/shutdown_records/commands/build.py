"""`shutdown-records build SOURCE... [-o RECORD.yaml | -o FOLDER/]`: a cited draft record from articles."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import EXIT_INVALID, EXIT_OK, EXIT_PARTIAL, OutputError
from ..safeio import check_output
from ..safetext import printable


def _progress_bar(items: list, label: str):  # noqa: ANN202 - click's ProgressBar
    """The library's progress callback: a bar on stderr (stdout may carry the record)."""
    return click.progressbar(items, label=label, file=sys.stderr)


def _is_folder(output: str) -> bool:
    """`-o out/` or an existing folder: the record is written as FOLDER/<id>.yaml."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def _existing(path: Path, sources: tuple[Path, ...], force: bool) -> tuple[dict | None, str | None, bool]:
    """The record already at `path` and the hash of the bytes read, so a save made while the
    build runs is noticed before the rename (a person's save wins).

    An input, a symlink or a special file is never written (safeio.check_output); a file that
    is not a record (no `id` and `title`) is replaced only with --force.
    """
    from ..yamlio import read_record_file_with_sha  # noqa: PLC0415

    check_output(path, inputs=list(sources), force=force, expected="the record")
    if not path.exists():
        return None, None, False
    if force and not path.is_file():
        return None, None, False
    existing, read_sha = read_record_file_with_sha(path)  # one read: the hash is of the bytes parsed
    if not isinstance(existing, dict) or not {"id", "title"} <= set(existing):
        return None, read_sha, not force  # refused after the build, which may find nothing to write anyway
    return existing, read_sha, False


@click.command(name="build")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    metavar="FILE.yaml|FOLDER/",
    default=None,
    help="Write the record here (atomically): a FOLDER/ (or an existing folder) gets FOLDER/<id>.yaml, "
    "named by the record's id. If the record file exists, its curated fields are kept. Default: print the YAML.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no notes; errors still print.")
@click.option("-v", "--verbose", is_flag=True, help="Print every build note (by default: one summary line).")
@click.option(
    "--force",
    is_flag=True,
    help="Replace OUTPUT even when it is not a record (or is a symlink or special file); never an input.",
)
@click.option(
    "--language",
    metavar="CODE",
    default=None,
    help="Language (ISO 639-1, e.g. fr) of sources whose front matter names none; skips detection.",
)
def command(
    sources: tuple[Path, ...], output: str | None, quiet: bool, verbose: bool, force: bool, language: str | None
) -> None:
    """Build a draft record from news articles (.txt, .md, .html files or folders of them).

    Every value cites the sentences that support it; disagreements between sources are kept
    under `conflicts`. With -o pointing at an existing record, fields a person marked in its
    `curation` map keep their value and evidence.

    Exit codes: 0 built; 3 built, but some sources were unreadable (each named on stderr); 1 no
    readable source (nothing written), the start date read is after every source's publication
    (written without it), or the record changed on disk meanwhile (nothing written); 2 usage
    error; 4 OUTPUT may not be replaced.
    """
    from ..atomic import ChangedOnDisk, write_atomic_if_unchanged  # noqa: PLC0415
    from ..extraction import build_record  # noqa: PLC0415 - keep `build --help` fast
    from ..extraction.notes import summary  # noqa: PLC0415
    from ..validate.checks_semantic import drop_impossible_start  # noqa: PLC0415
    from ..yamlio import dump_yaml  # noqa: PLC0415

    if language is not None and not (2 <= len(language) <= 3 and language.isalpha() and language.islower()):
        raise click.BadParameter(f"{language!r} is not a language code such as en or fr", param_hint="--language")
    if quiet and verbose:
        raise click.UsageError("--quiet and --verbose contradict each other; choose one")
    folder = Path(output) if output is not None and _is_folder(output) else None
    target = None if output is None or folder is not None else Path(output)
    if target is not None and target.is_dir():
        raise click.BadParameter(f"{target} is a folder; write -o {target}/ to name the record by its id")
    where = folder if folder is not None else (target.parent if target is not None else None)
    for part in (where, *where.parents) if where is not None else ():
        if part.exists() and not part.is_dir():
            raise click.BadParameter(
                f"{part} is a file, so it cannot hold the record; give a folder or a new path", param_hint="-o"
            )

    def run(record_path: Path | None, existing: dict | None):  # noqa: ANN202
        return build_record(
            list(sources),
            record_path=record_path,
            existing=existing,
            progress=None if quiet else _progress_bar,
            language=language,
        )

    read_sha: str | None = None
    not_a_record = False
    if folder is not None:
        # The builder chooses the id, so build once to learn it; if FOLDER/<id>.yaml is a
        # record already, build again over it so its curated fields are kept.
        result = run(folder / "record.yaml", None)
        if result.docs:
            target = folder / f"{result.record['id']}.yaml"
            existing, read_sha, not_a_record = _existing(target, sources, force)
            if existing is not None:
                result = run(target, existing)
    else:
        existing, read_sha, not_a_record = (
            _existing(target, sources, force) if target is not None else (None, None, False)
        )
        result = run(target, existing)

    unreadable = set(result.unreadable)
    notes = []
    for problem in result.problems:
        if problem in unreadable:
            click.echo(f"error: {printable(problem)}", err=True)
        elif problem.startswith("note: "):
            notes.append(problem[len("note: ") :])
        else:
            click.echo(f"warning: {printable(problem)}", err=True)
    if verbose:
        for note in notes:
            click.echo(f"note: {printable(note)}", err=True)
    elif not quiet and (line := summary(notes)) is not None:  # None exactly when there are no notes
        click.echo(printable(line), err=True)
    if not result.docs:
        click.echo("error: no readable source; nothing written", err=True)
        sys.exit(EXIT_INVALID)
    if not_a_record:
        raise OutputError(
            "exists and is not a record (no `id` and `title`); building would replace it. "
            "Choose another file, or use --force",
            place=str(target),
        )
    impossible = drop_impossible_start(result.record)
    if impossible:
        click.echo(f"error: {target or 'record'}: {printable(impossible)}", err=True)
    text = dump_yaml(result.record)
    if target is None:
        click.echo(text, nl=False)
    else:
        try:
            # a person may save the record while the build runs: their save wins
            write_atomic_if_unchanged(target, text, read_sha)
        except ChangedOnDisk:
            click.echo(
                f"error: {target} changed on disk while the build ran (saved in an editor?); "
                "nothing written, run the build again",
                err=True,
            )
            sys.exit(EXIT_INVALID)
        record_id = result.record["id"]
        if target.stem != record_id:
            click.echo(
                f"warning: {target}: the record's id is {record_id!r} but the file is named {target.name!r}; "
                f"validate warns (W207) until they match: rename it {record_id}{target.suffix or '.yaml'}, "
                f"or write -o {target.parent.as_posix()}/ to name it by its id",
                err=True,
            )
        if not quiet:
            click.echo(
                f"wrote {target}: {record_id}, {len(result.docs)} sources"
                + (f", {len(unreadable)} skipped" if unreadable else ""),
                err=True,
            )
    sys.exit(EXIT_INVALID if impossible else EXIT_PARTIAL if unreadable else EXIT_OK)
