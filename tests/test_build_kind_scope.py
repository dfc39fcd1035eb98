"""kind, platforms, scope and networks on invented articles in many languages: a whole-network
shutdown that names the platforms people could not use, a block story that recalls an earlier
shutdown, blackout and slowdown wording, and regional shutdowns (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record


def _build(tmp_path: Path, lang: str, body: str, published: str = "2025-03-10") -> dict:
    """Build one record from one invented article."""
    p = tmp_path / "a.txt"
    p.write_text(
        f"---\nurl: https://example.org/a\npublished: {published}\nlanguage: {lang}\n---\n{body}\n",
        encoding="utf-8",
    )
    result = build_record([p])
    failed = [m for m in result.problems if "extractor" in m]
    assert not failed, failed
    return result.record


# ------------------------------------------------------- a block story recalls an old shutdown


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Veloria blocks TikTok\n\nVeloria's telecom regulator blocked TikTok on Monday, citing videos "
            "it said insulted the president. In 2021, the country shut down the internet entirely for "
            "five days during the election.",
        ),
        (
            "fr",
            "La Veloria bloque TikTok\n\nLe régulateur des télécommunications a bloqué TikTok lundi en "
            "Veloria. En 2021, le pays avait coupé internet pendant cinq jours lors de l'élection.",
        ),
        (
            "es",
            "Veloria bloquea TikTok\n\nEl regulador de telecomunicaciones bloqueó TikTok el lunes en "
            "Veloria. En 2021, el país cortó internet durante cinco días en las elecciones.",
        ),
        (
            "pt",
            "Velória bloqueia o TikTok\n\nO regulador das telecomunicações bloqueou o TikTok na "
            "segunda-feira na Velória. Em 2021, o país cortou a internet durante cinco dias nas eleições.",
        ),
        (
            "en",
            "Dravia bans TikTok\n\nThe communications ministry of Dravia banned TikTok on Tuesday. "
            "Last year the government cut off the internet for a week during protests.",
        ),
    ],
)
def test_an_earlier_shutdown_recalled_in_a_block_story_is_background(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "service_block"
    assert record["platforms"] == ["TikTok"]


def test_an_earlier_block_recalled_in_a_shutdown_story_is_background(tmp_path):
    body = (
        "Veloria cuts internet\n\nAuthorities in Veloria cut the internet nationwide on Monday, "
        "NetBlocks said. In 2021, the regulator blocked TikTok for a month."
    )
    record = _build(tmp_path, "en", body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []


def test_a_year_of_the_articles_own_is_the_story_not_background(tmp_path):
    body = (
        "Veloria blocks TikTok, cuts internet in the north\n\nIn 2025, the regulator blocked TikTok "
        "nationwide. The authorities shut down the internet in March 2025 in the province of Karsh."
    )
    plain = body.replace("In 2025, the", "The").replace(" in March 2025", "")
    assert _build(tmp_path, "en", body)["kind"] == _build(tmp_path, "en", plain)["kind"]
