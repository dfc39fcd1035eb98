"""How long `report` takes on many records: 10,000 by default, sharing a few small sources.

    python bench/bench_report.py [--records 10000] [--keep DIR]

Generates the records (not timed), then times `write_site` as the CLI runs it: loading and
validating every YAML file, checking every quote against its source, rendering each page and
the index, writing into a temporary folder and swapping it into place. Target: under 60 s.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pycountry

from shutdown_records.report import write_site
from shutdown_records.report.site import load_records
from shutdown_records.yamlio import dump_yaml

PLATFORMS = ["X", "Facebook", "WhatsApp", "Telegram", "Instagram", "YouTube", "TikTok", "Signal"]
KINDS = ["full_network", "service_block", "throttling"]
SENTENCES = [
    "Authorities in the country cut mobile internet access on the morning of the vote.",
    "Users reported that the messaging service had been unreachable since the protests began.",
    "The telecommunications regulator said the restriction was ordered for national security.",
    "Monitoring groups observed a sharp drop in traffic across the main operators.",
    "Many people turned to virtual private networks to reach the blocked platforms.",
    "Access was restored three days later, according to the internet observatory.",
    "The interior ministry did not respond to requests for comment on the outage.",
    "A court was asked to order the government to lift the block within a week.",
    "Journalists said the shutdown made it impossible to report from the affected region.",
    "Le gouvernement a confirmé la coupure « pour des raisons de sécurité » — selon l’agence.",
]


def make_sources(folder: Path, count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(file name, text, sha256) for `count` articles of ~3-4 KB."""
    folder.mkdir(parents=True)
    made = []
    for n in range(count):
        lines = [rng.choice(SENTENCES) for _ in range(40)]
        text = f"Benchmark article {n} 📡\n" + "\n".join(lines) + "\n"
        name = f"article-{n}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        made.append((name, text, hashlib.sha256(text.encode("utf-8")).hexdigest()))
    return made


def cite(rng: random.Random, source_id: str, text: str, value: str | None = None) -> dict:
    start = rng.randrange(0, len(text) - 80)
    end = start + rng.randrange(20, 80)
    citation = {"source": source_id, "quote": text[start:end], "start": start, "end": end}
    if not citation["quote"].strip():
        citation["quote"] = text[start : end + 1]
        citation["end"] = end + 1
    if value is not None:
        citation["value"] = value
    return citation


def make_records(folder: Path, sources: list[tuple[str, str, str]], count: int, rng: random.Random) -> None:
    folder.mkdir(parents=True)
    countries = sorted(c.alpha_2 for c in pycountry.countries)
    for n in range(count):
        country = rng.choice(countries)
        year = rng.randrange(2016, 2026)
        month = rng.randrange(1, 13)
        start = f"{year}-{month:02d}-{rng.randrange(1, 28):02d}" if rng.random() < 0.8 else f"{year}-{month:02d}"
        ended = rng.random() < 0.7
        end = f"{year}-{month:02d}-28" if ended and len(start) == 10 else None
        platforms = rng.sample(PLATFORMS, rng.randrange(0, 3))
        kind = "full_network" if not platforms else rng.choice(KINDS[1:])
        chosen = rng.sample(sources, 2)
        srcs = [
            {"id": f"s{i}", "path": f"../sources/{name}", "language": "en", "sha256": sha, "title": f"Article {name}"}
            for i, (name, _text, sha) in enumerate(chosen)
        ]
        texts = {f"s{i}": text for i, (_n, text, _s) in enumerate(chosen)}
        sid = lambda texts=texts: rng.choice(list(texts))  # noqa: E731
        evidence: dict[str, list[dict]] = {}
        for field in ("country", "kind", "start_date", "scope"):
            s = sid()
            evidence[field] = [cite(rng, s, texts[s])]
        evidence["platforms"] = [cite(rng, s, texts[s], p) for p in platforms for s in [sid()]]
        evidence["workarounds"] = [cite(rng, "s0", texts["s0"], "vpn")]
        if end:
            evidence["end_date"] = [cite(rng, "s1", texts["s1"])]
        record = {
            "id": f"{country.lower()}-{year}-bench-{n}",
            "title": f"Benchmark incident {n} in {country}",
            "country": country,
            "platforms": platforms,
            "kind": kind,
            "scope": "national",
            "start_date": start,
            "end_date": end,
            "status": "ended" if end else "ongoing",
            "workarounds": ["vpn"],
            "sources": srcs,
            "evidence": evidence,
        }
        if not end:
            evidence["status"] = [cite(rng, "s0", texts["s0"], "ongoing")]
        (folder / f"{record['id']}.yaml").write_text(dump_yaml(record), encoding="utf-8")


def time_index_in_chromium(index: Path, profile: Path) -> None:
    """Open the index from disk, sort by start date and filter by a country; print the seconds."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from browser import start_chromium  # the tests' one place for the offline, quiet flags

    driver = start_chromium(profile, "--window-size=1280,900")
    try:
        began = time.perf_counter()
        driver.get(index.as_uri())
        loaded = time.perf_counter() - began
        began = time.perf_counter()
        driver.find_element(By.CSS_SELECTOR, "th[data-col=start] button").click()
        driver.execute_script("return document.body.offsetHeight")  # wait for layout
        sort = time.perf_counter() - began
        country = driver.execute_script("return document.querySelector('#filter-country option:nth-child(2)').value")
        began = time.perf_counter()
        Select(driver.find_element(By.ID, "filter-country")).select_by_value(country)
        driver.execute_script("return document.body.offsetHeight")
        filtered = time.perf_counter() - began
        shown = driver.find_element(By.ID, "shown-count").text
    finally:
        driver.quit()
    print(
        f"chromium index:     load {loaded:.1f} s, sort by start {sort:.1f} s, filter by country {filtered:.1f} s ({shown})"
    )


def _cpu_seconds() -> float:
    """User + system CPU of this process and its finished workers."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write the site here instead of a temporary folder")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--browser", action="store_true", help="also time the index in headless Chromium")
    args = parser.parse_args()
    rng = random.Random(20240217)
    tmp = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        sources = make_sources(tmp / "sources", args.sources, rng)
        make_records(tmp / "records", sources, args.records, rng)
        out = args.keep or tmp / "site"
        if args.keep and args.keep.exists():
            shutil.rmtree(args.keep)

        began = time.perf_counter()
        load_records([tmp / "records"])
        loaded = time.perf_counter() - began

        cpu_before = _cpu_seconds()
        began = time.perf_counter()
        summary = write_site([tmp / "records"], out, jobs=args.jobs)
        total = time.perf_counter() - began
        cpu = _cpu_seconds() - cpu_before

        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        index = (out / "index.html").stat().st_size
        print(f"records:            {summary.records}")
        print(f"load + validate:    {loaded:.1f} s (measured separately)")
        print(f"report total:       {total:.1f} s  ({total / summary.records * 1000:.2f} ms per record; target < 60 s)")
        print(
            f"cpu time:           {cpu:.1f} s in all processes (wall time depends on other load; "
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        print(f"site size:          {size / 1e6:.1f} MB, index.html {index / 1e6:.2f} MB")
        print(f"python:             {sys.version.split()[0]}")
        if args.browser:
            time_index_in_chromium(out / "index.html", tmp / "profile")
        if total >= 60:
            sys.exit(1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
