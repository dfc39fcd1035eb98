"""The README's Quickstart in a fresh clone leaves `git status` clean (issue 13).

The main job's `shutdown-records` steps run as written (the venv and pip steps are the
test environment's own) in a fresh git repository holding the tracked files only.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
PROGRAM = ".venv/bin/shutdown-records"


def _main_job() -> str:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")][0]


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_readme_quickstart_leaves_a_fresh_clone_clean(tmp_path: Path) -> None:
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout: no tracked files to copy")
    clone = tmp_path / "clone"
    tracked = _git(REPO_ROOT, "ls-files", "-z").split("\0")
    for name in filter(None, tracked):
        source = REPO_ROOT / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    _git(clone, "init", "-q")
    _git(clone, "add", "-A")
    _git(clone, "commit", "-q", "-m", "fresh clone")

    before = _stamps(clone, tracked)
    steps = [shlex.split(step) for step in _main_job().split("&&")]
    runs = [step for step in steps if step[0] == PROGRAM]
    assert [step[1] for step in runs] == ["build", "validate"], steps
    for step in runs:
        done = subprocess.run(
            [sys.executable, "-m", "shutdown_records.cli", *step[1:]],
            cwd=clone,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    assert "1 record checked, 1 valid" in done.stdout
    assert list((clone / "out").glob("*.yaml")), "the main job wrote no record into out/"
    assert _git(clone, "status", "--porcelain", "--untracked-files=all") == ""
    # Rewriting a tracked file with the same bytes leaves `git status` clean too; still a write.
    assert _stamps(clone, tracked) == before, "the Quickstart rewrote tracked files"


def _stamps(root: Path, names: list[str]) -> dict[str, tuple[int, int]]:
    out = {}
    for name in filter(None, names):
        path = root / name
        if path.is_file():
            stat = path.stat()
            out[name] = (stat.st_ino, stat.st_mtime_ns)
    return out


def test_readme_claim_building_the_seeds_into_records_changes_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner  # noqa: PLC0415

    from shutdown_records.cli import cli  # noqa: PLC0415

    assert "`build seeds/ -o records/` rebuilds it" in " ".join(README.split())
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(REPO_ROOT / "records", tmp_path / "records")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "seeds"), "-o", f"{tmp_path / 'records'}/", "-q"])
    assert result.exit_code == 0, result.output
    for path in (REPO_ROOT / "records").iterdir():
        assert (tmp_path / "records" / path.name).read_bytes() == path.read_bytes(), path.name
    assert sorted(p.name for p in (tmp_path / "records").iterdir()) == sorted(
        p.name for p in (REPO_ROOT / "records").iterdir()
    )
