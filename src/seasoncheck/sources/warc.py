"""Web archives (.warc, .warc.gz) with FastWARC: each HTML ``response`` record becomes a RawItem.

Other records (requests, metadata, images, redirects, error pages) are passed over silently;
a truncated or corrupt archive gives one SourceError after the records that could be read.
"""

from __future__ import annotations

import io
import logging
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader
from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources.decode import decode_bytes
from seasoncheck.sources.fetch import HTML_TYPES, host_of

log = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
CHUNK_BYTES = 1 << 20
# A WARC record header is a few hundred bytes; 64 KiB is FastWARC's own default header limit.
MAX_HEADER_BYTES = 64 << 10
_CONTENT_LENGTH = re.compile(rb"^content-length:\s*(\d+)\s*$", re.I | re.M)


def read_warc(path: Path, settings: Settings) -> Iterator[RawItem | SourceError]:
    """Yield a RawItem per HTML response record of a WARC file (plain or gzip), errors inline."""
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield SourceError(origin, f"cannot open: {exc.strerror or exc}")
        return
    yielded, last_pos, cut_short = 0, None, False
    with stream:
        # Every record type, so that ``last_pos`` is the start of the archive's last record.
        records = ArchiveIterator(stream, parse_http=True, auto_decode="none")
        try:
            for record in records:
                last_pos = record.stream_pos
                item = record_item(record, origin, settings)
                cut_short = isinstance(item, SourceError) and item.reason.startswith("truncated")
                if item is not None:
                    yielded += 1
                    yield item
        except OSError as exc:  # FastWARC raises OSError for bad headers and broken gzip members
            where = "at the start" if last_pos is None else f"after the record at offset {last_pos}"
            yield SourceError(origin, f"truncated or corrupt WARC ({where}): {exc}")
            return
    # FastWARC stops quietly when the file ends inside a record header; look at the tail.
    problem = tail_problem(path, last_pos or 0)
    if problem and not cut_short:  # a short last record was reported already
        yield SourceError(origin, f"truncated or corrupt WARC: {problem}")
    elif not yielded:
        yield SourceError(origin, "no HTML response records in this WARC")


def record_item(record: WarcRecord, path: str, settings: Settings) -> RawItem | SourceError | None:
    """The RawItem of one HTML response record; None for records that hold no page."""
    origin = f"{path}@{record.stream_pos}"
    if record.record_type != WarcRecordType.response or not _is_html_page(record):
        return None
    limit = min(settings.max_warc_record_bytes, settings.max_response_bytes)
    if record.content_length > limit:
        return SourceError(
            origin, f"record too large: {record.content_length} bytes (limit {limit})"
        )
    raw = record.reader.read()
    if len(raw) < record.content_length:
        return SourceError(origin, f"truncated record: {len(raw)} of {record.content_length} bytes")
    try:
        body = decode_payload(raw, record.http_headers, limit)
    except OSError as exc:
        return SourceError(origin, f"cannot decompress the page: {exc}")
    if len(body) > limit:
        return SourceError(origin, f"record too large: decompresses to over {limit} bytes")
    decoded = decode_bytes(body, record.http_charset, markup=True)
    if decoded is None:
        return SourceError(origin, "cannot decode the page as text")
    url = record.headers.get("WARC-Target-URI")
    return RawItem(
        origin=origin,
        html=decoded[0],
        url=url,
        site=host_of(url) if url else None,
        fetched=record.headers.get("WARC-Date"),
        raw_size=len(body),
    )


def _is_html_page(record: WarcRecord) -> bool:
    """A successful HTTP response whose content type is HTML."""
    if not record.is_http:
        return False
    status = record.http_headers.status_code
    content_type = (record.http_content_type or "").lower()
    return status is not None and 200 <= status < 300 and content_type in HTML_TYPES


def decode_payload(raw: bytes, headers: HeaderMap, limit: int = -2) -> bytes:
    """Undo the transfer and content encodings a WARC keeps as the server sent them.

    At most ``limit + 1`` decoded bytes are produced (a compression bomb stops there).
    """
    body = raw
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        body = ChunkedReader(io.BytesIO(body)).read()
    encoding = (headers.get("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        body = GzipReader(io.BytesIO(body)).read(limit + 1)
    elif encoding == "deflate":
        body = GzipReader(io.BytesIO(body), zlib=True).read(limit + 1)
    elif encoding == "br":
        body = BrotliReader(io.BytesIO(body)).read(limit + 1)
    return body


def tail_problem(path: Path, last_pos: int) -> str | None:
    """Why the archive does not end cleanly after the record at ``last_pos``, or None if it does."""
    try:
        with path.open("rb") as f:
            gzipped = f.read(2) == GZIP_MAGIC
            f.seek(last_pos)
            if gzipped:
                return _gzip_tail_problem(f)
            if last_pos == 0 and path.stat().st_size == 0:
                return "empty file"
            return _plain_tail_problem(f, last_pos)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"


def _gzip_tail_problem(f: BinaryIO) -> str | None:
    """Decompress the last gzip member (output discarded) and check that nothing follows it."""
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while not member.eof and (data := f.read(CHUNK_BYTES)):
            while data and not member.eof:
                member.decompress(data, CHUNK_BYTES)
                data = member.unconsumed_tail
    except zlib.error as exc:
        return f"the last gzip member is damaged ({exc})"
    if not member.eof:
        return "the file ends inside the last record's gzip member"
    if (member.unused_data + f.read(64)).strip(b"\r\n\x00"):
        return "a record is cut off after the last complete one"
    return None


def _plain_tail_problem(f: BinaryIO, last_pos: int) -> str | None:
    """Check that the last uncompressed record is complete and nothing follows it."""
    head = f.read(MAX_HEADER_BYTES)
    end = head.find(b"\r\n\r\n")
    length = _CONTENT_LENGTH.search(head[:end]) if end >= 0 else None
    if length is None:
        return "the file ends inside a record header"
    record_end = (
        last_pos + end + 4 + int(length.group(1)) + 4
    )  # header, blank line, block, CRLF CRLF
    f.seek(0, io.SEEK_END)
    if f.tell() < record_end:
        return "the file ends inside the last record"
    f.seek(record_end)
    if f.read(64).strip(b"\r\n"):
        return "a record is cut off after the last complete one"
    return None
