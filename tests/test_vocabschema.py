"""The gazetteer's vocabularies (data/vocab/countries.yaml, demonyms.yaml) have a schema
(vocabschema.py): a misspelt key or a malformed code is an error with the file and line, not
an empty list that quietly drops every capital or demonym."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import yaml

from conftest import clear_data_caches
from shutdown_records.dataschema import DataFileError, check
from shutdown_records.vocabschema import SCHEMAS


def _error(tmp_path: Path, name: str, text: str) -> DataFileError:
    path = tmp_path / f"{name.split('/')[-1]}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        check(SCHEMAS[name], yaml.safe_load(text), path, text, "vocabschema.py")
    return caught.value


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_vocabularies_fit_their_schema(name: str) -> None:
    path = resources.files("shutdown_records").joinpath("data", f"{name}.yaml")
    text = path.read_text(encoding="utf-8")
    assert check(SCHEMAS[name], yaml.safe_load(text), str(path), text, "vocabschema.py")


def test_a_misspelt_key_names_the_file_the_line_and_the_likely_key(tmp_path: Path) -> None:
    err = _error(tmp_path, "vocab/countries", "exclude: [EU]\ncapitols:\n  VL: [Port Aster]\n")
    assert err.place == f"{tmp_path / 'countries.yaml'}:2"
    assert "capitols: unknown key (did you mean 'capitals'?)" in str(err)


def test_a_country_code_must_be_two_capitals(tmp_path: Path) -> None:
    err = _error(tmp_path, "vocab/countries", "aliases:\n  VL: [Veloria]\n  Zub: [Zubrowka]\n")
    assert err.place.endswith("countries.yaml:3")
    assert "aliases.Zub" in str(err)


def test_a_bare_no_read_as_false_is_named(tmp_path: Path) -> None:
    """Norwegian's code `no` unquoted is YAML's false: say so, with the line."""
    err = _error(tmp_path, "vocab/demonyms", "en:\n  VL: [Velorian*]\nno:\n  VL: [veloriansk*]\n")
    assert err.place.endswith("demonyms.yaml:3")
    assert "quote it: 'no'" in str(err)


def test_demonyms_are_lists_of_words(tmp_path: Path) -> None:
    err = _error(tmp_path, "vocab/demonyms", "en:\n  VL: Velorian\n")
    assert err.place.endswith("demonyms.yaml:2") and "en.VL" in str(err)


def test_a_build_stops_on_a_vocabulary_that_does_not_fit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Not a warning per extractor and a record without countries: an error naming the file and line."""
    from click.testing import CliRunner
    from pydantic import create_model

    from shutdown_records import vocabschema
    from shutdown_records.cli import cli

    # A schema that no longer knows `capitals:` stands for a file whose key is misspelt.
    narrower = create_model(
        "CountriesFile",
        __base__=vocabschema.Section,
        **{
            name: (info.annotation, info.default)
            for name, info in vocabschema.CountriesFile.model_fields.items()
            if name != "capitals"
        },
    )
    monkeypatch.setitem(vocabschema.SCHEMAS, "vocab/countries", narrower)
    clear_data_caches()
    try:
        article = tmp_path / "a.txt"
        article.write_text("Veloria blocked Zubnet on Monday, the minister said.\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["build", "-q", "--language", "en", str(article)])
    finally:
        monkeypatch.undo()
        clear_data_caches()
    # cli.main prints it as `error: FILE:LINE: ...` with DataFileError's exit code (1).
    assert isinstance(result.exception, DataFileError) and result.exception.exit_code == 1
    assert result.exception.place.split("/")[-1].startswith("countries.yaml:")
    assert "capitals: unknown key" in str(result.exception)


# ------------------------------------------------------------------ one list, two views


@pytest.mark.parametrize("language", ["en", "fr", "it", "pl", "ar", "ru"])
def test_every_listed_adjective_counts_for_its_country_in_both_views(language: str) -> None:
    """demonyms.yaml is the only list of adjectives: the country field's vote and the cues'
    `{demonym}` (and `guess_country`) read the same words for the same country."""
    from shutdown_records.extraction import gazetteer
    from shutdown_records.text import fold

    article, cues = gazetteer.article_names(language), gazetteer.countries(language)
    table = (
        SCHEMAS["vocab/demonyms"]
        .model_validate(
            yaml.safe_load(
                resources.files("shutdown_records").joinpath("data", "vocab", "demonyms.yaml").read_text("utf-8")
            )
        )
        .root[language]
    )
    for code, words in table.items():
        for word in words:
            form = fold(word.rstrip("*"))  # as an article's text is matched: letter variants as one
            assert article.demonym_pattern is not None and article.demonym_pattern.fullmatch(form), form
            assert code in (gazetteer.demonym_code(form, article) or "").split(), form
            assert cues.pattern is not None and cues.pattern.fullmatch(form.lower()), form
            listed_under = {c for c, ws in table.items() if word in ws}  # "Congolese": CD and CG
            assert cues.code(form) in listed_under, form


def test_a_cue_file_no_longer_lists_its_own_adjectives(tmp_path: Path) -> None:
    from shutdown_records.extraction.langschema import LanguageDataError, validate

    text = "demonyms:\n  VL: ['velorian']\n"
    with pytest.raises(LanguageDataError, match="demonyms"):
        validate("cues", yaml.safe_load(text), tmp_path / "cues.yaml", text)


def test_an_alias_names_its_country_in_a_cue_and_the_english_adjective_names_authorities() -> None:
    from shutdown_records.extraction import gazetteer

    assert gazetteer.countries("fr").code("RD Congo") == "CD"  # countries.yaml aliases, any language
    assert gazetteer.countries("en").code("Britain") == "GB"
    assert gazetteer.fill_country("{demonym_en} authorities", "ET") == "Ethiopian authorities"
    assert gazetteer.fill_country("{demonym_en} authorities", "KP") == "North Korean authorities"


def test_a_key_given_twice_is_an_error_not_a_lost_list(tmp_path: Path) -> None:
    # Two edits of one cue file, merged, can leave a section twice: YAML keeps the later one
    # and the first list would vanish without a word.
    from shutdown_records.dataschema import read_yaml

    path = tmp_path / "cues.yaml"
    path.write_text("gates:\n  order:\n    - 'ordered'\n  agent: ['by']\n  order:\n    - 'decreed'\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_yaml(path)
    assert caught.value.place == f"{path}:5"
    assert "'order' is given twice in one mapping (first on line 2)" in str(caught.value)


@pytest.mark.parametrize(
    "path", sorted(Path(str(resources.files("shutdown_records").joinpath("data"))).rglob("*.yaml"))
)
def test_no_shipped_data_file_says_a_key_twice(path: Path) -> None:
    from shutdown_records.dataschema import read_yaml

    read_yaml(path)
