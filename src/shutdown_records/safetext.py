"""Text from records and articles, made safe to print where people and CI read it.

A source path or id may hold a newline, a carriage return or an ESC: printed raw, it could
start a forged `::error file=...::` line in a GitHub Actions log or rewrite a terminal.
`printable` shows every control character (C0, DEL, C1, Unicode line/paragraph separators and
bidirectional overrides) as a visible escape, and a line cannot begin with `::`.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates, BOM.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with every control character shown as a visible escape (`\\n`, `\\x1b`)."""
    return _UNSAFE.sub(_escape, text)


def printable(text: str) -> str:
    """`text` on one line with control characters escaped; a leading `::` is made inert."""
    text = escape_controls(text)
    # GitHub's runner reads a workflow command from a line that starts with `::` once trimmed
    return "\\" + text if text.lstrip().startswith("::") else text
