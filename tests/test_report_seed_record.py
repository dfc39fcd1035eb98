"""The report of the real seed record: a value that passes `validate` never shows as ungrounded."""

from __future__ import annotations

from conftest import REPO_ROOT
from shutdown_records.records import load_record
from shutdown_records.report.evidence import build_record_view
from shutdown_records.report.sources import SourceCache

RECORD = REPO_ROOT / "records" / "pk-2024-x.yaml"


def test_seed_record_shows_every_value_grounded_even_where_sources_disagree() -> None:
    incident = load_record(RECORD)
    assert incident.conflicts, "the seed record keeps conflicts between sources; this test needs one"
    view = build_record_view(incident, RECORD, SourceCache())
    assert view.covered == view.needed
    platforms = next(f for f in view.fields if f.name == "platforms")
    assert [v.display for v in platforms.values] == ["X"] and platforms.values[0].quotes
    conflict = next(c for c in view.conflicts if c.field == "platforms")
    assert conflict.chosen == "X"
    assert [c.value for c in conflict.candidates if c.chosen] == ["X"]
