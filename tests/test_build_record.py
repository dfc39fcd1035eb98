"""The built record: valid, every quote exact, conflicts kept, curation respected, CLI contract."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from shutdown_records.cli import cli
from shutdown_records.extraction import build_record
from shutdown_records.model import Incident
from shutdown_records.yamlio import dump_yaml, read_record_file

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
FIX = Path(__file__).parent / "fixtures" / "build"


@pytest.fixture(scope="module")
def seeds_result(tmp_path_factory):
    out = tmp_path_factory.mktemp("rec") / "pk-2024-x.yaml"
    return build_record([SEEDS], record_path=out), out


def _check_provenance(record: dict, record_dir: Path) -> None:
    """Every citation's quote is text[start:end] of its source, whose bytes match sha256."""
    sources = {s["id"]: s for s in record["sources"]}
    texts = {}
    for sid, s in sources.items():
        data = (record_dir / s["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == s["sha256"], sid
        texts[sid] = data.decode("utf-8")
    n = 0
    for fname, cites in record["evidence"].items():
        for c in cites:
            assert texts[c["source"]][c["start"] : c["end"]] == c["quote"], (fname, c)
            n += 1
    assert n > 0


def test_seeds_record_is_valid_and_every_quote_is_exact(seeds_result):
    result, out = seeds_result
    Incident.model_validate(result.record)
    _check_provenance(result.record, out.parent)


def test_seeds_record_agrees_with_the_reference_on_my_fields(seeds_result):
    record = seeds_result[0].record
    assert record["id"] == "pk-2024-x"
    assert record["title"] == "X blocked in Pakistan"
    assert record["review_status"] == "draft"
    assert record["country"] == "PK"
    assert record["platforms"] == ["X"]
    assert record["start_date"] == "2024-02-17"
    assert record["end_date"] is None
    assert record["status"] == "ongoing"


def test_start_date_conflict_keeps_every_candidate_with_its_quotes(seeds_result):
    record = seeds_result[0].record
    conflict = record["conflicts"]["start_date"]
    assert conflict["chosen"] == "2024-02-17"
    values = {c["value"] for c in conflict["candidates"]}
    assert {"2024-02-17", "2024-02", "2024-02-10"} <= values
    cited = {c["value"] for c in record["evidence"]["start_date"]}
    assert values <= cited
    # Both sources that give 17 February are cited for it.
    sources_17 = {c["source"] for c in record["evidence"]["start_date"] if c["value"] == "2024-02-17"}
    assert {"000_8ad11d0c648465c0", "001_96071d60d10314ae"} <= sources_17


def test_a_month_containing_the_chosen_day_is_cited_but_not_a_conflict():
    result = build_record([FIX / "ve_x_es.txt"])
    record = result.record
    assert record["start_date"] == "2024-08-08"
    assert "start_date" not in record.get("conflicts", {})
    assert {c.get("value") for c in record["evidence"]["start_date"]} == {None, "2024-08"}


def test_source_paths_are_relative_to_the_record(seeds_result):
    record = seeds_result[0].record
    assert record["sources"][0]["path"].endswith("seeds/000_8ad11d0c648465c0.txt")
    assert not record["sources"][0]["path"].startswith("/")


def test_rebuilding_unchanged_inputs_is_byte_identical(tmp_path):
    first = dump_yaml(build_record([SEEDS], record_path=tmp_path / "r.yaml").record)
    second = dump_yaml(build_record([SEEDS], record_path=tmp_path / "r.yaml").record)
    assert first == second


def test_curated_fields_keep_value_and_evidence_and_sources_keep_ids(tmp_path):
    out = tmp_path / "pk-2024-x.yaml"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "-q", str(SEEDS), "-o", str(out)]).exit_code == 0
    record = read_record_file(out)
    hand_quote = record["evidence"]["country"][0]
    record["start_date"] = "2024-02-15"
    record["evidence"]["start_date"] = [dict(hand_quote, value="2024-02-15")]
    record["curation"] = {"start_date": "edited"}
    record["review_status"] = "reviewed"
    record["conflicts"].pop("start_date", None)
    record["technical_reports"] = [{"publisher": "NetBlocks"}]
    record["evidence"]["technical_reports"] = [dict(record["evidence"]["start_date"][0], value="NetBlocks")]
    record["sources"][0]["id"] = "afp-fr"
    for cites in record["evidence"].values():
        for c in cites:
            if c["source"] == "000_8ad11d0c648465c0":
                c["source"] = "afp-fr"
    out.write_text(dump_yaml(record), encoding="utf-8")

    result = runner.invoke(cli, ["build", "-q", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rebuilt = read_record_file(out)
    assert rebuilt["start_date"] == "2024-02-15"
    assert rebuilt["evidence"]["start_date"] == [dict(hand_quote, value="2024-02-15", source="afp-fr")]
    assert rebuilt["review_status"] == "reviewed"
    assert rebuilt["curation"] == {"start_date": "edited"}
    assert [s["id"] for s in rebuilt["sources"]].count("afp-fr") == 1
    assert len(rebuilt["sources"]) == 5
    assert any(c["source"] == "afp-fr" for c in rebuilt["evidence"]["platforms"])
    for conflict in rebuilt["conflicts"].values():
        for cand in conflict["candidates"]:
            assert "000_8ad11d0c648465c0.txt" not in cand["sources"]
    assert rebuilt["technical_reports"] == [{"publisher": "NetBlocks"}]  # no extractor fills it: kept
    _check_provenance(rebuilt, out.parent)
    check = runner.invoke(cli, ["validate", "--root", str(ROOT), str(out)])  # sources in seeds/, record in tmp
    assert check.exit_code == 0, check.output


def test_cli_names_an_unreadable_source_builds_the_rest_and_exits_3(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    out = tmp_path / "r.yaml"
    result = CliRunner().invoke(cli, ["build", "-q", str(FIX / "ke_tiktok_en.txt"), str(bad), "-o", str(out)])
    assert result.exit_code == 3
    assert f"error: {bad}: not UTF-8" in result.stderr
    assert read_record_file(out)["country"] == "KE"


def test_cli_with_no_readable_source_exits_1_and_leaves_the_record_alone(tmp_path):
    out = tmp_path / "r.yaml"
    out.write_text("keep: me\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-q", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 1
    assert "no readable source" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep: me\n"
    fresh = CliRunner().invoke(cli, ["build", "-q", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "new.yaml")])
    assert fresh.exit_code == 1 and not (tmp_path / "new.yaml").exists()


def test_cli_without_output_prints_yaml_and_reports_language_without_vocabulary():
    result = CliRunner().invoke(cli, ["build", str(FIX / "nl_unsupported.txt")])
    assert result.exit_code == 0
    assert result.stdout.startswith("id: et-2023-")
    assert "warning:" in result.stderr and "'nl' has no vocabulary" in result.stderr


def test_cli_language_option_applies_to_undeclared_sources(tmp_path):
    src = tmp_path / "a.txt"
    shutil.copy(FIX / "ke_tiktok_fr.txt", src)
    result = CliRunner().invoke(cli, ["build", "-q", "--language", "fr", str(src)])
    assert "language: fr" in result.stdout
    bad = CliRunner().invoke(cli, ["build", "--language", "French", str(src)])
    assert bad.exit_code == 2


def test_an_extractor_that_raises_is_a_problem_not_a_crash(monkeypatch):
    from shutdown_records.extraction import extractors

    def boom(doc):
        raise ValueError("odd text")

    table = extractors.extractors() + (("zz_broken", boom),)
    monkeypatch.setattr(extractors, "extractors", lambda: table)
    result = build_record([FIX / "ke_tiktok_en.txt"])
    assert any("extractor 'zz_broken' failed: ValueError: odd text" in p for p in result.problems)
    assert result.record["country"] == "KE"


def test_id_and_title_name_the_country_year_and_what_was_hit():
    from shutdown_records.extraction.assemble import make_id, make_title

    shutdown = {
        "country": "UG",
        "start_date": "2021-01-13",
        "platforms": [],
        "kind": "full_network",
        "context": ["elections"],
    }
    assert make_id(shutdown, {}) == "ug-2021-election"
    assert make_title(shutdown) == "Internet shut down in Uganda"
    slowed = {
        "country": "RU",
        "start_date": "2021-03-10",
        "platforms": ["Twitter"],
        "kind": "throttling",
        "context": [],
    }
    assert make_id(slowed, {}) == "ru-2021-twitter-throttling"
    assert make_title(slowed) == "Twitter throttled in Russia"
    many = {
        "country": "MM",
        "start_date": None,
        "platforms": ["Facebook", "Instagram", "WhatsApp"],
        "kind": "service_block",
    }
    assert make_id(many, {"a.txt": "2021-02-04"}) == "mm-2021-social-media"
    assert make_title(many) == "Facebook, Instagram and WhatsApp blocked in Myanmar"
