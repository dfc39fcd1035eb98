"""Finding a quote a person typed or selected in a source, by the rule `validate` checks.

Both sides are folded with `text.fold` (no-break spaces, curly quotes, dashes: one character
for one character), so the offsets found are offsets in the original text, and the quote
written is the source's own characters. A quote that is absent is reported with the nearest
passage (rapidfuzz's partial alignment), one that occurs more than once with its places.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import InputError
from ..safeio import SourcePathError, confine, read_regular_file, repository_root
from ..text import decode_source, fold


class QuoteNotFound(InputError):
    """The quote is not in the source (or not once): the message names the nearest match."""


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    quote: str  # the source's own characters at start:end


def read_confined(record_path: Path, written: str, root: Path | None) -> str:
    """The text of the source a record names as `written`, by the rule `validate` reads it.

    Records are untrusted: a path such as `../../etc/passwd`, a hidden file, a symlink or a
    FIFO must not be read (nor hinted at by a "nearest match"). `root` is the served folder;
    without it, the record's repository root (safeio.repository_root), as for `validate`.
    """
    try:
        path = confine(record_path, written, repository_root(record_path, root))
        return decode_source(read_regular_file(path, follow_symlinks=False), str(path))
    except SourcePathError as err:
        if err.kind == "outside" and root is not None:
            raise InputError(f"source path {written!r} is outside the folder {root}; refused") from None
        raise InputError(f"source path {written!r} {err.message}") from None


def find_quote(
    text: str, quote: str, *, occurrence: int | None = None, start: int | None = None, source_id: str = "source"
) -> Found:
    """Where `quote` stands in `text`: at `start` if given, else its only (or N-th) occurrence."""
    quote = quote.strip()
    if not quote:
        raise QuoteNotFound("the quote is empty; give the words of the source that support the value")
    folded_text, folded_quote = fold(text), fold(quote)
    if start is not None:
        if folded_text[start : start + len(folded_quote)] != folded_quote:
            raise QuoteNotFound(
                f"the quote is not at offset {start} of {source_id}{_nearest(folded_text, folded_quote)}"
            )
        return Found(start, start + len(quote), text[start : start + len(quote)])
    places = []
    at = folded_text.find(folded_quote)
    while at != -1:
        places.append(at)
        at = folded_text.find(folded_quote, at + 1)
    if not places:
        raise QuoteNotFound(f"quote not found in {source_id}{_nearest(folded_text, folded_quote)}")
    if occurrence is None and len(places) > 1:
        shown = ", ".join(str(p) for p in places[:5]) + (", ..." if len(places) > 5 else "")
        raise QuoteNotFound(
            f"quote occurs {len(places)} times in {source_id} (at {shown}); "
            f"choose one with --occurrence 1..{len(places)} or quote more words"
        )
    index = (occurrence or 1) - 1
    if not 0 <= index < len(places):
        raise QuoteNotFound(
            f"--occurrence {occurrence}: the quote occurs {len(places)} time"
            f"{'s' if len(places) != 1 else ''} in {source_id}"
        )
    begin = places[index]
    return Found(begin, begin + len(quote), text[begin : begin + len(quote)])


def _nearest(folded_text: str, folded_quote: str) -> str:
    """'; nearest: "..." at 10-42 (87% alike)' from rapidfuzz's best partial alignment."""
    if not folded_text:
        return " (the source is empty)"
    match = fuzz.partial_ratio_alignment(folded_quote, folded_text, processor=str.casefold)
    if match is None or match.score < 40:
        return "; nothing in it comes close"
    passage = folded_text[match.dest_start : match.dest_end].replace("\n", " ")
    if len(passage) > 120:
        passage = passage[:117] + "..."
    return f'; nearest: "{passage}" at {match.dest_start}-{match.dest_end} ({match.score:.0f}% alike)'
