"""tests/scan_stream3 (written blind, its README) and the ideas its splits led to: a national
outlet's follow-up that names no country and other platforms than the wire's, a city-only report
two incidents fit equally well in time, and French and Swahili ways of writing a cut.
Invented articles, towns and people."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from test_scan_grouping import item, members

from conftest import REPO_ROOT
from shutdown_records.extraction.pipeline import build_record
from shutdown_records.scan.grouping import Item, group_items
from shutdown_records.scan.relevance import judge

pytest.importorskip("ahocorasick_rs", reason="the scan extra is part of .[test]")


def _eval_scan() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_scan", REPO_ROOT / "bench" / "eval_scan.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_third_invented_stream_keeps_its_figures() -> None:
    """Blind: relevance 0.917/0.957, grouping B-cubed 1.000/0.828/0.906 (README)."""
    module = _eval_scan()
    items = module.corpus_stream([REPO_ROOT / "tests" / "scan_stream3"])
    assert sum(1 for _, incident in items if incident is None) == 8  # the hard negatives
    relevance = module.relevance_scores(items, verbose=False)
    assert relevance["precision"] >= 0.95 and relevance["recall"] >= 0.98, relevance
    scores = module.grouping_scores(items, verbose=False, drafts=False)
    assert scores["bcubed_precision"] >= 0.99 and scores["bcubed_f1"] >= 0.99, scores


# ---------------------------------------------------------------- a national outlet's follow-up


def _outlet(row: Item, outlet: str | None) -> Item:
    return dataclasses.replace(row, outlet=outlet)


def _exam_follow_up(outlet: str | None, start: str = "2025-06-15") -> list[list[int]]:
    """A social-media block for exams in DZ (the wire names the platforms), an exam incident in
    SN the same weeks (network-wide), and a follow-up naming no country and no platform ("the
    internet is back after the exams"), from an outlet of `outlet`, stating `start`."""
    exams = frozenset({"exams"})
    social = frozenset({"Facebook", "TikTok"})
    rows = [
        item(1, "DZ", published="2025-06-15", start="2025-06-15", language="fr", platforms=social, contexts=exams),
        item(2, "DZ", published="2025-06-17", start="2025-06-15", platforms=social, contexts=exams),
        item(3, "SN", published="2025-07-01", start="2025-06-30", language="fr", kind="full_network", contexts=exams),
        _outlet(
            item(4, None, published="2025-06-20", start=start, end="2025-06-19", language="fr", contexts=exams), outlet
        ),
    ]
    return members(group_items(rows))


def test_a_follow_up_naming_no_country_joins_the_incident_of_its_outlets_country_and_start() -> None:
    assert _exam_follow_up("DZ") == [[1, 2, 4], [3]]


def test_without_a_national_outlet_the_platforms_must_still_match() -> None:
    assert _exam_follow_up(None) == [[1, 2], [3, 4]]


def test_a_national_outlet_stating_another_start_is_not_taken_in() -> None:
    assert _exam_follow_up("DZ", start="2025-06-11") == [[1, 2], [3, 4]]


# ---------------------------------------------------------------- a city-only report


def _city_only(start: str) -> list[list[int]]:
    """Two regional cuts days apart in two countries (both network-wide, English); an article
    naming only a city ("Quetta", "the province") reports one from `start`."""
    rows = [
        item(1, "ET", published="2025-08-05", start="2025-08-04", kind="full_network"),
        item(2, "ET", published="2025-08-07", start="2025-08-04", end="2025-08-06", kind="full_network"),
        item(3, "PK", published="2025-08-07", start="2025-08-06", kind="full_network"),
        item(4, "PK", published="2025-08-27", start="2025-08-06", kind="full_network"),
        item(5, None, published="2025-08-06", start=start, kind="full_network"),
    ]
    return members(group_items(rows))


def test_a_city_only_report_joins_the_one_tied_incident_stating_its_start() -> None:
    assert _city_only("2025-08-06") == [[1, 2], [3, 4, 5]]


def test_a_city_only_report_whose_start_both_incidents_state_joins_neither() -> None:
    assert _city_only("2025-08-05") == [[1, 2], [3, 4], [5]]


# ---------------------------------------------------------------- relevance


def test_french_deprived_of_the_internet_is_a_cut() -> None:
    verdict = judge(
        "Une semaine sans réseau à Velmont\n\nLes habitants de la région de Velmont sont privés d'internet "
        "mobile depuis lundi. La coupure n'a pas été reconnue.\n"
    )
    assert verdict.relevant, verdict


def test_french_deprived_of_water_is_not() -> None:
    verdict = judge("Sécheresse à Velmont\n\nLes habitants sont privés d'eau depuis lundi, selon la mairie.\n")
    assert not verdict.relevant, verdict


def test_swahili_switched_off_with_a_subject_prefix_is_a_cut() -> None:
    verdict = judge(
        "Intaneti yazimwa siku ya uchaguzi\n\nHuduma ya intaneti imezimwa nchi nzima tangu jioni, siku ya "
        "uchaguzi mkuu, wakazi wa Mji wa Kilele walisema.\n"
    )
    assert verdict.relevant, verdict


def test_an_italian_bill_not_yet_law_is_not_a_block() -> None:
    verdict = judge(
        "Social vietati ai minori: la proposta in Senato\n\nLa proposta di legge prevede la verifica dell'età "
        "per le piattaforme di Valdorso. La proposta di legge non prevede il blocco dei servizi, ma multe.\n"
    )
    assert not verdict.relevant, verdict


def test_a_regulators_fine_without_a_suspension_is_not_a_block() -> None:
    verdict = judge(
        "Autoridade multa rede social Kwiko\n\nA autoridade aplicou uma multa de R$ 20 milhões à plataforma "
        "Kwiko e descartou, por enquanto, suspender a plataforma. A multa foi considerada baixa. A empresa "
        "vai recorrer da multa, disse a autoridade de Vila Serena.\n"
    )
    assert not verdict.relevant, verdict


def test_a_block_ordered_with_a_daily_fine_is_still_a_block() -> None:
    verdict = judge(
        "Juiz manda bloquear o aplicativo Velo\n\nO juiz de Vila Serena determinou o bloqueio do aplicativo "
        "Velo em todo o país e fixou multa diária de R$ 100 mil às operadoras que não cumprirem a ordem.\n"
    )
    assert verdict.relevant, verdict


# ---------------------------------------------------------------- a retrospective's later paragraphs


def _start(tmp_path: Path, published: str, body: str) -> str | None:
    path = tmp_path / "01.txt"
    path.write_text(f"---\nlanguage: en\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return build_record([path]).record.get("start_date")


RETRO = (
    "A year ago this week, users in Velmar found Chatterly unreachable. It was Oct. 25, 2024, the first "
    "day of a strike, and the start of weeks of restrictions.\n\n"
    "The restrictions escalated. From Oct. 31, mobile data was cut every afternoon, until a court ordered "
    "operators to stop."
)


def test_a_retrospective_goes_on_in_the_year_of_its_opening_full_date_in_later_paragraphs(tmp_path: Path) -> None:
    # published 2025-10-24: "Oct. 31" read in the article's year would be after its publication
    assert _start(tmp_path, "2025-10-24", RETRO) == "2024-10-31"


def test_a_later_paragraph_does_not_take_the_year_of_a_background_date(tmp_path: Path) -> None:
    # the first full date is the article's own news; the 2024 one is background
    body = (
        "The regulator said on Oct. 20, 2025 that Chatterly would be blocked in Velmar. In a similar case, on "
        "Oct. 25, 2024, the app was suspended for a week.\n\nThe block takes effect from Oct. 31, it said."
    )
    assert _start(tmp_path, "2025-10-24", body) != "2024-10-31"
