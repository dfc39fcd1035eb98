"""Export speed and memory: generate N records, export them in every format, print the figures.

    /work/venv/bin/python bench/bench_export.py            # 10,000 records
    /work/venv/bin/python bench/bench_export.py --count 1000 --count 10000

Each export runs in a fresh Python process, so its peak resident memory (ru_maxrss) is its
own; "baseline" is the same process after importing the package, before exporting. CPU time
(user + system) is printed beside wall time because the machine may be shared. A flat
peak from 1,000 to 10,000 records shows the export streams instead of holding the records.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from shutdown_records.export import WRITERS  # noqa: E402
from shutdown_records.records import load_record  # noqa: E402
from shutdown_records.yamlio import dump_yaml  # noqa: E402

TEMPLATE = ROOT / "tests" / "fixtures" / "records" / "pk-2024-x.yaml"
COUNTRIES = ["PK", "IN", "IR", "RU", "ET", "NG", "CI", "MM", "TR", "BR"]
PLATFORMS = [["X"], ["WhatsApp", "Telegram"], [], ["Facebook", "Instagram"], ["TikTok"]]
KINDS = ["service_block", "throttling", "full_network"]

CHILD = """
import json, resource, sys, time
from pathlib import Path
from shutdown_records.export import export_records
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start, start_cpu = time.perf_counter(), cpu()
result = export_records([Path(sys.argv[1])], sys.argv[2], Path(sys.argv[3]))
seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"written": result.written, "failed": len(result.failures), "seconds": seconds,
                  "cpu_seconds": cpu_seconds, "baseline_kb": baseline, "peak_kb": peak}))
"""


def generate(folder: Path, count: int) -> None:
    """`count` varied records made from the fixture: every field filled, lists of varying length."""
    base = load_record(TEMPLATE).model_dump(mode="json")
    rng = random.Random(7)
    for n in range(count):
        data = dict(base)
        data["id"] = f"{COUNTRIES[n % len(COUNTRIES)].lower()}-{2016 + n % 9}-bench-{n}"
        data["country"] = COUNTRIES[n % len(COUNTRIES)]
        data["platforms"] = PLATFORMS[n % len(PLATFORMS)]
        data["kind"] = KINDS[n % len(KINDS)]
        data["title"] = f'Benchmark incident {n}, "quoted" and, with commas'
        data["start_date"] = f"{2016 + n % 9}-{1 + n % 12:02d}-{1 + rng.randrange(28):02d}"
        data["end_date"] = None if n % 3 else data["start_date"]
        data["status"] = "ongoing" if data["end_date"] is None else "ended"
        data["evidence"] = {k: v for k, v in base["evidence"].items() if k != "platforms"}
        (folder / f"{data['id']}.yaml").write_text(dump_yaml(data), encoding="utf-8")


def run(counts: list[int]) -> None:
    print(
        f"# {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (wall time suffers on a busy machine; CPU time less)"
    )
    print(
        f"{'records':>8} {'format':<6} {'wall s':>7} {'CPU s':>7} {'rec/CPU s':>10} {'peak MB':>8} {'baseline MB':>11} {'output MB':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            folder = Path(tmp) / f"records-{count}"
            folder.mkdir()
            started = time.perf_counter()
            generate(folder, count)
            print(f"# generated {count} records in {time.perf_counter() - started:.1f} s")
            for fmt in sorted(WRITERS):
                out = Path(tmp) / f"out-{count}.{fmt}"
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, str(folder), fmt, str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                figures = json.loads(done.stdout)
                assert figures["written"] == count and figures["failed"] == 0, figures
                print(
                    f"{count:>8} {fmt:<6} {figures['seconds']:>7.1f} {figures['cpu_seconds']:>7.1f} "
                    f"{count / figures['cpu_seconds']:>10.0f} "
                    f"{figures['peak_kb'] / 1024:>8.1f} {figures['baseline_kb'] / 1024:>11.1f} "
                    f"{out.stat().st_size / 1e6:>9.1f}"
                )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, action="append", help="records to generate (repeatable)")
    args = parser.parse_args()
    run(args.count or [10_000])
