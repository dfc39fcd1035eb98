"""Time `shutdown-records validate` against `check-jsonschema` on the same N generated records.

    python bench/bench_validate.py            # 10,000 records
    python bench/bench_validate.py -n 2000 --keep

Records are realistic and valid: every value cited, quotes at their offsets in a handful of
shared source files (so the source cache matters). check-jsonschema only checks the schema;
ours also parses with line marks, checks meaning, hashes sources and compares every quote.
Both run as the installed commands, so start-up and import costs are counted.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shutdown_records.schema_gen import incident_schema_text

COUNTRIES = ["PK", "IN", "ET", "IR", "NO", "SN", "GA", "BD", "MM", "TZ"]
PLATFORMS = ["X", "TikTok", "WhatsApp", "Facebook", "Telegram", "YouTube"]


def source_text(n: int) -> str:
    """A source article: sentences naming each platform and country, with typographic characters."""
    lines = [f"Report {n}: connectivity in the region \u2014 \u201cwe saw it go dark\u201d."]
    for platform in PLATFORMS:
        lines.append(f"Users said {platform} stopped loading on mobile data on 3\u00a0March 2025.")
    lines.append("The interior ministry ordered operators to block the services.")
    lines.append("Access was restored on 10 March 2025, according to NetBlocks.")
    lines.append("Many users switched to VPN services.")
    lines.append("Officials cited national security.")
    return "\n".join(lines) + "\n"


def citation(text: str, source: str, quote: str, value: str | None = None) -> str:
    start = text.index(quote)
    out = f'    - source: {source}\n      quote: "{quote}"\n      start: {start}\n      end: {start + len(quote)}\n'
    return out + (f"      value: {value}\n" if value is not None else "")


def record(i: int, texts: dict[str, str]) -> tuple[str, str]:
    country = COUNTRIES[i % len(COUNTRIES)]
    platforms = [PLATFORMS[i % len(PLATFORMS)], PLATFORMS[(i + 1) % len(PLATFORMS)]]
    record_id = f"{country.lower()}-2025-r{i}"
    cited = [f"src{(i + k) % len(texts)}" for k in range(2)]
    sources = "".join(
        f"  - id: {sid}\n    path: sources/{sid}.txt\n    title: Report\n    publisher: Example News\n"
        f"    published: 2025-03-04\n    language: en\n"
        f"    sha256: {hashlib.sha256(texts[sid].encode()).hexdigest()}\n"
        for sid in cited
    )
    a, b = cited
    evidence = "".join(
        [
            "  country:\n" + citation(texts[a], a, "connectivity in the region"),
            "  platforms:\n" + "".join(citation(texts[a], a, f"{p} stopped loading", p) for p in platforms),
            "  kind:\n" + citation(texts[b], b, "ordered operators to block the services"),
            "  networks:\n" + citation(texts[a], a, "on mobile data", "mobile"),
            "  start_date:\n"
            + citation(texts[b], b, f"{platforms[0]} stopped loading on mobile data on 3\u00a0March 2025"),
            "  end_date:\n" + citation(texts[a], a, "Access was restored on 10 March 2025"),
            "  ordered_by:\n" + citation(texts[b], b, "The interior ministry ordered", "Ministry of Interior"),
            "  justification:\n" + citation(texts[a], a, "cited national security", "national_security"),
            "  workarounds:\n" + citation(texts[b], b, "switched to VPN services", "vpn"),
            "  technical_reports:\n" + citation(texts[a], a, "according to NetBlocks", "NetBlocks"),
        ]
    )
    body = (
        f"id: {record_id}\ntitle: Platforms blocked in {country}, record {i}\nreview_status: reviewed\n"
        f"country: {country}\nplatforms: [{', '.join(platforms)}]\nkind: service_block\nnetworks: [mobile]\n"
        "scope: null\nstart_date: 2025-03-03\nend_date: 2025-03-10\nstatus: ended\n"
        "ordered_by:\n  - name: Ministry of Interior\n    type: executive\n"
        "justification: [national_security]\nworkarounds: [vpn]\n"
        "technical_reports:\n  - publisher: NetBlocks\n"
        f"sources:\n{sources}evidence:\n{evidence}"
    )
    return record_id, body


def generate(folder: Path, n: int, n_sources: int = 5) -> list[Path]:
    (folder / "sources").mkdir(parents=True)
    texts = {f"src{k}": source_text(k) for k in range(n_sources)}
    for sid, text in texts.items():
        (folder / "sources" / f"{sid}.txt").write_text(text, encoding="utf-8", newline="\n")
    files = []
    for i in range(n):
        record_id, body = record(i, texts)
        path = folder / f"{record_id}.yaml"
        path.write_text(body, encoding="utf-8", newline="\n")
        files.append(path)
    return files


def timed(argv: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, exit code and last output line of one command."""
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    lines = (done.stdout + done.stderr).strip().splitlines()
    return elapsed, done.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="records to generate (default 10000)")
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args()

    bindir = Path(sys.executable).parent
    ours = shutil.which("shutdown-records", path=str(bindir)) or "shutdown-records"
    theirs = shutil.which("check-jsonschema", path=str(bindir)) or shutil.which("check-jsonschema")
    folder = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        started = time.perf_counter()
        files = generate(folder, args.n)
        print(f"generated {args.n} records in {time.perf_counter() - started:.1f}s under {folder}")
        schema = folder / "incident.schema.json"
        schema.write_text(incident_schema_text(), encoding="utf-8")
        names = [p.name for p in files]

        runs = [
            ("shutdown-records validate FILES", [ours, "validate", "--quiet", *names]),
            ("shutdown-records validate FOLDER", [ours, "validate", "."]),
            ("shutdown-records validate -j 1 FOLDER", [ours, "validate", "-j", "1", "."]),
        ]
        if theirs:
            runs.append(("check-jsonschema --schemafile", [theirs, "--schemafile", str(schema), *names]))
        else:
            print("check-jsonschema not found next to", sys.executable)
        print(
            f"cores available: {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}"
        )
        for label, argv in runs:
            elapsed, code, last = timed(argv, folder)
            print(f"{label:38s} {elapsed:7.2f}s  {args.n / elapsed:8.0f} records/s  exit {code}  {last[:70]}")
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
