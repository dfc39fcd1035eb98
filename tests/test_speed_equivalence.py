"""The start-up and throughput shortcuts give what the plain code they replaced gave.

Why: a faster trie renderer and a pattern reader that takes plain characters in runs are
only worth having if no regex or parse tree changes, and the opening index must list exactly
the positions that open like one of a set's openings; `scripts/pin_outputs.py` checks the outputs, these check the parts
on random inputs (invented words, no corpus text).
"""

from __future__ import annotations

import random
import re

from shutdown_records.extraction import prefixes, regexsyntax, wordtrie

_END = ""


def _reference_render(node: dict, any_space: bool) -> str:
    """The one-character-per-call renderer the project used before (kept as the oracle)."""

    def char(ch: str) -> str:
        return r"\s+" if any_space and ch == " " else re.escape(ch)

    branches = [char(ch) + _reference_render(child, any_space) for ch, child in sorted(node.items()) if ch != _END]
    ends = sorted(node.get(_END, ()), key=lambda s: (-len(s), s))
    if ends:
        branches.extend(s for s in ends if s)
        if "" in ends:
            branches.append("")
    if len(branches) == 1:
        return branches[0]
    if branches and branches[-1] == "" and len(branches) == 2:
        return f"(?:{branches[0]})?"
    return "(?:" + "|".join(branches) + ")"


def _reference_build(items: list[tuple[str, str]], lower: bool, any_space: bool) -> str:
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
    return _reference_render(root, any_space) if count else ""


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("abcé .-Zz") for _ in range(rng.randint(0, 7)))


def test_trie_renderer_writes_the_same_regex_as_the_reference() -> None:
    rng = random.Random(5)
    for _ in range(300):
        items = [(_word(rng), rng.choice(["", "", r"\w{0,4}", "s?", "(?:x|y)"])) for _ in range(rng.randint(0, 25))]
        lower, any_space = rng.random() < 0.5, rng.random() < 0.5
        assert wordtrie._build(items, lower, any_space) == _reference_build(items, lower, any_space), items


def _reference_parse(pattern: str) -> list:
    """`regexsyntax.parse` with its plain-character runs turned off (one atom at a time)."""
    saved = regexsyntax._LITERAL_RUN
    regexsyntax._LITERAL_RUN = re.compile(r"(?!)")
    try:
        return regexsyntax.parse(pattern).items
    finally:
        regexsyntax._LITERAL_RUN = saved


def test_literal_runs_parse_like_single_characters() -> None:
    cases = [
        "abc",
        "ab*c",
        "ab+c",
        "ab?c",
        "ab{2}c",
        "ab{x}c",
        "ab{,3}c",
        "abc|de",
        "x(ab)+y",
        "shut dow?n (of|on) [a-z]+ network",
        "a]b}c",
        r"a\.b",
        "(?i:ab)c{1,2}?",
    ]
    for case in cases:
        assert regexsyntax.parse(case).items == _reference_parse(case), case


def test_index_candidates_are_the_positions_whose_opening_is_in_the_set() -> None:
    """Mixed lengths, case-sensitive first characters and long opening sets: the candidates
    are exactly the positions after a non-word character that open with one of them."""
    rng = random.Random(3)
    alphabet = "abcAB .,ıİK"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        index = prefixes.DocIndex.of(text)
        if index is None:
            continue
        folded = index.folded
        starts = [p for p in range(len(text)) if p == 0 or not re.match(r"\w", text[p - 1])]
        openings: set[str] = set()
        for _ in range(rng.randint(1, 40)):
            if rng.random() < 0.2:
                openings.add(prefixes.RAW + rng.choice("aAB"))
            else:
                openings.add("".join(rng.choice("abc .") for _ in range(rng.randint(1, prefixes.DEPTH))))
        expected = [
            p
            for p in starts
            if any(
                (text[p] == s[1]) if s[0] == prefixes.RAW else folded[p : p + len(s)] == s and len(s) <= len(text) - p
                for s in openings
            )
        ]
        assert index.candidates(frozenset(openings)) == expected, (text, sorted(openings))
