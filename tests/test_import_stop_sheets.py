"""Sheets as people save them (issue 8): German Excel, datetimes, day-first dates, cp1252,
UTF-16; the same incident in two yearly sheets; a row a person edited after import.

The sheets in tests/fixtures/stop/ are invented rows (made-up places and events).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.cli import main
from shutdown_records.importer import import_stop
from shutdown_records.records import load_record
from shutdown_records.yamlio import dump_yaml

SHEETS = REPO_ROOT / "tests" / "fixtures" / "stop"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def records(folder: Path) -> dict[str, object]:
    return {p.stem: load_record(p) for p in sorted(folder.glob("*.yaml"))}


def export_like(capsys: pytest.CaptureFixture[str], folder: Path, sheet: Path, out: Path) -> list[dict[str, str]]:
    code, _, err = run_cli(capsys, "export", str(folder), "-f", "stop", "--like", str(sheet), "-o", str(out))
    assert code == 0, err
    return list(csv.DictReader(out.open(encoding="utf-8", newline="")))


def sheet_rows(sheet: Path, encoding: str, delimiter: str) -> list[dict[str, str]]:
    text = sheet.read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_german_excel_semicolons_dotted_dates_and_cp1252(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = SHEETS / "german-excel.csv"
    code, _, err = run_cli(capsys, "import", "--format", "stop", str(sheet), "-o", str(tmp_path / "r"))
    assert code == 0, err
    assert (
        "2 row(s) (2020-2022 layout, cp1252, semicolon-separated): 2 imported, 0 merged into existing records, "
        "0 already imported, 0 kept (existing record not from an import), 0 failed"
    ) in err
    by_id = records(tmp_path / "r")
    gruenwald = by_id["at-2021-03-14-shutdown-grunwald-sud"]
    assert (gruenwald.start_date, gruenwald.end_date, gruenwald.status) == ("2021-03-14", "2021-03-16", "ended")
    assert gruenwald.regions == ["Grünwald-Süd"] and gruenwald.summary.endswith("„Demonstration“ erwartet")
    assert gruenwald.legal_basis == []  # legal_method "No" is no law
    # "Shutdown, Throttle" under "Full network, Service-based": platforms named under any extent
    hollenau = by_id["at-2021-04-02-facebook-whatsapp-signal-hollenau"]
    assert hollenau.kind == "full_network" and hollenau.platforms == ["Facebook", "WhatsApp", "Signal"]
    assert hollenau.kinds == ["full_network", "service_block", "throttling"]  # kinds combined
    assert gruenwald.kinds == []  # one kind
    assert [s.url for s in hollenau.sources] == ["https://example.org/de/hollenau", "https://example.org/de/weissbach"]
    back = export_like(capsys, tmp_path / "r", sheet, tmp_path / "back.csv")
    assert sorted(map(sorted, (r.items() for r in back))) == sorted(
        map(sorted, (r.items() for r in sheet_rows(sheet, "cp1252", ";")))
    )


def test_datetime_cells_as_spreadsheets_write_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = SHEETS / "datetimes.csv"
    code, _, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "r"))
    assert code == 0, err
    assert "2 imported" in err and "utf-8-sig" in err
    assert "warning: " in err and 'row 3: geo_scope: "Not sure" says the area is not known; scope is left empty' in err
    by_id = records(tmp_path / "r")
    tovia = by_id["ke-2020-11-04-shutdown-lake-tovia"]
    assert (tovia.start_date, tovia.end_date, tovia.context) == ("2020-11-04", "2020-11-07", ["elections"])
    throttle = by_id["ke-2020-12-01-twitter"]
    assert throttle.kind == "throttling" and throttle.scope is None and throttle.summary is None
    back = {r["start_date"]: r for r in export_like(capsys, tmp_path / "r", sheet, tmp_path / "b.csv")}
    assert back["2020-11-04 00:00:00"]["end_date"] == "2020-11-07 00:00:00"  # the sheet's own form
    assert back["2020-12-01 00:00:00"]["event"] == "" and back["2020-12-01 00:00:00"]["geo_scope"] == "Not sure"


def test_day_first_dates_without_a_flag_are_an_error_not_a_silent_swap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = SHEETS / "day-first-ambiguous.csv"
    code, _, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "r"))
    assert code == 1
    assert err.strip() == (
        f'error: {sheet}: ambiguous day/month order: no slash date has a day above 12, so row 2 start_date "3/4/2021" '
        "could be 3/4 (day/month) or 4/3; run again with --day-first (D/M/YYYY) or --month-first (M/D/YYYY)"
    )
    assert not (tmp_path / "r").exists()  # nothing imported
    code, _, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "r"), "--day-first")
    assert code == 0 and "slash dates day-first" in err
    assert [(r.start_date, r.end_date) for r in records(tmp_path / "r").values()] == [
        ("2021-04-03", "2021-04-05"),
        ("2021-06-07", "2021-06-08"),
    ]
    code, _, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "x"), "--day-first", "--month-first")
    assert code == 2 and "exclude each other" in err


def test_a_sheet_with_both_orders_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "mixed.csv"
    sheet.write_text("start_date,country\n13/1/2021,Ghana\n1/13/2021,Ghana\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "r"))
    assert code == 1
    assert (
        'slash dates in both orders: row 2 start_date "13/1/2021" is day first, row 3 start_date "1/13/2021" '
        "is month first"
    ) in err


def test_one_unambiguous_date_settles_a_day_first_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "eu.csv"
    sheet.write_text("start_date,end_date,country\n3/4/2021,25/4/2021,Ghana\n", encoding="utf-8")
    result = import_stop(sheet, tmp_path / "r")
    assert result.date_order == "day-first"
    assert (load_record(result.written[0]).start_date, load_record(result.written[0]).end_date) == (
        "2021-04-03",
        "2021-04-25",
    )


def test_excel_cp1252_csv_is_read_not_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = SHEETS / "excel-cp1252.csv"
    code, _, err = run_cli(capsys, "import", str(sheet), "-o", str(tmp_path / "r"))
    assert code == 0 and "cp1252, comma-separated" in err
    [record] = records(tmp_path / "r").values()
    assert record.country == "CI" and record.regions == ["Bouaflé-Nord"]
    assert record.summary == "Coupure à Bouaflé-Nord – deux jours"
    assert record.imported_rows[0].cells["gov_ack_quote"] == "“Nous avons coupé l’accès”, a déclaré le préfet"
    [back] = export_like(capsys, tmp_path / "r", sheet, tmp_path / "b.csv")
    assert back == sheet_rows(sheet, "cp1252", ",")[0]


def test_utf16_tab_separated_unicode_text(tmp_path: Path) -> None:
    sheet = tmp_path / "unicode.txt"
    sheet.write_bytes("start_date\tcountry\tarea_name\n2021-05-02\tTürkiye\tŞırnak\n".encode("utf-16"))
    result = import_stop(sheet, tmp_path / "r")
    assert (result.encoding, result.delimiter) == ("utf-16", "\t")
    record = load_record(result.written[0])
    assert record.country == "TR" and record.regions == ["Şırnak"]


def test_same_incident_in_two_yearly_sheets_merges_and_ids_never_collide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r"
    code, _, err = run_cli(capsys, "import", str(SHEETS / "yearly-2022.csv"), "-o", str(out))
    assert code == 0 and "2 imported" in err
    code, _, err = run_cli(capsys, "import", str(SHEETS / "yearly-2021.csv"), "-o", str(out))
    assert code == 0
    assert "3 row(s)" in err and "2 imported, 1 merged into existing records" in err and "0 failed" in err
    by_id = records(out)
    assert sorted(by_id) == [
        "in-2021-01-01-shutdown-tirupal",
        "in-2021-02-01-shutdown-varunpur",
        "in-2021-12-31-shutdown-kelagam",
        "in-2022-04-02-shutdown-kelagam",
    ]
    varunpur = by_id["in-2021-02-01-shutdown-varunpur"]
    assert [(r.sheet, r.row) for r in varunpur.imported_rows] == [("yearly-2021.csv", 2), ("yearly-2022.csv", 2)]
    # the ended row's facts win whatever the order of import; both rows' links are kept
    assert (varunpur.status, varunpur.end_date) == ("ended", "2022-03-15")
    assert [s.url for s in varunpur.sources] == [
        "https://example.org/in/varunpur-2021",
        "https://example.org/in/varunpur-2022",
    ]
    # importing again changes nothing; the same rows get the same ids
    code, _, err = run_cli(capsys, "import", str(SHEETS / "yearly-2021.csv"), "-o", str(out))
    assert code == 0 and "0 imported, 0 merged into existing records, 3 already imported" in err
    # each sheet comes back whole from the merged folder
    for name in ("yearly-2021.csv", "yearly-2022.csv"):
        back = export_like(capsys, out, SHEETS / name, tmp_path / f"back-{name}")
        mine = [r for r in back if r["start_date"]]
        original = sheet_rows(SHEETS / name, "utf-8", ",")
        for row in original:
            assert row in mine, (name, row["area_name"])


def test_a_field_a_person_changed_goes_back_as_the_record_says_in_the_sheets_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = SHEETS / "yearly-2022.csv"
    import_stop(sheet, tmp_path / "r")
    path = tmp_path / "r" / "in-2022-04-02-shutdown-kelagam.yaml"
    record = load_record(path)
    edited = record.model_copy(update={"end_date": "2022-04-05", "country": "PK"}).model_dump(mode="json")
    path.write_text(dump_yaml({k: v for k, v in edited.items() if v not in (None, [], {})}), encoding="utf-8")
    back = {r["area_name"]: r for r in export_like(capsys, tmp_path / "r", sheet, tmp_path / "b.csv")}
    kelagam = back["Kelagam"]
    assert kelagam["end_date"] == "4/5/2022" and kelagam["country"] == "Pakistan"  # M/D/YYYY as the sheet
    assert kelagam["start_date"] == "4/2/2022" and kelagam["event"] == "Kelagam cut again"  # untouched cells
    assert kelagam["duration"] == "4"  # the dates changed, so the duration is the record's
    assert back["Varunpur"] == sheet_rows(sheet, "utf-8", ",")[0]


@pytest.mark.parametrize(
    ("cell", "order", "iso"),
    [
        ("2021-06-05", None, "2021-06-05"),
        ("2021/06/05", None, "2021-06-05"),
        ("2021-06", None, "2021-06"),
        ("2020-11-04 00:00:00", None, "2020-11-04"),
        ("2020-11-04T00:00:00Z", None, "2020-11-04"),
        ("04.11.2020", None, "2020-11-04"),
        ("4 Nov 2020", None, "2020-11-04"),
        ("Nov 4, 2020", None, "2020-11-04"),
        ("11/4/2020", "month-first", "2020-11-04"),
        ("4/11/2020", "day-first", "2020-11-04"),
        ("9/21/22", "month-first", "2022-09-21"),
    ],
)
def test_date_forms(cell: str, order: str | None, iso: str) -> None:
    from shutdown_records.importer.dates import parse_date

    assert parse_date(cell, order) == iso


def test_a_merge_keeps_what_a_person_changed(tmp_path: Path) -> None:
    out = tmp_path / "r"
    import_stop(SHEETS / "yearly-2022.csv", out)
    path = out / "in-2021-02-01-shutdown-varunpur.yaml"
    record = load_record(path)
    edited = record.model_copy(update={"title": "Varunpur, 13 months offline", "regions": ["Varunpur district"]})
    path.write_text(
        dump_yaml({k: v for k, v in edited.model_dump(mode="json").items() if v not in (None, [], {})}),
        encoding="utf-8",
    )
    result = import_stop(SHEETS / "yearly-2021.csv", out)
    assert result.merged == [path]
    merged = load_record(path)
    assert merged.title == "Varunpur, 13 months offline" and merged.regions == ["Varunpur district"]
    assert [(r.sheet, r.row) for r in merged.imported_rows] == [("yearly-2021.csv", 2), ("yearly-2022.csv", 2)]
    assert "https://example.org/in/varunpur-2021" in [s.url for s in merged.sources]


def test_rows_of_an_older_layout_export_in_the_2020_2022_vocabulary_without_like(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "stop-2019-like.csv"
    sheet.write_text(
        "ID,start_date,end_date ,country ,geo_scope,area_name ,shutdown_type_new,full or service-based,"
        "Facebook_affected,event \n7,3/28/2019,4/2/2019,Chad,Level 3,National ,Shutdown,Service-based,"
        "TRUE,Social media cut\n",
        encoding="utf-8",
    )
    result = import_stop(sheet, tmp_path / "r")
    assert result.layout == "2019"
    record = load_record(result.written[0])
    assert (record.kind, record.platforms, record.scope) == ("service_block", ["Facebook"], "national")
    code, out, _ = run_cli(capsys, "export", str(tmp_path / "r"), "-f", "stop")
    [row] = list(csv.DictReader(io.StringIO(out, newline="")))
    assert (row["geo_scope"], row["area_name"], row["facebook_affected"]) == (
        "It affected locations in more than one state, province, or region",
        "Nationwide",
        "Yes",
    )
    assert row["start_date"] == "2019-03-28" and row["event"] == "Social media cut"
    [back] = export_like(capsys, tmp_path / "r", sheet, tmp_path / "b.csv")
    assert back["geo_scope"] == "Level 3" and back["Facebook_affected"] == "TRUE" and back["end_date "] == "4/2/2019"


def test_force_rebuilds_the_fields_but_keeps_the_rows_of_other_sheets(tmp_path: Path) -> None:
    out = tmp_path / "r"
    import_stop(SHEETS / "yearly-2022.csv", out)
    import_stop(SHEETS / "yearly-2021.csv", out)
    result = import_stop(SHEETS / "yearly-2021.csv", out, force=True)
    path = out / "in-2021-02-01-shutdown-varunpur.yaml"
    assert path in result.written
    assert [(r.sheet, r.row) for r in load_record(path).imported_rows] == [
        ("yearly-2021.csv", 2),
        ("yearly-2022.csv", 2),
    ]


def test_an_imported_row_naming_an_unknown_layout_is_read_with_the_2020_2022_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import_stop(SHEETS / "yearly-2022.csv", tmp_path / "r")
    path = tmp_path / "r" / "in-2022-04-02-shutdown-kelagam.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("layout: 2020-2022", "layout: '../../etc'"), encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "export", str(tmp_path / "r"), "-f", "stop")
    assert code == 0, err
    assert "Kelagam cut again" in out


def test_the_html_report_shows_a_url_only_source_as_a_link_without_stored_text(tmp_path: Path) -> None:
    from shutdown_records.report import write_site

    import_stop(SHEETS / "excel-cp1252.csv", tmp_path / "r")
    write_site([tmp_path / "r"], tmp_path / "site")
    [page] = (tmp_path / "site" / "records").glob("ci-2022-01-20-*.html")
    html = page.read_text(encoding="utf-8")
    assert "https://example.org/ci/bouafle" in html and "none (a link only: no stored text)" in html


def test_a_typo_in_the_other_order_is_a_row_problem_not_a_refused_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "typo.csv"
    sheet.write_text(
        "start_date,country,area_name\n1/13/2021,Ghana,Apam\n2/14/2021,Ghana,Bawku\n"
        "3/4/2021,Ghana,Cape Lasu\n15/3/2021,Ghana,Dome\n",
        encoding="utf-8",
    )
    result = import_stop(sheet, tmp_path / "r")
    assert result.date_order == "month-first" and result.rows == 4 and len(result.written) == 4
    assert [str(p).split(": ", 1)[1] for p in result.problems] == [
        'start_date: "15/3/2021" is not a date; expected YYYY-MM-DD (or M/D/YYYY) (record gh-undated-incident-dome.yaml)'
    ]
    assert sorted(load_record(p).start_date or "" for p in result.written) == [
        "",
        "2021-01-13",
        "2021-02-14",
        "2021-03-04",
    ]


def test_combined_kinds_are_written_combined_when_the_record_speaks(tmp_path: Path) -> None:
    from shutdown_records.export.ooni import finding
    from shutdown_records.export.stop import stop_row

    sheet = tmp_path / "kinds.csv"
    sheet.write_text(
        'start_date,country,shutdown_type,shutdown_extent\n2022-05-01,Ghana,"Shutdown, Throttle",Full network\n',
        encoding="utf-8",
    )
    record = load_record(import_stop(sheet, tmp_path / "r").written[0])
    assert (record.kind, record.kinds) == ("full_network", ["full_network", "throttling"])
    plain = record.model_copy(update={"imported_rows": []})  # as a record not from a sheet
    row = stop_row(plain)
    assert (row["shutdown_type"], row["shutdown_extent"]) == ("Shutdown, Throttle", "Full network")
    item = finding(record)
    assert item["tags"][:2] == ["kind:full_network", "kind:throttling"] and "ndt" in item["test_names"]


def test_importing_an_edited_sheet_again_updates_its_row_and_never_duplicates_it(tmp_path: Path) -> None:
    original = (SHEETS / "yearly-2022.csv").read_text(encoding="utf-8")
    sheet = tmp_path / "yearly-2022.csv"
    sheet.write_text(original, encoding="utf-8")
    import_stop(sheet, tmp_path / "r")
    lines = original.splitlines(keepends=True)
    sheet.write_text(
        lines[0] + lines[2] + lines[1].replace("after 13 months", "after thirteen months"), encoding="utf-8"
    )
    result = import_stop(sheet, tmp_path / "r")
    assert (len(result.merged), len(result.unchanged)) == (2, 0)  # both rows moved, one edited
    varunpur = load_record(tmp_path / "r" / "in-2021-02-01-shutdown-varunpur.yaml")
    assert [(r.sheet, r.row) for r in varunpur.imported_rows] == [("yearly-2022.csv", 3)]
    assert varunpur.summary == "Mobile internet restored in Varunpur after thirteen months"


def test_words_in_date_and_free_text_cells(tmp_path: Path) -> None:
    sheet = tmp_path / "words.csv"
    sheet.write_text(
        "start_date,end_date,country,shutdown_extent,other_affected,legal_method\n"
        '2019-05-02,Ongoing,Ghana,Service-based,"Signal, possibly",None\n'
        "2019-05-03,Unkown,Ghana,Service-based,YouTube; VPN services,https://example.org/order.pdf\n"
        '2019-05-04,,Ghana,Service-based,"Zoom and Microsoft Teams",Section 5 (rule 2); N/A\n',
        encoding="utf-8",
    )
    result = import_stop(sheet, tmp_path / "r")
    assert result.problems == []
    got = [load_record(p) for p in result.written]
    assert [(r.end_date, r.status) for r in got] == [(None, "ongoing"), (None, "unknown"), (None, "unknown")]
    assert [r.platforms for r in got] == [["Signal"], ["YouTube", "VPN services"], ["Zoom", "Microsoft Teams"]]
    assert [[(x.instrument, x.provision) for x in r.legal_basis] for r in got] == [[], [], [("Section 5", "rule 2")]]


def test_a_row_that_cannot_be_written_fails_with_why_and_the_others_are_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    out = tmp_path / "r"
    (out / "in-2022-04-02-shutdown-kelagam.yaml").mkdir(parents=True)  # a folder where the file would go
    code, _, err = run_cli(capsys, "import", str(SHEETS / "yearly-2022.csv"), "-o", str(out))
    assert code == 3
    assert (
        "row 3: " in err and "in-2022-04-02-shutdown-kelagam.yaml" in err and "1 imported" in err and "1 failed" in err
    )
    assert os.path.isdir(out / "in-2022-04-02-shutdown-kelagam.yaml")


def test_blank_rows_are_counted_in_the_summary(tmp_path: Path) -> None:
    sheet = tmp_path / "blank.csv"
    sheet.write_text("start_date,country\n2021-05-02,Ghana\n,\n\n2021-05-03,Ghana\n", encoding="utf-8")
    result = import_stop(sheet, tmp_path / "r")
    assert (result.rows, len(result.written), result.blank) == (2, 2, 2)
    assert result.summary(sheet).endswith("; 2 blank row(s) without any cell skipped")
