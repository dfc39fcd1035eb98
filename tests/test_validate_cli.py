"""`shutdown-records validate` on every kind of bad input: one clear line, a code, the exit code.

Each test names what a user would see. Two run the installed command in a subprocess to
prove the real entry point (exit codes, no traceback), the rest use click's CliRunner.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixtures.validate.support import BAD, RECORD, VALID, copy_valid, edit, line_of, problem_lines, validate

COMMAND = Path(sys.executable).parent / "shutdown-records"


def _run_installed(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(COMMAND), "validate", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_validate_passes_the_valid_fixture_with_exit_0() -> None:
    result = validate(str(VALID))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "1 record checked, 1 valid, 0 errors, 0 warnings"


def test_installed_command_exits_0_on_valid_record_and_1_on_non_utf8_without_traceback(tmp_path: Path) -> None:
    ok = _run_installed(str(VALID / RECORD), cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "1 record checked, 1 valid" in ok.stdout

    bad = _run_installed(str(BAD / "not-utf8.yaml"), cwd=tmp_path)
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr + bad.stdout
    assert (
        f"{BAD / 'not-utf8.yaml'}:2:11: (record): not UTF-8: byte 0xe9; re-save the file as UTF-8 [E002]" in bad.stdout
    )


def test_installed_command_exits_2_for_a_missing_path(tmp_path: Path) -> None:
    done = _run_installed("no-such-records/", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "error: no such file or folder: no-such-records"
    assert "Traceback" not in done.stderr


def test_validate_exits_2_for_an_unknown_format() -> None:
    result = validate("--format", "xml", str(VALID))
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.stderr


def test_validate_exits_2_without_any_path() -> None:
    result = validate()
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


def test_validate_reports_text_that_is_not_yaml_with_line() -> None:
    result = validate(str(BAD / "not-yaml.yaml"))
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"{BAD / 'not-yaml.yaml'}:3:8: (record): not valid YAML: did not find expected ',' or ']' [E004]"
    ]


def test_validate_reports_an_empty_file() -> None:
    result = validate(str(BAD / "empty.yaml"))
    assert result.exit_code == 1
    assert "empty.yaml:1:1: (record): empty file: a record is a YAML mapping" in result.stdout
    assert "[E006]" in result.stdout


def test_validate_reports_a_list_instead_of_a_mapping() -> None:
    result = validate(str(BAD / "a-list.yaml"))
    assert result.exit_code == 1
    assert "a-list.yaml:1:1: (record): a record must be a YAML mapping (key: value), not a list" in result.stdout


def test_validate_reports_duplicate_key_with_line() -> None:
    result = validate(str(BAD / "duplicate-key.yaml"))
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"{BAD / 'duplicate-key.yaml'}:4:1: (record): not valid YAML: duplicate key 'country' "
        "(first defined at line 3); keep one [E005]"
    ]


def test_validate_reports_unknown_field_at_its_key_and_suggests_the_known_one() -> None:
    result = validate(str(BAD / "unknown-field.yaml"))
    assert result.exit_code == 1
    assert (
        f"{BAD / 'unknown-field.yaml'}:3:1: contry: unknown field 'contry'; did you mean 'country'? [E101]"
        in result.stdout
    )


def test_validate_reports_wrong_types_with_what_would_be_right() -> None:
    result = validate(str(BAD / "wrong-types.yaml"))
    assert result.exit_code == 1
    lines = problem_lines(result)
    assert (
        f'{BAD / "wrong-types.yaml"}:2:8: title: expected text, got number 2024; quote it to keep it as text: "2024" [E103]'
        in lines
    )
    assert f"{BAD / 'wrong-types.yaml'}:3:12: platforms: expected a list, got text 'X' [E103]" in lines


def test_validate_rejects_february_30() -> None:
    result = validate(str(BAD / "impossible-date.yaml"))
    assert result.exit_code == 1
    assert (
        "impossible-date.yaml:3:13: start_date: 2024-02-30 is not a real date: February 2024 has 29 days [E201]"
        in result.stdout
    )


def test_validate_reports_unknown_vocabulary_value_and_the_nearest_known_one() -> None:
    result = validate(str(BAD / "unknown-vocabulary.yaml"))
    assert result.exit_code == 1
    assert (
        "unknown-vocabulary.yaml:3:7: kind: 'service_blok' is not a known kind value; expected one of: "
        "full_network, service_block, throttling; did you mean 'service_block'? [E104]"
    ) in result.stdout


def test_validate_reads_yaml11_traps_as_yaml12_strings_and_accepts_country_no() -> None:
    """`country: NO` is Norway, unquoted dates and on/off/yes are text: a valid (draft) record."""
    result = validate(str(BAD / "yaml11-traps.yaml"))
    assert result.exit_code == 0, result.stdout
    assert "1 record checked, 1 valid, 0 errors, 1 warning" in result.stdout
    assert "[W209]" in result.stdout  # only the draft note; nothing about country, dates or regions


def test_validate_reports_yes_for_a_boolean_with_a_true_false_hint() -> None:
    result = validate(str(BAD / "acknowledged-yes.yaml"))
    assert result.exit_code == 1
    assert (
        "acknowledged-yes.yaml:3:15: acknowledged: expected true or false or empty (null), got text 'yes'; "
        "use true/false (records are YAML 1.2: yes/no/on/off are plain text) [E103]"
    ) in result.stdout


def test_validate_reports_non_utf8_bytes_with_their_place() -> None:
    result = validate(str(BAD / "not-utf8.yaml"))
    assert result.exit_code == 1
    assert "not-utf8.yaml:2:11: (record): not UTF-8: byte 0xe9" in result.stdout


def test_validate_refuses_a_very_large_file_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)  # sparse: cheap to make
    result = validate(str(huge))
    assert result.exit_code == 1
    assert (
        "huge.yaml:1:1: (record): file is 6291456 bytes; a record must be under 5242880 bytes [E003]" in result.stdout
    )


def test_validate_reports_end_before_start() -> None:
    result = validate(str(BAD / "end-before-start.yaml"))
    assert result.exit_code == 1
    assert (
        "end-before-start.yaml:4:11: end_date: end_date 2024-03-01 is before start_date 2024-03-10 [E202]"
        in result.stdout
    )


def test_validate_of_a_folder_without_records_exits_0_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a record", encoding="utf-8")
    result = validate(str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.strip() == "0 records checked, 0 valid, 0 errors, 0 warnings"
    assert f"warning: no record files (*.yaml, *.yml) found in {tmp_path}" in result.stderr


def test_validate_reports_duplicate_ids_across_records_naming_the_first(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    twin = copy_valid(tmp_path, "other")
    result = validate(str(record), str(twin))
    assert result.exit_code == 1
    id_line = line_of(record, "id: ga-2025-tiktok")
    assert (
        f"{twin}:{id_line}:5: id: id 'ga-2025-tiktok' is also used by {record}:{id_line}; ids must be unique [E206]"
    ) in result.stdout


def test_validate_counts_a_file_given_twice_once(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    result = validate(str(record), str(record.parent))
    assert result.exit_code == 0, result.stdout
    assert "1 record checked, 1 valid" in result.stdout


def test_validate_warns_when_id_differs_from_file_name_and_fails_only_under_strict(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    renamed = record.rename(record.with_name("gabon.yaml"))
    result = validate(str(renamed))
    assert result.exit_code == 0
    assert (
        f"{renamed}:2:5: id: warning: id 'ga-2025-tiktok' differs from the file name 'gabon.yaml'; "
        "name the file ga-2025-tiktok.yaml [W207]"
    ) in result.stdout
    assert "1 record checked, 1 valid, 0 errors, 1 warning" in result.stdout
    strict = validate("--strict", str(renamed))
    assert strict.exit_code == 1
    assert "1 record checked, 0 valid, 0 errors, 1 warning" in strict.stdout


def test_validate_never_writes_to_what_it_checks(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "status: ended", "status: ongoing")  # make it invalid too
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in record.parent.rglob("*") if p.is_file()}
    validate(str(record.parent))
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in record.parent.rglob("*") if p.is_file()}
    assert after == before


def test_validate_quiet_prints_only_problems(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    assert validate("--quiet", str(record)).stdout == ""
    edit(record, "country: GA", "country: XX")
    quiet = validate("-q", str(record))
    assert quiet.exit_code == 1
    assert quiet.stdout.splitlines() == [
        f"{record}:5:10: country: 'XX' is not an ISO 3166-1 alpha-2 country code "
        "(e.g. GB for the United Kingdom, PK for Pakistan) [E205]"
    ]


def test_validate_passes_the_repository_records(monkeypatch) -> None:
    """records/ (the seed incident, citing ../seeds/) is what the README's Quickstart validates."""
    repo = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(repo)
    result = validate("--strict", "records/")
    assert result.exit_code == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout


def test_validate_code_follows_the_refusal_not_its_wording(tmp_path: Path) -> None:
    """A value that merely contains the words 'duplicate key' is a bad tag (E004), not E005:
    codes belong to the exception types, so rewording a message never changes one."""
    record = tmp_path / "words.yaml"
    record.write_text('id: x\ntitle: t\nnote: !!int "duplicate key"\n', encoding="utf-8")
    result = validate(str(record))
    assert result.exit_code == 1
    [line] = problem_lines(result)
    assert line.startswith(f"{record}:3:7: (record): not valid YAML: !!int 'duplicate key' is not a whole number")
    assert line.endswith("[E004]")
