"""Provenance: sources exist unchanged, quotes stand at their offsets, and the message says
what would be right when they do not (the Unicode rule: code-point offsets, no normalisation)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.validate.support import SOURCE, copy_valid, edit, line_of, problem_lines, validate

from shutdown_records.text import read_source
from shutdown_records.validate import checks_provenance, validate_paths


def _source_text(record: Path) -> str:
    return read_source(record.parent / SOURCE)[0]


def test_validate_reports_a_missing_source_file_at_its_path(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    (record.parent / SOURCE).unlink()
    result = validate(str(record))
    assert result.exit_code == 1
    line = line_of(record, "path: sources/ga-tiktok.txt")
    assert problem_lines(result) == [
        f"{record}:{line}:11: sources[0].path: source file 'sources/ga-tiktok.txt' not found "
        f"(looked for {record.parent / SOURCE}); paths are relative to the record's folder [E301]"
    ]


def test_validate_reports_a_changed_source_by_its_sha256(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    source = record.parent / SOURCE
    source.write_text(source.read_text(encoding="utf-8") + "A correction was appended.\n", encoding="utf-8")
    result = validate(str(record))
    assert result.exit_code == 1
    new_sha = read_source(source)[1]
    line = line_of(record, "sha256:")
    assert problem_lines(result) == [
        f"{record}:{line}:13: sources[0].sha256: source 's1' changed: sources/ga-tiktok.txt now has sha256 "
        f"{new_sha}; check that every quote still stands, then update sha256 [E302]"
    ]


def test_validate_reports_a_quote_that_is_not_in_the_source(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "quote: 'Gabon blocks TikTok'", "quote: 'Gabon bans TikTok'")
    result = validate(str(record))
    assert result.exit_code == 1
    line = line_of(record, "Gabon bans TikTok")
    assert problem_lines(result) == [
        f"{record}:{line}:14: evidence.country[0].quote: quote not found in source 's1' "
        "(neither at 0-19 nor elsewhere, even after folding spaces and quotes) [E303]"
    ]


def test_validate_says_where_a_quote_at_wrong_offsets_really_is(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    text = _source_text(record)
    right = text.index("from 2 March 2025")
    edit(record, f"start: {right}\n      end: {right + 17}\n", f"start: {right + 5}\n      end: {right + 22}\n")
    result = validate(str(record))
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"{record}:{line_of(record, 'from 2 March 2025')}:14: evidence.start_date[0].quote: "
        f"quote found at {right}-{right + 17}, not {right + 5}-{right + 22}; set start: {right}, end: {right + 17} [E304]"
    ]


def test_validate_says_a_quote_differs_only_by_a_no_break_space(tmp_path: Path) -> None:
    """The source has '3<NBSP>March'; a quote typed with a plain space matches only after folding."""
    record = copy_valid(tmp_path)
    text = _source_text(record)
    at = text.index("3\u00a0March 2025")
    edit(
        record,
        "quote: 'Gabon blocks TikTok'\n      start: 0\n      end: 19",
        f"quote: '3 March 2025'\n      start: {at}\n      end: {at + 12}",
    )
    result = validate(str(record))
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"{record}:{line_of(record, 'quote: ' + chr(39) + '3 March')}:14: evidence.country[0].quote: "
        "quote matches the source only after folding typographic characters (the source has U+00A0 NO-BREAK SPACE "
        "where the quote has U+0020 SPACE, at character 1 of the quote); copy the quote from the source exactly [E305]"
    ]


def test_validate_gives_new_offsets_for_a_straight_quote_typed_for_a_curly_one_elsewhere(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    text = _source_text(record)
    at = text.index("\u201cthe spread")
    edit(record, "quote: 'the spread of false information'\n", "quote: '\"the spread of false information\"'\n")
    result = validate(str(record))
    assert result.exit_code == 1
    (line,) = problem_lines(result)
    assert f"quote matches the source at {at}-{at + 33} only after folding typographic characters" in line
    assert "U+201C LEFT DOUBLE QUOTATION MARK where the quote has U+0022 QUOTATION MARK" in line
    assert line.endswith(f"and set start: {at}, end: {at + 33} [E305]")


def test_validate_counts_offsets_in_code_points_not_bytes(tmp_path: Path) -> None:
    """'Gabon’s' has a 3-byte apostrophe before it; offsets after it must still be code points."""
    record = copy_valid(tmp_path)
    text = _source_text(record)
    quote = "communications regulator"
    at = text.index(quote)
    assert len(text[:at].encode("utf-8")) > at  # multi-byte characters precede the quote
    edit(
        record,
        "quote: 'Gabon blocks TikTok'\n      start: 0\n      end: 19",
        f"quote: '{quote}'\n      start: {at}\n      end: {at + len(quote)}",
    )
    result = validate(str(record))
    assert result.exit_code == 0, result.stdout


def test_validate_reports_start_not_before_end(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "      start: 0\n      end: 19\n", "      start: 19\n      end: 19\n")
    result = validate(str(record))
    assert result.exit_code == 1
    assert (
        "evidence.country[0].end: end (19) must be greater than start (19); the quote stands at 0-19: "
        "set start: 0, end: 19 [E217]"
    ) in result.stdout


def test_validate_hashes_each_source_once_across_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = copy_valid(tmp_path)
    for n in range(3):
        copy = first.with_name(f"ga-2025-tiktok-{n}.yaml")
        copy.write_text(
            first.read_text(encoding="utf-8").replace("id: ga-2025-tiktok\n", f"id: ga-2025-tiktok-{n}\n"),
            encoding="utf-8",
        )
    reads: list[Path] = []
    real = checks_provenance.read_source
    monkeypatch.setattr(checks_provenance, "read_source", lambda path: reads.append(path) or real(path))
    result = validate_paths([first.parent], jobs=1)
    assert result.ok and result.records_checked == 4
    assert reads == [first.parent / SOURCE]


def test_validate_warns_that_quotes_of_a_source_without_path_cannot_be_checked(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "    path: sources/ga-tiktok.txt\n", "    url: https://example.org/gabon\n")
    result = validate(str(record))
    assert result.exit_code == 0
    assert (
        "evidence.country[0].source: warning: source 's1' has no path, so its quotes cannot be checked" in result.stdout
    )
    assert result.stdout.count("[W215]") == 1
