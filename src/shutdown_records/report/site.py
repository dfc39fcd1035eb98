"""Rendering the site: one page per record and an index with a filterable table and a timeline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..build.langdata import shared
from ..errors import InputError, UsageError
from ..model import Incident
from ..records import iter_record_files, load_record
from .evidence import RecordView, build_record_view, country_name, field_label
from .marks import marked_html
from .publish import check_replaceable, publish_dir
from .sources import SourceCache
from .timeline import Span, data_horizon, incident_span, layout, years_active

STATIC_FILES = ("report.css", "report.js")
KINDS = ("full_network", "service_block", "throttling")


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
    bad_quotes: int
    years: list[int]
    span: Span | None

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
    values_without_evidence: int
    bad_quotes: int
    changed_sources: int


@cache
def template_env() -> Environment:
    """One environment for the run: Jinja compiles each template once and caches it."""
    env = Environment(
        loader=PackageLoader("shutdown_records", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.globals["field_label"] = field_label
    return env


def load_records(paths: Iterable[Path | str]) -> list[tuple[Path, Incident]]:
    """Every record under `paths`, refusing two records with one id (they would share a page)."""
    loaded: list[tuple[Path, Incident]] = []
    seen: dict[str, Path] = {}
    for path in iter_record_files(paths):
        incident = load_record(path)
        if incident.id in seen:
            raise InputError(
                f"id {incident.id!r} is also used by {seen[incident.id]}; each record needs its own id",
                place=str(path),
            )
        seen[incident.id] = path
        loaded.append((path, incident))
    return loaded


def write_site(paths: Iterable[Path | str], output: Path | str) -> SiteSummary:
    """Write the static site for the records under `paths` into the folder `output`.

    Records are all loaded first (a bad record stops the run before anything is written), the
    site is built beside `output` and swapped in, and the bytes depend only on the inputs.
    """
    output = Path(output)
    check_replaceable(output)
    path_list = list(paths)
    loaded = load_records(path_list)
    if not loaded:
        raise UsageError(f"no records (*.yaml, *.yml) found in {', '.join(map(str, path_list))}")
    loaded.sort(key=lambda item: item[1].id)
    horizon = data_horizon(incident for _, incident in loaded)
    env = template_env()
    record_page = env.get_template("record.html")
    index_page = env.get_template("index.html")
    cache_ = SourceCache()
    totals = {"missing": 0, "bad": 0, "changed": 0}

    def build(site: Path) -> None:
        (site / "records").mkdir()
        _copy_static(site / "static")
        rows: list[IndexRow] = []
        for path, incident in loaded:
            view = build_record_view(incident, path, cache_)
            marked = {
                s.number: marked_html(s.text, view.spans_for(s)) if s.text is not None else Markup("")
                for s in view.sources
            }
            html = record_page.render(view=view, marked=marked, static="../static", home="../index.html")
            _write(site / "records" / f"{incident.id}.html", html)
            rows.append(_row(view, horizon))
            totals["missing"] += view.needed - view.covered
            totals["bad"] += view.bad_quotes
            totals["changed"] += sum(1 for s in view.sources if s.hash_matches is False)
        rows.sort(key=lambda r: (r.start or "9999", r.id))
        timeline = layout([(r.id, r.kind or "unknown", r.timeline_label, r.span) for r in rows])
        html = index_page.render(
            rows=rows,
            timeline=timeline,
            horizon=horizon.isoformat() if horizon else None,
            kinds=_kinds(rows),
            filters=_filter_options(rows),
            static="static",
            home="index.html",
        )
        _write(site / "index.html", html)

    publish_dir(output, build)
    return SiteSummary(output, len(loaded), totals["missing"], totals["bad"], totals["changed"])


def _row(view: RecordView, horizon: date | None) -> IndexRow:
    incident = view.incident
    span = incident_span(incident, horizon)
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
        bad_quotes=view.bad_quotes,
        years=years_active(span),
        span=span,
    )


def _kinds(rows: list[IndexRow]) -> list[tuple[str, str]]:
    """Legend entries (kind, codebook description) for the kinds present, in codebook order."""
    descriptions = shared("codebook").get("kind", {})
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
