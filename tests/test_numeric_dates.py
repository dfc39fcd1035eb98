"""Dates written in digits ("5/5/2025", "05.05.2025", "۱۴۰۳/۰۸/۱۵"): read by each language's
`numeric_dates` setting, with the role (start, end) the same words give a written date, and
never read from version numbers, phone numbers, scores, times or decimals. Invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from shutdown_records.extraction.extractors import dates
from shutdown_records.extraction.loader import load_sources


def _read(tmp_path: Path, language: str, published: str, body: str) -> list[tuple[str, str, str]]:
    path = tmp_path / f"{language}.txt"
    path.write_text(f"---\npublished: {published}\nlanguage: {language}\n---\n{body}\n", encoding="utf-8")
    doc = load_sources([path]).docs[0]
    return [(m.field, m.value, doc.text[m.extra["match"][0] : m.extra["match"][1]]) for m in dates.extract(doc)]


@pytest.mark.parametrize(
    ("language", "published", "body", "start", "end"),
    [
        (
            "en",
            "2025-05-20",
            "Authorities in Veloria blocked mobile internet on 14/5/2025. Access was restored on 16/5/2025.",
            "2025-05-14",
            "2025-05-16",
        ),
        (
            "fr",
            "2025-05-20",
            "L'accès à internet a été coupé à Veloria le 05.05.2025 et rétabli le 08/05/2025.",
            "2025-05-05",
            "2025-05-08",
        ),
        (
            "es",
            "2025-05-20",
            "El gobierno de Veloria bloqueó el acceso a internet desde el 5/5/2025 hasta el 9/5/2025.",
            "2025-05-05",
            "2025-05-09",
        ),
        (
            "ru",
            "2025-03-20",
            "Власти Велории ограничили доступ к мессенджеру 12.03.2025, доступ восстановлен 16.03.2025.",
            "2025-03-12",
            "2025-03-16",
        ),
        (
            "tr",
            "2025-05-20",
            "Veloria'da erişim engeli 05.05.2025 tarihinde getirildi. Engel 09.05.2025'te kaldırıldı.",
            "2025-05-05",
            "2025-05-09",
        ),
        (
            "ar",
            "2025-05-20",
            "قطعت سلطات فيلوريا الإنترنت في ٥/٥/٢٠٢٥ وأعيدت الخدمة في ٩/٥/٢٠٢٥.",
            "2025-05-05",
            "2025-05-09",
        ),
        (
            "fa",
            "2024-11-10",
            "دسترسی به اینترنت در ولوریا از ۱۴۰۳/۰۸/۱۵ قطع شد و در ۱۴۰۳/۰۸/۱۸ وصل شد.",
            "2024-11-05",
            "2024-11-08",
        ),
        (
            "id",
            "2025-05-20",
            "Pemerintah Veloria memblokir akses internet sejak 5/5/2025.",
            "2025-05-05",
            None,
        ),
        ("ne", "2024-08-05", "सरकारले २०८१/०४/१५ देखि भेलोरियामा इन्टरनेट बन्द गर्‍यो।", "2024-07-30", None),
    ],
)
def test_numeric_dates_take_their_role_from_the_words_around_them(tmp_path, language, published, body, start, end):
    found = _read(tmp_path, language, published, body)
    assert ("start_date", start) in [(f, v) for f, v, _ in found], found
    if end is not None:
        assert ("end_date", end) in [(f, v) for f, v, _ in found], found


def test_iso_and_unpadded_year_first_dates_are_read(tmp_path):
    found = _read(
        tmp_path, "en", "2025-05-20", "Veloria blocked the platform on 2025-05-05; access returned on 2025/5/9."
    )
    assert [v for _, v, _ in found] == ["2025-05-05", "2025-05-09"]


def test_a_day_month_swap_only_when_the_language_order_is_impossible(tmp_path):
    # English data says day first; 5/14 cannot be day 5 of month 14, so it is May 14.
    found = _read(tmp_path, "en", "2025-05-20", "Minister Tavo Renk ordered the block on 5/14/2025.")
    assert [v for _, v, _ in found] == ["2025-05-14"]
    # Spanish: day first, no guessing: 3/4/2025 is 3 April even in an article of March.
    found = _read(tmp_path, "es", "2025-04-20", "El bloqueo de internet empezó el 3/4/2025 en Veloria.")
    assert [v for _, v, _ in found] == ["2025-04-03"]


def test_an_ambiguous_english_date_is_read_only_near_the_article_date(tmp_path):
    body = "The regulator in Veloria cut access to the app on 3/4/2025."
    assert [v for _, v, _ in _read(tmp_path, "en", "2025-03-06", body)] == ["2025-03-04"]
    assert [v for _, v, _ in _read(tmp_path, "en", "2025-04-05", body)] == ["2025-04-03"]
    assert _read(tmp_path, "en", "2025-06-20", body) == []  # neither reading is near: not read


def test_year_less_dotted_dates_in_russian_and_not_a_time(tmp_path):
    found = _read(
        tmp_path,
        "ru",
        "2025-03-20",
        "Роскомнадзор ограничил доступ к мессенджеру с 12.03. по 15.03. включительно. Совещание в 10.05. закончилось.",
    )
    assert [(f, v) for f, v, _ in found] == [("start_date", "2025-03-12"), ("end_date", "2025-03-15")]


def test_turkish_time_after_saat_is_not_a_date(tmp_path):
    found = _read(tmp_path, "tr", "2025-05-20", "Erişim engeli saat 10.05. itibarıyla Veloria'da uygulandı.")
    assert found == []


@pytest.mark.parametrize(
    "body",
    [
        "Veloria's app version 1.2.2025 was blocked after the update 3.14.15.",
        "Call the regulator on 0300-1234567 or +90 212 555 12 12.",
        "The final score was 2-1 and the meeting began at 12.30 when 5.5 percent were offline.",
        "The figures 31/13/2025 and 12/31/1850 are not dates anyone meant.",
        "A plan for 5/5/2031 was discussed.",
    ],
)
def test_numbers_that_are_not_dates_are_not_read(tmp_path, body):
    assert _read(tmp_path, "en", "2025-05-20", body) == []


def test_polish_year_less_date_after_a_time_word_or_at_a_sentence_end_is_not_read(tmp_path):
    # Polish year-less dates need a lower-case word after them: a sentence end is not read.
    found = _read(tmp_path, "pl", "2025-03-20", "Dostęp zablokowano o 12.03. Potem wszystko wróciło.")
    assert found == []


def test_a_year_less_range_end_may_close_the_sentence(tmp_path):
    found = _read(
        tmp_path,
        "ru",
        "2025-03-20",
        "Власти Велории ограничили доступ к мессенджеру с 12.03. по 15.03. Затем совещание прошло 10.05. Вот.",
    )
    assert [(f, v) for f, v, _ in found] == [("start_date", "2025-03-12"), ("end_date", "2025-03-15")]


def test_a_misspelt_numeric_dates_setting_is_an_error_not_a_silent_default(tmp_path):
    from shutdown_records.extraction import langschema

    text = "numeric_dates:\n  order: dmy\n  ambigous: nearest\n"
    path = tmp_path / "dates.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(langschema.LanguageDataError) as caught:
        langschema.validate("dates", yaml.safe_load(text), path, text)
    assert caught.value.place.endswith("dates.yaml:3") and "did you mean 'ambiguous'" in caught.value.message
    text = "numeric_dates: {order: ymd}\n"  # year-first dates are always y/m/d: not an order to choose
    with pytest.raises(langschema.LanguageDataError):
        langschema.validate("dates", yaml.safe_load(text), path, text)
