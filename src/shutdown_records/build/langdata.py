"""Per-language data files: `data/lang/<code>/<topic>.yaml`, read once and cached.

A new language is a new folder of YAML files, not code. Topics are independent (cues for
the record's fields, date words, authority names...), so each extractor reads only its own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..datafiles import shared

__all__ = ["shared", "supported_languages", "topic"]  # `shared` lives in datafiles: stages other than build read it too

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _lang_root():  # type: ignore[no-untyped-def]
    return resources.files("shutdown_records").joinpath("data", "lang")


@cache
def supported_languages() -> frozenset[str]:
    """Languages that have a vocabulary folder."""
    return frozenset(p.name for p in _lang_root().iterdir() if p.is_dir() and not p.name.startswith("_"))


@cache
def topic(language: str, name: str) -> dict[str, Any]:
    """`data/lang/<language>/<name>.yaml` as a dict; {} when the language or topic has none."""
    path = _lang_root().joinpath(language, f"{name}.yaml")
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return data or {}
