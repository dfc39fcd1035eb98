"""Sentence structures the language folders share, each shown in two languages and with a case
where it must not apply: an event named near a date in a verb-final sentence, a step's verb
between an event and its date, a platform's refusal to comply (not an official denial), and
"confirmed the decision" after the sentence that names the block. Every article is invented:
Veloria, Karsh and the people do not exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record


def _build(tmp_path: Path, language: str, body: str, published: str = "2025-03-20") -> dict:
    path = tmp_path / "01.txt"
    path.write_text(f"---\nlanguage: {language}\npublished: {published}\n---\n{body.strip()}\n", encoding="utf-8")
    return build_record([path]).record


@pytest.mark.parametrize(
    "language, body, start, end",
    [
        (
            "ur",
            "حکومت نے امتحانات میں نقل روکنے کے لیے ۴ مارچ ۲۰۲۵ کو کارش میں موبائل انٹرنیٹ معطل کر دیا۔\n"
            "آخری پرچے کے بعد ۸ مارچ ۲۰۲۵ کو موبائل انٹرنیٹ بحال کر دیا گیا۔",
            "2025-03-04",
            "2025-03-08",
        ),
        (
            "hi",
            "सरकार ने परीक्षा में नकल रोकने के लिए 4 मार्च 2025 को कार्श में मोबाइल इंटरनेट बंद कर दिया।\n"
            "8 मार्च 2025 को आखिरी परीक्षा के बाद मोबाइल इंटरनेट बहाल कर दिया गया।",
            "2025-03-04",
            "2025-03-08",
        ),
        (
            "tr",
            "Hükümet, sınavlarda kopyayı önlemek için 4 Mart 2025'te Karsh'ta mobil interneti kesti.\n"
            "Mobil internet, son sınavın ardından 8 Mart 2025'te yeniden açıldı.",
            "2025-03-04",
            "2025-03-08",
        ),
    ],
)
def test_a_verb_final_restriction_verb_governs_the_date_an_exam_frames(
    tmp_path: Path, language: str, body: str, start: str, end: str
) -> None:
    record = _build(tmp_path, language, body)
    assert (record["start_date"], record["end_date"]) == (start, end)


def test_an_exam_date_with_no_restriction_verb_after_it_stays_the_exams(tmp_path: Path) -> None:
    body = "امتحانات ۱۰ مارچ ۲۰۲۵ کو شروع ہوں گے۔\nحکومت نے ۱۲ مارچ ۲۰۲۵ کو کارش میں موبائل انٹرنیٹ معطل کر دیا۔"
    assert _build(tmp_path, "ur", body)["start_date"] == "2025-03-12"


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "pt",
            "O juiz Tavo Renk, do Supremo Tribunal Federal, determinou em 3 de março de 2025 a suspensão "
            "do Discord no Brasil. O acesso foi restabelecido em 17 de março de 2025.",
        ),
        (
            "en",
            "The Supreme Court of Veloria, sitting in Karsh, ordered on 3 March 2025 the suspension of "
            "Discord in Kenya. Access was restored on 17 March 2025.",
        ),
    ],
)
def test_a_step_verb_between_a_court_and_the_date_governs_it(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, language, body)
    assert (record["start_date"], record["end_date"]) == ("2025-03-03", "2025-03-17")


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "ru",
            "Роскомнадзор 3 марта 2025 года ограничил доступ к мессенджеру Viber в России.\n"
            "В ведомстве заявили, что мессенджер не выполнил требования закона.",
        ),
        (
            "ur",
            "پاکستان ٹیلی کمیونیکیشن اتھارٹی نے ۳ مارچ ۲۰۲۵ کو ٹک ٹاک تک رسائی بلاک کر دی۔\n"
            "اتھارٹی کے ترجمان نے تصدیق کی کہ کمپنی نے ہدایات پر عمل نہیں کیا۔",
        ),
    ],
)
def test_a_platform_refusing_an_order_is_no_official_denial(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, language, body)
    assert record["acknowledged"] is True
    assert "non_compliance" in record["justification"]


def test_an_official_saying_no_block_was_ordered_still_denies(tmp_path: Path) -> None:
    body = (
        "Доступ к Telegram в России 3 марта 2025 года был нарушен.\n"
        "В министерстве заявили, что никаких блокировок не вводилось."
    )
    assert _build(tmp_path, "ru", body)["acknowledged"] is False


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "fa",
            "شورای عالی امنیت ملی روز ۱۳ اسفند ۱۴۰۳ دستور فیلتر واتس‌اپ در ایران را صادر کرد.\n"
            "سخنگوی دولت این تصمیم را تأیید کرد.",
        ),
        (
            "sq",
            "AKEP bllokoi aksesin në TikTok në Shqipëri më 3 mars 2025.\nKryeministri konfirmoi vendimin.",
        ),
    ],
)
def test_confirming_the_decision_after_the_block_acknowledges_it(tmp_path: Path, language: str, body: str) -> None:
    assert _build(tmp_path, language, body)["acknowledged"] is True


def test_announcing_something_else_after_the_block_acknowledges_nothing(tmp_path: Path) -> None:
    body = (
        "Le restrizioni hanno colpito Facebook e TikTok in Etiopia il 3 marzo 2025.\n"
        "Il consiglio di Karsh ha sfidato il divieto delle autorità e ha annunciato che avrebbe proseguito le proteste."
    )
    assert _build(tmp_path, "it", body).get("acknowledged") is not True
