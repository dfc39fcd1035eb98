"""Keeping a person's work when a record is rebuilt.

A field named in the existing record's `curation` map (reviewed or edited) keeps its value,
its evidence and its conflict entry exactly; every other field takes the new build's result.
Sources are matched by SHA-256, so a source keeps its id (and the evidence that cites it)
across rebuilds even if its file was renamed; sources only the old record had stay listed.
"""

from __future__ import annotations

from typing import Any

KEPT_ALWAYS = ("summary", "review_status", "extra_columns")  # build never writes these itself
# Fields no extractor fills yet: a value a person (or an import) put there is kept, with its
# evidence, unless the new build found one of its own.
NOT_EXTRACTED = ("regions", "operators", "technical_reports", "official_statements", "platform_response")


def source_id_map(existing: dict | None, new_sources: list[dict]) -> dict[str, str]:
    """New source id -> the id the existing record gave the same bytes (or a free id)."""
    if not existing:
        return {}
    old = [s for s in existing.get("sources") or [] if isinstance(s, dict)]
    by_sha = {str(s.get("sha256")): str(s.get("id")) for s in old}
    taken = {str(s.get("id")) for s in old}
    mapping: dict[str, str] = {}
    for s in new_sources:
        if s["sha256"] in by_sha:
            mapping[s["id"]] = by_sha[s["sha256"]]
        elif s["id"] in taken:
            n = 2
            while f"{s['id']}-{n}" in taken:
                n += 1
            mapping[s["id"]] = f"{s['id']}-{n}"
            taken.add(mapping[s["id"]])
    return mapping


def merge_sources(existing: dict | None, new_sources: list[dict]) -> list[dict]:
    """Existing sources first (as they were), then new ones not already there by SHA-256."""
    if not existing:
        return new_sources
    old = [dict(s) for s in existing.get("sources") or [] if isinstance(s, dict)]
    shas = {str(s.get("sha256")) for s in old}
    return old + [s for s in new_sources if s["sha256"] not in shas]


def apply_curation(record: dict[str, Any], existing: dict | None) -> dict[str, Any]:
    """The new record with every curated field (value, evidence, conflict) taken from `existing`."""
    if not existing:
        return record
    curation = dict(existing.get("curation") or {})
    for key in KEPT_ALWAYS:
        if existing.get(key) not in (None, {}, []):
            record[key] = existing[key]
    if existing.get("id"):
        record["id"] = existing["id"]  # a record keeps its name; renaming is a person's call
    evidence = dict(record.get("evidence") or {})
    conflicts = dict(record.get("conflicts") or {})
    old_evidence = existing.get("evidence") or {}
    old_conflicts = existing.get("conflicts") or {}
    for fname in NOT_EXTRACTED:
        if fname not in curation and existing.get(fname) not in (None, [], "") and record.get(fname) in (None, [], ""):
            record[fname] = existing[fname]
            if fname in old_evidence:
                evidence[fname] = old_evidence[fname]
    for fname in curation:
        if fname in existing:
            record[fname] = existing[fname]
        if fname in old_evidence:
            evidence[fname] = old_evidence[fname]
        else:
            evidence.pop(fname, None)
        if fname in old_conflicts:
            conflicts[fname] = old_conflicts[fname]
        else:
            conflicts.pop(fname, None)
    record["evidence"] = evidence
    record["conflicts"] = conflicts
    record["curation"] = curation
    return record
