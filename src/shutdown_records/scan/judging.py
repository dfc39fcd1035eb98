"""The per-article work every engine runs: language, relevance, and for the few relevant
articles, the builder's reading of country, kind, platforms and dates (for grouping).

`process_unit` is a plain function of its arguments, so a local process pool, a Dask
`LocalCluster` and a remote Dask cluster all produce the same rows for the same unit. It
returns the unit's articles.jsonl lines already serialised: the scanning process (one, however
many workers there are) only copies text, so it never becomes the bottleneck of a cluster.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .country import candidate_shares, country_votes
from .inputs import Article, Skipped, Unit, read_unit, source_name
from .language import quick_language
from .relevance import judge

LANGUAGE_SAMPLE = 4000  # characters given to the builder's language detection


@dataclass(frozen=True)
class JudgeConfig:
    """What a worker needs to know (picklable, small)."""

    since: str | None = None  # YYYY-MM-DD: older articles are not relevant


def article_language(article: Article, relevant: bool) -> str | None:
    """The language the input gave; else the builder's detection for a relevant article (its
    record depends on it) and a quick guess for the rest (it only fills articles.jsonl)."""
    if article.language:
        return article.language
    if not relevant:
        return quick_language(article.text)
    from ..extraction.language import detect_language  # noqa: PLC0415

    code, _how = detect_language(article.text[:LANGUAGE_SAMPLE])
    return code or quick_language(article.text)


def start_readings(mentions: list[Any]) -> list[list[Any]]:
    """Every start the builder weighed, [day, weight] by day (the best weight of each): a
    follow-up's start reading can go to its own news (the day of a ruling), the incident's
    start a close second."""
    best: dict[str, float] = {}
    for m in mentions:
        if m.field == "start_date" and isinstance(m.value, str):
            best[m.value] = max(best.get(m.value, 0.0), round(float(m.weight), 4))
    return [[day, best[day]] for day in sorted(best)]


def features(stored: str, name: str, language: str | None) -> dict[str, Any]:
    """What the builder reads in one article: the fields that say which incident it reports,
    and the countries it may be about, ranked (`country.country_votes`)."""
    from ..extraction import build_record  # noqa: PLC0415 - heavy, only for relevant articles

    with tempfile.TemporaryDirectory(prefix="scan-") as tmp:
        path = Path(tmp) / name
        path.write_text(stored, encoding="utf-8")
        result = build_record([path], record_path=Path(tmp) / "record.yaml", language=language)
    record = result.record if result.docs else {}
    votes = country_votes(result.mentions, result.docs) if result.docs else []
    shares = candidate_shares(votes)
    return {
        "id": record.get("id"),
        "country": shares[0][0] if shares else record.get("country"),
        "countries": [[code, share] for code, share in shares],
        "named": [code for code, _share in votes],  # every country it names, the minor ones too
        "context": list(record.get("context") or []),  # what the restriction came with (exams, election...)
        "kind": record.get("kind"),
        "platforms": list(record.get("platforms") or []),
        "start_date": record.get("start_date"),
        "start_readings": start_readings(result.mentions),
        "end_date": record.get("end_date"),
        "status": record.get("status"),
        "scope": record.get("scope"),
        "regions": [str(r.get("name") if isinstance(r, dict) else r) for r in record.get("regions") or []],
    }


def judge_article(article: Article, config: JudgeConfig) -> dict[str, Any]:
    """One articles.jsonl row (plus, when relevant, the source text and its features)."""
    row: dict[str, Any] = {"input": article.input, "url": article.url, "language": None}
    if config.since and article.published and article.published < config.since[: len(article.published)]:
        row.update(
            language=article_language(article, False),
            relevant=False,
            why=f"published {article.published}, before --since {config.since}",
        )
        return row
    verdict = judge(article.text, article.title)
    language = article_language(article, verdict.relevant)
    row.update(language=language, relevant=verdict.relevant, why=verdict.why)
    if verdict.relevant:
        stored = article.stored()
        name = source_name(article, stored)
        sha = hashlib.sha256(stored.encode("utf-8")).hexdigest()
        row["_source"] = {"name": name, "text": stored, "published": article.published, "sha256": sha}
        row["_features"] = features(stored, name, language)
    return row


PUBLIC = ("input", "url", "language", "relevant", "why")  # an articles.jsonl row, before "incident"


def public_line(row: dict[str, Any]) -> str:
    """The row's articles.jsonl line with `"incident": null` (the scanning process fills in the
    incident of relevant rows once incidents are known)."""
    return json.dumps({**{k: row[k] for k in PUBLIC}, "incident": None}, ensure_ascii=False) + "\n"


@dataclass
class UnitResult:
    """What a worker sends back for one unit: small, whatever the unit's size."""

    lines: str = ""  # the unit's articles.jsonl lines, in input order
    articles: int = 0
    relevant: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (position, row with _source)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (place, reason), in input order


def process_unit(unit: Unit, config: JudgeConfig) -> UnitResult:
    """Every article of the unit judged; unreadable ones listed as skipped."""
    result = UnitResult()
    lines: list[str] = []
    for position, item in enumerate(read_unit(unit)):
        if isinstance(item, Skipped):
            result.skipped.append((item.input, item.reason))
            continue
        try:
            row = judge_article(item, config)
        except Exception as err:  # noqa: BLE001 - one article must not stop a stream
            result.skipped.append((item.input, f"article could not be judged: {type(err).__name__}: {err}"))
            continue
        lines.append(public_line(row))
        result.articles += 1
        if row["relevant"]:
            result.relevant.append((position, row))
    result.lines = "".join(lines)
    return result
