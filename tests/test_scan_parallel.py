"""`scan` cut into parts: JSON Lines ranges (plain and gzip) read by the workers themselves,
the order tasks start in, and the lines the workers write. Whatever the cut, the output is the
one an unsplit read in this process gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("warcio", reason="the scan extra is part of .[test]")

from scan_articles import BLOCK_EN, BLOCK_FR, CABLE_CUT, ORDINARY, OWN_OUTAGE, gzip_bytes, jsonl_lines  # noqa: E402
from test_scan import rows, scan, tree  # noqa: E402

from shutdown_records.errors import EXIT_OK, EXIT_PARTIAL  # noqa: E402
from shutdown_records.scan import inputs  # noqa: E402
from shutdown_records.scan.engines import Engine, ProcessEngine, start_order  # noqa: E402
from shutdown_records.scan.inputs import Article, Unit, read_unit  # noqa: E402

MIXED = [ORDINARY, CABLE_CUT, BLOCK_EN, OWN_OUTAGE, BLOCK_FR] * 24  # 120 lines, 3 relevant in 5


def _read(units: list[Unit]) -> list[tuple[str, str]]:
    """(input, text or skip reason) of every article and skipped place, in order."""
    return [(a.input, a.text if isinstance(a, Article) else a.reason) for u in units for a in read_unit(u)]


def _line_offsets(data: bytes) -> list[int]:
    """Offset of each line's first byte."""
    starts, pos = [], 0
    for line in data.splitlines(keepends=True):
        starts.append(pos)
        pos += len(line)
    return starts


def _gz_ranges(path: Path, cuts: list[int]) -> list[Unit]:
    bounds = [0, *cuts]
    ends: list[int | None] = [*cuts, None]
    return [Unit("jsonl", (str(path),), start, end, None) for start, end in zip(bounds, ends, strict=True)]


def test_jsonl_gz_ranges_give_the_articles_of_an_unsplit_read_with_line_numbers(tmp_path: Path) -> None:
    data = jsonl_lines(MIXED).encode("utf-8")
    path = tmp_path / "stream.jsonl.gz"
    path.write_bytes(gzip_bytes(data))
    whole = _read([Unit("jsonl", (str(path),))])
    assert [place for place, _text in whole] == [f"{path}:{n}" for n in range(1, 121)]
    starts = _line_offsets(data)
    line = starts[40]
    # a cut exactly at a line start, one byte into a line (the line straddles it: the range
    # before keeps it), one byte before a line start, and many cuts inside one line
    for cuts in ([line], [line + 1], [line - 1], [line + 1, line + 2, line + 3], [7, line, len(data) - 3]):
        assert _read(_gz_ranges(path, cuts)) == whole, cuts
    # a cut past the end of the text: that range is empty, nothing read twice
    assert _read(_gz_ranges(path, [line, len(data) + 1000])) == whole


def test_truncated_jsonl_gz_in_ranges_reports_the_cut_once_where_an_unsplit_read_does(tmp_path: Path) -> None:
    data = jsonl_lines(MIXED).encode("utf-8")
    packed = gzip_bytes(data)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    whole = _read([Unit("jsonl", (str(path),))])
    assert "truncated" in whole[-1][1]
    starts = _line_offsets(data)
    for cuts in ([starts[10] + 5, starts[60] + 5, starts[100] + 5], [starts[30], starts[110]]):
        assert _read(_gz_ranges(path, cuts)) == whole, cuts


def test_scan_of_a_split_jsonl_gz_writes_what_an_unsplit_scan_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stream.jsonl.gz"
    path.write_bytes(gzip_bytes(jsonl_lines(MIXED).encode("utf-8")))
    one, three = tmp_path / "one", tmp_path / "three"
    assert scan(str(path), "-o", str(one), "-j", "1", "-q")[0] == EXIT_OK
    monkeypatch.setattr(inputs, "MIN_JSONL_CHUNK_BYTES", 4096)
    units = inputs.plan_units([path], workers=3).units
    assert len(units) == 6 and all(u.first_line is None for u in units)
    assert scan(str(path), "-o", str(three), "-j", "3", "-q")[0] == EXIT_OK
    assert tree(one) == tree(three)
    assert [r["relevant"] for r in rows(three)] == [False, False, True, False, True] * 24


def test_plain_and_gzip_json_lines_split_on_a_localcluster_match_a_serial_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.jsonl").write_text(jsonl_lines(MIXED[:60]), encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(gzip_bytes(jsonl_lines(MIXED[60:]).encode("utf-8")))
    serial, cluster = tmp_path / "serial", tmp_path / "cluster"
    assert scan(str(folder), "-o", str(serial), "-j", "1", "-q")[0] == EXIT_OK
    monkeypatch.setattr(inputs, "MIN_JSONL_CHUNK_BYTES", 4096)
    assert len(inputs.plan_units([folder], workers=2).units) > 6
    code, output = scan(str(folder), "-o", str(cluster), "--dask", "local", "-j", "2", "-q")
    assert code == EXIT_OK, output
    assert tree(serial) == tree(cluster)


def test_a_url_holding_the_relevant_key_text_is_copied_as_it_is(tmp_path: Path) -> None:
    tricky = {**ORDINARY, "url": 'https://news.example/?q="relevant": true, "incident": "x"'}
    path = tmp_path / "stream.jsonl"
    path.write_text(jsonl_lines([tricky, BLOCK_EN]), encoding="utf-8")
    out = tmp_path / "out"
    assert scan(str(path), "-o", str(out), "-j", "1", "-q")[0] == EXIT_OK
    first, second = rows(out)
    assert first["url"] == tricky["url"] and first["relevant"] is False and first["incident"] is None
    assert second["relevant"] is True and second["incident"]
    assert list(first) == ["input", "url", "language", "relevant", "why", "incident"]


def test_costliest_items_start_first_and_every_engine_returns_every_result() -> None:
    assert start_order(4) == [0, 1, 2, 3]
    assert start_order(4, [1.0, 9.0, 3.0, 9.0]) == [1, 3, 2, 0]
    items = list(range(7))
    costs = [float(i % 3) for i in items]
    assert sorted(Engine().map(abs, items, costs)) == [(i, i) for i in items]
    with ProcessEngine(2) as engine:
        assert sorted(engine.map(abs, items, costs)) == [(i, i) for i in items]


def test_a_bad_line_in_a_gzip_range_is_named_with_its_line_number(tmp_path: Path) -> None:
    data = (jsonl_lines(MIXED[:50]) + "{not json\n" + jsonl_lines(MIXED[:50])).encode("utf-8")
    path = tmp_path / "stream.jsonl.gz"
    path.write_bytes(gzip_bytes(data))
    found = _read(_gz_ranges(path, [_line_offsets(data)[45] + 3]))
    assert found == _read([Unit("jsonl", (str(path),))])
    assert (f"{path}:51", found[50][1]) == found[50] and "not valid JSON" in found[50][1]
    out = tmp_path / "out"
    assert scan(str(path), "-o", str(out), "-j", "1", "-q")[0] == EXIT_PARTIAL
    assert len(rows(out)) == 100
    assert json.loads(data.splitlines()[0])["text"] == found[0][1]
