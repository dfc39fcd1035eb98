"""Start and end dates on tests/timeline_corpus: invented multi-article incidents in eleven
languages that date a restriction the way real reporting does (weekdays anchored to the
article's day, ranges, schedules, late summaries, revocations, other calendars). Each gold
file states only the two dates; every incident must get both right."""

from __future__ import annotations

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import evaluate_corpus, find_incidents

CORPUS = REPO_ROOT / "tests" / "timeline_corpus"
IDS = [i.id for i in find_incidents(CORPUS)]


@pytest.fixture(scope="module")
def results() -> dict:
    return {r.id: r for r in evaluate_corpus(CORPUS).incidents}


def test_the_corpus_covers_the_languages_the_press_dates_in(results: dict) -> None:
    languages = {lang for r in results.values() for lang in r.languages}
    assert languages >= {"en", "fr", "es", "pt", "ru", "tr", "ar", "fa", "id", "hi", "ne"}


@pytest.mark.parametrize("incident", IDS)
def test_start_and_end_follow_the_timeline_rules(results: dict, incident: str) -> None:
    r = results[incident]
    built = (r.record.get("start_date"), r.record.get("end_date"))
    gold = tuple(None if r.gold.get(k) is None else str(r.gold[k]) for k in ("start_date", "end_date"))
    assert built == gold, f"{incident}: built start/end {built}, gold {gold}"
