"""Floors for the invented corpora kept in this repository, so quality on articles the rules
were not written from cannot slip unnoticed.

- tests/dev_corpus, tests/dev2_corpus: invented articles that were used to find general
  weaknesses (no longer blind);
- tests/holdout_corpus: invented articles nobody tuned on; its floor is a regression alarm,
  not a target to tune against.

Raise a floor after an improvement with
`shutdown-records eval tests/<name> --write-baseline tests/floors/<name>.json`.
"""

from __future__ import annotations

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import check_baseline, evaluate_corpus, find_incidents, load_baseline
from shutdown_records.evaluate.corpus_id import corpus_digest

CORPORA = ("dev_corpus", "dev2_corpus", "holdout_corpus")


@pytest.mark.parametrize("name", CORPORA)
def test_builder_scores_on_in_repo_corpus_stay_at_or_above_their_floors(name: str) -> None:
    floors = load_baseline(REPO_ROOT / "tests" / "floors" / f"{name}.json")
    digest = corpus_digest(find_incidents(REPO_ROOT / "tests" / name))
    assert digest == floors.get("corpus_digest"), (
        f"tests/{name} changed since tests/floors/{name}.json was pinned: its floors are not comparable. "
        f"Re-pin with `shutdown-records eval tests/{name} --write-baseline tests/floors/{name}.json` "
        "(add --allow-lower if a floor must go down, and say why in the commit)"
    )
    result = evaluate_corpus(REPO_ROOT / "tests" / name)
    assert {r.id for r in result.incidents} >= set(floors["incidents"]), "an incident with a floor was not run"
    drops = check_baseline(result, floors)
    assert not drops, f"{name}: scores below their floors (see docs/eval.md):\n" + "\n".join(map(str, drops))
