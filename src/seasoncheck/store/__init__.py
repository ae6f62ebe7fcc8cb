"""Store: articles, errors, feeds and claims in SQLite (default) or PostgreSQL, via SQLAlchemy 2."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url

from seasoncheck.models import Article, Claim, Flag, SourceError
from seasoncheck.settings import normalise_db_url
from seasoncheck.store import migrations
from seasoncheck.store.schema import (
    articles,
    claims,
    feed_items,
    feeds,
    flags,
    ingest_errors,
    sites,
)

log = logging.getLogger(__name__)

__all__ = ["Store", "StoreError", "FeedState"]


class StoreError(Exception):
    """The store could not be opened or used (bad URL, unwritable path, missing driver)."""


def now_iso() -> str:
    """Current UTC time as ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets the web server read while an ingest writes; NORMAL sync is safe under WAL.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


@dataclass(frozen=True)
class FeedState:
    """What a feed's last poll left: conditional-request validators and seen item keys."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None


class Store:
    """The article store. Open with ``Store.open(url)``; every write is one transaction.

    Example::

        store = Store.open("sqlite:///articles.db")
        store.add_article(article)
        for a in store.articles(site="example.com"):
            print(a.title)
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        """Open (and create or migrate) the store at a SQLAlchemy URL or SQLite file path."""
        url = normalise_db_url(url)
        try:
            parsed = make_url(url)
        except Exception as exc:
            raise StoreError(f"not a database URL: {url!r}") from exc
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {parsed.database}: {exc}") from exc
        try:
            engine = create_engine(parsed, future=True)
        except ModuleNotFoundError as exc:
            hint = " (pip install 'seasoncheck[postgres]')" if "psycopg" in str(exc) else ""
            raise StoreError(f"cannot open {parsed!r}: missing driver {exc.name}{hint}") from exc
        except Exception as exc:
            raise StoreError(f"cannot open {parsed!r}: {exc}") from exc
        if parsed.get_backend_name() == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine)
        if migrate:
            try:
                migrations.apply(engine)
            except Exception as exc:
                raise StoreError(f"cannot open {parsed!r}: {exc}") from exc
        return store

    def close(self) -> None:
        """Release the connection pool."""
        self.engine.dispose()

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """True when an article with this content hash is stored."""
        with self.engine.connect() as conn:
            q = select(articles.c.id).where(articles.c.id == article_id)
            return conn.execute(q).first() is not None

    def article_id_for_url(self, url: str) -> str | None:
        """The id of the article stored under this canonical URL, if any."""
        with self.engine.connect() as conn:
            q = select(articles.c.id).where(articles.c.canonical_url == url).limit(1)
            return conn.execute(q).scalar()

    def add_article(
        self,
        article: Article,
        *,
        minhash: bytes | None = None,
        claims_: Iterable[Claim] = (),
        flags_: Iterable[Flag] = (),
    ) -> bool:
        """Store an article with its claims and flags in one transaction; False if already stored."""
        article = nul_free(article)
        with self.engine.begin() as conn:
            if conn.execute(select(articles.c.id).where(articles.c.id == article.id)).first():
                return False
            site_id = self._site_id(conn, article.site) if article.site else None
            conn.execute(
                articles.insert().values(
                    id=article.id,
                    doc_id=article.doc_id,
                    url=article.url,
                    canonical_url=canonical_url(article.url) if article.url else None,
                    site_id=site_id,
                    title=article.title,
                    published=article.published,
                    fetched=article.fetched,
                    language=article.language,
                    author=article.author,
                    text=article.text,
                    raw_size=article.raw_size,
                    origin=article.origin,
                    dup_group=article.dup_group or article.id,
                    minhash=minhash,
                    ingested_at=now_iso(),
                )
            )
            self._insert_claims(conn, article.id, claims_, flags_)
        return True

    def replace_claims(
        self, article_id: str, claims_: Iterable[Claim], flags_: Iterable[Flag]
    ) -> None:
        """Swap an article's claims and flags for new ones (re-extraction), in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(claims.delete().where(claims.c.article_id == article_id))
            conn.execute(flags.delete().where(flags.c.article_id == article_id))
            self._insert_claims(conn, article_id, claims_, flags_)

    @staticmethod
    def _insert_claims(
        conn: Any, article_id: str, claims_: Iterable[Claim], flags_: Iterable[Flag]
    ) -> None:
        seen: set[tuple[Any, ...]] = set()
        rows = []
        for c in claims_:
            key = (c.work, c.season, c.type, c.value)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "article_id": article_id,
                    "work": c.work,
                    "franchise_id": c.franchise_id,
                    "kb_id": c.kb_id,
                    "season": c.season,
                    "type": c.type,
                    "value": c.value,
                    "status": c.status,
                    "attribution": c.attribution,
                    "evidence": c.evidence,
                    "evidence_start": c.evidence_start,
                    "evidence_end": c.evidence_end,
                }
            )
        if rows:
            conn.execute(claims.insert(), [nul_free_row(r) for r in rows])
        frows = [
            nul_free_row(
                {
                    "article_id": article_id,
                    "flag": f.flag,
                    "detail": f.detail,
                    "evidence": f.evidence,
                }
            )
            for f in flags_
        ]
        if frows:
            conn.execute(flags.insert(), frows)

    @staticmethod
    def _site_id(conn: Any, host: str) -> int:
        row = conn.execute(select(sites.c.id).where(sites.c.host == host)).first()
        if row:
            return int(row[0])
        return int(
            conn.execute(
                sites.insert().values(host=host, first_seen=now_iso())
            ).inserted_primary_key[0]
        )

    def set_dup_group(self, article_id: str, group: str) -> None:
        """Put an article into a near-duplicate group."""
        with self.engine.begin() as conn:
            conn.execute(
                articles.update().where(articles.c.id == article_id).values(dup_group=group)
            )

    def minhashes(self) -> Iterator[tuple[str, str, bytes]]:
        """(article id, duplicate group, serialised MinHash) for every article that has one."""
        with self.engine.connect() as conn:
            q = (
                select(articles.c.id, articles.c.dup_group, articles.c.minhash)
                .where(articles.c.minhash.is_not(None))
                .order_by(articles.c.ingested_at, articles.c.id)
            )
            for row in conn.execute(q):
                yield row[0], row[1], row[2]

    def _article_query(self) -> Any:
        return select(
            articles.c.id,
            articles.c.text,
            articles.c.origin,
            articles.c.title,
            articles.c.url,
            sites.c.host.label("site"),
            articles.c.published,
            articles.c.fetched,
            articles.c.language,
            articles.c.author,
            articles.c.raw_size,
            articles.c.doc_id,
            articles.c.dup_group,
        ).select_from(articles.outerjoin(sites, articles.c.site_id == sites.c.id))

    def articles(
        self,
        *,
        site: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Stored articles, newest first, filtered by site host and published date (YYYY[-MM[-DD]])."""
        q = self._article_query()
        if site:
            q = q.where(sites.c.host == site)
        if since:
            q = q.where(articles.c.published >= since)
        if until:
            q = q.where(func.substr(articles.c.published, 1, len(until)) <= until)
        q = q.order_by(articles.c.published.desc(), articles.c.ingested_at.desc(), articles.c.id)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [Article(**row._mapping) for row in conn.execute(q)]

    def get_article(self, id_or_prefix: str) -> Article | None:
        """One article by id, unique id prefix (as ``show`` accepts) or source ``doc_id``."""
        with self.engine.connect() as conn:
            for cond in (
                articles.c.id == id_or_prefix,
                articles.c.doc_id == id_or_prefix,
                articles.c.id.startswith(id_or_prefix, autoescape=True),
            ):
                rows = conn.execute(self._article_query().where(cond).limit(2)).all()
                if len(rows) == 1:
                    return Article(**rows[0]._mapping)
        return None

    def count_articles(self) -> int:
        """Number of stored articles."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())

    # -- claims -----------------------------------------------------------------------------

    def claims_for_article(self, article_id: str) -> list[Claim]:
        """The stored claims of one article."""
        q = select(claims).where(claims.c.article_id == article_id).order_by(claims.c.id)
        with self.engine.connect() as conn:
            return [claim_from_row(article_id, r._mapping) for r in conn.execute(q)]

    def flags_for_article(self, article_id: str) -> list[Flag]:
        """The stored flags of one article."""
        q = select(flags).where(flags.c.article_id == article_id).order_by(flags.c.id)
        with self.engine.connect() as conn:
            return [
                Flag(article_id, r.flag, r.detail or "", r.evidence or "") for r in conn.execute(q)
            ]

    # -- errors -----------------------------------------------------------------------------

    def record_error(self, error: SourceError) -> None:
        """Keep an ingestion error for later inspection."""
        error = nul_free(error)
        with self.engine.begin() as conn:
            conn.execute(
                ingest_errors.insert().values(
                    origin=error.origin, stage=error.stage, reason=error.reason, at=now_iso()
                )
            )

    def errors(self, limit: int = 100) -> list[SourceError]:
        """The most recent ingestion errors."""
        q = select(ingest_errors).order_by(ingest_errors.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [SourceError(r.origin, r.reason, r.stage) for r in conn.execute(q)]

    # -- feeds ------------------------------------------------------------------------------

    def feed_state(self, url: str) -> FeedState:
        """The validators of a feed's last poll (empty when never polled)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).first()
        if row is None:
            return FeedState(url)
        return FeedState(url, row.etag, row.last_modified, row.title)

    def save_feed_state(self, state: FeedState, new_items: Iterable[str] = ()) -> None:
        """Record a poll's validators and the item keys it saw, in one transaction."""
        with self.engine.begin() as conn:
            exists = conn.execute(select(feeds.c.url).where(feeds.c.url == state.url)).first()
            values = {
                "etag": state.etag,
                "last_modified": state.last_modified,
                "title": state.title,
                "last_polled": now_iso(),
            }
            if exists:
                conn.execute(feeds.update().where(feeds.c.url == state.url).values(**values))
            else:
                conn.execute(feeds.insert().values(url=state.url, **values))
            seen = {
                r[0]
                for r in conn.execute(
                    select(feed_items.c.item_key).where(feed_items.c.feed_url == state.url)
                )
            }
            rows = [
                {"feed_url": state.url, "item_key": k, "seen_at": now_iso()}
                for k in dict.fromkeys(new_items)
                if k not in seen
            ]
            if rows:
                conn.execute(feed_items.insert(), rows)

    def seen_feed_items(self, url: str) -> set[str]:
        """Item keys (links or ids) already taken from a feed."""
        with self.engine.connect() as conn:
            q = select(feed_items.c.item_key).where(feed_items.c.feed_url == url)
            return set(conn.execute(q).scalars())


T = TypeVar("T")


def nul_free(obj: T) -> T:
    """A dataclass with NUL characters removed from its strings.

    PostgreSQL text cannot hold U+0000 (SQLite can); both backends store the same text.
    """
    changes = {
        f.name: v.replace("\x00", "")
        for f in fields(obj)  # type: ignore[arg-type]
        if isinstance(v := getattr(obj, f.name), str) and "\x00" in v
    }
    return replace(obj, **changes) if changes else obj  # type: ignore[type-var]


def nul_free_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row with NUL characters removed from its strings (see ``nul_free``)."""
    return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}


def claim_from_row(doc_id: str, r: Any) -> Claim:
    """A ``Claim`` from a mapping with the claims table's columns."""
    return Claim(
        doc_id=doc_id,
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


def canonical_url(url: str) -> str:
    """A URL without fragment, default port or trailing slash noise, host lower-cased."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and not (
        (parts.scheme == "http" and parts.port == 80)
        or (parts.scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{host}{path}{query}"
