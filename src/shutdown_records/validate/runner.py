"""The checker: find record files, check each (in worker processes when there are many),
then check provenance and cross-record rules in the parent, and return a result object.

Per-file work (parse, schema, semantics) is independent, so above PARALLEL_THRESHOLD files
it runs in a process pool in chunks; the pool is forked after the compiled schema validator
and the country table are built, so `jsonschema`'s import and compile cost is paid once.
Source files are read and hashed in the parent only, once per run, whatever the number of
records citing them.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..model import SLUG_PATTERN, Incident
from ..records import iter_record_files
from .checks_provenance import Claims, SourceStore, check_provenance, collect_claims
from .checks_schema import check_schema, compiled_validator
from .checks_semantic import check_semantics, country_codes
from .loading import load_data
from .places import field_path, value_mark
from .result import Problem, RecordResult, Severity, ValidationResult

PARALLEL_THRESHOLD = 200  # below this, starting workers costs more than it saves
_MIN_CHUNK, _MAX_CHUNK = 50, 500


@dataclass(slots=True)
class FileCheck:
    """What a worker hands back for one file: its problems so far and what provenance to verify."""

    path: str
    record_id: str | None = None
    id_mark: tuple[int, int] = (1, 1)
    problems: list[Problem] = field(default_factory=list)
    claims: Claims = field(default_factory=Claims)


def check_file(path: str, strict: bool = False, root: str | None = None) -> FileCheck:
    """Everything about one record that needs no other file: parsing, schema, semantics."""
    data, problem = load_data(Path(path))
    if problem is not None:
        return FileCheck(path, problems=[problem])
    problems = check_schema(data, path)
    problems += check_semantics(data, path, strict=strict)
    claims, claim_problems = collect_claims(data, path, root)
    problems += claim_problems
    record_id = data.get("id") if isinstance(data.get("id"), str) else None
    id_mark = value_mark(data, ["id"])
    if record_id and re.fullmatch(SLUG_PATTERN, record_id) and Path(path).stem != record_id:
        problems.append(
            Problem(
                path,
                *id_mark,
                "id",
                "W207",
                f"id {record_id!r} differs from the file name {Path(path).name!r}; "
                f"name the file {record_id}{Path(path).suffix}",
            )
        )
    problems = _without_redundant_evidence_errors(problems)
    if not any(p.severity is Severity.error for p in problems):
        problems += _model_problems(data, path)
    return FileCheck(path, record_id, id_mark, problems, claims)


def _without_redundant_evidence_errors(problems: list[Problem]) -> list[Problem]:
    """A value that is already wrong (`acknowledged: yes`) needs fixing before citing: one error, not two."""
    wrong = {p.field for p in problems if p.severity is Severity.error and p.code != "E208"}
    return [p for p in problems if not (p.code == "E208" and p.field in wrong)]


def _one_error_per_offset(problems: list[Problem]) -> list[Problem]:
    """`end: 0` is out of bounds (E106) and not after start (E217); E217 carries the right offsets."""
    offsets = {p.field for p in problems if p.code == "E217"}
    return [p for p in problems if not (p.code == "E106" and p.field in offsets)]


def _model_problems(data: dict, path: str) -> list[Problem]:
    """Safety net: a record that passes everything above must also load as an `Incident`."""
    try:
        Incident.model_validate(data)
    except ValidationError as err:
        problems = []
        for item in err.errors():
            loc = list(item["loc"])
            problems.append(Problem(path, *value_mark(data, loc), field_path(loc), "E107", item["msg"]))
        return problems
    return []


def _check_chunk(paths: list[str], strict: bool, root: str | None = None) -> list[FileCheck]:
    return [check_file(path, strict, root) for path in paths]


def validate_paths(
    paths: Iterable[Path | str], *, strict: bool = False, jobs: int | None = None, root: Path | str | None = None
) -> ValidationResult:
    """Check every record under `paths` (files or folders); what `shutdown-records validate` does.

    `jobs`: worker processes; None or 0 picks all available cores when there are more than
    PARALLEL_THRESHOLD files, 1 never starts a pool. Raises UsageError for a missing path.
    `root`: the folder sources must stay in (default: the folder holding each record's `records/`).
    """
    root = None if root is None else str(root)
    files = _unique(iter_record_files(paths))
    store = SourceStore()
    records: list[RecordResult] = []
    first_by_id: dict[str, tuple[str, int]] = {}
    for check in _checks(files, strict, jobs, root):
        problems = _one_error_per_offset(check.problems + check_provenance(check.path, check.claims, store))
        if check.record_id is not None:
            if check.record_id in first_by_id:
                other, line = first_by_id[check.record_id]
                problems.append(
                    Problem(
                        check.path,
                        *check.id_mark,
                        "id",
                        "E206",
                        f"id {check.record_id!r} is also used by {other}:{line}; ids must be unique",
                    )
                )
            else:
                first_by_id[check.record_id] = (check.path, check.id_mark[0])
        problems.sort(key=Problem.sort_key)
        records.append(RecordResult(check.path, check.record_id, problems))
    return ValidationResult(records, strict=strict)


def _checks(files: list[str], strict: bool, jobs: int | None, root: str | None = None) -> Iterator[FileCheck]:
    workers = _worker_count(len(files), jobs)
    if workers <= 1:
        for path in files:
            yield check_file(path, strict, root)
        return
    # Build the shared, costly objects before forking so every worker inherits them.
    compiled_validator()
    country_codes()
    size = max(_MIN_CHUNK, min(_MAX_CHUNK, -(-len(files) // (workers * 4))))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    # fork shares the compiled validator; elsewhere (macOS, Windows) workers rebuild it once each.
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for chunk in pool.map(_check_chunk, chunks, [strict] * len(chunks), [root] * len(chunks)):
            yield from chunk


def _worker_count(n_files: int, jobs: int | None) -> int:
    if jobs:
        return max(1, min(jobs, n_files))
    if n_files <= PARALLEL_THRESHOLD:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, -(-n_files // _MIN_CHUNK)))


def _unique(paths: Iterable[Path]) -> list[str]:
    """Each file once, in the order given (a file named twice is one record, not a duplicate id)."""
    seen: set[str] = set()
    files: list[str] = []
    for path in paths:
        key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            files.append(str(path))
    return files
