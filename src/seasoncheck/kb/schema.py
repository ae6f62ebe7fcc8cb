"""Knowledge-base tables (migration 2).

``kb_entries`` keeps every imported record per source (the input of the next rebuild, and what
release diffs compare); the other tables are derived from them on each import, in the same
transaction: works, franchises, titles (normalised), external ids, studios, streaming sites,
characters, plus ``kb_snapshot``, the built KB as one blob that ``load_kb`` reads in one query.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from seasoncheck.store.migrations import migration

kb_metadata = MetaData()

kb_entries = Table(
    "kb_entries",
    kb_metadata,
    Column("source", String(32), primary_key=True),  # bangumi-data | aod
    Column("key", String(255), primary_key=True),  # the source's own stable key
    Column("title", Text, nullable=False),
    Column("digest", String(40), nullable=False),  # hash of the entry's content, for release diffs
    Column("data", LargeBinary, nullable=False),  # the entry as JSON
)

kb_imports = Table(
    "kb_imports",
    kb_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(32), nullable=False),
    Column("origin", Text, nullable=False),  # file path or URL
    Column("version", String(64)),  # release version when known (npm version, AOD lastUpdate)
    Column("imported_at", String(40), nullable=False),
    Column("entries", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
)

kb_franchises = Table(
    "kb_franchises",
    kb_metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
)

kb_works = Table(
    "kb_works",
    kb_metadata,
    Column("id", String(64), primary_key=True),  # mal:55791, anilist:..., bgm:...
    Column("franchise_id", String(64), nullable=False),
    Column("title", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("season", Integer),  # TV season number; NULL for films, OVAs, specials
    Column("part", Integer),
    Column("first_aired", String(10)),
    Column("last_aired", String(10)),
    Column("episodes", Integer),
    Column("status", String(16)),
    Column("sources", Text, nullable=False),  # comma-separated data sets
    Index("ix_kb_works_franchise", "franchise_id", "season"),
)

kb_titles = Table(
    "kb_titles",
    kb_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("franchise_id", String(64), nullable=False),
    Column("work_id", String(64)),
    Column("season", Integer),
    Column("title", Text, nullable=False),
    Column(
        "norm", Text, nullable=False
    ),  # seasons.title_key: NFKC, case-folded, alphanumerics only
    Index("ix_kb_titles_norm", "norm"),
    Index("ix_kb_titles_franchise", "franchise_id"),
)

kb_external_ids = Table(
    "kb_external_ids",
    kb_metadata,
    Column("work_id", String(64), primary_key=True),
    Column("url", String(255), primary_key=True),  # https://myanimelist.net/anime/55791
    Index("ix_kb_external_ids_url", "url"),
)

kb_studios = Table(
    "kb_studios",
    kb_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("franchise_id", String(64), nullable=False),
    Column("work_id", String(64)),  # NULL: a franchise-level studio (facts file)
    Column("studio", Text, nullable=False),
    Column("source", String(32), nullable=False),
)

kb_streaming = Table(
    "kb_streaming",
    kb_metadata,
    Column("work_id", String(64), primary_key=True),
    Column("site", String(128), primary_key=True),
)

kb_characters = Table(
    "kb_characters",
    kb_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("franchise_id", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Text, nullable=False),  # JSON list
    Column("gender", String(16)),
    Column("role", Text),
    Column("source", String(32), nullable=False),
)

kb_snapshot = Table(
    "kb_snapshot",
    kb_metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("built_at", String(40), nullable=False),
    Column("data", LargeBinary, nullable=False),  # snapshot.kb_to_bytes
)

# Tables rebuilt from kb_entries on every import.
DERIVED_TABLES = [
    kb_franchises,
    kb_works,
    kb_titles,
    kb_external_ids,
    kb_studios,
    kb_streaming,
    kb_characters,
]


@migration(2, "knowledge base tables")
def _kb(conn: Connection) -> None:
    """Create the KB tables."""
    kb_metadata.create_all(conn)
