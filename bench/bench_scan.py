"""Speed and memory of `scan`, on 4 KB articles. Prints figures; asserts nothing.

    python bench/bench_scan.py            # all four figures
    python bench/bench_scan.py --quick    # smaller streams (a smoke run)

1. relevance: articles/s of the relevance filter alone on one core (target >= 5,000).
2. whole scan: articles/s of `scan` (default engine) on a JSON Lines stream with 1% relevant.
3. peak memory of `scan` over 100,000 articles (target < 500 MB): the largest total PSS
   (proportional set size: shared pages counted once) of the scanning process and its workers
   (psutil), sampled every 50 ms.
4. speed-up of a 2-worker LocalCluster over a 1-worker LocalCluster on the same stream
   (target >= 1.7x).

The stream: real non-incident news (../shared/stream/distractors, mostly hard negatives that
share the filter's words) and, for the 1% relevant, the corpus's incident articles, each
repeated to 4 KB. Texts are read from ../shared at run time, never stored in the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLE_CHARS = 4096


def _bodies(folder_glob: str) -> list[str]:
    from shutdown_records.extraction.loader import parse_front_matter

    out = []
    for path in sorted(SHARED.glob(folder_glob)):
        text = path.read_text(encoding="utf-8")
        _meta, start = parse_front_matter(text, str(path))
        body = text[start:].strip()
        if body:
            out.append(((body + "\n\n") * (ARTICLE_CHARS // max(len(body), 1) + 1))[:ARTICLE_CHARS])
    return out


def write_stream(path: Path, n: int, negatives: list[str], positives: list[str]) -> None:
    """n articles, every 100th one relevant (1%)."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            if i % 100 == 50:
                text = positives[(i // 100) % len(positives)]
            else:
                text = negatives[i % len(negatives)]
            handle.write(json.dumps({"text": text, "url": f"https://bench.example/{i}"}, ensure_ascii=False) + "\n")


def relevance_rate(texts: list[str], seconds: float = 5.0) -> tuple[float, float]:
    """(articles per CPU second of this process, articles per wall-clock second).

    CPU time is what one core does; on a machine shared with other jobs the wall-clock rate is
    lower by however much of the core the others took.
    """
    from shutdown_records.scan.relevance import default_filter

    flt = default_filter()
    done = 0
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < seconds:
        for text in texts:
            flt.judge(text)
        done += len(texts)
    return done / (time.process_time() - cpu), done / (time.perf_counter() - wall)


def run_scan_measured(args: list[str]) -> tuple[float, float]:
    """(seconds, peak MB of the process tree's PSS) of one `shutdown-records scan` run."""
    import psutil

    command = [str(Path(sys.executable).parent / "shutdown-records"), "scan", *args, "-q"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                total = 0
                for p in tree:
                    try:
                        # PSS: pages shared by the forked workers counted once, split between them
                        info = p.memory_full_info()
                        total += getattr(info, "pss", info.rss)
                    except psutil.Error:
                        pass
                peak = max(peak, total / 1e6)
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        raise SystemExit(f"scan failed ({proc.returncode}): {err.strip()[-500:]}")
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description="scan speed and memory")
    parser.add_argument("--quick", action="store_true", help="smaller streams")
    args = parser.parse_args()
    if not (SHARED / "stream" / "distractors").is_dir():
        print("../shared/stream is absent: nothing to measure", file=sys.stderr)
        return 1
    negatives = _bodies("stream/distractors/*.txt")
    positives = _bodies("corpus/*/sources/*.txt")
    n_speed = 5_000 if args.quick else 20_000
    n_memory = 10_000 if args.quick else 100_000

    cpu_rate, wall_rate = relevance_rate(negatives + positives[:1], seconds=2.0 if args.quick else 5.0)
    print(
        f"relevance filter, one core, {ARTICLE_CHARS // 1024} KB articles: {cpu_rate:,.0f} articles per CPU second "
        f"(target >= 5,000); {wall_rate:,.0f} per wall-clock second on this (shared) machine"
    )

    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        stream = tmpdir / "stream.jsonl"
        write_stream(stream, n_speed, negatives, positives)
        seconds, _peak = run_scan_measured([str(stream), "-o", str(tmpdir / "out-default")])
        print(
            f"whole scan (default engine, local processes), {n_speed:,} articles, 1% relevant: "
            f"{n_speed / seconds:,.0f} articles/s ({seconds:.1f} s, start-up and incident building included)"
        )

        one, _ = run_scan_measured([str(stream), "-o", str(tmpdir / "out-1"), "--dask", "local", "-j", "1"])
        two, _ = run_scan_measured([str(stream), "-o", str(tmpdir / "out-2"), "--dask", "local", "-j", "2"])
        same = (tmpdir / "out-1" / "articles.jsonl").read_bytes() == (tmpdir / "out-2" / "articles.jsonl").read_bytes()
        print(
            f"LocalCluster, {n_speed:,} articles: 1 worker {one:.1f} s, 2 workers {two:.1f} s: "
            f"speed-up {one / two:.2f}x (target >= 1.7x); outputs identical: {same}"
        )

        big = tmpdir / "big.jsonl"
        write_stream(big, n_memory, negatives, positives)
        seconds, peak = run_scan_measured([str(big), "-o", str(tmpdir / "out-big")])
        print(
            f"peak memory, {n_memory:,} articles ({big.stat().st_size / 1e6:.0f} MB of JSON Lines), default engine: "
            f"{peak:.0f} MB for the process and its workers (target < 500 MB); {n_memory / seconds:,.0f} articles/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
