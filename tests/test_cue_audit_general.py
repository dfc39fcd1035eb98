"""Cues that bench/cue_audit.py found matching one dev incident only, kept because they state
a general construction of their language: each is shown here on an invented article (invented
places and people), so it is kept for what it says in general, not for one corpus sentence."""

from __future__ import annotations

import pytest
from test_extract_cues import make_doc, run, support


def best(text: str, field: str, language: str = "en") -> dict[str, float]:
    return support(run(make_doc(text, language)), field)


def test_no_local_legal_representative_is_non_compliance() -> None:
    found = best(
        "The regulator of Veloria blocked Chirper on Monday because the company had no legal representative "
        "in the country, as a 2023 law requires.",
        "justification",
    )
    assert max(found, key=found.get) == "non_compliance"


def test_the_most_populous_nation_epithet_is_national_scope() -> None:
    found = best("Chirper was blocked on Tuesday in the continent's most populous nation, Marenia.", "scope")
    assert found.get("national", 0) >= 1.0


@pytest.mark.parametrize("what", ["stationary connections", "stationary internet", "stationary devices"])
def test_stationary_connections_are_fixed_networks(what: str) -> None:
    found = best(f"Tanzol throttled Chirper by half on {what} and fully on mobile phones in Marenia.", "networks")
    assert found.get("fixed", 0) > 0


@pytest.mark.parametrize("kind", ["written directives", "official instructions", "formal instructions"])
def test_operators_receiving_written_instructions_is_an_acknowledgement(kind: str) -> None:
    found = best(
        f"The operators of Veloria said they had received {kind} from the Marenian Communications Authority "
        "to block Chirper.",
        "acknowledged",
    )
    assert found.get("True", 0) > 0


def test_a_national_exam_named_by_its_initials_is_exam_context_in_french() -> None:
    found = best(
        "Internet a été coupé à Veloria pendant les épreuves du BEM, selon le ministre Tavo Renk.", "context", "fr"
    )
    assert found.get("exams", 0) > 0


def test_ville_morte_strike_days_are_protests_in_french() -> None:
    found = best(
        "Les réseaux sociaux ont été bloqués à Lubenza pendant les journées villes mortes lancées par l'opposition.",
        "context",
        "fr",
    )
    assert found.get("protests", 0) > 0
