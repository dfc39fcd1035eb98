"""Extractors: each module of this package reads one Doc and yields Mentions for its fields.

Every module that exposes `extract(doc: Doc) -> Iterable[Mention]` is an extractor; they run
in module-name order so output is deterministic. Adding a field is adding a module. One
extractor failing on odd text is reported as a problem for that source, never a crash, and a
Mention whose offsets do not fall inside the text is dropped with a problem too.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from functools import cache

from ..types import Doc, Mention

Extractor = Callable[[Doc], Iterable[Mention]]
_IMPORT_PROBLEMS: list[str] = []


def import_problems() -> list[str]:
    """Extractor modules that failed to import (reported once per build)."""
    extractors()
    return list(_IMPORT_PROBLEMS)


@cache
def extractors() -> tuple[tuple[str, Extractor], ...]:
    """(module name, extract function) for every extractor module, sorted by name."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
        except Exception as err:  # noqa: BLE001 - a broken module is reported, the rest run
            _IMPORT_PROBLEMS.append(f"extractor '{info.name}' cannot be loaded: {type(err).__name__}: {err}")
            continue
        extract = getattr(module, "extract", None)
        if callable(extract):
            found.append((info.name, extract))
    return tuple(found)


def run_extractors(doc: Doc) -> tuple[list[Mention], list[str]]:
    """All Mentions for one Doc, and one-line problems naming the source for any failure."""
    mentions: list[Mention] = []
    problems: list[str] = []
    for name, extract in extractors():
        try:
            found = list(extract(doc))
        except Exception as err:  # noqa: BLE001 - one bad extractor must not sink the build
            problems.append(f"{doc.path}: extractor '{name}' failed: {type(err).__name__}: {err}")
            continue
        for mention in found:
            if not (0 <= mention.start < mention.end <= len(doc.text)) or mention.source != doc.id:
                problems.append(
                    f"{doc.path}: extractor '{name}' gave a {mention.field} quote outside the text "
                    f"({mention.start}-{mention.end}); dropped"
                )
                continue
            mentions.append(mention)
    return mentions, problems
