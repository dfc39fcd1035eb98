"""Where `build` writes and what it says (issue 13): `-o FOLDER/` names the file by the
record's id, a file named otherwise is flagged at build time, notes come as one plain line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import cli
from shutdown_records.yamlio import dump_yaml, read_record_file

ARTICLE = """---
published: 2025-03-14
language: en
---
Authorities in Freedonia blocked access to Telegram on Wednesday, the telecoms regulator said.
Telegram has been unreachable across Freedonia since March 12, users said.
Some mobile phone users said the connection was slow too.
"""


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _build(*args: str):  # noqa: ANN202
    return CliRunner().invoke(cli, ["build", *args])


def test_output_folder_with_a_slash_gets_the_record_named_by_its_id(tmp_path: Path) -> None:
    article = _article(tmp_path)
    result = _build(str(article), "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 0, result.output
    files = list((tmp_path / "out").iterdir())
    assert len(files) == 1
    record = read_record_file(files[0])
    assert files[0].name == f"{record['id']}.yaml"
    assert f"wrote {files[0]}: {record['id']}" in result.output
    assert "W207" not in result.output and "warning" not in result.output


def test_an_existing_folder_without_a_slash_is_a_folder_too(tmp_path: Path) -> None:
    article = _article(tmp_path)
    (tmp_path / "records").mkdir()
    result = _build(str(article), "-o", str(tmp_path / "records"))
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "records").iterdir()
    assert written.stem == read_record_file(written)["id"]


def test_building_into_a_folder_again_keeps_the_curated_fields_of_the_record_there(tmp_path: Path) -> None:
    article = _article(tmp_path)
    out = f"{tmp_path / 'records'}/"
    assert _build(str(article), "-o", out).exit_code == 0
    [path] = (tmp_path / "records").iterdir()
    record = read_record_file(path)
    record["summary"] = "Telegram blocked in Freedonia, written by a person."
    record["scope"] = "regional"
    record["curation"] = {"scope": "edited"}
    path.write_text(dump_yaml(record), encoding="utf-8")
    result = _build(str(article), "-o", out)
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "records").iterdir()] == [path.name]
    again = read_record_file(path)
    assert again["summary"] == record["summary"] and again["scope"] == "regional"


def test_a_file_named_other_than_the_id_is_written_and_flagged_at_build_time(tmp_path: Path) -> None:
    article = _article(tmp_path)
    target = tmp_path / "records" / "my-telegram.yaml"
    result = _build(str(article), "-o", str(target))
    assert result.exit_code == 0, result.output
    record_id = read_record_file(target)["id"]
    assert record_id != "my-telegram"
    warning = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1
    assert f"the record's id is {record_id!r} but the file is named 'my-telegram.yaml'" in warning[0]
    assert f"rename it {record_id}.yaml" in warning[0] and f"-o {target.parent.as_posix()}/" in warning[0]


def test_notes_are_one_plain_line_with_a_pointer_and_all_of_them_with_verbose(tmp_path: Path) -> None:
    article = _article(tmp_path)
    plain = _build(str(article), "-o", f"{tmp_path}/a/")
    notes = [line for line in plain.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, plain.output
    assert "left out because the sources do not state it firmly enough (networks: 'mobile')" in notes[0]
    assert "--verbose" in notes[0] and "docs/build-notes.md" in notes[0]
    assert "0.9" not in notes[0]  # the figures are for --verbose and the docs
    assert (REPO_ROOT / "docs" / "build-notes.md").is_file()
    verbose = _build(str(article), "-o", f"{tmp_path}/b/", "--verbose")
    detailed = [line for line in verbose.output.splitlines() if line.startswith("note:")]
    assert len(detailed) >= 2 and any("networks: candidate 'mobile'" in n for n in detailed)
    quiet = _build(str(article), "-o", f"{tmp_path}/c/", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""
    both = _build(str(article), "--quiet", "--verbose")
    assert both.exit_code == 2


def test_an_output_inside_a_file_is_a_usage_error_not_a_crash(tmp_path: Path) -> None:
    article = _article(tmp_path)
    (tmp_path / "taken").write_text("a user's notes\n", encoding="utf-8")
    for output in (f"{tmp_path / 'taken'}/", str(tmp_path / "taken" / "r.yaml")):
        result = _build(str(article), "-o", output)
        assert result.exit_code == 2, result.output
        assert f"{tmp_path / 'taken'} is a file" in result.output
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "a user's notes\n"
