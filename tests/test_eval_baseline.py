"""Floors: rounded down, compared with a tolerance, and only per incident for a partial run."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.evaluate.baseline import baseline_from, check_baseline, floor_down
from shutdown_records.evaluate.corpus import CorpusResult, IncidentFolder, IncidentResult
from shutdown_records.evaluate.scoring import RecordScore


def _result(scores: dict[str, dict[str, float]]) -> CorpusResult:
    incidents = [
        IncidentResult(
            incident=IncidentFolder(id=name, folder=Path(name), gold_path=Path(name) / "gold.yaml", source_paths=()),
            gold={},
            record={},
            scores=RecordScore(fields),
        )
        for name, fields in scores.items()
    ]
    return CorpusResult(corpus=Path("corpus"), incidents=incidents)


RESULT = _result({"a": {"country": 1.0, "kind": 0.3579}, "b": {"country": 0.0, "kind": 0.29}})


@pytest.mark.parametrize(
    ("score", "floor"), [(0.6789, 0.67), (0.29, 0.29), (0.7, 0.7), (1.0, 1.0), (0.0, 0.0), (2 / 3, 0.66)]
)
def test_floors_are_rounded_down_to_two_decimals(score: float, floor: float) -> None:
    assert floor_down(score) == floor


def test_baseline_from_a_run_holds_overall_field_and_incident_floors() -> None:
    floors = baseline_from(RESULT)
    assert floors["fields"] == {"country": 0.5, "kind": 0.32}
    assert floors["incidents"] == {"a": 0.67, "b": 0.14}
    assert floors["overall"] == 0.41  # mean of 0.67895 and 0.145
    assert check_baseline(RESULT, floors) == []


def test_score_equal_to_its_floor_passes_despite_float_noise() -> None:
    result = _result({"a": {"kind": 0.1 + 0.2}})  # 0.30000000000000004 vs 0.3, and back
    assert check_baseline(result, {"incidents": {"a": 0.3}, "fields": {"kind": 0.3}}) == []
    below = _result({"a": {"kind": 0.3 - 1e-4}})
    assert [str(d) for d in check_baseline(below, {"fields": {"kind": 0.3}})] == [
        "field kind: 0.300 is below the floor 0.30"
    ]


def test_partial_run_checks_only_the_floors_of_the_incidents_it_ran() -> None:
    floors = {"overall": 0.99, "fields": {"country": 0.99}, "incidents": {"a": 0.5, "b": 0.9}}
    partial = _result({"a": {"country": 0.6}})
    assert check_baseline(partial, floors, incidents_only=True) == []
    assert [d.what for d in check_baseline(partial, floors)] == ["overall", "field country", "incident b"]


def test_field_or_incident_missing_from_the_run_is_a_drop() -> None:
    drops = check_baseline(RESULT, {"fields": {"end_date": 0.1}, "incidents": {"c": 0.1}})
    assert [str(d) for d in drops] == [
        "field end_date: missing is below the floor 0.10",
        "incident c: missing is below the floor 0.10",
    ]
