"""justification, context, networks and acknowledged on articles written for these tests,
in eight languages, with invented places, people and services.

Each article exercises a pattern of its language rather than a phrase of one story: a reason
given through a purpose marker ("in order to", "بهدف", "به منظور", "с целью", "amacıyla"), a
reason a court gives ("por vulnerar los derechos de autor"), mobile and fixed networks named
together, a confirmation by an anonymous official (not an official acknowledgement).
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
    assert not failed, failed  # a cue that does not compile fails its whole extractor silently
    return result.record


def _quotes_are_verbatim(tmp_path: Path, record: dict) -> None:
    text = (tmp_path / "01.txt").read_text(encoding="utf-8")
    for item in record.get("evidence") or []:
        quote = item.get("quote") if isinstance(item, dict) else None
        if quote:
            assert quote in text, quote


ARTICLES = [
    # (lang, body, justification, context, networks); a context of {"other"} is the default
    # when no listed event surrounds the restriction
    (
        "en",
        "Mobile data cut in Veloria as exams begin\n\nMobile data services were suspended across Veloria on Monday "
        "in order to prevent cheating during the national secondary school examinations, the education ministry said in a "
        "statement. Fixed broadband was not affected.",
        {"exam_cheating"},
        {"exams"},
        {"mobile"},
    ),
    (
        "es",
        "Cortan internet en Valdoria tras protestas\n\nLas autoridades de Valdoria cortaron el acceso a internet móvil "
        "y fijo el domingo, en medio de protestas por los cortes de electricidad. El gobierno no dio ninguna explicación.",
        {"none_given"},
        {"protests"},
        {"mobile", "fixed"},
    ),
    (
        "fr",
        "Internet coupé au Montalbe après la présidentielle\n\nLe gouvernement du Montalbe a coupé internet mercredi, "
        "au lendemain de la proclamation des résultats de l'élection présidentielle contestée. Le ministre de l'Intérieur a "
        "justifié la mesure par la nécessité de préserver l'ordre public. Les réseaux mobiles et les connexions fixes sont touchés.",
        {"public_order"},
        {"elections"},
        {"mobile", "fixed"},
    ),
    (
        "ar",
        "قطع الإنترنت في زهرانية خلال امتحانات الشهادة الثانوية\n\nأعلنت وزارة الاتصالات في زهرانية قطع الإنترنت عبر "
        "الهاتف المحمول والإنترنت الثابت صباح الأحد، بهدف منع الغش في امتحانات الشهادة الثانوية. وقالت الوزارة في بيان إن "
        "الخدمة ستعود بعد انتهاء كل امتحان.",
        {"exam_cheating"},
        {"exams"},
        None,
    ),
    (
        "fa",
        "قطع اینترنت در استان بلورستان\n\nاینترنت همراه و اینترنت ثابت در استان بلورستان قطع شد. وزیر ارتباطات گفت "
        "قطع اینترنت به دلیل مسائل امنیتی بوده است.",
        {"national_security"},
        {"other"},  # no event named around it: other by default
        {"mobile", "fixed"},
    ),
    (
        "tr",
        "Kuzeyada'da internet kesildi\n\nKuzeyada ilinde mobil internet ve sabit internet erişimi pazar günü kesildi. "
        "Valilik, kararın kamu düzeninin korunması amacıyla alındığını duyurdu.",
        {"public_order"},
        {"other"},  # no event named around it: other by default
        {"mobile", "fixed"},
    ),
    (
        "ru",
        "Роскомнадзор заблокировал мессенджер Чатли\n\nРоскомнадзор заблокировал мессенджер Чатли. В ведомстве "
        "объяснили блокировку распространением недостоверной информации.",
        {"misinformation"},
        {"other"},  # no event named around it: other by default
        None,
    ),
    (
        "pt",
        "Bloqueio do Chatly em Serrânia\n\nO aplicativo Chatly foi bloqueado em Serrânia na segunda-feira. Segundo "
        "fontes do governo, o bloqueio foi determinado para evitar a disseminação de discursos de ódio.",
        {"hate_speech"},
        {"other"},  # no event named around it: other by default
        None,
    ),
]


@pytest.mark.parametrize(
    ("lang", "body", "justification", "context", "networks"), ARTICLES, ids=[a[0] for a in ARTICLES]
)
def test_reason_context_and_networks_in_each_language(tmp_path, lang, body, justification, context, networks):
    record = _build(tmp_path, lang, body)
    assert set(record.get("justification") or []) == justification
    assert set(record.get("context") or []) == context
    if networks is not None:
        assert set(record.get("networks") or []) == networks
    _quotes_are_verbatim(tmp_path, record)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Zarnia blocks streaming site\n\nThe streaming site Flixo was blocked in Zarnia on Thursday on grounds of "
            "copyright infringement, after a judge in Port Emma ordered operators to block it.",
        ),
        (
            "es",
            "Un juez ordena bloquear Chatly en Valdoria\n\nUn juez de Puerto Lira ordenó el miércoles bloquear la "
            "aplicación de mensajería Chatly en todo el país, por vulnerar los derechos de autor de varias productoras.",
        ),
    ],
)
def test_copyright_given_by_a_court_is_an_other_reason(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["justification"] == ["other"]


def test_a_reason_in_a_purpose_clause_of_arabic_reported_speech_counts(tmp_path):
    body = (
        "حجب مواقع التواصل في سهلستان\n\nحجبت السلطات في سهلستان مواقع التواصل الاجتماعي يوم الجمعة. وبررت السلطات "
        "القرار بالحفاظ على الأمن العام ومنع نشر الأخبار الكاذبة خلال الاحتجاجات."
    )
    record = _build(tmp_path, "ar", body)
    assert set(record["justification"]) == {"public_order", "misinformation"}
    assert record["context"] == ["protests"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Internet cut in Doravia\n\nInternet access was cut across Doravia on Saturday to prevent the spread of "
            "rumours after the disputed vote, an official said on condition of anonymity.",
        ),
        (
            "es",
            "Cortan internet en Ventania\n\nEl gobierno de Ventania cortó internet el domingo, confirmó un funcionario "
            "que pidió el anonimato.",
        ),
        (
            "fr",
            "Coupure d'internet au Norvalie\n\nLe gouvernement a coupé internet dimanche au Norvalie, a confirmé un "
            "responsable sous couvert d'anonymat.",
        ),
    ],
)
def test_an_anonymous_official_is_a_source_not_an_acknowledgement(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record.get("acknowledged") is not True


def test_the_same_confirmation_by_a_named_ministry_is_an_acknowledgement(tmp_path):
    body = (
        "Internet cut in Doravia\n\nInternet access was cut across Doravia on Saturday, the Ministry of "
        "Communications confirmed in a statement."
    )
    record = _build(tmp_path, "en", body)
    assert record["acknowledged"] is True


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "ru",
            "В Заречье заблокировали мессенджер Чатли\n\nВ Заречье в пятницу заблокировали мессенджер Чатли. "
            "Власти не сообщили о причинах блокировки.",
        ),
        ("ar", "حجب تطبيق شاتلي في سهلستان\n\nحجبت السلطات في سهلستان تطبيق شاتلي يوم الجمعة دون إبداء أي أسباب."),
        (
            "tr",
            "Karsovya'da Chatly'ye erişim engellendi\n\nKarsovya'da Chatly uygulamasına herhangi bir gerekçe "
            "gösterilmeden erişim engellendi.",
        ),
        (
            "id",
            "Akses Chatly diblokir di Selarang\n\nPemerintah Selarang memblokir akses ke Chatly pada hari Jumat "
            "tanpa memberikan alasan.",
        ),
    ],
)
def test_no_reason_given_is_read_and_a_negated_announcement_confirms_nothing(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["justification"] == ["none_given"]
    # "не сообщили" (did not announce) is no confirmation; "gösterilmeden" (without being
    # shown) is no "gösteri" (demonstration): no event is named, so context is the default
    assert record.get("acknowledged") is not True
    assert record.get("context") == ["other"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "es",
            'Sin internet en Valdoria\n\nValdoria lleva dos días sin internet móvil. "El corte responde a razones de '
            'seguridad nacional", declaró el ministro del Interior, Tomás Ferrier.',
        ),
        (
            "ru",
            "В Заречье отключили мобильный интернет\n\nВ Заречье отключили мобильный интернет. Губернатор Олег "
            "Смолин заявил, что ограничения введены в целях обеспечения безопасности граждан.",
        ),
    ],
)
def test_an_authority_giving_the_reason_has_acknowledged_the_restriction(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["justification"] == ["national_security"]
    assert record["acknowledged"] is True


def test_officials_blaming_a_technical_fault_do_not_acknowledge_an_order(tmp_path):
    body = (
        "Internet outage in Doravia\n\nMobile internet went down across Doravia on Sunday. Officials blamed a "
        "technical fault on an undersea cable."
    )
    record = _build(tmp_path, "en", body)
    assert record.get("acknowledged") is not True


@pytest.mark.parametrize(
    ("lang", "body", "context"),
    [
        (
            "ar",
            "حجب تطبيق شاتلي في سهلستان\n\nحجبت السلطات في سهلستان تطبيق شاتلي يوم الجمعة. وجاء القرار على خلفية "
            "الاحتجاجات التي شهدتها العاصمة.",
            "protests",
        ),
        (
            "ru",
            "В Заречье заблокировали мессенджер Чатли\n\nВ Заречье в пятницу заблокировали мессенджер Чатли. Решение "
            "приняли накануне выборов губернатора.",
            "elections",
        ),
        (
            "tr",
            "Karsovya'da Chatly'ye erişim engellendi\n\nKarsovya'da Chatly uygulamasına erişim engellendi. Karar, "
            "yerel seçimler öncesinde alındı.",
            "elections",
        ),
    ],
)
def test_an_event_placed_around_the_decision_is_its_context(tmp_path, lang, body, context):
    # the sentence naming the event names no restriction: only the connector ("على خلفية",
    # "накануне", "öncesinde") ties the event to the story
    record = _build(tmp_path, lang, body)
    assert record["context"] == [context]


def test_examination_malpractice_is_exam_cheating(tmp_path):
    body = (
        "Mobile internet suspended in Tarvola\n\nThe Tarvola government suspended mobile internet on Monday to curb "
        "examination malpractice during the national exams, education minister Ruth Ambeko said."
    )
    record = _build(tmp_path, "en", body)
    assert record["justification"] == ["exam_cheating"]
    assert record["context"] == ["exams"]
    assert record["acknowledged"] is True
