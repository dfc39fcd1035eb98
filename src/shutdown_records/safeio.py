"""Reading files that untrusted input names, and choosing where to write, without surprises.

Records arrive as pull requests: a `sources[].path` of `/proc/self/environ` or
`../../../etc/passwd` must never be read, hashed, quoted or published. A record's sources are
read only inside its repository root (the folder holding `records/`, or `--root`), only as
regular files opened without following a final symlink, and only up to a size cap. Articles
given to `build` are not confined (the user named them), but are read as regular files with
the same cap, so a FIFO cannot hang a build and `/dev/zero` cannot fill memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .errors import InputError, OutputError

# A news article is tens of KB; an HTML page rarely over a few MB. Larger is a mistake or an attack.
MAX_SOURCE_BYTES = 5 * 1024 * 1024

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO for reading must not wait for a writer
_BINARY = getattr(os, "O_BINARY", 0)


class SourcePathError(InputError):
    """A source path a record names that may not be read; `kind` says why (for problem codes)."""

    def __init__(self, message: str, *, place: str | None = None, kind: str = "unreadable") -> None:
        super().__init__(message, place=place)
        self.kind = kind  # "outside", "hidden", "special", "too_large", "missing", "unreadable"


def repository_root(record_path: Path | str, root: Path | str | None = None) -> Path:
    """The folder a record's sources must stay in: `root` if given, else the folder holding
    the nearest `records/` folder above the record, else the top of the git work tree the
    record is in (a record built to `out/` beside `seeds/`), else the record's own folder."""
    if root is not None:
        return Path(_realpath(os.fspath(root)))
    return _root_of_folder(os.path.dirname(os.path.abspath(record_path)))


@lru_cache(maxsize=1024)
def _root_of_folder(folder: str) -> Path:
    here = Path(folder)
    for candidate in (here, *here.parents):
        if candidate.name == "records":
            return Path(_realpath(str(candidate.parent)))
    for candidate in (here, *here.parents):
        if os.path.isdir(candidate / ".git") or os.path.isfile(candidate / ".git"):
            return Path(_realpath(str(candidate)))
    return Path(_realpath(folder))


@lru_cache(maxsize=8192)
def _realpath(path: str) -> str:
    """os.path.realpath, once per path per run: 10,000 records share a few folders and sources
    (each call is a system call per path component)."""
    return os.path.realpath(path)


def confine(record_path: Path | str, written: str, root: Path) -> Path:
    """The file `written` (relative to the record's folder) names, if it stays inside `root`.

    Raises SourcePathError(kind="outside") for absolute paths and paths leaving the root,
    judged on the real path, so a symlinked folder cannot lead out either; kind="hidden" for
    a hidden file or folder inside the root.
    """
    joined, kind, message = _confine(os.path.dirname(os.path.abspath(record_path)), written, str(root))
    if kind:
        raise SourcePathError(message, kind=kind)
    return Path(joined)


@lru_cache(maxsize=8192)
def _confine(folder: str, written: str, root: str) -> tuple[str, str, str]:
    """(joined path, "", "") or ("", kind, message); once per folder and path per run."""
    if "\x00" in written:
        return "", "outside", "holds a NUL character, which no file name can"
    joined = os.path.join(folder, written)
    real = Path(_realpath(joined))
    if os.path.isabs(written) or not real.is_relative_to(root):
        return (
            "",
            "outside",
            (
                f"is outside the repository root {root}; sources must be files inside it "
                "(store the text beside the record, or pass --root)"
            ),
        )
    if any(part.startswith(".") for part in real.relative_to(root).parts):
        # .git/config holds the token actions/checkout persists; .env files hold secrets
        return (
            "",
            "hidden",
            (
                "is a hidden file or inside a hidden folder (.git, .env, ...), which may hold credentials; "
                "sources must be visible files of the repository"
            ),
        )
    return joined, "", ""


def read_regular_file(path: Path | str, *, limit: int = MAX_SOURCE_BYTES, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is a SourcePathError.

    FIFOs, devices, sockets and folders are refused before a byte is read (opened
    non-blocking, checked with fstat); with `follow_symlinks=False` a symlink is refused too.
    """
    place = str(path)
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if not follow_symlinks:
        if not _NOFOLLOW and os.path.islink(path):  # platforms without O_NOFOLLOW
            raise SourcePathError("is a symbolic link; point at the file itself", place=place, kind="special")
        flags |= _NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SourcePathError("no such file", place=place, kind="missing") from None
    except OSError as err:
        if not follow_symlinks and os.path.islink(path):
            raise SourcePathError("is a symbolic link; point at the file itself", place=place, kind="special") from None
        raise SourcePathError(f"cannot read: {err.strerror}", place=place) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourcePathError("is a folder, not a file", place=place, kind="special")
        if not stat.S_ISREG(info.st_mode):
            raise SourcePathError(
                f"is not a regular file ({_kind(info.st_mode)}); only plain text files are read",
                place=place,
                kind="special",
            )
        if info.st_size > limit:
            raise SourcePathError(
                f"is {info.st_size} bytes; sources are read up to {limit} bytes", place=place, kind="too_large"
            )
        if _NONBLOCK:
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while True:  # a file that grows while read (or lies in st_size, as /proc does) is still capped
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise SourcePathError(
                    f"is more than {limit} bytes; sources are read up to {limit} bytes",
                    place=place,
                    kind="too_large",
                )
        return b"".join(chunks)
    except OSError as err:
        raise SourcePathError(f"cannot read: {err.strerror}", place=place) from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def check_output(path: Path, *, inputs: Iterable[Path] = (), force: bool = False, expected: str = "") -> None:
    """Refuse to write `path` when it is one of `inputs` (always), a symlink or a special file
    (unless `force`).

    Writing is atomic (a temporary file renamed over the target), so a symlink would be
    replaced by a plain file and a FIFO by a file; either loses what the user had there.
    """
    what = f" {expected}" if expected else ""
    for source in inputs:
        try:
            same = os.path.samefile(source, path)
        except OSError:
            continue
        if same:
            raise OutputError(
                f"is one of the inputs ({source}); writing{what} there would destroy it. Choose another output file",
                place=str(path),
            )
    if force:
        return
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there to lose; the writer says why it cannot write
    except OSError as err:
        raise OutputError(f"cannot check the output: {err.strerror}", place=str(path)) from None
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(
            "is a symbolic link; writing would replace the link with a file. Give the real path, or use --force",
            place=str(path),
        )
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"is {_kind(info.st_mode)}, not a file to write; use --force to replace it", place=str(path))
