"""Web pages: a fetched response becomes a RawItem (HTML or plain text), or a SourceError."""

from __future__ import annotations

import re

from seasoncheck.models import RawItem, SourceError
from seasoncheck.sources.fetch import FetchError, FetchResult, host_of

TEXT_TYPES = frozenset({"text/plain"})
# Types that say nothing about the body: sniff it for HTML.
UNTYPED = frozenset({"", "application/octet-stream"})
# A server that sends no Content-Type still gets read when the body starts like an HTML page.
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(body: bytes) -> bool:
    """True when the body opens like an HTML document."""
    return bool(_HTML_START.match(body[:2048].lstrip(b"\xef\xbb\xbf")))


def page_item(
    result: FetchResult, origin: str, *, title: str | None = None, published: str | None = None
) -> RawItem | SourceError:
    """The RawItem of a fetched page; an error for an empty, non-text or undecodable body."""
    if not result.body.strip():
        return SourceError(origin, f"empty response (HTTP {result.status})", "fetch")
    is_html = result.is_html or (result.content_type in UNTYPED and looks_like_html(result.body))
    if not is_html and result.content_type not in TEXT_TYPES:
        kind = result.content_type or "no content type"
        return SourceError(origin, f"not an HTML page ({kind})", "fetch")
    try:
        text = result.text()
    except FetchError as exc:
        return SourceError(origin, str(exc), "fetch")
    return RawItem(
        origin=origin,
        html=text if is_html else None,
        text=None if is_html else text,
        url=result.final_url,
        site=host_of(result.final_url),
        title=title,
        published=published,
        fetched=result.fetched,
        raw_size=len(result.body),
    )
