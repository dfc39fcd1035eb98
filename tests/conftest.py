"""Shared test fixtures: where the repository and the reference corpus are."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
NO_CORPUS_REASON = "../shared/corpus not present beside the repository (CI has it)"


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def shared_corpus() -> Path:
    if not (SHARED_CORPUS / "README.md").is_file():
        pytest.skip(NO_CORPUS_REASON)
    return SHARED_CORPUS
