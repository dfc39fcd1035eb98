"""Throughput of the cue extractors (fields, authorities, reasons, legal, workarounds).

Prints articles per second on one core over the seed articles (repeated), so a change that
slows cue matching shows up as a number. Target: >= 100 articles/s for the whole build.
Run: /work/venv/bin/python bench/bench_cues.py
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from shutdown_records.extraction.extractors import authorities, fields, legal, reasons, workarounds
from shutdown_records.extraction.types import Doc
from shutdown_records.text import read_source

ROOT = Path(__file__).resolve().parent.parent
MODULES = (fields, authorities, reasons, legal, workarounds)


def main(rounds: int = 20) -> None:
    sources = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text, sha = read_source(path)
        language = "fr" if " le " in text and " la " in text else "en"
        sources.append((path, text, sha, language))
    for path, text, sha, language in sources:  # compile the cue tables once
        for mod in MODULES:
            list(mod.extract(Doc(path.stem, path, text, sha, language)))
    count = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for i in range(rounds):
        for path, text, sha, language in sources:
            doc = Doc(f"{path.stem}-{i}", path, text + " " * i, sha, language)  # defeat per-doc caches
            for mod in MODULES:
                list(mod.extract(doc))
            count += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    chars = sum(len(t) for _, t, _, _ in sources) * rounds
    print(
        f"cue extractors: {count} articles, {chars} chars in {elapsed:.2f}s wall, {cpu:.2f}s CPU -> "
        f"{count / elapsed:.1f} articles/s wall, {count / cpu:.1f} articles/s per CPU second"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the seed articles (default 20)")
    main(parser.parse_args().rounds)
