"""Writing over a user's file never leaves half of it behind."""

from __future__ import annotations

import os
import stat

import pytest

from shutdown_records.atomic import atomic_open, write_atomic


def test_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path) -> None:
    target = tmp_path / "record.yaml"
    target.write_text("id: kept\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as handle:
            handle.write("id: half-writ")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "id: kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.yaml"]


def test_new_file_gets_normal_permissions_not_private_temp_ones(tmp_path) -> None:
    target = tmp_path / "out.csv"
    old = os.umask(0o022)
    try:
        write_atomic(target, "a,b\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "a,b\n"
