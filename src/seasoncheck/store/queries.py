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
from seasoncheck.models import Claim, Flag
from seasoncheck.store import Store
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
    claim = Claim(
        doc_id=r["doc_id"] or r["article_id"],
        work=r["work"],
        season=r["season"],
        type=r["type"],
        value=r["value"],
        status=r["status"],
        attribution=r["attribution"],
        evidence=r["evidence"],
        kb_id=r["kb_id"],
        franchise_id=r["franchise_id"],
        evidence_start=r["evidence_start"],
        evidence_end=r["evidence_end"],
    )
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


def _chunked(base: Any, column: Any, ids: Iterable[str] | None) -> Sequence[Any]:
    """``base`` filtered by ``column IN ids`` in chunks; unfiltered when ``ids`` is None."""
    if ids is None:
        return [base]
    wanted = list(dict.fromkeys(ids))
    return [
        base.where(column.in_(wanted[i : i + IN_CHUNK])) for i in range(0, len(wanted), IN_CHUNK)
    ]
