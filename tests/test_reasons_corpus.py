"""The official reason (`justification`) on tests/reasons_corpus: invented multi-article
incidents in fifteen languages that give, hide or second-guess a restriction's reason the way
real reporting does (reported speech, critics' and analysts' guesses, background paragraphs
about earlier shutdowns, the purpose of a law, a regulator's letter, "no reason was given",
a denial blaming maintenance). Each gold file states only `justification`."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import evaluate_corpus, find_incidents
from shutdown_records.extraction.pipeline import build_record

CORPUS = REPO_ROOT / "tests" / "reasons_corpus"
IDS = [i.id for i in find_incidents(CORPUS)]
# Still wrong, each for a reason the corpus README gives; strict, so a fix shows up here.
KNOWN_MISSES = {
    "cs-2025-incitar-es": "'incitar a la violencia' stays public_order beside the hate the sentence names",
    "gz-2025-hatred-en": "'incite violence' stays public_order beside the hate the sentence names",
    "sm-2025-hoaks-id": "'provokasi' gives public_order beside the hoaxes (debatable gold)",
}


@pytest.fixture(scope="module")
def results() -> dict:
    return {r.id: r for r in evaluate_corpus(CORPUS).incidents}


def test_the_corpus_covers_ten_languages_and_more(results: dict) -> None:
    languages = {lang for r in results.values() for lang in r.languages}
    assert len(languages) >= 10
    assert languages >= {"en", "fr", "es", "pt", "ru", "tr", "ar", "fa", "id", "hi", "ur", "sw"}


def test_the_corpus_score_holds(results: dict) -> None:
    scores = [r.scores.fields["justification"] for r in results.values()]
    assert sum(scores) / len(scores) >= 0.95


@pytest.mark.parametrize(
    "incident",
    [
        pytest.param(i, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[i])) if i in KNOWN_MISSES else i
        for i in IDS
    ],
)
def test_the_official_reason_is_read(results: dict, incident: str) -> None:
    r = results[incident]
    built = sorted(r.record.get("justification") or [])
    gold = sorted(r.gold["justification"])
    assert r.scores.fields["justification"] == 1.0, f"{incident}: built {built}, gold {gold}"


# --- the ideas the corpus exposed, each with a case where it must not fire -----------------


def _reasons(tmp_path: Path, language: str, published: str, body: str) -> list[str]:
    path = tmp_path / "01.txt"
    path.write_text(f"---\nlanguage: {language}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return sorted(build_record([path]).record.get("justification") or [])


@pytest.mark.parametrize(
    ("language", "body", "reason"),
    [
        (
            "en",
            "The interior ministry said the shutdown in Brask province was needed to protect national security. "
            "In June 2023 the education ministry suspended mobile data nationwide for four days "
            "to prevent cheating in the school exams.",
            "national_security",
        ),
        (
            "es",
            "El ministro del Interior dijo que el corte era necesario para preservar el orden público. "
            "En 2022, durante la campaña electoral, el gobierno suspendió una aplicación de mensajería "
            "alegando la circulación de noticias falsas.",
            "public_order",
        ),
        (
            "tr",
            "Bakanlık, erişim engelinin kamu düzenini korumak amacıyla uygulandığını açıkladı. "
            "2022'de yetkililer sınav dönemi boyunca kopya çekilmesini önlemek için interneti kesmişti.",
            "public_order",
        ),
        (
            "ar",
            "وقال وزير الاتصالات إن الخدمة قطعت لأسباب أمنية بعد هجوم على نقطة تفتيش. "
            "وكانت السلطات قد قطعت الإنترنت في عموم البلاد خلال الامتحانات عام 2022 بهدف منع الغش.",
            "national_security",
        ),
        (
            "hi",
            "ज़िलाधिकारी ने कहा कि अफवाहों को फैलने से रोकने के लिए मोबाइल इंटरनेट बंद किया गया है। "
            "गौरतलब है कि पिछले साल परीक्षाओं के दौरान भी नकल रोकने के लिए इंटरनेट बंद रखा गया था।",
            "misinformation",
        ),
    ],
)
def test_a_time_that_opens_a_sentence_makes_it_an_earlier_episode(
    tmp_path: Path, language: str, body: str, reason: str
) -> None:
    # the background sentence's reason is not this restriction's
    assert _reasons(tmp_path, language, "2025-05-06", body) == [reason]


def test_a_year_of_the_articles_own_at_the_head_is_the_story(tmp_path: Path) -> None:
    body = "In March 2025 the regulator suspended the messaging app Quillchat, citing national security."
    assert _reasons(tmp_path, "en", "2025-03-20", body) == ["national_security"]


def test_a_past_marker_deep_in_the_sentence_does_not_date_all_of_it(tmp_path: Path) -> None:
    body = (
        "The governor of Lirth province said on Monday that he had ordered the internet cut, "
        "as he had done before, to preserve public order."
    )
    assert _reasons(tmp_path, "en", "2025-03-20", body) == ["public_order"]


@pytest.mark.parametrize(
    ("language", "body", "reason"),
    [
        (
            "en",
            "The regulator blocked Streamly on Tuesday because it failed to comply with an order to remove "
            "unlawful videos. The government said at the time that the law was needed to fight fake news.",
            "non_compliance",
        ),
        (
            "tr",
            "Kurul, platformun temsilci atama yükümlülüğünü yerine getirmediği için erişim engeli getirdi. "
            "Hükümet, yasanın dezenformasyonla mücadele etmek amacıyla çıkarıldığını açıklamıştı.",
            "non_compliance",
        ),
    ],
)
def test_a_laws_purpose_in_its_own_sentence_is_not_the_blocks(
    tmp_path: Path, language: str, body: str, reason: str
) -> None:
    assert _reasons(tmp_path, language, "2025-02-06", body) == [reason]


def test_a_reason_in_a_sentence_naming_the_block_and_the_law_stays(tmp_path: Path) -> None:
    body = "The regulator blocked Streamly under the new law to protect national security, the minister said."
    assert _reasons(tmp_path, "en", "2025-02-06", body) == ["national_security"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "The board suspended Clipster, saying the app had incited ethnic hatred against the Oruba minority."),
        ("fr", "Le régulateur a suspendu Clipster, estimant que des vidéos incitaient à la haine entre communautés."),
    ],
)
def test_incitement_to_hatred_is_hate_speech(tmp_path: Path, language: str, body: str) -> None:
    assert _reasons(tmp_path, language, "2025-04-22", body) == ["hate_speech"]


def test_incitement_to_violence_stays_public_order(tmp_path: Path) -> None:
    body = "The ministry suspended Clipster, saying the app had been used to incite violence in Sandpoint."
    assert _reasons(tmp_path, "en", "2025-04-22", body) == ["public_order"]


def test_a_researchers_view_is_not_the_official_reason(tmp_path: Path) -> None:
    body = (
        "The regulator blocked Clipster on Monday, saying it had failed to remove terrorist content. "
        "A researcher at the group Open Lirth, Nia Bell, said the block was really about misinformation."
    )
    assert _reasons(tmp_path, "en", "2025-04-22", body) == ["non_compliance"]


def test_a_minister_speaking_of_rumours_is_official(tmp_path: Path) -> None:
    body = "The information minister said the block on Clipster was needed because of rumours spread on the app."
    assert _reasons(tmp_path, "en", "2025-04-22", body) == ["misinformation"]


@pytest.mark.parametrize(
    ("language", "body", "reason"),
    [
        ("ar", "وقال مسؤول في الوزارة إن خدمة الإنترنت قطعت في مدينة الزهراء لأسباب أمنية.", "national_security"),
        ("ur", "محکمہ داخلہ کے ترجمان نے بتایا کہ موبائل انٹرنیٹ سروس سیکیورٹی خدشات کے پیش نظر معطل کی گئی ہے۔", "national_security"),
        (
            "it",
            "L'Autorità ha oscurato la piattaforma Clipster, contestando alla società di non aver rimosso i "
            "contenuti segnalati.",
            "non_compliance",
        ),
    ],
)
def test_reasons_in_the_languages_own_forms(tmp_path: Path, language: str, body: str, reason: str) -> None:
    assert _reasons(tmp_path, language, "2025-07-05", body) == [reason]


# --- batch 2 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "body", "reason"),
    [
        (
            "tr",
            "Bakanlık, kesintinin sınavlarda kopya çekilmesinin önüne geçmek amacıyla yapıldığını söyledi. "
            "Yetkililer protestolar sırasında kamu düzenini korumak gerekçesiyle sosyal medyayı yavaşlatmıştı.",
            "exam_cheating",
        ),
        (
            "en",
            "The ministry said mobile data was cut to protect national security. The country's last shutdown "
            "came during the 2021 election, when the ministry cut data, saying it wanted to stop hate speech.",
            "national_security",
        ),
    ],
)
def test_a_pluperfect_or_a_last_shutdown_is_background(tmp_path: Path, language: str, body: str, reason: str) -> None:
    assert _reasons(tmp_path, language, "2025-06-13", body) == [reason]


def test_a_turkish_past_tense_of_this_block_keeps_its_reason(tmp_path: Path) -> None:
    body = "Kurul, platformu kamu düzenini korumak gerekçesiyle Pazartesi günü erişime kapattı."
    assert _reasons(tmp_path, "tr", "2025-06-13", body) == ["public_order"]


@pytest.mark.parametrize(
    ("language", "body", "reason"),
    [
        ("ar", "أعلنت الهيئة حجب تطبيق كليبستر بسبب عدم امتثال المنصة للقوانين المحلية.", "non_compliance"),
        ("sw", "Waziri alisema huduma za intaneti zimesitishwa kwa sababu za kiusalama.", "national_security"),
        (
            "en",
            "The state operator Orvatel attributed the outage to a fibre cut on its backbone, saying it was "
            "a purely technical incident.",
            "technical",
        ),
    ],
)
def test_batch_two_wordings(tmp_path: Path, language: str, body: str, reason: str) -> None:
    assert _reasons(tmp_path, language, "2025-02-25", body) == [reason]


def test_fraud_in_an_election_story_is_not_exam_cheating(tmp_path: Path) -> None:
    body = (
        "Les réseaux sociaux sont bloqués en Malvérie depuis lundi, au lendemain de l'élection présidentielle. "
        "La commission électorale a annoncé les résultats du scrutin pour jeudi. "
        "« Le pouvoir prépare une fraude massive », a affirmé le ministre de la Communication. "
        "En 2019, la Malvérie avait coupé l'internet mobile pendant les examens du baccalauréat."
    )
    assert "exam_cheating" not in _reasons(tmp_path, "fr", "2025-12-02", body)


def test_fraud_in_an_exam_story_stays_exam_cheating(tmp_path: Path) -> None:
    body = (
        "L'internet mobile sera coupé pendant les examens du baccalauréat afin d'éviter la fraude, a indiqué le "
        "ministère. Les épreuves commencent mardi."
    )
    assert _reasons(tmp_path, "fr", "2025-06-02", body) == ["exam_cheating"]


def test_stopping_rioters_is_public_order(tmp_path: Path) -> None:
    body = "The police chief said the suspension was intended to stop rioters from coordinating attacks on shops."
    assert _reasons(tmp_path, "en", "2025-04-29", body) == ["public_order"]


def test_rioters_named_without_the_purpose_give_no_reason(tmp_path: Path) -> None:
    body = "Mobile data was suspended in Halven on Monday. Rioters looted forty shops on Sunday night, police said."
    assert _reasons(tmp_path, "en", "2025-04-29", body) == ["none_given"]
