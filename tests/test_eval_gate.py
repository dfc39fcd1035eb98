"""The evaluation gate: the builder's scores on ../shared/corpus must not fall below the floors
in bench/eval_baseline.json. A change that lowers quality fails here unless a floor is lowered
on purpose; raise the floors with
`shutdown-records eval ../shared/corpus --write-baseline bench/eval_baseline.json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.evaluate import check_baseline, evaluate_corpus, load_baseline

from conftest import REPO_ROOT

BASELINE = REPO_ROOT / "bench" / "eval_baseline.json"


@pytest.mark.corpus
def test_builder_scores_on_shared_corpus_stay_at_or_above_their_floors(shared_corpus: Path) -> None:
    floors = load_baseline(BASELINE)
    result = evaluate_corpus(shared_corpus)
    assert {r.id for r in result.incidents} >= set(floors["incidents"]), "an incident with a floor was not run"
    drops = check_baseline(result, floors)
    assert not drops, "scores below their floors (see docs/eval.md):\n" + "\n".join(map(str, drops))
