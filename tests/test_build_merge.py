"""Merging across sources: support, near-duplicate names, thresholds, nothing dropped silently."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shutdown_records.cli import cli
from shutdown_records.extraction.merge import Citer, merge_field
from shutdown_records.extraction.types import Doc, Mention
from shutdown_records.yamlio import read_record_file

FIX = Path(__file__).parent / "fixtures" / "build"
TEXT = "The interior ministry ordered the block. The Ministry of the Interior said so again."


def _docs(n: int) -> list[Doc]:
    return [Doc(id=f"s{i}.txt", path=Path(f"s{i}.txt"), text=TEXT, sha256="0" * 64, language="en") for i in range(n)]


def test_three_sources_outweigh_one_source_repeating_itself():
    docs = _docs(4)
    mentions = [Mention("country", "PK", f"s{i}.txt", 0, 10) for i in range(3)]
    mentions += [Mention("country", "IN", "s3.txt", 0, 10 + k) for k in range(5)]
    result = merge_field("country", mentions, Citer(docs))
    assert result.value == "PK"
    assert result.conflict["chosen"] == "PK"
    assert [c["value"] for c in result.conflict["candidates"]] == ["PK", "IN"]
    assert {c["value"] for c in result.citations} == {"PK", "IN"}


def test_identical_spans_are_cited_once():
    docs = _docs(1)
    mentions = [Mention("kind", "service_block", "s0.txt", 0, 40), Mention("kind", "service_block", "s0.txt", 0, 40)]
    assert len(merge_field("kind", mentions, Citer(docs)).citations) == 1


def test_near_duplicate_authority_names_become_one_item_citing_both_sources():
    docs = _docs(2)
    mentions = [
        Mention("ordered_by", {"name": "Ministry of Interior", "type": "executive"}, "s0.txt", 0, 40),
        Mention("ordered_by", {"name": "Ministry of the Interior", "type": "unknown"}, "s1.txt", 41, 84),
    ]
    result = merge_field("ordered_by", mentions, Citer(docs))
    assert result.value == [{"name": "Ministry of Interior", "type": "executive"}]
    assert [(c["source"], c["value"]) for c in result.citations] == [
        ("s0.txt", "Ministry of Interior"),
        ("s1.txt", "Ministry of Interior"),
    ]


def test_generic_government_names_across_sources_are_one_authority():
    docs = _docs(2)
    mentions = [
        Mention("ordered_by", {"name": "Government of Ethiopia", "type": "executive"}, "s0.txt", 0, 40),
        Mention("ordered_by", {"name": "Ethiopian authorities", "type": "executive"}, "s1.txt", 0, 40),
    ]
    assert len(merge_field("ordered_by", mentions, Citer(docs)).value) == 1


def test_a_single_weak_set_value_is_reported_not_recorded():
    docs = _docs(1)
    result = merge_field("context", [Mention("context", "protests", "s0.txt", 0, 40, weight=0.3)], Citer(docs))
    assert result.value == [] and result.citations == []
    assert any("'protests'" in n and "too weakly supported" in n for n in result.notes)


def test_html_source_is_stored_as_text_beside_the_record_with_its_origin(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "in" / "page.html"
    page.parent.mkdir()
    shutil.copy(FIX / "page.html", page)
    out = tmp_path / "records" / "ke.yaml"
    result = CliRunner().invoke(cli, ["build", "-q", str(page), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    record = read_record_file(out)
    source = record["sources"][0]
    assert source["path"].startswith("sources/") and source["path"].endswith(".txt")
    assert source["origin"] == "../in/page.html"
    stored = (out.parent / source["path"]).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == source["sha256"]
    text = stored.decode("utf-8")
    for cites in record["evidence"].values():
        for c in cites:
            assert text[c["start"] : c["end"]] == c["quote"]
    assert record["platforms"] == ["TikTok"] and record["country"] == "KE"


def test_progress_bar_shows_on_long_runs_and_quiet_hides_it(tmp_path):
    for i in range(21):
        shutil.copy(FIX / "ke_tiktok_en.txt", tmp_path / f"{i:02d}.txt")
    loud = CliRunner().invoke(cli, ["build", str(tmp_path)])
    assert loud.exit_code == 0 and "reading sources" in loud.stderr
    quiet = CliRunner().invoke(cli, ["build", "--quiet", str(tmp_path)])
    assert quiet.exit_code == 0 and "reading sources" not in quiet.stderr


def _named(field: str, name: str, source: str, weight: float = 1.0, kind: str = "executive", **extra) -> Mention:
    key = "court" if field == "court_challenges" else "name"
    value = {key: name, "type": kind} if field == "ordered_by" else {key: name}
    return Mention(field, value, source, 0, 40, weight, extra=extra)


def test_generic_authorities_beside_a_supported_government_organ_are_that_organ():
    """ "The Kenyan authorities" and "the National Security Council" name one decision."""
    docs = _docs(3)
    mentions = [
        _named("ordered_by", "Kenyan authorities", "s0.txt", generic=True),
        _named("ordered_by", "Kenyan authorities", "s1.txt", generic=True),
        _named("ordered_by", "National Security Council", "s2.txt"),
    ]
    result = merge_field("ordered_by", mentions, Citer(docs))
    assert [i["name"] for i in result.value] == ["National Security Council"]
    assert {c["source"] for c in result.citations} == {"s0.txt", "s1.txt", "s2.txt"}
    assert any("named generically" in c.get("note", "") for c in result.citations)


def test_generic_government_beside_a_regulator_stays_a_link_of_the_chain():
    """Government -> regulator -> operators: the regulator is not the government's organ."""
    docs = _docs(3)
    mentions = [
        _named("ordered_by", "Government of Malawi", "s0.txt", generic=True),
        _named("ordered_by", "Government of Malawi", "s1.txt", generic=True),
        _named("ordered_by", "Malawi Communications Regulatory Authority", "s2.txt"),
    ]
    result = merge_field("ordered_by", mentions, Citer(docs))
    assert [i["name"] for i in result.value] == ["Government of Malawi", "Malawi Communications Regulatory Authority"]


def test_a_weak_organ_does_not_absorb_the_government():
    docs = _docs(2)
    mentions = [
        _named("ordered_by", "Government of Malawi", "s0.txt", generic=True),
        _named("ordered_by", "Government of Malawi", "s1.txt", generic=True),
        _named("ordered_by", "Ministry of Tourism", "s1.txt", weight=0.3),
    ]
    result = merge_field("ordered_by", mentions, Citer(docs))
    assert [i["name"] for i in result.value] == ["Government of Malawi"]


def test_a_country_court_and_its_only_named_seat_are_one_court():
    docs = _docs(2)
    mentions = [
        _named("court_challenges", "High Court of Malawi", "s0.txt"),
        _named("court_challenges", "Mbeluka High Court", "s1.txt"),
    ]
    result = merge_field("court_challenges", mentions, Citer(docs))
    assert [i["court"] for i in result.value] == ["Mbeluka High Court"]  # the seat names it more precisely
    assert {c["source"] for c in result.citations} == {"s0.txt", "s1.txt"}
    seat_after = [
        _named("court_challenges", "High Court of Malawi", "s0.txt"),
        _named("court_challenges", "High Court in Mbeluka", "s1.txt"),
    ]
    assert len(merge_field("court_challenges", seat_after, Citer(docs)).value) == 1


def test_two_seats_or_another_countrys_court_stay_apart():
    docs = _docs(3)
    two_seats = [
        _named("court_challenges", "High Court of Malawi", "s0.txt"),
        _named("court_challenges", "Mbeluka High Court", "s1.txt"),
        _named("court_challenges", "Tandwe High Court", "s2.txt"),
    ]
    assert len(merge_field("court_challenges", two_seats, Citer(docs)).value) == 3
    other_kind = [
        _named("court_challenges", "High Court of Malawi", "s0.txt"),
        _named("court_challenges", "Mbeluka Magistrates Court", "s1.txt"),
    ]
    assert len(merge_field("court_challenges", other_kind, Citer(docs)).value) == 2
    other_country = [
        _named("court_challenges", "High Court of Malawi", "s0.txt"),
        _named("court_challenges", "High Court of Kenya", "s1.txt"),
    ]
    assert len(merge_field("court_challenges", other_country, Citer(docs)).value) == 2


def test_a_passing_mention_of_another_government_is_not_cited_as_the_organ():
    docs = _docs(2)
    mentions = [
        _named("ordered_by", "Government of Kenya", "s0.txt", weight=0.15, generic=True),
        _named("ordered_by", "Ministry of Information", "s1.txt"),
    ]
    result = merge_field("ordered_by", mentions, Citer(docs))
    assert [i["name"] for i in result.value] == ["Ministry of Information"]
    assert {c["source"] for c in result.citations if c.get("value") == "Ministry of Information"} == {"s1.txt"}
