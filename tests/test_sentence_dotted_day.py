"""A day written with a full stop ("am 2. Juni 2025", German and any language whose dates.yaml
lists "." among its ordinal suffixes) does not end a sentence; a number closing a sentence
before any other word still does."""

from __future__ import annotations

from shutdown_records.extraction.types import sentence_span


def _sentence(text: str, word: str) -> str:
    s, e = sentence_span(text, text.index(word), text.index(word) + len(word))
    return text[s:e]


def test_a_dotted_day_before_a_month_name_keeps_the_sentence_whole():
    text = "Die Behörde hat den Dienst Chatly am 2. Juni 2025 gesperrt. Nutzer wichen aus."
    assert _sentence(text, "Chatly") == "Die Behörde hat den Dienst Chatly am 2. Juni 2025 gesperrt."
    text = "Seit dem 15. März ist das Netz in Tarvos abgeschaltet."
    assert _sentence(text, "Tarvos") == text


def test_a_number_ending_a_sentence_still_ends_it():
    text = "Die Zahl der Festnahmen stieg auf 12. Dann sperrte die Regierung Chatly."
    assert _sentence(text, "Chatly") == "Dann sperrte die Regierung Chatly."
    # an abbreviated month ("Jan.") is also a first name: only full month names count
    text = "Das Ergebnis war 3. Jan Novak sagte, Chatly sei gesperrt."
    assert _sentence(text, "Chatly") == "Jan Novak sagte, Chatly sei gesperrt."
