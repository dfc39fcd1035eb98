"""The one regex-trie builder: fast alternations for long lists (month names, country names, cues).

Python's `re` tries every branch of `a|b|c...` at every position of the text; with hundreds
of names that is most of an extractor's time. The same list written as a trie
(`J(?:an(?:vier)?|u(?:ne|ly))`) fails after one character almost everywhere, which makes the
country and date extractors several times faster and lets a cue set scan a document once.
Longer matches are tried first, as with a length-sorted alternation.

Two ways in, one builder: `trie_pattern` for words (a space matches any run of white space;
a word may have a regex allowed right after it), `items_pattern` for cue sets, whose items are
(literal head, regex tail) pairs (`cues`: a space is a space, literals lower-cased when the set
ignores case).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import regexcache

_END = ""


def trie_pattern(words: Iterable[str], suffixes: dict[str, str] | None = None) -> str:
    """A non-capturing regex matching any of `words` (longest first); '' when there are none.

    `suffixes` maps a word to a regex allowed right after it (e.g. r"\\w{0,4}" for endings).
    A space in a word matches any run of white space.
    """
    suffixes = suffixes or {}
    return _remembered([(w, suffixes.get(w, "")) for w in words], lower=False, any_space=True)


def items_pattern(items: Iterable[tuple[str, str]], *, lower: bool) -> str:
    """A regex matching any `literal` followed by its regex `tail`, factored by common literal
    prefixes; '' when there are none. With `lower` the literals are lower-cased (for a regex
    compiled case-insensitive); without it they are kept as written, so "PTA" stays "PTA"."""
    return _remembered(list(items), lower=lower, any_space=False)


def _remembered(items: list[tuple[str, str]], *, lower: bool, any_space: bool) -> str:
    key = f"{lower}{any_space}\x00" + "\x00".join(f"{literal}\x01{tail}" for literal, tail in items)
    return regexcache.remembered_text("wordtrie", key, lambda: _build(items, lower, any_space))


def _build(items: list[tuple[str, str]], lower: bool, any_space: bool) -> str:
    root: dict = {}
    count = 0
    for literal, tail in items:
        if not literal and not tail:
            continue
        node = root
        for ch in literal.lower() if lower else literal:
            node = node.setdefault(ch, {})
        node.setdefault(_END, set()).add(tail)
        count += 1
    return _render(root, any_space) if count else ""


def _char(ch: str, any_space: bool) -> str:
    return r"\s+" if any_space and ch == " " else re.escape(ch)


def _render(node: dict, any_space: bool) -> str:
    branches = [
        _char(ch, any_space) + _render(child, any_space)
        for ch, child in sorted(node.items(), key=lambda kv: kv[0])
        if ch != _END
    ]
    ends = sorted(node.get(_END, ()), key=lambda s: (-len(s), s))
    if ends:
        # The longer continuations first, then the literal's own end (the empty branch).
        branches.extend(s for s in ends if s)
        if "" in ends:
            branches.append("")
    if len(branches) == 1:
        return branches[0]
    if branches and branches[-1] == "" and len(branches) == 2:
        return f"(?:{branches[0]})?"
    return "(?:" + "|".join(branches) + ")"
