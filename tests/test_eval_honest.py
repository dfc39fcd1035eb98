"""Honest evaluation: per-language scores, the fixed dev/hold-out split, floors that record the
corpus they were measured on and are never lowered by accident."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_eval_cli import EVAL_CORPUS, INCIDENTS, _blind_builder, _perfect_builder, run

from conftest import REPO_ROOT
from shutdown_records.evaluate import corpus as corpus_module
from shutdown_records.evaluate.corpus import find_incidents
from shutdown_records.evaluate.corpus_id import corpus_digest

SPLIT = {"holdout": ["mw-2025-exams"]}


@pytest.fixture
def perfect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "default_build", lambda: _perfect_builder)


@pytest.fixture
def blind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "default_build", lambda: _blind_builder)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(EVAL_CORPUS, target)
    return target


def _languages_of(incident: str) -> set[str]:
    found = set()
    for path in (EVAL_CORPUS / incident / "sources").iterdir():
        for line in path.read_text(encoding="utf-8").split("\n---", 1)[0].splitlines():
            if line.startswith("language:"):
                found.add(line.split(":", 1)[1].strip())
    return found


def test_eval_prints_scores_per_language(perfect: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--quiet")
    assert code == 0
    table = out.split("language ", 1)[1]
    expected = sorted(set().union(*(_languages_of(i) for i in INCIDENTS)))
    rows = [line.split()[0] for line in table.splitlines()[2:] if line and not line.startswith("(")]
    assert rows[: len(expected)] == expected
    assert all(line.rstrip().endswith("| 1.00") for line in table.splitlines()[2 : 2 + len(expected)])


def test_eval_json_gives_per_language_field_means(blind: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--json", "--quiet")
    data = json.loads(out)
    assert code == 0
    for language, entry in data["languages"].items():
        assert entry["incidents"] and all(language in _languages_of(i) for i in entry["incidents"])
        assert set(entry["field_means"]) <= set(data["fields"])
    assert data["corpus_digest"] == corpus_digest(find_incidents(EVAL_CORPUS))


def test_split_holdout_and_dev_select_complementary_incidents(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    split = tmp_path / "split.json"
    split.write_text(json.dumps(SPLIT), encoding="utf-8")
    _, held, _ = run(capsys, str(EVAL_CORPUS), "--json", "--quiet", "--split", "holdout", "--split-file", str(split))
    _, dev, _ = run(capsys, str(EVAL_CORPUS), "--json", "--quiet", "--split", "dev", "--split-file", str(split))
    held_ids = [i["id"] for i in json.loads(held)["incidents"]]
    dev_ids = [i["id"] for i in json.loads(dev)["incidents"]]
    assert held_ids == ["mw-2025-exams"]
    assert dev_ids == [i for i in INCIDENTS if i != "mw-2025-exams"]
    assert json.loads(held)["split"] == "holdout"


def test_a_split_for_another_corpus_is_refused(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    split = tmp_path / "split.json"
    split.write_text(json.dumps({"holdout": ["zz-2030-nowhere"]}), encoding="utf-8")
    code, _, err = run(capsys, str(EVAL_CORPUS), "--split", "holdout", "--split-file", str(split))
    assert code == 2 and "zz-2030-nowhere" in err and "another corpus" in err


def test_the_project_split_names_incidents_of_the_shared_corpus() -> None:
    data = json.loads((REPO_ROOT / "bench" / "corpus_split.json").read_text(encoding="utf-8"))
    assert len(data["holdout"]) == 6 and not set(data["holdout"]) & set(data["original_tuned_on"])


def test_write_baseline_refuses_to_lower_a_floor_without_allow_lower(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    monkeypatch.setattr(corpus_module, "default_build", lambda: _perfect_builder)
    assert run(capsys, str(EVAL_CORPUS), "--quiet", "--write-baseline", str(floors))[0] == 0
    pinned = floors.read_bytes()
    assert json.loads(pinned)["overall"] == 1.0
    monkeypatch.setattr(corpus_module, "default_build", lambda: _blind_builder)
    code, _, err = run(capsys, str(EVAL_CORPUS), "--quiet", "--write-baseline", str(floors))
    assert code == 1
    assert "would go down" in err and "overall: 1.0 -> " in err and "--allow-lower" in err
    assert floors.read_bytes() == pinned, "the floors were changed although the write was refused"
    code, _, _ = run(capsys, str(EVAL_CORPUS), "--quiet", "--write-baseline", str(floors), "--allow-lower")
    assert code == 0 and json.loads(floors.read_text(encoding="utf-8"))["overall"] < 1.0


def test_write_baseline_may_raise_floors_without_the_flag(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    monkeypatch.setattr(corpus_module, "default_build", lambda: _blind_builder)
    assert run(capsys, str(EVAL_CORPUS), "--quiet", "--write-baseline", str(floors))[0] == 0
    monkeypatch.setattr(corpus_module, "default_build", lambda: _perfect_builder)
    assert run(capsys, str(EVAL_CORPUS), "--quiet", "--write-baseline", str(floors))[0] == 0
    assert json.loads(floors.read_text(encoding="utf-8"))["overall"] == 1.0


def test_allow_lower_without_write_baseline_is_a_usage_error(perfect: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(EVAL_CORPUS), "--allow-lower")[0] == 2


def test_floors_record_the_corpus_and_say_when_it_changed(
    perfect: None, corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    assert run(capsys, str(corpus_copy), "--quiet", "--write-baseline", str(floors))[0] == 0
    written = json.loads(floors.read_text(encoding="utf-8"))
    assert written["corpus_digest"] == corpus_digest(find_incidents(corpus_copy)) and written["corpus_incidents"] == 3
    assert run(capsys, str(corpus_copy), "--quiet", "--baseline", str(floors), "--check")[0] == 0
    source = next((corpus_copy / "mw-2025-exams" / "sources").iterdir())
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more invented sentence.\n", encoding="utf-8")
    code, out, err = run(capsys, str(corpus_copy), "--quiet", "--baseline", str(floors), "--check")
    assert code == 1
    assert "corpus changed: these floors were measured on sha256:" in err and "not comparable" in err


def test_the_digest_changes_with_gold_and_sources_only(corpus_copy: Path) -> None:
    before = corpus_digest(find_incidents(corpus_copy))
    assert corpus_digest(find_incidents(corpus_copy)) == before
    gold = corpus_copy / "bo-2024-tiktok-facebook" / "gold.yaml"
    gold.write_text(gold.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert corpus_digest(find_incidents(corpus_copy)) != before


@pytest.mark.parametrize(
    "floors",
    sorted((REPO_ROOT / "tests" / "floors").glob("*.json"))
    + [REPO_ROOT / "tests" / "eval_corpus_floors.json", REPO_ROOT / "bench" / "eval_baseline.json"],
    ids=lambda p: p.name,
)
def test_every_pinned_floor_file_records_its_corpus(floors: Path) -> None:
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["corpus_digest"].startswith("sha256:") and data["split"] == "all" and data["corpus_incidents"] > 0


def test_floors_of_the_whole_corpus_are_not_checked_against_one_split(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors, split = tmp_path / "floors.json", tmp_path / "split.json"
    split.write_text(json.dumps(SPLIT), encoding="utf-8")
    assert run(capsys, str(EVAL_CORPUS), "--quiet", "--write-baseline", str(floors))[0] == 0
    code, out, err = run(
        capsys,
        str(EVAL_CORPUS),
        "--quiet",
        "--split",
        "dev",
        "--split-file",
        str(split),
        "--baseline",
        str(floors),
        "--check",
    )
    assert code == 1 and "baseline: not comparable with this run" in out
    assert "these floors are for split all" in err and "--split dev --write-baseline FILE" in err
