"""HTTP fetching: the one place seasoncheck touches the network (pages, feeds, feed items).

Redirects are followed by hand, hop by hop, so that every URL the client visits passes through
``check_url`` (http/https only; literal IPs checked against the address policy). Host names are
resolved once, at connect time, by ``GuardedBackend``: every address is checked and the socket
connects to the checked address, so a rebinding DNS server gets no second look-up (the Host header
and TLS SNI keep the name). Bodies are streamed and cut off at ``settings.max_response_bytes``.
"""

from __future__ import annotations

import logging
import socket
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from seasoncheck.netcheck import AddressPolicy, BlockedAddress, parse_ip
from seasoncheck.settings import Settings, env_fetch_allow
from seasoncheck.sources.decode import decode_bytes

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Pages, then feeds; anything else last (a server without content negotiation ignores this).
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
# Encodings we decode ourselves, in bounded steps (httpx would decode a whole network chunk at
# once, and 64 KB of brotli can expand to gigabytes).
ACCEPT_ENCODING = "gzip, deflate, br"
# Decoded bytes produced per decoder call: bounds the memory a bomb can take before the cap trips.
DECODE_STEP = 256 * 1024
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# The read timeout bounds each wait for bytes, not the whole body: a server that drips a byte
# every few seconds would never trip it. The body must arrive within this many read timeouts
# (80 s with the defaults; a 1.4 MB page, the largest in the extraction benchmark, takes well
# under a second on a slow 10 Mbit/s line).
BODY_DEADLINE_READ_TIMEOUTS = 4


class FetchError(Exception):
    """A URL could not be fetched; the message is one line naming the reason."""


class BlockedConnect(httpx.ConnectError):
    """A connection refused by the address policy (an httpx error, so any caller catches it)."""


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


def check_url(url: str, policy: AddressPolicy | None = None) -> None:
    """Refuse URLs seasoncheck must not fetch: not http/https, no host, or a refused literal IP.

    ``policy`` defaults to the allow-list in ``SEASONCHECK_FETCH_ALLOW``. Host names are checked
    later, when they are resolved (see ``GuardedBackend``).
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(f"unsupported URL scheme {parts.scheme!r} (only http and https)")
    if not parts.hostname:
        raise FetchError("URL has no host")
    ip = parse_ip(parts.hostname)
    if ip is not None:
        policy = policy or AddressPolicy.from_entries(env_fetch_allow())
        try:
            policy.check(parts.hostname, ip)
        except BlockedAddress as exc:
            raise FetchError(str(exc)) from None


def policy_for(settings: Settings) -> AddressPolicy:
    """The address policy of a Settings object (its ``fetch_allow`` list)."""
    return AddressPolicy.from_entries(settings.fetch_allow)


class GuardedBackend(httpcore.SyncBackend):
    """An httpcore network backend that resolves once, checks every address, connects to it."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(  # type: ignore[override]
        self, host: str, port: int, timeout: float | None = None, **kwargs: object
    ) -> httpcore.NetworkStream:
        """Connect to the first checked address of ``host``; refuse if any address is blocked."""
        addresses = self._checked_addresses(host, port)
        last: Exception | None = None
        for ip in addresses:
            try:
                return super().connect_tcp(ip, port, timeout, **kwargs)  # type: ignore[arg-type]
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")

    def _checked_addresses(self, host: str, port: int) -> list[str]:
        """All addresses ``host`` resolves to, each passed by the policy (else BlockedConnect)."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        out: list[str] = []
        for info in infos:
            address = str(info[4][0])
            ip = parse_ip(address)
            reason = self.policy.refusal(host, ip) if ip else f"{host}: unusable address"
            if reason:
                raise BlockedConnect(reason)
            if address not in out:
                out.append(address)
        return out


def guarded_transport(settings: Settings | AddressPolicy) -> httpx.HTTPTransport:
    """An httpx transport whose connections pass the address policy of ``settings`` (or the policy).

    Use it for every client that fetches user-supplied or server-supplied URLs::

        httpx.Client(transport=guarded_transport(settings), trust_env=False)
    """
    transport = httpx.HTTPTransport()
    # httpx offers no network_backend argument; the pool is rebuilt with the same SSL context.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),
        network_backend=GuardedBackend(
            settings if isinstance(settings, AddressPolicy) else policy_for(settings)
        ),
    )
    return transport


@contextmanager
def open_client(settings: Settings) -> Iterator[httpx.Client]:
    """An HTTP client with seasoncheck's user agent, timeouts and address policy.

    Redirects stay manual; environment proxies are ignored (a proxy would resolve names itself,
    out of reach of the address check).
    """
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.connect_timeout,
    )
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    transport = guarded_transport(settings)
    with httpx.Client(
        timeout=timeout,
        headers=headers,
        follow_redirects=False,
        transport=transport,
        trust_env=False,
    ) as client:
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
    except BlockedConnect as exc:
        raise FetchError(str(exc)) from exc
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
    policy = policy_for(settings)
    while True:
        check_url(current, policy)
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
    """The decoded body, refused as soon as it grows past a size cap or runs too long.

    ``max_response_bytes`` caps the bytes on the wire; ``max_decompressed_bytes`` the decoded
    bytes of a compressed body, checked step by step as they are produced.
    """
    cap = settings.max_response_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(f"response too large: {int(declared)} bytes declared (limit {cap})")
    decode = _decoder_for(response.headers.get("Content-Encoding", ""))
    deadline = time.monotonic() + BODY_DEADLINE_READ_TIMEOUTS * settings.read_timeout
    chunks: list[bytes] = []
    wire = size = 0
    for raw in response.iter_raw():
        wire += len(raw)
        if wire > cap:
            raise FetchError(f"response too large: over {cap} bytes")
        for chunk in decode(raw):
            size += len(chunk)
            _check_decoded(size, settings, decode)
            chunks.append(chunk)
        _check_deadline(deadline, settings)
    for chunk in decode(b""):
        size += len(chunk)
        _check_decoded(size, settings, decode)
        chunks.append(chunk)
    return b"".join(chunks)


def _check_decoded(size: int, settings: Settings, decode: Decoder) -> None:
    """Raise once a compressed body decodes past ``max_decompressed_bytes``."""
    limit = settings.max_decompressed_bytes
    if decode is not _identity and size > limit:
        raise FetchError(f"response too large: decompresses to over {limit} bytes")
    if decode is _identity and size > settings.max_response_bytes:
        raise FetchError(f"response too large: over {settings.max_response_bytes} bytes")


def _check_deadline(deadline: float, settings: Settings) -> None:
    """Raise when the body has taken longer than the body deadline."""
    if time.monotonic() > deadline:
        limit = BODY_DEADLINE_READ_TIMEOUTS * settings.read_timeout
        raise FetchError(f"timed out reading the body (limit {limit:g} s)")


Decoder = Callable[[bytes], Iterator[bytes]]


def _identity(data: bytes) -> Iterator[bytes]:
    """No Content-Encoding: the bytes as they came."""
    if data:
        yield data


def _decoder_for(content_encoding: str) -> Decoder:
    """A step-wise decoder for a Content-Encoding header (one coding; identity when absent)."""
    codings = [c.strip().lower() for c in content_encoding.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return _identity
    if len(codings) == 1 and codings[0] in ("gzip", "x-gzip", "deflate"):
        return _zlib_decoder()
    if codings == ["br"]:
        return _brotli_decoder()
    raise FetchError(f"unsupported Content-Encoding {content_encoding!r}")


def _zlib_decoder() -> Decoder:
    """gzip or zlib-wrapped deflate (header auto-detected), at most DECODE_STEP bytes per call."""
    state = zlib.decompressobj(zlib.MAX_WBITS | 32)

    def decode(data: bytes) -> Iterator[bytes]:
        try:
            while True:
                out = state.decompress(data, DECODE_STEP)
                if out:
                    yield out
                data = state.unconsumed_tail
                if not data and len(out) < DECODE_STEP:
                    return
        except zlib.error as exc:
            raise FetchError(f"cannot decompress the response: {exc}") from None

    return decode


def _brotli_decoder() -> Decoder:
    """brotli, at most about DECODE_STEP bytes per call."""
    import brotli

    state = brotli.Decompressor()

    def decode(data: bytes) -> Iterator[bytes]:
        try:
            out = state.process(data, output_buffer_limit=DECODE_STEP)
            while out:
                yield out
                if state.is_finished():
                    return
                out = state.process(b"", output_buffer_limit=DECODE_STEP)
        except brotli.error as exc:
            raise FetchError(f"cannot decompress the response: {exc}") from None

    return decode


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
