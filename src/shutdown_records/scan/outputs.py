"""What `scan` writes: drafts, update proposals, articles.jsonl, summary.md and feed.xml.

Everything is a function of the input alone (no clock, no worker count), so two runs on the
same input write the same bytes. Files are written atomically.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .. import fields as registry
from ..atomic import atomic_open, write_atomic

FEED_ID = "urn:shutdown-records:scan"
SCAN_NAMES = frozenset({"articles.jsonl", "drafts", "updates", "summary.md", "feed.xml", ".scan-work"})
# the fields a reviewer judges an update by: the title, the scored core fields and the status
RELEVANT_KEY = '"relevant": true'
COMPARED = ("title", *(f for f in registry.names(evidenced=True) if f in registry.scored() or f == "status"))


@dataclass
class Outcome:
    """One incident's result: a new draft, or an update proposal for a known record."""

    id: str
    kind: str  # "new" | "update"
    record: dict[str, Any]
    inputs: list[str]
    new_sources: int
    changed: list[str] = field(default_factory=list)  # fields whose value changed (updates)
    last_published: str | None = None
    record_path: str | None = None  # the known record an update is for


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [f for f in COMPARED if _plain(old.get(f)) != _plain(new.get(f))]


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str)) if value is not None else None


def copy_source(data: bytes, folder: Path, name: str) -> Path:
    """Save a source's exact bytes as `folder/name` (atomically; a symlink there is replaced)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if target.is_symlink():
        target.unlink()
    if not target.exists() or target.read_bytes() != data:
        with atomic_open(target, newline="") as handle:
            handle.write(data.decode("utf-8"))
    return target


def write_articles(out: Path, parts: list[Path], incident_of: dict[str, str]) -> None:
    """articles.jsonl in input order from the per-unit part files (lines the workers wrote with
    `"incident": null`); only relevant rows are parsed, to fill in their incident."""
    with atomic_open(out / "articles.jsonl") as handle:
        for part in parts:
            with part.open(encoding="utf-8") as rows:
                for line in rows:
                    # a key: inside a JSON string every quote is escaped, so this cannot be text
                    if RELEVANT_KEY in line:
                        row = json.loads(line)
                        row["incident"] = incident_of.get(row["input"])
                        line = json.dumps(row, ensure_ascii=False) + "\n"
                    handle.write(line)


def _platforms(record: dict[str, Any]) -> str:
    return ", ".join(record.get("platforms") or []) or "whole network"


def _line(outcome: Outcome) -> str:
    r = outcome.record
    dates = (
        f"{r.get('start_date') or '?'} to {r.get('end_date') or ('ongoing' if r.get('status') == 'ongoing' else '?')}"
    )
    return f"{r.get('country') or '??'}, {r.get('kind') or 'kind unknown'}, {_platforms(r)}, {dates}"


def write_summary(
    out: Path, counts: dict[str, int], outcomes: list[Outcome], skipped: list[tuple[str, str]], unchanged: list[str]
) -> None:
    new = [o for o in outcomes if o.kind == "new"]
    updates = [o for o in outcomes if o.kind == "update"]
    lines = [
        "# Scan summary",
        "",
        f"- articles read: {counts['articles']}",
        f"- relevant: {counts['relevant']}",
        f"- skipped (unreadable files or records): {counts['skipped']}",
        f"- new incidents (drafts/): {len(new)}",
        f"- updates to known records (updates/): {len(updates)}",
        f"- known records seen again with nothing new: {len(unchanged)}",
        "",
        "## New incidents",
        "",
    ]
    lines += [
        f"- `drafts/{o.id}.yaml`: {o.record.get('title')} ({_line(o)}); {len(o.inputs)} article(s)" for o in new
    ] or ["none"]
    lines += ["", "## Updates", ""]
    for o in updates:
        what = ", ".join(o.changed) if o.changed else "no field changed"
        lines.append(f"- `updates/{o.id}.yaml` (for {o.record_path}): {o.new_sources} new source(s); changed: {what}")
    if not updates:
        lines.append("none")
    if unchanged:
        lines += ["", "## Known, nothing new", ""] + [f"- {u}" for u in unchanged]
    if skipped:
        lines += ["", "## Skipped", ""] + [f"- {place}: {reason}" for place, reason in skipped[:200]]
        if len(skipped) > 200:
            lines.append(f"- ... and {len(skipped) - 200} more")
    write_atomic(out / "summary.md", "\n".join(lines) + "\n")


def write_feed(out: Path, outcomes: list[Outcome]) -> None:
    """An Atom feed of the new incidents and updates; dates from the articles, not the clock."""

    def stamp(day: str | None) -> str:
        day = day or "1970-01-01"
        day = day if len(day) == 10 else day[:7] + "-01"
        return f"{day}T00:00:00Z"

    updated = max((stamp(o.last_published) for o in outcomes), default=stamp(None))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "  <title>shutdown-records scan: new incidents and updates</title>",
        f"  <id>{FEED_ID}</id>",
        f"  <updated>{updated}</updated>",
        "  <author><name>shutdown-records scan</name></author>",
    ]
    for o in outcomes:
        folder = "drafts" if o.kind == "new" else "updates"
        label = "New incident" if o.kind == "new" else "Update"
        detail = (
            _line(o)
            if o.kind == "new"
            else (f"{o.new_sources} new source(s); changed: {', '.join(o.changed) or 'no field'}")
        )
        parts += [
            "  <entry>",
            f"    <title>{escape(label + ': ' + str(o.record.get('title') or o.id))}</title>",
            f"    <id>{FEED_ID}:{folder}:{escape(o.id)}:{o.new_sources}:{len(o.inputs)}</id>",
            f"    <updated>{stamp(o.last_published)}</updated>",
            f'    <link rel="alternate" href="{escape(folder + "/" + o.id + ".yaml", {chr(34): "&quot;"})}"/>',
            f"    <summary>{escape(detail)}</summary>",
            "  </entry>",
        ]
    parts.append("</feed>")
    write_atomic(out / "feed.xml", "\n".join(parts) + "\n")


def clear_previous(out: Path) -> None:
    """Remove what an earlier scan wrote in OUT (its drafts/ and updates/), nothing else."""
    for sub in ("drafts", "updates"):
        folder = out / sub
        if folder.is_symlink():
            folder.unlink()
        elif folder.is_dir():
            shutil.rmtree(folder)
    work = out / ".scan-work"
    if work.is_symlink():
        work.unlink()
    elif work.is_dir():
        shutil.rmtree(work)


def is_scan_output(out: Path) -> bool:
    """Whether OUT is empty or holds an earlier scan's output (so it may be rewritten)."""
    if not out.exists():
        return True
    if not out.is_dir() or out.is_symlink():
        return False
    names = set(os.listdir(out))
    return "articles.jsonl" in names or names <= SCAN_NAMES  # an interrupted scan leaves only its own
