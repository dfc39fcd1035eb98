"""Writing a whole site so a failed run never leaves half a site over a good one.

The site is built in a hidden temporary folder beside the target and swapped in with two
renames; a folder that is not empty and was not written by us is never replaced, so
`-o .` or `-o ~/Documents` cannot wipe a user's files. The marker file lists every file the
site was written with; files a person added to an earlier site (`.git/`, `CNAME`) are copied
into the new one before the swap, so a re-run keeps them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import OutputError, UsageError

MARKER = ".shutdown-records-site"
_MARKER_HEAD = "written by `shutdown-records report`; safe to replace. Files it wrote:\n"
# What a site held before the marker listed its files: the layout `write_site` writes.
_LEGACY_TOP = frozenset({"index.html", MARKER})
_LEGACY_DIRS = frozenset({"records", "static"})


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
        ours = sorted(_files(tmp))
        (tmp / MARKER).write_text(_MARKER_HEAD + "".join(f"{name}\n" for name in ours), encoding="utf-8")
        if output.exists():
            _keep_added_files(output, tmp, set(ours))
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


def _files(folder: Path) -> list[str]:
    """Every file and symlink under `folder`, as POSIX paths relative to it (symlinks not followed)."""
    found: list[str] = []
    for top, dirs, names in os.walk(folder):
        rel = Path(top).relative_to(folder)
        for name in names + [d for d in dirs if os.path.islink(os.path.join(top, d))]:
            found.append((rel / name).as_posix())
    return found


def _written_by_us(site: Path) -> set[str] | None:
    """The files the marker lists; None for a site written before markers listed them."""
    try:
        text = (site / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(_MARKER_HEAD):
        return None
    return {line for line in text[len(_MARKER_HEAD) :].splitlines() if line} | {MARKER}


def _keep_added_files(old: Path, new: Path, ours: set[str]) -> None:
    """Copy into `new` every file of the earlier site `old` that the report did not write."""
    listed = _written_by_us(old)
    for name in _files(old):
        parts = name.split("/")
        if name == MARKER or (listed is not None and name in listed):
            continue
        if listed is None and (name in _LEGACY_TOP or (len(parts) == 2 and parts[0] in _LEGACY_DIRS)):
            continue
        if name in ours:
            raise OutputError(
                f"{name} was added to the site by hand and the report now writes a file of that name; "
                "move it out of the site folder, then run the report again",
                place=str(old),
            )
        source, target = old / name, new / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            os.symlink(os.readlink(source), target)
        elif source.is_file():
            shutil.copy2(source, target)
        else:
            raise OutputError(f"{name} is not a regular file; move it out of the site folder", place=str(old))
    for top, dirs, _ in os.walk(old):  # empty folders a person made (git keeps some) stay too
        for name in dirs:
            if not os.path.islink(os.path.join(top, name)):
                (new / Path(top).relative_to(old) / name).mkdir(parents=True, exist_ok=True)
