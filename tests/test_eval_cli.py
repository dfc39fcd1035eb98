"""`shutdown-records eval` through the command line: table, JSON, diff, floors, exit codes.

Most tests swap in a stand-in builder that returns a fixed record per incident, so they pin
the command's behaviour whatever the real builder extracts; the acceptance test at the end
runs the real builder on tests/eval_corpus.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO_ROOT
from shutdown_records.cli import main
from shutdown_records.evaluate import corpus as corpus_module
from shutdown_records.yamlio import read_record_file

EVAL_CORPUS = REPO_ROOT / "tests" / "eval_corpus"
# Floors for the real builder on tests/eval_corpus; raise with
# `shutdown-records eval tests/eval_corpus --write-baseline tests/eval_corpus_floors.json`.
EVAL_CORPUS_FLOORS = REPO_ROOT / "tests" / "eval_corpus_floors.json"
INCIDENTS = ["bo-2024-tiktok-facebook", "mw-2025-exams", "mz-2024-election-throttling"]


@dataclass
class FakeBuild:
    record: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def _first(value: Any) -> Any:
    """A record value that a gold value accepts: the first alias / reading."""
    if isinstance(value, dict) and "any_of" in value:
        return _first(value["any_of"][0])
    if isinstance(value, dict) and "court" in value:
        return {"court": _first(value["court"])}
    if isinstance(value, list) and value and isinstance(value[0], str) and not isinstance(value, str):
        return list(value)
    return value


def _record_from_gold(gold: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name, value in gold.items():
        if name in ("incident", "evidence"):
            continue
        if name in ("ordered_by", "legal_basis"):
            key = "name" if name == "ordered_by" else "instrument"
            record[name] = [{key: item["any_of"][0]} for item in value]
        elif name == "court_challenges":
            record[name] = [_first(item) for item in value]
        else:
            record[name] = _first(value)
    return record


def _perfect_builder(source_paths: list[Path], **_: Any) -> FakeBuild:
    gold = dict(read_record_file(Path(source_paths[0]).parent.parent / "gold.yaml"))
    return FakeBuild(_record_from_gold(gold))


def _blind_builder(source_paths: list[Path], **_: Any) -> FakeBuild:
    return FakeBuild({}, problems=["found nothing"])


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        main(["eval", *args])
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def perfect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "default_build", lambda: _perfect_builder)


@pytest.fixture
def blind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "default_build", lambda: _blind_builder)


def test_eval_table_lists_every_incident_field_means_and_overall(
    perfect: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(EVAL_CORPUS))
    assert code == 0
    for incident in INCIDENTS:
        assert incident in out
        assert incident in err  # progress goes to stderr
    assert "field mean" in out
    assert "overall (mean of 3 records): 1.000" in out


def test_eval_quiet_prints_no_progress(perfect: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(EVAL_CORPUS), "--quiet")
    assert code == 0 and err == ""


def test_eval_json_gives_per_incident_per_field_scores(blind: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--json")
    assert code == 0
    data = json.loads(out)
    assert [i["id"] for i in data["incidents"]] == INCIDENTS
    mw = next(i for i in data["incidents"] if i["id"] == "mw-2025-exams")
    # An empty record is right only where the gold is empty or null.
    assert mw["fields"]["platforms"] == 1.0 and mw["fields"]["country"] == 0.0
    assert mw["problems"] == ["found nothing"]
    assert set(data["field_means"]) == set(data["fields"])
    assert 0.0 < data["overall"] < 0.5


def test_eval_incident_option_runs_only_that_incident(perfect: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--json", "--incident", "mw-2025-exams")
    assert code == 0
    assert [i["id"] for i in json.loads(out)["incidents"]] == ["mw-2025-exams"]


def test_eval_unknown_incident_exits_2_and_lists_known_ones(perfect: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(EVAL_CORPUS), "--incident", "xx-1999-nothing")
    assert code == 2
    assert "xx-1999-nothing" in err and "mw-2025-exams" in err


def test_eval_folder_that_is_not_a_corpus_exits_2_with_a_clear_message(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes").mkdir()
    code, out, err = run(capsys, str(tmp_path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: {tmp_path}: not a corpus")
    assert "gold.yaml" in err and "Traceback" not in err


def test_eval_show_diff_prints_gold_and_built_values_below_one(blind: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--show-diff", "--incident", "bo-2024-tiktok-facebook")
    assert code == 0
    assert '  country (0.00)\n    gold:  "BO"\n    built: null' in out
    assert "Tribunal Constitucional Plurinacional | Plurinational Constitutional Court" in out


def test_eval_malformed_gold_names_the_file_and_line(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = tmp_path / "corpus" / "mw-2025-exams"
    shutil.copytree(EVAL_CORPUS / "mw-2025-exams", incident)
    (incident / "gold.yaml").write_text("country: MW\ncountry: MZ\n", encoding="utf-8")
    code, _, err = run(capsys, str(tmp_path / "corpus"))
    assert code == 1
    assert f"{incident / 'gold.yaml'}:2:1" in err and "duplicate key" in err


def test_eval_write_baseline_writes_floors_rounded_down(
    blind: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    code, out, err = run(capsys, str(EVAL_CORPUS), "--json", "--write-baseline", str(floors))
    assert code == 0
    run_data, written = json.loads(out), json.loads(floors.read_text(encoding="utf-8"))
    assert f"wrote {floors}" in err
    assert written["overall"] <= run_data["overall"] < written["overall"] + 0.01
    assert written["incidents"].keys() == {i["id"] for i in run_data["incidents"]}
    for name, mean in run_data["field_means"].items():
        assert written["fields"][name] <= mean < written["fields"][name] + 0.01
    # The run that wrote the floors passes its own check.
    code, _, _ = run(capsys, str(EVAL_CORPUS), "--baseline", str(floors), "--check")
    assert code == 0


def test_eval_check_exits_1_and_names_each_score_below_its_floor(
    blind: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps({"overall": 0.9, "fields": {"country": 0.5, "platforms": 0.1}, "incidents": {"mw-2025-exams": 0.8}}),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(EVAL_CORPUS), "--baseline", str(floors), "--check")
    assert code == 1
    assert "overall: " in err and "below the floor 0.90" in err
    assert "field country: 0.000 is below the floor 0.50" in err
    assert "incident mw-2025-exams" in err
    assert "field platforms" not in err  # met: empty platforms are right for two incidents


def test_eval_baseline_without_check_reports_but_exits_0(
    blind: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"overall": 0.9}), encoding="utf-8")
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--baseline", str(floors))
    assert code == 0
    assert "1 score(s) below their floor" in out


def test_eval_check_without_baseline_is_a_usage_error(perfect: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(EVAL_CORPUS), "--check")
    assert code == 2 and "--baseline" in err


def test_eval_unreadable_baseline_is_one_line_error(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text('{"overall": ', encoding="utf-8")
    code, _, err = run(capsys, str(EVAL_CORPUS), "--baseline", str(floors), "--check")
    assert code == 1
    assert err.startswith(f"error: {floors}:1:") and len(err.strip().splitlines()) == 1


def test_eval_keep_records_writes_each_built_record(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(capsys, str(EVAL_CORPUS), "--quiet", "--keep-records", str(tmp_path / "built"))
    assert code == 0
    kept = read_record_file(tmp_path / "built" / "mw-2025-exams.yaml")
    assert kept["country"] == "MW"


# --- acceptance: the real builder --------------------------------------------------------


def test_eval_runs_the_real_builder_on_the_test_corpus_and_meets_its_floors(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(EVAL_CORPUS), "--json", "--baseline", str(EVAL_CORPUS_FLOORS), "--check")
    data = json.loads(out)
    assert [i["id"] for i in data["incidents"]] == INCIDENTS
    assert all(0.0 <= i["score"] <= 1.0 for i in data["incidents"])
    assert code == 0, f"scores below the floors in {EVAL_CORPUS_FLOORS.name}: {data['baseline_drops']}"
    # Deterministic: a second run gives the same figures.
    _, again, _ = run(capsys, str(EVAL_CORPUS), "--json", "--quiet")
    assert json.loads(again)["incidents"][0]["fields"] == data["incidents"][0]["fields"]


def test_eval_builder_failure_on_one_incident_scores_it_empty_and_goes_on(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from shutdown_records.errors import InputError

    def build(source_paths: list[Path], **kwargs: Any) -> FakeBuild:
        if "mw-2025-exams" in str(source_paths[0]):
            raise InputError("not UTF-8", place=str(source_paths[0]))
        return _perfect_builder(source_paths, **kwargs)

    monkeypatch.setattr(corpus_module, "default_build", lambda: build)
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--json")
    assert code == 0
    by_id = {i["id"]: i for i in json.loads(out)["incidents"]}
    assert by_id["mw-2025-exams"]["problems"][0].startswith("build failed: ")
    assert by_id["mw-2025-exams"]["score"] < 0.5 and by_id["bo-2024-tiktok-facebook"]["score"] == 1.0


def test_eval_builder_crash_names_the_incident_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def build(source_paths: list[Path], **kwargs: Any) -> FakeBuild:
        raise KeyError("start_date")

    monkeypatch.setattr(corpus_module, "default_build", lambda: build)
    code, _, err = run(capsys, str(EVAL_CORPUS), "--quiet")
    assert code == 70
    assert err.startswith(f"error: {EVAL_CORPUS / 'bo-2024-tiktok-facebook'}: the builder crashed: KeyError")
    assert "--incident bo-2024-tiktok-facebook" in err and "Traceback" not in err


def test_eval_warns_about_gold_fields_it_would_silently_skip(
    perfect: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incident = tmp_path / "corpus" / "mw-2025-exams"
    shutil.copytree(EVAL_CORPUS / "mw-2025-exams", incident)
    (incident / "gold.yaml").write_text("country: MW\ncontry: MW\nend_date: 16 May 2025\n", encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path / "corpus"), "--json", "--quiet")
    problems = json.loads(out)["incidents"][0]["gold_warnings"]
    assert code == 0
    assert err.count("warning: ") == 2  # shown even with --quiet
    assert any(p.startswith(f"{incident / 'gold.yaml'}:2:1: gold field `contry` is not scored") for p in problems)
    assert any("gold end_date '16 May 2025' is not YYYY-MM-DD or YYYY-MM" in p for p in problems)


def test_every_eval_option_in_docs_eval_md_exists() -> None:
    import re

    from shutdown_records.commands.evaluate import command

    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    doc = (REPO_ROOT / "docs" / "eval.md").read_text(encoding="utf-8")
    used = {
        option
        for line in doc.splitlines()
        if "shutdown-records eval " in line
        for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", line.split("shutdown-records eval ", 1)[1])
    }
    assert used, "docs/eval.md shows no eval command"
    assert used <= known, f"docs/eval.md uses options the command lacks: {sorted(used - known)}"


def test_eval_json_with_show_diff_gives_gold_and_built_per_field(
    blind: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(EVAL_CORPUS), "--json", "--show-diff", "--incident", "mz-2024-election-throttling")
    diff = json.loads(out)["incidents"][0]["diff"]
    assert code == 0
    assert diff["kind"] == {"score": 0.0, "gold": "throttling", "built": None}
    assert diff["start_date"]["gold"] == {"any_of": ["2024-10-25", "2024-10-26"]}
    assert "platforms" not in diff  # scored 1: [] against []
