"""Followed feeds: the list of RSS/Atom URLs ``update`` polls (``seasoncheck feeds add/list/remove``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy import update as sql_update

from seasoncheck.follow.options import now_iso
from seasoncheck.store.schema import feed_items, feeds

if TYPE_CHECKING:
    from seasoncheck.store import Store


@dataclass(frozen=True)
class FollowedFeed:
    """A feed ``update`` polls."""

    url: str
    title: str | None = None
    last_polled: str | None = None
    items_seen: int = 0


def add_feed(store: Store, url: str) -> bool:
    """Follow a feed URL (http/https); True when it was not followed before. Raises ValueError."""
    from seasoncheck.sources.fetch import FetchError, check_url

    url = url.strip()
    try:
        check_url(url)
    except FetchError as exc:
        raise ValueError(f"{url}: {exc}") from None
    with store.engine.begin() as conn:
        row = conn.execute(select(feeds.c.followed).where(feeds.c.url == url)).first()
        if row is None:
            conn.execute(insert(feeds).values(url=url, followed=1))
            return True
        conn.execute(sql_update(feeds).where(feeds.c.url == url).values(followed=1))
        return not row[0]


def remove_feed(store: Store, url: str) -> bool:
    """Stop following a feed; True when it was followed. Its seen items are kept for a re-follow."""
    with store.engine.begin() as conn:
        q = sql_update(feeds).where(feeds.c.url == url.strip(), feeds.c.followed == 1)
        return bool(conn.execute(q.values(followed=0)).rowcount)


def followed_feeds(store: Store) -> list[FollowedFeed]:
    """Every followed feed, in URL order, with how many of its items were taken so far."""
    seen = (
        select(feed_items.c.feed_url, func.count().label("n"))
        .group_by(feed_items.c.feed_url)
        .subquery()
    )
    q = (
        select(feeds.c.url, feeds.c.title, feeds.c.last_polled, seen.c.n)
        .select_from(feeds.outerjoin(seen, seen.c.feed_url == feeds.c.url))
        .where(feeds.c.followed == 1)
        .order_by(feeds.c.url)
    )
    with store.engine.connect() as conn:
        return [FollowedFeed(r.url, r.title, r.last_polled, int(r.n or 0)) for r in conn.execute(q)]


def mark_polled(store: Store, url: str) -> None:
    """Note the poll time (a 304 answer leaves the feed's state untouched otherwise)."""
    with store.engine.begin() as conn:
        conn.execute(sql_update(feeds).where(feeds.c.url == url).values(last_polled=now_iso()))
