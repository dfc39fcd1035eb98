"""Start and end dates on tests/timeline_corpus: invented multi-article incidents in eleven
languages that date a restriction the way real reporting does (weekdays anchored to the
article's day, ranges, schedules, late summaries, revocations, other calendars). Each gold
file states only the two dates; every incident must get both right."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import evaluate_corpus, find_incidents
from shutdown_records.extraction.pipeline import build_record

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


# --- the ideas the corpus exposed, each with a case where it must not fire -----------------


def _build(tmp_path: Path, articles: list[tuple[str, str, str]]) -> dict:
    paths = []
    for i, (language, published, body) in enumerate(articles, 1):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"---\nlanguage: {language}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return build_record(paths).record


@pytest.mark.parametrize(
    ("language", "published", "body", "start"),
    [
        (
            "en",
            "2025-09-25",
            "Residents of Port Selin were without mobile internet for a third day on Thursday.",
            "2025-09-23",
        ),
        ("es", "2025-06-05", "Por cuarto día consecutivo, el internet móvil sigue cortado en Marvela.", "2025-06-02"),
        ("ru", "2025-09-05", "В Корвении мессенджер «Свиток» заблокирован уже третий день.", "2025-09-03"),
        ("ar", "2025-07-02", "انقطعت خدمة الإنترنت في قرادون لليوم الثالث على التوالي.", "2025-06-30"),
    ],
)
def test_the_restrictions_nth_day_dates_its_first(
    tmp_path: Path, language: str, published: str, body: str, start: str
) -> None:
    assert _build(tmp_path, [(language, published, body)])["start_date"] == start


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Protesters marched through Port Selin for a third day on Thursday."),
        ("fr", "Pour le troisième jour consécutif, les manifestants ont défilé à Port-Selin."),
    ],
)
def test_a_third_day_of_something_else_dates_nothing(tmp_path: Path, language: str, body: str) -> None:
    assert _build(tmp_path, [(language, "2025-09-25", body)])["start_date"] is None


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Quillchat was blocked in Veloria on 3 March. The Supreme Court on Monday overturned the ban."),
        ("ru", "«Свиток» заблокировали 3 марта. Верховный суд в понедельник отменил решение о блокировке."),
    ],
)
def test_a_court_acting_on_a_day_dates_its_act(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, [(language, "2025-03-12", body)])
    assert (record["start_date"], record["end_date"]) == ("2025-03-03", "2025-03-10")


def test_an_election_named_before_the_date_still_owns_it(tmp_path: Path) -> None:
    body = "The elections on 8 February were marred by a shutdown that began on 9 February."
    assert _build(tmp_path, [("en", "2025-02-12", body)])["start_date"] == "2025-02-09"


def test_a_revocation_after_the_block_took_effect_keeps_the_effect_as_start(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        [
            ("en", "2025-02-11", "The ministry ordered on Monday that Streamly be blocked from 15 February."),
            ("en", "2025-02-17", "Streamly has been blocked in Marrowland since Saturday, users said."),
            ("en", "2025-02-21", "The ministry revoked the order to block Streamly on Thursday."),
        ],
    )
    assert (record["start_date"], record["end_date"]) == ("2025-02-15", "2025-02-20")


def test_a_schedule_nobody_saw_begin_gives_no_end(tmp_path: Path) -> None:
    body = "Palundia will cut mobile internet from 3 to 7 June during the school exams, the ministry said."
    record = _build(tmp_path, [("en", "2025-06-01", body)])
    assert record["end_date"] is None


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "The regulator said the video app Clipster would be blocked from Friday."),
        ("pt", "O regulador informou que o aplicativo Clipster será bloqueado a partir de sexta-feira."),
        ("ru", "Регулятор сообщил, что видеосервис «Клипстер» будет заблокирован с пятницы."),
        ("hi", "प्रशासन ने कहा कि ज़िले में शुक्रवार से मोबाइल इंटरनेट बंद रहेगा।"),
        ("fa", "استانداری اعلام کرد اینترنت همراه از روز جمعه قطع خواهد شد."),
    ],
)
def test_a_weekday_that_opens_a_plan_is_the_coming_one(tmp_path: Path, language: str, body: str) -> None:
    # published on Monday 5 May 2025: the coming Friday is the 9th, the last one the 2nd
    assert _build(tmp_path, [(language, "2025-05-05", body)])["start_date"] == "2025-05-09"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Clipster has been blocked since Friday and will stay blocked until the company pays."),
        ("hi", "ज़िले में शुक्रवार से मोबाइल इंटरनेट बंद है।"),
    ],
)
def test_a_weekday_after_since_stays_in_the_past(tmp_path: Path, language: str, body: str) -> None:
    assert _build(tmp_path, [(language, "2025-05-05", body)])["start_date"] == "2025-05-02"


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "en",
            "Mobile internet will be cut every morning between 3 June and 7 June during the exams. "
            "It was cut on Tuesday, the first exam day.",
        ),
        (
            "es",
            "El internet móvil será cortado entre el 3 de junio y el 7 de junio durante los exámenes. "
            "Los cortes comenzaron el martes.",
        ),
    ],
)
def test_between_one_date_and_another_is_a_schedule(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, [(language, "2025-06-04", body)])
    assert (record["start_date"], record["end_date"]) == ("2025-06-03", "2025-06-07")


def test_two_dates_joined_by_and_without_between_are_no_range(tmp_path: Path) -> None:
    body = "Mobile internet was cut on 3 June and 7 June, the days of the two largest marches."
    assert _build(tmp_path, [("en", "2025-06-09", body)])["end_date"] is None


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Mobile data was restored in the capital on 4 July, and in the rest of the region on 9 July."),
        (
            "fr",
            "L'internet mobile a été rétabli le 4 juillet dans la capitale, puis le 9 juillet dans le reste du pays.",
        ),
    ],
)
def test_access_back_in_stages_ends_on_the_last_stage(tmp_path: Path, language: str, body: str) -> None:
    assert _build(tmp_path, [(language, "2025-07-10", body)])["end_date"] == "2025-07-09"


def test_a_step_verb_between_a_court_and_the_date_owns_the_date(tmp_path: Path) -> None:
    body = "O bloqueio foi determinado pelo Tribunal Superior e começou na terça-feira (3)."
    assert _build(tmp_path, [("pt", "2025-06-06", body)])["start_date"] == "2025-06-03"
