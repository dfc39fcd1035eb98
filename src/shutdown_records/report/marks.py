"""Source text with its cited quotes marked, computed in Python so no offset math runs in JS.

Offsets are code points (see text.py); the browser counts UTF-16 units, so marking in the
page with JS would drift on any character outside the BMP. Here the text is cut at every
quote boundary into segments, each segment knowing every quote that covers it, which is how
overlapping and nested quotes render as plain, non-overlapping <mark> elements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class MarkSpan:
    """A verified quote: `text[start:end]` is the quote; `anchor` is the id links point at."""

    start: int
    end: int
    anchor: str
    fields: tuple[str, ...]


def marked_html(text: str, spans: Sequence[MarkSpan]) -> Markup:
    """The escaped text with a `<mark>` per segment covered by quotes and an empty anchor per quote.

    Every quote gets `<span class="anchor" id=...>` at its start (two quotes may start at the
    same code point, so the id cannot sit on a shared segment); every segment lists the quotes
    covering it in `data-q`, so a script can highlight all segments of one quote.
    """
    spans = sorted(
        {(s.start, s.end, s.anchor): s for s in spans if 0 <= s.start < s.end <= len(text)}.values(),
        key=lambda s: (s.start, -s.end, s.anchor),
    )
    if not spans:
        return escape(text)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[MarkSpan]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    active: list[MarkSpan] = []
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        if active:
            active = [s for s in active if s.end > left]
        for span in starting.get(left, ()):
            parts.append(f'<span class="anchor" id="{span.anchor}"></span>')
            active.append(span)
        chunk = str(escape(text[left:right]))
        if not active:
            parts.append(chunk)
            continue
        anchors = " ".join(s.anchor for s in active)
        fields = ", ".join(dict.fromkeys(f for s in active for f in s.fields))
        depth = " overlap" if len(active) > 1 else ""
        parts.append(f'<mark class="q{depth}" data-q="{anchors}" title="quoted for: {escape(fields)}">{chunk}</mark>')
    return Markup("".join(parts))
