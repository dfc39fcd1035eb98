"""Acceptance of issue 8 on the real STOP sheets in ../shared/stop: every row imported or
merged, every row back intact through `export --format stop --like SHEET`, and no OONI
finding of the imported records refused by OONI's request model. Prints the figures
(`pytest -s`); `python bench/stop_round_trip.py ../shared/stop/*.csv` prints the same."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import REPO_ROOT

SHARED_STOP = REPO_ROOT.parent / "shared" / "stop"
SHEETS = sorted(SHARED_STOP.glob("*.csv")) if SHARED_STOP.is_dir() else []

sys.path.insert(0, str(REPO_ROOT / "bench"))
from stop_round_trip import round_trip  # noqa: E402


@pytest.mark.corpus
@pytest.mark.parametrize("name", [p.name for p in SHEETS] or ["(no sheets)"])
def test_every_row_of_a_real_sheet_is_imported_and_comes_back_intact(name: str, tmp_path: Path) -> None:
    if not SHEETS:
        pytest.skip("../shared/stop not present beside the repository (CI has it)")
    figures = round_trip(SHARED_STOP / name, tmp_path)
    result = figures["result"]
    rows = figures["rows"]
    print(
        f"\n{name}: {rows} rows ({result.layout}); imported {len(result.written)}, merged {len(result.merged)}, "
        f"failed {len(result.errors)}; drafts with problems {len(result.problems)}; back intact "
        f"{figures['intact']}/{rows}; OONI findings rejected {len(figures['ooni_rejected'])}/{figures['records']}"
    )
    assert rows > 0
    assert [str(e) for e in result.errors] == []
    assert len(result.written) + len(result.merged) == rows
    assert figures["records"] == len(result.written)
    assert figures["intact"] == rows
    assert figures["ooni_rejected"] == []
