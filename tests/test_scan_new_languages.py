"""Scan's relevance filter reads the languages added as data (bn, de, uk, ha, am): each invented
conformance article, a report of a government-ordered restriction, is relevant; and scan cuts
sentences as the builder does at a German dotted day ("am 2. Juni")."""

from __future__ import annotations

import pytest
from language_conformance import SETS, fixture

from shutdown_records.scan.relevance import judge, sentence_ends

NEW = ("bn", "de", "uk", "ha", "am")


@pytest.mark.parametrize(("which", "code"), [(which, code) for which in SETS for code in NEW])
def test_every_conformance_article_is_relevant(which: int, code: str) -> None:
    for article in fixture(code, which)["articles"]:
        verdict = judge(article["text"])
        assert verdict.relevant, (code, which, verdict.why)


def test_a_dotted_day_does_not_end_a_sentence_in_scan() -> None:
    text = "Die Behörde hat Chatly am 2. Juni 2025 gesperrt. Es waren 12. Dann kam"
    assert sentence_ends(text) == [text.index("gesperrt.") + len("gesperrt."), text.index("12.") + 3]
