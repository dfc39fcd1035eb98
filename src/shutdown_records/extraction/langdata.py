"""Per-language data files: `data/lang/<code>/<topic>.yaml`, read once and cached.

A new language is a new folder of YAML files, not code. Topics are independent (cues for
the record's fields, date words, authority names...), so each extractor reads only its own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from ..datafiles import shared
from ..dataschema import read_yaml
from .langschema import LanguageDataError, validate

__all__ = [
    "check",
    "shared",
    "supported_languages",
    "topic",
]  # `shared` lives in datafiles: stages other than build read it too

COMMON = "_common"  # data that holds in every language (cues), or for languages without a folder (meta)
CUES_TOPIC = "cues"  # data/lang/<code>/cues.yaml: the cue lists (cuedata) and the words cues name (gazetteer)


def _lang_root():  # noqa: ANN202 - a resources Traversable
    return resources.files("shutdown_records").joinpath("data", "lang")


@cache
def supported_languages() -> frozenset[str]:
    """Languages that have a vocabulary folder."""
    return frozenset(p.name for p in _lang_root().iterdir() if p.is_dir() and not p.name.startswith("_"))


@cache
def topic(language: str, name: str) -> dict[str, Any]:
    """`data/lang/<language>/<name>.yaml` as a dict; {} when the language or topic has none.
    Raises `LanguageDataError` (file:line) when the file does not fit the schema."""
    path = _lang_root().joinpath(language, f"{name}.yaml")
    if not path.is_file():
        return {}
    data, text = read_yaml(path, LanguageDataError)
    # Checked against the schema (extraction/langschema.py): a misspelt key is an error, not an empty cue set.
    return validate(name, data, str(path), text)


def check(languages: set[str]) -> None:
    """Read every data file of these languages (and `_common`) now, so a file that does not
    fit the schema stops a build with its file and line before any extractor runs (an
    extractor's own failure is only reported as a problem)."""
    from .langschema import TOPICS  # noqa: PLC0415

    for language in sorted({*languages, COMMON}):
        if language and "/" not in language and not language.startswith("."):
            for name in TOPICS:
                topic(language, name)
