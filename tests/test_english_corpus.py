"""Whole records on tests/english_corpus: twelve invented incidents told the way English-language
wires, local dailies, NGO releases and court reports tell them (blind 0.859 before the fixes this
file guards). Then one focused test per idea the corpus exposed, each with a case where it must
not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import evaluate_corpus
from shutdown_records.extraction.pipeline import build_record

CORPUS = REPO_ROOT / "tests" / "english_corpus"
OVERALL_FLOOR = 0.92  # 0.925 when pinned
FIELD_FLOORS = {
    "country": 1.0,
    "platforms": 0.97,
    "kind": 1.0,
    "scope": 1.0,
    "start_date": 1.0,
    "end_date": 0.91,
    "ordered_by": 0.94,
    "justification": 0.86,
    "context": 0.97,
    "court_challenges": 0.97,
    "workarounds": 1.0,
    "acknowledged": 1.0,
}


@pytest.fixture(scope="module")
def report():  # noqa: ANN201
    return evaluate_corpus(CORPUS)


def test_the_corpus_scores_at_least_its_pinned_figures(report) -> None:  # noqa: ANN001
    scores = [r.score for r in report.incidents if r.score is not None]
    assert len(scores) >= 12
    assert sum(scores) / len(scores) >= OVERALL_FLOOR
    means = report.field_means()
    for field, floor in FIELD_FLOORS.items():
        assert means[field] >= floor - 1e-9, f"{field}: {means[field]:.3f} < {floor}"


def _build(tmp_path: Path, *articles: tuple[str, str]) -> dict:
    paths = []
    for i, (published, body) in enumerate(articles, 1):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"---\nlanguage: en\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return build_record(paths).record


def _names(items: list) -> list[str]:
    return [str(i.get("name") or i.get("court") or i.get("instrument")) if isinstance(i, dict) else str(i) for i in items]


# --- platforms: history told in a dated sentence ----------------------------------------------


def test_a_platform_named_only_in_an_older_year_is_background(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2025-05-12",
            "Authorities blocked TikTok across Veloria on Monday, citing hate speech.\n\n"
            "In June 2022, the authorities blocked Facebook and WhatsApp for several days during riots.",
        ),
    )
    assert record["platforms"] == ["TikTok"]


def test_a_retrospective_keeps_its_only_platform(tmp_path: Path) -> None:
    # must not fire: the dated sentence is the story when nothing else is blocked now
    record = _build(
        tmp_path,
        ("2025-05-12", "Seven years on: in March 2018 Telegram was blocked across the country for a week."),
    )
    assert record["platforms"] == ["Telegram"]


# --- reasons -----------------------------------------------------------------------------------


def test_refusing_to_hand_over_data_is_non_compliance(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2026-04-26",
            "A judge ordered operators to suspend Telegram nationwide after the company failed to hand "
            "over data on groups under investigation, according to the decision.",
        ),
    )
    assert "non_compliance" in record["justification"]


def test_handing_over_a_person_is_not_non_compliance(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2026-04-26",
            "Telegram was blocked nationwide on Saturday. Separately, police said the border guards failed "
            "to hand over a suspect.",
        ),
    )
    assert "non_compliance" not in record["justification"]


def test_spreading_panic_is_misinformation_and_armed_groups_are_security(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2025-08-05",
            "The government cut mobile internet across Dalvara province on Sunday, saying the measure was "
            "needed to prevent armed groups from coordinating attacks and to stop miscreants spreading panic.",
        ),
    )
    assert {"national_security", "misinformation"} <= set(record["justification"])


def test_panic_among_residents_is_no_reason(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        ("2025-08-05", "The internet was cut across Dalvara province on Sunday, causing panic among traders."),
    )
    assert "misinformation" not in record["justification"]


# --- context -----------------------------------------------------------------------------------


def test_an_agitation_is_a_protest(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2026-02-21",
            "The state government suspended mobile internet in Ranpur district for 48 hours as the farmers' "
            "agitation intensified.",
        ),
    )
    assert "protests" in record["context"]


# --- legal basis -------------------------------------------------------------------------------


def test_a_title_with_a_hyphenated_gloss_and_a_directive_on(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2025-10-12",
            "Mobile data was suspended nationwide on Saturday. The order invoked Section 54 of the Veloria "
            "Telecommunication (Re-organisation) Act, 1996.\n\n"
            "The minister said the ban on Zapgram was imposed under the Directive on the Operation of Social "
            "Networking, 2023.",
        ),
    )
    names = _names(record["legal_basis"])
    assert any(n.startswith("Veloria Telecommunication (Re-organisation) Act") for n in names), names
    assert "Directive on the Operation of Social Networking, 2023" in names


def test_a_directive_in_lower_case_is_no_title(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        ("2025-10-12", "TikTok was blocked on Saturday under a directive on the operation of platforms."),
    )
    assert record["legal_basis"] == []


# --- orderers ----------------------------------------------------------------------------------


def test_a_body_that_can_order_a_block_did_not_order_this_one(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2025-03-09",
            "X was throttled across Veloria on Saturday. The Veloria Media Authority, which can order "
            "internet providers to restrict access, did not respond to a request for comment.",
        ),
    )
    assert not any("Media Authority" in n for n in _names(record["ordered_by"]))


def test_a_body_that_ordered_the_block_is_its_orderer(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2025-03-09",
            "The Veloria Media Authority ordered internet providers to restrict access to X on Saturday.",
        ),
    )
    assert any("Media Authority" in n for n in _names(record["ordered_by"]))


# --- workarounds -------------------------------------------------------------------------------


def test_rival_apps_and_neighbouring_districts_are_other_workarounds(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2026-02-26",
            "Mobile internet was suspended in Ranpur district on Friday. Residents travelled to neighbouring "
            "districts to get online, while others switched to rival apps.",
        ),
    )
    assert "other" in record["workarounds"]


def test_travelling_to_the_capital_is_no_workaround(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        ("2026-02-26", "Mobile internet was suspended in Ranpur district on Friday. The minister travelled to the capital."),
    )
    assert "other" not in record["workarounds"]


# --- dates -------------------------------------------------------------------------------------


def test_issued_the_order_and_unreachable_date_the_block(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        (
            "2026-04-26",
            "Judge Ana Ruela of the 3rd Court of Porto Selva issued the order on Friday. By Saturday afternoon "
            "the Zapgram app was unreachable for most users.",
        ),
    )
    assert record["start_date"] in ("2026-04-25", "2026-04-24")
