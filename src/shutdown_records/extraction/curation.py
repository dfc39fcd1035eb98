"""Keeping a person's work when a record is rebuilt.

A field named in the existing record's `curation` map (reviewed or edited) keeps its value,
its evidence and its conflict entry exactly; every other field takes the new build's result.
For a list field, `curation` may instead name single items (`{Sindh High Court: edited}`):
those items keep their value and evidence, a `removed` item stays out, and the rest of the
list takes the new build's candidates. `title` and `summary` follow one rule: the editor's
own words, written by the build only when the record has none.
Sources are matched by SHA-256, so a source keeps its id (and the evidence that cites it)
across rebuilds even if its file was renamed; sources only the old record had stay listed.
`rebuild_changes` names what a rebuild changed that no person had marked, so nothing a person
wrote is replaced silently, and a reviewed record that changes goes back to draft.
"""

from __future__ import annotations

from typing import Any

from ..fields import FIELDS
from ..model import EVIDENCED_FIELDS, LIST_FIELDS, item_label

KEPT_ALWAYS = ("title", "summary", "review_status", "extra_columns")  # the editor's own words and bookkeeping
# Fields no extractor fills yet: a value a person (or an import) put there is kept, with its
# evidence, unless the new build found one of its own.
NOT_EXTRACTED = tuple(f.name for f in FIELDS if not f.extracted)


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
    for fname, how in curation.items():
        if isinstance(how, dict) and fname in LIST_FIELDS:
            _apply_item_curation(record, existing, fname, how, evidence, conflicts)
            continue
        for key in [k for k in old_evidence if str(k).startswith(f"{fname}.")]:
            evidence[key] = old_evidence[key]
        for key in [k for k in evidence if str(k).startswith(f"{fname}.") and k not in old_evidence]:
            evidence.pop(key)
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


def _norm(value: Any) -> str:
    return str(value).strip().casefold()


def _apply_item_curation(
    record: dict[str, Any], existing: dict, fname: str, how: dict, evidence: dict, conflicts: dict
) -> None:
    """One list, item by item: a person's items as they left them, a removed one kept out, new ones added."""
    kept = {_norm(label) for label, mark in how.items() if mark in ("reviewed", "edited")}
    removed = {_norm(label) for label, mark in how.items() if mark == "removed"}
    mine = kept | removed
    fresh = {_norm(item_label(fname, i)): i for i in record.get(fname) or [] if _norm(item_label(fname, i)) not in mine}
    items = []
    for old in existing.get(fname) or []:  # the list's order as the person left it
        label = _norm(item_label(fname, old))
        if label in kept:
            items.append(old)
        elif label in fresh:
            items.append(fresh.pop(label))
    record[fname] = items + list(fresh.values())  # then what the build found new
    old_evidence = existing.get("evidence") or {}
    for key in [fname] + sorted(
        {str(k) for k in list(evidence) + list(old_evidence) if str(k).startswith(f"{fname}.")}
    ):
        by = "value" if key == fname else "item"
        theirs = [c for c in old_evidence.get(key) or [] if isinstance(c, dict) and _norm(c.get(by)) in kept]
        merged = []
        for c in evidence.get(key) or []:  # the build's order, so an unchanged rebuild moves nothing
            if _norm(c.get(by)) not in mine:
                merged.append(c)
            elif c in theirs:
                merged.append(c)
                theirs.remove(c)
        merged += theirs  # quotes a person added, after the build's
        if merged:
            evidence[key] = merged
        else:
            evidence.pop(key, None)
    conflict = conflicts.get(fname)
    if isinstance(conflict, dict):
        candidates = [c for c in conflict.get("candidates") or [] if _norm(c.get("value")) not in removed]
        if len(candidates) < 2:
            conflicts.pop(fname)
        else:
            conflicts[fname] = dict(
                conflict, candidates=candidates, chosen=[item_label(fname, i) for i in record[fname]]
            )


def rebuild_changes(record: dict[str, Any], existing: dict | None) -> list[str]:
    """'start_date: '2024-02-17' -> '2024-02'' for each value a rebuild changed; [] for a first build.

    Curated values are kept by `apply_curation`, so what is listed here is what no person marked.
    """
    if not existing:
        return []
    changes = []
    for fname in EVIDENCED_FIELDS:
        before, after = existing.get(fname), record.get(fname)
        if before in (None, [], "") and after in (None, [], ""):
            continue
        if fname in LIST_FIELDS and isinstance(before, list) and isinstance(after, list):
            if before == after:
                continue
            old = {_norm(item_label(fname, i)): i for i in before}
            new = {_norm(item_label(fname, i)): i for i in after}
            parts = [f"-{item_label(fname, old[k])}" for k in old if k not in new]
            parts += [f"+{item_label(fname, new[k])}" for k in new if k not in old]
            parts += [f"~{item_label(fname, new[k])}" for k in new if k in old and new[k] != old[k]]
            changes.append(f"{fname} ({', '.join(parts) or 'order'})")
        elif before != after and not (fname == "status" and before in (None, "unknown") and after == "unknown"):
            changes.append(f"{fname} ({before!r} -> {after!r})")
    return changes


def held_back(record: dict[str, Any], existing: dict | None) -> list[str]:
    """What the new build found that a person's curation keeps out, so it is said, not dropped.

    Call on the build's record before `apply_curation`. A whole-field mark keeps new list
    items out too; the note says how to let them in (curate item by item).
    """
    if not existing or not isinstance(existing.get("curation"), dict):
        return []
    notes = []
    for fname, how in existing["curation"].items():
        if fname not in EVIDENCED_FIELDS:
            continue
        new, old = record.get(fname), existing.get(fname)
        if fname in LIST_FIELDS and isinstance(new, list) and isinstance(old, list):
            had = {_norm(item_label(fname, i)) for i in old}
            marked = {_norm(k) for k in how} if isinstance(how, dict) else set()
            fresh = [
                item_label(fname, i)
                for i in new
                if _norm(item_label(fname, i)) not in had
                and (isinstance(how, str) or _norm(item_label(fname, i)) in marked)
            ]
            if fresh:
                why = (
                    "the whole list is curated; mark items one by one to let new ones in"
                    if isinstance(how, str)
                    else "marked removed"
                )
                notes.append(f"{fname}: kept as a person left it; the build also found {', '.join(fresh)} ({why})")
        elif isinstance(how, str) and new not in (None, "") and new != old:
            notes.append(f"{fname}: kept {old!r} ({how} by a person); the build found {new!r}")
    return notes
