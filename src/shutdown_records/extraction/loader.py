"""Reading sources: files or folders of .txt/.md/.html into `Doc`s, with their metadata.

Offsets always index the whole stored file (front matter included), so a quote can be
checked against the file on disk. HTML is reduced to text by trafilatura and that text is
stored as a .txt file (named by the page's hash) which becomes the source; the page is kept
as `origin`. A source that cannot be read is reported, never fatal: the others still build.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from ..errors import InputError
from ..safeio import SourcePathError, read_regular_file
from ..source_ids import source_id
from ..text import decode_source, fold
from ..yamlio import dump_yaml, load_yaml, write_atomic
from .langdata import supported_languages, topic
from .language import detect_language
from .types import SHORT_LINE, Doc

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SOURCE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)
# Some pages start with a machine-added " date YYYY-MM-DD " line: it is the published date.
_DATE_LINE = re.compile(r"\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?=\s)", re.ASCII)  # record dates: ASCII digits
_PARTIAL_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$", re.ASCII)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class Loaded:
    """The readable sources, what went wrong with the others, and facts a Doc cannot hold."""

    docs: list[Doc] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # warnings: language without vocabulary...
    unreadable: list[str] = field(default_factory=list)  # "path: why" for sources skipped
    published_text: dict[str, str] = field(default_factory=dict)  # doc id -> "YYYY-MM[-DD]"
    origins: dict[str, Path] = field(default_factory=dict)  # doc id -> html page it came from
    language_how: dict[str, str] = field(default_factory=dict)


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files given, and source files inside folders given (sorted), plus problems for the rest."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not p.name.startswith(".")
            )
            if not found:
                problems.append(f"{path}: folder holds no .txt, .md or .html sources")
            files.extend(found)
        elif path.exists() and path.suffix.lower() not in SOURCE_SUFFIXES:
            problems.append(f"{path}: not a source file (expected .txt, .md or .html); skipped")
        else:
            files.append(path)  # missing files are reported when read
    return files, problems


def load_sources(paths: list[Path], *, language: str | None = None, store_dir: Path | None = None) -> Loaded:
    """Read every source; `language` applies to sources that do not declare one."""
    files, problems = expand_paths(paths)
    loaded = Loaded(unreadable=problems)
    used_ids: set[str] = set()
    for path in files:
        try:
            if path.suffix.lower() in HTML_SUFFIXES:
                origin = path
                path = _store_html_text(path, store_dir or Path.cwd() / "sources", language)
            else:
                origin = None
            data = _read_bytes(path)
            text = decode_source(data, str(path))
            doc_id = _unique_id(path, used_ids)
            doc, published, how = _make_doc(doc_id, path, text, hashlib.sha256(data).hexdigest(), language)
        except InputError as err:
            loaded.unreadable.append(str(err))
            continue
        loaded.docs.append(doc)
        loaded.language_how[doc.id] = how
        if published:
            loaded.published_text[doc.id] = published
        if origin is not None:
            loaded.origins[doc.id] = origin
        if not doc.language_supported:
            loaded.problems.append(
                f"{path}: language '{doc.language}' has no vocabulary (data/lang/{doc.language}/); "
                "read for country, platforms and dates only"
            )
    return loaded


def _read_bytes(path: Path) -> bytes:
    """A regular file up to safeio.MAX_SOURCE_BYTES: a FIFO, a device or a huge file is skipped."""
    try:
        data = read_regular_file(path)
    except SourcePathError as err:
        raise InputError(f"cannot read source: {err.message}", place=str(path)) from None
    if not data.strip():
        raise InputError("source is empty", place=str(path))
    return data


def _unique_id(path: Path, used: set[str]) -> str:
    """The file name without its extension, made unique with its folder's name when two
    sources share a name (one id form everywhere: see source_ids.py)."""
    base = source_id(path)
    candidate = base
    if candidate in used:
        candidate = _ID_UNSAFE.sub("-", f"{path.parent.name}-{base}").lstrip("._-")
    n = 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def parse_front_matter(text: str, place: str) -> tuple[dict, int]:
    """Front matter as a dict and where the article begins; ({}, 0) when there is none."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    data = load_yaml(m.group(1) or "", place) if m.group(1) else {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of `key: value` lines", place=place)
    return dict(data), m.end()


def _make_doc(doc_id: str, path: Path, text: str, sha: str, language: str | None) -> tuple[Doc, str | None, str]:
    meta, body_start = parse_front_matter(text, str(path))
    if not text[body_start:].strip():
        raise InputError("source has no article text after its front matter", place=str(path))
    published = _published(meta.get("published"), str(path))
    m = _DATE_LINE.match(text, body_start)
    if m:
        if published is None and _PARTIAL_DATE.match(m.group(1)):
            published = m.group(1)
        body_start = m.end()
    while body_start < len(text) and text[body_start].isspace():
        body_start += 1

    code = meta.get("language") or language
    how = "front matter" if meta.get("language") else ("--language" if language else "")
    if not code:
        code, how = detect_language(text[body_start:])
        if code is None:
            raise InputError(
                f"cannot tell the article's language ({how}); add `language: xx` to its front "
                "matter or pass --language",
                place=str(path),
            )
    code = re.split(r"[-_]", str(code or "und").strip().lower())[0]  # "fr-FR" -> "fr"
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise InputError(f"language {code!r} is not an ISO 639-1 code such as en or fr", place=str(path))

    body_end = find_tail(text, body_start, code)
    title = meta.get("title") or _first_line_title(text, body_start)
    day = date.fromisoformat(published) if published and len(published) == 10 else None
    doc = Doc(
        id=doc_id,
        path=path,
        text=text,
        sha256=sha,
        language=code,
        body_start=body_start,
        body_end=body_end,
        published=day,
        title=str(title) if title else None,
        url=str(meta["url"]) if meta.get("url") else None,
        publisher=str(meta["publisher"]) if meta.get("publisher") else None,
        language_supported=code in supported_languages(),
    )
    return doc, published, how


def _published(value: object, place: str) -> str | None:
    if value is None or value == "":
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", text):
        text = text[:10]  # a timestamp: the day is what a record keeps
    if _PARTIAL_DATE.match(text):
        try:
            date.fromisoformat(text if len(text) == 10 else text + "-01")
        except ValueError:
            raise InputError(f"published: {text!r} is not a calendar date", place=place) from None
        return text
    raise InputError(f"published: {text!r} is not a date; write YYYY-MM-DD or YYYY-MM", place=place)


def _first_line_title(text: str, start: int) -> str | None:
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].strip()
    # A headline is short and has no closing full stop; a first sentence is not a title.
    return line if 0 < len(line) <= SHORT_LINE and not line.endswith(".") else None


@cache
def tail_markers(language: str) -> frozenset[str]:
    markers = set(topic(language, "meta").get("tail_markers") or [])
    if language != "en":
        markers |= set(topic("en", "meta").get("tail_markers") or [])  # pages mix languages
    return frozenset(fold(m).casefold() for m in markers)  # compared with folded lines


_LINE = re.compile(r"^[ \t]*(.+?)[ \t:»›>]*$", re.M)


def find_tail(text: str, body_start: int, language: str) -> int | None:
    """Where a "related news"/"leave a reply" tail begins: a line that is only a marker.

    Only lines in the second part of the article count, so a navigation line at the top
    never hides the story.
    """
    markers = tail_markers(language)
    if not markers:
        return None
    min_pos = body_start + (len(text) - body_start) // 4
    for m in _LINE.finditer(text, min_pos):
        line = fold(m.group(1)).casefold().strip()
        if len(line) <= 40 and line in markers and not _story_continues(text, m.end()):
            return m.start()
    return None


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u2013\u2014]|\d+[.)])[ \t]+\S")
_SENTENCE_END_CHARS = ".!?\"'"


def list_block_end(text: str, pos: int) -> int:
    """End of the bullet list that follows `pos` (blank lines allowed), or `pos` if none."""
    end = pos
    seen_item = False
    for line_m in re.finditer(r"[^\n]*(?:\n|$)", text[pos:]):
        line = line_m.group(0)
        if not line:
            break
        if line.strip() and not _LIST_ITEM.match(line):
            break
        seen_item = seen_item or bool(line.strip())
        end = pos + line_m.end()
    return end if seen_item else pos


def _story_continues(text: str, pos: int) -> bool:
    """After "Also read:" and its list of links, does the article go on with real paragraphs?"""
    after = list_block_end(text, pos)
    if after == pos:
        return False
    first = text[after:].lstrip().split("\n", 1)[0].strip()
    return len(first) >= 60 and fold(first)[-1:] in _SENTENCE_END_CHARS


def _store_html_text(path: Path, store_dir: Path, language: str | None) -> Path:
    """Extract an HTML page's main text and metadata, store it as front matter + text."""
    data = _read_bytes(path)
    try:
        import trafilatura  # noqa: PLC0415 - 0.4 s import, only for HTML inputs
    except ImportError:
        raise InputError(
            "reading HTML needs trafilatura: pip install 'shutdown-records[html]'", place=str(path)
        ) from None
    html = data.decode("utf-8", errors="replace")
    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError("no article text found in the page", place=str(path))
    meta = trafilatura.extract_metadata(html)
    front: dict[str, str] = {}
    if meta is not None:
        if getattr(meta, "url", None):
            front["url"] = str(meta.url)
        if getattr(meta, "date", None) and _PARTIAL_DATE.match(str(meta.date)[:10]):
            front["published"] = str(meta.date)[:10]
        if getattr(meta, "title", None):
            front["title"] = str(meta.title)
        if getattr(meta, "sitename", None):
            front["publisher"] = str(meta.sitename)
    if language:
        front["language"] = language
    body = text.strip() + "\n"
    stored = (f"---\n{dump_yaml(front)}---\n" if front else "") + body
    target = store_dir / f"{hashlib.sha256(data).hexdigest()[:16]}.txt"
    if not target.exists() or target.read_text(encoding="utf-8") != stored:
        write_atomic(target, stored)
    return target
