"""Every language folder is held to its invented articles (`tests/fixtures/languages/<code>.yaml`):
each field an article states is read right, unless the file lists it under `known_gaps`.

So a change that stops a language reading a field fails here, and the gaps users must know
about are written down per language (`bench/bench_languages.py` prints the table)."""

from __future__ import annotations

import pytest
from language_conformance import FIELDS, SETS, check, fixture, languages

from shutdown_records.extraction.langdata import supported_languages


def test_every_language_folder_has_invented_articles():
    assert set(languages()) == set(supported_languages())


def test_the_second_set_covers_only_language_folders():
    assert set(languages(2)) <= set(supported_languages())


def test_the_third_set_covers_only_language_folders():
    assert set(languages(3)) <= set(supported_languages())


@pytest.mark.parametrize(("which", "code"), [(which, code) for which in SETS for code in languages(which)])
def test_each_stated_field_is_read_unless_listed_as_a_gap(which, code):
    data = fixture(code, which)
    gaps = set(data.get("known_gaps") or [])
    assert gaps <= set(FIELDS), gaps - set(FIELDS)
    results = check(code, which)
    failing = sorted(f for f, ok in results.items() if not ok and f not in gaps)
    assert not failing, f"{code} (set {which}): fields no longer read from the invented articles: {failing}"
