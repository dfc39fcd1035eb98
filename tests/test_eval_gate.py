"""The evaluation gate: the builder's scores on ../shared/corpus must not fall below the floors
in bench/eval_baseline.json. A change that lowers quality fails here unless a floor is lowered
on purpose; raise the floors with
`shutdown-records eval ../shared/corpus --write-baseline bench/eval_baseline.json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import check_baseline, evaluate_corpus, find_incidents, load_baseline
from shutdown_records.evaluate.corpus_id import corpus_digest

BASELINE = REPO_ROOT / "bench" / "eval_baseline.json"


@pytest.mark.corpus
def test_builder_scores_on_shared_corpus_stay_at_or_above_their_floors(shared_corpus: Path) -> None:
    floors = load_baseline(BASELINE)
    digest = corpus_digest(find_incidents(shared_corpus))
    assert digest == floors.get("corpus_digest"), (
        f"../shared/corpus changed since {BASELINE.name} was pinned (digest {digest[:19]}..., pinned on "
        f"{str(floors.get('corpus_digest'))[:19]}..., {floors.get('corpus_incidents')} incidents then, "
        f"{len(find_incidents(shared_corpus))} now): its floors are not comparable. Re-pin with `shutdown-records eval "
        "../shared/corpus --write-baseline bench/eval_baseline.json --allow-lower` and say in the commit that the corpus changed"
    )
    result = evaluate_corpus(shared_corpus)
    assert {r.id for r in result.incidents} >= set(floors["incidents"]), "an incident with a floor was not run"
    drops = check_baseline(result, floors)
    assert not drops, "scores below their floors (see docs/eval.md):\n" + "\n".join(map(str, drops))
