"""Shared test fixtures: where the repository and the reference corpus are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
NO_CORPUS_REASON = "../shared/corpus not present beside the repository (CI has it)"


def clear_data_caches() -> None:
    """Forget everything the package cached from its data files (language files, vocabularies,
    compiled cue sets built from them): a test that points the loaders at other data must not
    leave cue sets built from that data behind for the tests after it."""
    for name, module in list(sys.modules.items()):
        if name == "shutdown_records" or name.startswith("shutdown_records."):
            for value in list(vars(module).values()):
                # the type, not the value: a proxy (flask's `request`) raises on any attribute outside a request
                if hasattr(type(value), "cache_clear") and getattr(value, "__module__", None) == name:
                    value.cache_clear()


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture
def shared_corpus() -> Path:
    if not (SHARED_CORPUS / "README.md").is_file():
        if os.environ.get("SHUTDOWN_RECORDS_REQUIRE_CORPUS"):
            pytest.fail(f"SHUTDOWN_RECORDS_REQUIRE_CORPUS is set but {NO_CORPUS_REASON}")
        pytest.skip(NO_CORPUS_REASON)
    return SHARED_CORPUS


# In CI (.ci/run sets these) a browser or corpus test that skips is a failure: a missing
# Chromium or a missing ../shared must not turn the gate green by skipping it.
_REQUIRED_MARKERS = {
    "browser": "SHUTDOWN_RECORDS_REQUIRE_BROWSER",
    "corpus": "SHUTDOWN_RECORDS_REQUIRE_CORPUS",
}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    outcome = yield
    report = outcome.get_result()
    if not report.skipped:
        return
    for marker, env in _REQUIRED_MARKERS.items():
        if item.get_closest_marker(marker) and os.environ.get(env):
            report.outcome = "failed"
            report.longrepr = f"{item.nodeid}: skipped, but {env} is set (CI must run it): {report.longrepr}"
            return
