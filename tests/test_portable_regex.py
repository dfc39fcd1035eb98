"""The builder runs on any CPython >= 3.11: no module under src/ may use CPython's private
regex internals, and the opening reader (`extraction/regexsyntax.py`) stands in for them."""

from __future__ import annotations

import ast
import random
import re

import pytest

from conftest import REPO_ROOT
from shutdown_records.extraction import prefixes, regexsyntax

SRC = REPO_ROOT / "src"
PRIVATE = {
    "_sre",
    "re._parser",
    "re._compiler",
    "re._constants",
    "re._casefix",
    "sre_parse",
    "sre_compile",
    "sre_constants",
}
PRIVATE_FROM_RE = {"_parser", "_compiler", "_constants", "_casefix"}


def private_imports(source: str, name: str = "<source>") -> list[str]:
    """`file:line module` for every import of a private regex module in `source`."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            found += [f"{name}:{node.lineno} {a.name}" for a in node.names if a.name in PRIVATE]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module in PRIVATE:
                found.append(f"{name}:{node.lineno} {module}")
            elif module == "re":
                found += [f"{name}:{node.lineno} re.{a.name}" for a in node.names if a.name in PRIVATE_FROM_RE]
        elif isinstance(node, ast.Call) and any(
            isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value in PRIVATE for a in node.args
        ):
            found.append(f"{name}:{node.lineno} {node.args[0].value}")  # importlib.import_module("_sre")
        elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_FROM_RE and getattr(node.value, "id", "") == "re":
            found.append(f"{name}:{node.lineno} re.{node.attr}")
    return found


def test_no_module_under_src_imports_private_regex_internals() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        found += private_imports(path.read_text(encoding="utf-8"), str(path.relative_to(REPO_ROOT)))
    assert found == [], "private regex internals imported (breaks on other CPythons):\n" + "\n".join(found)


def test_no_module_under_src_stores_code_with_marshal() -> None:
    offenders = [
        str(p.relative_to(REPO_ROOT))
        for p in SRC.rglob("*.py")
        if re.search(r"^\s*(import marshal|from marshal )", p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "import _sre",
        "from re import _parser as p",
        "import re._compiler",
        "import sre_parse",
        "from re._constants import LITERAL",
        "import importlib\nimportlib.import_module('_sre')",
        "import re\nre._parser.parse('x')",
    ],
)
def test_the_import_check_catches_each_spelling(source: str) -> None:
    assert private_imports(source)


def test_case_equivalents_data_matches_this_pythons_unicode_tables() -> None:
    data = prefixes._load_equivalents()
    assert data == prefixes.scan_case_equivalents(), "regenerate data/extraction/regex_case_equivalents.json"
    for group in data:
        for a in group:
            for b in group:
                assert re.fullmatch(re.escape(a), b, re.IGNORECASE), (a, b)


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"(?<!\w)(?:blo(?:ck|qu)\w*)(?!\w)", re.I, {"bloc", "bloq"}),
        (r"(?i)Shut\s+down", 0, {"shut"}),
        (r"(?-i:Ab)c", re.I, {"abc"}),
        (r"(?=ab)abc|x{2,3}y", 0, {"ab", "x"}),  # a repeat ends what is known
        (r"[a-c]\.d", 0, {"\x00a", "\x00b", "\x00c"}),
        (r"(?:the )?law", re.I, {"the ", "law"}),
        (r"\u00e9t\x61t", re.I, {"état"}),
        (r"\N{LATIN SMALL LETTER E WITH ACUTE}x", 0, {"éx"}),
        (r"(?P<n>ab)(?#comment)c", re.I, {"abc"}),
        (r"a{,2}b", 0, {"a", "b"}),  # a superset of "ab", "aab", "b"
    ],
)
def test_openings_read_off_the_pattern_text(pattern: str, flags: int, expected: set[str]) -> None:
    got = prefixes.openings(pattern, flags)
    assert got is not None and set(got) == expected


@pytest.mark.parametrize(
    "pattern", [r"(a)\1", r"(?P<x>a)(?P=x)", r".bc", r"[^a]bc", r"(?x) a b", r"\wbc", r"(?(1)a|b)"]
)
def test_unread_syntax_means_scan_everything(pattern: str) -> None:
    assert prefixes.openings(pattern, 0) is None


def test_openings_are_a_superset_of_what_the_regex_matches() -> None:
    cases = [r"(?<!\w)(?:a{1,2}b|c+d?e|(?:f|g)h?i)(?!\w)", r"(?<!\w)(?:ſtop|KELVIN|ıi)(?!\w)"]
    text = " ".join(["aab", "ab", "ccce", "cde", "fi", "ghi", "STOP", "stop", "kelvin", "\u212aelvin", "ii", "İi"])
    for source in cases:
        pattern = re.compile(source, re.IGNORECASE)
        index = prefixes.DocIndex.of(text)
        assert index is not None
        positions = index.candidates(prefixes.openings(source, re.IGNORECASE))
        assert {m.start() for m in pattern.finditer(text)} <= set(positions)


def test_parse_rejects_unbalanced_groups() -> None:
    with pytest.raises(regexsyntax.Unknown):
        regexsyntax.parse("a)b")


def test_every_data_file_is_shipped_in_the_package() -> None:
    """A wheel carries only what package-data names: a data file it misses (the case table)
    would break an installed build although an editable one works."""
    import fnmatch
    import tomllib

    patterns = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]["shutdown_records"]
    package = SRC / "shutdown_records"
    data_files = [p.relative_to(package).as_posix() for p in (package / "data").rglob("*") if p.is_file()]
    missing = [
        f for f in data_files if not any(fnmatch.fnmatch(f, pat) and f.count("/") == pat.count("/") for pat in patterns)
    ]
    assert missing == []


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A small regex of the syntax cue files use, for the superset property below."""
    atoms = ["a", "b", "K", "ſ", "ı", "é", r"\.", "[ab]", "[a-c]", r"\w", r"\d", ".", "(?-i:B)", "(?-i:[A-C])", " "]
    parts = []
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        if choice < 0.2 and depth < 2:
            inner = "|".join(_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3)))
            item = rng.choice(
                ["(?:{})", "({})", f"(?P<g{rng.randint(0, 99)}>{{}})", "(?:(?=a){})", "(?:(?!b){})"]
            ).format(inner)
        else:
            item = rng.choice(atoms)
        parts.append(item + rng.choice(["", "", "?", "*", "+", "{1,2}", "{,2}"]))
    return "".join(parts)


def test_openings_never_miss_a_match_of_random_patterns() -> None:
    """Property: wherever a pattern matches (after a non-word character), the opening index
    lists that position, for random patterns over tricky letters, in both case modes."""
    import random

    rng = random.Random(11)
    alphabet = "abcKkSsſıiIİéÉ. BC\u212a"
    checked = 0
    for _ in range(400):
        source = r"(?<!\w)(?:" + _random_pattern(rng) + ")"
        flags = rng.choice([0, re.IGNORECASE])
        pattern = re.compile(source, flags)
        found = prefixes.openings(source, flags)
        if found is None:
            continue
        text = " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))) for _ in range(30))
        index = prefixes.DocIndex.of(text)
        if index is None:
            continue
        positions = set(index.candidates(found))
        starts = {m.start() for m in pattern.finditer(text) if m.end() > m.start()}
        assert starts <= positions, (source, flags, sorted(starts - positions)[:3], text)
        checked += len(starts)
    assert checked > 100


def test_fold_replaces_script_variants_like_one_translate_pass() -> None:
    """fold() replaces only the variants a text holds (speed); the result is the single
    `translate` pass it stands for, offsets kept: no variant maps to another variant."""
    from shutdown_records import text as T

    assert all(len(v) == 1 and v not in T._VARIANT_CHARS for v in T._VARIANTS.values())
    sample = "Veloria: کمیته ۱۲ ماه, अफवाहों २०२४, İstanbul, ёлка, می\u200cشود — “done”"
    expected = sample
    for src, dst in T._FOLD_PAIRS:
        expected = expected.replace(src, dst)
    expected = expected.translate(T._VARIANTS)
    assert T.fold(sample) == expected and len(T.fold(sample)) == len(sample)
