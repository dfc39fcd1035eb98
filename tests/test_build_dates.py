"""Dates: which day each date phrase means, and whether it starts or ends the restriction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from shutdown_records.extraction.context import REFERENCE_DATES
from shutdown_records.extraction.extractors import dates
from shutdown_records.extraction.loader import load_sources
from shutdown_records.extraction.pipeline import build_record

FIX = Path(__file__).parent / "fixtures" / "build"


def _mentions(name: str, references: dict | None = None):
    doc = load_sources([FIX / name]).docs[0]
    token = REFERENCE_DATES.set(references or {})
    try:
        return doc, list(dates.extract(doc))
    finally:
        REFERENCE_DATES.reset(token)


def _matched(doc, m) -> str:
    s, e = m.extra["match"]
    return doc.text[s:e]


def test_weekday_in_a_thursday_article_is_the_day_before_and_says_how():
    doc, found = _mentions("ke_tiktok_en.txt")  # published Thursday 2023-03-16
    wednesday = [m for m in found if _matched(doc, m) == "on Wednesday"]
    assert [m.value for m in wednesday] == ["2023-03-15"]
    assert wednesday[0].field == "start_date"
    assert "resolved against published 2023-03-16" in wednesday[0].note


def test_since_with_no_break_space_is_a_start_date_with_day_precision():
    doc, found = _mentions("ke_tiktok_en.txt")
    since = [m for m in found if _matched(doc, m).startswith("10")]
    assert [(m.field, m.value, m.weight) for m in since] == [("start_date", "2023-03-10", 1.0)]
    assert "year of" in since[0].note


def test_mid_month_keeps_month_precision():
    doc, found = _mentions("ke_tiktok_en.txt")
    mid = [m for m in found if _matched(doc, m) == "mid-March"]
    assert [(m.field, m.value, m.extra["precision"]) for m in mid] == [("start_date", "2023-03", "month")]
    assert "month precision" in mid[0].note


def test_agency_dateline_is_not_a_start_date():
    doc, found = _mentions("ke_tiktok_en.txt")
    dateline = [m for m in found if _matched(doc, m) == "March 16"]
    assert [m.field for m in dateline] == ["other_date"]


def test_restoration_date_is_an_end_date_and_the_ban_start_a_start_date():
    doc, found = _mentions("tr_wikipedia_restored.txt")
    by_field = {(m.field, m.value) for m in found}
    assert ("end_date", "2020-01-15") in by_field
    assert ("start_date", "2017-04-29") in by_field
    assert not any(m.field == "start_date" and m.value.startswith("2019-12") for m in found)


def test_a_french_range_names_both_ends():
    doc, found = _mentions("dz_exams_fr.txt")
    pairs = {(m.field, m.value) for m in found}
    assert ("start_date", "2023-06-11") in pairs and ("end_date", "2023-06-15") in pairs


def test_portuguese_weekday_with_day_of_month_and_this_friday():
    doc, found = _mentions("br_x_pt.txt")  # published Friday 2024-08-30
    values = {_matched(doc, m): (m.field, m.value) for m in found}
    assert values["Na quarta-feira (28)"][1] == "2024-08-28"
    assert values["desta sexta-feira"] == ("start_date", "2024-08-30")


def test_spanish_desde_and_a_mediados_de():
    doc, found = _mentions("ve_x_es.txt")
    pairs = {(m.field, m.value) for m in found}
    assert ("start_date", "2024-08-08") in pairs
    assert ("start_date", "2024-08") in pairs


def test_undated_article_resolves_year_against_a_reference_from_other_sources():
    doc, found = _mentions(
        "ke_tiktok_fr.txt",
        {"ke_tiktok_fr": (date(2023, 3, 16), "2023-03-16, published date of x (this source has none)")},
    )
    since = [m for m in found if m.field == "start_date" and "15 mars" in _matched(doc, m)]
    assert [m.value for m in since] == ["2023-03-15"]
    assert "published date of x (" in since[0].note


def test_election_day_is_not_the_start_of_the_block():
    # The seeds name the 8 February election many times; the block began on the 17th.
    result = build_record([Path(__file__).parent.parent / "seeds"])
    assert result.record["start_date"] == "2024-02-17"
    starts = [m for m in result.mentions if m.field == "start_date"]
    assert not any(m.value == "2024-02-08" for m in starts)


def test_undated_sources_get_a_reference_from_the_dated_one():
    from shutdown_records.extraction.pipeline import reference_dates

    loaded = load_sources([Path(__file__).parent.parent / "seeds"])
    refs = reference_dates(loaded.docs, loaded.published_text)
    assert refs["000_8ad11d0c648465c0"][0] == date(2024, 4, 17)
    assert "published date of 002_fceb94332dd188dd " in refs["000_8ad11d0c648465c0"][1]


def test_russian_and_italian_dates_have_roles_from_their_data_files(tmp_path):
    ru = tmp_path / "ru.txt"
    ru.write_text(
        "---\npublished: 2021-03-12\nlanguage: ru\n---\nРоскомнадзор замедлил работу Твиттера с 10 марта.\n",
        encoding="utf-8",
    )
    it = tmp_path / "it.txt"
    it.write_text(
        "---\npublished: 2023-02-10\nlanguage: it\n---\nL'accesso ai social è stato limitato dal 9 febbraio.\n",
        encoding="utf-8",
    )
    for path, expected in ((ru, "2021-03-10"), (it, "2023-02-09")):
        doc = load_sources([path]).docs[0]
        found = [(m.field, m.value) for m in dates.extract(doc)]
        assert ("start_date", expected) in found, (path.name, found)


def test_a_day_range_borrows_month_and_year_from_its_second_date():
    from shutdown_records.extraction.types import Doc

    text = "Internet was cut from 13 to 18 January 2021 across Uganda."
    doc = Doc(id="a.txt", path=Path("a.txt"), text=text, sha256="0" * 64, language="en", published=date(2021, 2, 1))
    assert [(m.field, m.value) for m in dates.extract(doc)] == [
        ("start_date", "2021-01-13"),
        ("end_date", "2021-01-18"),
    ]
