"""`run_scan`: a news stream in, incidents out (the library behind `shutdown-records scan`).

read (units, in parallel) -> judge relevance -> group relevant articles into incidents ->
match each against the known records -> build a draft or an update proposal with `build`.
Rows come back from workers in any order; each unit's rows go to a part file named by its
index, so articles.jsonl is written in input order without holding the stream in memory.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ShutdownRecordsError, UsageError
from .engines import default_workers, run_dask, run_processes
from .grouping import Group, group_items, make_item
from .inputs import plan_units
from .judging import JudgeConfig
from .matching import KnownRecord, confined_source, load_records, match
from .outputs import (
    Outcome,
    changed_fields,
    clear_previous,
    copy_source,
    is_scan_output,
    write_articles,
    write_feed,
    write_record,
    write_summary,
)


@dataclass
class ScanOptions:
    out: Path
    records: Path | None = None
    since: str | None = None
    dask: str | None = None  # None: local processes; "local": a LocalCluster; else a scheduler address
    workers: int | None = None
    progress: bool = True


@dataclass
class ScanResult:
    counts: dict[str, int] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # records that could not be read, etc.
    unchanged: list[str] = field(default_factory=list)  # known records with nothing new


class Progress:
    """One line on stderr at most every second: articles read, relevant, incidents."""

    def __init__(self, enabled: bool, total_units: int) -> None:
        self.enabled = enabled
        self.total = total_units
        self.last = 0.0
        self.shown = -1

    def show(self, counts: dict[str, int], done: int, final: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not final and now - self.last < 1.0) or self.shown == done:
            return
        self.last = now
        self.shown = done
        print(f"scan: {counts['articles']} articles read, {counts['relevant']} relevant, "
              f"{counts['skipped']} skipped ({done}/{self.total} parts)", file=sys.stderr, flush=True)


def _repository_root(folder: Path) -> Path:
    """The git repository holding the records folder (sources may sit beside it), else the folder."""
    here = folder.resolve()
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    return here


def run_scan(inputs: list[Path], options: ScanOptions) -> ScanResult:
    out = options.out
    if not is_scan_output(out):
        raise UsageError(f"{out}: exists and is not an earlier scan's output (no articles.jsonl); "
                         "give an empty or new folder")
    known: list[KnownRecord] = []
    result = ScanResult(counts={"articles": 0, "relevant": 0, "skipped": 0})
    if options.records is not None:
        if not options.records.is_dir():
            raise UsageError(f"--records {options.records}: not a folder of records")
        known, problems = load_records(options.records)
        result.problems += problems
    out.mkdir(parents=True, exist_ok=True)
    clear_previous(out)
    work = out / ".scan-work"
    (work / "parts").mkdir(parents=True)
    (work / "sources").mkdir()

    plan = plan_units(inputs)
    result.skipped += [(s.input, s.reason) for s in plan.skipped]
    result.counts["skipped"] += len(plan.skipped)
    config = JudgeConfig(since=options.since)
    workers = options.workers or default_workers()
    if options.dask:
        stream = run_dask(plan.units, config, options.dask, workers)
    else:
        stream = run_processes(plan.units, config, workers)

    progress = Progress(options.progress, len(plan.units))
    items: list[Any] = []
    skipped_by_unit: dict[int, list[tuple[str, str]]] = {}
    done = 0
    for index, rows in stream:
        part = work / "parts" / f"{index:08d}.jsonl"
        with part.open("w", encoding="utf-8") as handle:
            for n, row in enumerate(rows):
                if "skipped" in row:
                    skipped_by_unit.setdefault(index, []).append((row["skipped"], row["reason"]))
                    result.counts["skipped"] += 1
                    continue
                result.counts["articles"] += 1
                if row["relevant"]:
                    result.counts["relevant"] += 1
                    source = row["_source"]
                    target = work / "sources" / source["name"]
                    if not target.exists():
                        target.write_text(source["text"], encoding="utf-8")
                    row["_source"] = {k: v for k, v in source.items() if k != "text"}
                    items.append(make_item(index * 10_000_000 + n, row))
                public = {k: row[k] for k in ("input", "url", "language", "relevant", "why")}
                handle.write(json.dumps(public, ensure_ascii=False) + "\n")
        done += 1
        progress.show(result.counts, done)
    progress.show(result.counts, done, final=True)
    for index in sorted(skipped_by_unit):
        result.skipped += skipped_by_unit[index]

    groups = group_items(items)
    incident_of = _build_incidents(groups, known, options, work, result)
    parts = sorted((work / "parts").glob("*.jsonl"))
    write_articles(out, parts, incident_of)
    write_summary(out, result.counts, result.outcomes, result.skipped, result.unchanged)
    write_feed(out, result.outcomes)
    shutil.rmtree(work)
    return result


def _build_incidents(groups: list[Group], known: list[KnownRecord], options: ScanOptions, work: Path,
                     result: ScanResult) -> dict[str, str]:
    """Draft or update for each incident; returns article input -> incident id."""
    from ..build import build_record  # noqa: PLC0415

    incident_of: dict[str, str] = {}
    taken: set[str] = {k.id for k in known}
    root = _repository_root(options.records) if options.records else None
    for group in groups:
        sources = [work / "sources" / item.source for item in group.items]
        shas = {_sha(p) for p in sources}
        record = match(group, known, shas)
        last = max((i.published for i in group.items if i.published), default=None)
        inputs = [i.input for i in group.items]
        if record is None:
            folder = options.out / "drafts"
            paths = [copy_source(p, folder / "sources", p.name) for p in _unique(sources)]
            built = build_record(paths, record_path=folder / "draft.yaml")
            rid = _free_id(str(built.record["id"]), taken)
            built.record["id"] = rid
            write_record(folder / f"{rid}.yaml", built.record)
            result.outcomes.append(Outcome(id=rid, kind="new", record=built.record, inputs=inputs,
                                           new_sources=len(paths), last_published=last))
        else:
            rid = record.id
            new = [p for p in _unique(sources) if _sha(p) not in record.shas]
            if not new:
                result.unchanged.append(f"{rid} ({record.path}): every article is already a source")
            else:
                try:
                    outcome = _update(record, new, root or record.path.parent, options.out / "updates", inputs, last)
                except (ValueError, TypeError, KeyError, ShutdownRecordsError) as err:
                    # pydantic's ValidationError is a ValueError: the known record itself is invalid
                    first = str(err).strip().splitlines()
                    result.problems.append(f"{record.path}: no update proposed, the record cannot be rebuilt "
                                           f"({first[0] if first else type(err).__name__}); "
                                           "run `shutdown-records validate` on it")
                else:
                    result.outcomes.append(outcome)
        for i in inputs:
            incident_of[i] = rid
    return incident_of


def _update(record: KnownRecord, new: list[Path], root: Path, folder: Path, inputs: list[str],
            last: str | None) -> Outcome:
    """Rebuild the record from its own sources plus the new ones, keeping every curated field."""
    from ..build import build_record  # noqa: PLC0415

    existing = json.loads(json.dumps(record.data, default=str))
    old_paths: list[Path] = []
    for source in existing.get("sources") or []:
        if not isinstance(source, dict) or not source.get("path"):
            continue
        found = confined_source(record, root, str(source["path"]))
        if found is None:
            continue  # kept as listed; its file is not ours to read
        copied = copy_source(found, folder / "sources", found.name)
        source["path"] = f"sources/{copied.name}"
        old_paths.append(copied)
    new_paths = [copy_source(p, folder / "sources", p.name) for p in new]
    built = build_record(old_paths + new_paths, record_path=folder / f"{record.id}.yaml", existing=existing)
    write_record(folder / f"{record.id}.yaml", built.record)
    return Outcome(id=record.id, kind="update", record=built.record, inputs=inputs, new_sources=len(new_paths),
                   changed=changed_fields(record.data, built.record), last_published=last,
                   record_path=str(record.path))


def _sha(path: Path) -> str:
    import hashlib  # noqa: PLC0415

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[str] = set()
    out = []
    for p in paths:
        if p.name not in seen:
            seen.add(p.name)
            out.append(p)
    return out


def _free_id(rid: str, taken: set[str]) -> str:
    candidate, n = rid, 2
    while candidate in taken:
        candidate = f"{rid}-{n}"
        n += 1
    taken.add(candidate)
    return candidate
