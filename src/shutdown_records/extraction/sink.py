"""Collecting an extractor's mentions: one per (field, value, quote), the strongest kept."""

from __future__ import annotations

from typing import Any

from ..text import quoted_words
from .cueset import Hit
from .types import Doc, Mention


class MentionSink:
    """Collects Mentions, one per (field, value, quote) with the highest weight, in text order."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._best: dict[tuple[str, str, int, int], Mention] = {}

    def add(
        self,
        field: str,
        value: Any,
        span: tuple[int, int],
        weight: float,
        note: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        start, end = span
        if end <= start:
            return
        key = (field, repr(value), start, end)
        weight = round(max(0.05, min(1.0, weight)), 2)
        old = self._best.get(key)
        if old is None or weight > old.weight:
            self._best[key] = Mention(field, value, self.doc.id, start, end, weight, note, dict(extra or {}))

    def mentions(self) -> list[Mention]:
        return sorted(self._best.values(), key=lambda m: (m.start, m.field, repr(m.value)))


def cue_note(hit: Hit, doc: Doc) -> str:
    return f"cue: {quoted_words(doc.text[hit.start : hit.end])}"
