"""A quick language guess for every article of a stream (the builder's detection is for the few
relevant ones): the writing system (the builder's reading of each data/lang/*/meta.yaml `script:`
and _common/meta.yaml `other_languages:`), else stop-word counts from data/lang/*/meta.yaml on
the first few hundred characters, else py3langid on them.
"""

from __future__ import annotations

import re

from ..text import fold

SAMPLE_CHARS = 600
_WORD = re.compile(r"[^\W\d_]+")


def _stopwords() -> dict[str, frozenset[str]]:
    from ..extraction.language import stopword_table  # noqa: PLC0415 - the builder's own table, cached

    return stopword_table()


def _by_script(sample: str) -> str | None:
    if sample.isascii():
        return None
    others = [ch for ch in sample if ch >= "\u0370" and ch.isalpha()]
    if len(others) < 0.3 * len(sample.strip()) or len(others) < 20:
        return None  # mostly Latin letters (or too little text)
    from ..extraction.language import script_language  # noqa: PLC0415 - the builder's script facts, cached

    return script_language(sample)


def quick_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the sample is too thin to tell."""
    sample = text[:SAMPLE_CHARS]
    script = _by_script(sample)
    if script:
        return script
    words = [w.casefold() for w in _WORD.findall(fold(sample))]  # as the stop words are: folded
    if len(words) < 5:
        return None
    scores = sorted(
        ((sum(1 for w in words if w in stop), code) for code, stop in _stopwords().items()),
        key=lambda sc: (-sc[0], sc[1]),
    )
    if (
        scores
        and scores[0][0] >= 0.15 * len(words)
        and scores[0][0] >= 1.5 * max(scores[1][0] if len(scores) > 1 else 0, 1)
    ):
        return scores[0][1]
    try:
        import py3langid  # noqa: PLC0415
    except ImportError:
        return None
    code, _score = py3langid.classify(sample)
    return str(code) if re.fullmatch(r"[a-z]{2,3}", str(code)) else None
