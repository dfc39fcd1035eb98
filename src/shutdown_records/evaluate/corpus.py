"""Run the builder over a corpus of incidents and score each built record against its gold.

A corpus is a folder of incident folders, each with `gold.yaml` and `sources/` (see the
corpus README). The builder writes into a temporary folder, so evaluating never touches the
corpus; pass `records_dir` to keep the built records for a closer look.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EXIT_INTERNAL, InputError, OutputError, ShutdownRecordsError, UsageError
from ..extraction.langschema import LanguageDataError
from ..safeio import check_output
from ..yamlio import dump_yaml, read_record_file, write_atomic
from .scoring import FIELD_RULES, SCORED_FIELDS, RecordScore, parse_partial_date, score_record

GOLD_FILE = "gold.yaml"
SOURCES_DIR = "sources"

# What the builder looks like to the evaluation: source paths in, an object with
# `.record` (dict) and `.problems` (list of strings) out.
BuildFn = Callable[..., Any]
ProgressFn = Callable[[str], None]
WarnFn = Callable[[str], None]


class BuilderCrash(ShutdownRecordsError):
    """The builder raised an unexpected exception: a bug, reported with the incident it hit."""

    exit_code = EXIT_INTERNAL


@dataclass(frozen=True)
class IncidentFolder:
    """One incident folder of a corpus (its gold file and sources; not a record: that is `model.Incident`)."""

    id: str
    folder: Path
    gold_path: Path
    source_paths: tuple[Path, ...]


@dataclass
class IncidentResult:
    incident: IncidentFolder
    gold: Mapping[str, Any]
    record: dict[str, Any]
    scores: RecordScore
    problems: list[str] = field(default_factory=list)  # what the builder reported
    seconds: float = 0.0
    gold_warnings: list[str] = field(default_factory=list)  # what in gold.yaml is not scored
    languages: tuple[str, ...] = ()  # of its sources, as the builder read them

    @property
    def id(self) -> str:
        return self.incident.id

    @property
    def score(self) -> float | None:
        return self.scores.score


@dataclass
class CorpusResult:
    corpus: Path
    incidents: list[IncidentResult]
    digest: str | None = None  # of the incidents run (`corpus_id.corpus_digest`); None for a partial run
    split: str = "all"  # all, dev or holdout (bench/corpus_split.json)

    def field_means(self) -> dict[str, float]:
        """Mean of each field over the incidents where it was scored, in README order."""
        means: dict[str, float] = {}
        for name in SCORED_FIELDS:
            values = [r.scores.fields[name] for r in self.incidents if name in r.scores.fields]
            if values:
                means[name] = sum(values) / len(values)
        return means

    @property
    def overall(self) -> float | None:
        """Mean of the records' scores (the README's corpus score)."""
        scores = [r.score for r in self.incidents if r.score is not None]
        return sum(scores) / len(scores) if scores else None

    def by_language(self) -> dict[str, CorpusResult]:
        """The incidents grouped by the languages of their sources, each group a result of its
        own (so its `overall` and `field_means` are that language's). An incident whose sources
        are in several languages counts in each of them."""
        groups: dict[str, list[IncidentResult]] = {}
        for incident in self.incidents:
            for language in incident.languages or ("?",):
                groups.setdefault(language, []).append(incident)
        return {lang: CorpusResult(self.corpus, groups[lang], None, self.split) for lang in sorted(groups)}


def _is_incident(folder: Path) -> bool:
    return (folder / GOLD_FILE).is_file() and (folder / SOURCES_DIR).is_dir()


def _incident(folder: Path) -> IncidentFolder:
    sources = tuple(sorted(p for p in (folder / SOURCES_DIR).iterdir() if p.is_file() and not p.name.startswith(".")))
    return IncidentFolder(id=folder.name, folder=folder, gold_path=folder / GOLD_FILE, source_paths=sources)


def find_incidents(corpus_dir: Path) -> list[IncidentFolder]:
    """Incident folders under `corpus_dir`, sorted by name; an incident folder is a corpus of one."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise UsageError(
            "not a folder; give a corpus folder (incident folders with gold.yaml and sources/)", place=str(corpus_dir)
        )
    if _is_incident(corpus_dir):
        return [_incident(corpus_dir)]
    incidents = [_incident(child) for child in sorted(corpus_dir.iterdir()) if child.is_dir() and _is_incident(child)]
    if not incidents:
        raise UsageError(
            "not a corpus: no incident folder with gold.yaml and sources/ in it "
            "(layout: CORPUS/<incident-id>/gold.yaml and CORPUS/<incident-id>/sources/NN.txt)",
            place=str(corpus_dir),
        )
    return incidents


def load_gold(path: Path) -> Mapping[str, Any]:
    """Read gold.yaml strictly (line numbers on errors) and check it is a mapping."""
    data = read_record_file(path)
    if not isinstance(data, Mapping):
        raise InputError("gold.yaml must be a mapping of field: value (see the corpus README)", place=f"{path}:1:1")
    return data


# Keys a gold file may hold besides the scored fields.
GOLD_EXTRA_KEYS: frozenset[str] = frozenset({"incident", "evidence"})


def gold_warnings(gold: Mapping[str, Any], path: Path) -> list[str]:
    """What in a gold file would silently not be scored: unknown keys (typos) and unreadable dates."""
    warnings: list[str] = []
    key_marks = getattr(gold, "key_marks", {})

    def place(key: str) -> str:
        line, col = key_marks.get(key, (1, 1))
        return f"{path}:{line}:{col}"

    for key in gold:
        if key not in FIELD_RULES and key not in GOLD_EXTRA_KEYS:
            warnings.append(f"{place(key)}: gold field `{key}` is not scored (scored: {', '.join(SCORED_FIELDS)})")
    for key in ("start_date", "end_date"):
        value = gold.get(key)
        readings = value.get("any_of") if isinstance(value, Mapping) else [value]
        for reading in readings if isinstance(readings, list) else [readings]:
            if reading is not None and parse_partial_date(reading) is None:
                warnings.append(f"{place(key)}: gold {key} {reading!r} is not YYYY-MM-DD or YYYY-MM")
    return warnings


def default_build() -> BuildFn:
    """The project's builder, imported only when an evaluation runs."""
    try:
        from ..extraction import build_record
    except ImportError as err:
        raise ShutdownRecordsError(
            f"the builder is not available in this installation ({err}); "
            "evaluating needs `shutdown_records.extraction.build_record`"
        ) from None
    return build_record


def evaluate_incident(
    incident: IncidentFolder, build: BuildFn, work_dir: Path, records_dir: Path | None = None
) -> IncidentResult:
    """Build one incident's record from its sources and score it against its gold."""
    gold = load_gold(incident.gold_path)
    warnings = gold_warnings(gold, incident.gold_path)
    record_path = work_dir / incident.id / "record.yaml"
    record_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    try:
        result = build(list(incident.source_paths), record_path=record_path)
    except LanguageDataError:
        raise  # the builder's own data is broken: every incident would fail the same way
    except ShutdownRecordsError as err:
        # A known failure (e.g. an unreadable source) scores as an empty record, so one bad
        # incident lowers its own score instead of hiding every other incident's.
        result, failure = None, [f"build failed: {err}"]
    except Exception as err:  # noqa: BLE001 - a builder bug: name the incident it hit
        raise BuilderCrash(
            f"the builder crashed: {type(err).__name__}: {err} (rerun with --incident {incident.id})",
            place=str(incident.folder),
        ) from err
    else:
        failure = []
    seconds = time.perf_counter() - started
    languages = _languages(result, incident)
    record = dict(getattr(result, "record", None) or {})
    problems = failure + [str(p) for p in (getattr(result, "problems", None) or [])]
    if records_dir is not None:
        target = Path(records_dir) / f"{incident.id}.yaml"
        _check_kept_record(target)
        write_atomic(target, dump_yaml(record))
    return IncidentResult(
        incident=incident,
        gold=gold,
        record=record,
        scores=score_record(gold, record),
        problems=problems,
        seconds=seconds,
        gold_warnings=warnings,
        languages=languages,
    )


def _languages(result: Any, incident: IncidentFolder) -> tuple[str, ...]:
    """The languages of an incident's sources: as the builder read them (front matter or
    detection), else each source's front-matter `language:`."""
    docs = getattr(result, "docs", None)
    found = {str(doc.language) for doc in docs or () if getattr(doc, "language", None)}
    if not found:
        for path in incident.source_paths:
            try:
                head = path.read_text(encoding="utf-8", errors="replace")[:2000]
            except OSError:
                continue
            if head.startswith("---"):
                for line in head.split("\n---", 1)[0].splitlines():
                    key, _, value = line.partition(":")
                    if key.strip() == "language" and value.strip():
                        found.add(value.strip().strip("'\""))
    return tuple(sorted(found))


def evaluate_corpus(
    corpus_dir: Path,
    *,
    only: list[str] | None = None,
    build: BuildFn | None = None,
    progress: ProgressFn | None = None,
    records_dir: Path | None = None,
    warn: WarnFn | None = None,
    split: str | None = None,
    split_file: Path | None = None,
) -> CorpusResult:
    """Build and score every incident (or only the named ones, or one part of the fixed split
    `split_file`: "dev" or "holdout") of a corpus."""
    from . import corpus_id  # noqa: PLC0415 - it imports this module's IncidentFolder

    incidents = find_incidents(corpus_dir)
    if split is not None:
        if split not in corpus_id.SPLITS:
            raise UsageError(f"unknown split {split!r}; use one of {', '.join(corpus_id.SPLITS)}")
        path = Path(split_file) if split_file is not None else corpus_id.DEFAULT_SPLIT_FILE
        incidents = corpus_id.select_split(incidents, split, corpus_id.load_split(path), path)
    if only:
        known = {incident.id for incident in incidents}
        unknown = [name for name in only if name not in known]
        if unknown:
            raise UsageError(
                f"no incident {', '.join(unknown)} in this corpus; known: {', '.join(sorted(known))}",
                place=str(corpus_dir),
            )
        incidents = [incident for incident in incidents if incident.id in only]
    build = build or default_build()
    results: list[IncidentResult] = []
    with tempfile.TemporaryDirectory(prefix="shutdown-records-eval-") as tmp:
        for number, incident in enumerate(incidents, 1):
            result = evaluate_incident(incident, build, Path(tmp), records_dir)
            results.append(result)
            if warn is not None:
                for warning in result.gold_warnings:
                    warn(f"warning: {warning}")
            if progress is not None:
                score = "-" if result.score is None else f"{result.score:.2f}"
                notes = [p for p in result.problems if p.startswith("note: ")]
                warnings = [p for p in result.problems if not p.startswith("note: ")]
                said = f", {_count(len(warnings), 'warning')}" if warnings else ""
                said += f", {_count(len(notes), 'build note')} (--json lists them)" if notes else ""
                progress(
                    f"[{number}/{len(incidents)}] {incident.id}: {len(incident.source_paths)} sources, "
                    f"score {score}, {result.seconds:.1f}s{said}"
                )
                for warning in warnings:  # say which, not only how many
                    progress(f"    {warning}")
    digest = None if only else corpus_id.corpus_digest(incidents)
    return CorpusResult(corpus=Path(corpus_dir), incidents=results, digest=digest, split=split or "all")


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _check_kept_record(target: Path) -> None:
    """--keep-records DIR may name a dataset's records/: a record a person reviewed or curated
    there, a symlink or a special file is never replaced (eval's own kept drafts are)."""
    check_output(target, expected="the built record")
    if not target.exists():
        return
    try:
        data = read_record_file(target)
    except ShutdownRecordsError:
        data = None
    if not isinstance(data, dict) or data.get("review_status") == "reviewed" or data.get("curation"):
        raise OutputError(
            "exists and is not a draft eval kept (a reviewed or curated record, or not a record); "
            "--keep-records would replace it. Choose an empty folder",
            place=str(target),
        )
