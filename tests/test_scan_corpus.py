"""A regression gate for `scan` on the development stream of ../shared (dev incidents + the
'tune' half of the distractors, bench/scan_split.json). These are the articles the cues were
tuned on, so the floors guard against regressions; they are not evidence of generalisation
(bench/eval_scan.py reports the unseen part separately)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO_ROOT

pytest.importorskip("ahocorasick_rs", reason="the scan extra is part of .[test]")


def _eval_scan():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_scan", REPO_ROOT / "bench" / "eval_scan.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.corpus
def test_relevance_on_the_development_stream_keeps_its_floor(shared_corpus) -> None:
    scores = _eval_scan().relevance_scores(_eval_scan().stream("dev"), verbose=False)
    assert scores["precision"] >= 0.95 and scores["recall"] >= 0.95, scores


@pytest.mark.corpus
def test_grouping_on_the_development_stream_keeps_its_floor(shared_corpus) -> None:
    module = _eval_scan()
    items = [(path, incident) for path, incident in module.stream("dev") if incident is not None]
    scores = module.grouping_scores(items, verbose=False)
    assert scores["bcubed_f1"] >= 0.90, scores  # the acceptance target
    # "each incident's draft as good as `build` on the same articles"
    assert scores["draft_score_scan"] >= scores["draft_score_build"] - 0.01, scores
