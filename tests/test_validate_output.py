"""Output formats, ordering and the library API: what scripts and CI read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from fixtures.validate.support import BAD, copy_valid, edit, problem_lines, validate

from shutdown_records.model import Incident
from shutdown_records.schema_gen import incident_schema
from shutdown_records.validate import CODES, REPORTERS, ValidationResult, validate_paths
from shutdown_records.validate.reporters import TextReporter

REPO = Path(__file__).resolve().parent.parent


def _two_broken_records(tmp_path: Path) -> Path:
    record = copy_valid(tmp_path)
    edit(record, "country: GA", "country: XX")
    edit(record, "status: ended", "status: ongoing")
    shutil.copy(BAD / "acknowledged-yes.yaml", record.parent / "acknowledged-yes.yaml")
    return record


def test_validate_orders_problems_by_file_then_line(tmp_path: Path) -> None:
    record = _two_broken_records(tmp_path)
    lines = problem_lines(validate(str(record.parent)))
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in lines]
    assert keys == sorted(keys)
    assert [k[0] for k in keys] == [str(record.parent / "acknowledged-yes.yaml")] * 2 + [str(record)] * 2


def test_validate_json_format_lists_totals_records_and_problems(tmp_path: Path) -> None:
    record = _two_broken_records(tmp_path)
    result = validate("--format", "json", str(record.parent))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["records_checked"], report["valid"], report["errors"], report["warnings"]) == (2, 0, 3, 1)
    assert report["records"][1] == {"path": str(record), "id": "ga-2025-tiktok", "valid": False}
    assert report["problems"][2] == {
        "path": str(record),
        "line": 5,
        "column": 10,
        "field": "country",
        "severity": "error",
        "code": "E205",
        "message": "'XX' is not an ISO 3166-1 alpha-2 country code (e.g. GB for the United Kingdom, PK for Pakistan)",
    }


def test_validate_github_format_writes_annotations_with_file_line_col_and_title(tmp_path: Path) -> None:
    record = _two_broken_records(tmp_path)
    result = validate("--format", "github", "--quiet", str(record.parent))
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"::warning file={record.parent / 'acknowledged-yes.yaml'},line=1,col=1,"
        "title=W209 draft without evidence%3A (record)::draft without evidence"
    )
    assert lines[2] == (
        f"::error file={record},line=5,col=10,title=E205 unknown country code%3A country::'XX' is not an "
        "ISO 3166-1 alpha-2 country code (e.g. GB for the United Kingdom, PK for Pakistan)"
    )
    assert len(lines) == 4  # quiet: no summary


def test_validate_paths_returns_the_result_the_cli_prints(tmp_path: Path) -> None:
    record = _two_broken_records(tmp_path)
    result = validate_paths([record.parent])
    assert isinstance(result, ValidationResult)
    assert not result.ok
    assert [p.code for p in result.problems] == ["W209", "E103", "E205", "E203"]
    assert result.summary() == "2 records checked, 0 valid, 3 errors, 1 warning"


def test_validate_in_worker_processes_gives_the_same_result_as_in_one(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    text = record.read_text(encoding="utf-8")
    for n in range(60):
        body = text.replace("id: ga-2025-tiktok\n", f"id: ga-2025-tiktok-{n}\n")
        if n % 7 == 0:
            body = body.replace("country: GA", "country: XX")
        (record.parent / f"ga-2025-tiktok-{n}.yaml").write_text(body, encoding="utf-8")
    one = validate_paths([record.parent], jobs=1)
    two = validate_paths([record.parent], jobs=2)
    assert one.as_dict() == two.as_dict()
    assert one.error_count == 9


def test_a_new_output_format_is_one_reporter_class_and_one_entry() -> None:
    assert set(REPORTERS) == {"text", "json", "github"}
    assert all(issubclass(cls, REPORTERS["text"].__mro__[1]) for cls in REPORTERS.values())
    assert REPORTERS["text"] is TextReporter


def test_every_problem_code_is_documented() -> None:
    docs = (REPO / "docs" / "validate.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in docs]
    assert not missing, f"codes not in docs/validate.md: {missing}"


def test_pre_commit_hook_runs_validate_on_record_files() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "shutdown-records-validate"
    assert hook["entry"] == "shutdown-records validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["files"] == r"^records/.*\.ya?ml$"


def test_github_actions_example_validates_records_with_annotations() -> None:
    workflow = yaml.safe_load((REPO / "docs" / "github-actions-example.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("shutdown-records validate --format github records/" in run for run in steps)


def test_record_schema_uses_no_iri_format_so_skipping_its_slow_checker_loses_nothing() -> None:
    """checks_schema imports jsonschema without rfc3987_syntax; that is only safe while no field uses iri."""
    text = json.dumps(incident_schema())
    assert '"iri' not in text and "iri-reference" not in text


def test_the_valid_fixture_loads_as_an_incident() -> None:
    from fixtures.validate.support import RECORD, VALID

    from shutdown_records.records import load_record

    assert isinstance(load_record(VALID / RECORD), Incident)


def test_text_reporter_marks_warnings_and_codes(tmp_path: Path) -> None:
    import io

    record = copy_valid(tmp_path)
    renamed = record.rename(record.with_name("gabon.yaml"))
    stream = io.StringIO()
    TextReporter(stream).report(validate_paths([renamed]))
    first, summary = stream.getvalue().splitlines()
    assert first.startswith(f"{renamed}:2:5: id: warning: id 'ga-2025-tiktok' differs") and first.endswith("[W207]")
    assert summary == "1 record checked, 1 valid, 0 errors, 1 warning"


def test_docs_text_example_is_what_validate_prints(monkeypatch) -> None:
    docs = (REPO / "docs" / "validate.md").read_text(encoding="utf-8")
    example = docs.split("Text (default)", 1)[1].split("```\n", 2)[1].rstrip("\n")
    monkeypatch.chdir(REPO)
    result = validate(
        "tests/fixtures/validate/bad/acknowledged-yes.yaml", "tests/fixtures/validate/bad/end-before-start.yaml"
    )
    assert result.stdout.rstrip("\n") == example
