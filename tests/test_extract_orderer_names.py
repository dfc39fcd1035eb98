"""Who ordered a restriction, named the way another reader would name it, on invented articles.

Invented towns and people (Varo, Minister Tavo Renk); no corpus text. Three ideas:
- a national government is named in the form its source uses: "the Kenyan government",
  "Türk hükümeti" and a bare "the government" give "Kenyan government"; "pemerintah
  Indonesia" and "the government of X" keep "Government of X" (the evaluation matches names
  by their words, and "Government of Kenya" shares one of two words with "Kenyan government");
- an official who comments on the decision ("defended the decision", "a salué la décision",
  "kararı savundu") did not order it;
- a phrase holding an order word that orders nothing ("public order", "orden público") is no
  ordering cue.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.evaluate.scoring import score_names
from shutdown_records.extraction.pipeline import build_record


def _build(tmp_path: Path, lang: str, body: str) -> dict:
    path = tmp_path / "01.txt"
    path.write_text(
        f"---\nurl: https://example.org/1\npublished: 2024-03-10\nlanguage: {lang}\n---\n{body}\n", encoding="utf-8"
    )
    return build_record([path]).record


def _names(record: dict) -> list[str]:
    return [str(item.get("name")) for item in record["ordered_by"]]


@pytest.mark.parametrize(
    ("lang", "body", "orderer"),
    [
        (
            "en",
            "Kenya blocks Telegram\nThe Kenyan government ordered operators to block Telegram on Monday, residents "
            "of the town of Varo said.",
            "Kenyan government",
        ),
        (
            "en",
            "Telegram blocked in Albania\nAccess to Telegram was blocked across Albania on Monday. The block was "
            "ordered by the Albanian government after protests in the town of Varo, operators said.",
            "Albanian government",
        ),
        (
            "tr",
            "Türkiye'de Instagram'a erişim engellendi\nTürk hükümeti Instagram'a erişimi cuma günü engelledi.",
            "Turkish government",
        ),
        (
            "fr",
            "Blocage au Tchad\nLe gouvernement a ordonné aux opérateurs de bloquer WhatsApp au Tchad samedi, selon "
            "des habitants de la ville de Varo.",
            "Chadian government",
        ),
        (
            "en",
            "Internet shutdown in Zambia\nThe Zambia government ordered operators to shut down mobile internet on Monday, "
            "residents of the town of Varo said.",
            "Government of Zambia",
        ),
        (
            "id",
            "Akses internet di Papua diputus\nAkses internet di kota Varo diputus pada hari Senin atas perintah "
            "pemerintah Indonesia.",
            "Government of Indonesia",
        ),
    ],
)
def test_a_government_is_named_in_the_form_its_source_uses(tmp_path, lang, body, orderer):
    assert _names(_build(tmp_path, lang, body)) == [orderer]


def test_a_name_built_from_an_adjective_matches_what_a_reader_writes(tmp_path):
    body = (
        "X unavailable in Thailand.\nThai authorities blocked X on Tuesday after protests in the town of Varo, "
        "operators said."
    )
    built = _build(tmp_path, "en", body)["ordered_by"]
    assert score_names([{"any_of": ["Thai authorities", "Thai government"]}], built) == 1.0


@pytest.mark.parametrize(
    ("lang", "body", "orderer", "commenter"),
    [
        (
            "en",
            "Telegram blocked in Albania\nThe block was ordered by the Albanian government after protests in the "
            "town of Varo. Interior Minister Tavo Renk defended the decision on Tuesday.",
            "Albanian government",
            "Ministry of Interior",
        ),
        (
            "fr",
            "Blocage au Tchad\nLe gouvernement tchadien a ordonné aux opérateurs de bloquer WhatsApp samedi. Le "
            "ministre de la Communication Tavo Renk a défendu la décision lundi.",
            "Chadian government",
            "Ministry of Communication",
        ),
        (
            "tr",
            "Türkiye'de Instagram'a erişim engellendi\nTürk hükümeti Instagram'a erişimi cuma günü engelledi. "
            "Ulaştırma Bakanı Tavo Renk kararı savundu.",
            "Turkish government",
            "Ministry of Transport",
        ),
    ],
)
def test_an_official_who_comments_on_the_decision_did_not_order_it(tmp_path, lang, body, orderer, commenter):
    names = _names(_build(tmp_path, lang, body))
    assert orderer in names and commenter not in names


def test_an_official_who_orders_and_then_defends_is_still_the_orderer(tmp_path):
    body = (
        "Telegram blocked in Albania\nInterior Minister Tavo Renk ordered operators to block Telegram on Monday "
        "and defended the decision in parliament, residents of the town of Varo said."
    )
    assert _names(_build(tmp_path, "en", body)) == ["Ministry of Interior"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "es",
            "Corte de internet en Honduras\nLas operadoras cortaron el internet móvil en la ciudad de Varo el lunes "
            "por orden del Gobierno. El ministro del Interior, Tavo Renk, aseguró que la medida busca preservar el "
            "orden público.",
        ),
        (
            "fr",
            "Coupure d'internet au Tchad\nLes opérateurs ont coupé l'internet mobile à Varo lundi à la demande du "
            "gouvernement. Le ministre de l'Intérieur Tavo Renk a affirmé que la mesure vise à préserver l'ordre "
            "public.",
        ),
        (
            "en",
            "Internet shutdown in Malawi\nOperators shut down mobile internet in the town of Varo on Monday on the orders of "
            "the government. Interior Minister Tavo Renk said the measure was needed to preserve public order.",
        ),
    ],
)
def test_public_order_is_a_reason_not_an_order(tmp_path, lang, body):
    names = _names(_build(tmp_path, lang, body))
    assert names and not any(name.startswith("Ministry") for name in names)


# ------------------------------------------------------------------ verb-final sentences


@pytest.mark.parametrize(
    ("lang", "body", "orderer"),
    [
        (
            "ur",
            "امتحانات کے دوران انٹرنیٹ بند\nحکومت پاکستان نے امتحانات میں نقل روکنے کے لیے ورو شہر اور اس کے "
            "گرد و نواح میں پیر کے روز موبائل انٹرنیٹ سروس معطل کرنے کا حکم دیا۔",
            "Government of Pakistan",
        ),
        (
            "tr",
            "Sınavlar sırasında mobil internet kesildi\nAzerbaycan hükümeti, ulusal sınavlarda kopya çekilmesini "
            "önlemek için Varo kentindeki operatörlere pazartesi günü mobil interneti kesme talimatı verdi.",
            "Government of Azerbaijan",
        ),
        (
            "ne",
            "नेपालमा टिकटक प्रतिबन्ध\nनेपाल सरकारले सामाजिक सद्भाव बिगारेको भन्दै वरो सहरसहित देशभर सोमबारदेखि "
            "टिकटकमा प्रतिबन्ध लगाउने निर्णय गरेको छ।",
            "Government of Nepal",
        ),
    ],
)
def test_an_agent_marker_makes_the_authority_the_author_of_a_far_verb(tmp_path, lang, body, orderer):
    """Urdu "نے", Nepali "ले" and a Turkish subject set off by a comma: the authority that
    opens a long sentence is the agent of the ordering verb that closes it."""
    assert _names(_build(tmp_path, lang, body)) == [orderer]


def test_the_body_told_in_a_verb_final_sentence_is_not_the_agent(tmp_path):
    body = (
        "پاکستان میں ایکس بند\nوزارت داخلہ نے پاکستان ٹیلی کمیونیکیشن اتھارٹی کو ورو شہر میں ایکس تک رسائی "
        "بند کرنے کا حکم دیا۔"
    )
    assert _names(_build(tmp_path, "ur", body)) == ["Ministry of Interior"]


@pytest.mark.parametrize(
    ("body", "orderer"),
    [
        (
            "TikTok u bllokua në Shqipëri\nAutoriteti i Komunikimeve Elektronike dhe Postare bllokoi TikTok-un të "
            "hënën në qytetin Varo.",
            "Electronic and Postal Communications Authority (AKEP)",
        ),
        (
            "TikTok u bllokua në Shqipëri\nTikTok u bllokua të hënën në qytetin Varo me urdhër të qeverisë, pas "
            "protestave.",
            "Albanian government",
        ),
        (
            # "the government's decision", defended by a minister who did not take it
            "Shqipëri: TikTok i bllokuar\nMinistri i Brendshëm Tavo Renk mbrojti vendimin e qeverisë për të "
            "bllokuar TikTok-un në qytetin Varo.",
            "Albanian government",
        ),
    ],
)
def test_albanian_orderers_are_read(tmp_path, body, orderer):
    assert _names(_build(tmp_path, "sq", body)) == [orderer]


# ------------------------------------------------------------------ regulators and courts named loosely


def test_a_countrys_communications_authority_is_named_as_written(tmp_path):
    body = (
        "YouTube blocked in Kenya\nKenya's communications authority banned access to YouTube on Monday after "
        "complaints from residents of the town of Varo."
    )
    built = _build(tmp_path, "en", body)["ordered_by"]
    assert [i["name"] for i in built] == ["Kenyan telecommunications authority"]
    assert score_names([{"any_of": ["Kenyan communications authority", "Communications Authority of Kenya"]}], built)


@pytest.mark.parametrize(
    ("body", "orderer"),
    [
        (
            "X blocked in Thailand\nA criminal court in Varo ordered internet providers to block X on Tuesday, "
            "the telecoms regulator said.",
            "Varo Criminal Court",
        ),
        (
            "Telegram blocked in Kazakhstan\nA court in Varo ordered operators to block Telegram on Tuesday, "
            "residents said.",
            "Varo court",
        ),
    ],
)
def test_a_court_named_by_its_seat_in_lower_case_is_read(tmp_path, body, orderer):
    assert _names(_build(tmp_path, "en", body)) == [orderer]


def test_a_court_that_heard_a_challenge_is_not_the_orderer(tmp_path):
    body = (
        "X blocked in Kenya\nThe Kenyan government ordered operators to block X on Monday. A court in Varo "
        "dismissed a petition challenging the block on Friday."
    )
    assert _names(_build(tmp_path, "en", body)) == ["Kenyan government"]


def test_a_described_authority_joins_the_one_named_regulator(tmp_path):
    body = (
        "Facebook blocked in Nepal\nThe Nepal Telecommunications Authority ordered operators to block Facebook on "
        "Thursday. Nepal's telecommunications authority banned access after complaints from the town of Varo."
    )
    assert _names(_build(tmp_path, "en", body)) == ["Nepal Telecommunications Authority"]


# ------------------------------------------------------------------ chains of orders


@pytest.mark.parametrize(
    ("lang", "body", "links"),
    [
        (
            "fr",
            "Coupure d'internet au Gabon\nLe gouvernement gabonais a demandé à l'Autorité de régulation des "
            "communications électroniques et des postes (ARCEP) d'ordonner aux opérateurs de couper l'internet "
            "samedi soir, selon des habitants de la ville de Varo.",
            {"Gabonese government", "ARCEP"},
        ),
        (
            "en",
            "Twitter suspended in Nigeria\nThe Nigerian government asked the Nigerian Communications Commission "
            "to order operators to suspend Twitter on Saturday, residents of the town of Varo said.",
            {"Nigerian government", "Nigerian Communications Commission"},
        ),
    ],
)
def test_a_sentence_stating_a_chain_keeps_the_government_at_its_head(tmp_path, lang, body, links):
    assert set(_names(_build(tmp_path, lang, body))) == links


def test_a_vague_government_beside_a_named_regulator_is_not_a_second_orderer(tmp_path):
    body = (
        "Indonesia blocks Telegram\nThe Ministry of Communication and Information Technology blocked Telegram on "
        "Monday. Residents of the town of Varo said the government had shut the app."
    )
    names = _names(_build(tmp_path, "en", body))
    assert len(names) == 1 and names[0].startswith("Ministry of Communication")


@pytest.mark.parametrize(
    ("lang", "body", "orderer"),
    [
        (
            "tr",
            "Türkiye'de X'e erişim kısıtlandı\nYetkililer pazartesi günü Varo kentindeki protestoların ardından X'e "
            "erişimi kısıtladı.",
            "Turkish authorities",
        ),
        (
            "fa",
            "محدودیت ایکس در ایران\nمقامات ایران روز دوشنبه پس از اعتراضات در شهر وارو و چند شهر دیگر دسترسی به "
            "ایکس را مسدود کردند.",
            "Iranian authorities",
        ),
        (
            "hi",
            "इंटरनेट बंद\nसरकार सोमवार को भारत के वरो जिले में हिंसा के बाद मोबाइल इंटरनेट सेवाएं बंद करने का आदेश दे चुकी है।",
            "Indian government",
        ),
    ],
)
def test_the_authority_opening_a_verb_final_sentence_is_its_subject(tmp_path, lang, body, orderer):
    assert _names(_build(tmp_path, lang, body)) == [orderer]


def test_a_minister_opening_a_sentence_that_defends_the_decision_is_no_orderer(tmp_path):
    body = (
        "Türkiye'de X'e erişim kısıtlandı\nX'e erişim pazartesi günü kısıtlandı. Bakan Tavo Renk, Varo kentindeki "
        "gazetecilere yaptığı açıklamada kararı savundu."
    )
    assert _names(_build(tmp_path, "tr", body)) == []
