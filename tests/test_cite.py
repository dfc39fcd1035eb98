"""`shutdown-records cite`: a value set with its quote, offsets found, the rest of the file kept.

The record and article are invented (tests/fixtures/review/README.md).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shutdown_records.cli import cli
from shutdown_records.curate import Edit, StaleRecord, apply_edit
from shutdown_records.validate import validate_paths
from shutdown_records.yamlio import read_record_file

FIXTURE = Path(__file__).parent / "fixtures" / "review"
NAME = "xk-2025-telegram.yaml"


@pytest.fixture()
def record(tmp_path: Path) -> Path:
    for name in (NAME, "article-kestrava.txt"):
        shutil.copy(FIXTURE / name, tmp_path / name)
    return tmp_path / NAME


def cite(*args: str):
    return CliRunner().invoke(cli, ["cite", *args])


def article(record: Path) -> str:
    return (record.parent / "article-kestrava.txt").read_text(encoding="utf-8")


def test_cite_sets_a_value_with_the_offsets_of_its_quote_and_marks_curation(record: Path) -> None:
    result = cite(
        str(record),
        "end_date",
        "2025-03-09",
        "--source",
        "kestrava-1",
        "--quote",
        "The block on Telegram was lifted on 9 March 2025",
    )
    assert result.exit_code == 1  # end_date set while status is still ongoing: validate says so
    assert "so status must be ended" in result.output and "[E203]" in result.output
    result = cite(str(record), "status", "ended", "--source", "kestrava-1", "--quote", "was lifted on 9 March")
    assert result.exit_code == 0, result.output
    data = read_record_file(record)
    assert data["end_date"] == "2025-03-09" and data["status"] == "ended"
    (citation,) = data["evidence"]["end_date"]
    text = article(record)
    assert (
        text[citation["start"] : citation["end"]]
        == citation["quote"]
        == "The block on Telegram was lifted on 9 March 2025"
    )
    assert citation["value"] == "2025-03-09"
    assert data["curation"] == {"end_date": "edited", "status": "edited"}
    # the quote that said "ongoing" is kept for the value it supports, as a rejected candidate
    assert {c.get("value") for c in data["evidence"]["status"]} == {"ongoing", "ended"}
    assert data["conflicts"]["status"]["chosen"] == "ended"
    assert [c["value"] for c in data["conflicts"]["status"]["candidates"]] == ["ended", "ongoing"]
    assert validate_paths([record], strict=True).ok


def test_cite_folds_curly_quotes_and_writes_the_sources_own_characters(record: Path) -> None:
    result = cite(
        str(record),
        "status",
        "ongoing",
        "--source",
        "kestrava-1",
        "--quote",
        '"We are still offline", said Ilsa Marrow',
    )
    assert result.exit_code == 0, result.output
    citation = read_record_file(record)["evidence"]["status"][-1]
    assert citation["quote"] == "“We are still offline”, said Ilsa Marrow"
    assert article(record)[citation["start"] : citation["end"]] == citation["quote"]


def test_cite_quote_not_found_names_the_nearest_match_and_leaves_the_file_untouched(record: Path) -> None:
    before = record.read_bytes()
    result = cite(
        str(record),
        "end_date",
        "2025-03-09",
        "--source",
        "kestrava-1",
        "--quote",
        "The blok on Telegram was lifted on 9 Marh 2025",
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert 'nearest: "The block on Telegram was lifted on 9 March' in lines[0]
    assert record.read_bytes() == before


def test_cite_ambiguous_quote_asks_for_an_occurrence_and_occurrence_picks_it(record: Path) -> None:
    before = record.read_bytes()
    result = cite(str(record), "regions", "Kestrava", "--source", "kestrava-1", "--quote", "Port Aldine")
    assert result.exit_code == 1
    assert "occurs 2 times" in result.output and "--occurrence 1..2" in result.output
    assert record.read_bytes() == before
    result = cite(
        str(record), "regions", "Port Aldine", "--source", "kestrava-1", "--quote", "Port Aldine", "--occurrence", "2"
    )
    assert result.exit_code == 0, result.output
    citation = read_record_file(record)["evidence"]["regions"][0]
    assert citation["start"] == article(record).rindex("Port Aldine")


def test_cite_adds_and_removes_a_list_item_with_its_citations(record: Path) -> None:
    assert (
        cite(str(record), "workarounds", "vpn", "--source", "kestrava-1", "--quote", "turned to VPN services").exit_code
        == 0
    )
    data = read_record_file(record)
    assert data["workarounds"] == ["vpn"]
    assert data["evidence"]["workarounds"][0]["value"] == "vpn"
    assert data["curation"] == {"workarounds": {"vpn": "edited"}}
    result = cite(str(record), "court_challenges", "Kestrava High Court", "--remove")
    assert result.exit_code == 0, result.output
    data = read_record_file(record)
    assert data["court_challenges"] == []
    assert "court_challenges" not in data["evidence"]
    assert data["curation"]["court_challenges"] == {"Kestrava High Court": "removed"}
    assert cite(str(record), "platforms", "WhatsApp", "--remove").exit_code == 2  # not there: usage


def test_cite_keeps_comments_order_and_quoting_of_the_rest(record: Path) -> None:
    before = record.read_text(encoding="utf-8").splitlines()
    assert (
        cite(
            str(record),
            "court_challenges[Kestrava High Court].date",
            "2025-03-05",
            "--source",
            "kestrava-1",
            "--quote",
            "a challenge filed by lawyer Tomas Verin on 5 March 2025",
        ).exit_code
        == 0
    )
    after = record.read_text(encoding="utf-8").splitlines()
    assert after[0] == "# An invented incident for the tests of cite and review."
    assert "- Telegram   # the only service named" in after
    assert 'status: ongoing  # the build read "still offline"' in after
    assert "  date: '2025-03-05'" in after  # a date is quoted, as the build writes it
    added = [line for line in after if line not in before]
    # only the new sub-field, its citation and the curation mark are new
    assert all(
        line.startswith(
            ("  date:", "  court_challenges.date:", "  - source:", "    ", "curation:", "  court_challenges:")
        )
        for line in added
    ), added
    kept = [line for line in before if line in after]
    assert kept == before  # nothing removed or reordered


def test_a_courts_date_needs_a_quote_and_cite_gives_it_one(record: Path) -> None:
    text = record.read_text(encoding="utf-8").replace(
        "- court: Kestrava High Court\n", "- court: Kestrava High Court\n  date: '2025-03-05'\n"
    )
    record.write_text(text, encoding="utf-8")
    problems = validate_paths([record]).problems
    assert [(p.field, p.code) for p in problems] == [("court_challenges[0].date", "E208")]
    assert "court_challenges[Kestrava High Court].date" in problems[0].message
    result = cite(
        str(record),
        "court_challenges[Kestrava High Court].date",
        "2025-03-05",
        "--source",
        "kestrava-1",
        "--quote",
        "on 5 March 2025",
    )
    assert result.exit_code == 0, result.output
    assert read_record_file(record)["evidence"]["court_challenges.date"][0]["item"] == "Kestrava High Court"


def test_a_failed_write_leaves_the_file_byte_identical(record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = record.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        apply_edit(record, Edit("cite", "end_date", "2025-03-09", "kestrava-1", "lifted on 9 March 2025"))
    assert record.read_bytes() == before
    result = cite(str(record), "end_date", "2025-03-09", "--source", "kestrava-1", "--quote", "lifted on 9 March 2025")
    assert result.exit_code == 1
    assert result.output.strip().endswith("cannot write: No space left on device; the record is unchanged")
    assert record.read_bytes() == before
    assert sorted(p.name for p in record.parent.iterdir()) == ["article-kestrava.txt", NAME]


def test_a_record_saved_meanwhile_is_not_overwritten(record: Path) -> None:
    from shutdown_records.atomic import file_sha256

    seen = file_sha256(record)
    record.write_text(record.read_text(encoding="utf-8") + "# saved in an editor\n", encoding="utf-8")
    newer = record.read_bytes()
    with pytest.raises(StaleRecord):
        apply_edit(record, Edit("remove", "kind"), expect_sha256=seen)
    assert record.read_bytes() == newer


def test_a_value_the_model_refuses_is_named_and_nothing_is_written(record: Path) -> None:
    before = record.read_bytes()
    result = cite(str(record), "kind", "blackout", "--source", "kestrava-1", "--quote", "blocked access")
    assert result.exit_code == 2
    assert "service_block" in result.output and "nothing written" in result.output
    assert record.read_bytes() == before


def test_person_changed_status_with_old_quotes_is_an_error(record: Path) -> None:
    """The trap: status set to ended by hand, its quotes still saying "still offline"."""
    text = record.read_text(encoding="utf-8")
    text = text.replace("status: ongoing", "status: ended").replace(
        "conflicts: {}", "conflicts: {}\ncuration:\n  status: edited"
    )
    record.write_text(text, encoding="utf-8")
    problems = validate_paths([record], strict=True).problems
    assert [p.code for p in problems if p.field.startswith("evidence.status")] == ["E226"]


def test_zero_offsets_give_one_error_with_the_right_offsets(record: Path) -> None:
    text = record.read_text(encoding="utf-8").replace("    start: 218\n    end: 238\n", "    start: 0\n    end: 0\n")
    record.write_text(text, encoding="utf-8")
    problems = validate_paths([record]).problems
    assert [(p.field, p.code) for p in problems] == [("evidence.status[0].end", "E217")]
    assert problems[0].message.endswith("the quote stands at 218-238: set start: 218, end: 238")


def test_the_readme_cite_example_runs(tmp_path: Path) -> None:
    import shlex

    from conftest import REPO_ROOT

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Review\n", 1)[1].split("\n## ", 1)[0]
    (line,) = [ln.strip() for ln in section.splitlines() if ln.startswith("    shutdown-records cite records/")]
    shutil.copytree(REPO_ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "records").mkdir()
    shutil.copy(REPO_ROOT / "records" / "pk-2024-x.yaml", tmp_path / "records" / "pk-2024-x.yaml")
    args = shlex.split(line)[1:]
    args[1] = str(tmp_path / args[1])
    result = cite(*args[1:])
    assert result.exit_code == 0, result.output
    added = read_record_file(tmp_path / "records" / "pk-2024-x.yaml")["evidence"]["court_challenges.date"]
    assert any(c["quote"] == "The Sindh High Court on Wednesday ordered the government" for c in added)


def test_status_ended_by_hand_with_its_ongoing_quotes_is_an_error_even_without_curation(record: Path) -> None:
    text = record.read_text(encoding="utf-8").replace("status: ongoing", "status: ended")
    record.write_text(text, encoding="utf-8")
    problems = validate_paths([record]).problems
    assert [(p.field, p.code) for p in problems] == [("evidence.status[0]", "E226")]
    assert "this quote says it is ongoing ('still offline')" in problems[0].message


def test_the_report_shows_a_cited_court_date_beside_its_court_not_as_an_unknown_field(
    record: Path, tmp_path: Path
) -> None:
    from shutdown_records.report import write_site

    assert (
        cite(
            str(record),
            "court_challenges[Kestrava High Court].date",
            "2025-03-05",
            "--source",
            "kestrava-1",
            "--quote",
            "on 5 March 2025",
        ).exit_code
        == 0
    )
    write_site([record], tmp_path / "site")
    (page,) = (tmp_path / "site" / "records").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert "Quotes for dates and names inside items" in html
    assert "Kestrava High Court: <strong>2025-03-05</strong>" in html
    assert "unknown field" not in html
