"""context's default and networks named where access came back, on articles written for
these tests (invented countries, people and services) in several languages.

- A restriction with no listed event around it (a dispute with the platform) has context
  `other`, cited by the restriction's sentences with a note saying it is a default; an event
  of an earlier year named in passing does not become its context, and one tied to the
  restriction stays the only context (no `other` added).
- An event every source names only in passing (not tied to the cut, not framing the
  article) does not add up across sources to a second context; one source tying it to the
  cut keeps it.
- A network named only where access came back ("restored, but only as 2G") says what
  returned, not which network was cut; a network still cut beside a restored one, or named
  with the cut, is kept.
- A court in a sentence whose only "lifting" word removes or revokes something else (posts
  not removed, a licence revoked) hears no challenge; one lifting the block does.
- A statement that only comments confirms nothing; an authority's close denial is false.
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
    assert not [x for x in result.problems if "extractor" in x]
    text = p.read_text(encoding="utf-8")
    for quotes in result.record["evidence"].values():
        for item in quotes:
            assert item["quote"] in text, item["quote"]
    return result.record


DISPUTES = [
    (
        "en",
        "Veloria blocks Chatly\n\nThe telecoms regulator of Veloria blocked the messaging app Chatly on Monday after the "
        "company refused to hand over user data, Minister Tavo Renk said. In 2019, during the presidential elections, "
        "mobile internet had been cut for three days.",
    ),
    (
        "pt",
        "Serrânia bloqueia o Chatly\n\nA agência reguladora de Serrânia bloqueou o aplicativo Chatly na segunda-feira, "
        "depois que a empresa se recusou a entregar dados de usuários, disse o ministro Tavo Renk.",
    ),
    (
        "ru",
        "В Заречье заблокировали мессенджер Чатли\n\nРегулятор Заречья в понедельник заблокировал мессенджер Чатли "
        "после того, как компания отказалась передать данные пользователей, заявил министр Таво Ренк.",
    ),
    (
        "tr",
        "Karsovya'da Chatly'ye erişim engellendi\n\nKarsovya'da Chatly uygulamasına pazartesi günü erişim engellendi. "
        "Bakan Tavo Renk, şirketin kullanıcı verilerini teslim etmeyi reddettiğini söyledi.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), DISPUTES, ids=[d[0] for d in DISPUTES])
def test_a_restriction_with_no_listed_event_has_context_other_by_default(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "service_block"
    # (en: the 2019 elections are another, earlier episode, not what surrounded this block)
    assert record["context"] == ["other"]
    # cited: by a refusal the language's cues read as a dispute, else by the restriction's
    # sentences with a note saying it is a default
    assert record["evidence"]["context"]


@pytest.mark.parametrize(
    ("lang", "body", "context"),
    [
        (
            "en",
            "Internet cut in Veloria as votes are counted\n\nAuthorities in Veloria cut the internet on Monday as "
            "votes from the presidential election were being counted, Minister Tavo Renk said.",
            ["elections"],
        ),
        (
            "fr",
            "Internet coupé au Montalbe pendant les manifestations\n\nLe gouvernement du Montalbe a coupé internet "
            "mardi, en pleine manifestation contre la hausse des prix, a annoncé le ministre Tavo Renk.",
            ["protests"],
        ),
    ],
)
def test_a_tied_event_is_the_context_and_no_default_is_added(tmp_path, lang, body, context):
    record = _build(tmp_path, lang, body)
    assert record["context"] == context
    assert all("by default" not in c.get("note", "") for c in record["evidence"]["context"])


RESTORED_ONLY = [
    (
        "en",
        "Internet cut in Karsh province\n\nInternet access was cut across Karsh province on Monday amid protests, the "
        "governor's office said. Residents said service was restored on Friday, but only as 2G with a very slow speed.",
    ),
    (
        "fr",
        "Internet coupé dans la province de Karsh\n\nLes autorités ont coupé internet dans la province de Karsh lundi, "
        "en pleine manifestation, a indiqué le gouvernorat. Selon des habitants, l'accès a été rétabli vendredi, mais "
        "seulement en 2G, très lent.",
    ),
    (
        "ru",
        "В провинции Карш отключили интернет\n\nВ провинции Карш в понедельник отключили интернет на фоне протестов, "
        "сообщили в администрации губернатора. По словам жителей, в пятницу связь восстановили, но только 2G с очень "
        "низкой скоростью.",
    ),
    (
        "pt",
        "Internet cortada na província de Karsh\n\nAs autoridades cortaram a internet na província de Karsh na "
        "segunda-feira em meio a protestos, informou o governo provincial. Segundo moradores, o acesso foi "
        "restabelecido na sexta-feira, mas apenas em 2G, com velocidade muito baixa.",
    ),
]


@pytest.mark.parametrize(("lang", "body"), RESTORED_ONLY, ids=[r[0] for r in RESTORED_ONLY])
def test_a_network_named_only_where_access_came_back_is_not_the_one_cut(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["networks"] == []


@pytest.mark.parametrize(
    ("lang", "body", "networks"),
    [
        (
            "en",
            "Internet cut in Karsh province\n\nInternet access was cut across Karsh province on Monday amid protests, "
            "the governor's office said. Fixed broadband was restored on Friday, while mobile internet remains cut.",
            {"fixed", "mobile"},
        ),
        (
            "fr",
            "Internet coupé dans la province de Karsh\n\nLes autorités ont coupé internet dans la province de Karsh "
            "lundi, en pleine manifestation. Vendredi, l'internet fixe a été rétabli, mais l'internet mobile reste coupé.",
            {"fixed", "mobile"},
        ),
        (
            "en",
            "Internet cut in Karsh province\n\nMobile internet was cut across Karsh province on Monday amid protests, "
            "the governor's office said. Residents said service was restored on Friday, but only as 2G with a very "
            "slow speed.",
            {"mobile"},
        ),
        (
            "ru",
            "В провинции Карш отключили мобильный интернет\n\nВ провинции Карш в понедельник отключили мобильный "
            "интернет на фоне протестов, сообщили в администрации губернатора.",
            {"mobile"},
        ),
    ],
)
def test_a_network_still_cut_or_named_with_the_cut_is_kept(tmp_path, lang, body, networks):
    record = _build(tmp_path, lang, body)
    assert set(record["networks"]) == networks


@pytest.mark.parametrize(
    ("lang", "body", "acknowledged"),
    [
        # a statement that only comments (looking into reports) confirms nothing
        (
            "en",
            "Chatly unreachable in Veloria\n\nUsers in Veloria could not reach the messaging app Chatly on Monday. The "
            "Ministry of Communications said it was looking into reports of disruptions.",
            None,
        ),
        (
            "es",
            "Chatly inaccesible en Valdoria\n\nLos usuarios de Valdoria no pudieron acceder a la aplicación Chatly el "
            "lunes. El Ministerio de Comunicaciones dijo que está analizando los reportes de fallas.",
            None,
        ),
        # an authority's own close denial is `acknowledged: false`
        (
            "en",
            "Chatly unreachable in Veloria\n\nUsers in Veloria could not reach the messaging app Chatly on Monday. The "
            "Ministry of Communications denied blocking the app and blamed a technical fault.",
            False,
        ),
        (
            "fr",
            "Chatly inaccessible au Montalbe\n\nLes utilisateurs du Montalbe n'ont pas pu accéder à l'application Chatly "
            "lundi. Le ministère des Communications a démenti tout blocage et évoqué une panne technique.",
            False,
        ),
        (
            "es",
            "Chatly inaccesible en Valdoria\n\nLos usuarios de Valdoria no pudieron acceder a la aplicación Chatly el "
            "lunes. El Ministerio de Comunicaciones negó haber bloqueado la aplicación.",
            False,
        ),
    ],
)
def test_a_comment_confirms_nothing_and_a_denial_is_false(tmp_path, lang, body, acknowledged):
    assert _build(tmp_path, lang, body).get("acknowledged") is acknowledged


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        # "when the insulting posts were not removed, by the court's decision access was blocked"
        (
            "tr",
            "Karsovya'da Chatly'ye erişim engellendi\n\nKarsovya'da Chatly uygulamasına pazartesi günü erişim "
            "engellendi. Hakaret içeren paylaşımlar kaldırılmayınca, Karsovya 2. Sulh Ceza Mahkemesi'nin kararıyla "
            "uygulamaya erişim engellendi.",
        ),
        # "the court decided the removal of the posts and the blocking of access to the app"
        (
            "tr",
            "Karsovya'da Chatly'ye erişim engellendi\n\nKarsovya'da Chatly uygulamasına pazartesi günü erişim "
            "engellendi. Karsovya 2. Sulh Ceza Mahkemesi, paylaşımların kaldırılmasına ve uygulamaya erişimin "
            "engellenmesine karar verdi.",
        ),
        # "the block was ordered by the court, which in the same decision revoked the company's licence"
        (
            "pt",
            "Chatly bloqueado em Serrânia\n\nO aplicativo Chatly foi bloqueado em Serrânia na segunda-feira. O bloqueio "
            "foi determinado pelo Tribunal de Justiça de Serrânia, que na mesma decisão revogou a licença de "
            "funcionamento da empresa no país.",
        ),
        (
            "en",
            "Veloria court orders Chatly block\n\nChatly was blocked in Veloria on Monday. The Veloria High Court ordered "
            "the block after posts insulting the president were not removed.",
        ),
    ],
)
def test_a_court_removing_content_hears_no_challenge(tmp_path, lang, body):
    assert _build(tmp_path, lang, body)["court_challenges"] == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "tr",
            "Karsovya'da Chatly yasağı kaldırıldı\n\nKarsovya'da Chatly uygulamasına pazartesi günü erişim engellendi. "
            "Karsovya Anayasa Mahkemesi cuma günü erişim yasağını kaldırdı.",
        ),
        (
            "pt",
            "Chatly volta em Serrânia\n\nO aplicativo Chatly foi bloqueado em Serrânia na segunda-feira. Na sexta-feira, "
            "o Tribunal de Justiça de Serrânia revogou o bloqueio.",
        ),
        (
            "en",
            "Veloria court lifts Chatly block\n\nChatly was blocked in Veloria on Monday. On Friday the Veloria High "
            "Court lifted the block.",
        ),
    ],
)
def test_a_court_lifting_the_block_itself_is_a_challenge(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert len(record["court_challenges"]) == 1


def _build_many(tmp_path: Path, lang: str, bodies: list[str]) -> dict:
    paths = []
    for i, body in enumerate(bodies, 1):
        p = tmp_path / f"0{i}.txt"
        p.write_text(
            f"---\nurl: https://example.org/{i}\npublished: 2024-04-0{i}\nlanguage: {lang}\n---\n{body}\n",
            encoding="utf-8",
        )
        paths.append(p)
    return build_record(paths).record


PASSING = {
    # (restriction amid protests, an event named in passing, the same event tied to the cut)
    "en": (
        "Veloria cuts internet as fuel protests spread\n\nAuthorities in Veloria cut the internet on Monday amid "
        "protests over fuel prices, the interior ministry said.",
        "Many families were preparing for the Ramadan fast.",
        "The internet was cut during the Ramadan fast.",
    ),
    "fr": (
        "Internet coupé au Montalbe\n\nLe gouvernement du Montalbe a coupé internet lundi, en pleine manifestation "
        "contre la hausse des prix du carburant, a indiqué le ministère de l'Intérieur.",
        "Beaucoup de familles se préparaient pour le ramadan.",
        "Internet a été coupé pendant le ramadan.",
    ),
    "es": (
        "Cortan internet en Valdoria\n\nLas autoridades de Valdoria cortaron internet el lunes en medio de protestas "
        "por el precio del combustible, informó el ministerio del Interior.",
        "Muchas familias se preparaban para el ramadán.",
        "Internet fue cortado durante el ramadán.",
    ),
    "ru": (
        "В Заречье отключили интернет\n\nВласти Заречья в понедельник отключили интернет на фоне протестов из-за "
        "цен на топливо, сообщили в МВД.",
        "Многие семьи готовились к празднику.",
        "Интернет отключили во время религиозного праздника.",
    ),
}


@pytest.mark.parametrize("lang", sorted(PASSING))
def test_an_event_every_source_names_only_in_passing_does_not_add_up_to_a_context(tmp_path, lang):
    lead, passing, _ = PASSING[lang]
    record = _build_many(tmp_path, lang, [f"{lead} {passing}"] * 3)
    assert record["context"] == ["protests"]


@pytest.mark.parametrize("lang", sorted(PASSING))
def test_an_event_one_source_ties_to_the_cut_is_kept_beside_the_other(tmp_path, lang):
    lead, passing, tied = PASSING[lang]
    record = _build_many(tmp_path, lang, [f"{lead} {tied}", f"{lead} {passing}", f"{lead} {passing}"])
    assert set(record["context"]) == {"protests", "religious"}
