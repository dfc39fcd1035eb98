"""General rules for articles the builder was not tuned on (short articles written for these tests)."""

from __future__ import annotations

from pathlib import Path

from shutdown_records.build.merge import Citer, merge_field
from shutdown_records.build.types import Doc, Mention

TEXT = "The ministry did not respond to requests for comment. Officials gave no reason for the block."


def _docs(n: int) -> list[Doc]:
    return [Doc(id=f"s{i}.txt", path=Path(f"s{i}.txt"), text=TEXT, sha256="0" * 64, language="en") for i in range(n)]


def test_no_reason_given_is_kept_when_no_stated_reason_survives():
    docs = _docs(2)
    mentions = [
        Mention("justification", "none_given", "s0.txt", 0, 52, 0.3),
        Mention("justification", "none_given", "s1.txt", 53, 93, 0.3),
        Mention("justification", "public_order", "s1.txt", 0, 52, 0.3),
    ]
    assert merge_field("justification", mentions, Citer(docs)).value == ["none_given"]


def test_no_reason_given_gives_way_to_a_stated_reason():
    docs = _docs(2)
    mentions = [
        Mention("justification", "none_given", "s0.txt", 0, 52, 1.0),
        Mention("justification", "national_security", "s0.txt", 53, 93, 1.0),
        Mention("justification", "national_security", "s1.txt", 53, 93, 1.0),
    ]
    assert merge_field("justification", mentions, Citer(docs)).value == ["national_security"]


def test_no_reason_given_is_not_kept_when_a_weak_reason_is_better_supported():
    docs = _docs(2)
    mentions = [
        Mention("justification", "none_given", "s0.txt", 0, 52, 0.3),
        Mention("justification", "misinformation", "s0.txt", 53, 93, 0.5),
    ]
    assert merge_field("justification", mentions, Citer(docs)).value == []
