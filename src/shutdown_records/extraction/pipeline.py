"""`build_record`: sources in, one cited draft record out (the library behind `build`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .. import datafiles
from ..model import Incident
from ..source_ids import rename_old_form_ids
from . import langdata
from .assemble import assemble, merge_all, ordered, source_entries
from .context import REFERENCE_DATES
from .curation import apply_curation, held_back, merge_sources, rebuild_changes, source_id_map
from .extractors import import_problems, run_extractors
from .extractors.dates import DATELINE_REF, dateline_day, explicit_dates
from .loader import load_sources
from .types import Doc, Mention

PROGRESS_OVER = 20  # show a progress bar for runs over this many sources

# Given the sources and a label, a context manager that yields them while showing progress
# (e.g. `click.progressbar`): the library leaves how progress looks to its caller.
Progress = Callable[[list[Doc], str], AbstractContextManager[Iterable[Doc]]]


@dataclass
class BuildResult:
    """The record as plain data (valid per `Incident`), one-line problems, and the loaded Docs."""

    record: dict[str, Any]
    problems: list[str] = field(default_factory=list)
    docs: list[Doc] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # the sources skipped (also in problems)


def reference_dates(docs: list[Doc], published: dict[str, str]) -> dict[str, tuple[date, str]]:
    """For each source without a published day: the date its relative words are read against.

    A published month counts as its 15th; otherwise the median published date of the other
    sources (articles about one incident appear within weeks of each other); otherwise the
    latest date any source states with its year.
    """
    out: dict[str, tuple[date, str]] = {}
    days = sorted((d.published, d.id) for d in docs if d.published is not None)
    stated: list[date] | None = None
    for doc in docs:
        if doc.published is not None:
            continue
        month = published.get(doc.id)
        if month and len(month) == 7:
            out[doc.id] = (date.fromisoformat(month + "-15"), f"published month {month} (mid-month assumed)")
            continue
        if days:
            ref, other = days[(len(days) - 1) // 2]
            told = dateline_day(doc, ref)
            if told is not None:  # "DAKALO, 3 mars (AFP) -": the article's own day, its year from the others'
                out[doc.id] = (told, f"{told.isoformat()}, {DATELINE_REF} (year from {other}'s date)")
                continue
            out[doc.id] = (ref, f"{ref.isoformat()}, published date of {other} (this source has none)")
            continue
        if stated is None:
            stated = sorted(d for x in docs for d in explicit_dates(x))
        own = sorted(explicit_dates(doc))
        pool = own or stated
        if pool:
            ref = pool[-1]
            whose = "its own latest full date" if own else "the latest full date in the sources"
            out[doc.id] = (ref, f"{ref.isoformat()}, {whose} (no published date)")
    return out


def _report_changes(record: dict[str, Any], existing: dict | None) -> list[str]:
    """Never replace a value silently: name every value the rebuild changed; a reviewed record goes back to draft."""
    changes = rebuild_changes(record, existing)
    if not changes:
        return []
    listed = "; ".join(changes)
    if record.get("review_status") == "reviewed":
        record["review_status"] = "draft"
        return [
            f"review_status: reviewed -> draft, because the rebuild changed values no person had "
            f"marked in curation: {listed}; review them (shutdown-records review) and mark it reviewed again"
        ]
    return [
        f"the rebuild changed values no person had marked in curation: {listed} "
        "(mark a value with `shutdown-records cite` or `review` to keep it)"
    ]


def build_record(
    source_paths: list[Path],
    *,
    record_path: Path | None = None,
    existing: dict | None = None,
    progress: Progress | None = None,
    language: str | None = None,
) -> BuildResult:
    """Load, extract, merge and assemble; curated fields of `existing` are kept as they were.

    Raises nothing for bad sources (they become problems); the caller decides what an empty
    `docs` means. `language` applies to sources whose front matter names none. `progress`,
    when given, shows the reading of a long list of sources (the CLI passes a progress bar).
    """
    if existing:
        existing = rename_old_form_ids(existing)  # `x.txt` ids of older builds become `x`
    store = (record_path.parent if record_path else Path.cwd()) / "sources"
    loaded = load_sources([Path(p) for p in source_paths], language=language, store_dir=store)
    docs = loaded.docs
    langdata.check({doc.language for doc in docs if doc.language})  # a broken data file: file:line, stop
    datafiles.check_all()
    problems = list(loaded.unreadable) + list(loaded.problems)
    problems.extend(import_problems())
    mentions: list[Mention] = []
    token = REFERENCE_DATES.set(reference_dates(docs, loaded.published_text))
    try:
        shown = (
            progress(docs, "reading sources")
            if progress is not None and len(docs) > PROGRESS_OVER
            else nullcontext(docs)
        )
        with shown as iterator:
            for doc in iterator:
                found, trouble = run_extractors(doc)
                mentions.extend(found)
                problems.extend(trouble)
    finally:
        REFERENCE_DATES.reset(token)

    sources = source_entries(docs, loaded.published_text, loaded.origins, record_path)
    rename = source_id_map(existing, sources)
    for s in sources:
        s["id"] = rename.get(s["id"], s["id"])
    merged, notes = merge_all(mentions, docs, loaded.published_text, rename)
    problems.extend(f"note: {n}" for n in notes)
    record = assemble(merged, merge_sources(existing, sources), loaded.published_text)
    problems.extend(held_back(record, existing))  # shown by default: a person must see what their curation keeps out
    record = apply_curation(record, existing)
    problems.extend(_report_changes(record, existing))
    record = ordered(record)
    Incident.model_validate(record)  # a bug here is a bug in the builder: let it surface
    return BuildResult(
        record=record, problems=problems, docs=docs, mentions=mentions, unreadable=list(loaded.unreadable)
    )
