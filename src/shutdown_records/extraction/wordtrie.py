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
            child = node.get(ch)
            if child is None:
                child = node[ch] = {}
            node = child
        ends = node.get(_END)
        if ends is None:
            node[_END] = {tail}
        else:
            ends.add(tail)
        count += 1
    return _render(root, {" ": r"\s+"} if any_space else {}) if count else ""


def _render(node: dict, escaped: dict[str, str]) -> str:
    """The regex of a trie node. A run of nodes with one child and no end is written as
    one literal without recursing, which is most of a word list's nodes; `escaped`
    remembers each character's escape (a space may be `\\s+`)."""
    run: list[str] = []
    while len(node) == 1:
        ((ch, child),) = node.items()
        if ch == _END:
            break
        esc = escaped.get(ch)
        if esc is None:
            esc = escaped[ch] = re.escape(ch)
        run.append(esc)
        node = child
    head = "".join(run)
    branches = [_render_edge(ch, child, escaped) for ch, child in sorted(node.items()) if ch != _END]
    ends = node.get(_END)
    if ends:
        # The longer continuations first, then the literal's own end (the empty branch).
        ordered = sorted(ends, key=lambda s: (-len(s), s))
        branches.extend(s for s in ordered if s)
        if "" in ends:
            branches.append("")
    if len(branches) == 1:
        return head + branches[0]
    if branches and branches[-1] == "" and len(branches) == 2:
        return f"{head}(?:{branches[0]})?"
    return head + "(?:" + "|".join(branches) + ")"


def _render_edge(ch: str, child: dict, escaped: dict[str, str]) -> str:
    esc = escaped.get(ch)
    if esc is None:
        esc = escaped[ch] = re.escape(ch)
    return esc + _render(child, escaped)
