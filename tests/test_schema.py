"""The JSON Schema and the codebook stay generated from the model, never drift by hand."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import REPO_ROOT
from shutdown_records.cli import cli
from shutdown_records.codebook import VOCABULARIES, codebook, codebook_markdown
from shutdown_records.schema_gen import incident_schema_text

SCHEMA_FILE = REPO_ROOT / "schema" / "incident.schema.json"


def test_committed_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == incident_schema_text(), (
        "schema/incident.schema.json is stale: run `shutdown-records schema -o schema/incident.schema.json`"
    )


def test_schema_is_draft_2020_12_and_lists_core_fields() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for name in (
        "id",
        "country",
        "platforms",
        "kind",
        "networks",
        "scope",
        "start_date",
        "end_date",
        "status",
        "ordered_by",
        "justification",
        "context",
        "legal_basis",
        "court_challenges",
        "workarounds",
        "acknowledged",
        "sources",
        "evidence",
    ):
        assert name in schema["properties"], name
    assert schema["additionalProperties"] is False


def test_schema_check_reports_a_stale_file(tmp_path) -> None:
    stale = tmp_path / "incident.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", "-o", str(stale), "--check"])
    assert result.exit_code == 1
    assert "out of date" in result.output
    written = CliRunner().invoke(cli, ["schema", "-o", str(stale)])
    assert written.exit_code == 0
    assert CliRunner().invoke(cli, ["schema", "-o", str(stale), "--check"]).exit_code == 0


def test_every_vocabulary_value_has_exactly_one_definition() -> None:
    book = codebook()
    assert set(book) == set(VOCABULARIES)
    for name, enum in VOCABULARIES.items():
        assert set(book[name]) == {member.value for member in enum}, name
        assert all(definition.strip() for definition in book[name].values()), name


def test_codebook_doc_is_generated_from_the_data_file() -> None:
    doc = (REPO_ROOT / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert doc == codebook_markdown(), "run `python -m shutdown_records.codebook > docs/codebook.md`"
