"""Digest of everything the project writes, to show a refactoring changed no output byte.

Why: "behaviour unchanged" is a claim about files, so check the files. In a temporary folder
this builds every incident of every corpus (../shared/corpus, tests/*_corpus) and the seeds,
imports the STOP sheets (../shared/stop), validates the built, imported and committed
records (records/), exports each set in every export format, writes the report site, runs
`eval` on each corpus, scans the news stream (../shared/stream) against records/, renders
the review app's pages for the committed and built records and writes the JSON Schema. Then it prints one line per output file,
`sha256  path`, and a last line with the digest of those lines. Run it before and after a
change and compare:

    python scripts/pin_outputs.py > /tmp/before.txt
    ... change ...
    python scripts/pin_outputs.py > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt

Every command runs in-process through click's test runner; its exit code and printed output
are files too (`*.out`). The temporary folder's name is replaced by `<TMP>` and eval's
per-incident timings by 0 before hashing, so two runs on the same code give the same digests. Outputs of hold-out incidents are hashed,
never printed (bench/corpus_split.json).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

from shutdown_records.cli import cli
from shutdown_records.export import WRITERS
from shutdown_records.review import create_app

ROOT = Path(__file__).resolve().parent.parent


def corpora(shared: Path) -> dict[str, Path]:
    """Corpus name -> folder: the shared corpus (when present) and the in-repo ones."""
    found = {"shared": shared / "corpus"} if (shared / "corpus").is_dir() else {}
    for folder in sorted((ROOT / "tests").glob("*_corpus")):
        found[folder.name] = folder
    return found


class Pinner:
    """Runs the CLI into `tmp/out` and remembers each command's exit code and output."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.out = tmp / "out"
        self.runner = CliRunner()

    def run(self, name: str, *args: str | Path) -> None:
        result = self.runner.invoke(cli, [str(a) for a in args])
        text = f"exit {result.exit_code}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            # cli.main turns the project's errors into a message and an exit code; keep both kinds.
            text += f"--- raised\n{type(result.exception).__name__}: {result.exception}\n"
        target = self.out / "commands" / f"{name}.out"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def review(self, label: str, root: Path, records: Path) -> None:
        """The review app (served from `root`): its index and each record's page, GET only."""
        client = create_app(root, token="pin").test_client()
        pages = ["/", *(f"/record/{p.relative_to(root).as_posix()}" for p in sorted(records.glob("*.yaml")))]
        for page in pages:
            response = client.get(page)
            name = page.rsplit("/", 1)[-1] or "index"
            target = self.out / label / "review" / f"{name}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(f"{response.status_code}\n".encode() + response.get_data())

    def stages(self, label: str, records: Path, root: Path) -> None:
        """validate, every export format and the report for one folder of records."""
        self.run(f"{label}/validate", "validate", "--root", root, "-j", "1", records)
        self.run(
            f"{label}/validate-strict-json",
            "validate",
            "--root",
            root,
            "-j",
            "1",
            "--strict",
            "--format",
            "json",
            records,
        )
        for fmt in sorted(WRITERS):
            suffix = "json" if fmt == "ooni" else fmt
            self.run(f"{label}/export-{fmt}", "export", "-f", fmt, "-o", self.out / label / f"export.{suffix}", records)
        self.run(f"{label}/report", "report", "-j", "1", "--root", root, "-o", self.out / label / "site", records)


def pin(tmp: Path, shared: Path) -> None:
    p = Pinner(tmp)
    work = tmp / "work"
    # The committed records and the seeds, at the same relative places as in the repository.
    shutil.copytree(ROOT / "records", work / "repo" / "records")
    shutil.copytree(ROOT / "seeds", work / "repo" / "seeds")
    p.run("seeds/build", "build", "-q", "-o", work / "repo" / "built" / "pk-2024-x.yaml", work / "repo" / "seeds")
    p.stages("repo-records", work / "repo" / "records", work / "repo")
    p.stages("seeds-built", work / "repo" / "built", work / "repo")
    p.review("repo-records", work / "repo", work / "repo" / "records")
    shutil.copytree(work / "repo", p.out / "repo")

    for name, folder in corpora(shared).items():
        copy = work / "corpora" / name
        shutil.copytree(folder, copy)
        built = work / "built" / name
        for incident in sorted(d for d in copy.iterdir() if (d / "sources").is_dir()):
            p.run(
                f"{name}/build/{incident.name}",
                "build",
                "-q",
                "-o",
                built / f"{incident.name}.yaml",
                incident / "sources",
            )
        p.stages(f"{name}-built", built, work)
        p.review(f"{name}-built", work, built)
        p.run(f"{name}/eval", "eval", "-q", copy)
        p.run(f"{name}/eval-json", "eval", "-q", "--json", "--show-diff", copy)
        shutil.copytree(built, p.out / "built" / name)

    for sheet in sorted((shared / "stop").glob("*.csv")) if (shared / "stop").is_dir() else []:
        imported = work / "imported" / sheet.stem
        p.run(f"import/{sheet.stem}", "import", "-o", imported, sheet)
        p.stages(f"imported-{sheet.stem}", imported, imported)
        p.run(
            f"imported-{sheet.stem}/export-stop-like",
            "export",
            "-f",
            "stop",
            "--like",
            sheet,
            "-o",
            p.out / f"imported-{sheet.stem}" / "like.csv",
            imported,
        )
        shutil.copytree(imported, p.out / "imported" / sheet.stem)

    if (shared / "stream").is_dir():
        p.run(
            "scan",
            "scan",
            "-q",
            "-j",
            "1",
            "--records",
            work / "repo" / "records",
            "-o",
            p.out / "scan",
            shared / "stream",
        )

    p.run("schema", "schema", "-o", p.out / "incident.schema.json")


# `eval --json` says how long each incident took: the one figure that differs between runs.
TIMINGS = re.compile(rb'"seconds": [0-9.e-]+')


def digests(out: Path, tmp: Path) -> Iterator[str]:
    """`sha256  path` per file, the temporary folder's name and eval's timings blanked first."""
    marker = str(tmp).encode()
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        data = TIMINGS.sub(b'"seconds": 0', path.read_bytes().replace(marker, b"<TMP>"))
        yield f"{hashlib.sha256(data).hexdigest()}  {path.relative_to(out).as_posix()}"


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--keep", type=Path, help="copy the outputs here to diff them file by file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pin-") as name:
        tmp = Path(name).resolve()
        pin(tmp, args.shared.resolve())
        lines = list(digests(tmp / "out", tmp))
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(tmp / "out", args.keep)
    total = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    sys.stdout.write("\n".join([*lines, f"{total}  ALL ({len(lines)} files)"]) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
