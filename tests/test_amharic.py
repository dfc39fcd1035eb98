"""Amharic (am): what the language needs beyond cue data. The Ethiopian calendar (13 months,
the year counted from the Incarnation era, "ዓ.ም."), converted to Gregorian days; and the
sentence ends "።" / "፧" and the abbreviation "ዓ.ም." that the builder's and scan's sentence
splitters read from meta.yaml. Invented sentences and places."""

from __future__ import annotations

from datetime import date

import pytest

from shutdown_records.extraction.extractors.dates import _calendar_year, _to_gregorian
from shutdown_records.extraction.types import sentence_marks, separators
from shutdown_records.scan.relevance import sentence_ends


@pytest.mark.parametrize(
    ("ethiopian", "gregorian"),
    [
        # Meskerem 1 (new year) is September 11, or September 12 before a Gregorian leap year.
        ((2017, 1, 1), date(2024, 9, 11)),
        ((2016, 1, 1), date(2023, 9, 12)),
        ((2012, 1, 1), date(2019, 9, 12)),
        ((2018, 1, 1), date(2025, 9, 11)),
        # Pagume has 6 days in the year before a Gregorian leap year (2015 E.C.), 5 otherwise.
        ((2015, 13, 6), date(2023, 9, 11)),
        ((2016, 13, 5), date(2024, 9, 10)),
        # Genna (Christmas), Tahsas 29, is January 7 (Tahsas 28 after a Pagume 6).
        ((2017, 4, 29), date(2025, 1, 7)),
        ((2016, 4, 28), date(2024, 1, 7)),
        # Ethiopian Easter 2017 (Miyazya 12) fell on April 20, 2025.
        ((2017, 8, 12), date(2025, 4, 20)),
    ],
)
def test_ethiopian_dates_convert_to_the_known_gregorian_days(ethiopian, gregorian):
    assert _to_gregorian("ethiopian", *ethiopian) == gregorian


@pytest.mark.parametrize("impossible", [(2016, 13, 6), (2017, 14, 1), (2017, 3, 31), (2017, 0, 5)])
def test_a_day_the_ethiopian_calendar_lacks_is_none(impossible):
    assert _to_gregorian("ethiopian", *impossible) is None


def test_a_year_less_ethiopian_date_takes_the_year_before_the_article():
    # "ሰኔ 2" in an article of June 2025 is Sene 2017; "መስከረም 5" in October 2025 is 2018.
    assert _calendar_year("ethiopian", 10, 2, date(2025, 6, 16)) == 2017
    assert _calendar_year("ethiopian", 1, 5, date(2025, 10, 1)) == 2018


def test_the_ethiopic_full_stop_ends_a_sentence_and_the_era_does_not():
    text = "መንግሥቱ ሰኔ 2 ቀን 2017 ዓ.ም. አገልግሎቱን አቋርጧል። ሚኒስትሩ አረጋግጠዋል፧ አዎ።"
    ends = [m.start() for m in separators(text, 0, len(text))]
    assert [text[e - 1] for e in ends] == ["።", "፧"]
    assert "።" in sentence_marks() and "፧" in sentence_marks()


def test_scan_cuts_amharic_sentences_as_the_builder_does():
    text = "መንግሥቱ ሰኔ 2 ቀን 2017 ዓ.ም. አገልግሎቱን አቋርጧል። ሚኒስትሩ፣ በጨቦራ፣ አረጋግጠዋል።"
    assert [text[e - 1] for e in sentence_ends(text)] == ["።", "።"]
