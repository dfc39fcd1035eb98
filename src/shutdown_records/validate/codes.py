"""The stable problem codes of `validate`: one line each, documented in docs/validate.md.

Codes never change meaning once published (scripts filter on them); E is an error, W a
warning. The hundreds say which stage found the problem: 0 reading the file, 1 the JSON
Schema, 2 the record's meaning, 3 its provenance (sources and quotes).
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "E001": "file cannot be read",
    "E002": "file is not UTF-8",
    "E003": "file is too large for a record",
    "E004": "not valid YAML",
    "E005": "duplicate key",
    "E006": "empty file",
    "E007": "not a mapping",
    "E101": "unknown field",
    "E102": "missing required field",
    "E103": "wrong type",
    "E104": "unknown vocabulary value",
    "E105": "wrong format",
    "E106": "value out of bounds",
    "E107": "model rule broken",
    "E201": "impossible date",
    "E202": "end before start",
    "E203": "end_date set but status is not ended",
    "W204": "status ended without an end_date",
    "E205": "unknown country code",
    "E206": "duplicate id across records",
    "W207": "id differs from the file name",
    "E208": "value without evidence",
    "W209": "draft without evidence",
    "E210": "citation to an undeclared source",
    "E211": "conflict candidate without a citation",
    "E212": "duplicate source id",
    "E213": "evidence, conflict or curation for an unknown field",
    "W214": "citation for a value the field does not hold",
    "W215": "cited source has no path, so its quotes cannot be checked",
    "E216": "duplicate list entry",
    "E217": "start offset not before end offset",
    "W218": "source id written the old way, with the file's extension",
    "E222": "source with a path but no sha256",
    "E223": "source with neither path nor url",
    "W224": "imported row with a problem the record could not hold",
    "E225": "kind not among kinds",
    "E226": "evidence no longer supports its value (person-changed field, or an ongoing quote under another status)",
    "E227": "offset is not a whole number",
    "W228": "start date after the publication of every source",
    "E301": "source file not found",
    "E302": "source changed (sha256 mismatch)",
    "E303": "quote not found in source",
    "E304": "quote at wrong offsets",
    "E305": "quote differs from the source only in typographic characters",
    "E306": "source file cannot be read as UTF-8 text",
    "E307": "source path outside the repository root",
    "E308": "source is not a regular file (symlink, FIFO, device, folder)",
    "E309": "source file too large",
    "E310": "source path in a hidden file or folder (.git, .env)",
}


def title(code: str) -> str:
    """The short title of a code (GitHub annotations use it)."""
    return CODES[code]
