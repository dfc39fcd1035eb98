"""OONI findings pass OONI's own request model (mirrored in tests/ooni_model.py, read from
ooni/backend's oonifindings routers/v1.py) for every record: month precision, STOP's own
end-before-start mistakes, URL-only sources as links, messaging apps as theme `im`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ooni_model import OONIFindingCreateUpdate, ooni_problem, rejected_findings

from conftest import REPO_ROOT
from shutdown_records.cli import main
from shutdown_records.export.ooni import finding
from shutdown_records.importer import import_stop
from shutdown_records.records import load_record

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "records"
SHEETS = REPO_ROOT / "tests" / "fixtures" / "stop"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def pk_record():
    return load_record(FIXTURES / "pk-2024-x.yaml")


def test_the_mirror_refuses_what_ooni_refuses() -> None:
    good = finding(pk_record())
    assert ooni_problem(good) is None
    assert (
        ooni_problem(dict(good, end_time="2024-02-01T00:00:00.000000Z"))
        == "end_time: Value error, invalid start and end time"
    )
    assert ooni_problem(dict(good, start_time=None)).startswith("start_time:")
    assert ooni_problem(dict(good, title="")) == "title: Value error, field cannot be empty"
    assert ooni_problem(dict(good, unknown_key=1)).startswith("unknown_key:")


def test_every_fixture_record_and_imported_sheet_gives_a_finding_ooni_accepts(tmp_path: Path) -> None:
    records = [load_record(p) for p in sorted(FIXTURES.glob("*.yaml"))]
    for sheet in sorted(SHEETS.glob("*.csv")):
        result = import_stop(sheet, tmp_path / sheet.stem, day_first="day-first" in sheet.name)
        records += [load_record(p) for p in result.written]
    assert len(records) > 10
    assert rejected_findings(records) == []


def test_month_precision_end_in_the_start_month_is_not_before_the_start() -> None:
    record = pk_record().model_copy(update={"start_date": "2024-03-15", "end_date": "2024-03"})
    item = finding(record)
    assert (item["start_time"], item["end_time"]) == ("2024-03-15T00:00:00.000000Z", "2024-03-31T00:00:00.000000Z")
    assert ooni_problem(item) is None
    leap = finding(record.model_copy(update={"start_date": "2024-02", "end_date": "2024-02"}))
    assert (leap["start_time"], leap["end_time"]) == ("2024-02-01T00:00:00.000000Z", "2024-02-29T00:00:00.000000Z")


def test_an_end_before_the_start_is_left_out_and_said(tmp_path: Path) -> None:
    record = pk_record().model_copy(update={"start_date": "2021-06-05", "end_date": "2021-05-31"})
    item = finding(record)
    assert item["end_time"] is None and ooni_problem(item) is None
    assert "- **Note:** the end date 2021-05-31 is before the start date; end_time is left empty" in item["text"]


def test_email_address_option_and_a_record_without_start_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    for path in FIXTURES.glob("*.yaml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "sources").mkdir()
    undated = pk_record().model_copy(
        update={"id": "pk-undated-x", "start_date": None, "end_date": None, "status": "unknown"}
    )
    from shutdown_records.yamlio import dump_yaml

    (folder / "pk-undated-x.yaml").write_text(
        dump_yaml(undated.model_dump(mode="json", exclude_none=True)), encoding="utf-8"
    )
    code, out, err = run_cli(capsys, "export", str(folder), "-f", "ooni", "--email-address", "editor@example.org")
    assert code == 3
    assert "pk-undated-x: no start_date, and an OONI finding needs start_time; add the start date" in err
    assert "exported 3 record(s)" in err
    findings = json.loads(out)
    assert {f["email_address"] for f in findings} == {"editor@example.org"}
    assert all(OONIFindingCreateUpdate.model_validate(f) for f in findings)
    code, _, err = run_cli(capsys, "export", str(FIXTURES), "-f", "stop", "--email-address", "x@example.org")
    assert code == 2 and "apply to --format ooni only" in err


def test_messaging_apps_get_theme_im_and_links_come_from_the_sources(tmp_path: Path) -> None:
    result = import_stop(SHEETS / "german-excel.csv", tmp_path / "r")
    record = next(load_record(p) for p in result.written if "hollenau" in p.name)
    item = finding(record)
    assert item["themes"] == ["social_media", "im"]  # Facebook; WhatsApp and Signal
    assert item["links"] == ["https://example.org/de/hollenau", "https://example.org/de/weissbach"]
    assert (
        "## Sources" in item["text"]
        and "[https://example.org/de/hollenau](https://example.org/de/hollenau)" in item["text"]
    )
