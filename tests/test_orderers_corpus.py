"""ordered_by on tests/orderers_corpus: invented multi-article incidents in sixteen languages
that name who ordered a restriction the way real reporting does (chains government ->
regulator -> operators, passives, councils, juntas, regional bodies, courts and the courts
that review them, commenters, earlier episodes). Each gold file states only `ordered_by`;
every incident but the known misses must score 1, and each idea the corpus exposed has a
focused test with a case where it must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import evaluate_corpus, find_incidents
from shutdown_records.extraction.pipeline import build_record

CORPUS = REPO_ROOT / "tests" / "orderers_corpus"
IDS = [i.id for i in find_incidents(CORPUS)]
# Known misses (README): an invented regulator's short form, a ministry that only says who
# decides, a regulator the vocabulary names after another country's.
KNOWN_MISSES = {"kv-2025-reshenie-ru", "zv-2025-shtab-ru", "ce-2025-ceni-fr"}


@pytest.fixture(scope="module")
def results() -> dict:
    return {r.id: r for r in evaluate_corpus(CORPUS).incidents}


def test_the_corpus_covers_sixteen_languages(results: dict) -> None:
    languages = {lang for r in results.values() for lang in r.languages}
    assert len(languages) >= 16, languages
    assert len(results) >= 24


@pytest.mark.parametrize("incident", [i for i in IDS if i not in KNOWN_MISSES])
def test_who_ordered_it(results: dict, incident: str) -> None:
    r = results[incident]
    assert r.scores.fields.get("ordered_by") == 1.0, (
        f"{incident}: built {r.record.get('ordered_by')}, gold {r.gold.get('ordered_by')}"
    )
    gold_types = {item.get("type") for item in r.gold["ordered_by"]} - {"unknown", None}
    built_types = {item.get("type") for item in r.record.get("ordered_by") or []}
    assert gold_types <= built_types, f"{incident}: types {built_types}, gold {gold_types}"


def test_the_known_misses_still_miss(results: dict) -> None:
    """When one of them passes, move it out of KNOWN_MISSES (and the README)."""
    assert all(results[i].scores.fields.get("ordered_by", 0.0) < 1.0 for i in KNOWN_MISSES)


# --- the ideas the corpus exposed, each with a case where it must not fire -----------------


def _orderers(tmp_path: Path, articles: list[tuple[str, str, str]]) -> list[str]:
    paths = []
    for i, (language, published, body) in enumerate(articles, 1):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"---\nlanguage: {language}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return [item["name"] for item in build_record(paths).record.get("ordered_by") or []]


def test_the_orderer_of_an_earlier_episode_is_background(tmp_path: Path) -> None:
    body = (
        "Mobile internet was cut across Kenya on Monday on the orders of the Ministry of Interior, "
        "operators said.\n\nIn 2021, during the last election, the Communications Authority of Kenya "
        "had ordered a two-day suspension of social media."
    )
    names = _orderers(tmp_path, [("en", "2025-03-04", body)])
    assert names == ["Ministry of Interior"]


def test_a_retrospective_dates_the_incident_itself(tmp_path: Path) -> None:
    articles = [
        ("en", "2008-05-14", "Kenya blocked the video site Vidlo on Monday, May 12, on the orders of the Communications Authority of Kenya."),
        ("en", "2010-05-02", "In 2008, the Communications Authority of Kenya ordered operators to block the video site Vidlo."),
    ]
    names = _orderers(tmp_path, articles)
    assert len(names) == 1 and "Communications Authority" in names[0], names


def test_a_laws_year_is_no_background(tmp_path: Path) -> None:
    body = (
        "The video site Vidlo was blocked on Monday, March 3. Under the Computer Misuse and Cybercrimes Act of "
        "2018, the Communications Authority of Kenya ordered operators to block the site on Monday."
    )
    names = _orderers(tmp_path, [("en", "2025-03-04", body)])
    assert len(names) == 1 and "Communications Authority" in names[0], names


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Interior Minister Ada Kross refused to say who had ordered the shutdown of mobile internet."),
        ("fr", "Le ministre de l'Intérieur a refusé de dire qui avait décidé la coupure d'Internet."),
        ("es", "El ministro del Interior dijo que no sabía quién había ordenado el corte de internet."),
    ],
)
def test_asking_who_ordered_it_names_no_orderer(tmp_path: Path, language: str, body: str) -> None:
    assert _orderers(tmp_path, [(language, "2025-06-18", body)]) == []


def test_a_relative_clause_still_names_its_orderer(tmp_path: Path) -> None:
    body = "Le ministère de l'Intérieur, qui a ordonné la coupure d'Internet mardi, n'a pas commenté."
    assert _orderers(tmp_path, [("fr", "2025-06-18", body)]) == ["Ministry of Interior"]


@pytest.mark.parametrize(
    ("language", "body", "name"),
    [
        (
            "fr",
            "L'Internet mobile est coupé depuis lundi sur décision du Conseil national de redressement (CNR), "
            "au pouvoir depuis le coup d'État.",
            "Conseil national de redressement",
        ),
        (
            "sw",
            "Mamlaka ya Udhibiti wa Mawasiliano ya Lindora (MUML) imeagiza kampuni za simu kuzima huduma za "
            "intaneti.",
            "Mamlaka ya Udhibiti wa Mawasiliano ya Lindora",
        ),
        (
            "es",
            "La Superintendencia de Comunicaciones (Supercom) ordenó a las operadoras bloquear la aplicación Trazo.",
            "Superintendencia de Comunicaciones",
        ),
    ],
)
def test_a_body_named_with_its_acronym_is_an_authority(tmp_path: Path, language: str, body: str, name: str) -> None:
    assert _orderers(tmp_path, [(language, "2025-01-14", body)]) == [name]


@pytest.mark.parametrize(
    "body",
    [
        # a company, however it abbreviates itself
        "The Lindora Mobile Telephone Company (LMTC) said it blocked the app after receiving an order.",
        # letters that do not spell the name
        "The Harbour Authority (XQZ) ordered the port closed.",
        # a rights group
        "The Digital Rights Council (DRC) ordered its members to protest against the block of the app.",
    ],
)
def test_no_authority_from_an_acronym_that_is_not_a_public_body(tmp_path: Path, body: str) -> None:
    names = _orderers(tmp_path, [("en", "2025-01-14", body)])
    assert not any("Company" in n or "Harbour" in n or "Rights" in n for n in names), names


def test_one_body_named_with_the_same_acronym_in_two_languages(tmp_path: Path) -> None:
    names = _orderers(
        tmp_path,
        [
            ("en", "2025-08-08", "The Lindora Post and Telecoms Regulatory Authority (ARPTL) ordered operators to slow down social media."),
            ("fr", "2025-08-08", "L'Autorité de régulation de la poste et des télécommunications de Lindora (ARPTL) a ordonné aux opérateurs de ralentir les réseaux sociaux."),
        ],
    )
    assert len(names) == 1, names


def test_a_court_that_suspends_the_block_is_no_orderer(tmp_path: Path) -> None:
    articles = [
        ("pt", "2025-08-20", "O juiz Otávio Lemos, da 1ª Vara Criminal de Serra Azul, determinou a suspensão do aplicativo Pingo em todo o país."),
        ("pt", "2025-08-22", "O desembargador Caio Nunes, do Tribunal de Justiça, suspendeu nesta quinta-feira a decisão que havia bloqueado o aplicativo Pingo."),
    ]
    names = _orderers(tmp_path, articles)
    assert names == ["Judge Otávio Lemos"]


def test_a_state_government_and_its_home_department_are_one_orderer(tmp_path: Path) -> None:
    body = "राज्य सरकार के गृह विभाग ने रविवार को एक आदेश जारी कर दो जिलों में मोबाइल इंटरनेट बंद कर दिया।"
    assert _orderers(tmp_path, [("hi", "2025-07-21", body)]) == ["Home Department"]


def test_election_results_announced_by_a_commission_order_nothing(tmp_path: Path) -> None:
    body = (
        "A internet móvel ficou lenta na sexta-feira, no primeiro dia de protestos contra os resultados das "
        "eleições anunciados pela Comissão Nacional de Eleições (CNE) de Lindora."
    )
    assert _orderers(tmp_path, [("pt", "2025-10-25", body)]) == []


def test_an_electoral_commission_that_requests_the_cut_is_an_orderer(tmp_path: Path) -> None:
    body = (
        "Mamlaka ya Mawasiliano imeagiza kampuni za simu kusitisha mitandao ya kijamii kufuatia ombi la Tume ya "
        "Taifa ya Uchaguzi."
    )
    assert "National Electoral Commission" in _orderers(tmp_path, [("sw", "2025-10-29", body)])
