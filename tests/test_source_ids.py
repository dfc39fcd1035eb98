"""One form of source id everywhere: the file name without its extension (issue 13).

A fresh build, the evidence notes that name another source, and a rebuild over a record an
older build wrote (ids with `.txt`) all use it; `validate` accepts the old form with W218.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from shutdown_records.cli import cli
from shutdown_records.extraction import build_record
from shutdown_records.text import quoted_words
from shutdown_records.validate import validate_paths
from shutdown_records.yamlio import dump_yaml, read_record_file

DATED = """---
published: 2025-03-14
language: en
---
Authorities in Freedonia blocked access to Telegram on Wednesday, the telecoms regulator said.
Telegram has been unreachable across Freedonia since March 12, users said.
"""
UNDATED = """---
language: en
---
Telegram remained blocked in Freedonia on Thursday, two days after the regulator ordered the block.
The block began on Wednesday, according to the Freedonian regulator.
"""


def _articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "01_dated.txt").write_text(DATED, encoding="utf-8")
    (folder / "02_undated.md").write_text(UNDATED, encoding="utf-8")
    return folder


def _ids_in(record: dict) -> set[str]:
    ids = {s["id"] for s in record["sources"]}
    ids |= {c["source"] for cites in record["evidence"].values() for c in cites}
    ids |= {sid for c in record["conflicts"].values() for cand in c["candidates"] for sid in cand["sources"]}
    return ids


def test_a_fresh_build_names_sources_without_the_extension_everywhere(tmp_path: Path) -> None:
    articles = _articles(tmp_path / "articles")
    record = build_record([articles], record_path=tmp_path / "r.yaml").record
    assert [s["id"] for s in record["sources"]] == ["01_dated", "02_undated"]
    assert _ids_in(record) <= {"01_dated", "02_undated"}
    notes = [c.get("note", "") for cites in record["evidence"].values() for c in cites]
    borrowed = [n for n in notes if "published date of" in n]
    assert borrowed, notes  # the undated article's "Wednesday" is read against the dated one
    assert all("published date of 01_dated (" in n for n in borrowed), borrowed
    assert not any(".txt" in n or ".md" in n for n in notes), notes


def test_validate_accepts_the_old_form_with_a_warning_that_says_how_to_fix_it(tmp_path: Path) -> None:
    articles = _articles(tmp_path / "articles")
    record_path = tmp_path / "records" / "r.yaml"
    record_path.parent.mkdir()
    record = build_record([articles], record_path=record_path).record
    old = _old_form(record)
    record_path.write_text(dump_yaml(old), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(record_path)])
    assert result.exit_code == 0, result.output
    w218 = [line for line in result.output.splitlines() if "[W218]" in line]
    assert len(w218) == 2, result.output
    assert "sources[0].id: warning: source id '01_dated.txt' is written the old way" in w218[0]
    assert "write '01_dated' here and wherever evidence and conflicts cite it" in w218[0]
    assert "write '02_undated'" in w218[1]
    strict = CliRunner().invoke(cli, ["validate", "--strict", str(record_path)])
    assert strict.exit_code == 1


def test_a_rebuild_over_an_old_form_record_renames_its_ids_everywhere(tmp_path: Path) -> None:
    articles = _articles(tmp_path / "articles")
    record_path = tmp_path / "records" / f"{build_record([articles]).record['id']}.yaml"
    record_path.parent.mkdir()
    old = _old_form(build_record([articles], record_path=record_path).record)
    old["curation"] = {"start_date": "reviewed"}  # curated evidence keeps its quotes, renamed
    record_path.write_text(dump_yaml(old), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(articles), "-o", str(record_path), "--quiet"])
    assert result.exit_code == 0, result.output
    rebuilt = read_record_file(record_path)
    assert _ids_in(rebuilt) == {"01_dated", "02_undated"}
    checked = validate_paths([record_path], strict=True)
    assert checked.ok and checked.warning_count == 0, [str(p) for p in checked.problems]


def test_notes_show_no_escape_sequences() -> None:
    assert quoted_words("access to\xa0social\nmedia") == "'access to social media'"
    assert quoted_words("the 'national' network") == "\"the 'national' network\""


def _old_form(record: dict) -> dict:
    """The record as a build before this change wrote it: ids are file names."""
    names = {s["id"]: Path(s["path"]).name for s in record["sources"]}
    text = dump_yaml(record)
    for new, old in names.items():
        text = text.replace(f"id: {new}\n", f"id: {old}\n").replace(f"source: {new}\n", f"source: {old}\n")
        text = text.replace(f"- {new}\n", f"- {old}\n")
    import yaml  # noqa: PLC0415

    out = yaml.safe_load(text)
    assert _ids_in(out) <= set(names.values()), _ids_in(out)
    return out
