"""`export --format csv|jsonl`, and what every format shares: streaming, errors, atomic output."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.cli import main
from shutdown_records.export import WRITERS, export_records
from shutdown_records.export.csv_rows import COLUMNS, LIST_SEPARATOR
from shutdown_records.model import Incident
from shutdown_records.records import load_record

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "records"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_export_csv_writes_one_row_per_record_with_joined_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "export", str(FIXTURES), "--format", "csv")
    assert code == 0, err
    rows = {r["id"]: r for r in csv_rows(out)}
    assert set(rows) == {"ci-2020-shutdown", "pk-2024-x", "ru-2021-twitter"}
    pk = rows["pk-2024-x"]
    assert list(pk) == list(COLUMNS)
    assert pk["networks"] == f"mobile{LIST_SEPARATOR}fixed"
    assert pk["ordered_by"] == "Ministry of Interior (executive); Pakistan Telecommunication Authority (executive)"
    assert pk["legal_basis"] == "Prevention of Electronic Crimes Act (section 37)"
    assert pk["operators"] == "Jazz (AS45669)"
    assert pk["source_urls"] == "https://example.org/pk/x-blocked"
    record = load_record(FIXTURES / "pk-2024-x.yaml")
    assert pk["evidence_count"] == str(sum(len(c) for c in record.evidence.values()))
    assert "networks=2" in pk["evidence_by_field"].split(LIST_SEPARATOR)


def test_export_csv_keeps_quotes_newlines_and_non_ascii_intact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(FIXTURES / "ru-2021-twitter.yaml"), "-f", "csv")
    assert code == 0
    (row,) = csv_rows(out)
    record = load_record(FIXTURES / "ru-2021-twitter.yaml")
    assert row["summary"] == record.summary and "\n" in row["summary"] and '"banned"' in row["summary"]
    assert row["ordered_by"] == "Roskomnadzor / Роскомнадзор (executive)"
    assert row["start_date"] == "2021-03"


def test_export_csv_writes_empty_cells_for_empty_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(FIXTURES / "ci-2020-shutdown.yaml"), "-f", "csv")
    (row,) = csv_rows(out)
    assert code == 0
    assert row["platforms"] == row["ordered_by"] == row["source_urls"] == ""
    assert row["evidence_count"] == "0" and row["regions"] == "Bouaké; Daoukro"


def test_export_jsonl_is_every_field_of_every_record(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(FIXTURES), "-f", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    by_id = {json.loads(line)["id"]: json.loads(line) for line in lines}
    for path in FIXTURES.glob("*.yaml"):
        record = load_record(path)
        assert by_id[record.id] == record.model_dump(mode="json")
    assert "Роскомнадзор" in out  # written as UTF-8, not \u escapes


def test_export_unknown_format_exits_2_listing_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "export", str(FIXTURES), "--format", "xml")
    assert code == 2
    for name in WRITERS:
        assert name in err


def test_export_library_rejects_unknown_format_with_the_list() -> None:
    from shutdown_records.errors import UsageError

    with pytest.raises(UsageError, match="csv, jsonl, ooni, stop"):
        export_records([FIXTURES], "xml", stream=io.StringIO())


def test_export_skips_a_bad_record_names_its_line_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    shutil.copytree(FIXTURES, folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: Broken\nkind: blackout\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "export", str(folder), "-f", "jsonl")
    assert code == 3
    assert len(out.splitlines()) == 3
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1
    assert f"{folder / 'broken.yaml'}:3:" in error_lines[0] and "kind" in error_lines[0]


def test_export_of_only_bad_records_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: [unclosed\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "export", str(bad), "-f", "csv")
    assert code == 1 and f"{bad}:" in err


def test_export_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "export", str(tmp_path / "nope"), "-f", "csv")
    assert code == 2 and "no such file or folder" in err


def test_export_to_file_replaces_it_whole_and_leaves_no_temp_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "records.csv"
    target.parent.mkdir()
    target.write_text("old content\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "export", str(FIXTURES), "-f", "csv", "-o", str(target))
    assert code == 0 and out == ""
    assert "exported 3 record(s)" in err
    assert len(csv_rows(target.read_text(encoding="utf-8"))) == 3
    assert [p.name for p in target.parent.iterdir()] == ["records.csv"]


def test_export_leaves_previous_output_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    target.write_text("previous\n", encoding="utf-8")

    def explode(err: object) -> None:
        raise RuntimeError("disk full")

    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        export_records([folder], "jsonl", target, on_error=explode)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["records.jsonl"]


def test_export_ooni_options_are_refused_for_other_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "export", str(FIXTURES), "-f", "csv", "--jsonl")
    assert code == 2 and "ooni" in err


def test_export_bom_lets_excel_read_utf8_and_imports_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stop.csv"
    code, _, _ = run_cli(capsys, "export", str(FIXTURES), "-f", "stop", "--bom", "-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"\xef\xbb\xbfstart_date,")
    code, _, err = run_cli(capsys, "import", str(target), "-o", str(tmp_path / "records"))
    assert code == 0, err
    [ivory] = (tmp_path / "records").glob("ci-2020-*.yaml")  # ids: country-date-what-place
    assert load_record(ivory).country == "CI"


def test_export_command_runs_from_the_shell_and_stops_quietly_on_a_closed_pipe() -> None:
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("shutdown-records")
    folders = " ".join([f"'{FIXTURES}'"] * 100)  # 300 rows: more than a pipe buffer holds
    done = subprocess.run(
        f"'{exe}' export {folders} -f stop | head -c 10", shell=True, capture_output=True, text=True, timeout=120
    )
    assert done.stdout == "start_date"
    assert done.stderr == ""


def test_export_library_refuses_an_option_the_format_lacks_before_writing(tmp_path: Path) -> None:
    from shutdown_records.errors import UsageError

    with pytest.raises(UsageError, match="'csv' has no option 'jsonl'"):
        export_records([FIXTURES], "csv", tmp_path / "out.csv", jsonl=True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_export_writes_each_record_before_the_next_is_loaded(fmt: str) -> None:
    from shutdown_records.export import write_records

    out = io.StringIO()
    records = [load_record(p) for p in sorted(FIXTURES.glob("*.yaml"))]
    seen_sizes: list[int] = []

    def one_at_a_time() -> Iterator[Incident]:
        for record in records:
            seen_sizes.append(len(out.getvalue()))
            yield record

    assert write_records(one_at_a_time(), fmt, out) == 3
    sizes = seen_sizes + [len(out.getvalue())]
    assert all(later > earlier for earlier, later in zip(sizes[1:], sizes[2:], strict=False)), sizes
