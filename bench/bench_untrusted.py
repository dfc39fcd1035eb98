"""Bounded work on hostile input: build time on one long paragraph of dated sentences, and how
fast validate/report refuse sources they must not read.

The paragraphs are invented (a made-up country, platform and city), one line each, 0.5k to 32k
sentences: the build time per KB must stay flat (it grew with the square of the paragraph).
Then a record citing a 6 MB source (over the 5 MiB cap), a FIFO and /proc/self/environ is
validated and reported. Prints one line per measure.
Run: .venv/bin/python bench/bench_untrusted.py [MAX_SENTENCES]   (default 32000)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FORMS = [
    "Access was blocked since {m} {d} in Norvania",
    "The outage began on {d} {m} 2023 and lasted until {m} {e}",
    "Zapchat was restored on {m} {d}, 2024 after protests",
    "Internet shut down from {m} {d} to {m} {e} in Elbrik",
]


def paragraph(n: int) -> str:
    parts = [FORMS[i % 4].format(m=MONTHS[i % 12], d=1 + i % 28, e=2 + i % 28) + "." for i in range(n)]
    return "---\npublished: 2024-12-01\nlanguage: en\n---\nNorvania blocks Zapchat\n\n" + " ".join(parts) + "\n"


def run(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (KB) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False).returncode
    seconds = time.perf_counter() - start
    return seconds, code, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("max_sentences", nargs="?", type=int, default=32000, help="largest paragraph (default 32000)")
    top = parser.parse_args().max_sentences
    exe = str(Path(sys.executable).with_name("shutdown-records"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = 500
        while n <= top:
            article = folder / f"p{n}.txt"
            article.write_text(paragraph(n), encoding="utf-8")
            seconds, code, rss = run([exe, "build", "-q", str(article)])
            kb = article.stat().st_size / 1024
            print(
                f"build, one paragraph of {n:6d} dated sentences ({kb:7.0f} KB): {seconds:6.2f} s "
                f"({1000 * seconds / kb:5.2f} ms/KB), exit {code}, peak RSS so far {rss // 1024} MB"
            )
            n *= 4
        repo = folder / "repo"
        shutil.copytree(ROOT / "tests" / "fixtures" / "validate" / "valid", repo / "records")
        record = repo / "records" / "ga-2025-tiktok.yaml"
        text = record.read_text(encoding="utf-8")
        cases = {"6 MB source": "sources/big.txt", "/proc/self/environ": "/proc/self/environ"}
        with open(repo / "records" / "sources" / "big.txt", "wb") as handle:
            handle.write(b"x" * (6 * 1024 * 1024))
        if hasattr(os, "mkfifo"):
            os.mkfifo(repo / "records" / "sources" / "pipe.txt")
            cases["FIFO source"] = "sources/pipe.txt"
        for label, path in cases.items():
            record.write_text(text.replace("path: sources/ga-tiktok.txt", f"path: '{path}'"), encoding="utf-8")
            seconds, code, _ = run([exe, "validate", str(record)])
            print(f"validate, record citing a {label}: {seconds:.2f} s, exit {code}")
            seconds, code, _ = run([exe, "report", str(record), "-o", str(folder / "site")])
            print(f"report, record citing a {label}: {seconds:.2f} s, exit {code}")


if __name__ == "__main__":
    main()
