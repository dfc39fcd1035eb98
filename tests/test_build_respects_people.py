"""Rebuilding over a record a person worked on: their values stay, nothing changes silently."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import cli
from shutdown_records.curate import Edit, apply_edit
from shutdown_records.yamlio import dump_yaml, read_record_file

SEEDS = REPO_ROOT / "seeds"
ISLAMABAD_ONLY = "003_f54cf388eecbba92.txt"  # names the Islamabad High Court only (too weakly for a build alone)
ISLAMABAD_QUOTE = "in a submission to the Islamabad High Court"
BOTH_COURTS = "002_fceb94332dd188dd.txt"  # names the Sindh High Court too


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "records").mkdir()
    return tmp_path


def build(folder: Path, *names: str):
    record = folder / "records" / "pk-2024-x.yaml"
    return CliRunner().invoke(cli, ["build", *(str(folder / "seeds" / n) for n in names), "-o", str(record), "-q"])


def courts(folder: Path) -> list[str]:
    return [c["court"] for c in read_record_file(folder / "records" / "pk-2024-x.yaml")["court_challenges"]]


def test_an_accepted_list_item_is_kept_and_new_candidates_still_arrive(folder: Path) -> None:
    assert build(folder, ISLAMABAD_ONLY).exit_code == 0
    record = folder / "records" / "pk-2024-x.yaml"
    # a person adds the court the build left out, citing the article: one item is now theirs
    apply_edit(
        record,
        Edit("cite", "court_challenges", "Islamabad High Court", source=ISLAMABAD_ONLY[:-4], quote=ISLAMABAD_QUOTE),
    )
    assert courts(folder) == ["Islamabad High Court"]
    curated = read_record_file(record)["curation"]["court_challenges"]
    assert set(curated) == {"Islamabad High Court"}
    assert build(folder, ISLAMABAD_ONLY, BOTH_COURTS).exit_code == 0
    assert courts(folder) == ["Islamabad High Court", "Sindh High Court"]
    assert read_record_file(record)["curation"]["court_challenges"] == curated


def test_a_whole_list_curation_says_what_it_keeps_out(folder: Path) -> None:
    assert build(folder, ISLAMABAD_ONLY).exit_code == 0
    record = folder / "records" / "pk-2024-x.yaml"
    apply_edit(
        record,
        Edit("cite", "court_challenges", "Islamabad High Court", source=ISLAMABAD_ONLY[:-4], quote=ISLAMABAD_QUOTE),
    )
    data = read_record_file(record)
    data["curation"] = {"court_challenges": "edited"}  # the whole list, as an older record marks it
    record.write_text(dump_yaml(data), encoding="utf-8")
    record_path = str(record)
    result = CliRunner().invoke(
        cli, ["build", str(folder / "seeds" / ISLAMABAD_ONLY), str(folder / "seeds" / BOTH_COURTS), "-o", record_path]
    )
    assert result.exit_code == 0, result.output
    assert courts(folder) == ["Islamabad High Court"]
    assert (
        "warning: court_challenges: kept as a person left it; the build also found Sindh High Court "
        "(the whole list is curated; mark items one by one to let new ones in)"
    ) in result.output


def test_a_removed_list_item_stays_out_after_a_rebuild(folder: Path) -> None:
    assert build(folder, ISLAMABAD_ONLY, BOTH_COURTS).exit_code == 0
    record = folder / "records" / "pk-2024-x.yaml"
    apply_edit(record, Edit("remove", "court_challenges", "Sindh High Court"))
    assert build(folder, ISLAMABAD_ONLY, BOTH_COURTS).exit_code == 0
    data = read_record_file(record)
    assert courts(folder) == ["Islamabad High Court"]
    assert all(c.get("value") != "Sindh High Court" for c in data["evidence"]["court_challenges"])
    check = CliRunner().invoke(cli, ["validate", str(record)])
    assert check.exit_code == 0, check.output


def test_a_rebuild_that_changes_a_reviewed_record_sets_it_back_to_draft_and_says_what_changed(folder: Path) -> None:
    assert build(folder, ".").exit_code == 0
    record = folder / "records" / "pk-2024-x.yaml"
    data = read_record_file(record)
    data["start_date"] = "2024-02-10"  # changed by hand, not marked in curation
    data["review_status"] = "reviewed"
    data["title"] = "X (Twitter) blocked across Pakistan"  # the editor's own words
    record.write_text(dump_yaml(data), encoding="utf-8")
    result = build(folder, ".")
    assert result.exit_code == 0
    assert "review_status: reviewed -> draft" in result.output
    assert "start_date ('2024-02-10' -> '2024-02-17')" in result.output
    rebuilt = read_record_file(record)
    assert rebuilt["review_status"] == "draft"
    assert rebuilt["title"] == "X (Twitter) blocked across Pakistan"


def test_a_record_saved_while_the_build_runs_is_not_overwritten(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutdown_records.extraction as build_package

    assert build(folder, ".").exit_code == 0
    record = folder / "records" / "pk-2024-x.yaml"
    real = build_package.build_record

    def build_while_someone_saves(*args, **kwargs):
        result = real(*args, **kwargs)
        record.write_text(record.read_text(encoding="utf-8") + "# saved meanwhile\n", encoding="utf-8")
        return result

    monkeypatch.setattr(build_package, "build_record", build_while_someone_saves)
    result = build(folder, ".")
    assert result.exit_code == 1
    assert "changed on disk while the build ran" in result.output
    assert record.read_text(encoding="utf-8").endswith("# saved meanwhile\n")


def test_a_cited_list_candidate_can_be_added_without_a_new_quote_and_a_rebuild_keeps_it(folder: Path) -> None:
    assert build(folder, ".").exit_code == 0
    record = folder / "records" / "pk-2024-x.yaml"
    assert read_record_file(record)["platforms"] == ["X"]
    result = CliRunner().invoke(cli, ["cite", str(record), "platforms", "Facebook"])  # a candidate the build left out
    assert result.exit_code == 0, result.output
    data = read_record_file(record)
    assert data["platforms"] == ["X", "Facebook"]
    assert data["conflicts"]["platforms"]["chosen"] == ["X", "Facebook"]
    assert data["curation"] == {"platforms": {"Facebook": "edited"}}
    rebuilt = build(folder, ".")
    assert rebuilt.exit_code == 0
    assert read_record_file(record)["platforms"] == ["X", "Facebook"]  # in the order the person left
    assert "changed values" not in rebuilt.output
    unquoted = CliRunner().invoke(cli, ["cite", str(record), "platforms", "Signal"])
    assert unquoted.exit_code == 2 and "no quote supports 'Signal'" in unquoted.output
