"""Checks of what a record means, beyond its shape: real dates, consistent status, known
country, every value backed by a citation to a declared source.

These run on the raw YAML data even when the schema found problems, so one run reports as
much as it can; each check looks only at values of the type it expects and leaves wrong
types to the schema check.
"""

from __future__ import annotations

import calendar
import difflib
import functools
import re
from datetime import date
from typing import Any

import pycountry

from ..fields import FIELDS
from ..model import (
    CITED_SUBFIELDS,
    DATE_PATTERN,
    EVIDENCED_FIELDS,
    LIST_FIELDS,
    OPTIONAL_CITED_SUBFIELDS,
    Incident,
    item_label,
    values_needing_evidence,
)
from ..source_ids import current_form
from .places import Loc, field_path, key_mark, value_mark
from .result import Problem

_DATE = re.compile(DATE_PATTERN)


@functools.cache
def country_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries)


class SemanticChecker:
    """The semantic problems of one record; `problems` fills as each check runs."""

    def __init__(self, data: dict[str, Any], path: str, *, strict: bool = False) -> None:
        self.data = data
        self.path = path
        self.strict = strict
        self.problems: list[Problem] = []
        self.declared_sources = {s["id"] for s in _dicts(data.get("sources")) if isinstance(s.get("id"), str)}

    def run(self) -> list[Problem]:
        self.check_dates()
        self.check_status()
        self.check_country()
        self.check_kinds()
        self.check_duplicate_entries()
        self.check_sources()
        self.check_field_names()
        self.check_evidence()
        self.check_subfield_evidence()
        self.check_person_set_evidence()
        self.check_conflicts()
        self.check_imported_rows()
        return self.problems

    # -- helpers -----------------------------------------------------------------------------

    def add(self, loc: Loc, code: str, message: str, *, at_key: bool = False) -> None:
        line, column = key_mark(self.data, loc) if at_key else value_mark(self.data, loc)
        self.problems.append(Problem(self.path, line, column, field_path(loc), code, message))

    # -- dates and status --------------------------------------------------------------------

    def check_dates(self) -> None:
        places: list[list[str | int]] = [[f.name] for f in FIELDS if f.kind == "date"]
        places += [["court_challenges", i, "date"] for i, _ in _indexed_dicts(self.data.get("court_challenges"))]
        places += [["sources", i, "published"] for i, _ in _indexed_dicts(self.data.get("sources"))]
        for loc in places:
            value = _get(self.data, loc)
            if isinstance(value, str) and _DATE.match(value) and _date_range(value) is None:
                self.add(loc, "E201", f"{value} is not a real date: {_why_impossible(value)}")
        start, end = self.data.get("start_date"), self.data.get("end_date")
        start_range, end_range = _date_range(start), _date_range(end)
        if start_range and end_range and end_range[1] < start_range[0]:
            self.add(["end_date"], "E202", f"end_date {end} is before start_date {start}")
        problem = start_after_publication(self.data)
        if problem is not None:
            self.add(["start_date"], "W228", problem)

    def check_status(self) -> None:
        status = self.data.get("status", "unknown")
        end = self.data.get("end_date")
        if isinstance(end, str) and end and status != "ended":
            loc = ["status"] if "status" in self.data else ["end_date"]
            self.add(
                loc,
                "E203",
                f"end_date is {end}, so status must be ended (it is {status!r}); "
                "clear end_date if the incident is not over",
            )
        if status == "ended" and not end and not _dicts(_get(self.data, ["evidence", "status"])):
            self.add(
                ["status"],
                "W204",
                "status is ended but end_date is empty; add the end date, or cite the restoration in evidence.status",
            )

    def check_kinds(self) -> None:
        kind, kinds = self.data.get("kind"), self.data.get("kinds")
        if isinstance(kinds, list) and kinds and isinstance(kind, str) and kind not in kinds:
            self.add(["kind"], "E225", f"kind {kind!r} is not among kinds {kinds}; kind is the main one of them")

    def check_country(self) -> None:
        country = self.data.get("country")
        if isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country) and country not in country_codes():
            self.add(
                ["country"],
                "E205",
                f"{country!r} is not an ISO 3166-1 alpha-2 country code "
                "(e.g. GB for the United Kingdom, PK for Pakistan)",
            )

    def check_duplicate_entries(self) -> None:
        """The model refuses `platforms: [X, x]`; say which entry repeats which."""
        # names only: a repeated vocabulary value (`kinds`) is the schema check's to report
        for name in (f.name for f in FIELDS if f.unique and not f.vocabulary):
            items = self.data.get(name)
            if not isinstance(items, list):
                continue
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    continue
                key = item.casefold()
                if key in first:
                    self.add([name, i], "E216", f"{item!r} repeats {name}[{first[key]}]; keep one")
                else:
                    first[key] = i

    # -- sources, evidence, conflicts --------------------------------------------------------

    def check_sources(self) -> None:
        seen: dict[str, int] = {}
        for i, source in _indexed_dicts(self.data.get("sources")):
            sid = source.get("id")
            if not isinstance(sid, str):
                continue
            if sid in seen:
                self.add(["sources", i, "id"], "E212", f"source id {sid!r} is already used by sources[{seen[sid]}]")
            else:
                seen[sid] = i
            new = current_form(sid)
            if new:
                self.add(
                    ["sources", i, "id"],
                    "W218",
                    f"source id {sid!r} is written the old way, with the file's extension; write "
                    f"{new!r} here and wherever evidence and conflicts cite it, or rebuild the "
                    "record with `shutdown-records build SOURCES -o THIS_FILE`, which renames it",
                )
            path, url = source.get("path"), source.get("url")
            if path and not source.get("sha256"):
                self.add(
                    ["sources", i, "path"],
                    "E222",
                    f"source {sid!r} has a path but no sha256; add the "
                    "SHA-256 of the file's bytes so a changed source is caught",
                )
            if not path and not url:
                self.add(
                    ["sources", i, "id"],
                    "E223",
                    f"source {sid!r} has neither path nor url; a source "
                    "is a stored text (path, sha256) or at least a link (url)",
                )

    def check_field_names(self) -> None:
        subfields = tuple(
            sorted(
                {
                    f"{f}.{sub}"
                    for table in (CITED_SUBFIELDS, OPTIONAL_CITED_SUBFIELDS)
                    for f, subs in table.items()
                    for sub in subs
                }
            )
        )
        allowed = {
            "evidence": EVIDENCED_FIELDS + subfields,
            "conflicts": EVIDENCED_FIELDS,
            "curation": tuple(Incident.model_fields),
        }
        for section, names in allowed.items():
            mapping = self.data.get(section)
            if not isinstance(mapping, dict):
                continue
            for key in mapping:
                if key not in names:
                    self.add(
                        [section, key],
                        "E213",
                        f"{section} for {key!r}, which is not a field that takes one{_suggest(str(key), names)}",
                        at_key=True,
                    )

    def check_evidence(self) -> None:
        evidence = self.data.get("evidence")
        evidence = evidence if isinstance(evidence, dict) else {}
        needed = {f: _labels(f, self.data.get(f)) for f in EVIDENCED_FIELDS}
        uncited = [f for f, labels in needed.items() if labels]
        is_draft = self.data.get("review_status", "draft") == "draft"
        # URL-only sources (no stored text) cannot be quoted, so they do not end the draft's grace
        stored = [s for s in _dicts(self.data.get("sources")) if s.get("path")]
        if is_draft and not evidence and not stored and uncited and not self.strict:
            count = sum(len(needed[f]) for f in uncited)
            self.add(
                [],
                "W209",
                f"draft without evidence: no citation for {count} value{'s' if count != 1 else ''} "
                f"in {', '.join(uncited)}; fine for an imported row, but add sources and evidence "
                "before review (--strict reports each value)",
            )
            return
        for field in EVIDENCED_FIELDS:
            citations = list(_indexed_dicts(evidence.get(field)))
            self._check_citation_sources(field, citations)
            self._check_coverage(field, needed[field], citations)

    def _check_citation_sources(self, field: str, citations: list[tuple[int, dict[str, Any]]]) -> None:
        for i, citation in citations:
            source = citation.get("source")
            if isinstance(source, str) and source not in self.declared_sources:
                self.add(["evidence", field, i, "source"], "E210", _undeclared(source, self.declared_sources))

    def _check_coverage(self, field: str, labels: list[str], citations: list[tuple[int, dict[str, Any]]]) -> None:
        value = self.data.get(field)
        held = {_norm(label) for label in labels}
        if field == "status" and isinstance(value, str):
            held.add(_norm(value))
        candidates = {_norm(c.get("value")) for c in _conflict_candidates(self.data, field)}
        cited: set[str] = set()
        for i, citation in citations:
            supported = citation.get("value")
            if supported is None and field not in LIST_FIELDS and value is not None:
                supported = value
            if supported is None:
                continue
            cited.add(_norm(supported))
            if _norm(supported) not in held | candidates:
                self.add(
                    ["evidence", field, i, "value"],
                    "W214",
                    f"cites {_show(supported)} but {field} holds {_show(value)}; "
                    "update the citation or record the disagreement in conflicts",
                )
        unnamed = any(c.get("value") is None for _, c in citations) and field in LIST_FIELDS
        for index, label in enumerate(labels):
            if _norm(label) in cited:
                continue
            loc: list[str | int] = [field, index] if isinstance(value, list) else [field]
            hint = f"add a citation under evidence.{field}"
            if field in LIST_FIELDS:
                hint += f" with value: {label!r}"
                if unnamed:
                    hint += " (citations of list items must name the item in `value`)"
            self.add(loc, "E208", f"{_show(label)} has no evidence; {hint}")

    def check_subfield_evidence(self) -> None:
        """A court's date and petitioners are claims too: each needs a quote naming the court in `item`."""
        evidence = self.data.get("evidence")
        evidence = evidence if isinstance(evidence, dict) else {}
        for name, subs in CITED_SUBFIELDS.items():
            for i, item in _indexed_dicts(self.data.get(name)):
                label = _norm(item_label(name, item))
                for sub in subs:
                    value = item.get(sub)
                    wanted = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]
                    citations = _dicts(evidence.get(f"{name}.{sub}"))
                    cited = {_norm(c.get("value")) for c in citations if _norm(c.get("item")) == label}
                    for j, one in enumerate(wanted):
                        if _norm(one) in cited:
                            continue
                        loc: list[str | int] = [name, i, sub, j] if isinstance(value, list) else [name, i, sub]
                        self.add(
                            loc,
                            "E208",
                            f"{_show(one)} has no evidence; add a citation under "
                            f"evidence.{name}.{sub} with item: {item_label(name, item)!r} and value: "
                            f"{one!r} (shutdown-records cite RECORD '{name}[{item_label(name, item)}].{sub}' ...)",
                        )

    def check_person_set_evidence(self) -> None:
        """Evidence must support the value a person set, not the one the build had (E226).

        A citation without `value` supports "the field's value" - but it was written for the
        value held when it was written. Once a person has changed the field (curation:
        edited), such a citation may speak for the old value (quotes saying "ongoing" under
        `status: ended`), so it must name the value it supports; `cite` and the review app
        do that for every citation they keep.
        """
        curation = self.data.get("curation")
        evidence = self.data.get("evidence")
        if not isinstance(evidence, dict):
            return
        curation = curation if isinstance(curation, dict) else {}
        edited = [
            f for f, how in curation.items() if how == "edited" and f not in LIST_FIELDS and f in EVIDENCED_FIELDS
        ]
        for field in edited:
            value = self.data.get(field)
            for i, citation in _indexed_dicts(evidence.get(field)):
                if citation.get("value") is not None:
                    continue
                self.add(
                    ["evidence", field, i],
                    "E226",
                    f"this quote does not say which value it supports, and {field} was changed by a "
                    f"person (curation: edited) to {_show(value)}; write value: with what the quote says, "
                    "or remove the citation if it speaks for an earlier value",
                )
        status = self.data.get("status", "unknown")
        if "status" in edited or not isinstance(status, str) or status == "ongoing":
            return
        languages = {s.get("id"): s.get("language") for s in _dicts(self.data.get("sources"))}
        for i, citation in _indexed_dicts(evidence.get("status")):
            quote = citation.get("quote")
            if citation.get("value") is not None or not isinstance(quote, str):
                continue
            cue = says_ongoing(quote, str(languages.get(citation.get("source")) or "en"))
            if cue:
                self.add(
                    ["evidence", "status", i],
                    "E226",
                    f"status is {_show(status)} but this quote says it is ongoing ({cue!r}); remove it, "
                    "or write value: ongoing to keep it as the other side of a conflict",
                )

    def check_conflicts(self) -> None:
        conflicts = self.data.get("conflicts")
        if not isinstance(conflicts, dict):
            return
        evidence = self.data.get("evidence")
        evidence = evidence if isinstance(evidence, dict) else {}
        for field, conflict in conflicts.items():
            if not isinstance(conflict, dict):
                continue
            citations = _dicts(evidence.get(field))
            cited = {_norm(c.get("value")) for c in citations if c.get("value") is not None}
            if (
                field not in LIST_FIELDS
                and self.data.get(field) is not None
                and any(c.get("value") is None for c in citations)
            ):
                cited.add(_norm(self.data.get(field)))  # a citation without value supports the field's value
            for i, candidate in _indexed_dicts(conflict.get("candidates")):
                loc: list[str | int] = ["conflicts", field, "candidates", i]
                sources = candidate.get("sources")
                for j, source in enumerate(sources if isinstance(sources, list) else []):
                    if isinstance(source, str) and source not in self.declared_sources:
                        self.add([*loc, "sources", j], "E210", _undeclared(source, self.declared_sources))
                if "value" in candidate and _norm(candidate["value"]) not in cited:
                    self.add(
                        [*loc, "value"],
                        "E211",
                        f"candidate {_show(candidate['value'])} has no citation; add one under "
                        f"evidence.{field} with value: {_show(candidate['value'])}",
                    )

    def check_imported_rows(self) -> None:
        """What an import could not put into the record's fields: one warning per problem."""
        for i, row in _indexed_dicts(self.data.get("imported_rows")):
            problems = row.get("problems")
            for j, problem in enumerate(problems if isinstance(problems, list) else []):
                if isinstance(problem, str):
                    where = f"{row.get('sheet', '?')} row {row.get('row', '?')}"
                    self.add(
                        ["imported_rows", i, "problems", j],
                        "W224",
                        f"imported {where}: {problem}; fix the field by hand, then delete this line",
                    )


def says_ongoing(quote: str, language: str) -> str | None:
    """The builder's own "still ongoing" cue found in a quote, if any (its per-language cue data).

    A restoration quote cited under `status` passes; a quote the build read as "ongoing" does
    not, once the status says otherwise. Loaded only for such quotes (cue patterns are cached).
    """
    from pathlib import Path  # noqa: PLC0415

    from ..extraction import cues  # noqa: PLC0415 - only records with an ended/unknown status and status quotes
    from ..extraction.types import Doc  # noqa: PLC0415

    doc = Doc(id="quote", path=Path("quote"), text=quote, sha256="", language=language)
    try:
        for hit in cues.hits(doc, "status"):
            if hit.value == "ongoing":
                return quote[hit.start : hit.end]
    except (KeyError, LookupError, OSError):  # a language without status cues: nothing to compare
        return None
    return None


def check_semantics(data: dict[str, Any], path: str, *, strict: bool = False) -> list[Problem]:
    return SemanticChecker(data, path, strict=strict).run()


def _labels(field: str, value: Any) -> list[str]:
    """values_needing_evidence, for values of the expected type only (the schema reports the rest)."""
    if field in LIST_FIELDS and not isinstance(value, list):
        return []
    if field not in LIST_FIELDS and isinstance(value, (list, dict)):
        return []
    return [label for label in values_needing_evidence(field, value) if label != ""]


def _norm(value: Any) -> str:
    """Citation values compare as text, case-insensitively; booleans as true/false."""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value).strip().casefold()


def _conflict_candidates(data: dict[str, Any], field: str) -> list[dict[str, Any]]:
    conflicts = data.get("conflicts")
    conflict = conflicts.get(field) if isinstance(conflicts, dict) else None
    return _dicts(conflict.get("candidates")) if isinstance(conflict, dict) else []


def start_after_publication(data: dict[str, Any]) -> str | None:
    """Why `start_date` cannot be right, when it is later than the publication of every source.

    Sources cannot report what had not begun when they were published: usually a relative
    date ("blocked since February 17") resolved into the wrong year. `validate` warns, `build`
    refuses the date.
    """
    start = data.get("start_date")
    start_range = _date_range(start)
    latest = latest_publication(data.get("sources"))
    if start_range is None or latest is None or start_range[0] <= latest[1]:
        return None
    return (
        f"start_date {start} is after the publication of every source (latest {latest[0]}); "
        "check the year of the date the sources give"
    )


def drop_impossible_start(record: dict[str, Any]) -> str | None:
    """Leave out a start date later than every source's publication (not a person's value);
    the reason, or None when the date stays. `build` and `scan` both write records this way.

    No source can report a start it had not seen; such a date is a relative date read into
    the wrong year. A date a person set (`curation`) is theirs: `validate` warns about it.
    """
    problem = start_after_publication(record)
    if problem is None or "start_date" in (record.get("curation") or {}):
        return None
    record["start_date"] = None
    for section in ("evidence", "conflicts"):
        if isinstance(record.get(section), dict):
            record[section].pop("start_date", None)
    return problem + "; it is left out"


def latest_publication(sources: Any) -> tuple[str, date] | None:
    """The latest `published` date of the sources and its last day, when every source has one."""
    sources = _dicts(sources)
    dated = [(s.get("published"), _date_range(s.get("published"))) for s in sources]
    if not dated or any(r is None for _, r in dated):
        return None
    text, days = max(dated, key=lambda d: d[1][1])  # type: ignore[index]
    return text, days[1]  # type: ignore[index]


def _date_range(value: Any) -> tuple[date, date] | None:
    """First and last day a partial date can mean; None when it is not a real date."""
    if not isinstance(value, str) or not _DATE.match(value):
        return None
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], parts[1]
    if year < 1:
        return None
    last = calendar.monthrange(year, month)[1]
    if len(parts) == 3:
        if not 1 <= parts[2] <= last:
            return None
        day = date(year, month, parts[2])
        return day, day
    return date(year, month, 1), date(year, month, last)


def _why_impossible(value: str) -> str:
    year, month = (int(p) for p in value.split("-")[:2])
    if year < 1:
        return "there is no year 0000 (the calendar goes from 1 BC to AD 1)"
    last = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {last} days"


def _undeclared(source: str, declared: set[str]) -> str:
    known = ", ".join(sorted(declared)) or "none"
    return f"cites source {source!r}, which is not declared under sources (declared: {known})"


def _suggest(word: str, names: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(names), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _get(data: Any, loc: list[str | int]) -> Any:
    node = data
    for step in loc:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _indexed_dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []
