"""`import --format stop`: one draft record per row of an Access Now STOP sheet (csv)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from shutdown_records.cli import main
from shutdown_records.export.vocab import stop_columns
from shutdown_records.importer import import_stop
from shutdown_records.records import load_record


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def sheet(tmp_path: Path, rows: list[dict[str, str]], *, bom: bool = True, name: str = "stop.csv") -> Path:
    """A STOP sheet as Excel saves it: BOM, CRLF, quotes only where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(stop_columns()), dialect="excel")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    path = tmp_path / name
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    return path


NIGERIA = {
    "start_date": "6/5/2021",
    "end_date": "1/13/2022",
    "duration": "222",
    "shutdown_status": "Ended",
    "country": "Nigeria",
    "geo_scope": "It affected locations in more than one state, province, or region",
    "area_name": "Nationwide",
    "shutdown_type": "Shutdown",
    "shutdown_extent": "Service-based",
    "affected_network": "Broadband, Mobile",
    "facebook_affected": "No",
    "twitter_affected": "Yes",
    "whatsapp_affected": "No",
    "instagram_affected": "No",
    "telegram_affected": "No",
    "ordered_by": "Executive government",
    "decision_maker": "Federal Government of Nigeria; Nigerian Communications Commission",
    "gov_justification": "National security/ Counter-terrorism",
    "actual_cause": "Other",
    "actual_cause_details": 'Twitter deleted a post by the president, "threatening" secessionists;\nthe block followed',
    "gov_ack": "Yes",
    "telcos_involved": "MTN, Airtel",
    "econ_impact": "$1.5bn, estimated",
    "info_source": "News media article",
    "info_source_link": "https://example.org/a; https://example.org/b",
    "event": 'Twitter suspended "indefinitely", then blocked by telcos',
    "an_link": "https://example.org/an",
}


def test_import_writes_one_draft_record_per_row_named_by_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sheet(tmp_path, [NIGERIA])
    code, _, err = run_cli(capsys, "import", "--format", "stop", str(path), "-o", str(tmp_path / "records"))
    assert code == 0, err
    record = load_record(tmp_path / "records" / "ng-2021-06-05-twitter.yaml")
    assert record.review_status == "draft" and record.evidence == {}
    # the row's links become URL-only sources: nothing stored, so nothing to quote yet
    assert [(s.id, s.url, s.path, s.sha256) for s in record.sources] == [
        ("link-1", "https://example.org/a", None, None),
        ("link-2", "https://example.org/b", None, None),
        ("link-3", "https://example.org/an", None, None),
    ]
    assert record.country == "NG" and record.platforms == ["Twitter"] and record.kind == "service_block"
    assert (record.start_date, record.end_date, record.status) == ("2021-06-05", "2022-01-13", "ended")
    assert record.networks == ["fixed", "mobile"] and record.scope == "national" and record.regions == []
    assert [(a.name, a.type) for a in record.ordered_by] == [
        ("Federal Government of Nigeria", "executive"),
        ("Nigerian Communications Commission", "executive"),
    ]
    assert record.justification == ["national_security"] and record.context == ["other"]
    assert record.acknowledged is True
    assert [o.name for o in record.operators] == ["MTN", "Airtel"]
    assert record.summary == NIGERIA["event"]
    assert record.title == "Twitter blocked in Nigeria"


def test_import_keeps_columns_without_a_field_in_extra_columns(tmp_path: Path) -> None:
    result = import_stop(sheet(tmp_path, [NIGERIA]), tmp_path / "out")
    record = load_record(result.written[0])
    assert record.extra_columns["econ_impact"] == "$1.5bn, estimated"
    assert record.extra_columns["actual_cause_details"] == NIGERIA["actual_cause_details"]
    assert record.extra_columns["info_source"] == "News media article"
    assert "country" not in record.extra_columns and "gov_justification" not in record.extra_columns
    # the links are the record's sources now, and the row itself is kept verbatim
    assert [s.url for s in record.sources] == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/an",
    ]
    [row] = record.imported_rows
    assert (row.sheet, row.row, row.cells["info_source_link"]) == ("stop.csv", 2, NIGERIA["info_source_link"])


def test_import_then_export_gives_back_every_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full_network = dict(
        NIGERIA,
        shutdown_extent="Full network",
        facebook_affected="Yes",
        country="Cote d'Ivoire",
        start_date="2020-10-31",
        end_date="2020-11-01",
        area_name="Abidjan, Bouaké",
    )
    path = sheet(tmp_path, [NIGERIA, full_network])
    import_stop(path, tmp_path / "records")
    out = tmp_path / "again.csv"
    assert run_cli(capsys, "export", str(tmp_path / "records"), "-f", "stop", "-o", str(out))[0] == 0
    rows = {r["country"]: r for r in csv.DictReader(out.open(encoding="utf-8", newline=""))}
    nigeria = rows["Nigeria"]
    assert nigeria["start_date"] == "6/5/2021"  # dates come back in the sheet's own form
    for column, value in NIGERIA.items():
        assert nigeria[column] == value, column
    ivory = rows["Cote d'Ivoire"]  # the sheet's own spelling
    assert ivory["facebook_affected"] == "Yes" and ivory["shutdown_extent"] == "Full network"
    assert ivory["area_name"] == "Abidjan, Bouaké"


def test_import_reports_bad_rows_by_row_number_and_imports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_date = dict(NIGERIA, start_date="31/02/2021")
    bad_country = dict(NIGERIA, country="Narnia")
    bad_value = dict(NIGERIA, gov_justification="Because")
    path = sheet(tmp_path, [NIGERIA, bad_date, bad_country, bad_value])
    code, _, err = run_cli(capsys, "import", str(path), "-o", str(tmp_path / "records"))
    assert code == 0, err  # every row became a record: nothing is lost
    assert f'warning: {path}:row 3: start_date: "31/02/2021" is not a date; expected YYYY-MM-DD' in err
    assert f'warning: {path}:row 4: country: "Narnia" is not a country name' in err
    assert f'warning: {path}:row 5: gov_justification: "Because" is not a STOP value' in err
    assert "National security/ Counter-terrorism" in err
    assert "4 row(s)" in err and "4 imported" in err and "3 draft(s) with problems" in err
    assert sorted(p.name for p in (tmp_path / "records").iterdir()) == [
        "narnia-2021-06-05-twitter.yaml",
        "ng-2021-06-05-twitter-2.yaml",
        "ng-2021-06-05-twitter.yaml",
        "ng-undated-x.yaml",  # no start date: the platform takes its current name
    ]
    # validate lists what each draft could not hold
    code, out, _ = run_cli(capsys, "validate", str(tmp_path / "records"))
    assert out.count("[W224]") == 3 and '"Because" is not a STOP value' in out


def test_import_fails_a_row_only_when_it_cannot_be_written_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "records"
    out.mkdir()
    (out / "ng-2021-06-05-twitter.yaml").write_text("id: [broken\n", encoding="utf-8")
    path = sheet(tmp_path, [NIGERIA])
    code, _, err = run_cli(capsys, "import", str(path), "-o", str(out))
    assert code == 1 and "error: ng-2021-06-05-twitter.yaml exists" not in err
    assert "exists but cannot be read, so the row was not merged into it" in err and "1 failed" in err
    assert (out / "ng-2021-06-05-twitter.yaml").read_text(encoding="utf-8") == "id: [broken\n"
    code, _, err = run_cli(
        capsys, "import", str(sheet(tmp_path, [NIGERIA, dict(NIGERIA, country="Chad")])), "-o", str(out)
    )
    assert code == 3 and "1 imported" in err and "1 failed" in err


def test_import_deduplicates_ids_in_row_order(tmp_path: Path) -> None:
    result = import_stop(sheet(tmp_path, [NIGERIA, NIGERIA, NIGERIA]), tmp_path / "records")
    assert [p.name for p in result.written] == [
        "ng-2021-06-05-twitter.yaml",
        "ng-2021-06-05-twitter-2.yaml",
        "ng-2021-06-05-twitter-3.yaml",
    ]
    assert load_record(result.written[2]).id == "ng-2021-06-05-twitter-3"


def test_import_never_overwrites_an_existing_record_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "records"
    out.mkdir()
    existing = out / "ng-2021-06-05-twitter.yaml"
    existing.write_text("id: ng-2021-06-05-twitter\ntitle: Edited by hand\n", encoding="utf-8")
    path = sheet(tmp_path, [NIGERIA])
    code, _, err = run_cli(capsys, "import", str(path), "-o", str(out))
    assert code == 0
    assert "kept" in err and "--force" in err
    assert "Edited by hand" in existing.read_text(encoding="utf-8")
    code, _, _ = run_cli(capsys, "import", str(path), "-o", str(out), "--force")
    assert code == 0 and load_record(existing).title == "Twitter blocked in Nigeria"


def test_import_reads_month_day_year_and_day_first_dates(tmp_path: Path) -> None:
    row = dict(NIGERIA, start_date="9/10/2021", end_date="")
    us = import_stop(sheet(tmp_path, [row]), tmp_path / "us", month_first=True)
    assert load_record(us.written[0]).start_date == "2021-09-10"
    eu = import_stop(sheet(tmp_path, [row]), tmp_path / "eu", day_first=True)
    assert load_record(eu.written[0]).start_date == "2021-10-09"
    iso = import_stop(sheet(tmp_path, [dict(row, start_date="2021-09")]), tmp_path / "iso")
    assert load_record(iso.written[0]).start_date == "2021-09"
    short = import_stop(sheet(tmp_path, [dict(row, start_date="9/10/21")]), tmp_path / "short", month_first=True)
    assert load_record(short.written[0]).start_date == "2021-09-10"
    # one unambiguous date settles the sheet's order for all its rows
    shown = import_stop(sheet(tmp_path, [row, dict(row, start_date="9/13/2021")]), tmp_path / "shown")
    assert [load_record(p).start_date for p in shown.written] == ["2021-09-10", "2021-09-13"]


def test_import_names_twitter_x_from_its_rename_date(tmp_path: Path) -> None:
    rows = [dict(NIGERIA, start_date="2024-02-17", end_date="", country="Pakistan", shutdown_status="Ongoing")]
    result = import_stop(sheet(tmp_path, rows), tmp_path / "records")
    record = load_record(result.written[0])
    assert record.id == "pk-2024-02-17-x" and record.platforms == ["X"] and record.status == "ongoing"


def test_import_accepts_a_sheet_without_bom_and_with_extra_columns(tmp_path: Path) -> None:
    text = (
        "Start Date,country,shutdown_extent,telegram_affected,other_affected,count_year\n"
        '2022-09-21,Iran (Islamic Republic of),Service-based,Yes,"Signal, Skype",2022\n'
    )
    path = tmp_path / "plain.csv"
    path.write_text(text, encoding="utf-8")
    result = import_stop(path, tmp_path / "records")
    record = load_record(result.written[0])
    assert record.country == "IR" and record.platforms == ["Telegram", "Signal", "Skype"]
    assert record.id == "ir-2022-09-21-telegram-signal-skype"
    # the sheet's own spelling of the country is kept beside the code it was read as
    assert record.extra_columns == {"country": "Iran (Islamic Republic of)", "count_year": "2022"}


def test_import_rejects_a_file_that_is_not_a_stop_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,age\nAda,36\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", str(path), "-o", str(tmp_path / "records"))
    assert code == 1 and "row 1" in err and "not a STOP sheet" in err


def test_import_refuses_a_sheet_in_no_encoding_spreadsheets_write_before_importing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "binary.csv"
    # 0x81 is undefined in Windows-1252 and invalid in UTF-8
    path.write_bytes(b"start_date,country\n2021-06-05,Nigeria\n2020-10-31,C\x81te\n")
    code, _, err = run_cli(capsys, "import", str(path), "-o", str(tmp_path / "records"))
    assert code == 1 and "neither UTF-8 nor Windows-1252" in err and "line 3" in err and "CSV UTF-8" in err
    assert not (tmp_path / "records").exists()


def test_import_reports_an_end_date_before_the_start(tmp_path: Path) -> None:
    result = import_stop(
        sheet(tmp_path, [dict(NIGERIA, start_date="2021-06-05", end_date="2021-05-06")]), tmp_path / "r"
    )
    record = load_record(result.written[0])  # STOP's own mistake is kept, not dropped
    assert (record.start_date, record.end_date) == ("2021-06-05", "2021-05-06")
    from shutdown_records.validate import validate_paths

    problems = validate_paths([tmp_path / "r"]).problems
    assert [(p.code, p.message) for p in problems if p.code == "E202"] == [
        ("E202", "end_date 2021-05-06 is before start_date 2021-06-05")
    ]


def test_import_reads_nationwide_with_named_regions_as_national(tmp_path: Path) -> None:
    result = import_stop(sheet(tmp_path, [dict(NIGERIA, area_name="Nationwide, Lagos")]), tmp_path / "r")
    record = load_record(result.written[0])
    assert record.scope == "national" and record.regions == ["Lagos"]


def test_import_reads_a_semicolon_separated_sheet_as_excel_saves_it_in_many_locales(tmp_path: Path) -> None:
    path = tmp_path / "excel-fr.csv"
    path.write_bytes(
        "\ufeffstart_date;country;shutdown_extent;twitter_affected;event\r\n"
        '2021-06-05;Nigeria;Service-based;Yes;"Blocked; then restored, later"\r\n'.encode("utf-8")
    )
    record = load_record(import_stop(path, tmp_path / "records").written[0])
    assert record.id == "ng-2021-06-05-twitter" and record.summary == "Blocked; then restored, later"
