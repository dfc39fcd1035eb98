"""General rules for unseen articles, round two: short articles in en/fr/es/pt written for
these tests (networks, scope, ordered_by, acknowledged, workarounds, end dates...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.build.pipeline import build_record


def _build(tmp_path: Path, *articles: tuple[str, str, str]) -> dict:
    """Build one record from (language, published, body) articles."""
    paths = []
    for i, (lang, published, body) in enumerate(articles):
        p = tmp_path / f"{i:02d}.txt"
        p.write_text(f"---\nurl: https://example.org/{i}\npublished: {published}\nlanguage: {lang}\n---\n{body}\n", encoding="utf-8")
        paths.append(p)
    result = build_record(paths)
    failed = [p for p in result.problems if "extractor" in p]
    assert not failed, failed  # a cue that does not compile fails its whole extractor silently
    return result.record


# ------------------------------------------------------------------ networks


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("en", "Internet cut in the north\n\nMobile internet and fixed-line broadband were cut in the north of Cameroon on Sunday, residents said.",
         {"mobile", "fixed"}),
        ("fr", "Coupure d'internet au Gabon\n\nLe gouvernement a coupé internet samedi. Les connexions fixes ont également été perturbées, comme les réseaux mobiles.",
         {"mobile", "fixed"}),
        ("pt", "Internet cortada em Moçambique\n\nA internet móvel foi cortada no domingo em Moçambique. A conexão de banda larga fixa também foi afetada.",
         {"mobile", "fixed"}),
        ("es", "Apagón de internet en Cuba\n\nEl gobierno cortó internet el domingo en Cuba. Los datos móviles fueron interrumpidos durante horas.",
         {"mobile"}),
    ],
)
def test_networks_said_to_be_cut_in_a_shutdown_are_recorded(tmp_path, lang, body, expected):
    record = _build(tmp_path, (lang, "2024-03-22", body))
    assert record["kind"] == "full_network"
    assert set(record["networks"]) == expected


def test_network_named_only_as_background_in_a_shutdown_is_left_out(tmp_path):
    body = ("Internet shutdown in Uganda\n\nThe government shut down the internet on Wednesday in Uganda. "
            "The country's two largest mobile networks account for most of its 20 million internet users.")
    record = _build(tmp_path, ("en", "2021-01-14", body))
    assert record["networks"] == []


def test_networks_where_a_platform_block_applies_are_recorded(tmp_path):
    body = ("X sigue bloqueada en Venezuela\n\nUn mes después, la red social X continúa bloqueada en Venezuela "
            "en todas las operadoras del país, tanto móviles como fijas.")
    record = _build(tmp_path, ("es", "2024-09-09", body))
    assert record["kind"] == "service_block"
    assert set(record["networks"]) == {"mobile", "fixed"}


def test_separate_mobile_data_cut_is_not_the_platform_blocks_network(tmp_path):
    body = ("TikTok bloqué au Sénégal\n\nLe Sénégal a bloqué l'application TikTok mercredi, quelques jours après avoir "
            "restreint l'accès à l'internet mobile. Le blocage de TikTok reste en vigueur.")
    record = _build(tmp_path, ("fr", "2023-08-02", body))
    assert record["kind"] == "service_block"
    assert record["networks"] == []


def test_phones_banned_in_exam_rooms_are_not_a_mobile_network(tmp_path):
    body = ("Coupure d'internet pendant le bac en Algérie\n\nL'Algérie a coupé internet pendant les examens du baccalauréat. "
            "Les téléphones portables sont interdits dans les salles d'examen.")
    record = _build(tmp_path, ("fr", "2023-06-12", body))
    assert record["networks"] == []


# ------------------------------------------------------------------ country


def test_capital_in_a_dateline_names_the_country(tmp_path):
    body = ("Reportan restricciones en WhatsApp\n\nQUITO.– Usuarios reportan desde el martes que WhatsApp fue bloqueado "
            "en medio de las protestas.")
    record = _build(tmp_path, ("es", "2019-10-10", body))
    assert record["country"] == "EC"


def test_country_name_outweighs_a_foreign_capital(tmp_path):
    body = ("Senegal blocks TikTok\n\nDAKAR - Senegal blocked TikTok on Wednesday, the minister said in Dakar. "
            "The decision was criticised in Nairobi by a regional rights group.")
    record = _build(tmp_path, ("en", "2023-08-02", body))
    assert record["country"] == "SN"


# ------------------------------------------------------------------ scope


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Internet cut in Tigray\n\nInternet services were cut across Ethiopia's northern Tigray region on Wednesday."),
        ("fr", "Coupure au Cameroun\n\nInternet a été coupé dans les régions anglophones du Cameroun depuis janvier."),
        ("es", "Corte en Ecuador\n\nEl internet móvil fue suspendido el lunes en la provincia de Esmeraldas, en Ecuador."),
        ("pt", "Bloqueio em Moçambique\n\nA internet móvel foi bloqueada no domingo na província de Cabo Delgado, em Moçambique."),
    ],
)
def test_a_named_region_as_the_extent_makes_scope_regional(tmp_path, lang, body):
    record = _build(tmp_path, (lang, "2024-03-22", body))
    assert record["scope"] == "regional"


def test_scope_is_national_by_default_with_a_note(tmp_path):
    body = ("Mali : les réseaux sociaux ralentis\n\nFacebook et WhatsApp sont ralentis depuis vendredi, selon NetBlocks. "
            "Le Mali traverse une crise politique.")
    record = _build(tmp_path, ("fr", "2020-07-12", body))
    assert record["scope"] == "national"
    assert all("national by default" in c.get("note", "") for c in record["evidence"]["scope"])


def test_provinces_where_access_came_back_are_not_the_extent(tmp_path):
    body = ("Irán restablece internet\n\nTEHERÁN - Las autoridades comenzaron a restablecer el acceso a internet el jueves "
            "en varias provincias, tras el apagón casi total impuesto el sábado en Irán.")
    record = _build(tmp_path, ("es", "2019-11-23", body))
    assert record["scope"] == "national"
