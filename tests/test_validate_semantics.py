"""Meaning checks: dates, status, country, and every value backed by a citation to a declared source."""

from __future__ import annotations

from pathlib import Path

from fixtures.validate.support import copy_valid, edit, line_of, problem_lines, validate


def test_validate_requires_status_ended_when_end_date_is_set(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "status: ended", "status: ongoing")
    result = validate(str(record))
    assert result.exit_code == 1
    assert (
        f"{record}:{line_of(record, 'status: ongoing')}:9: status: end_date is 2025-03-10, so status must be "
        "ended (it is 'ongoing'); clear end_date if the incident is not over [E203]"
    ) in result.stdout


def test_validate_warns_about_status_ended_without_end_date_or_its_own_citation(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "end_date: 2025-03-10\n", "")
    edit(record, "  end_date:\n", "  status:\n")  # the restoration quote now cites status itself
    assert validate(str(record)).exit_code == 0
    edit(record, "  status:\n", "  end_date:\n")
    result = validate(str(record))
    assert (
        "status: warning: status is ended but end_date is empty; add the end date, or cite the restoration"
        in result.stdout
    )
    assert "[W204]" in result.stdout


def test_validate_reports_a_value_without_evidence_at_the_value(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "workarounds: [vpn]", "workarounds: [vpn, tor]")
    result = validate(str(record))
    assert result.exit_code == 1
    line = line_of(record, "workarounds: [vpn, tor]")
    assert problem_lines(result) == [
        f"{record}:{line}:20: workarounds[1]: 'tor' has no evidence; add a citation under evidence.workarounds "
        "with value: 'tor' [E208]"
    ]


def test_validate_reports_a_scalar_value_without_evidence(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "kind: service_block\n", "kind: service_block\nscope: national\n")
    result = validate(str(record))
    assert result.exit_code == 1
    assert "scope: 'national' has no evidence; add a citation under evidence.scope [E208]" in result.stdout


def test_validate_reports_a_citation_to_an_undeclared_source(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "  workarounds:\n    - source: s1", "  workarounds:\n    - source: s2")
    result = validate(str(record))
    assert result.exit_code == 1
    assert (
        "evidence.workarounds[0].source: cites source 's2', which is not declared under sources (declared: s1) [E210]"
    ) in result.stdout


def test_validate_requires_a_citation_for_each_conflict_candidate(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "      - value: 2025-03-03\n", "      - value: 2025-03-04\n")
    result = validate(str(record))
    assert result.exit_code == 1
    line = line_of(record, "- value: 2025-03-04")
    assert (
        f"{record}:{line}:16: conflicts.start_date.candidates[1].value: candidate '2025-03-04' has no citation; "
        "add one under evidence.start_date with value: '2025-03-04' [E211]"
    ) in result.stdout


def test_validate_warns_about_a_citation_for_a_value_the_field_no_longer_holds(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "      value: vpn\n", "      value: tor\n")
    result = validate(str(record))
    assert "evidence.workarounds[0].value: warning: cites 'tor' but workarounds holds ['vpn']" in result.stdout
    assert "workarounds[0]: 'vpn' has no evidence" in result.stdout


def test_validate_reports_evidence_for_a_field_that_does_not_exist(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "  workarounds:\n    - source: s1", "  workaround:\n    - source: s1")
    result = validate(str(record))
    assert result.exit_code == 1
    assert (
        f"{record}:{line_of(record, '  workaround:')}:3: evidence.workaround: evidence for 'workaround', which is "
        "not a field that takes one; did you mean 'workarounds'? [E213]"
    ) in result.stdout


def test_validate_reports_duplicate_source_ids(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    text = record.read_text(encoding="utf-8")
    start = text.index("  - id: s1")
    block = text[start : text.index("evidence:")]
    edit(record, block, block + block)
    result = validate(str(record))
    assert result.exit_code == 1
    assert "sources[1].id: source id 's1' is already used by sources[0] [E212]" in result.stdout


def test_validate_reports_platforms_repeated_in_another_case(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "platforms: [TikTok]", "platforms: [TikTok, tiktok]")
    result = validate(str(record))
    assert result.exit_code == 1
    assert "platforms[1]: 'tiktok' repeats platforms[0]; keep one [E216]" in result.stdout


def test_validate_reports_an_unknown_country_code(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "country: GA", "country: UK")
    result = validate(str(record))
    assert result.exit_code == 1
    assert "country: 'UK' is not an ISO 3166-1 alpha-2 country code" in result.stdout


def test_validate_reports_a_wrong_value_once_not_also_as_uncited(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "networks: [mobile]", "networks: [mobile, wifi]")
    result = validate(str(record))
    assert [line.split(": ", 2)[1] for line in problem_lines(result)] == ["networks[1]"]
    assert "'wifi' is not a known networks value; expected one of: mobile, fixed [E104]" in result.stdout


def test_validate_gives_a_draft_without_evidence_one_warning_and_strict_one_error_per_value(tmp_path: Path) -> None:
    record = tmp_path / "pk-2024-x.yaml"
    record.write_text(
        "id: pk-2024-x\ntitle: X blocked in Pakistan\nreview_status: draft\ncountry: PK\n"
        "platforms: [X]\nstart_date: 2024-02-17\n",
        encoding="utf-8",
    )
    lenient = validate(str(record))
    assert lenient.exit_code == 0
    assert problem_lines(lenient) == [
        f"{record}:1:1: (record): warning: draft without evidence: no citation for 3 values in country, platforms, "
        "start_date; fine for an imported row, but add sources and evidence before review (--strict reports each "
        "value) [W209]"
    ]
    strict = validate("--strict", str(record))
    assert strict.exit_code == 1
    assert [line.split(": ")[1] for line in problem_lines(strict)] == ["country", "platforms[0]", "start_date"]
    assert all(line.endswith("[E208]") for line in problem_lines(strict))


def test_validate_reports_each_uncited_value_of_a_reviewed_record(tmp_path: Path) -> None:
    record = tmp_path / "pk-2024-x.yaml"
    record.write_text("id: pk-2024-x\ntitle: X blocked\nreview_status: reviewed\ncountry: PK\n", encoding="utf-8")
    result = validate(str(record))
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"{record}:4:10: country: 'PK' has no evidence; add a citation under evidence.country [E208]"
    ]


def test_validate_counts_a_citation_without_value_for_the_chosen_candidate(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(
        record,
        "conflicts:\n",
        "conflicts:\n  country:\n    chosen: GA\n    reason: the dateline\n"
        "    candidates:\n      - value: GA\n        sources: [s1]\n      - value: CM\n        sources: [s1]\n",
    )
    result = validate(str(record))
    assert result.exit_code == 1
    assert problem_lines(result) == [
        f"{record}:{line_of(record, '- value: CM')}:16: conflicts.country.candidates[1].value: candidate 'CM' has "
        "no citation; add one under evidence.country with value: 'CM' [E211]"
    ]


def test_validate_names_the_curation_vocabulary_for_a_wrong_curation_value(tmp_path: Path) -> None:
    record = copy_valid(tmp_path)
    edit(record, "conflicts:\n", "curation:\n  country: checked\nconflicts:\n")
    result = validate(str(record))
    assert result.exit_code == 1
    assert (
        "curation.country: 'checked' is not a known curation value; expected one of: reviewed, edited [E104]"
        in result.stdout
    )
