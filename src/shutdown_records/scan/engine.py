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
from functools import partial
from pathlib import Path
from typing import Any

from ..atomic import write_atomic
from ..errors import UsageError
from ..yamlio import dump_yaml
from .engines import Engine, default_workers, open_engine
from .grouping import Group, Item, group_items, make_item
from .incidents import BuildTask, build_incident
from .inputs import Unit, plan_units
from .judging import JudgeConfig, process_unit
from .matching import KnownRecord, confined_source, load_records, match
from .outputs import (
    Outcome,
    changed_fields,
    clear_previous,
    copy_source,
    is_scan_output,
    write_articles,
    write_feed,
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
        print(
            f"scan: {counts['articles']} articles read, {counts['relevant']} relevant, "
            f"{counts['skipped']} skipped ({done}/{self.total} parts)",
            file=sys.stderr,
            flush=True,
        )


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
        raise UsageError(
            f"{out}: exists and is not an earlier scan's output (no articles.jsonl); give an empty or new folder"
        )
    known: list[KnownRecord] = []
    result = ScanResult(counts={"articles": 0, "relevant": 0, "skipped": 0})
    if options.records is not None:
        if not options.records.is_dir():
            raise UsageError(f"--records {options.records}: not a folder of records")
        known, problems = load_records(options.records)
        result.problems += problems
    workers = options.workers or default_workers()
    plan = plan_units(inputs, workers=workers)
    result.skipped += [(s.input, s.reason) for s in plan.skipped]
    result.counts["skipped"] += len(plan.skipped)
    out.mkdir(parents=True, exist_ok=True)
    clear_previous(out)
    work = out / ".scan-work"
    (work / "parts").mkdir(parents=True)
    (work / "sources").mkdir()
    shas: dict[str, str] = {}  # work/sources file name -> SHA-256 of its bytes
    with open_engine(options.dask, workers) as engine:
        items = _read_stream(engine, plan.units, options, work, result, shas)
        groups = group_items(items)
        if options.progress:
            print(
                f"scan: {len(items)} relevant articles grouped into {len(groups)} incident(s); building records",
                file=sys.stderr,
                flush=True,
            )
        incident_of = _build_incidents(engine, groups, known, options, work, result, shas)
    write_articles(out, sorted((work / "parts").glob("*.jsonl")), incident_of)
    write_summary(out, result.counts, result.outcomes, result.skipped, result.unchanged)
    write_feed(out, result.outcomes)
    shutil.rmtree(work)
    return result


def _read_stream(
    engine: Engine, units: list[Unit], options: ScanOptions, work: Path, result: ScanResult, shas: dict[str, str]
) -> list[Item]:
    """Phase 1: every unit judged; its lines to a part file, relevant articles' texts to
    work/sources (their SHA-256, computed by the worker, in `shas` by file name)."""
    progress = Progress(options.progress, len(units))
    items: list[Item] = []
    skipped_by_unit: dict[int, list[tuple[str, str]]] = {}
    done = 0
    for index, answer in engine.map(partial(process_unit, config=JudgeConfig(since=options.since)), units):
        (work / "parts" / f"{index:08d}.jsonl").write_text(answer.lines, encoding="utf-8")
        result.counts["articles"] += answer.articles
        result.counts["relevant"] += len(answer.relevant)
        result.counts["skipped"] += len(answer.skipped)
        if answer.skipped:
            skipped_by_unit[index] = answer.skipped
        for position, row in answer.relevant:
            source = row["_source"]
            target = work / "sources" / source["name"]
            if not target.exists():
                with target.open("w", encoding="utf-8", newline="") as saved:
                    saved.write(source["text"])
            row["_source"] = {k: v for k, v in source.items() if k != "text"}
            items.append(make_item(index * 10_000_000 + position, row))
            shas[source["name"]] = source["sha256"]
        done += 1
        progress.show(result.counts, done)
    progress.show(result.counts, done, final=True)
    for index in sorted(skipped_by_unit):
        result.skipped += skipped_by_unit[index]
    return items


BUILD_BATCH = 64  # incidents whose source texts are in memory at once


@dataclass
class _Job:
    """One record to write: a new incident's draft, or one update per known record (all the
    incidents that matched it together)."""

    groups: list[Group]
    record: KnownRecord | None
    new: list[Path]


def _build_incidents(
    engine: Engine,
    groups: list[Group],
    known: list[KnownRecord],
    options: ScanOptions,
    work: Path,
    result: ScanResult,
    shas: dict[str, str],
) -> dict[str, str]:
    """Phase 2: a draft or an update for each incident, built on the engine; returns input -> id.

    The biggest builds start first, so no big one is left to run alone at the end; each
    record is written as soon as it and all before it are built (ids are given in job order),
    so writing overlaps the builds still running."""

    def sha(path: Path) -> str:
        return shas.get(path.name) or _sha(path)

    incident_of: dict[str, str] = {}
    taken: set[str] = {k.id for k in known}
    root = _repository_root(options.records) if options.records else None
    jobs: list[_Job] = []
    updates: dict[str, _Job] = {}
    for group in groups:
        sources = _unique([work / "sources" / item.source for item in group.items])
        record = match(group, known, {sha(p) for p in sources})
        if record is None:
            jobs.append(_Job([group], None, sources))
            continue
        for item in group.items:
            incident_of[item.input] = record.id
        new = [p for p in sources if sha(p) not in record.shas]
        if record.id in updates:
            job = updates[record.id]
            job.groups.append(group)
            job.new = _unique(job.new + new)
        else:
            updates[record.id] = _Job([group], record, new)
            jobs.append(updates[record.id])
    for job in jobs:
        if job.record is not None and not job.new:
            result.unchanged.append(f"{job.record.id} ({job.record.path}): every article is already a source")
    jobs = [job for job in jobs if job.record is None or job.new]
    for start in range(0, len(jobs), BUILD_BATCH):
        batch = jobs[start : start + BUILD_BATCH]
        tasks = [_task(job, root) for job in batch]
        costs = [sum(len(data) for _name, data in task.sources) for task in tasks]
        built: dict[int, dict[str, Any]] = {}
        written = 0
        for index, answer in engine.map(build_incident, tasks, costs=costs):
            built[index] = answer
            while written in built:
                _record_outcome(batch[written], tasks[written], built.pop(written), taken, incident_of, options, result)
                written += 1
    return incident_of


def _task(job: _Job, root: Path | None) -> BuildTask:
    if job.record is None:
        return BuildTask("drafts", "draft", tuple((p.name, p.read_bytes()) for p in job.new))
    existing, old = _existing_with_sources(job.record, root or job.record.path.parent)
    names = {name for name, _data in old}
    return BuildTask(
        "updates",
        job.record.id,
        tuple(old) + tuple((p.name, p.read_bytes()) for p in job.new if p.name not in names),
        existing,
    )


def _record_outcome(
    job: _Job,
    task: BuildTask,
    answer: dict[str, Any],
    taken: set[str],
    incident_of: dict[str, str],
    options: ScanOptions,
    result: ScanResult,
) -> None:
    items = sorted((i for g in job.groups for i in g.items), key=lambda i: i.seq)
    inputs = [i.input for i in items]
    last = max((i.published for i in items if i.published), default=None)
    record = job.record
    if "error" in answer:
        what = f"{record.path}: no update proposed" if record else f"incident of {inputs[0]}: no draft written"
        result.problems.append(
            f"{what}, the record cannot be built ({answer['error']})"
            + ("; run `shutdown-records validate` on it" if record else "")
        )
        return
    rec = answer["record"]
    folder = options.out / task.folder
    for name, data in task.sources:
        copy_source(data, folder / "sources", name)
    text = answer["yaml"]  # dumped by the worker
    if record is None:
        rid = _free_id(str(rec["id"]), taken)
        if rid != rec["id"]:
            rec["id"] = rid
            text = dump_yaml(rec)
        for i in inputs:
            incident_of[i] = rid
        outcome = Outcome(id=rid, kind="new", record=rec, inputs=inputs, new_sources=len(job.new), last_published=last)
    else:
        outcome = Outcome(
            id=record.id,
            kind="update",
            record=rec,
            inputs=inputs,
            new_sources=len(job.new),
            changed=changed_fields(record.data, rec),
            last_published=last,
            record_path=str(record.path),
        )
    write_atomic(folder / f"{outcome.id}.yaml", text)
    result.outcomes.append(outcome)


def _existing_with_sources(record: KnownRecord, root: Path) -> tuple[dict[str, Any], list[tuple[str, bytes]]]:
    """The known record with each readable source re-pointed at sources/NAME, and those files.

    A source outside the repository (or a symlink, or missing) stays listed as it was; its
    quotes are kept by the builder only for curated fields.
    """
    existing = json.loads(json.dumps(record.data, default=str))
    old: list[tuple[str, bytes]] = []
    names: set[str] = set()
    for source in existing.get("sources") or []:
        if not isinstance(source, dict) or not source.get("path"):
            continue
        found = confined_source(record, root, str(source["path"]))
        if found is None:
            continue
        name = found.name if found.name not in names else f"{len(names)}-{found.name}"
        names.add(name)
        old.append((name, found.read_bytes()))
        source["path"] = f"sources/{name}"
    return existing, old


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
