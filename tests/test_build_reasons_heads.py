"""Which act a reason belongs to: justification on articles written for these tests.

Invented places, people and services. An article names several acts, each with its own
purpose; only the restriction's is the official reason (extraction/extractors/reasons.py, _Heads):

* a law being passed ("after parliament adopted a law to fight terrorism") has its purpose;
* the demands the platform ignored have their content ("ignored demands to remove posts
  spreading disinformation"): the reason is the non-compliance, not the disinformation;
* a reason in a sentence followed by one about lifting the block is the lifting's reason;
* "citing", "au nom de", "en nombre de" tie the reason to the act they explain;
* causal connectors ("after the company ignored", "por incumplimiento") attribute the reason;
* a reason that no source states as the restriction's (every mention weak) is not kept,
  however many sources mention it.

Each idea is shown in several languages, with a negative case where the same words do give
the restriction's reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record


def _write(tmp_path: Path, name: str, lang: str, body: str) -> Path:
    p = tmp_path / name
    p.write_text(
        f"---\nurl: https://example.org/{name}\npublished: 2024-03-22\nlanguage: {lang}\n---\n{body}\n",
        encoding="utf-8",
    )
    return p


def _reasons(tmp_path: Path, lang: str, *bodies: str) -> list[str]:
    paths = [_write(tmp_path, f"{i:02d}.txt", lang, body) for i, body in enumerate(bodies, 1)]
    result = build_record(paths)
    record = result.record
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    for cite in (record.get("evidence") or {}).get("justification") or []:
        assert any(cite["quote"] in t for t in texts.values()), cite["quote"]
    return sorted(record.get("justification") or [])


LAW_PURPOSE = [
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria blocked the messaging app Chatterly on Monday. The country began blocking "
        "websites in 2015, after parliament adopted a law in an effort to curb terrorist propaganda. The ministry did not "
        "respond to requests for comment.",
        ["none_given"],
    ),
    (
        "fr",
        "Le Montalbe bloque Chatterly\n\nLe Montalbe a bloqué Chatterly mardi. En 2020, le parlement avait adopté une loi "
        "destinée à lutter contre le terrorisme. Le ministère n'a donné aucune explication.",
        ["none_given"],
    ),
    (
        "es",
        "Valdoria corta internet\n\nEl gobierno de Valdoria cortó internet el martes para mantener el orden público. La "
        "ley aprobada en 2020 para combatir el terrorismo permite estas medidas.",
        ["public_order"],
    ),
    (
        "ru",
        "В Велории отключили интернет\n\nВласти Велории отключили мобильный интернет в понедельник для обеспечения "
        "общественного порядка. Закон, принятый в 2019 году для борьбы с терроризмом, позволяет такие меры.",
        ["public_order"],
    ),
    (
        "ar",
        "فيلوريا تقطع الإنترنت\n\nقطعت حكومة فيلوريا الإنترنت يوم الاثنين للحفاظ على النظام العام. وكان البرلمان قد أقر "
        "قانونا لمكافحة الإرهاب عام 2019.",
        ["public_order"],
    ),
    (
        "id",
        "Veloria memblokir Chatterly\n\nPemerintah Veloria memblokir Chatterly pada Senin untuk menjaga ketertiban umum. "
        "Parlemen mengesahkan undang-undang untuk memerangi terorisme pada 2019.",
        ["public_order"],
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), LAW_PURPOSE, ids=[c[0] for c in LAW_PURPOSE])
def test_the_purpose_of_a_law_being_passed_is_not_the_restrictions_reason(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected


LAW_NEGATIVE = [
    (
        "en",
        "Veloria blocks Chatterly\n\nParliament adopted a law last year. On Monday the ministry issued a decree "
        "suspending Chatterly to preserve public order.",
        ["public_order"],
    ),
    (
        "fr",
        "Le Montalbe bloque Chatterly\n\nLe parlement a adopté une loi l'an dernier. Mardi, le gouvernement a suspendu "
        "Chatterly pour préserver l'ordre public.",
        ["public_order"],
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), LAW_NEGATIVE, ids=[c[0] for c in LAW_NEGATIVE])
def test_a_reason_given_to_the_restriction_after_a_law_is_named_is_kept(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected


DEMANDS = [
    (
        "en",
        "Veloria blocks Chatterly\n\nThe telecoms regulator of Veloria blocked Chatterly on Monday after the company "
        "ignored repeated demands to remove posts spreading disinformation.",
    ),
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria blocked Chatterly on Monday. The regulator said the company had failed to "
        "comply with requests to take down content inciting violence.",
    ),
    (
        "fr",
        "Le Montalbe bloque Chatterly\n\nLe régulateur du Montalbe a bloqué Chatterly mardi, la plateforme n'ayant pas "
        "répondu aux exigences de retirer des contenus de désinformation. Il reproche à l'entreprise le non-respect de "
        "ses obligations.",
    ),
    (
        "es",
        "Valdoria bloquea Chatterly\n\nEl regulador de Valdoria bloqueó el martes Chatterly por incumplimiento de las "
        "solicitudes de retirar mensajes de odio.",
    ),
    (
        "pt",
        "Valdória bloqueia Chatterly\n\nO regulador da Valdória bloqueou o Chatterly na terça-feira por descumprimento "
        "de ordens judiciais. A empresa ignorou as exigências de remover perfis que espalhavam desinformação.",
    ),
    (
        "ru",
        "Власти Велории заблокировали Chatterly\n\nВ понедельник регулятор Велории заблокировал Chatterly из-за "
        "невыполнения требований удалить материалы с призывами к терроризму.",
    ),
    (
        "tr",
        "Veloria Chatterly'ye erişimi engelledi\n\nVeloria'nın düzenleyici kurumu Chatterly'ye erişimi, şirketin "
        "yükümlülüklerini yerine getirmemesi nedeniyle engelledi. Kurum, şirketten nefret söylemi içeren paylaşımları "
        "silmesini talep etmişti.",
    ),
    (
        "ar",
        "فيلوريا تحجب تشاترلي\n\nحجبت هيئة الاتصالات في فيلوريا تطبيق تشاترلي يوم الاثنين بسبب عدم الامتثال لمطالب حذف "
        "المنشورات التي تنشر الأخبار الكاذبة.",
    ),
    (
        "id",
        "Veloria memblokir Chatterly\n\nRegulator Veloria memblokir Chatterly pada Senin karena perusahaan tidak "
        "mematuhi permintaan untuk menghapus konten hoaks.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), DEMANDS, ids=[f"{c[0]}{i}" for i, c in enumerate(DEMANDS)])
def test_what_the_platform_was_asked_to_remove_is_not_the_reason_its_non_compliance_is(tmp_path, lang, body):
    assert _reasons(tmp_path, lang, body) == ["non_compliance"]


DEMANDS_NEGATIVE = [
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria blocked Chatterly on Monday after the company refused to remove posts, "
        "citing national security.",
        ["national_security", "non_compliance"],
    ),
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria blocked Chatterly on Monday to stop the spread of disinformation, the "
        "ministry said, after the company ignored repeated requests.",
        ["misinformation", "non_compliance"],
    ),
    (
        "fr",
        "Le Montalbe bloque Chatterly\n\nLe Montalbe a bloqué Chatterly mardi après le refus de retirer des messages, "
        "invoquant la sécurité nationale, a indiqué le ministre.",
        ["national_security", "non_compliance"],
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"), DEMANDS_NEGATIVE, ids=[f"{c[0]}{i}" for i, c in enumerate(DEMANDS_NEGATIVE)]
)
def test_a_reason_the_authority_gives_beside_the_demands_is_kept(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected


def test_a_platforms_statement_about_what_it_removes_is_not_the_official_reason(tmp_path):
    body = (
        "Veloria blocks Chatterly\n\nVeloria's interior ministry blocked Chatterly on Monday, saying the app threatened "
        "national security. Chatterly said in a statement that it removes hate speech and misinformation within hours."
    )
    assert _reasons(tmp_path, "en", body) == ["national_security"]


def test_demands_named_in_several_sources_do_not_add_up_to_a_reason(tmp_path):
    # Three articles each name the regulator's demands to stop disinformation; none says the
    # block was for disinformation: each mention is weak, and weak mentions do not make a reason.
    bodies = [
        "Veloria blocks Chatterly\n\nVeloria blocked Chatterly on Monday after the company failed to comply with the "
        "regulator's demands to stop disinformation.",
        "Chatterly goes dark in Veloria\n\nChatterly was blocked in Veloria on Monday. The company had ignored requests "
        "to curb disinformation for months.",
        "Veloria: Chatterly blocked\n\nUsers in Veloria could not reach Chatterly on Monday. The firm had not acted on "
        "demands to remove disinformation, the regulator said.",
    ]
    assert "misinformation" not in _reasons(tmp_path, "en", *bodies)


LIFTING = [
    (
        "ru",
        "Велория разблокировала Chatterly\n\nВ марте регулятор Велории заблокировал Chatterly из-за невыполнения "
        "требований. «Мы приветствуем готовность компании противодействовать терроризму». Регулятор снимает "
        "ограничения доступа к мессенджеру.",
        ["non_compliance"],
    ),
    (
        "en",
        "Veloria lifts Chatterly ban\n\nVeloria blocked Chatterly in March after the company failed to comply with "
        'court orders. "We welcome the company\'s readiness to fight terrorism," the regulator said. Access to '
        "Chatterly was restored on Friday.",
        ["non_compliance"],
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), LIFTING, ids=[c[0] for c in LIFTING])
def test_a_reason_just_before_a_lifting_is_the_liftings(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected


def test_a_reason_in_a_sentence_naming_the_block_before_its_lifting_stays_the_blocks(tmp_path):
    body = (
        "Veloria restores Chatterly\n\nChatterly was blocked in Veloria for security reasons, the ministry said. "
        "Access was restored on Friday."
    )
    assert _reasons(tmp_path, "en", body) == ["national_security"]


def test_restore_order_is_a_reason_not_a_lifting(tmp_path):
    body = (
        "Veloria cuts internet\n\nVeloria cut mobile internet on Monday to restore order after clashes in the "
        "capital, the government said."
    )
    assert _reasons(tmp_path, "en", body) == ["public_order"]


STATED = [
    # The sentence with the pretext names neither the restriction nor an authority, nor does
    # the one before it: the pretext phrase alone ties the reason to the practice it explains.
    (
        "fr",
        "Le Montalbe ralentit internet\n\nL'Agence de régulation du Montalbe a demandé lundi aux opérateurs de ralentir "
        "internet. Ils seront prévenus par la même voie pour revenir à la normale. C'est la troisième fois que l'on "
        "recourt à ce procédé au nom du maintien de l'ordre public.",
    ),
    (
        "en",
        "Veloria slows internet\n\nOperators in Veloria slowed internet on Monday at the agency's request. They will "
        "be told by letter when to return to normal. It is the third time this year that the practice has been used "
        "in the name of public order.",
    ),
    (
        "es",
        "Valdoria ralentiza internet\n\nLos operadores de Valdoria ralentizaron internet el lunes. Serán avisados por "
        "carta para volver a la normalidad. Es la tercera vez que se recurre a este procedimiento en nombre del orden "
        "público.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), STATED, ids=[c[0] for c in STATED])
def test_a_stated_pretext_ties_the_reason_to_the_act_it_explains(tmp_path, lang, body):
    assert _reasons(tmp_path, lang, body) == ["public_order"]


EARLIER = [
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria blocked Chatterly on Monday, citing national security. In 2021, the "
        "government cut the internet during school exams to prevent cheating.",
    ),
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria blocked Chatterly on Monday, citing national security. Last year the "
        "authorities shut down mobile data for a week to stop the spread of fake news during the election.",
    ),
    (
        "fr",
        "Le Montalbe bloque Chatterly\n\nLe Montalbe a bloqué Chatterly lundi pour des raisons de sécurité nationale. En "
        "2021, le gouvernement avait déjà coupé internet pendant le baccalauréat pour empêcher la fraude.",
    ),
    (
        "es",
        "Valdoria bloquea Chatterly\n\nValdoria bloqueó Chatterly el lunes alegando razones de seguridad nacional. En "
        "2021, el gobierno ya había cortado internet durante las protestas para evitar la difusión de noticias falsas.",
    ),
    (
        "ru",
        "В Велории заблокировали Chatterly\n\nВласти Велории заблокировали Chatterly в понедельник по соображениям "
        "национальной безопасности. В 2021 году власти уже отключали интернет во время экзаменов, чтобы предотвратить "
        "списывание.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), EARLIER, ids=[f"{c[0]}{i}" for i, c in enumerate(EARLIER)])
def test_the_reason_of_an_earlier_restriction_told_as_background_is_not_this_ones(tmp_path, lang, body):
    assert _reasons(tmp_path, lang, body) == ["national_security"]


EARLIER_NEGATIVE = [
    # "previously" dates the reporting, not a restriction: the plan's reason is this one's
    (
        "en",
        "Veloria cuts social media on election day\n\nUsers in Veloria could not reach social media on election day. "
        "Local media had previously reported government plans to shut down access to social media to maintain peace "
        "and order during the vote.",
        ["public_order"],
    ),
    # the year dates the law the minister invokes, not an earlier restriction
    (
        "es",
        "Valdoria suspende Chatterly\n\nEl ministro del Interior afirmó que la medida era necesaria porque desde "
        "Chatterly se convocaba a la violencia, y que actuaría en el marco de la Ley de Convivencia, aprobada en 2017.",
        ["public_order"],
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"), EARLIER_NEGATIVE, ids=[f"{c[0]}{i}" for i, c in enumerate(EARLIER_NEGATIVE)]
)
def test_a_past_marker_dating_something_else_keeps_the_reason(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected


def test_es_reported_speech_de_acuerdo_con_gives_the_official_reason(tmp_path):
    body = (
        "Valdoria bloquea Chatterly\n\nChatterly fue bloqueada en Valdoria el lunes. De acuerdo con el ministerio, el "
        "objetivo era frenar la difusión de noticias falsas."
    )
    assert _reasons(tmp_path, "es", body) == ["misinformation"]


MAPPING = [
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria's regulator blocked Chatterly on Monday to curb the spread of terrorist "
        "propaganda, the ministry said.",
        ["national_security"],
    ),
    (
        "pl",
        "Veloria blokuje Chatterly\n\nRegulator Velorii zablokował w poniedziałek Chatterly w celu zwalczania propagandy "
        "terrorystycznej, poinformowało ministerstwo.",
        ["national_security"],
    ),
    # negative: propaganda on its own stays misinformation
    (
        "en",
        "Veloria blocks Chatterly\n\nVeloria's regulator blocked Chatterly on Monday to curb the spread of propaganda "
        "and fake news, the ministry said.",
        ["misinformation"],
    ),
]


@pytest.mark.parametrize(("lang", "body", "expected"), MAPPING, ids=[f"{c[0]}{i}" for i, c in enumerate(MAPPING)])
def test_terrorist_propaganda_is_a_security_reason_not_misinformation(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected


NO_COMMENT = [
    (
        "en",
        "Veloria cuts internet\n\nMobile internet was cut across Veloria on Tuesday as security forces were deployed in "
        "the capital. The government has not commented on the shutdown.",
    ),
    (
        "ru",
        "В Велории отключили интернет\n\nВо вторник в Велории отключили мобильный интернет, в столицу были введены силы "
        "безопасности. Власти никак не прокомментировали отключение.",
    ),
    (
        "tr",
        "Veloria'da internet kesildi\n\nVeloria'da salı günü mobil internet kesildi, başkente güvenlik güçleri "
        "konuşlandırıldı. Hükümet kesintiyle ilgili açıklama yapmadı.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), NO_COMMENT, ids=[c[0] for c in NO_COMMENT])
def test_security_forces_in_the_story_are_no_reason_and_no_comment_is_none_given(tmp_path, lang, body):
    assert _reasons(tmp_path, lang, body) == ["none_given"]


VERB_FINAL_CRITICS = [
    (
        "tr",
        "Veloria Chatterly'yi engelledi\n\nVeloria Chatterly'ye erişimi ulusal güvenlik gerekçesiyle engelledi. Muhalefet "
        "ise engellemenin hükümete yönelik eleştirileri susturmak ve yalan haberleri bastırmak amacıyla yapıldığını iddia "
        "etti.",
    ),
    (
        "tr",
        "Veloria Chatterly'yi engelledi\n\nVeloria hükümeti Chatterly'ye erişimi ulusal güvenlik gerekçesiyle engelledi. "
        "Muhalefet partileri, kararın seçimler öncesinde yalan haberlerin yayılmasını önlemek için değil eleştirileri "
        "susturmak için alındığını savundu.",
    ),
    (
        "fa",
        "ولوریا چترلی را مسدود کرد\n\nدولت ولوریا دسترسی به چترلی را به دلیل حفظ امنیت ملی مسدود کرد. منتقدان این اقدام را "
        "تلاشی برای جلوگیری از انتشار اخبار جعلی درباره رئیس جمهور پیش از انتخابات دانستند.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "body"), VERB_FINAL_CRITICS, ids=[f"{c[0]}{i}" for i, c in enumerate(VERB_FINAL_CRITICS)]
)
def test_a_critic_opening_a_verb_final_sentence_owns_its_final_verb(tmp_path, lang, body):
    # the noun nearest the final verb ("hükümete", "رئیس جمهور") is its object, not its speaker
    assert _reasons(tmp_path, lang, body) == ["national_security"]


OPENING_SPEAKERS = [
    (
        "en",
        "Veloria blocks Chatterly\n\nChatterly was blocked in Veloria on Monday. The ministry, in a long statement "
        "published late on Monday on its website, said the block was needed to stop the spread of fake news.",
        ["misinformation"],
    ),
    (
        "tr",
        "Veloria'da internet kesildi\n\nVeloria'da mobil internet pazartesi günü kesildi. İçişleri Bakanı Tavo Renk, "
        "kararın ulusal güvenliği korumak için alındığını söyledi.",
        ["national_security"],
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "expected"), OPENING_SPEAKERS, ids=[f"{c[0]}{i}" for i, c in enumerate(OPENING_SPEAKERS)]
)
def test_an_authority_opening_the_sentence_gives_the_official_reason(tmp_path, lang, body, expected):
    assert _reasons(tmp_path, lang, body) == expected
