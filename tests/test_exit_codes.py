"""Every exit code of every command is in the README, the same as in its `--help` (issue 13),
and the codes a user meets most are the ones the commands really return."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import COMMANDS, cli, main

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _readme_codes() -> dict[str, list[int]]:
    section = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", section, re.M)
    return {name: [int(c) for c in re.findall(r"(?:^|; )(\d+) ", cell)] for name, cell in rows}


def _help_codes(name: str) -> list[int]:
    text = " ".join(CliRunner().invoke(cli, [name, "--help"]).output.split())
    assert "Exit codes: " in text, f"`{name} --help` lists no exit codes"
    listed = text.split("Exit codes: ", 1)[1].split(". ", 1)[0]
    return [int(c) for c in re.findall(r"(?:^|; )(\d+) ", listed)]


def test_every_command_has_its_exit_codes_in_the_readme() -> None:
    documented = _readme_codes()
    assert sorted(documented) == sorted(COMMANDS)
    assert "70 internal error" in README.split("## Exit codes", 1)[1]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_readme_and_help_list_the_same_exit_codes(name: str) -> None:
    readme = _readme_codes()[name]
    assert readme and readme[0] == 0 and 2 in readme, readme
    assert _help_codes(name) == readme


def _run(*args: str) -> int:
    """The exit code as `shutdown-records` (its `main`, which maps errors to codes) gives it."""
    try:
        main(list(args))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def test_documented_codes_are_what_the_commands_return(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "---\npublished: 2025-03-14\nlanguage: en\n---\n"
        "Authorities in Freedonia blocked access to Telegram on Wednesday, the regulator said.\n",
        encoding="utf-8",
    )
    records = tmp_path / "records"
    assert _run("build", str(article), "-o", f"{records}/", "-q") == 0
    assert _run("build", str(article), str(tmp_path / "missing.txt"), "-o", f"{tmp_path}/b/", "-q") == 3
    assert _run("build", str(tmp_path / "missing.txt"), "-q") == 1
    assert _run("build", str(article), "--no-such-option") == 2

    shutil.copytree(REPO_ROOT / "records", tmp_path / "repo" / "records")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "repo" / "seeds")
    good = tmp_path / "repo" / "records"
    (good / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert _run("export", str(good), "--format", "csv", "-o", str(tmp_path / "x.csv")) == 3
    assert _run("export", str(good / "broken.yaml"), "--format", "csv", "-o", str(tmp_path / "y.csv")) == 1
    assert _run("export", str(good), "--format", "nope") == 2
    assert _run("validate", str(good)) == 1
    assert _run("validate", str(tmp_path / "nowhere")) == 2

    stale = tmp_path / "schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    assert _run("schema", "-o", str(stale), "--check") == 1
    assert _run("eval", str(tmp_path / "nowhere"), "-q") == 2
