"""`export --format ooni`: OONI findings in the shape OONI's findings API takes."""

from __future__ import annotations

import json

import pytest

from conftest import REPO_ROOT
from shutdown_records.cli import main
from shutdown_records.export.ooni import finding, ooni_time
from shutdown_records.records import load_record

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "records"
OONI_KEYS = {
    "id",
    "slug",
    "title",
    "short_description",
    "text",
    "start_time",
    "end_time",
    "reported_by",
    "event_type",
    "published",
    "CCs",
    "ASNs",
    "domains",
    "themes",
    "tags",
    "links",
    "test_names",
    "email_address",
}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def test_ooni_export_is_a_json_array_of_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(FIXTURES), "--format", "ooni")
    assert code == 0
    findings = json.loads(out)
    assert [f["id"] for f in findings] == ["ci-2020-shutdown", "pk-2024-x", "ru-2021-twitter"]
    assert all(set(f) == OONI_KEYS for f in findings)
    assert all(f["event_type"] == "incident" and f["published"] is False for f in findings)


def test_ooni_export_jsonl_writes_one_finding_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(FIXTURES), "-f", "ooni", "--jsonl", "--reported-by", "Team")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert all(json.loads(line)["reported_by"] == "Team" for line in lines)


def test_ooni_export_of_no_records_is_an_empty_array(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "export", str(tmp_path), "-f", "ooni")
    assert code == 0 and json.loads(out) == []


def test_ooni_finding_fields_come_from_the_record() -> None:
    item = finding(load_record(FIXTURES / "pk-2024-x.yaml"))
    assert item["CCs"] == ["PK"]
    assert item["ASNs"] == [45669]
    assert item["domains"][:2] == ["x.com", "twitter.com"]
    assert item["start_time"] == "2024-02-17T00:00:00.000000Z"
    assert item["end_time"] == "2024-05-08T00:00:00.000000Z"
    assert item["links"] == ["https://example.org/pk/x-blocked", "https://netblocks.org/reports/example-pk-x"]
    assert "kind:service_block" in item["tags"] and "justification:national_security" in item["tags"]
    assert item["themes"] == ["social_media"]
    assert item["test_names"] == ["web_connectivity"]
    assert item["short_description"].startswith("X was blocked nationwide")


def test_ooni_finding_text_is_markdown_with_facts_and_sources() -> None:
    text = finding(load_record(FIXTURES / "pk-2024-x.yaml"))["text"]
    assert "- **Ordered by:** Ministry of Interior (executive)" in text
    assert "- **Dates:** 2024-02-17 to 2024-05-08" in text
    assert "## Sources" in text
    assert "1. [X blocked across Pakistan](https://example.org/pk/x-blocked) (Example Daily, 2024-02-20)" in text


def test_ooni_month_precision_date_starts_on_the_first_of_the_month() -> None:
    item = finding(load_record(FIXTURES / "ru-2021-twitter.yaml"))
    assert item["start_time"] == "2021-03-01T00:00:00.000000Z"
    assert item["end_time"] is None
    assert "(month precision)" in item["text"]
    assert ooni_time("2021-03") == "2021-03-01T00:00:00.000000Z"


def test_ooni_twitter_alias_gets_x_domains_and_messaging_apps_get_their_tests() -> None:
    record = load_record(FIXTURES / "ru-2021-twitter.yaml")
    assert "twitter.com" in finding(record)["domains"]
    both = record.model_copy(update={"platforms": ["WhatsApp", "Telegram", "Signal", "Facebook"]})
    tests = finding(both)["test_names"]
    assert tests[0] == "web_connectivity"
    assert {"whatsapp", "telegram", "signal", "facebook_messenger"} <= set(tests)


def test_ooni_full_network_shutdown_has_no_platform_domains() -> None:
    item = finding(load_record(FIXTURES / "ci-2020-shutdown.yaml"))
    assert item["domains"] == [] and item["CCs"] == ["CI"] and item["links"] == []
    assert item["short_description"] == item["title"]
