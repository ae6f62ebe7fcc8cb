"""Read queries for verdicts and reports: claims with their article's metadata, flags, texts, works.

The only place that reads the claims, flags and articles tables for the report layer; callers get
plain dataclasses (:class:`~seasoncheck.consolidate.SourcedClaim`, :class:`ArticleMeta`, ``Flag``).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, or_, select

from seasoncheck.consolidate import ArticleMeta, SourcedClaim
from seasoncheck.models import Flag
from seasoncheck.store import Store, claim_from_row
from seasoncheck.store.schema import articles, claims, flags
from seasoncheck.store.schema import sites as site_table

log = logging.getLogger(__name__)

# SQLite's default limit on bound parameters is 32,766 (999 before 3.32); chunk IN lists well below.
IN_CHUNK = 500


def _claim_query() -> Any:
    return select(
        claims.c.id.label("claim_rowid"),
        claims.c.article_id,
        claims.c.work,
        claims.c.franchise_id,
        claims.c.kb_id,
        claims.c.season,
        claims.c.type,
        claims.c.value,
        claims.c.status,
        claims.c.attribution,
        claims.c.evidence,
        claims.c.evidence_start,
        claims.c.evidence_end,
        articles.c.doc_id,
        articles.c.title,
        articles.c.url,
        articles.c.published,
        articles.c.dup_group,
        site_table.c.host.label("site"),
    ).select_from(
        claims.join(articles, claims.c.article_id == articles.c.id).outerjoin(
            site_table, articles.c.site_id == site_table.c.id
        )
    )


def _sourced(row: Any) -> SourcedClaim:
    r = row._mapping
    claim = claim_from_row(r["doc_id"] or r["article_id"], r)
    return SourcedClaim(
        claim=claim,
        article_id=r["article_id"],
        title=r["title"],
        site=r["site"],
        url=r["url"],
        published=r["published"],
        dup_group=r["dup_group"],
        order=r["claim_rowid"],
    )


def claims_for_franchise(
    store: Store,
    franchise_id: str | None,
    works: Iterable[str] = (),
    season: int | None = None,
) -> list[SourcedClaim]:
    """Claims linked to ``franchise_id`` or naming one of ``works`` (case-insensitive), in store order.

    ``works`` catches claims the linker left unlinked (open-world titles). ``season`` narrows to
    one season number. Example::

        records = claims_for_franchise(store, "oshi-no-ko", ["Oshi no Ko"], season=2)
    """
    conds = []
    if franchise_id:
        conds.append(claims.c.franchise_id == franchise_id)
    lowered = sorted({w.casefold() for w in works if w})
    if lowered:
        conds.append(func.lower(claims.c.work).in_(lowered))
    if not conds:
        return []
    q = _claim_query().where(or_(*conds))
    if season is not None:
        q = q.where(claims.c.season == season)
    with store.engine.connect() as conn:
        return [_sourced(r) for r in conn.execute(q.order_by(claims.c.id))]


def all_claims(store: Store) -> list[SourcedClaim]:
    """Every stored claim with its article's metadata, in store order."""
    with store.engine.connect() as conn:
        return [_sourced(r) for r in conn.execute(_claim_query().order_by(claims.c.id))]


def claims_for_articles(store: Store, article_ids: Iterable[str]) -> list[SourcedClaim]:
    """Every claim of the given articles, in store order."""
    out: list[SourcedClaim] = []
    with store.engine.connect() as conn:
        for q in _chunked(_claim_query(), claims.c.article_id, article_ids):
            out.extend(_sourced(r) for r in conn.execute(q))
    return sorted(out, key=lambda c: c.order)


def flags_for_articles(
    store: Store, article_ids: Iterable[str] | None = None
) -> dict[str, list[Flag]]:
    """Stored flags by article id: of the given articles, or of every article when None."""
    out: dict[str, list[Flag]] = defaultdict(list)
    base = select(flags.c.article_id, flags.c.flag, flags.c.detail, flags.c.evidence)
    with store.engine.connect() as conn:
        for q in _chunked(base, flags.c.article_id, article_ids):
            for r in conn.execute(q.order_by(flags.c.id)):
                out[r.article_id].append(
                    Flag(r.article_id, r.flag, r.detail or "", r.evidence or "")
                )
    return dict(out)


def article_metas(
    store: Store, article_ids: Iterable[str] | None = None, *, sites: Iterable[str | None] = ()
) -> list[ArticleMeta]:
    """Article metadata (no text) of the given articles, or of every article when None.

    ``sites`` narrows to articles of these site hosts (None: articles without a site).
    """
    base = select(
        articles.c.id,
        articles.c.doc_id,
        articles.c.title,
        articles.c.url,
        articles.c.published,
        articles.c.dup_group,
        articles.c.origin,
        site_table.c.host.label("site"),
    ).select_from(articles.outerjoin(site_table, articles.c.site_id == site_table.c.id))
    wanted = set(sites)
    if wanted:
        hosts = sorted(h for h in wanted if h is not None)
        conds = [site_table.c.host.in_(hosts)] if hosts else []
        if None in wanted:
            conds.append(articles.c.site_id.is_(None))
        base = base.where(or_(*conds))
    out: list[ArticleMeta] = []
    with store.engine.connect() as conn:
        for q in _chunked(base, articles.c.id, article_ids):
            out.extend(ArticleMeta(**r._mapping) for r in conn.execute(q))
    return sorted(out, key=lambda a: (a.published is None, a.published or "", a.id))


def article_texts(store: Store, article_ids: Iterable[str]) -> dict[str, str]:
    """The stored text of each given article."""
    base = select(articles.c.id, articles.c.text)
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for q in _chunked(base, articles.c.id, article_ids):
            out.update((r.id, r.text) for r in conn.execute(q))
    return out


def stored_works(store: Store) -> list[tuple[str, str | None, int]]:
    """(work, franchise id, number of claims) for every distinct claimed work, most claimed first."""
    q = (
        select(claims.c.work, claims.c.franchise_id, func.count())
        .group_by(claims.c.work, claims.c.franchise_id)
        .order_by(func.count().desc())
    )
    with store.engine.connect() as conn:
        return [(r[0], r[1], int(r[2])) for r in conn.execute(q)]


def claimed_season_numbers(store: Store) -> list[tuple[str, str | None, int]]:
    """(work, franchise id, season) for every distinct season number stored claims are about."""
    q = (
        select(claims.c.work, claims.c.franchise_id, claims.c.season)
        .where(claims.c.season.is_not(None))
        .distinct()
    )
    with store.engine.connect() as conn:
        return [(r[0], r[1], int(r[2])) for r in conn.execute(q)]


def _chunked(base: Any, column: Any, ids: Iterable[str] | None) -> Sequence[Any]:
    """``base`` filtered by ``column IN ids`` in chunks; unfiltered when ``ids`` is None."""
    if ids is None:
        return [base]
    wanted = list(dict.fromkeys(ids))
    return [
        base.where(column.in_(wanted[i : i + IN_CHUNK])) for i in range(0, len(wanted), IN_CHUNK)
    ]


# -- web layer (issue 6): cheap change counter and paged article lists ------------------------------


def store_version(store: Store) -> tuple[int, int, int]:
    """(articles, highest claim row id, highest flag row id): changes whenever an ingest writes.

    Re-extraction deletes and re-inserts claims, so the highest row id moves even when the
    count stays the same. The web layer keys its report cache on this.
    """
    with store.engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(articles)).scalar_one()
        c = conn.execute(select(func.max(claims.c.id))).scalar()
        f = conn.execute(select(func.max(flags.c.id))).scalar()
    return int(n), int(c or 0), int(f or 0)


def article_page(
    store: Store,
    *,
    site: str | None = None,
    without_site: bool = False,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ArticleMeta], int]:
    """One page of article metadata, newest first, and the total number that match the filters.

    ``site`` is a site host (``without_site``: only articles without one); ``since``/``until`` compare against the published date
    (YYYY[-MM[-DD]]). Example::

        metas, total = article_page(store, site="Anime News Desk", limit=20, offset=40)
    """
    joined = articles.outerjoin(site_table, articles.c.site_id == site_table.c.id)
    conds = []
    if site:
        conds.append(site_table.c.host == site)
    if without_site:
        conds.append(articles.c.site_id.is_(None))
    if since:
        conds.append(articles.c.published >= since)
    if until:
        conds.append(articles.c.published <= until + "\uffff")
    base = select(
        articles.c.id,
        articles.c.doc_id,
        articles.c.title,
        articles.c.url,
        articles.c.published,
        articles.c.dup_group,
        articles.c.origin,
        site_table.c.host.label("site"),
    ).select_from(joined)
    counted = select(func.count()).select_from(joined)
    if conds:
        base, counted = base.where(*conds), counted.where(*conds)
    q = (
        base.order_by(articles.c.published.is_(None), articles.c.published.desc(), articles.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        total = int(conn.execute(counted).scalar_one())
        return [ArticleMeta(**r._mapping) for r in conn.execute(q)], total
