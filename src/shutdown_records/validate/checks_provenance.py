"""Provenance: every cited source file exists unchanged, and every quote stands at its offsets.

Split in two so the costly part runs once per run: `collect_claims` (per record, in any
process) notes which files and quotes a record relies on; `ProvenanceChecker` (in the parent)
reads and hashes each source file once, cached by its absolute path across all records,
and compares quotes by the Unicode rule of `shutdown_records.text`: `text[start:end] ==
quote` in code points, no normalisation. When a quote is not where the record says, the
message says where it is, or that it matches only after `text.fold()`.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from ..errors import InputError
from ..safeio import SourcePathError, confine, read_regular_file, repository_root
from ..text import decode_source, fold, sha256_bytes
from ..yamlio import MarkedDict
from .places import field_path, value_mark
from .result import Problem


@dataclass(frozen=True, slots=True)
class SourceClaim:
    """A declared source with a path: the file must exist and hash to `sha256`."""

    source_id: str
    written_path: str
    file: str  # absolute, normalised: the cache key
    sha256: str | None
    path_mark: tuple[int, int]
    path_field: str
    sha_mark: tuple[int, int]
    sha_field: str


@dataclass(frozen=True, slots=True)
class QuoteClaim:
    """A citation: `quote` must equal text[start:end] of the source file."""

    source_id: str
    file: str
    quote: str
    start: int
    end: int
    mark: tuple[int, int]
    field: str
    bad_offsets: bool = False  # start >= end: reported as E217, with the right offsets when found


@dataclass(slots=True)
class Claims:
    sources: list[SourceClaim] = field(default_factory=list)
    quotes: list[QuoteClaim] = field(default_factory=list)


_REFUSED = ""  # a source whose path may not be read: its quotes are not checked


def collect_claims(data: dict[str, Any], record_path: str, root: str | None = None) -> tuple[Claims, list[Problem]]:
    """What a record claims about its source files; sources without a path get a warning when cited.

    A path outside the repository root (`root`, or the folder holding `records/`) is an
    error here, so the file is never opened, hashed or searched.
    """
    claims = Claims()
    problems: list[Problem] = []
    repo = repository_root(record_path, root)
    files: dict[str, str | None] = {}  # source id -> absolute file, None when it has no path
    sources = data.get("sources")
    for i, source in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(source, dict) or not isinstance(source.get("id"), str) or source["id"] in files:
            continue
        written = source.get("path")
        if not isinstance(written, str) or not written:
            files[source["id"]] = None
            continue
        try:
            absolute = str(confine(record_path, written, repo))
        except SourcePathError as err:
            files[source["id"]] = _REFUSED
            problems.append(
                Problem(
                    record_path,
                    *_mark_of(source, "path"),
                    f"sources[{i}].path",
                    "E310" if err.kind == "hidden" else "E307",
                    f"source path {written!r} {err.message}",
                )
            )
            continue
        files[source["id"]] = absolute
        sha = source.get("sha256")
        claims.sources.append(
            SourceClaim(
                source["id"],
                written,
                absolute,
                sha if isinstance(sha, str) else None,
                _mark_of(source, "path"),
                f"sources[{i}].path",
                _mark_of(source, "sha256"),
                f"sources[{i}].sha256",
            )
        )
    evidence = data.get("evidence")
    warned: set[str] = set()
    for name, citations in evidence.items() if isinstance(evidence, dict) else []:
        for i, citation in enumerate(citations if isinstance(citations, list) else []):
            if not isinstance(citation, dict):
                continue
            source, quote = citation.get("source"), citation.get("quote")
            start, end = citation.get("start"), citation.get("end")
            loc = ["evidence", name, i]
            for key, offset in (("start", start), ("end", end)):
                if isinstance(offset, float):  # JSON Schema's "integer" takes 149.0; offsets may not
                    line, column = value_mark(data, [*loc, key])
                    whole = f"; write {int(offset)}" if offset.is_integer() else ""
                    problems.append(
                        Problem(
                            record_path,
                            line,
                            column,
                            field_path([*loc, key]),
                            "E227",
                            f"{key} is {offset!r}: offsets are whole numbers of code points{whole}",
                        )
                    )
            if not isinstance(source, str) or source not in files:
                continue  # undeclared sources are a semantic error already
            file = files[source]
            if file == _REFUSED:
                continue
            if file is None:
                if source not in warned:
                    warned.add(source)
                    line, column = value_mark(data, [*loc, "source"])
                    problems.append(
                        Problem(
                            record_path,
                            line,
                            column,
                            field_path([*loc, "source"]),
                            "W215",
                            f"source {source!r} has no path, so its quotes cannot be checked; "
                            "store the text beside the record and set sources[].path",
                        )
                    )
                continue
            if not (isinstance(quote, str) and _is_int(start) and _is_int(end)):
                continue  # the schema reports the wrong types
            if start >= end:
                # One error, with the offsets where the quote stands (found once the source is read).
                claims.quotes.append(
                    QuoteClaim(
                        source,
                        file,
                        quote,
                        start,
                        end,
                        value_mark(data, [*loc, "end"]),
                        field_path([*loc, "end"]),
                        bad_offsets=True,
                    )
                )
                continue
            claims.quotes.append(
                QuoteClaim(
                    source,
                    file,
                    quote,
                    start,
                    end,
                    _mark_of(citation, "quote"),
                    f"evidence.{name}[{i}].quote",
                )
            )
    return claims, problems


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str | None
    sha256: str | None
    missing: bool = False
    error: str | None = None
    code: str = "E306"


class SourceStore:
    """Source files read and hashed once per run, by absolute path."""

    def __init__(self) -> None:
        self._cache: dict[str, SourceText] = {}
        self.reads = 0

    def get(self, file: str) -> SourceText:
        cached = self._cache.get(file)
        if cached is None:
            cached = self._cache[file] = self._read(file)
        return cached

    def _read(self, file: str) -> SourceText:
        self.reads += 1
        try:
            text, sha = read_source(Path(file))
        except SourcePathError as err:
            if err.kind == "missing":
                return SourceText(None, None, missing=True)
            code = {"special": "E308", "too_large": "E309"}.get(err.kind, "E306")
            return SourceText(None, None, error=err.message, code=code)
        except InputError as err:
            return SourceText(None, None, error=err.message)
        return SourceText(text, sha)


def read_source(path: Path) -> tuple[str, str]:
    """Text and SHA-256 of a confined source: a regular file, not a symlink, capped in size."""
    data = read_regular_file(path, follow_symlinks=False)
    return decode_source(data, str(path)), sha256_bytes(data)


def check_provenance(record_path: str, claims: Claims, store: SourceStore) -> list[Problem]:
    """Problems with the files and quotes one record relies on."""
    problems: list[Problem] = []
    unusable: set[str] = set()
    for claim in claims.sources:
        source = store.get(claim.file)
        if source.missing:
            unusable.add(claim.file)
            problems.append(
                Problem(
                    record_path,
                    *claim.path_mark,
                    claim.path_field,
                    "E301",
                    f"source file {claim.written_path!r} not found (looked for {os.path.normpath(claim.file)}); "
                    "paths are relative to the record's folder",
                )
            )
        elif source.text is None:
            unusable.add(claim.file)
            problems.append(
                Problem(
                    record_path,
                    *claim.path_mark,
                    claim.path_field,
                    source.code,
                    f"source file {claim.written_path!r}: {source.error}",
                )
            )
        elif claim.sha256 is not None and claim.sha256 != source.sha256:
            problems.append(
                Problem(
                    record_path,
                    *claim.sha_mark,
                    claim.sha_field,
                    "E302",
                    f"source {claim.source_id!r} changed: {claim.written_path} now has sha256 "
                    f"{source.sha256}; check that every quote still stands, then update sha256",
                )
            )
    for quote in claims.quotes:
        if quote.bad_offsets:
            problems.append(
                _bad_offsets(record_path, quote, None if quote.file in unusable else store.get(quote.file).text)
            )
            continue
        if quote.file in unusable:
            continue
        text = store.get(quote.file).text
        if text is not None:
            problem = _check_quote(record_path, quote, text)
            if problem is not None:
                problems.append(problem)
    return problems


def _bad_offsets(record_path: str, claim: QuoteClaim, text: str | None) -> Problem:
    message = f"end ({claim.end}) must be greater than start ({claim.start})"
    if text is not None:
        at = _nearest(text, claim.quote, claim.start)
        if at is None:
            at = _nearest(fold(text), fold(claim.quote), claim.start)
        if at is not None:
            message += (
                f"; the quote stands at {at}-{at + len(claim.quote)}: set start: {at}, end: {at + len(claim.quote)}"
            )
        else:
            message += "; the quote is not in the source either (copy it from the source)"
    return Problem(record_path, *claim.mark, claim.field, "E217", message)


def _check_quote(record_path: str, claim: QuoteClaim, text: str) -> Problem | None:
    quote, start, end = claim.quote, claim.start, claim.end
    if text[start:end] == quote:
        return None
    where = f"{start}-{end}"
    found = _nearest(text, quote, start)
    if found is not None:
        right = f"{found}-{found + len(quote)}"
        return Problem(
            record_path,
            *claim.mark,
            claim.field,
            "E304",
            f"quote found at {right}, not {where}; set start: {found}, end: {found + len(quote)}",
        )
    folded_at = _nearest(fold(text), fold(quote), start)
    if folded_at is not None:
        original = text[folded_at : folded_at + len(quote)]
        at = "" if folded_at == start and folded_at + len(quote) == end else f" at {folded_at}-{folded_at + len(quote)}"
        return Problem(
            record_path,
            *claim.mark,
            claim.field,
            "E305",
            f"quote matches the source{at} only after folding typographic characters "
            f"({_first_difference(quote, original)}); copy the quote from the source exactly"
            + ("" if not at else f" and set start: {folded_at}, end: {folded_at + len(quote)}"),
        )
    return Problem(
        record_path,
        *claim.mark,
        claim.field,
        "E303",
        f"quote not found in source {claim.source_id!r} (neither at {where} nor elsewhere, "
        "even after folding spaces and quotes)",
    )


def _nearest(text: str, needle: str, near: int) -> int | None:
    """The occurrence of `needle` closest to offset `near`, if any."""
    best: int | None = None
    at = text.find(needle)
    while at != -1:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        if at > near:
            break
        at = text.find(needle, at + 1)
    return best


def _first_difference(quote: str, original: str) -> str:
    for offset, (mine, theirs) in enumerate(zip(quote, original, strict=False)):
        if mine != theirs:
            return (
                f"the source has {_char(theirs)} where the quote has {_char(mine)}, at character {offset} of the quote"
            )
    return "they differ in length"


def _char(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNKNOWN')}"


def _mark_of(mapping: dict[str, Any], key: str) -> tuple[int, int]:
    """Where `mapping[key]` stands; read straight off the node (this runs once per citation)."""
    if isinstance(mapping, MarkedDict):
        return mapping.value_marks.get(key, mapping.mark)
    return (1, 1)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
