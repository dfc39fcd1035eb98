"""Writing a whole site so a failed run never leaves half a site over a good one.

The site is built in a hidden temporary folder beside the target and swapped in with two
renames; a folder that is not empty and was not written by us is never replaced, so
`-o .` or `-o ~/Documents` cannot wipe a user's files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError

MARKER = ".shutdown-records-site"


def check_replaceable(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise UsageError(f"{output} is a file; give a folder for the site")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise UsageError(
            f"{output} is not empty and holds no site written by `shutdown-records report`; "
            "choose a new or empty folder"
        )


def publish_dir(output: Path, build: Callable[[Path], None]) -> None:
    """Run `build(tmp)` into a fresh folder, then put it at `output`, replacing an earlier site."""
    output = Path(output)
    check_replaceable(output)
    parent = output.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent))
    try:
        tmp.chmod(0o755)  # mkdtemp makes it private; a site is meant to be read
        build(tmp)
        (tmp / MARKER).write_text("written by `shutdown-records report`; safe to replace\n", encoding="utf-8")
        if output.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}.", suffix=".old", dir=parent))
            os.replace(output, old / "site")
            try:
                os.replace(tmp, output)
            except BaseException:
                os.replace(old / "site", output)  # put the earlier site back
                raise
            finally:
                shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, output)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
