"""records/pk-2024-x.yaml is the builder's output on seeds/, reviewed by a person.

`build seeds/ -o records/` rebuilds it (the README says so); rebuilding must change nothing, and a build from scratch
(no reviewed record to keep) must agree with the reviewed record on every core field.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import cli
from shutdown_records.extraction import build_record
from shutdown_records.fields import FIELDS
from shutdown_records.validate import validate_paths
from shutdown_records.yamlio import read_record_file

RECORD = REPO_ROOT / "records" / "pk-2024-x.yaml"
SEEDS = REPO_ROOT / "seeds"

# The fields every record writes (fields.py `always_written`): plain values compared whole,
# named lists item by item through their item key.
CORE_FIELDS = tuple(f.name for f in FIELDS if f.always_written and f.kind != "named_list")
NAMED_FIELDS = {f.name: f.item_key for f in FIELDS if f.always_written and f.item_key}


def test_readme_main_job_rebuilds_the_reviewed_record_byte_for_byte(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "records").mkdir()
    shutil.copy(RECORD, tmp_path / "records" / RECORD.name)
    target = tmp_path / "records" / RECORD.name
    result = CliRunner().invoke(
        cli, ["build", str(tmp_path / "seeds"), "-o", str(target), "--quiet"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == RECORD.read_bytes(), "rebuilding the seeds changed the reviewed record"


def test_seed_record_is_valid_with_no_warnings() -> None:
    result = validate_paths([RECORD], strict=True)
    assert result.ok and result.warning_count == 0, [str(p) for p in result.problems]


def test_build_from_scratch_agrees_with_the_reviewed_record_on_every_core_field(tmp_path: Path) -> None:
    reviewed = read_record_file(RECORD)
    built = build_record([SEEDS], record_path=tmp_path / RECORD.name).record
    for field in CORE_FIELDS:
        assert built[field] == reviewed[field], field
    for field, key in NAMED_FIELDS.items():
        assert sorted(item[key] for item in built[field]) == sorted(item[key] for item in reviewed[field]), field
