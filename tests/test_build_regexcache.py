"""The on-disk regex cache (`build/regexcache.py`) must give exactly what `re.compile` gives."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

CODE = r"""
import re, sys
from shutdown_records.build import regexcache
p = regexcache.compile(r"(?<!\w)(?:cour(?:t|s) of (?P<country>Pakistan|India))(?!\w)", re.IGNORECASE)
assert p == re.compile(p.pattern, re.IGNORECASE), "differs from re.compile"
m = p.search("The Court of India ruled")
print(m.group("country"), m.span(), len(regexcache._new))
"""


def _run(cache: Path) -> str:
    env = {"SHUTDOWN_RECORDS_CACHE": str(cache), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", CODE], env=env, check=True, capture_output=True, text=True).stdout.split()


def test_cached_regex_matches_like_re_compile_in_a_later_run(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first == ["India", "(4,", "18)", "1"]  # compiled afresh, stored at exit
    assert list(tmp_path.glob("regex-*.marshal"))
    second = _run(tmp_path)
    assert second == ["India", "(4,", "18)", "0"]  # read back: nothing new compiled


def test_damaged_regex_cache_is_ignored(tmp_path: Path) -> None:
    _run(tmp_path)
    for path in tmp_path.glob("regex-*.marshal"):
        path.write_bytes(b"not marshal data")
    assert _run(tmp_path) == ["India", "(4,", "18)", "1"]
