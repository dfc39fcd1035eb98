"""A reader of regular-expression source text, for finding where a cue regex can start.

`prefixes.openings` needs the first few characters a regex can match. CPython's own parser
(`re._parser`) is private and changes between versions, so this module reads the pattern
text itself, with public APIs only. It knows the syntax cue files and the builder use
(literals, escapes, classes, groups, flags, look-arounds, alternation, quantifiers) and
gives up (`Unknown`) on anything else: the caller then scans the text the ordinary way, so
an unread pattern costs time, never a match.

The tree is a list of `(op, argument)` items:

    ("lit", codepoint)                       one character
    ("in", (negated, [("lit", cp) | ("range", (lo, hi)) | ("cat", letter)]))
    ("any", None)                            `.`
    ("at", None)                             zero width: ^ $ \\A \\Z \\b \\B, look-behinds, comments
    ("sub", (ignore_case: bool | None, seq)) a group; ignore_case None keeps the outer mode
    ("branch", [seq, ...])                   alternatives
    ("repeat", (lo, seq))                    a quantified item (only its minimum matters here)
    ("ahead", (negative, seq))               a look-ahead
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

Item = tuple[str, Any]

_CATEGORIES = set("dDsSwW")
_ZERO_WIDTH = set("AZbB")
_CONTROL = {"a": 7, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11}
_HEX = {"x": 2, "u": 4, "U": 8}


_LITERAL_RUN = re.compile(r"[^\\.^$*+?{}\[\]|()]+")  # characters that stand for themselves


class Unknown(Exception):
    """The pattern uses syntax this reader does not interpret."""


class Parsed:
    """A pattern read into items, with its global case mode (`(?i)` at the start or the flag)."""

    def __init__(self, items: list[Item], ignore_case: bool):
        self.items = items
        self.ignore_case = ignore_case


def parse(pattern: str, ignore_case: bool = False) -> Parsed:
    """Read `pattern`; raises `Unknown` on syntax outside the subset described above."""
    reader = _Reader(pattern)
    items = reader.alternation()
    if reader.pos != len(pattern):
        raise Unknown(f"unbalanced ')' at {reader.pos}")
    return Parsed(items, ignore_case or reader.global_ignore_case)


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.pos = 0
        self.global_ignore_case = False

    def _peek(self) -> str:
        return self.text[self.pos : self.pos + 1]

    def alternation(self) -> list[Item]:
        branches = [self.sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else [("branch", branches)]

    def sequence(self) -> list[Item]:
        items: list[Item] = []
        text = self.text
        while self.pos < len(text) and self._peek() not in "|)":
            run = _LITERAL_RUN.match(text, self.pos)
            if run is not None:
                # Plain characters are literals, read many at a time (most of a cue's text);
                # the last one goes the usual way when a quantifier may follow it.
                end = run.end()
                if text[end : end + 1] in ("*", "+", "?", "{"):
                    end -= 1
                if end > self.pos:
                    items.extend(("lit", ord(ch)) for ch in text[self.pos : end])
                    self.pos = end
                    continue
            item = self.atom()
            if item is None:
                continue
            item = self.quantified(item)
            items.append(item)
        return items

    def quantified(self, item: Item) -> Item:
        ch = self._peek()
        if ch in ("*", "+", "?"):
            self.pos += 1
            lo = 1 if ch == "+" else 0
        elif ch == "{":
            bounds = self._bounds()
            if bounds is None:
                return item
            lo = bounds
        else:
            return item
        if item[0] in ("at", "ahead"):
            raise Unknown("quantified zero-width item")
        if self._peek() in ("?", "+"):  # lazy or possessive: the same openings
            self.pos += 1
        return ("repeat", (lo, [item]))

    def _scan_bounds(self, start: int) -> tuple[int, int] | None:
        """(minimum, end position) of a `{m}`, `{m,}`, `{,n}` or `{m,n}` at `start`, else None
        (then `{` is a literal, as in `re`)."""
        end = self.text.find("}", start)
        if end < 0:
            return None
        body = self.text[start + 1 : end]
        lo, comma, hi = body.partition(",")
        if not (lo.isdigit() or (comma and lo == "")) or not (hi.isdigit() or hi == ""):
            return None
        if not lo.isascii() or not hi.isascii():
            return None
        if not comma and not lo:
            return None
        return (int(lo) if lo else 0), end + 1

    def _bounds(self) -> int | None:
        found = self._scan_bounds(self.pos)
        if found is None:
            return None
        self.pos = found[1]
        return found[0]

    def atom(self) -> Item | None:
        ch = self.text[self.pos]
        self.pos += 1
        if ch == "(":
            return self.group()
        if ch == "[":
            return ("in", self.char_class())
        if ch == "\\":
            return self.escape(in_class=False)
        if ch == ".":
            return ("any", None)
        if ch in "^$":
            return ("at", None)
        if ch in "*+?":
            raise Unknown("nothing to repeat")
        if ch == "{" and self._scan_bounds(self.pos - 1) is not None:
            raise Unknown("nothing to repeat")
        return ("lit", ord(ch))

    def group(self) -> Item | None:
        if self._peek() != "?":
            return ("sub", (None, self._group_body()))
        self.pos += 1
        ch = self._peek()
        if ch == ":":
            self.pos += 1
            return ("sub", (None, self._group_body()))
        if self.text.startswith("P<", self.pos):
            end = self.text.find(">", self.pos)
            if end < 0:
                raise Unknown("unterminated group name")
            self.pos = end + 1
            return ("sub", (None, self._group_body()))
        if ch in ("=", "!"):
            self.pos += 1
            return ("ahead", (ch == "!", self._group_body()))
        if self.text.startswith("<=", self.pos) or self.text.startswith("<!", self.pos):
            self.pos += 2
            self._group_body()
            return ("at", None)
        if ch == ">":
            self.pos += 1
            return ("sub", (None, self._group_body()))
        if ch == "#":
            end = self.text.find(")", self.pos)
            if end < 0:
                raise Unknown("unterminated comment")
            self.pos = end + 1
            return None
        return self._flags()

    def _flags(self) -> Item | None:
        start = self.pos
        while self._peek() and self._peek() in "aiLmsux":
            self.pos += 1
        on = self.text[start : self.pos]
        off = ""
        if self._peek() == "-":
            self.pos += 1
            begin = self.pos
            while self._peek() and self._peek() in "imsx":
                self.pos += 1
            off = self.text[begin : self.pos]
        if "x" in on or "x" in off:
            raise Unknown("verbose patterns are not read")
        if self._peek() == ")":  # global flags: only at the start of the pattern in Python >= 3.11
            if off or start != 2:
                raise Unknown("global flags not at the start")
            self.pos += 1
            if "i" in on:
                self.global_ignore_case = True
            return None
        if self._peek() != ":" or not (on or off):
            raise Unknown(f"unknown group extension at {start}")
        self.pos += 1
        mode = True if "i" in on else False if "i" in off else None
        return ("sub", (mode, self._group_body()))

    def _group_body(self) -> list[Item]:
        items = self.alternation()
        if self._peek() != ")":
            raise Unknown("missing )")
        self.pos += 1
        return items

    def escape(self, in_class: bool) -> Item:
        if self.pos >= len(self.text):
            raise Unknown("trailing backslash")
        ch = self.text[self.pos]
        self.pos += 1
        if ch in _CATEGORIES:
            return ("cat", ch)
        if ch in _HEX:
            digits = self.text[self.pos : self.pos + _HEX[ch]]
            if len(digits) != _HEX[ch] or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise Unknown("bad hex escape")
            self.pos += _HEX[ch]
            return ("lit", int(digits, 16))
        if ch == "N" and self._peek() == "{":
            end = self.text.find("}", self.pos)
            if end < 0:
                raise Unknown("bad \\N escape")
            try:
                found = unicodedata.lookup(self.text[self.pos + 1 : end])
            except KeyError as exc:
                raise Unknown("unknown character name") from exc
            self.pos = end + 1
            return ("lit", ord(found))
        if ch in _CONTROL:
            return ("lit", _CONTROL[ch])
        if in_class and ch == "b":
            return ("lit", 8)
        if ch in _ZERO_WIDTH:
            return ("at", None)
        if ch.isdigit():
            if ch == "0" or in_class:  # octal
                digits = ch
                while len(digits) < 3 and self._peek() in "01234567" and self._peek():
                    digits += self.text[self.pos]
                    self.pos += 1
                if any(d not in "01234567" for d in digits):
                    raise Unknown("bad octal escape")
                return ("lit", int(digits, 8))
            raise Unknown("group reference")
        if ch.isascii() and ch.isalnum():
            raise Unknown(f"bad escape \\{ch}")
        return ("lit", ord(ch))

    def char_class(self) -> tuple[bool, list[Item]]:
        negated = self._peek() == "^"
        if negated:
            self.pos += 1
        items: list[Item] = []
        first = True
        while True:
            if self.pos >= len(self.text):
                raise Unknown("unterminated character set")
            ch = self.text[self.pos]
            if ch == "]" and not first:
                self.pos += 1
                return negated, items
            first = False
            self.pos += 1
            if ch == "[" and self._peek() in (":", "=", "."):
                raise Unknown("possible POSIX class")
            lo_item = self.escape(in_class=True) if ch == "\\" else ("lit", ord(ch))
            if self._peek() == "-" and self.text[self.pos + 1 : self.pos + 2] not in ("]", ""):
                if lo_item[0] != "lit":
                    raise Unknown("bad range")
                self.pos += 1
                ch2 = self.text[self.pos]
                self.pos += 1
                hi_item = self.escape(in_class=True) if ch2 == "\\" else ("lit", ord(ch2))
                if hi_item[0] != "lit" or hi_item[1] < lo_item[1]:
                    raise Unknown("bad range")
                items.append(("range", (lo_item[1], hi_item[1])))
                continue
            if lo_item[0] == "at":
                raise Unknown("zero-width escape in a class")
            items.append(lo_item)
