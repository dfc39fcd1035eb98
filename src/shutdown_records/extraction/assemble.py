"""From merged fields to the record: derived fields, names, sources, field order.

Derived here, not extracted: `status` (ended when an end date is cited, ongoing when a
source says so, else unknown), the platform name for Twitter/X (by the incident's date),
`platforms: []` for a whole-network shutdown, the id and the English title.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from ..fields import FIELDS
from ..model import EVIDENCED_FIELDS, Incident, slugify
from .extractors.dates import DURATION_FIELD
from .gazetteer import fill_country
from .langdata import shared
from .merge import Citer, Merged, merge_field
from .timeline import apply_rules
from .types import Doc, Mention

# The record's top-level keys in model order; empty secondary fields are left out of the YAML.
FIELD_ORDER = tuple(Incident.model_fields)
# Written even when empty: the record's name, its sources and evidence, and the fields whose
# registry entry (fields.py) says `always_written`.
ALWAYS_WRITTEN = {"id", "title", "review_status", "sources", "evidence"} | {f.name for f in FIELDS if f.always_written}
# Written as [] rather than null when empty.
_EMPTY_LIST = {"sources"} | {f.name for f in FIELDS if f.is_list}
# Fields build writes (as [] when a list field found nothing); the others only people or imports fill.
_BUILT_LISTS = {f.name for f in FIELDS if f.is_list and f.merge != "none"}


@cache
def _renames() -> dict[str, tuple[str, str, str]]:
    """old or new name -> (before, after, date of the rename)."""
    out = {}
    for entry in (shared("vocab/platforms").get("platforms") or {}).values():
        r = (entry or {}).get("renamed")
        if r:
            triple = (str(r["before"]), str(r["after"]), str(r["date"]))
            out[triple[0]] = out[triple[1]] = triple
    return out


def platform_name(name: str, when: str | None) -> str:
    """Twitter before the rename to X, X after; unchanged for every other platform."""
    r = _renames().get(name)
    if not r or not when:
        return name
    before, after, on = r
    return after if when >= on[: len(when)] else before


def incident_date(merged: dict[str, Merged], docs: list[Doc], published: dict[str, str]) -> str | None:
    start = merged.get("start_date")
    if start is not None and start.value:
        return str(start.value)
    dates = sorted(published.values())
    return dates[0] if dates else None


def rename_platforms(mentions: list[Mention], when: str | None) -> list[Mention]:
    from dataclasses import replace  # noqa: PLC0415

    return [m if m.field != "platforms" else replace(m, value=platform_name(str(m.value), when)) for m in mentions]


def merge_all(
    mentions: list[Mention], docs: list[Doc], published: dict[str, str], rename: dict[str, str]
) -> tuple[dict[str, Merged], list[str]]:
    citer = Citer(docs, rename)
    by_field: dict[str, list[Mention]] = {}
    for m in mentions:
        by_field.setdefault(m.field, []).append(m)
    merged: dict[str, Merged] = {}
    _boost_platform_sentences(by_field, citer, published)
    by_field["start_date"], by_field["end_date"], timeline_notes = apply_rules(
        by_field.get("start_date", []), by_field.get("end_date", []), published
    )
    for fname in ("start_date", "end_date"):
        merged[fname] = merge_field(fname, by_field.get(fname, []), citer) if by_field.get(fname) else Merged(None)
    merged["start_date"].notes.extend(timeline_notes)
    _end_after_days(merged, by_field.get(DURATION_FIELD, []), citer)
    _end_not_before_start(merged)
    when = incident_date(merged, docs, published)
    by_field["platforms"] = rename_platforms(by_field.get("platforms", []), when)
    for fname in EVIDENCED_FIELDS:
        if fname in merged or fname == "status":
            continue
        if fname in ("ordered_by", "court_challenges") and by_field.get(fname):
            by_field[fname] = _fill_country(by_field[fname], merged.get("country"))
        if fname == "ordered_by" and by_field.get(fname):
            by_field[fname] = earlier_orders(by_field[fname], merged.get("start_date"))
            by_field[fname] = one_name_per_acronym(by_field[fname])
        ms = by_field.get(fname)
        if ms and fname == "networks":
            ms = _networks_for_kind(ms, merged.get("kind"))
        merged[fname] = merge_field(fname, ms, citer) if ms else Merged(None)
    merged["status"] = _status(merged, by_field.get("status", []), citer)
    merged["scope"] = _scope_default(merged, by_field.get("scope", []), citer)
    merged["justification"] = _justification_default(merged)
    merged["context"] = _context_default(merged)
    for result in merged.values():  # conflicts name sources by their ids in the record
        for cand in (result.conflict or {}).get("candidates", []):
            cand["sources"] = [rename.get(sid, sid) for sid in cand["sources"]]
    notes = [n for f in EVIDENCED_FIELDS for n in (merged[f].notes if f in merged else [])]
    kind = merged.get("kind")
    plats = merged.get("platforms")
    whole = kind is not None and (
        kind.value == "full_network"
        or (
            kind.value == "throttling"
            and plats is not None
            and plats.value
            and not _platform_throttled(by_field, set(plats.value))
        )
    )
    if whole and plats and plats.value:
        # A whole-network shutdown or a slowdown of the whole connection has no platform
        # list; what was named stays reviewable.
        why = (
            "full_network"
            if kind is not None and kind.value == "full_network"
            else "throttling of the whole connection (no platform is named where the slowdown is)"
        )
        notes.append(
            "platforms: "
            + ", ".join(map(str, plats.value))
            + f" named, but kind is {why}, so platforms is [] (the quotes stay in conflicts)"
        )
        candidates = [
            {"value": p, "sources": sorted({c["source"] for c in plats.citations if c.get("value") == p})}
            for p in plats.value
        ]
        candidates = [c for c in candidates if c["sources"]]
        conflict = None
        if len(candidates) >= 2 or (plats.conflict and len(plats.conflict["candidates"]) >= 2):
            conflict = {
                "chosen": [],
                "reason": f"kind is {why}: a whole-network restriction lists no platforms",
                "candidates": (plats.conflict or {}).get("candidates") or candidates,
            }
        merged["platforms"] = Merged([], plats.citations if conflict else [], conflict)
    return merged, notes


_OF_UNNAMED = " of {country}"


def _fill_country(mentions: list[Mention], country: Merged | None) -> list[Mention]:
    """Names a source built without its country ("Government of {country}": the article never
    names it) take the record's country; without one they are left out."""
    code = str(country.value) if country is not None and country.value else None
    out = []
    for m in mentions:
        if isinstance(m.value, dict) and any("{" in str(v) for v in m.value.values()):
            if code is None and m.field == "court_challenges" and str(m.value.get("court", "")).endswith(_OF_UNNAMED):
                # "the High Court heard the petition" in sources that never name their country
                # (a local paper's own country): the court is still named, without its country.
                court = str(m.value["court"])[: -len(_OF_UNNAMED)]
                if "{" not in court:
                    out.append(replace(m, value=dict(m.value, court=court)))
                continue
            if code is None:
                continue
            m = replace(m, value={k: fill_country(v, code) if isinstance(v, str) else v for k, v in m.value.items()})
        out.append(m)
    return out


EARLIER_ORDER = 0.3
EARLIER_ORDER_NOTE = "dated {year}, before this incident began ({start}): an earlier episode told as background"


def earlier_orders(mentions: list[Mention], start: Merged | None) -> list[Mention]:
    """Orders whose sentence dates itself to a year before the incident's start ("En 2021,
    l'Autorité avait ordonné...", "2021 میں ہائی کورٹ کے حکم پر") name who ordered an
    earlier shutdown. Without a start date nothing is weighed so: a retrospective published
    years later dates the incident itself with its year."""
    if start is None or not start.value:
        return mentions
    first = str(start.value)
    limit = int(first[:4])
    out = []
    for m in mentions:
        year = m.extra.get("episode_year")
        if isinstance(year, int) and year < limit:
            note = EARLIER_ORDER_NOTE.format(year=year, start=first)
            m = replace(m, weight=m.weight * EARLIER_ORDER, note=f"{m.note}; {note}" if m.note else note)
        out.append(m)
    return out


def one_name_per_acronym(mentions: list[Mention]) -> list[Mention]:
    """One authority for the names sources give with the same acronym ("Congo Post and
    Telecommunications Regulatory Authority (ARPTC)", "Autorité de régulation de la poste et
    des télécommunications du Congo (ARPTC)"): the name with the most support names it."""
    support: dict[str, dict[str, float]] = {}
    for m in mentions:
        acronym = m.extra.get("acronym")
        if acronym and isinstance(m.value, dict) and m.value.get("name"):
            names = support.setdefault(str(acronym), {})
            names[m.value["name"]] = names.get(m.value["name"], 0.0) + m.weight
    rename: dict[str, str] = {}
    for names in support.values():
        if len(names) > 1:
            best = max(sorted(names), key=lambda n: names[n])
            rename.update({n: best for n in names if n != best})
    if not rename:
        return mentions
    return [
        replace(m, value={**m.value, "name": rename[m.value["name"]]})
        if isinstance(m.value, dict) and m.value.get("name") in rename
        else m
        for m in mentions
    ]


def _end_not_before_start(merged: dict[str, Merged]) -> None:
    """An end date before the start date is a misread (a weekday read a week early, another
    episode's date): the end is left unset, with the reason in the build notes."""
    end, start = merged.get("end_date"), merged.get("start_date")
    if end is None or start is None or not end.value or not start.value:
        return
    e, s = str(end.value), str(start.value)
    if e < s[: len(e)]:
        merged["end_date"] = Merged(None, notes=end.notes + [f"end_date: {e} is before the start date {s}; left unset"])


def _end_after_days(merged: dict[str, Merged], mentions: list[Mention], citer: Citer) -> None:
    """No end date stated, but access "restored after eight days": the start date plus N days.

    Only with a day-precision start date and one duration the sources agree on most.
    """
    end, start = merged.get("end_date"), merged.get("start_date")
    if (
        not mentions
        or (end is not None and end.value)
        or start is None
        or not start.value
        or len(str(start.value)) != 10
    ):
        return
    support: dict[int, float] = {}
    for m in mentions:
        support[int(m.value)] = support.get(int(m.value), 0.0) + m.weight
    days = max(support, key=lambda d: (support[d], -d))
    value = (date.fromisoformat(str(start.value)) + timedelta(days=days)).isoformat()
    note = f"start date {start.value} + {days} days (restored after {days} days)"
    chosen = [replace(m, note=note) for m in mentions if int(m.value) == days]
    merged["end_date"] = Merged(value, citer.cite(chosen, lambda m: None), None, [f"end_date: {note}"])


def _networks_for_kind(mentions: list[Mention], kind: Merged | None) -> list[Mention]:
    """Network mentions weighed for the record's kind, once it is merged from every source.

    Whether "mobile data" in a sentence describes the incident depends on what the incident
    is: in a shutdown it is the network that was cut; in a platform block it counts only
    where the block is said to apply, not where a separate network cut is reported. The
    extractor leaves the weight for each kind in `extra["by_kind"]`.
    """
    value = kind.value if kind is not None else None
    if not value:
        return mentions
    from dataclasses import replace  # noqa: PLC0415

    out = []
    for m in mentions:
        by_kind = m.extra.get("by_kind") or {}
        if value in by_kind:
            m = replace(m, weight=round(max(0.05, min(1.0, float(by_kind[value]))), 2))
        out.append(m)
    return out


def _platform_throttled(by_field: dict[str, list[Mention]], chosen: set[str]) -> bool:
    """Whether a chosen platform is named in a sentence that describes the slowdown.

    "Russia slows down Twitter" throttles a platform; "internet speeds dropped... live streams
    on X were cut off" slows the whole connection, and X is only where people noticed it.
    """
    if any(m.extra.get("slowed_services") for m in by_field.get("kind") or []):
        return True  # "la diminution du débit des réseaux sociaux": the services were slowed
    # (a platform named right at the slowdown word: `fields._platform_slowdowns`)
    slow = [m for m in by_field.get("kind") or [] if m.value == "throttling" and m.extra.get("slowed_platform", True)]
    for p in by_field.get("platforms") or []:
        if str(p.value) not in chosen and platform_name(str(p.value), None) not in chosen:
            continue
        if any(k.source == p.source and k.start < p.end and p.start < k.end for k in slow):
            return True
    return False


PLATFORM_SENTENCE_BOOST = 1.5  # a date said in the same sentence as the blocked service


def _boost_platform_sentences(by_field: dict[str, list[Mention]], citer: Citer, published: dict[str, str]) -> None:
    """Dates stated in a sentence that names the blocked platform count more.

    Articles often report several restrictions (mobile data cut on Monday, TikTok blocked on
    Wednesday); the one the record is about is the one named with the platform.
    """
    plats = by_field.get("platforms") or []
    if not plats:
        return
    when = sorted(published.values())[0] if published else None
    first = merge_field("platforms", rename_platforms(plats, when), Citer(citer.docs))
    chosen = {platform_name(str(v), when) for v in first.value or []}
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in plats:
        if platform_name(str(m.value), when) in chosen:
            spans.setdefault(m.source, []).append((m.start, m.end))
    from dataclasses import replace  # noqa: PLC0415

    for fname in ("start_date", "end_date"):
        out = []
        for m in by_field.get(fname) or []:
            if any(s < m.end and m.start < e for s, e in spans.get(m.source, [])):
                m = replace(m, weight=round(m.weight * PLATFORM_SENTENCE_BOOST, 4))
            out.append(m)
        if out:
            by_field[fname] = out


def _undefaulted(merged: dict[str, Merged], field: str) -> Merged | None:
    """The field as merged when a default does not apply: it has a value, or there is no cited
    restriction (`kind`) to default from. None when the default applies."""
    current = merged.get(field)
    if current is not None and current.value:
        return current
    kind = merged.get("kind")
    if kind is None or not kind.value or not kind.citations:
        return current if current is not None else Merged(None)
    return None


def _restriction_citations(merged: dict[str, Merged], note: str, value: str | None = None) -> list[dict]:
    """A default's citations: the sentences that describe the restriction (kind's first two
    quotes) with a note saying it is a default; `value` is what they cite, else none."""
    if value is None:
        cites = [dict(c, note=note) for c in merged["kind"].citations[:2]]
        for c in cites:
            c.pop("value", None)
        return cites
    return [dict(c, value=value, note=note) for c in merged["kind"].citations[:2]]


SCOPE_DEFAULT_NOTE = "no region, province or city is named as the extent: national by default"


def _scope_default(merged: dict[str, Merged], mentions: list[Mention], citer: Citer) -> Merged:
    """Scope when no candidate reached the floor: the best weak one, else national.

    Reports name the area when a restriction is regional or local ("in the Tigray region");
    when none is named the restriction is the country's. The national default cites the
    sentences that describe the restriction, with a note saying it is a default.
    """
    kept = _undefaulted(merged, "scope")
    if kept is not None:
        return kept
    if mentions:
        totals: dict[str, float] = {}
        for m in mentions:
            totals[str(m.value)] = max(totals.get(str(m.value), 0.0), m.weight)
        best = max(totals, key=lambda v: (totals[v], v == "national"))
        chosen = [m for m in mentions if str(m.value) == best]
        return Merged(
            best,
            citer.cite(chosen, lambda m: None),
            None,
            [f"scope: {best!r} kept though weakly supported (no stronger candidate)"],
        )
    cites = _restriction_citations(merged, SCOPE_DEFAULT_NOTE)
    return Merged("national", cites, None, [f"scope: {SCOPE_DEFAULT_NOTE}"])


JUSTIFICATION_DEFAULT_NOTE = "no source states an official reason: none_given by default"


def _justification_default(merged: dict[str, Merged]) -> Merged:
    """justification when no reason reached the floor: `none_given`.

    The codebook's `none_given` is what the sources show when no authority gives a reason
    (critics' guesses and denied reasons do not count, extractors/_attribution.py), so a
    record of a restriction with no stated reason says so instead of leaving the field
    empty. Like the national scope default it cites the sentences that describe the
    restriction, with a note saying it is a default, so a reviewer can overrule it."""
    kept = _undefaulted(merged, "justification")
    if kept is not None:
        return kept
    acknowledged = merged.get("acknowledged")
    if acknowledged is not None and acknowledged.value is False:
        # A denied restriction is recorded by `acknowledged: false`; the sources' own
        # "gave no reason" still gives none_given through its cues.
        current = merged.get("justification")
        return current if current is not None else Merged(None)
    cites = _restriction_citations(merged, JUSTIFICATION_DEFAULT_NOTE, "none_given")
    return Merged(["none_given"], cites, None, [f"justification: {JUSTIFICATION_DEFAULT_NOTE}"])


CONTEXT_DEFAULT_NOTE = (
    "no vote, protest, unrest, conflict, coup, exam or religious event is tied to the restriction: other by default"
)


def _context_default(merged: dict[str, Merged]) -> Merged:
    """context when no event reached the floor: `other`.

    A restriction always has surroundings; when the sources tie none of the listed events to
    it, what surrounded it is something else (a dispute with a platform, a removed post, an
    investigation), which the codebook calls `other`. An event named only in passing (below
    the floor) stays out. Cites the restriction's sentences with a note, like the defaults above."""
    kept = _undefaulted(merged, "context")
    if kept is not None:
        return kept
    cites = _restriction_citations(merged, CONTEXT_DEFAULT_NOTE, "other")
    return Merged(["other"], cites, None, [f"context: {CONTEXT_DEFAULT_NOTE}"])


def _status(merged: dict[str, Merged], mentions: list[Mention], citer: Citer) -> Merged:
    end = merged.get("end_date")
    if end is not None and end.value:
        return Merged("ended")
    ongoing = [m for m in mentions if m.value == "ongoing"]
    if ongoing:
        result = merge_field("status", ongoing, citer)
        if result.value == "ongoing":
            return Merged("ongoing", result.citations)
    return Merged("unknown")


def _country_name(code: str | None) -> str:
    if not code:
        return str(shared("extraction/titles").get("unknown_country") or "an unknown country")
    try:
        from babel import Locale  # noqa: PLC0415

        name = str(Locale("en").territories.get(code, code))
        return re.sub(r"\s*\([^)]*\)$", "", name)  # "Myanmar (Burma)" -> "Myanmar"
    except Exception:  # noqa: BLE001 - a title is cosmetic
        return code


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def make_title(record: dict[str, Any]) -> str:
    titles = shared("extraction/titles").get("titles") or {}
    kind = record.get("kind") or "unknown"
    platforms = record.get("platforms") or []
    key = kind
    if kind == "full_network" and record.get("scope") in ("regional", "local"):
        key = "full_network_regional"
    if kind == "throttling" and not platforms:
        key = "throttling_network"
    if kind == "service_block" and not platforms:
        key = "unknown"
    template = titles.get(key) or titles.get("unknown") or "Internet restrictions in {country}"
    return template.format(platforms=_join(platforms), country=_country_name(record.get("country")))


def make_id(record: dict[str, Any], published: dict[str, str]) -> str:
    conf = shared("extraction/titles").get("id") or {}
    cc = (record.get("country") or conf.get("unknown_country") or "xx").lower()
    when = record.get("start_date") or (sorted(published.values())[0] if published else None)
    year = when[:4] if when else str(conf.get("unknown_year") or "undated")
    platforms = record.get("platforms") or []
    context = [c for c in record.get("context") or [] if c in (conf.get("context_slugs") or {})]
    if platforms and len(platforms) <= int(conf.get("max_platforms") or 2):
        slug = "-".join(slugify(p) for p in platforms)
    elif platforms:
        slug = str(conf.get("many_platforms") or "social-media")
    elif context:
        slug = str(conf["context_slugs"][context[0]])
    else:
        slug = str((conf.get("kind_slugs") or {}).get(record.get("kind") or "unknown") or "restrictions")
    if platforms and record.get("kind") == "throttling" and conf.get("throttling_suffix"):
        slug += "-" + str(conf["throttling_suffix"])
    return slugify(f"{cc}-{year}-{slug}") or "incident"


def source_entries(
    docs: list[Doc], published: dict[str, str], origins: dict[str, Path], record_path: Path | None
) -> list[dict]:
    base = record_path.resolve().parent if record_path else None

    def where(p: Path) -> str:
        if base is None:
            return str(p.resolve())
        return Path(os.path.relpath(p.resolve(), base)).as_posix()

    out = []
    for d in docs:
        s: dict[str, Any] = {"id": d.id, "path": where(d.path)}
        if d.url:
            s["url"] = d.url
        if d.id in origins:
            s["origin"] = where(origins[d.id])
        if d.title:
            s["title"] = d.title
        if d.publisher:
            s["publisher"] = d.publisher
        if d.id in published:
            s["published"] = published[d.id]
        s["language"] = d.language if len(d.language) in (2, 3) and d.language.isalpha() else "und"
        s["sha256"] = d.sha256
        out.append(s)
    return out


def assemble(merged: dict[str, Merged], sources: list[dict], published: dict[str, str]) -> dict[str, Any]:
    """The record dict in model field order (not yet curated or validated)."""
    record: dict[str, Any] = {"review_status": "draft"}
    evidence: dict[str, list] = {}
    conflicts: dict[str, dict] = {}
    for fname in EVIDENCED_FIELDS:
        m = merged.get(fname)
        value = m.value if m else None
        if value is None and fname in _BUILT_LISTS:
            value = []
        if fname == "status" and value is None:
            value = "unknown"
        record[fname] = value
        if m and m.citations:
            evidence[fname] = m.citations
        if m and m.conflict:
            conflicts[fname] = m.conflict
    record["sources"] = sources
    record["evidence"] = evidence
    record["conflicts"] = conflicts
    record["id"] = make_id(record, published)
    record["title"] = make_title(record)
    return record


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """Model field order; optional fields left out when empty; evidence keys in field order."""
    out: dict[str, Any] = {}
    for key in FIELD_ORDER:
        if key not in record:
            if key in ALWAYS_WRITTEN:
                out[key] = [] if key in _EMPTY_LIST else None
            continue
        value = record[key]
        if key not in ALWAYS_WRITTEN and value in (None, [], {}, ""):
            continue
        if key in ("evidence", "conflicts", "curation") and isinstance(value, dict):
            rank = {f: i for i, f in enumerate(FIELD_ORDER)}
            # a sub-field's evidence (court_challenges.date) right after its field's
            value = {k: value[k] for k in sorted(value, key=lambda k: (rank.get(str(k).split(".")[0], 1 << 20), k))}
        out[key] = value
    return out
