"""Rendering the site: one page per record and an index with a filterable table and a timeline."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..datafiles import shared
from ..errors import InputError, ShutdownRecordsError, UsageError
from ..model import Incident
from ..records import iter_record_files, load_record
from .evidence import RecordView, build_record_view, country_name, field_label
from .links import has_own_quotation_marks, web_url
from .marks import marked_html
from .publish import check_replaceable, publish_dir
from .sources import SourceCache
from .timeline import Span, latest_date, layout, span_of, years_active

STATIC_FILES = ("report.css", "report.js")
KINDS = ("full_network", "service_block", "throttling")
INDEX_PAGE_ROWS = 200  # rows shown before "Show more": a browser lays out 10,000 rows slowly
PARALLEL_FROM = 400  # records; below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class IndexRow:
    """What the index needs of one record, kept instead of the whole page's view."""

    id: str
    title: str
    country: str | None
    country_name: str
    kind: str | None
    platforms: list[str]
    start: str | None
    end: str | None
    status: str
    sources: int
    covered: int
    needed: int
    unquoted: int
    bad_quotes: int
    changed_sources: int
    latest: date | None  # the latest date the record mentions, for the data horizon
    years: list[int] = field(default_factory=list)
    span: Span | None = None

    @property
    def coverage(self) -> float | None:
        return self.covered / self.needed if self.needed else None

    @property
    def timeline_label(self) -> str:
        end = self.end or ("ongoing" if self.span and self.span.open_end else "end unknown")
        return f"{self.id}: {self.title} ({self.kind or 'kind unknown'}, {self.start} to {end})"


@dataclass(frozen=True)
class SiteSummary:
    """What `report` prints: pages written and how much of the data is not grounded."""

    output: Path
    records: int
    values_without_evidence: int  # no quote cited at all
    values_unverified: int  # quotes cited, none found in its source
    bad_quotes: int
    changed_sources: int


@cache
def template_env() -> Environment:
    """One environment per process: Jinja compiles each template once and caches it."""
    env = Environment(
        loader=PackageLoader("shutdown_records", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["field_label"] = field_label
    env.filters["web_url"] = web_url
    env.tests["quoted_already"] = has_own_quotation_marks
    return env


def load_records(paths: Iterable[Path | str]) -> list[tuple[Path, Incident]]:
    """Every record under `paths`, refusing two records with one id (they would share a page)."""
    loaded: list[tuple[Path, Incident]] = []
    seen: dict[str, Path] = {}
    for path in iter_record_files(paths):
        incident = load_record(path)
        _check_unique(seen, incident.id, path)
        loaded.append((path, incident))
    return loaded


def _check_unique(seen: dict[str, Path], ident: str, path: Path) -> None:
    if ident in seen:
        raise InputError(f"id {ident!r} is also used by {seen[ident]}; each record needs its own id", place=str(path))
    seen[ident] = path


def default_jobs(records: int) -> int:
    """Worker processes: one per core (at most 8), none for small sites where start-up costs more."""
    if records < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def write_site(
    paths: Iterable[Path | str], output: Path | str, *, jobs: int | None = None, root: Path | str | None = None
) -> SiteSummary:
    """Write the static site for the records under `paths` into the folder `output`.

    Pages are rendered into a folder beside `output` (in `jobs` processes for big sites) and
    swapped in only when every record loaded and rendered, so a bad record leaves an earlier
    site as it was. The bytes depend only on the inputs, never on `jobs` or the clock.
    """
    output = Path(output)
    check_replaceable(output)
    path_list = list(paths)
    files = list(iter_record_files(path_list))
    if not files:
        raise UsageError(f"no records (*.yaml, *.yml) found in {', '.join(map(str, path_list))}")
    workers = jobs if jobs is not None else default_jobs(len(files))
    summary: list[SiteSummary] = []

    def build(site: Path) -> None:
        (site / "records").mkdir()
        _copy_static(site / "static")
        rows = _render_records(files, site / "records", workers, root)
        seen: dict[str, Path] = {}
        for path, row in zip(files, rows, strict=False):
            _check_unique(seen, row.id, path)
        horizon = max((r.latest for r in rows if r.latest is not None), default=None)
        rows = [_with_span(r, horizon) for r in rows]
        rows.sort(key=lambda r: (r.start or "9999", r.id))
        _write(site / "index.html", _index_html(rows, horizon))
        summary.append(
            SiteSummary(
                output,
                len(rows),
                sum(r.unquoted for r in rows),
                sum(r.needed - r.covered - r.unquoted for r in rows),
                sum(r.bad_quotes for r in rows),
                sum(r.changed_sources for r in rows),
            )
        )

    publish_dir(output, build)
    return summary[0]


def _render_records(files: list[Path], folder: Path, workers: int, root: Path | str | None = None) -> list[IndexRow]:
    """Render every record page into `folder`; the rows come back in the order of `files`."""
    if workers <= 1:
        return render_pages(files, folder, root)
    size = max(1, -(-len(files) // (workers * 4)))  # a few chunks per worker evens out the load
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(_render_chunk, chunks, [folder] * len(chunks), [root] * len(chunks)))
    for _, error in parts:  # the first bad record in file order, as with one process
        if error is not None:
            kind, message, place = error
            raise kind(message, place=place)
    return [row for rows, _ in parts for row in rows]


def _render_chunk(
    files: list[Path], folder: Path, root: Path | str | None = None
) -> tuple[list[IndexRow], tuple[type[ShutdownRecordsError], str, str | None] | None]:
    """A worker's batch; a known error comes back as data because pickling drops its `place`."""
    try:
        return render_pages(files, folder, root), None
    except ShutdownRecordsError as err:
        return [], (type(err), err.message, err.place)


def render_pages(files: list[Path], folder: Path, root: Path | str | None = None) -> list[IndexRow]:
    """Load, check and render a batch of records (one worker's share); sources are read once."""
    page = template_env().get_template("record.html")
    cache_ = SourceCache(root)
    rows = []
    for path in files:
        incident = load_record(path)
        view = build_record_view(incident, path, cache_)
        marked = {
            s.number: marked_html(s.text, view.spans_for(s)) if s.text is not None else Markup("") for s in view.sources
        }
        html = page.render(view=view, marked=marked, static="../static", home="../index.html")
        _write(folder / f"{incident.id}.html", html)
        rows.append(_row(view))
    return rows


def _index_html(rows: list[IndexRow], horizon: date | None) -> str:
    timeline = layout([(r.id, r.kind or "unknown", r.timeline_label, r.span) for r in rows])
    return (
        template_env()
        .get_template("index.html")
        .render(
            rows=rows,
            timeline=timeline,
            horizon=horizon.isoformat() if horizon else None,
            kinds=_kinds(rows),
            filters=_filter_options(rows),
            page_rows=INDEX_PAGE_ROWS,
            static="static",
            home="index.html",
        )
    )


def _row(view: RecordView) -> IndexRow:
    incident = view.incident
    return IndexRow(
        id=incident.id,
        title=incident.title,
        country=incident.country,
        country_name=country_name(incident.country) if incident.country else "",
        kind=incident.kind,
        platforms=list(incident.platforms),
        start=incident.start_date,
        end=incident.end_date,
        status=incident.status,
        sources=len(incident.sources),
        covered=view.covered,
        needed=view.needed,
        unquoted=view.unquoted,
        bad_quotes=view.bad_quotes,
        changed_sources=sum(1 for s in view.sources if s.hash_matches is False),
        latest=latest_date(incident),
    )


def _with_span(row: IndexRow, horizon: date | None) -> IndexRow:
    span = span_of(row.start, row.end, row.status, horizon)
    return replace(row, span=span, years=years_active(span))


def _kinds(rows: list[IndexRow]) -> list[tuple[str, str]]:
    """Legend entries (kind, codebook description) for the kinds present, in codebook order."""
    descriptions = shared("vocab/codebook").get("kind", {})
    present = {r.kind or "unknown" for r in rows if r.span}
    order = [*KINDS, *sorted(present - set(KINDS) - {"unknown"}), "unknown"]
    return [(k, descriptions.get(k, "kind not recorded")) for k in order if k in present]


def _filter_options(rows: list[IndexRow]) -> dict[str, list[tuple[str, str]]]:
    countries = {r.country: r.country_name for r in rows if r.country}
    platforms = {p.lower(): p for r in rows for p in r.platforms}
    return {
        "country": sorted(((code, f"{name} ({code})") for code, name in countries.items()), key=lambda c: c[1]),
        "kind": [(k, k) for k in sorted({r.kind for r in rows if r.kind})],
        "year": [(str(y), str(y)) for y in sorted({y for r in rows for y in r.years}, reverse=True)],
        "platform": sorted(platforms.items(), key=lambda p: (p[0], p[1])),
    }


def _copy_static(target: Path) -> None:
    target.mkdir()
    folder = resources.files("shutdown_records").joinpath("static")
    for name in STATIC_FILES:
        (target / name).write_bytes(folder.joinpath(name).read_bytes())


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
