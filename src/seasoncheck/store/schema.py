"""Core tables: sites, articles, ingestion errors, feeds, claims and flags (SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

migrations_table = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

sites = Table(
    "sites",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("host", String(255), nullable=False, unique=True),
    Column("name", String(255)),
    Column("first_seen", String(40)),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),  # hash of the normalised text (dedup.content_hash)
    Column("doc_id", String(255)),
    Column("url", Text),
    Column("canonical_url", Text),
    Column("site_id", Integer, ForeignKey("sites.id")),
    Column("title", Text),
    Column("published", String(10)),  # YYYY, YYYY-MM or YYYY-MM-DD
    Column("fetched", String(40)),
    Column("language", String(16)),
    Column("author", Text),
    Column("text", Text, nullable=False),
    Column("raw_size", Integer, nullable=False, default=0),
    Column("origin", Text),
    Column("dup_group", String(32)),
    Column("minhash", LargeBinary),
    Column("ingested_at", String(40), nullable=False),
    Index("ix_articles_canonical_url", "canonical_url"),
    Index("ix_articles_site", "site_id"),
    Index("ix_articles_dup_group", "dup_group"),
    Index("ix_articles_published", "published"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("stage", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
)

feeds = Table(
    "feeds",
    metadata,
    Column("url", String(2048), primary_key=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", String(40)),
    Column("followed", Integer, nullable=False, default=0),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("feed_url", String(2048), ForeignKey("feeds.url", ondelete="CASCADE"), primary_key=True),
    Column("item_key", String(2048), primary_key=True),
    Column("seen_at", String(40), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("work", Text, nullable=False),
    Column("franchise_id", String(64)),
    Column("kb_id", Text),
    Column("season", Integer),
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
    Column("status", String(16), nullable=False),
    Column("attribution", String(16), nullable=False),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("confidence", Float),
    UniqueConstraint("article_id", "work", "season", "type", "value", name="uq_claim_natural"),
    Index("ix_claims_franchise", "franchise_id", "season"),
)

flags = Table(
    "flags",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("flag", String(40), nullable=False),
    Column("detail", Text),
    Column("evidence", Text),
    Index("ix_flags_article", "article_id"),
)

CORE_TABLES = [migrations_table, sites, articles, ingest_errors, feeds, feed_items]
CLAIM_TABLES = [claims, flags]
