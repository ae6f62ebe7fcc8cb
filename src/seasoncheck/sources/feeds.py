"""RSS/Atom feeds (feedparser): each entry's full content when the feed carries it, else its link.

With a store, a feed remembers its last ETag/Last-Modified (a 304 means nothing new) and the keys
of the entries it already yielded, so a re-run fetches only new entries.
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import feedparser
import httpx
import lxml.html
from lxml.etree import ParserError

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources.fetch import FetchError, fetch, host_of, now_iso, open_client
from seasoncheck.sources.pages import page_item
from seasoncheck.store import FeedState, Store

log = logging.getLogger(__name__)

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
# Feeds put a teaser of one or two sentences (under ~400 characters) in <description>; a news
# article runs to several paragraphs. Content below this many characters of text is taken as
# a teaser and the entry's link is fetched instead.
FULL_CONTENT_MIN_CHARS = 500
# The first element of an XML body, after a BOM, XML declaration, comments and DOCTYPE.
_ROOT = re.compile(
    rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)", re.S | re.I
)
_SINCE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class FeedContext:
    """What reading one feed needs besides the feed itself."""

    key: str  # the feed's URL (or file URI): where its state is remembered
    settings: Settings
    client: httpx.Client
    store: Store | None = None
    since: date | None = None


def parse_since(value: str) -> date:
    """``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``: the first day) as a date; ValueError otherwise."""
    match = _SINCE.match(value.strip())
    try:
        if not match:
            raise ValueError(value)
        year, month, day = match.groups()
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"--since must be a date like 2024-03-01, not {value!r}") from None


def is_feed(content_type: str, body: bytes) -> bool:
    """True when the content type names a feed or the body's root element is rss/feed/rdf:RDF."""
    if content_type in FEED_TYPES:
        return True
    match = _ROOT.match(body[:4096].lstrip(b"\xef\xbb\xbf"))
    return match is not None and match.group(1).decode("ascii").lower() in FEED_ROOTS


def read_feed_response(
    ctx: FeedContext, body: bytes, *, content_type: str, base_url: str, validators: FeedState
) -> Iterator[RawItem | SourceError]:
    """Yield the new entries of a fetched feed; remember its validators and the entries taken."""
    parsed = _parse(body, content_type, base_url)
    if parsed.bozo and not parsed.entries:
        yield SourceError(ctx.key, f"broken feed: {_bozo_reason(parsed)}", "read")
        return
    if parsed.bozo:
        log.warning("feed %s is malformed, reading what parsed: %s", ctx.key, _bozo_reason(parsed))
    taken: list[str] = []
    failed = False
    limit = ctx.settings.max_feed_items
    if len(parsed.entries) > limit:
        yield SourceError(
            ctx.key,
            f"feed has {len(parsed.entries)} entries: reading the first {limit} only",
            "read",
        )
    for item_key, item in _read_entries(ctx, parsed.entries[:limit]):
        yield item
        if isinstance(item, SourceError):
            failed = True
        else:
            taken.append(item_key)
    if ctx.store is not None:
        _save_state(ctx, validators, parsed, taken, failed)


def read_feed_file(
    path_uri: str, body: bytes, settings: Settings, *, store: Store | None, since: date | None
) -> Iterator[RawItem | SourceError]:
    """Yield the entries of a feed saved as a file (links are still fetched)."""
    with open_client(settings) as client:
        ctx = FeedContext(path_uri, settings, client, store, since)
        yield from read_feed_response(
            ctx,
            body,
            content_type="application/xml",
            base_url=path_uri,
            validators=FeedState(path_uri),
        )


def _parse(body: bytes, content_type: str, base_url: str) -> feedparser.FeedParserDict:
    """feedparser over the bytes (a stream, so feedparser never opens a URL or file itself)."""
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    return feedparser.parse(io.BytesIO(body), response_headers=headers)


def _bozo_reason(parsed: feedparser.FeedParserDict) -> str:
    """feedparser's parse error on one line."""
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "not a feed"
    return " ".join(str(exc).split()) or type(exc).__name__


def _read_entries(
    ctx: FeedContext, entries: list[feedparser.FeedParserDict]
) -> Iterator[tuple[str, RawItem | SourceError]]:
    """(key, item) for every entry not seen before and not older than ``since``."""
    seen = ctx.store.seen_feed_items(ctx.key) if ctx.store is not None else set()
    for entry in entries:
        key = entry_key(entry)
        if key in seen:
            continue
        seen.add(key)
        published = entry_date(entry)
        if ctx.since and published and published < ctx.since:
            log.debug("skipping %s: published %s, before --since", key, published)
            continue
        yield key, _entry_item(ctx, entry, published)


def entry_key(entry: feedparser.FeedParserDict) -> str:
    """A stable key for an entry: its id/guid, else its link, else a hash of title and summary."""
    key = entry.get("id") or entry.get("link")
    if key:
        return str(key)
    raw = f"{entry.get('title', '')}\n{entry.get('summary', '')}".encode()
    return "sha1:" + hashlib.sha1(raw).hexdigest()


def entry_date(entry: feedparser.FeedParserDict) -> date | None:
    """The entry's published (else updated) date, in UTC as feedparser normalises it."""
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def _entry_item(
    ctx: FeedContext, entry: feedparser.FeedParserDict, published: date | None
) -> RawItem | SourceError:
    """The entry's full content as a RawItem, or its link fetched, or an error."""
    link = entry.get("link")
    title = entry.get("title") or None
    when = published.isoformat() if published else None
    origin = link or f"{ctx.key}#{entry_key(entry)}"
    content = full_content(entry)
    if content is not None:
        return RawItem(
            origin=origin,
            html=_as_document(title, content),
            url=link,
            site=host_of(link or ctx.key),
            title=title,
            published=when,
            fetched=now_iso(),
            raw_size=len(content.encode("utf-8")),
        )
    if not link:
        return SourceError(origin, "feed entry has neither a link nor its full text", "read")
    try:
        result = fetch(link, ctx.settings, client=ctx.client)
    except FetchError as exc:
        return SourceError(link, str(exc), "fetch")
    return page_item(result, link, title=title, published=when)


def full_content(entry: feedparser.FeedParserDict) -> str | None:
    """The entry's article HTML (content:encoded / atom content, else a long description)."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    best = max(candidates, key=lambda value: len(text_of(value)), default="")
    return best if len(text_of(best)) >= FULL_CONTENT_MIN_CHARS else None


def text_of(markup: str) -> str:
    """The visible text of an HTML fragment, whitespace collapsed."""
    if not markup.strip():
        return ""
    try:
        text = lxml.html.fromstring(markup).text_content()
    except (ParserError, ValueError):
        text = markup
    return " ".join(text.split())


def _as_document(title: str | None, content: str) -> str:
    """Wrap an entry's HTML fragment into a page the extractor can read."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    return f"<html><head>{head}</head><body><article>{content}</article></body></html>"


def _save_state(
    ctx: FeedContext,
    validators: FeedState,
    parsed: feedparser.FeedParserDict,
    taken: list[str],
    failed: bool,
) -> None:
    """Remember the entries taken; keep the old validators when an entry failed, so it is retried."""
    assert ctx.store is not None
    if failed:
        old = ctx.store.feed_state(ctx.key)
        validators = FeedState(ctx.key, old.etag, old.last_modified, validators.title)
    title = parsed.feed.get("title") or validators.title
    state = FeedState(ctx.key, validators.etag, validators.last_modified, title)
    ctx.store.save_feed_state(state, new_items=taken)
