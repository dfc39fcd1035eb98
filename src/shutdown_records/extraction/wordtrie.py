"""Fast regex alternations for long word lists (month names, country names, cue phrases).

Python's `re` tries every branch of `a|b|c...` at every position of the text; with hundreds
of names that is most of an extractor's time. The same list written as a trie
(`J(?:an(?:vier)?|u(?:ne|ly))`) fails after one character almost everywhere, which makes the
country and date extractors several times faster. Longer matches are tried first, as with a
length-sorted alternation. Spaces in a phrase match any run of white space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import regexcache

_END = ""


def trie_pattern(words: Iterable[str], suffixes: dict[str, str] | None = None) -> str:
    """A non-capturing regex matching any of `words` (longest first); '' when there are none.

    `suffixes` maps a word to a regex allowed right after it (e.g. r"\\w{0,4}" for endings).
    """
    words = list(words)
    suffixes = suffixes or {}
    key = "\x00".join(f"{w}\x01{suffixes.get(w, '')}" for w in words)
    return regexcache.remembered_text("wordtrie", key, lambda: _trie_pattern(words, suffixes))  # kept between runs


def _trie_pattern(words: list[str], suffixes: dict[str, str]) -> str:
    root: dict = {}
    count = 0
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node.setdefault(_END, set()).add(suffixes.get(word, ""))
        count += 1
    if not count:
        return ""
    return _render(root)


def _char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _render(node: dict) -> str:
    branches = [_char(ch) + _render(child) for ch, child in sorted(node.items(), key=lambda kv: kv[0]) if ch != _END]
    ends = sorted(node.get(_END, ()), key=lambda s: (-len(s), s))
    if ends:
        nonempty = [s for s in ends if s]
        # The longer continuations first, then the word's own end (with its suffix, if any).
        branches.extend(nonempty)
        if "" in ends:
            branches.append("")
    if len(branches) == 1:
        return branches[0]
    if branches and branches[-1] == "" and len(branches) == 2:
        return f"(?:{branches[0]})?"
    return "(?:" + "|".join(branches) + ")"
