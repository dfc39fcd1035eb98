"""A line break after a short line without final punctuation (a headline, a dateline, a
subheading) ends a sentence, in every script, so a headline's words are not quoted with the
lead's facts; a sentence a publisher wrapped (continuing in lower case) stays whole
(issue 7). Quotes stay verbatim. Invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction import sentences
from shutdown_records.extraction.types import Doc


def _doc(text: str, language: str) -> Doc:
    return Doc(id="t1", path=Path("t1.txt"), text=text, sha256="0" * 64, language=language)


def _quote_of(doc: Doc, word: str) -> str:
    at = doc.text.index(word)
    lo, hi = sentences.quote(doc, at, at + len(word))
    return doc.text[lo:hi]


HEADLINES = [
    ("en", "Government blocks Chatly\nThe ministry said on 3 March 2025 that mobile data would return.", "ministry"),
    ("en", "Velgrad, 3 March\nThe regulator cut mobile internet across Veloria.", "regulator"),
    ("fr", "Le gouvernement bloque Chatly\nLe ministère a coupé l'internet mobile le 3 mars 2025.", "ministère"),
    (
        "ru",
        "Власти заблокировали Чатли\nМинистерство связи отключило мобильный интернет 3 марта 2025 года.",
        "Министерство",
    ),
    ("ar", "الحكومة تحجب تشاتلي\nقطعت وزارة الاتصالات الإنترنت في فيلوريا يوم 3 مارس 2025.", "وزارة"),
    ("hi", "सरकार ने चैटली पर रोक लगाई\nमंत्रालय ने 3 मार्च 2025 को वेलोरिया में मोबाइल इंटरनेट बंद कर दिया।", "मंत्रालय"),
    ("tr", "Hükümet Chatly'yi engelledi\nBakanlık 3 Mart 2025'te Veloria'da mobil interneti kesti.", "Bakanlık"),
]


@pytest.mark.parametrize(("lang", "text", "word"), HEADLINES, ids=[f"{c[0]}{i}" for i, c in enumerate(HEADLINES)])
def test_headline_is_not_quoted_with_the_lead(lang, text, word):
    doc = _doc(text, lang)
    quote = _quote_of(doc, word)
    first, rest = text.split("\n", 1)
    assert quote == rest.strip() and first not in quote
    assert _quote_of(doc, first.split()[0]) == first  # the headline is its own sentence, verbatim


WRAPPED = [
    (
        "en",
        "The ministry of Veloria blocked the messaging service Chatly across\nthe whole country on Monday.",
        "Monday",
    ),
    ("fr", "Le ministère de Velorie a bloqué la messagerie Chatly dans tout\nle pays lundi.", "lundi"),
    ("ru", "Министерство связи Велории заблокировало мессенджер Чатли\nпо всей стране в понедельник.", "понедельник"),
    ("en", "Officials in Veloria said the block would last until the vote,\nAuthorities gave no date.", "Authorities"),
]


@pytest.mark.parametrize(("lang", "text", "word"), WRAPPED, ids=[f"{c[0]}{i}" for i, c in enumerate(WRAPPED)])
def test_wrapped_sentence_stays_whole(lang, text, word):
    assert _quote_of(_doc(text, lang), word) == text


def test_long_unpunctuated_line_is_not_taken_for_a_headline():
    body = "The regulator of Veloria " + "and its partners " * 10 + "blocked Chatly"
    text = body + "\nOn Monday the ministry confirmed it."
    assert len(body) > 160
    assert _quote_of(_doc(text, "en"), "ministry") == text
