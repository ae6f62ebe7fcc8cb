"""``seasoncheck update``: poll every followed feed politely, ingest what is new, then alert.

``update`` polls every followed feed through the normal ingest (the sources layer makes the
requests conditional and skips entries already seen), recomputes the verdicts of the seasons the
new articles touch (and of every watched season), records what changed in ``verdict_changes``
and, after all of that is committed, posts the changes of watched seasons to a webhook.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from seasoncheck.follow.changes import VerdictChange, changes_after_ingest
from seasoncheck.follow.feeds import followed_feeds, mark_polled
from seasoncheck.follow.options import FollowSettings, Sleep, parse_duration
from seasoncheck.follow.webhooks import Delivery, deliver_changes

if TYPE_CHECKING:
    from seasoncheck.kb.model import KnowledgeBase
    from seasoncheck.settings import Settings
    from seasoncheck.store import Store

log = logging.getLogger(__name__)


@dataclass
class FeedPoll:
    """What one followed feed gave in one update."""

    url: str
    added: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class UpdateReport:
    """The outcome of one ``update``: per feed, the verdict changes and the webhook deliveries."""

    feeds: list[FeedPoll] = field(default_factory=list)
    changes: list[VerdictChange] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def added(self) -> int:
        """New articles in all."""
        return sum(f.added for f in self.feeds)

    @property
    def failed(self) -> bool:
        """True when a feed or one of its items failed (webhook failures do not count)."""
        return any(f.errors for f in self.feeds)

    def summary(self) -> str:
        """One line for logs and cron mail."""
        bad = sum(1 for d in self.deliveries if not d.ok)
        return (
            f"{len(self.feeds)} feeds polled, {self.added} new articles, "
            f"{sum(len(f.errors) for f in self.feeds)} errors, {len(self.changes)} verdict changes "
            f"({sum(c.watched for c in self.changes)} watched), "
            f"{len(self.deliveries) - bad} webhooks delivered, {bad} failed"
        )


class HostPacer:
    """Waits so that two requests to one host are at least ``delay`` seconds apart."""

    def __init__(self, delay: float, sleep: Sleep = time.sleep) -> None:
        self.delay = delay
        self.sleep = sleep
        self.last: dict[str, float] = {}

    def wait(self, host: str) -> None:
        """Sleep until ``host`` may be asked again."""
        if host in self.last and self.delay > 0:
            remaining = self.last[host] + self.delay - time.monotonic()
            if remaining > 0:
                self.sleep(remaining)

    def done(self, host: str) -> None:
        """Note that a request to ``host`` just finished."""
        self.last[host] = time.monotonic()


def update(
    store: Store,
    kb: KnowledgeBase,
    settings: Settings,
    follow: FollowSettings,
    *,
    today: date | None = None,
    sleep: Sleep = time.sleep,
) -> UpdateReport:
    """Poll every followed feed, ingest what is new, record verdict changes, then post webhooks.

    Example::

        report = update(store, load_kb(store), Settings.from_env(), FollowSettings.from_env())
        print(report.summary())
    """
    from seasoncheck.pipeline import ingest
    from seasoncheck.sources.fetch import host_of

    report = UpdateReport()
    pacer = HostPacer(follow.politeness_delay, sleep)
    added: list[str] = []
    for feed in followed_feeds(store):
        host = host_of(feed.url) or feed.url
        pacer.wait(host)
        result = ingest([feed.url], store, settings, kb=kb)
        pacer.done(host)
        mark_polled(store, feed.url)
        errors = [f"{e.origin}: {e.reason}" for e in result.errors]
        report.feeds.append(FeedPoll(feed.url, len(result.added), len(result.unchanged), errors))
        added += [a.id for a in result.added]
    report.changes = changes_after_ingest(store, kb, added, today=today)
    report.deliveries = deliver_changes(store, report.changes, follow, sleep=sleep)
    log.info("update: %s", report.summary())
    return report


def poll_forever(
    interval: float | str,
    db_url: str,
    *,
    stop: threading.Event | None = None,
    follow: FollowSettings | None = None,
) -> None:
    """Run :func:`update` every ``interval`` (seconds or "30m") until ``stop`` is set.

    Meant for a background thread (``serve --poll 30m``); an update that fails is logged and the
    next one runs on time. Example::

        stop = threading.Event()
        threading.Thread(target=poll_forever, args=("30m", db_url), kwargs={"stop": stop}).start()
    """
    seconds = parse_duration(interval) if isinstance(interval, str) else float(interval)
    if seconds <= 0:
        raise ValueError("the poll interval must be positive")
    stop = stop or threading.Event()
    while not stop.is_set():
        poll_once(db_url, follow)
        stop.wait(seconds)


def poll_once(db_url: str, follow: FollowSettings | None = None) -> UpdateReport | None:
    """One update over a store opened for it; None (and a logged error) when it failed."""
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.settings import Settings
    from seasoncheck.store import Store

    try:
        store = Store.open(db_url)
        try:
            settings = Settings.from_env(db_url)
            return update(store, load_kb(store), settings, follow or FollowSettings.from_env())
        finally:
            store.close()
    except Exception:  # a background poller must survive a bad round (disk full, broken KB...)
        log.exception("background update failed")
        return None
