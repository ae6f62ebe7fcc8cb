"""HTTP fetching: the one place seasoncheck touches the network (pages, feeds, feed items).

Redirects are followed by hand, hop by hop, so that every URL the client visits passes through
``check_url`` (today: http/https only; the place for per-hop address checks later). Bodies are
streamed and cut off at ``settings.max_response_bytes``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from seasoncheck.settings import Settings
from seasoncheck.sources.decode import decode_bytes

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Pages, then feeds; anything else last (a server without content negotiation ignores this).
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# The read timeout bounds each wait for bytes, not the whole body: a server that drips a byte
# every few seconds would never trip it. The body must arrive within this many read timeouts
# (80 s with the defaults; a 1.4 MB page, the largest in the extraction benchmark, takes well
# under a second on a slow 10 Mbit/s line).
BODY_DEADLINE_READ_TIMEOUTS = 4


class FetchError(Exception):
    """A URL could not be fetched; the message is one line naming the reason."""


@dataclass(frozen=True)
class FetchResult:
    """A fetched response: final URL after redirects, status, body and validators."""

    url: str  # as requested
    final_url: str
    status: int
    body: bytes = b""
    content_type: str = ""  # media type, lower case, without parameters
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    fetched: str = ""  # ISO 8601 UTC

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304

    @property
    def is_html(self) -> bool:
        """True when the server says the body is HTML."""
        return self.content_type in HTML_TYPES

    def text(self) -> str:
        """The body as text: declared charset when it decodes cleanly, else detected."""
        decoded = decode_bytes(self.body, self.charset, markup=True)
        if decoded is None:
            raise FetchError(
                f"cannot decode the response as text (declared {self.charset or 'nothing'})"
            )
        return decoded[0]


def now_iso() -> str:
    """Current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def host_of(url: str) -> str | None:
    """The site a URL belongs to: its host name, lower case, without a leading ``www.``."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def check_url(url: str) -> None:
    """Refuse URLs seasoncheck must not fetch (only http/https with a host, for now)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    if not parts.hostname:
        raise FetchError("URL has no host")


@contextmanager
def open_client(settings: Settings) -> Iterator[httpx.Client]:
    """An HTTP client with seasoncheck's user agent and timeouts; redirects stay manual."""
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.connect_timeout,
    )
    headers = {"User-Agent": settings.user_agent, "Accept": ACCEPT}
    with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
        yield client


def fetch(
    url: str,
    settings: Settings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET a URL, following at most ``settings.max_redirects`` redirects; raise FetchError.

    ``etag``/``last_modified`` make the request conditional: a 304 comes back as a result with
    ``not_modified`` set and no body. Example::

        result = fetch("https://example.com/news/1", Settings.from_env())
        html = result.text()
    """
    if client is None:
        with open_client(settings) as own:
            return fetch(url, settings, etag=etag, last_modified=last_modified, client=own)
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        return _follow(url, settings, client, headers)
    except httpx.TimeoutException as exc:
        raise FetchError(_timeout_reason(exc, settings)) from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid URL: {exc}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {_one_line(exc)}") from exc


def _follow(
    url: str, settings: Settings, client: httpx.Client, headers: dict[str, str]
) -> FetchResult:
    """Request ``url`` and each redirect target in turn until a non-redirect answer."""
    visited: list[str] = []
    current = url
    while True:
        check_url(current)
        if current in visited:
            raise FetchError(f"redirect loop at {current}")
        if len(visited) > settings.max_redirects:
            raise FetchError(f"too many redirects (more than {settings.max_redirects})")
        visited.append(current)
        with client.stream("GET", current, headers=headers) as response:
            if response.status_code in REDIRECT_STATUSES:
                current = _redirect_target(response, current)
                continue
            return _read_response(url, current, response, settings)


def _redirect_target(response: httpx.Response, current: str) -> str:
    """The absolute URL a redirect points to."""
    location: str | None = response.headers.get("Location")
    if not location:
        raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
    target = urljoin(current, location)
    log.debug("redirect %s -> %s", current, target)
    return target


def _read_response(
    url: str, final_url: str, response: httpx.Response, settings: Settings
) -> FetchResult:
    """Turn a final (non-redirect) response into a FetchResult, or raise for an error status."""
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
    media_type, charset = _parse_content_type(response.headers.get("Content-Type", ""))
    body = b"" if response.status_code == 304 else _read_capped(response, settings)
    return FetchResult(
        url=url,
        final_url=final_url,
        status=response.status_code,
        body=body,
        content_type=media_type,
        charset=charset,
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
        fetched=now_iso(),
    )


def _read_capped(response: httpx.Response, settings: Settings) -> bytes:
    """The (decompressed) body, refused as soon as it grows past the size cap or runs too long."""
    cap = settings.max_response_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(f"response too large: {int(declared)} bytes declared (limit {cap})")
    deadline = time.monotonic() + BODY_DEADLINE_READ_TIMEOUTS * settings.read_timeout
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise FetchError(f"response too large: over {cap} bytes")
        if time.monotonic() > deadline:
            limit = BODY_DEADLINE_READ_TIMEOUTS * settings.read_timeout
            raise FetchError(f"timed out reading the body (limit {limit:g} s)")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse_content_type(value: str) -> tuple[str, str | None]:
    """Media type (lower case) and charset parameter of a Content-Type header."""
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _timeout_reason(exc: httpx.TimeoutException, settings: Settings) -> str:
    """A one-line reason for a timeout, naming the limit that was hit."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting (limit {settings.connect_timeout:g} s)"
    return f"timed out waiting for the server (read limit {settings.read_timeout:g} s)"


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line (httpx sometimes nests newlines)."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
