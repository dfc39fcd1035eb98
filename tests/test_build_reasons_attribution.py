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


def test_fraud_in_a_story_about_a_vote_is_electoral_and_in_a_story_about_exams_is_cheating(tmp_path):
    vote = _build(
        tmp_path,
        "fr",
        "Présidentielle au Montalbe : internet coupé\n\nLes électeurs du Montalbe ont voté dimanche dans le calme.\n\n"
        "Les autorités ont coupé internet dimanche soir pour éviter la fraude, a indiqué le porte-parole du gouvernement.",
    )
    assert vote["justification"] == ["other"]
    (tmp_path / "exams").mkdir()
    exams = _build(
        tmp_path / "exams",
        "fr",
        "Bac au Montalbe : internet coupé\n\nLes épreuves du baccalauréat ont commencé lundi.\n\n"
        "Les autorités ont coupé internet pour éviter la fraude, a indiqué le ministre.",
    )
    assert exams["justification"] == ["exam_cheating"]


def test_a_reason_the_move_appears_to_have_is_a_guess(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria blocks Chatterly\n\nChatterly was blocked in Veloria on Tuesday. The ban appears aimed at curbing "
        "misinformation ahead of the vote.",
    )
    assert record["justification"] == ["none_given"]


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


# The other languages with cues: an official reason and, where the language's critics are
# listed, the same reason in a critic's mouth.
MORE = [
    (
        "pt",
        "Valdória bloqueia Chatterly\n\nO governo de Valdória bloqueou na terça-feira o aplicativo Chatterly. Segundo o "
        "ministro da Justiça, a medida visa impedir a difusão de notícias falsas.",
        "Valdória bloqueia Chatterly\n\nO governo de Valdória bloqueou na terça-feira o aplicativo Chatterly. Para "
        "analistas, o bloqueio busca conter a desinformação.",
        "misinformation",
    ),
    (
        "it",
        "Velonia blocca Chatterly\n\nIl governo di Velonia ha bloccato martedì l'app Chatterly per motivi di sicurezza "
        "nazionale, ha dichiarato il ministro.",
        "Velonia blocca Chatterly\n\nIl governo di Velonia ha bloccato martedì l'app Chatterly. Secondo gli analisti, il "
        "blocco mira a tutelare la sicurezza nazionale.",
        "national_security",
    ),
    (
        "pl",
        "Welonia blokuje Chatterly\n\nRząd Welonii zablokował we wtorek aplikację Chatterly ze względu na bezpieczeństwo "
        "narodowe, poinformował minister.",
        "Welonia blokuje Chatterly\n\nRząd Welonii zablokował we wtorek aplikację Chatterly. Zdaniem ekspertów blokada "
        "ma na celu ochronę bezpieczeństwa narodowego.",
        "national_security",
    ),
    (
        "hi",
        "वेलोरिया में इंटरनेट बंद\n\nप्रशासन ने कहा कि अफवाहों को रोकने के लिए इंटरनेट बंद किया गया है।",
        "वेलोरिया में इंटरनेट बंद\n\nवेलोरिया में मंगलवार को इंटरनेट बंद कर दिया गया। विपक्ष का आरोप है कि अफवाहों के नाम पर "
        "इंटरनेट बंद किया गया।",
        "misinformation",
    ),
    (
        "sw",
        "Velora yazima mtandao\n\nSerikali ya Velora imezima mtandao wa intaneti Jumanne kwa sababu za usalama wa taifa, "
        "msemaji wa serikali alisema.",
        "Velora yazima mtandao\n\nSerikali ya Velora imezima mtandao wa intaneti Jumanne. Wanaharakati wanaamini hatua "
        "hiyo inalenga kulinda usalama wa taifa.",
        "national_security",
    ),
]


@pytest.mark.parametrize(("lang", "official", "critic", "reason"), MORE, ids=[c[0] for c in MORE])
def test_official_and_critics_reasons_in_more_languages(tmp_path, lang, official, critic, reason):
    assert reason in _build(tmp_path, lang, official)["justification"]
    (tmp_path / "c").mkdir()
    assert reason not in _build(tmp_path / "c", lang, critic)["justification"]


@pytest.mark.parametrize(
    ("lang", "body", "reason"),
    [
        ("ne", "भेलोरियामा टिकटक बन्द\n\nसरकारले सामाजिक सद्भाव बिगारेको भन्दै टिकटकमा प्रतिबन्ध लगाएको छ।", "public_order"),
        (
            "sq",
            "Velora mbyll TikTok\n\nQeveria e Velorës mbylli TikTok për një vit, me arsyetimin se platforma nxit dhunën "
            "tek të rinjtë, tha kryeministri.",
            "public_order",
        ),
    ],
)
def test_nepali_and_albanian_official_reasons_are_read(tmp_path, lang, body, reason):
    assert _build(tmp_path, lang, body)["justification"] == [reason]


def test_content_listed_after_failing_to_remove_it_is_the_object_not_a_reason(tmp_path):
    record = _build(
        tmp_path,
        "en",
        "Veloria slows Chatterly\n\nThe Veloria media regulator said on Monday it had slowed down Chatterly. The regulator "
        "accused Chatterly of failing to remove posts that encourage teenagers to harm themselves; pornography; and "
        "adverts for drugs.",
    )
    assert record["justification"] == ["non_compliance"]
