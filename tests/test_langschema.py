"""Per-language data files have a schema (extraction/langschema.py): a misspelt key is an error
with file and line, never an empty cue set; the code only names cue paths the schema knows."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT, clear_data_caches
from shutdown_records.cli import main as cli_main
from shutdown_records.extraction import langdata, langschema
from shutdown_records.extraction.language import detect_language

PACKAGE = REPO_ROOT / "src" / "shutdown_records"
LANG_FILES = sorted((PACKAGE / "data" / "lang").glob("*/*.yaml"))


@pytest.mark.parametrize("path", LANG_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_language_file_fits_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert path.stem in langschema.TOPICS, f"{path}: no schema for this topic"
    langschema.validate(path.stem, yaml.safe_load(text), path, text)


def _error(tmp_path: Path, name: str, text: str) -> langschema.LanguageDataError:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(langschema.LanguageDataError) as caught:
        langschema.validate(name, yaml.safe_load(text), path, text)
    return caught.value


def test_a_misspelt_gate_is_an_error_naming_file_line_and_the_right_key(tmp_path: Path) -> None:
    err = _error(tmp_path, "cues", "gates:\n  restriction:\n    - 'blocked'\n  restrictoin:\n    - 'cut off'\n")
    assert err.place == f"{tmp_path / 'cues.yaml'}:4"
    assert "gates.restrictoin: unknown key" in err.message and "did you mean 'restriction'" in err.message


def test_an_unknown_top_level_key_lists_the_known_ones(tmp_path: Path) -> None:
    err = _error(tmp_path, "dates", "month_parts:\n  mid: [mid]\nzodiac_signs: [aries]\n")
    assert err.place.endswith("dates.yaml:3")
    assert "zodiac_signs: unknown key" in err.message and "roles" in err.message


def test_a_bare_yaml_yes_is_explained(tmp_path: Path) -> None:
    err = _error(tmp_path, "cues", "acknowledged:\n  yes:\n    - 'announced'\n")
    assert err.place.endswith(":2") and "quote it: 'yes'" in err.message


def test_a_wrong_type_names_the_entry(tmp_path: Path) -> None:
    err = _error(tmp_path, "cues", "kind:\n  throttling:\n    - 'slowed'\n    - {re: 'throttl\\w*', weight: heavy}\n")
    assert err.place.endswith(":4") and "kind.throttling.1" in err.message


def test_a_script_entry_is_checked(tmp_path: Path) -> None:
    err = _error(tmp_path, "meta", "script: {name: ARABIC, leters: 'x'}\n")
    assert err.place.endswith(":1") and "did you mean 'letters'" in err.message


@pytest.fixture
def broken_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A language folder whose English cues.yaml has a misspelt gate (line 2)."""
    root = tmp_path / "lang"
    (root / "en").mkdir(parents=True)
    (root / "en" / "cues.yaml").write_text("gates:\n  restricton: ['blocked']\n", encoding="utf-8")
    monkeypatch.setattr(langdata, "_lang_root", lambda: root)
    clear_data_caches()
    yield root / "en" / "cues.yaml"
    monkeypatch.undo()
    clear_data_caches()  # cue sets compiled from the broken folder must not outlive the test


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        cli_main(list(args))
    return int(exit_info.value.code or 0), capsys.readouterr().err.strip()


def test_build_reports_a_broken_language_file_in_one_line(
    broken_english: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "---\nlanguage: en\n---\nOfficials in Norvania blocked Chirper on 3 May 2031.\n", encoding="utf-8"
    )
    code, err = _cli(capsys, "build", str(article), "--quiet")
    assert code == 1
    assert err == f"error: {broken_english}:2: gates.restricton: unknown key (did you mean 'restriction'?)"


def test_eval_stops_on_a_broken_language_file_instead_of_scoring_empty_records(
    broken_english: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _cli(capsys, "eval", str(REPO_ROOT / "tests" / "eval_corpus"), "--quiet")
    assert code == 1
    assert err == f"error: {broken_english}:2: gates.restricton: unknown key (did you mean 'restriction'?)"


# ---------------------------------------------------------------- the code's cue paths

CUE_CALLS = {"cue_set": 1, "hits": 1, "raw": 1}  # function -> index of the first path argument


def _literal_paths() -> list[tuple[str, str, tuple[str, ...]]]:
    """(place, topic, path) for every cue path or topic key the code names as string literals."""
    found = []
    for py in sorted((PACKAGE / "extraction").rglob("*.py")):
        tree = ast.parse(py.read_text(encoding="utf-8"))
        topic_vars: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                call = node.value.values[0] if isinstance(node.value, ast.BoolOp) else node.value
                name = _topic_of(call)
                if name:
                    topic_vars[node.targets[0].id] = name
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            place = f"{py.relative_to(REPO_ROOT)}:{node.lineno}"
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if func in CUE_CALLS:
                args = node.args[CUE_CALLS[func] :]
                if args and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                    found.append((place, "cues", tuple(a.value for a in args)))
            if (
                func == "get"
                and isinstance(node.func, ast.Attribute)
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                owner = node.func.value
                name = _topic_of(owner) or (topic_vars.get(owner.id) if isinstance(owner, ast.Name) else None)
                if name and isinstance(node.args[0].value, str):
                    found.append((place, name, (node.args[0].value,)))
    return found


def _topic_of(node: ast.AST) -> str | None:
    """The topic name of a `topic(language, "name")` call (any spelling of the topic constant)."""
    if isinstance(node, ast.BoolOp):
        node = node.values[0]
    if not (isinstance(node, ast.Call) and node.args and len(node.args) == 2):
        return None
    func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
    if func != "topic":
        return None
    arg = node.args[1]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if (
        isinstance(arg, ast.Attribute)
        and arg.attr == "CUES_TOPIC"
        or isinstance(arg, ast.Name)
        and arg.id == "CUES_TOPIC"
    ):
        return "cues"
    return None


def test_every_cue_path_the_code_names_is_in_the_schema() -> None:
    paths = _literal_paths()
    assert len(paths) > 40, "the scan found too few cue paths: has the calling convention changed?"
    assert {t for _, t, _ in paths} >= {"cues", "dates", "meta"}
    unknown = [
        f"{place}: {topic}.yaml {'.'.join(path)}"
        for place, topic, path in paths
        if not langschema.has_path(topic, path)
    ]
    assert unknown == [], "cue paths missing from extraction/langschema.py:\n" + "\n".join(unknown)


def test_the_path_check_would_catch_a_typo() -> None:
    assert langschema.has_path("cues", ("gates", "restriction"))
    assert not langschema.has_path("cues", ("gates", "restrictoin"))
    assert not langschema.has_path("dates", ("roles", "begin"))


def test_schema_values_are_the_codebook_values() -> None:
    codebook = yaml.safe_load((PACKAGE / "data" / "vocab" / "codebook.yaml").read_text(encoding="utf-8"))
    for section, model in (
        ("kind", langschema.Kind),
        ("scope", langschema.Scope),
        ("networks", langschema.Networks),
        ("context", langschema.Context),
        ("workarounds", langschema.Workarounds),
    ):
        assert set(model.model_fields) == set(codebook[section]), section
    assert set(langschema.Justification.model_fields) == set(codebook["justification"]) - {"none_given"}


# ---------------------------------------------------------------- scripts are data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Блокировка интернета в стране продолжается уже несколько дней, пользователи жалуются. ", "ru"),
        ("Блокування інтернету в країні триває вже кілька днів, користувачі скаржаться на їжу. ", "uk"),
        ("قطع الإنترنت في البلاد مستمر منذ عدة أيام والمستخدمون يشتكون من ذلك. ", "ar"),
        ("قطع اینترنت در کشور چند روز است که ادامه دارد و کاربران گلایه می کنند. ", "fa"),
    ],
)
def test_scripts_come_from_meta_yaml(text: str, expected: str) -> None:
    assert detect_language(text * 2) == (expected, "writing system")


def test_a_new_language_in_a_script_is_data_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Devanagari language needs only its meta.yaml `script:` to be told by its letters."""
    from shutdown_records.extraction import language

    real_topic = langdata.topic
    monkeypatch.setattr(language, "supported_languages", lambda: frozenset({"hi", "ru"}))
    monkeypatch.setattr(
        language,
        "topic",
        lambda code, name: (
            {"script": {"name": "DEVANAGARI"}} if (code, name) == ("hi", "meta") else real_topic(code, name)
        ),
    )
    language._script_table.cache_clear()
    try:
        assert detect_language("इंटरनेट बंद है और लोग परेशान हैं क्योंकि सरकार ने आदेश दिया है " * 2) == ("hi", "writing system")
    finally:
        language._script_table.cache_clear()


def test_a_misspelt_key_inside_a_cue_names_its_line(tmp_path: Path) -> None:
    err = _error(tmp_path, "cues", "gates:\n  restore:\n    - 'restored'\n    - {re: 'lifted', wieght: 0.5}\n")
    assert err.place.endswith(":4") and "gates.restore.1.wieght: unknown key (did you mean 'weight'?)" in err.message
