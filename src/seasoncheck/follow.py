"""Following the news: followed feeds, ``update`` polls, verdict change detection, watch list, webhooks.

``update`` polls every followed feed through the normal ingest (the sources layer makes the
requests conditional and skips entries already seen), recomputes the verdicts of the seasons the
new articles touch (and of every watched season), records what changed in ``verdict_changes``
and, after all of that is committed, posts the changes of watched seasons to a webhook.
A webhook that is down never fails or undoes an update: its failures go to ``webhook_failures``.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select
from sqlalchemy import update as sql_update

from seasoncheck.follow_schema import verdict_changes, verdict_state, watch_list, webhook_failures
from seasoncheck.store.schema import feeds

if TYPE_CHECKING:
    from seasoncheck.kb.model import Franchise, KnowledgeBase
    from seasoncheck.report import SeasonReport, Subject
    from seasoncheck.settings import Settings
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

# Seconds between two requests to the same host during one update. 2 s is the crawl delay most
# news sites' robots.txt ask of bots (those that set one say 1-10 s); 0 in tests.
POLITENESS_DELAY_S = 2.0
# Webhook delivery: attempts in all, the first back-off (doubled after each failure) and the
# per-request timeout. 4 attempts with 0.5 s doubling wait 0.5 + 1 + 2 = 3.5 s in all, so a dead
# endpoint costs an update at most ~4 x 5 s + 3.5 s per change, and a brief restart is ridden out.
WEBHOOK_ATTEMPTS = 4
WEBHOOK_BACKOFF_S = 0.5
WEBHOOK_TIMEOUT_S = 5.0
# Answers worth retrying: the server is overloaded or restarting. Other 4xx will not get better.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
WORK_PREFIX = "work:"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}

Sleep = Callable[[float], None]


def now_iso() -> str:
    """Current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class FollowSettings:
    """Options for polling and alerts; ``from_env`` reads ``SEASONCHECK_WEBHOOK_URL`` and the delay."""

    webhook_url: str | None = None
    politeness_delay: float = POLITENESS_DELAY_S
    webhook_attempts: int = WEBHOOK_ATTEMPTS
    webhook_backoff: float = WEBHOOK_BACKOFF_S
    webhook_timeout: float = WEBHOOK_TIMEOUT_S

    @classmethod
    def from_env(cls, *, politeness_delay: float | None = None) -> FollowSettings:
        """Settings from ``SEASONCHECK_WEBHOOK_URL`` and ``SEASONCHECK_POLITENESS_DELAY`` (seconds)."""
        delay = politeness_delay
        if delay is None:
            raw = os.environ.get("SEASONCHECK_POLITENESS_DELAY", "")
            delay = parse_duration(raw) if raw.strip() else POLITENESS_DELAY_S
        return cls(
            webhook_url=os.environ.get("SEASONCHECK_WEBHOOK_URL") or None, politeness_delay=delay
        )


def parse_duration(value: str) -> float:
    """Seconds in ``30``, ``45s``, ``30m``, ``1h``, ``1.5h`` or ``1d``; ValueError otherwise.

    Example: ``parse_duration("30m") == 1800.0``
    """
    m = _DURATION.match(value)
    if not m:
        raise ValueError(f"not a duration: {value!r} (use e.g. 90s, 30m, 1h)")
    return float(m.group(1)) * _UNIT_S[m.group(2).lower()]


# -- followed feeds ---------------------------------------------------------------------------------


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
    from sqlalchemy import func

    from seasoncheck.store.schema import feed_items

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


# -- seasons and their verdicts ---------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class SeasonKey:
    """One season of one subject (a KB franchise id, or ``work:<title key>``)."""

    subject: str
    season: int


@dataclass(frozen=True)
class SeasonVerdict:
    """A season's current verdict, as the season page shows it."""

    key: SeasonKey
    name: str
    franchise_id: str | None
    report: SeasonReport


def subject_key(franchise_id: str | None, work: str) -> str:
    """The subject a claim belongs to: its franchise id, else its work's title key."""
    from seasoncheck.report import title_key

    return franchise_id or WORK_PREFIX + title_key(work)


def claimed_seasons(store: Store) -> dict[str, set[int]]:
    """Subject -> the season numbers stored claims are about."""
    from seasoncheck.store.queries import claimed_season_numbers

    out: dict[str, set[int]] = defaultdict(set)
    for work, fid, season in claimed_season_numbers(store):
        out[subject_key(fid, work)].add(season)
    return dict(out)


def touched_seasons(store: Store, article_ids: Iterable[str]) -> set[SeasonKey]:
    """The seasons the claims of these articles are about (claims without a season are skipped)."""
    keys = set()
    for aid in article_ids:
        for c in store.claims_for_article(aid):
            if c.season is not None:
                keys.add(SeasonKey(subject_key(c.franchise_id, c.work), c.season))
    return keys


def season_verdicts(
    store: Store, kb: KnowledgeBase, keys: Iterable[SeasonKey], today: date | None = None
) -> list[SeasonVerdict]:
    """The verdict of each season in ``keys``, computed exactly as the report computes it."""
    from seasoncheck.report import season_report
    from seasoncheck.store.queries import claims_for_franchise, stored_works

    today = today or date.today()
    by_subject: dict[str, set[int]] = defaultdict(set)
    for k in keys:
        by_subject[k.subject].add(k.season)
    stored = stored_works(store) if by_subject else []
    out = []
    for subject_id, numbers in sorted(by_subject.items()):
        subject, fid = _subject_for(kb, subject_id, stored)
        records = claims_for_franchise(store, fid, subject.works)
        for n in sorted(numbers):
            rows = [r for r in records if r.claim.season == n]
            rep = season_report(subject, n, rows, today)
            out.append(SeasonVerdict(SeasonKey(subject_id, n), subject.name, fid, rep))
    return out


def _subject_for(
    kb: KnowledgeBase, subject_id: str, stored: Sequence[tuple[str, str | None, int]]
) -> tuple[Subject, str | None]:
    """The report's Subject for a subject key, and the franchise id its claims are stored under.

    A franchise id the current KB lacks (claims linked under an older KB) still finds its claims.
    """
    from seasoncheck.report import Subject, title_key

    if not subject_id.startswith(WORK_PREFIX):
        f = kb.franchise(subject_id)
        if f is not None:
            return Subject(f.name, f, franchise_titles(kb, f)), f.id
        names = [w for w, fid, _ in stored if fid == subject_id]
        return Subject(names[0] if names else subject_id, None, ()), subject_id
    key = subject_id.removeprefix(WORK_PREFIX)
    works = tuple(dict.fromkeys(w for w, _, _ in stored if title_key(w) == key))
    return Subject(works[0] if works else key, None, works), None


def franchise_titles(kb: KnowledgeBase, f: Franchise) -> tuple[str, ...]:
    """Every title of a franchise (its names and the linker's titles), for unlinked claims."""
    titles = [f.name, *f.titles, *(t.title for t in kb.titles if t.franchise_id == f.id)]
    return tuple(dict.fromkeys(titles))


# -- change detection -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictChange:
    """A season whose verdict (state or date) moved; ``old_state`` None for its first verdict."""

    id: int
    subject: str
    name: str
    season: int
    old_state: str | None
    new_state: str
    old_date: str | None
    date: str | None
    date_text: str | None
    explanation: str
    watched: bool
    at: str

    def to_dict(self) -> dict[str, Any]:
        """The webhook's JSON body."""
        return {
            "event": "verdict_changed",
            "id": self.id,
            "franchise": self.name,
            "franchise_id": None if self.subject.startswith(WORK_PREFIX) else self.subject,
            "season": self.season,
            "old_state": self.old_state,
            "new_state": self.new_state,
            "old_date": self.old_date,
            "date": self.date,
            "date_text": self.date_text,
            "explanation": self.explanation,
            "watched": self.watched,
            "at": self.at,
        }


def record_verdicts(
    store: Store,
    kb: KnowledgeBase,
    keys: Iterable[SeasonKey],
    *,
    today: date | None = None,
    baseline: bool = False,
) -> list[VerdictChange]:
    """Recompute the verdicts of ``keys``, store them and record each change, in one transaction.

    ``baseline`` stores the verdicts without recording changes (used when a season starts being
    watched, so the first alert is a real change). Example::

        changes = record_verdicts(store, kb, touched_seasons(store, ids))
    """
    verdicts = season_verdicts(store, kb, keys, today)
    watched = watched_keys(store, kb)
    at = now_iso()
    changes = []
    with store.engine.begin() as conn:
        for v in verdicts:
            old = conn.execute(
                select(verdict_state.c.state, verdict_state.c.date).where(
                    verdict_state.c.subject == v.key.subject, verdict_state.c.season == v.key.season
                )
            ).first()
            new = (v.report.state, v.report.date)
            if old is not None and (old.state, old.date) == new:
                continue
            _save_state(conn, v, old is not None, at)
            if not baseline:
                changes.append(_insert_change(conn, v, old, v.key in watched, at))
    return changes


def _save_state(conn: Any, v: SeasonVerdict, exists: bool, at: str) -> None:
    values = {"name": v.name, "state": v.report.state, "date": v.report.date, "updated_at": at}
    if exists:
        where = (verdict_state.c.subject == v.key.subject, verdict_state.c.season == v.key.season)
        conn.execute(sql_update(verdict_state).where(*where).values(**values))
    else:
        conn.execute(
            insert(verdict_state).values(subject=v.key.subject, season=v.key.season, **values)
        )


def _insert_change(conn: Any, v: SeasonVerdict, old: Any, watched: bool, at: str) -> VerdictChange:
    r = v.report
    change = VerdictChange(
        id=0,
        subject=v.key.subject,
        name=v.name,
        season=v.key.season,
        old_state=old.state if old is not None else None,
        new_state=r.state,
        old_date=old.date if old is not None else None,
        date=r.date,
        date_text=r.date_text,
        explanation=r.explanation,
        watched=watched,
        at=at,
    )
    values = {k: getattr(change, k) for k in VerdictChange.__dataclass_fields__ if k != "id"}
    values["watched"] = int(watched)  # an Integer column: PostgreSQL refuses a boolean
    new_id = conn.execute(insert(verdict_changes).values(**values)).inserted_primary_key[0]
    return replace(change, id=int(new_id))


def recent_changes(
    store: Store, *, limit: int = 100, watch_only: bool = False
) -> list[VerdictChange]:
    """The most recent verdict changes, newest first (the Atom feed and the home page read these)."""
    q = select(verdict_changes).order_by(verdict_changes.c.id.desc()).limit(limit)
    if watch_only:
        q = q.where(verdict_changes.c.watched == 1)
    with store.engine.connect() as conn:
        return [_change_from_row(r._mapping) for r in conn.execute(q)]


def _change_from_row(r: Any) -> VerdictChange:
    return VerdictChange(
        **{k: r[k] for k in VerdictChange.__dataclass_fields__ if k != "watched"},
        watched=bool(r["watched"]),
    )


# -- watch list -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WatchEntry:
    """A watched franchise (every season when ``season`` is None) or one season of it."""

    subject: str
    name: str
    season: int | None
    added_at: str


def add_watch(
    store: Store,
    kb: KnowledgeBase,
    query: str,
    season: int | None = None,
    *,
    today: date | None = None,
) -> tuple[WatchEntry, bool]:
    """Watch the franchise a query names (the report's resolution); (entry, True when new).

    Raises :class:`seasoncheck.report.UnknownFranchise` (with suggestions) for an unknown title.
    The watched seasons' current verdicts become the baseline the next alert compares with.
    """
    from seasoncheck.report import resolve_subject
    from seasoncheck.store.queries import stored_works

    subject = resolve_subject(kb, query, [w for w, _, _ in stored_works(store)])
    fid = subject.franchise.id if subject.franchise else None
    entry = WatchEntry(subject_key(fid, subject.name), subject.name, season, now_iso())
    if any(w.subject == entry.subject and w.season == season for w in watched(store)):
        return entry, False
    with store.engine.begin() as conn:
        conn.execute(insert(watch_list).values(**entry.__dict__))
    record_verdicts(store, kb, _entry_seasons(store, kb, entry), today=today, baseline=True)
    return entry, True


def remove_watch(
    store: Store, kb: KnowledgeBase, query: str, season: int | None = None
) -> list[WatchEntry]:
    """Stop watching a franchise (every entry of it, or only ``season``); the entries removed."""
    from seasoncheck.report import title_key

    key = title_key(query)
    gone = [
        w
        for w in watched(store)
        if title_key(w.name) == key or w.subject == query or _names(kb, w.subject, key)
    ]
    if season is not None:
        gone = [w for w in gone if w.season == season]
    with store.engine.begin() as conn:
        for w in gone:
            conn.execute(
                delete(watch_list).where(
                    watch_list.c.subject == w.subject,
                    watch_list.c.season.is_(None)
                    if w.season is None
                    else watch_list.c.season == w.season,
                )
            )
    return gone


def _names(kb: KnowledgeBase, subject: str, key: str) -> bool:
    """True when ``key`` is the title key of one of the franchise's titles."""
    from seasoncheck.report import title_key

    f = kb.franchise(subject)
    return f is not None and any(title_key(t) == key for t in (f.name, *f.titles))


def watched(store: Store) -> list[WatchEntry]:
    """The watch list, in the order it was added."""
    q = select(watch_list).order_by(watch_list.c.id)
    with store.engine.connect() as conn:
        return [WatchEntry(r.subject, r.name, r.season, r.added_at) for r in conn.execute(q)]


def watched_keys(store: Store, kb: KnowledgeBase) -> set[SeasonKey]:
    """Every watched season: those named, and for a whole franchise its claimed and KB seasons."""
    out: set[SeasonKey] = set()
    claimed: dict[str, set[int]] | None = None
    for w in watched(store):
        if w.season is not None:
            out.add(SeasonKey(w.subject, w.season))
            continue
        claimed = claimed if claimed is not None else claimed_seasons(store)
        out |= _entry_seasons(store, kb, w, claimed)
    return out


def _entry_seasons(
    store: Store, kb: KnowledgeBase, w: WatchEntry, claimed: dict[str, set[int]] | None = None
) -> set[SeasonKey]:
    if w.season is not None:
        return {SeasonKey(w.subject, w.season)}
    claimed = claimed if claimed is not None else claimed_seasons(store)
    numbers = set(claimed.get(w.subject, set()))
    f = kb.franchise(w.subject)
    if f is not None:
        numbers |= {s.number for s in f.seasons if s.number is not None}
    return {SeasonKey(w.subject, n) for n in numbers}


# -- webhooks ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    """The outcome of posting one change to the webhook."""

    change_id: int
    ok: bool
    attempts: int
    error: str = ""


def deliver_changes(
    store: Store,
    changes: Sequence[VerdictChange],
    settings: FollowSettings,
    *,
    sleep: Sleep = time.sleep,
) -> list[Delivery]:
    """POST each watched change to ``settings.webhook_url``; record the ones that failed for good.

    Call it after the ingest is committed: it never raises, whatever the endpoint does.
    """
    url = settings.webhook_url
    if not url:
        return []
    out = []
    for change in changes:
        if not change.watched:
            continue
        delivery = post_webhook(url, change, settings, sleep=sleep)
        if not delivery.ok:
            _record_failure(store, url, change, delivery)
        out.append(delivery)
    return out


def post_webhook(
    url: str, change: VerdictChange, settings: FollowSettings, *, sleep: Sleep = time.sleep
) -> Delivery:
    """POST one change as JSON, retrying with exponential back-off on errors worth retrying."""
    import httpx
    import orjson

    body = orjson.dumps(change.to_dict())
    headers = {"Content-Type": "application/json", "User-Agent": "seasoncheck-webhook/0.1"}
    error = ""
    for attempt in range(1, settings.webhook_attempts + 1):
        try:
            resp = httpx.post(url, content=body, headers=headers, timeout=settings.webhook_timeout)
            if resp.status_code < 300:
                return Delivery(change.id, True, attempt)
            error = f"HTTP {resp.status_code}"
            if resp.status_code not in RETRY_STATUSES:
                return Delivery(change.id, False, attempt, error)
        except httpx.HTTPError as exc:
            error = " ".join(str(exc).split()) or type(exc).__name__
        log.info("webhook %s attempt %d failed: %s", url, attempt, error)
        if attempt < settings.webhook_attempts:
            sleep(settings.webhook_backoff * 2 ** (attempt - 1))
    return Delivery(change.id, False, settings.webhook_attempts, error)


def _record_failure(store: Store, url: str, change: VerdictChange, d: Delivery) -> None:
    import orjson

    log.warning("webhook %s: giving up on change %d: %s", url, change.id, d.error)
    try:
        with store.engine.begin() as conn:
            conn.execute(
                insert(webhook_failures).values(
                    url=url,
                    payload=orjson.dumps(change.to_dict()).decode(),
                    attempts=d.attempts,
                    error=d.error,
                    at=now_iso(),
                )
            )
    except Exception:  # recording is best effort: the update itself already succeeded
        log.exception("could not record the webhook failure")


def webhook_failure_count(store: Store) -> int:
    """How many webhook deliveries failed for good."""
    from sqlalchemy import func

    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(webhook_failures)).scalar_one())


# -- update -----------------------------------------------------------------------------------------


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
        _mark_polled(store, feed.url)
        errors = [f"{e.origin}: {e.reason}" for e in result.errors]
        report.feeds.append(FeedPoll(feed.url, len(result.added), len(result.unchanged), errors))
        added += [a.id for a in result.added]
    report.changes = changes_after_ingest(store, kb, added, today=today)
    report.deliveries = deliver_changes(store, report.changes, follow, sleep=sleep)
    log.info("update: %s", report.summary())
    return report


def _mark_polled(store: Store, url: str) -> None:
    """Note the poll time (a 304 answer leaves the feed's state untouched otherwise)."""
    with store.engine.begin() as conn:
        conn.execute(sql_update(feeds).where(feeds.c.url == url).values(last_polled=now_iso()))


def changes_after_ingest(
    store: Store, kb: KnowledgeBase, article_ids: Iterable[str], *, today: date | None = None
) -> list[VerdictChange]:
    """Record the verdict changes of the seasons new articles touch and of every watched season.

    The ``ingest`` command can call this (then :func:`deliver_changes`) after its batch.
    """
    keys = touched_seasons(store, article_ids) | watched_keys(store, kb)
    return record_verdicts(store, kb, keys, today=today)


def alert_after_ingest(
    store: Store,
    kb: KnowledgeBase,
    article_ids: Iterable[str],
    follow: FollowSettings | None = None,
) -> list[VerdictChange]:
    """After a committed ingest: record verdict changes and post the watched ones; never raises.

    For the ``ingest`` command and the web API's ingest, so that any ingest alerts, not only
    ``update``. Example::

        report = pipeline.ingest(inputs, store, settings, kb=kb)
        alert_after_ingest(store, kb, [a.id for a in report.added])
    """
    try:
        changes = changes_after_ingest(store, kb, article_ids)
        deliver_changes(store, changes, follow or FollowSettings.from_env())
        return changes
    except Exception:  # alerts are a side effect: the articles are stored whatever happens here
        log.exception("recording verdict changes after the ingest failed")
        return []


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
