"""Responses served from bytes computed once per store change, with ETag/304 and gzip.

The verdict API and the season page are the hot paths: their bodies are built from a cached
report, serialised once, and kept with their ETag (and their gzip form once a client asks for
it). A request that finds its body cached costs a dictionary lookup and a socket write.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
from dataclasses import dataclass, field

from fastapi import Request
from fastapi.responses import Response

log = logging.getLogger(__name__)

# Bodies smaller than this go out uncompressed: gzip's header and the CPU are not worth it
# (the same threshold as Starlette's GZipMiddleware default).
GZIP_MIN_BYTES = 1000
# Level 6 (zlib's default): the 60 KB verdict body compresses to ~8 KB in ~1 ms, once per
# store change; level 9 saved under 2 % more.
GZIP_LEVEL = 6
# Clients may keep a copy but must ask again (If-None-Match) before using it: a verdict can
# change with the next ingest.
CACHE_CONTROL = "no-cache"


@dataclass
class CachedBody:
    """A response body, its ETag and, made on first demand, its gzip form."""

    body: bytes
    media_type: str
    etag: str
    _gzipped: bytes | None = field(default=None, repr=False)

    def gzipped(self) -> bytes:
        """The body compressed with gzip (computed once; a race only computes it twice)."""
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, GZIP_LEVEL, mtime=0)
        return self._gzipped


def cached_body(body: bytes | str, media_type: str) -> CachedBody:
    """Bytes (``str`` is UTF-8 encoded) with a weak ETag from their BLAKE2b digest.

    Weak (``W/``) because the gzip and identity forms share it: they are the same content.
    """
    data = body.encode() if isinstance(body, str) else body
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    return CachedBody(data, media_type, f'W/"{digest}"')


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, RFC 9110 13.1.2)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == wanted for tag in if_none_match.split(","))


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether ``Accept-Encoding`` allows gzip (and does not refuse it with ``q=0``)."""
    for part in (accept_encoding or "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() == "gzip":
            q = params.replace(" ", "").removeprefix("q=")
            return not params or _positive(q)
    return False


def _positive(q: str) -> bool:
    """True unless the quality value is zero (or not a number)."""
    try:
        return float(q) > 0
    except ValueError:
        return False


def send_cached(request: Request, entry: CachedBody) -> Response:
    """200 with the body (gzip when accepted and worth it), or 304 when the client's copy is current."""
    headers = {"etag": entry.etag, "cache-control": CACHE_CONTROL, "vary": "Accept-Encoding"}
    if etag_matches(request.headers.get("if-none-match"), entry.etag):
        return Response(status_code=304, headers=headers)
    body = entry.body
    if len(body) >= GZIP_MIN_BYTES and accepts_gzip(request.headers.get("accept-encoding")):
        body = entry.gzipped()
        headers["content-encoding"] = "gzip"
    return Response(body, media_type=entry.media_type, headers=headers)
