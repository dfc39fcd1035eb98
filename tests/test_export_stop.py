"""`export --format stop`: Access Now STOP's columns, in order, with STOP's exact value strings."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.cli import main
from shutdown_records.export.stop import stop_row
from shutdown_records.importer import row_to_incident
from shutdown_records.model import Incident
from shutdown_records.records import load_record

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "records"

# The 2020-2022 sheets: the codebook's 44 columns, then `region`.
STOP_COLUMNS = [
    "start_date",
    "end_date",
    "duration",
    "shutdown_status",
    "country",
    "geo_scope",
    "area_name",
    "shutdown_type",
    "shutdown_extent",
    "affected_network",
    "facebook_affected",
    "twitter_affected",
    "whatsapp_affected",
    "instagram_affected",
    "telegram_affected",
    "sms_affected",
    "phonecall_affected",
    "other_affected",
    "ordered_by",
    "decision_maker",
    "gov_justification",
    "gov_just_details",
    "actual_cause",
    "actual_cause_details",
    "gov_ack",
    "gov_ack_source",
    "gov_ack_quote",
    "legal_just",
    "legal_method",
    "telcos_involved",
    "telco_ack",
    "telco_ack_source",
    "telco_ack_quote",
    "election",
    "violence",
    "hr_abuse_reported",
    "users_notified",
    "users_targeted",
    "users_target_detail",
    "econ_impact",
    "info_source",
    "info_source_link",
    "event",
    "an_link",
    "region",
]

# Fields a STOP row carries back exactly; title, summary, sources and evidence it cannot.
ROUND_TRIP_FIELDS = (
    "country",
    "platforms",
    "kind",
    "networks",
    "scope",
    "regions",
    "start_date",
    "end_date",
    "status",
    "acknowledged",
    "legal_basis",
    "operators",
)
# Fields STOP holds in a coarser vocabulary: they come back as what their STOP string means.
COARSE_FIELDS = {"justification": "gov_justification", "context": "actual_cause"}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def stop_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_stop_export_writes_the_45_columns_in_stop_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(FIXTURES), "--format", "stop")
    header, rows = stop_rows(out)
    assert code == 0
    assert header == STOP_COLUMNS and len(header) == 45
    assert out.splitlines()[0] == ",".join(STOP_COLUMNS)
    assert len(rows) == 3


def test_stop_export_uses_stop_exact_strings() -> None:
    row = stop_row(load_record(FIXTURES / "pk-2024-x.yaml"))
    assert row["shutdown_status"] == "Ended"
    assert row["country"] == "Pakistan"
    assert row["shutdown_type"] == "Shutdown"
    assert row["shutdown_extent"] == "Service-based"
    assert row["affected_network"] == "Broadband, Mobile"
    assert row["geo_scope"] == "It affected locations in more than one state, province, or region"
    assert row["area_name"] == "Nationwide"
    assert row["twitter_affected"] == "Yes"
    assert row["facebook_affected"] == row["whatsapp_affected"] == "No"
    assert row["ordered_by"] == "Executive government"
    assert row["decision_maker"] == "Ministry of Interior; Pakistan Telecommunication Authority"
    assert row["gov_justification"] == (
        "National security/ Counter-terrorism, Public safety/ Quell unrest/ Restore public order"
    )
    assert row["actual_cause"] == "Elections, Protests"
    assert row["election"] == "Yes"
    assert row["gov_ack"] == "Yes"
    assert row["gov_ack_source"] == "https://example.org/pk/x-blocked"
    assert row["gov_ack_quote"] == "The ministry told the court it had ordered the block"
    assert row["legal_just"] == "Yes"
    assert row["legal_method"] == "Prevention of Electronic Crimes Act (section 37)"
    assert row["telcos_involved"] == "Jazz (AS45669)"
    assert row["duration"] == "82"
    assert row["info_source_link"] == "https://example.org/pk/x-blocked"


def test_stop_export_throttle_of_a_platform_is_service_based_throttle() -> None:
    row = stop_row(load_record(FIXTURES / "ru-2021-twitter.yaml"))
    assert (row["shutdown_type"], row["shutdown_extent"]) == ("Throttle", "Service-based")
    assert row["country"] == "Russia"
    assert row["start_date"] == "2021-03" and row["duration"] == ""
    assert row["gov_justification"] == "Illegal content"
    assert row["shutdown_status"] == "Unknown" and row["actual_cause"] == "Unknown"


def test_stop_export_fills_missing_columns_from_extra_columns_else_empty() -> None:
    row = stop_row(load_record(FIXTURES / "ci-2020-shutdown.yaml"))
    assert row["country"] == "Côte d'Ivoire"
    assert row["geo_scope"] == "It affected more than one city in the same state, province, or region"
    assert row["area_name"] == "Bouaké, Daoukro"
    assert (row["shutdown_type"], row["shutdown_extent"]) == ("Shutdown", "Full network")
    assert row["an_link"] == "https://example.org/keepiton/ci" and row["region"] == "Africa"
    assert row["econ_impact"] == 'unknown, "not measured"'
    assert row["telco_ack"] == row["users_notified"] == row["gov_ack"] == ""
    assert row["ordered_by"] == "Unknown" and row["facebook_affected"] == "Unknown"


def test_stop_export_record_value_wins_over_a_stale_extra_column() -> None:
    record = load_record(FIXTURES / "pk-2024-x.yaml").model_copy(
        update={"extra_columns": {"country": "Pakistan (old)"}}
    )
    assert stop_row(record)["country"] == "Pakistan"


def _assert_round_trip(original: Incident, back: Incident) -> None:
    for field in ROUND_TRIP_FIELDS:
        assert _comparable(back, field) == _comparable(original, field), field
    for field, column in COARSE_FIELDS.items():
        assert stop_row(back)[column] == stop_row(original)[column], field
    assert [a.name for a in back.ordered_by] == [a.name for a in original.ordered_by]
    assert [a.type for a in back.ordered_by[:1]] == [a.type for a in original.ordered_by[:1]]


def _round_trip(record: Incident) -> Incident:
    return row_to_incident(stop_row(record), "test.csv:row 2")


def _comparable(record: Incident, field: str) -> object:
    value = getattr(record, field)
    if field in ("networks", "platforms", "regions", "justification", "context"):
        return sorted(value)
    if field in ("legal_basis", "operators"):
        return [item.model_dump() for item in value]
    return value


@pytest.mark.parametrize("name", ["pk-2024-x.yaml", "ru-2021-twitter.yaml", "ci-2020-shutdown.yaml"])
def test_record_to_stop_to_record_keeps_every_field_stop_has(name: str) -> None:
    original = load_record(FIXTURES / name)
    back = _round_trip(original)
    _assert_round_trip(original, back)
    assert back.justification == original.justification and back.context == original.context
    # an imported id is country-start-what[-place], unique per incident (issue 8), not the record's own
    assert back.id.startswith(f"{original.country.lower()}-{original.start_date}-")
    assert back.summary == (original.summary or original.title)
    links = {"info_source_link", "an_link"}  # issue 8: a row's links become the record's sources
    kept = {k: v for k, v in original.extra_columns.items() if k not in links}
    assert {k: v for k, v in back.extra_columns.items() if k in original.extra_columns} == kept
    for column in links & set(original.extra_columns):
        assert original.extra_columns[column] in [s.url for s in back.sources]


def test_round_trip_of_the_lead_record_pk_2024_x() -> None:
    path = REPO_ROOT / "records" / "pk-2024-x.yaml"
    if not path.is_file():
        pytest.skip("records/pk-2024-x.yaml is not written yet (the lead's record)")
    original = load_record(path)
    _assert_round_trip(original, _round_trip(original))


def test_round_trip_coarsens_only_the_values_stop_cannot_tell_apart() -> None:
    original = load_record(FIXTURES / "pk-2024-x.yaml").model_copy(
        update={"justification": ["hate_speech", "non_compliance"], "context": ["coup", "exams"]}
    )
    back = _round_trip(original)
    assert back.justification == ["misinformation", "other"]
    assert back.context == ["unrest", "exams"]


def test_stop_export_sheet_round_trip_gives_the_same_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first.csv"
    assert run_cli(capsys, "export", str(FIXTURES), "-f", "stop", "-o", str(first))[0] == 0
    assert run_cli(capsys, "import", "--format", "stop", str(first), "-o", str(tmp_path / "records"))[0] == 0
    second = tmp_path / "second.csv"
    assert run_cli(capsys, "export", str(tmp_path / "records"), "-f", "stop", "-o", str(second))[0] == 0
    assert second.read_bytes() == first.read_bytes()


def test_stop_mapping_names_a_stop_string_for_every_record_value() -> None:
    from shutdown_records.export.vocab import from_stop, stop_key, stop_mapping
    from shutdown_records.model import AuthorityType, Context, Justification, Kind, Network, Scope, Status

    mapping = stop_mapping()
    for table, enum in (
        ("gov_justification", Justification),
        ("actual_cause", Context),
        ("ordered_by", AuthorityType),
        ("kind", Kind),
        ("networks", Network),
        ("geo_scope", Scope),
        ("status", Status),
    ):
        to_stop = mapping[table]["to_stop"]
        assert set(to_stop) == {e.value for e in enum}, table
        if table in ("kind", "geo_scope"):
            continue
        back = from_stop(table)
        for value in to_stop.values():  # every STOP string we write is read back
            if stop_key(value) != "unknown" or table in ("status", "ordered_by"):
                assert stop_key(value) in back, (table, value)
