"""The web layer's data: one function per page or endpoint, returning models.

``api.py`` turns these models into JSON and ``pages.py`` into HTML; neither reads the store
itself (datasette's "one data function, many renderers"). Reports are cached per
(franchise, season, store change counter, day), so a page is computed once per ingest.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar

from starlette.concurrency import run_in_threadpool

from seasoncheck.consolidate import ArticleMeta
from seasoncheck.kb.model import Franchise, KnowledgeBase
from seasoncheck.models import Article, Claim, Flag
from seasoncheck.reliability import UNKNOWN_SITE, SiteRecord
from seasoncheck.report import Report
from seasoncheck.settings import Settings
from seasoncheck.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")

# Reports kept in memory. One report of a franchise with ~200 articles is about 0.3 MB; 256 of
# them stay well under 100 MB and hold every season page of the benchmark's 50 franchises.
CACHE_SIZE = 256
# How long a read of the store's change counter is trusted. Ingests through the API reset it at
# once; an ingest by another process (the CLI) shows within this time. Reading the counter costs
# three queries, a third of a cached request's time under load.
VERSION_TTL_S = 0.5
# How many seasons the home page lists.
HOME_SEASONS = 20
# Search ranks this many times the hits it shows, so ties can be re-ordered by stored claims.
SEARCH_POOL = 3


class NotFound(Exception):
    """The franchise, season, article or source asked for does not exist."""


class BadInput(Exception):
    """The request was understood but its content cannot be used (e.g. an invalid article)."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: Sequence[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class FranchiseSummary:
    """A franchise that stored articles talk about."""

    id: str
    name: str
    claims: int
    works: tuple[str, ...]
    kb_seasons: tuple[int, ...]


@dataclass(frozen=True)
class RecentSeason:
    """A season on the home page: its verdict and when its story last moved."""

    franchise_id: str
    franchise: str
    season: int
    state: str
    date: str | None
    date_text: str | None
    changed: str | None  # date of the latest dated news event (or claim) of the season
    change: str  # what happened then


@dataclass(frozen=True)
class Segment:
    """A run of article text; ``claim`` is the index of the claim whose evidence it is, if any."""

    text: str
    claim: int | None = None


@dataclass(frozen=True)
class ArticleView:
    """An article with its claims, flags and text cut into marked and plain runs."""

    article: Article
    claims: tuple[Claim, ...]
    flags: tuple[Flag, ...]
    segments: tuple[Segment, ...]
    anchors: tuple[int | None, ...] = ()  # per claim: the marked segment holding its evidence


@dataclass(frozen=True)
class SourceView:
    """A site's record and a page of its articles."""

    record: SiteRecord
    articles: Page[ArticleMeta]


@dataclass(frozen=True)
class SearchHitView:
    """A search hit and whether stored articles talk about it."""

    franchise_id: str
    name: str
    title: str
    score: float
    season: int | None
    seasons: tuple[int, ...]
    claims: int


@dataclass(frozen=True)
class SearchResult:
    """Franchises found for a query, and "did you mean" titles when none matched exactly."""

    query: str
    hits: tuple[SearchHitView, ...]
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class IngestOutcome:
    """What one ``POST /api/ingest`` added."""

    added: tuple[str, ...]
    unchanged: tuple[str, ...]
    claims: int
    errors: tuple[dict[str, str], ...]


MISSING = object()  # ReportCache.peek's answer for a key it does not hold


class ReportCache:
    """A small thread-safe LRU of computed values, keyed by anything hashable."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._making: dict[Any, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def peek(self, key: Any) -> Any:
        """The cached value for ``key``, or :data:`MISSING` (never computes)."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        return MISSING

    def get_or_make(self, key: Any, make: Callable[[], T]) -> T:
        """The cached value for ``key``; on a miss one thread computes it while the others wait.

        Without the per-key lock, 50 clients arriving after an ingest would all build the same
        report at once.
        """
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]  # type: ignore[no-any-return]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                if key in self._items:
                    self.hits += 1
                    return self._items[key]  # type: ignore[no-any-return]
            value = make()
            with self._lock:
                self.misses += 1
                self._items[key] = value
                self._making.pop(key, None)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value


@dataclass
class WebContext:
    """What every handler needs: the store, settings, the KB (loaded once) and the cache."""

    store: Store
    settings: Settings
    token: str | None = None
    today: date | None = None
    cache: ReportCache = field(default_factory=ReportCache)
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _kb: KnowledgeBase | None = None
    _kb_lock: threading.Lock = field(default_factory=threading.Lock)
    _version: tuple[float, Any] = (0.0, None)
    _version_lock: threading.Lock = field(default_factory=threading.Lock)
    _refresh: asyncio.Future[Any] | None = None

    def kb(self) -> KnowledgeBase:
        """The knowledge base of the store (or the demo KB), loaded on first use."""
        if self._kb is None:
            with self._kb_lock:
                if self._kb is None:
                    from seasoncheck.kb.loader import load_kb

                    self._kb = load_kb(self.store)
        return self._kb

    def day(self) -> date:
        """The date verdicts are judged against (fixed in tests)."""
        return self.today or date.today()

    def cached(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """``make()`` cached under ``key`` plus the store's change counter and today's date."""
        full = (*key, self.version(), self.day())
        return self.cache.get_or_make(full, make)

    async def cached_async(self, key: tuple[Any, ...], make: Callable[[], T]) -> T:
        """:meth:`cached` for async handlers: a hit is answered on the event loop.

        A change counter past its :data:`VERSION_TTL_S` is still used while one background
        thread re-reads it (stale-while-revalidate): under 50 clients every request arriving
        during the re-read used to query the store itself, a stall every half second that set
        the p99. Only a miss, or a counter forgotten after a write, waits for the thread pool.
        """
        checked, version = self._version
        if version is not None:
            if time.monotonic() - checked > VERSION_TTL_S:
                self._refresh_soon()
            hit = self.cache.peek((*key, version, self.day()))
            if hit is not MISSING:
                return hit  # type: ignore[no-any-return]
        return await run_in_threadpool(self.cached, key, make)

    def _refresh_soon(self) -> None:
        """Re-read the change counter in a worker thread unless a re-read is under way."""
        loop = asyncio.get_running_loop()
        pending = self._refresh
        if pending is None or pending.done() or pending.get_loop() is not loop:
            self._refresh = loop.create_task(run_in_threadpool(self.version))

    def version(self) -> Any:
        """The store's change counter, re-read at most every :data:`VERSION_TTL_S` seconds.

        One thread reads it at a time; the others wait for its answer instead of querying too.
        """
        from seasoncheck.store import queries

        if (version := self._fresh()) is not None:
            return version
        with self._version_lock:
            if (version := self._fresh()) is None:
                version = queries.store_version(self.store)
                self._version = (time.monotonic(), version)
        return version

    def _fresh(self) -> Any:
        """The change counter when read less than :data:`VERSION_TTL_S` ago, else None."""
        checked, version = self._version
        if version is None or time.monotonic() - checked > VERSION_TTL_S:
            return None
        return version

    def changed(self) -> None:
        """Forget the change counter after a write, so the next read sees the write."""
        self._version = (0.0, None)


# -- franchises and seasons -------------------------------------------------------------------------


FRANCHISES_KEY = ("franchises",)


def franchise_list(
    ctx: WebContext, *, q: str | None = None, limit: int = 50, offset: int = 0
) -> Page[FranchiseSummary]:
    """Franchises of the KB that stored claims talk about, most claimed first."""
    items = ctx.cached(FRANCHISES_KEY, lambda: franchise_summaries(ctx))
    return filter_franchises(items, q=q, limit=limit, offset=offset)


def filter_franchises(
    items: Sequence[FranchiseSummary], *, q: str | None, limit: int, offset: int
) -> Page[FranchiseSummary]:
    """A page of the franchises whose name or id contains ``q`` (any case)."""
    if q:
        needle = q.casefold()
        items = [f for f in items if needle in f.name.casefold() or needle in f.id]
    return Page(items[offset : offset + limit], len(items), limit, offset)


def franchise_summaries(ctx: WebContext) -> list[FranchiseSummary]:
    """Every franchise with stored claims, most claimed first (uncached: see franchise_list)."""
    from seasoncheck.store import queries

    kb = ctx.kb()
    claims: dict[str, int] = {}
    works: dict[str, list[str]] = {}
    for work, fid, n in queries.stored_works(ctx.store):
        if fid and kb.franchise(fid) is not None:
            claims[fid] = claims.get(fid, 0) + n
            works.setdefault(fid, []).append(work)
    out = []
    for fid, n in claims.items():
        f = kb.franchises[fid]
        out.append(FranchiseSummary(fid, f.name, n, tuple(works[fid]), _kb_numbers(f)))
    return sorted(out, key=lambda f: (-f.claims, f.name))


def _kb_numbers(f: Franchise) -> tuple[int, ...]:
    return tuple(sorted({s.number for s in f.seasons if s.number is not None}))


def franchise_report(ctx: WebContext, franchise_id: str, season: int | None = None) -> Report:
    """The report of a KB franchise (every season with claims, or only ``season``); cached."""
    franchise = ctx.kb().franchise(franchise_id)
    if franchise is None:
        raise NotFound(f"no franchise with id {franchise_id!r}")
    key = ("report", franchise_id, season)
    return ctx.cached(key, lambda: _build(ctx, franchise, season))


def _build(ctx: WebContext, franchise: Franchise, season: int | None) -> Report:
    """build_report for a franchise by id: its name resolves to it unless another shares it."""
    from seasoncheck.report import build_report

    kb = ctx.kb()
    for title in (franchise.name, *franchise.titles):
        report = build_report(ctx.store, kb, title, season=season, today=ctx.day())
        if report.franchise_id == franchise.id:
            return report
    raise NotFound(f"no report for franchise {franchise.id!r}")  # pragma: no cover


def season_report(ctx: WebContext, franchise_id: str, season: int) -> Report:
    """The report of one season; NotFound when neither the KB nor any claim knows it."""
    report = franchise_report(ctx, franchise_id, season)
    franchise = ctx.kb().franchises[franchise_id]
    if not report.seasons[0].claims and franchise.season(season) is None:
        raise NotFound(f"{franchise.name} has no season {season} in the KB nor in any article")
    return report


def season_claims(
    report: Report,
    *,
    type_: str | None = None,
    status: str | None = None,
    attribution: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[Any]:
    """A page of a season report's claims, filtered by type, status and attribution."""
    rows = [
        c
        for c in report.seasons[0].claims
        if (type_ is None or c.type == type_)
        and (status is None or c.status == status)
        and (attribution is None or c.attribution == attribution)
    ]
    return Page(rows[offset : offset + limit], len(rows), limit, offset)


def recent_seasons(ctx: WebContext, limit: int = HOME_SEASONS) -> list[RecentSeason]:
    """Seasons whose story moved most recently (latest dated news event first)."""
    return ctx.cached(("recent", limit), lambda: _recent(ctx, limit))


def _recent(ctx: WebContext, limit: int) -> list[RecentSeason]:
    rows = []
    for f in franchise_list(ctx, limit=10**6).items:
        report = franchise_report(ctx, f.id)
        rows += [_recent_row(report, s) for s in report.seasons if s.season is not None]
    rows.sort(key=lambda r: (r.changed or "", r.franchise, r.season), reverse=True)
    return rows[:limit]


def _recent_row(report: Report, s: Any) -> RecentSeason:
    """A season's latest news event (one citing an article), else its latest dated claim."""
    news = [e for e in s.timeline if e.article_id and e.date]
    if news:
        last = max(news, key=lambda e: e.date)
        changed, change = last.date, last.text
    else:
        dates = [c.published for c in s.claims if c.published]
        changed, change = (max(dates) if dates else None), "claims without a dated event"
    return RecentSeason(
        report.franchise_id or "",
        report.franchise,
        s.season,
        s.state,
        s.date,
        s.date_text,
        changed,
        change,
    )


# -- articles -----------------------------------------------------------------------------------


def article_list(
    ctx: WebContext,
    *,
    site: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[ArticleMeta]:
    """A page of stored articles, newest first."""
    from seasoncheck.store import queries

    no_site = site == UNKNOWN_SITE
    metas, total = queries.article_page(
        ctx.store,
        site=None if no_site else site,
        without_site=no_site,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return Page(metas, total, limit, offset)


def article_view(ctx: WebContext, article_id: str) -> ArticleView:
    """An article by id (or unique prefix) with its claims, flags and marked evidence."""
    article = ctx.store.get_article(article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id!r}")
    claims = tuple(ctx.store.claims_for_article(article.id))
    flags = tuple(ctx.store.flags_for_article(article.id))
    segments = mark_segments(article.text, claims)
    return ArticleView(
        article, claims, flags, segments, claim_anchors(article.text, claims, segments)
    )


def evidence_span(text: str, claim: Claim) -> tuple[int, int] | None:
    """Where a claim's evidence sits in the text: its stored offsets when they match, else a search."""
    s, e = claim.evidence_start, claim.evidence_end
    if s is not None and e is not None and 0 <= s < e <= len(text):
        return s, e
    if claim.evidence and (i := text.find(claim.evidence)) >= 0:
        return i, i + len(claim.evidence)
    return None


def mark_segments(text: str, claims: Sequence[Claim]) -> tuple[Segment, ...]:
    """The text cut into plain runs and evidence runs (overlapping evidence goes to the first)."""
    spans = sorted(
        (span[0], span[1], i) for i, c in enumerate(claims) if (span := evidence_span(text, c))
    )
    out: list[Segment] = []
    pos = 0
    for start, end, i in spans:
        if end <= pos:
            continue
        start = max(start, pos)
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], i))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return tuple(out)


def claim_anchors(
    text: str, claims: Sequence[Claim], segments: Sequence[Segment]
) -> tuple[int | None, ...]:
    """For each claim, the ``claim`` index of the marked segment where its evidence starts.

    Two claims from one sentence share one ``<mark>``; both must link to it.
    """
    starts: list[tuple[int, int, int]] = []  # (start, end, mark index)
    pos = 0
    for seg in segments:
        if seg.claim is not None:
            starts.append((pos, pos + len(seg.text), seg.claim))
        pos += len(seg.text)
    out: list[int | None] = []
    for c in claims:
        span = evidence_span(text, c)
        out.append(next((m for s, e, m in starts if s <= span[0] < e), None) if span else None)
    return tuple(out)


# -- sources and search -------------------------------------------------------------------------


def source_records(ctx: WebContext) -> list[SiteRecord]:
    """Every site's record over the whole store, best score first; cached."""
    from seasoncheck.report import all_site_records

    return ctx.cached(("sources",), lambda: all_site_records(ctx.store, ctx.kb()))


def source_view(ctx: WebContext, site: str, *, limit: int = 50, offset: int = 0) -> SourceView:
    """One site's record and a page of its articles."""
    record = next((r for r in source_records(ctx) if r.site == site), None)
    if record is None:
        raise NotFound(f"no source called {site!r}")
    return SourceView(record, article_list(ctx, site=site, limit=limit, offset=offset))


def search(ctx: WebContext, query: str, limit: int = 10) -> SearchResult:
    """Franchises matching a title, and "did you mean" titles when nothing matched exactly."""
    from seasoncheck.kb.search import EXACT_SCORE
    from seasoncheck.kb.search import search as kb_search
    from seasoncheck.report import suggest_titles

    query = query.strip()
    if not query:
        return SearchResult(query, (), ())
    kb = ctx.kb()
    claims = {f.id: f.claims for f in franchise_list(ctx, limit=10**6).items}
    # Among equally good titles, franchises the stored articles talk about come first: they
    # have verdicts to show ("oshi" matches a dozen titles at 95, Oshi no Ko among them).
    found = [
        SearchHitView(
            h.franchise_id, h.name, h.title, round(h.score, 1), h.season, h.seasons,
            claims.get(h.franchise_id, 0),
        )
        for h in kb_search(kb, query, limit=limit * SEARCH_POOL)
    ]  # fmt: skip
    found.sort(key=lambda h: (-h.score, h.claims == 0))
    hits = tuple(found[:limit])
    exact = bool(hits) and hits[0].score >= EXACT_SCORE
    suggestions = () if exact else tuple(suggest_titles(kb, query))
    return SearchResult(query, hits, suggestions)


# -- ingestion ----------------------------------------------------------------------------------

ARTICLE_FIELDS = ("id", "text", "html", "title", "url", "site", "published", "lang")


def ingest_payload(ctx: WebContext, payload: dict[str, Any]) -> IngestOutcome:
    """Ingest one article record (``text`` or ``html``) or, with only ``url``, the page it names.

    Writes go through the same pipeline as ``seasoncheck ingest`` (``pipeline.ingest_items``),
    one at a time.
    """
    from seasoncheck import pipeline

    has_body = bool(payload.get("text") or payload.get("html"))
    if not has_body and not payload.get("url"):
        raise BadInput('give "text" or "html" (an article), or "url" (a page to fetch)')
    item: dict[str, Any] | str = _record(payload) if has_body else payload["url"]
    with ctx.write_lock:
        report = pipeline.ingest_items([item], ctx.store, ctx.settings, kb=ctx.kb(), origin="api")
        ctx.changed()
    return IngestOutcome(
        added=tuple(a.id for a in report.added),
        unchanged=tuple(a.id for a in report.unchanged),
        claims=report.claims,
        errors=tuple({"origin": e.origin, "reason": e.reason} for e in report.errors),
    )


def _record(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as an article record in the JSONL input format (a fresh id when none given)."""
    record = {k: payload[k] for k in ARTICLE_FIELDS if payload.get(k) is not None}
    record.setdefault("id", f"api-{uuid.uuid4().hex[:12]}")
    return record
