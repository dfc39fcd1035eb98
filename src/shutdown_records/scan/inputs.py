"""Reading a news stream: files and folders, JSON Lines, WARC and RSS/Atom, one article at a time.

The input is cut into `Unit`s (a batch of small files, a byte range of a JSON Lines file, one
WARC or feed file) that any engine can read on its own, so a worker never holds more than
one unit and the whole stream is never in memory. A corrupt file or record becomes a
`Skipped` in its place; reading goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..extraction.loader import parse_front_matter
from ..text import decode_source
from ..yamlio import dump_yaml

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
FILES_PER_UNIT = 64
JSONL_CHUNK_BYTES = 1 << 20  # about 250 articles of 4 KB: a task of a fraction of a second
MIN_JSONL_CHUNK_BYTES = 256 << 10
MAX_GZIP_RANGES = 16  # each range of a .jsonl.gz decompresses everything before it: keep them few
GZIP_RATIO_GUESS = 4  # JSON Lines text over its gzip size, when the gzip trailer cannot tell
MAX_LINE_BYTES = 20 << 20  # one JSON Lines article
MAX_FILE_BYTES = 20 << 20  # one article file (txt, html, feed); WARC and JSONL are streamed
HTML_TYPES = ("text/html", "application/xhtml+xml")
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass
class Article:
    """One article of the stream, as much of its metadata as the input gave."""

    input: str  # path, path:line (JSON Lines) or path#n (WARC record, feed entry)
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD or YYYY-MM
    language: str | None = None
    source_text: str | None = None  # the file to save as the record's source (None: make one)

    def stored(self) -> str:
        """The exact text saved as a source file: the original file, or front matter + text."""
        if self.source_text is not None:
            return self.source_text
        front = {
            k: v
            for k, v in (
                ("url", self.url),
                ("title", self.title),
                ("published", self.published),
                ("language", self.language),
            )
            if v
        }
        body = self.text.strip() + "\n"
        return (f"---\n{dump_yaml(front)}---\n" if front else "") + body


@dataclass
class Skipped:
    """A file or record that could not be read, and why (one line, names the place)."""

    input: str
    reason: str


@dataclass(frozen=True)
class Unit:
    """A piece of the input one worker reads alone: files, a JSON Lines range, a WARC or feed."""

    kind: str  # files | jsonl | warc | feed
    paths: tuple[str, ...]
    start: int = 0  # JSON Lines: the lines that start in [start, end), offsets in the (decompressed) text
    end: int | None = None
    first_line: int | None = 1  # None: start may fall inside a line; the reader finds its line numbers


@dataclass
class Plan:
    units: list[Unit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # paths that are not inputs at all


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("warc", WARC_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("files", TEXT_SUFFIXES + HTML_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def plan_units(paths: list[Path], workers: int = 1) -> Plan:
    """Units in input order: arguments as given, a folder's files sorted by path.

    A JSON Lines file is cut into ranges of up to JSONL_CHUNK_BYTES, smaller when the file is
    small, so every worker gets several ranges even from a single file. A `.jsonl.gz` is cut
    into a few ranges of its decompressed text that the workers find themselves (see
    `_gzip_ranges`): its text never passes through this process.
    """
    plan = Plan()
    batch: list[str] = []

    def flush() -> None:
        if batch:
            plan.units.append(Unit("files", tuple(batch)))
            batch.clear()

    for given in paths:
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if p.is_file() and not p.name.startswith(".") and kind_of(p))
            if not files:
                plan.skipped.append(Skipped(str(given), "folder holds no article, JSON Lines, WARC or feed file"))
        elif not given.exists():
            plan.skipped.append(Skipped(str(given), "no such file or folder"))
            continue
        elif kind_of(given) is None:
            plan.skipped.append(
                Skipped(
                    str(given), "not an input (expected .txt, .md, .html, .jsonl[.gz], .warc[.gz], .xml, .rss or .atom)"
                )
            )
            continue
        else:
            files = [given]
        for path in files:
            kind = kind_of(path)
            if kind == "files":
                batch.append(str(path))
                if len(batch) >= FILES_PER_UNIT:
                    flush()
                continue
            flush()
            if kind == "jsonl" and path.name.lower().endswith(".gz"):
                plan.units.extend(_gzip_ranges(path, workers))
            elif kind == "jsonl":
                try:
                    size = path.stat().st_size
                except OSError:
                    size = 0
                chunk = max(MIN_JSONL_CHUNK_BYTES, min(JSONL_CHUNK_BYTES, size // (8 * max(workers, 1)) + 1))
                plan.units.extend(_jsonl_ranges(path, chunk))
            else:
                plan.units.append(Unit(str(kind), (str(path),)))
    flush()
    return plan


def _jsonl_ranges(path: Path, chunk: int = JSONL_CHUNK_BYTES) -> list[Unit]:
    """Cut a plain JSON Lines file at line ends into ranges of about `chunk` bytes.

    One pass counting newlines (in C), so each range knows the number of its first line.
    """
    units: list[Unit] = []
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start, line = 0, 1
            while start < size:
                handle.seek(min(start + chunk, size))
                if handle.tell() < size:
                    handle.readline()  # on to the end of the line the cut falls in
                end = handle.tell()
                if end >= size:
                    break
                handle.seek(start)
                lines, left = 0, end - start
                while left > 0:
                    block = handle.read(min(left, 1 << 20))
                    lines += block.count(b"\n")
                    left -= len(block)
                units.append(Unit("jsonl", (str(path),), start, end, line))
                start, line = end, line + lines
            units.append(Unit("jsonl", (str(path),), start, None, line))
    except OSError:
        units = [Unit("jsonl", (str(path),))]  # the error is reported when the unit is read
    return units


def _gzip_ranges(path: Path, workers: int) -> list[Unit]:
    """A `.jsonl.gz` as ranges of its decompressed text, without decompressing it here.

    gzip cannot be entered in the middle, so the worker of range k decompresses what comes
    before it, counting line ends (hence `first_line=None`), and reads the lines that start
    inside its range. That costs each range the decompression of the ranges before it, so
    there are at most 2 per worker (and MAX_GZIP_RANGES); one worker reads the file whole.
    Where the ranges fall only balances the work: the last one reads on to the end, so the
    rows are the same whatever the size guess (the gzip trailer's, else GZIP_RATIO_GUESS).
    """
    whole = [Unit("jsonl", (str(path),))]
    if workers <= 1:
        return whole
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            handle.seek(max(size - 4, 0))
            trailer = int.from_bytes(handle.read(4), "little")  # ISIZE: the last member's length mod 2**32
    except OSError:
        return whole  # the error is reported when the unit is read
    text = trailer if trailer >= size else size * GZIP_RATIO_GUESS
    count = min(2 * workers, MAX_GZIP_RANGES, text // MIN_JSONL_CHUNK_BYTES)
    if count <= 1:
        return whole
    step = -(-text // count)
    return [
        Unit("jsonl", (str(path),), k * step, (k + 1) * step if k < count - 1 else None, None) for k in range(count)
    ]


def read_unit(unit: Unit) -> Iterator[Article | Skipped]:
    """The unit's articles and skipped places, in input order."""
    if unit.kind == "files":
        for path in unit.paths:
            yield _read_file(Path(path))
    elif unit.kind == "jsonl":
        yield from _read_jsonl(unit)
    elif unit.kind == "warc":
        yield from _read_warc(Path(unit.paths[0]))
    elif unit.kind == "feed":
        yield from _read_feed(Path(unit.paths[0]))


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(
                f"file is over {MAX_FILE_BYTES >> 20} MB; an article file should be far smaller", place=str(path)
            )
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", place=str(path)) from None
    if not data.strip():
        raise InputError("file is empty", place=str(path))
    return data


def _read_file(path: Path) -> Article | Skipped:
    try:
        data = _read_bytes(path)
        if path.suffix.lower() in HTML_SUFFIXES:
            return _html_article(str(path), data, url=None)
        text = decode_source(data, str(path))
        meta, start = parse_front_matter(text, str(path))
        body = text[start:]
        if not body.strip():
            raise InputError("no article text after the front matter", place=str(path))
        return Article(
            input=str(path),
            text=body,
            url=_str(meta.get("url")),
            title=_str(meta.get("title")),
            published=published_day(meta.get("published")),
            language=_language(meta.get("language")),
            source_text=text,
        )
    except InputError as err:
        return Skipped(str(path), err.message)


def _str(value: object) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


def _language(value: object) -> str | None:
    code = re.split(r"[-_]", str(value or "").strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def published_day(value: object) -> str | None:
    """YYYY-MM-DD (or YYYY-MM) from a date or timestamp; None when it is not one."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    m = _DAY.match(text)
    if m:
        try:
            return date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    return text if _MONTH.match(text) else None


def _html_article(place: str, data: bytes, url: str | None, warc_date: str | None = None) -> Article:
    """Main text and metadata in one trafilatura pass (fast mode: no fallback extractors, as a
    stream needs); the date is the page's own (trafilatura asks htmldate), else htmldate's
    quick search, else the crawl date."""
    import trafilatura  # noqa: PLC0415 - heavy, only for HTML

    html = data.decode("utf-8", errors="replace")
    try:
        found = trafilatura.extract(
            html, fast=True, output_format="json", with_metadata=True, include_comments=False, include_tables=False
        )
    except TypeError:  # trafilatura < 2.0 calls fast mode no_fallback
        found = trafilatura.extract(
            html,
            no_fallback=True,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    meta = json.loads(found) if found else {}
    text = meta.get("text") or ""
    if not text.strip():
        raise InputError("no article text found in the page", place=place)
    published = published_day(meta.get("date")) or page_date(html) or warc_date
    return Article(
        input=place,
        text=text.strip() + "\n",
        url=url or _str(meta.get("url")),
        title=_str(meta.get("title")),
        published=published,
        language=_language(meta.get("language")),
    )


def page_date(html: str) -> str | None:
    """The page's original publication date (htmldate), or None."""
    try:
        from htmldate import find_date  # noqa: PLC0415
    except ImportError:
        return None
    try:
        found = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a date is optional; a bad page must not stop the scan
        return None
    return published_day(found)


def _skip_to_line(handle: gzip.GzipFile | io.BufferedReader, start: int) -> tuple[int, int] | None:
    """Read up to the first line that starts at or after `start`; (its offset, lines before it),
    or None when the text ends (or breaks: the range holding that place reports it) first."""
    lines, pos = 0, 0
    try:
        while pos < start - 1:
            block = handle.read(min(start - 1 - pos, 1 << 20))
            if not block:
                return None
            lines += block.count(b"\n")
            pos += len(block)
        if start > 0:
            last = handle.read(1)
            if not last:
                return None
            pos += 1
            while last != b"\n":  # `start` falls inside a line: it belongs to the range before
                last = handle.readline(1 << 20)
                if not last:
                    return None
                pos += len(last)
                last = last[-1:]
            lines += 1
    except (EOFError, OSError, zlib.error):
        return None
    return pos, lines


def _read_jsonl(unit: Unit) -> Iterator[Article | Skipped]:
    path = unit.paths[0]
    handle: gzip.GzipFile | io.BufferedReader
    try:
        if path.lower().endswith(".gz"):
            handle = gzip.open(path, "rb")
        else:
            handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as err:
        yield Skipped(path, f"cannot read: {err.strerror}")
        return
    pos, line_no = unit.start, (unit.first_line or 1) - 1
    if unit.first_line is None:
        found = _skip_to_line(handle, unit.start)
        if found is None:
            handle.close()
            return
        pos, line_no = found
    elif unit.start:
        handle.seek(unit.start)
    try:
        with handle:
            while unit.end is None or pos < unit.end:
                try:
                    raw = handle.readline(MAX_LINE_BYTES + 1)
                    if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                        while raw and not raw.endswith(b"\n"):  # skip the rest of the giant line
                            pos += len(raw)
                            raw = handle.readline(1 << 20)
                        pos += len(raw)
                        line_no += 1
                        yield Skipped(
                            f"{path}:{line_no}",
                            f"line is over {MAX_LINE_BYTES >> 20} MB; one article should be far smaller",
                        )
                        continue
                except (EOFError, OSError, zlib.error) as err:
                    yield Skipped(
                        f"{path}:{line_no + 1}",
                        f"compressed stream is corrupt or truncated ({err}); the rest of the file is skipped",
                    )
                    return
                if not raw:
                    return
                pos += len(raw)
                line_no += 1
                if raw.strip():
                    yield _jsonl_article(f"{path}:{line_no}", raw)
    except OSError as err:
        yield Skipped(path, f"cannot read: {err.strerror}")


def _jsonl_article(place: str, raw: bytes) -> Article | Skipped:
    try:
        row = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as err:
        return Skipped(place, f"not valid JSON ({err}); each line must be one JSON object")
    if not isinstance(row, dict):
        return Skipped(place, 'line is not a JSON object; expected {"text": ..., "url": ...}')
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(place, "field 'text' is missing or empty; it must hold the article text")
    published = row.get("published")
    day = published_day(published)
    if published not in (None, "") and day is None:
        return Skipped(place, f"field 'published': {str(published)[:40]!r} is not a date; write YYYY-MM-DD")
    return Article(
        input=place,
        text=text,
        url=_str(row.get("url")),
        title=_str(row.get("title")),
        published=day,
        language=_language(row.get("language")),
    )


def gzip_truncated(path: Path) -> bool:
    """True when a gzip file ends inside a member (an interrupted download or write).

    warcio stops silently there (webrecorder/warcio#138), so we walk the members ourselves.
    """
    decomp = zlib.decompressobj(31)
    started = False
    with path.open("rb") as handle:
        while True:
            block = handle.read(1 << 20)
            if not block:
                break
            while block:
                try:
                    decomp.decompress(block)
                except zlib.error:
                    return True
                started = True
                if decomp.eof:
                    block = decomp.unused_data
                    decomp = zlib.decompressobj(31)
                    started = bool(block)
                else:
                    block = b""
    return started and not decomp.eof


def _read_warc(path: Path) -> Iterator[Article | Skipped]:
    """HTTP responses with an HTML body, as Common Crawl's CC-NEWS holds them.

    Each record is read inside its own try, so one bad page never stops the file; a record
    warcio cannot parse ends the file (its stream position is lost) and is reported.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415
        from warcio.exceptions import ArchiveLoadFailed  # noqa: PLC0415
    except ImportError:
        yield Skipped(str(path), "reading WARC needs warcio: pip install 'shutdown-records[scan]'")
        return
    try:
        handle = path.open("rb")
    except OSError as err:
        yield Skipped(str(path), f"cannot read: {err.strerror}")
        return
    pending: Article | Skipped | None = None
    pending_ordinal = 0
    ordinal = 0
    with handle:
        iterator = iter(ArchiveIterator(handle))
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except (ArchiveLoadFailed, ValueError, OSError, EOFError, zlib.error) as err:
                if pending is not None:
                    yield pending
                    pending = None
                yield Skipped(
                    f"{path}#{ordinal + 1}",
                    f"WARC record cannot be parsed ({_one_line(err)}); the rest of the file is skipped",
                )
                return
            ordinal += 1
            try:
                item = _warc_article(f"{path}#{ordinal}", record)
            except Exception as err:  # noqa: BLE001 - one bad record must not stop the stream
                item = Skipped(f"{path}#{ordinal}", f"record unreadable: {_one_line(err)}")
            if pending is not None:
                yield pending
            pending, pending_ordinal = item, ordinal
    truncated = path.name.lower().endswith(".gz") and gzip_truncated(path)
    if pending is not None and not (truncated and pending_ordinal == ordinal):
        yield pending
    if truncated:
        # the last record warcio returned is the one the file ends inside
        yield Skipped(
            f"{path}#{max(ordinal, 1)}",
            "the gzip file is truncated (an interrupted download?): this record is cut short and any after it are lost",
        )


def _warc_article(place: str, record: object) -> Article | Skipped | None:
    """An Article for an HTML response record; None for records that are not articles."""
    if getattr(record, "rec_type", None) != "response":
        return None
    http = getattr(record, "http_headers", None)
    if http is None:
        return None
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    status = http.get_statuscode()
    if ctype not in HTML_TYPES or status != "200":
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    data = record.content_stream().read()  # type: ignore[attr-defined]
    warc_date = published_day((headers.get_header("WARC-Date") or "")[:10])
    try:
        return _html_article(place, data, url=url, warc_date=warc_date)
    except InputError as err:
        return Skipped(place, err.message)


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__


def _read_feed(path: Path) -> Iterator[Article | Skipped]:
    """RSS/Atom entries (feedparser): entries' content or summary, with their dates."""
    try:
        import feedparser  # noqa: PLC0415
    except ImportError:
        yield Skipped(str(path), "reading feeds needs feedparser: pip install 'shutdown-records[scan]'")
        return
    try:
        data = _read_bytes(path)
    except InputError as err:
        yield Skipped(str(path), err.message)
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        problem = _one_line(feed.get("bozo_exception") or ValueError("no entries"))
        yield Skipped(str(path), f"not a readable RSS or Atom feed ({problem})")
        return
    language = _language(feed.feed.get("language"))
    for n, entry in enumerate(feed.entries, 1):
        place = f"{path}#{n}"
        try:
            html = ""
            if entry.get("content"):
                html = entry.content[0].get("value") or ""
            html = html or entry.get("summary") or ""
            text = _html_to_text(html)
            if not text.strip():
                yield Skipped(place, "entry has no content or summary text")
                continue
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
            published = f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}" if parsed else None
            yield Article(
                input=place,
                text=text,
                url=_str(entry.get("link")),
                title=_str(entry.get("title")),
                published=published_day(published),
                language=_language(entry.get("language")) or language,
            )
        except Exception as err:  # noqa: BLE001 - one bad entry must not stop the feed
            yield Skipped(place, f"entry unreadable: {_one_line(err)}")


def _html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html  # noqa: PLC0415 - trafilatura's dependency

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - a broken fragment: keep its words
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def source_name(article: Article, stored: str) -> str:
    """A stable file name for the saved source: its hash, so the same text is the same file."""
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()[:16] + ".txt"
