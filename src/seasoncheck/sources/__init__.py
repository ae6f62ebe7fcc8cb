"""Sources: turn command-line inputs (files, folders, URLs, feeds, WARC) into RawItems.

``read_sources`` yields a ``RawItem`` per article or a ``SourceError`` per item that failed,
so one bad item never stops the batch. All network access goes through ``sources.fetch``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources.feeds import FeedContext, is_feed, parse_since, read_feed_response
from seasoncheck.sources.fetch import FetchError, fetch, open_client
from seasoncheck.sources.files import read_path
from seasoncheck.sources.pages import page_item
from seasoncheck.store import FeedState, Store

log = logging.getLogger(__name__)

__all__ = ["read_sources", "read_url", "is_url"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(spec: str) -> bool:
    """True when an input names a URL (any scheme; only http/https are then fetched)."""
    return bool(_URL.match(spec))


def read_sources(
    inputs: Iterable[str],
    settings: Settings,
    *,
    store: Store | None = None,
    since: str | None = None,
) -> Iterator[RawItem | SourceError]:
    """Yield items from every input: a file, a folder (recursively), a URL or a feed URL.

    With a ``store``, feeds remember what they served (ETag/Last-Modified, item keys) and a
    re-run yields only new entries; ``since`` (YYYY-MM-DD) skips older feed entries. Example::

        for item in read_sources(["articles/", "https://example.com/feed.xml"], settings):
            print(item.origin)
    """
    try:
        since_date = parse_since(since) if since else None
    except ValueError as exc:
        yield SourceError("--since", str(exc))
        return
    for spec in inputs:
        if is_url(spec):
            yield from read_url(spec, settings, store=store, since=since_date)
        else:
            yield from read_path(Path(spec), settings, store=store, since=since_date)


def read_url(
    url: str, settings: Settings, *, store: Store | None = None, since: date | None = None
) -> Iterator[RawItem | SourceError]:
    """Fetch a URL: a feed yields its new entries, a page yields itself."""
    validators = store.feed_state(url) if store is not None else FeedState(url)
    with open_client(settings) as client:
        try:
            result = fetch(
                url,
                settings,
                etag=validators.etag,
                last_modified=validators.last_modified,
                client=client,
            )
        except FetchError as exc:
            yield SourceError(url, str(exc), "fetch")
            return
        if result.not_modified:
            log.info("feed %s: not modified since the last run", url)
            return
        if not is_feed(result.content_type, result.body):
            yield page_item(result, url)
            return
        ctx = FeedContext(url, settings, client, store, since)
        fresh = FeedState(url, result.etag, result.last_modified, validators.title)
        yield from read_feed_response(
            ctx,
            result.body,
            content_type=result.content_type,
            base_url=result.final_url,
            validators=fresh,
        )
