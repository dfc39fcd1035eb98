"""What a build's notes say, in one plain line; every note in full only with `--verbose`.

Notes explain decisions a reviewer may want to check (a value left out because the sources
support it only weakly, platforms dropped from a whole-network shutdown...). Printed one per
line on every build they drown the line that matters, and their figures mean nothing without
docs/build-notes.md, so by default `build` prints this summary instead.
"""

from __future__ import annotations

import re

DOCS = "docs/build-notes.md"
_WEAK = re.compile(r"^(?P<field>\w+): candidate (?P<value>.+?) from .* too weakly supported .*; left (?:out|unset)$")


def summary(notes: list[str]) -> str | None:
    """One line for a person: how many notes, what the usual kind means, where to read more."""
    if not notes:
        return None
    weak = [m for m in (_WEAK.match(n) for n in notes) if m]
    parts = []
    if weak:
        named = ", ".join(f"{m['field']}: {m['value']}" for m in weak[:3]) + (", ..." if len(weak) > 3 else "")
        parts.append(
            f"{len(weak)} possible value{'s were' if len(weak) != 1 else ' was'} left out because the "
            f"sources do not state {'them' if len(weak) != 1 else 'it'} firmly enough ({named})"
        )
    other = len(notes) - len(weak)
    if other:
        parts.append(f"{other} other decision{'s' if other != 1 else ''} worth a look")
    return f"note: {'; '.join(parts)}. --verbose shows each note; {DOCS} explains them."
