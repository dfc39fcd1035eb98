"""tests/eval_corpus is held to the reference corpus's own rules, so scores on it mean something."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.evaluate.corpus import find_incidents, load_gold
from shutdown_records.evaluate.scoring import SCORED_FIELDS

from conftest import REPO_ROOT

EVAL_CORPUS = REPO_ROOT / "tests" / "eval_corpus"
INCIDENTS = find_incidents(EVAL_CORPUS)


def _front_matter(text: str) -> dict[str, str]:
    head, _, _ = text.partition("\n---\n")
    assert head.startswith("---\n"), "a source starts with front matter"
    return dict(line.split(": ", 1) for line in head.splitlines()[1:])


def test_eval_corpus_has_incidents_in_three_languages() -> None:
    languages = {
        _front_matter(path.read_text(encoding="utf-8"))["language"]
        for incident in INCIDENTS
        for path in incident.source_paths
    }
    assert len(INCIDENTS) == 3 and languages == {"en", "es", "pt"}


@pytest.mark.parametrize("incident", INCIDENTS, ids=lambda i: i.id)
def test_eval_corpus_gold_states_every_scored_field_and_quotes_its_sources(incident) -> None:  # type: ignore[no-untyped-def]
    gold = load_gold(incident.gold_path)
    assert gold["incident"] == incident.id
    assert set(SCORED_FIELDS) <= set(gold)
    texts = {path.name: path.read_text(encoding="utf-8") for path in incident.source_paths}
    for field_name, cited in gold["evidence"].items():
        for citation in cited if isinstance(cited, list) else [cited]:
            assert citation["quote"] in texts[citation["source"]], f"{field_name}: quote not in {citation['source']}"
