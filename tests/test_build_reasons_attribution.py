"""Whose reason is it? justification and context on articles written for these tests.

Invented places, people and services, in seven languages. Each article exercises a pattern of
its language, not a sentence of one story:

* the official reason in reported speech or a purpose construction ("the minister said the
  measure aimed to", "selon le ministre ... vise à", "alegando", "по соображениям
  безопасности", "بحجة", "gerekçesiyle", "dengan alasan") is the justification;
* a reason critics, analysts, activists or the opposition read into the restriction ("critics
  say", "según analistas", "эксперты полагают", "ويرى ناشطون", "muhalefet iddia etti", "para
  pengamat menduga") is not, and acknowledges nothing; a critic who reports the authorities'
  own pretext ("under the pretext of") still gives the official reason;
* a reason an official denies, or one of an earlier block in another country, is not this
  restriction's;
* with no stated reason the record says `none_given`; a context in the headline frames the story.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record


def _build(tmp_path: Path, lang: str, body: str) -> dict:
    p = tmp_path / "01.txt"
    p.write_text(
        f"---\nurl: https://example.org/1\npublished: 2024-03-22\nlanguage: {lang}\n---\n{body}\n", encoding="utf-8"
    )
    result = build_record([p])
    failed = [x for x in result.problems if "extractor" in x]
    assert not failed, failed
    record = result.record
    text = p.read_text(encoding="utf-8")
    for cites in (record.get("evidence") or {}).values():  # every value still cites verbatim text
        for cite in cites if isinstance(cites, list) else [cites]:
            assert cite["quote"] in text, cite["quote"]
    return record


OFFICIAL = [
    (
        "en",
        "Veloria blocks Chatterly\n\nAuthorities in Veloria blocked the messaging app Chatterly on Tuesday. Interior "
        "Minister Tavo Renk said the measure aimed to stop the spread of false information.",
        "misinformation",
    ),
    (
        "fr",
        "Le Montalbe suspend Chatterly\n\nLe gouvernement du Montalbe a suspendu mardi la messagerie Chatterly. Selon le "
        "ministre de l'Intérieur, Paul Garnet, cette mesure vise à éviter la propagation de fausses informations.",
        "misinformation",
    ),
    (
        "es",
        "Valdoria bloquea Chatterly\n\nEl gobierno de Valdoria bloqueó el martes la aplicación Chatterly, alegando razones "
        "de seguridad nacional.",
        "national_security",
    ),
    (
        "ru",
        "В Карвистане заблокировали Chatterly\n\nВласти Карвистана во вторник заблокировали мессенджер Chatterly по "
        "соображениям безопасности, сообщили в министерстве связи.",
        "national_security",
    ),
    (
        "ar",
        "حجب تطبيق شاترلي في زهرانية\n\nحجبت السلطات في زهرانية تطبيق شاترلي يوم الثلاثاء بحجة الحفاظ على الأمن القومي، "
        "وفق بيان لوزارة الاتصالات.",
        "national_security",
    ),
    (
        "tr",
        "Velorya'da Chatterly'ye erişim engeli\n\nVelorya hükümeti salı günü Chatterly uygulamasına erişimi milli güvenlik "
        "gerekçesiyle engelledi.",
        "national_security",
    ),
    (
        "id",
        "Velora blokir Chatterly\n\nPemerintah Velora memblokir aplikasi Chatterly pada hari Selasa dengan alasan keamanan "
        "nasional, kata juru bicara kementerian.",
        "national_security",
    ),
]


@pytest.mark.parametrize(("lang", "body", "reason"), OFFICIAL, ids=[c[0] for c in OFFICIAL])
def test_the_official_reason_in_reported_speech_is_the_justification(tmp_path, lang, body, reason):
    assert _build(tmp_path, lang, body)["justification"] == [reason]


CRITICS = [
    (
        "en",
        "Veloria blocks Chatterly\n\nAuthorities in Veloria blocked the messaging app Chatterly on Tuesday. Analysts "
        "believe the government wants to curb misinformation before the vote, but officials have not commented.",
        "misinformation",
    ),
    (
        "en",
        "Veloria blocks Chatterly\n\nThe regulator of Veloria blocked the messaging app Chatterly on Tuesday. The block "
        "was meant to stop fake news from spreading before the vote, rights groups said.",
        "misinformation",
    ),
    (
        "fr",
        "Coupure de Chatterly au Montalbe\n\nLes autorités du Montalbe ont bloqué la messagerie Chatterly mardi. Selon "
        "les analystes, ce blocage vise à lutter contre la désinformation avant le scrutin.",
        "misinformation",
    ),
    (
        "es",
        "Valdoria bloquea Chatterly\n\nEl gobierno de Valdoria bloqueó el martes la aplicación Chatterly. Según analistas, "
        "el bloqueo busca frenar la desinformación, aunque las autoridades no ofrecieron ninguna explicación.",
        "misinformation",
    ),
    (
        "ru",
        "В Карвистане заблокировали Chatterly\n\nВласти Карвистана во вторник заблокировали мессенджер Chatterly. Эксперты "
        "полагают, что блокировка направлена на борьбу с дезинформацией.",
        "misinformation",
    ),
    (
        "ar",
        "حجب تطبيق شاترلي في زهرانية\n\nحجبت السلطات في زهرانية تطبيق شاترلي يوم الثلاثاء. ويرى ناشطون أن الحجب يهدف إلى "
        "منع نشر الأخبار الكاذبة.",
        "misinformation",
    ),
    (
        "tr",
        "Velorya'da Chatterly'ye erişim engeli\n\nVelorya hükümeti salı günü Chatterly uygulamasına erişimi engelledi. "
        "Muhalefet, engelin dezenformasyonu önlemek amacıyla getirildiğini iddia etti.",
        "misinformation",
    ),
    (
        "id",
        "Velora blokir Chatterly\n\nPemerintah Velora memblokir aplikasi Chatterly pada hari Selasa. Para pengamat menduga "
        "pemblokiran itu untuk menangkal hoaks menjelang pemilu.",
        "misinformation",
    ),
]


@pytest.mark.parametrize(("lang", "body", "guess"), CRITICS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CRITICS)])
def test_a_reason_critics_or_analysts_give_is_not_the_official_one(tmp_path, lang, body, guess):
    record = _build(tmp_path, lang, body)
    assert guess not in record["justification"]
    assert record["justification"] == ["none_given"]
    assert record.get("acknowledged") is not True  # a critic's reading acknowledges nothing


def test_a_critic_reporting_the_authorities_pretext_gives_the_official_reason(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria blocks Chatterly\n\nThe regulator of Veloria blocked the messaging app Chatterly on Tuesday. Rights groups "
        "said the government had blocked the app under the pretext of national security.",
    )
    assert record["justification"] == ["national_security"]


def test_a_hedged_guess_is_not_a_stated_reason(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria blocks Chatterly\n\nChatterly was blocked in Veloria on Tuesday. The block was likely aimed at curbing "
        "misinformation ahead of the vote.",
    )
    assert "misinformation" not in record["justification"]


def test_a_denied_reason_is_not_the_justification(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria cuts the internet\n\nMobile internet was cut across Veloria on Monday on the order of the Ministry of "
        "Communications. Minister Tavo Renk denied that the shutdown was meant to curb protests, saying it was needed "
        "to protect national security.",
    )
    assert "national_security" in record["justification"]
    assert "public_order" not in record["justification"]


def test_the_reason_of_another_countrys_earlier_block_is_not_this_ones(tmp_path):
    # Real country names (the rule reads which country a sentence is about); invented app and people.
    record = _build(
        tmp_path,
        "en",
        "Niger blocks Chatterly\n\nThe government of Niger blocked the messaging app Chatterly on Tuesday, Minister Tavo "
        "Renk said, citing national security. Neighbouring Chad blocked the same app last year to prevent cheating "
        "during exams.",
    )
    assert record["justification"] == ["national_security"]
    assert "exams" not in (record.get("context") or [])


def test_electoral_fraud_is_not_exam_cheating(tmp_path):
    record = _build(
        tmp_path,
        "fr",
        "Coupure d'internet au Montalbe\n\nLes autorités du Montalbe ont coupé internet pendant le scrutin présidentiel "
        "de dimanche, pour éviter la fraude, a indiqué le porte-parole du gouvernement.",
    )
    assert record["justification"] == ["other"]
    assert "elections" in record["context"]


def test_no_stated_reason_gives_none_given_with_a_note(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria blocks Chatterly\n\nThe messaging app Chatterly was blocked in Veloria on Tuesday, according to the "
        "monitoring group NetCheck. Users turned to VPNs.",
    )
    assert record["justification"] == ["none_given"]
    cited = record["evidence"]["justification"]
    assert cited and all("by default" in c["note"] for c in cited)


def test_a_context_in_the_headline_frames_the_story(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria election: opposition rejects results as counting drags on\n\nThe opposition in Veloria rejected the "
        "provisional results of Sunday's presidential election. Its candidate Mira Osk called her supporters to the "
        "streets.\n\nOn Tuesday, mobile internet was cut across the country. The Ministry of Communications did not "
        "respond to requests for comment.",
    )
    assert record["context"] == ["elections"]
    assert record["justification"] == ["none_given"]


def test_a_context_mentioned_once_in_passing_does_not_frame_it(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria blocks Chatterly\n\nChatterly was blocked in Veloria on Tuesday, the regulator said, citing national "
        "security.\n\nThe app is popular with students.\n\nElsewhere, the opposition is preparing for next year's "
        "election.",
    )
    assert "elections" not in (record.get("context") or [])
