"""Files and folders: .txt/.md, .html/.htm, .jsonl (the claims spec's input), WARC and feed files."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

import orjson

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import MAX_ARTICLE_CHARS, Settings
from seasoncheck.sources.decode import BINARY_SCAN_BYTES, decode_bytes, looks_binary
from seasoncheck.sources.feeds import is_feed, read_feed_file
from seasoncheck.sources.fetch import host_of
from seasoncheck.sources.warc import read_warc
from seasoncheck.store import Store

log = logging.getLogger(__name__)

KIND_BY_SUFFIX = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
SUPPORTED = ".txt, .md, .html, .htm, .jsonl, .warc, .warc.gz, .rss, .atom, .xml"
JSONL_STRING_FIELDS = ("url", "site", "lang", "published", "title", "text", "html")
_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
}


def file_kind(path: Path) -> str | None:
    """What a file holds, by its name: text, html, jsonl, warc or feed; None when unsupported."""
    if path.name.lower().endswith(".warc.gz"):
        return "warc"
    return KIND_BY_SUFFIX.get(path.suffix.lower())


def read_path(
    path: Path, settings: Settings, *, store: Store | None = None, since: date | None = None
) -> Iterator[RawItem | SourceError]:
    """Yield the items of a file, or of every supported file below a folder."""
    if path.is_dir():
        yield from _read_folder(path, settings, store=store, since=since)
    elif not path.exists():
        yield SourceError(str(path), "no such file or folder")
    else:
        yield from read_file(path, settings, store=store, since=since)


def _read_folder(
    folder: Path, settings: Settings, *, store: Store | None, since: date | None
) -> Iterator[RawItem | SourceError]:
    """Every supported file below ``folder``, in sorted order; hidden files and folders skipped."""
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        kind = file_kind(path)
        if hidden or kind is None or not path.is_file():
            continue
        if kind == "feed" and path.suffix.lower() == ".xml" and not _sniff_feed(path):
            log.debug("skipping %s: XML but not a feed", path)
            continue
        yield from read_file(path, settings, store=store, since=since)


def _sniff_feed(path: Path) -> bool:
    """True when an .xml file's root element is a feed's."""
    try:
        with path.open("rb") as f:
            return is_feed("", f.read(4096))
    except OSError:
        return True  # let read_file report the error


def read_file(
    path: Path, settings: Settings, *, store: Store | None = None, since: date | None = None
) -> Iterator[RawItem | SourceError]:
    """Yield the items of one file, by its kind; an error for an unsupported file type."""
    kind = file_kind(path)
    if kind is None:
        suffix = "".join(path.suffixes[-1:]) or "no suffix"
        yield SourceError(str(path), f"unsupported file type ({suffix}); expected {SUPPORTED}")
    elif kind == "warc":
        yield from read_warc(path, settings)
    elif kind == "jsonl":
        yield from read_jsonl(path, settings)
    else:
        data = read_small_file(path, settings)
        if isinstance(data, SourceError):
            yield data
        elif kind == "feed":
            yield from _read_feed_file(path, data, settings, store=store, since=since)
        else:
            item = text_item(path, data, html=kind == "html")
            yield text_too_long(item, settings.max_article_chars) or item


def _read_feed_file(
    path: Path, data: bytes, settings: Settings, *, store: Store | None, since: date | None
) -> Iterator[RawItem | SourceError]:
    """A saved RSS/Atom file; its state is remembered under the file's absolute URI."""
    if not is_feed("", data):
        yield SourceError(
            str(path), "not an RSS or Atom feed (root element is not rss, feed or rdf:RDF)"
        )
        return
    yield from read_feed_file(path.resolve().as_uri(), data, settings, store=store, since=since)


def read_small_file(path: Path, settings: Settings) -> bytes | SourceError:
    """A file's bytes, or the reason it cannot be an article: empty, too large, binary, unreadable."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            return SourceError(
                origin, f"file too large: {size} bytes (limit {settings.max_file_bytes})"
            )
        data = path.read_bytes()
    except OSError as exc:
        return SourceError(origin, f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return SourceError(origin, "empty file")
    if looks_binary(data):
        return SourceError(origin, "binary file (contains NUL bytes), not text")
    return data


def text_item(path: Path, data: bytes, *, html: bool) -> RawItem | SourceError:
    """A text or HTML file as a RawItem; an error when no text encoding fits its bytes."""
    decoded = decode_bytes(data, markup=html)
    if decoded is None:
        return SourceError(str(path), "cannot decode: not UTF-8 and no other text encoding fits")
    text = decoded[0]
    return RawItem(
        origin=str(path),
        html=text if html else None,
        text=None if html else text,
        raw_size=len(data),
    )


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawItem | SourceError]:
    """One RawItem per line of a JSONL file (streamed; each line at most ``max_jsonl_line_bytes``)."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield SourceError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        if looks_binary(stream.read(BINARY_SCAN_BYTES)):
            yield SourceError(str(path), "binary file (contains NUL bytes), not JSONL")
            return
        stream.seek(0)
        records = 0
        limit = min(settings.max_jsonl_line_bytes, settings.max_file_bytes)
        for number, line in _lines(stream, limit):
            origin = f"{path}:{number}"
            if line is None:
                yield SourceError(origin, f"line too long (over {limit} bytes)")
            elif line.strip():
                records += 1
                yield jsonl_item(line, origin, max_chars=settings.max_article_chars)
    if not records:
        yield SourceError(str(path), "empty file")


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; the line is None when it is longer than ``limit`` bytes."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def text_too_long(item: RawItem | SourceError, max_chars: int) -> SourceError | None:
    """An error when an item's plain text is longer than ``max_chars`` characters, else None."""
    if isinstance(item, RawItem) and item.text and len(item.text) > max_chars:
        return SourceError(
            item.origin, f"article text too long: {len(item.text)} characters (limit {max_chars})"
        )
    return None


def jsonl_item(
    line: bytes, origin: str, *, max_chars: int = MAX_ARTICLE_CHARS
) -> RawItem | SourceError:
    """One JSONL record in the claims spec's input format; text is kept byte for byte."""
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return SourceError(origin, f"not valid JSON: {exc}")
    problem = _record_problem(record)
    if problem:
        return SourceError(origin, problem)
    url = record.get("url")
    item = RawItem(
        origin=origin,
        text=record.get("text"),
        html=record.get("html"),
        url=url,
        site=record.get("site") or (host_of(url) if url else None),
        title=record.get("title"),
        published=record.get("published"),
        lang=record.get("lang"),
        doc_id=str(record["id"]),
        raw_size=len(line),
        text_is_clean=True,
    )
    return text_too_long(item, max_chars) or item


def _record_problem(record: Any) -> str | None:
    """Why a parsed JSONL value is not an article record, or None when it is one."""
    if not isinstance(record, dict):
        return f"not a JSON object (got {_JSON_KINDS.get(type(record), 'null')})"
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        return 'no "id" field'
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool):
        return '"id" must be a string'
    for field in JSONL_STRING_FIELDS:
        if record.get(field) is not None and not isinstance(record[field], str):
            return f'"{field}" must be a string or null'
    if not (record.get("text") or record.get("html")):
        return 'neither "text" nor "html" has content'
    return None
