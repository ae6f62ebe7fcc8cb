"""Security for the web layer: response headers on every response and the bearer-token check."""

from __future__ import annotations

import hmac
import logging
from typing import Any

import orjson

log = logging.getLogger(__name__)

# No inline scripts or styles anywhere (pages work without JavaScript); inline SVG uses
# presentation attributes, which CSP does not restrict. data: images only for the favicon.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


# Largest request body accepted. An ingest record holds one article: the longest article text
# allowed (500,000 characters, Settings.max_article_chars) is ~0.5-1 MB of JSON, so 1 MiB
# admits every acceptable record and refuses uploads meant only to use up memory.
MAX_BODY_BYTES = 1024 * 1024
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


class SecurityHeaders:
    """Pure ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response.

    Pure ASGI rather than ``BaseHTTPMiddleware``: it adds nothing but the headers to each
    request's cost, which the benchmark's p99 notices.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on; add the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def token_matches(configured: str | None, header: str | None) -> bool | None:
    """None when no token is configured, else whether ``Authorization: Bearer <t>`` matches it.

    The comparison is constant-time (``hmac.compare_digest``) so timing does not leak the token.
    """
    if not configured:
        return None
    if not header:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        return False
    return hmac.compare_digest(given.strip().encode(), configured.encode())


class BodySizeLimit:
    """Pure ASGI middleware refusing request bodies over ``limit`` bytes with 413.

    A declared ``Content-Length`` over the limit is refused before the body is read; a body
    without one (chunked) is read up to the limit and then replayed to the app.
    """

    def __init__(self, app: Any, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Refuse an over-long body; pass everything else on unchanged."""
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        if _declared_length(scope) > self.limit:
            await _too_large(send, self.limit)
            return
        messages = await self._read_body(receive)
        if messages is None:
            await _too_large(send, self.limit)
            return
        replay = iter(messages)

        async def receive_again() -> Any:
            return next(replay, None) or await receive()

        await self.app(scope, receive_again, send)

    async def _read_body(self, receive: Any) -> list[Any] | None:
        """The body's messages, or None once they add up to more than the limit."""
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.limit:
                return None
            if message["type"] != "http.request" or not message.get("more_body"):
                return messages


def _declared_length(scope: Any) -> int:
    """The request's ``Content-Length`` (0 when absent or not a number)."""
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


async def _too_large(send: Any, limit: int) -> None:
    """Answer 413 in the API's JSON error envelope, with the security headers."""
    body = orjson.dumps(
        {"ok": False, "error": f"request body too large (limit {limit} bytes)",
         "status": 413, "errors": []}
    )  # fmt: skip
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
