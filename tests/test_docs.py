"""The README's commands are the ones that run: a documented command that no test runs rots."""

from __future__ import annotations

import re

from conftest import REPO_ROOT
from shutdown_records.cli import COMMANDS

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def _quickstart_commands() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")]


def test_readme_quickstart_has_two_commands_install_and_run() -> None:
    main_job, tests = _quickstart_commands()
    assert "pip install" in main_job and "shutdown-records build seeds/" in main_job
    assert "pip install" in tests and "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last_command = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last_command.strip() == _quickstart_commands()[1]


def test_every_command_is_documented_in_the_readme() -> None:
    documented = set(re.findall(r"`shutdown-records (\w+)", README))
    assert set(COMMANDS) <= documented, f"undocumented: {sorted(set(COMMANDS) - documented)}"


def test_readme_validate_example_is_what_validate_prints(tmp_path, monkeypatch) -> None:
    import shutil

    from click.testing import CliRunner

    from shutdown_records.cli import cli

    section = README.split("## Validate records", 1)[1].split("\n## ", 1)[0]
    shown = [
        line.strip()
        for line in section.split("at the YAML node at fault", 1)[1].splitlines()
        if line.startswith("    records/") or line.startswith("    1 record")
    ]
    record = (REPO_ROOT / "records" / "pk-2024-x.yaml").read_text(encoding="utf-8")
    broken = record.replace("\ncountry: PK\n", "\ncontry: PK\n", 1).replace(
        "start_date: '2024-02-17'", "start_date: '2024-02-30'", 1
    )
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "pk-2024-x.yaml").write_text(broken, encoding="utf-8")
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "records/"])
    assert result.exit_code == 1
    assert result.output.splitlines() == shown


def test_readme_python_example_runs(tmp_path, monkeypatch) -> None:
    import shutil

    code = re.search(r"## From Python.*?```python\n(.*?)```", README, re.S).group(1)
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(REPO_ROOT / "records", tmp_path / "records")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "stop.csv").read_text(encoding="utf-8").startswith("start_date,")
