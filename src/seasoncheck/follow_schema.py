"""Tables for following the news (migration 4): verdict snapshots and changes, watch list, webhook failures.

``verdict_state`` keeps the last verdict computed for each (subject, season), so the next update
can tell what changed; ``verdict_changes`` is the history the Atom feed is made from.
A subject is a KB franchise id, or ``work:<title key>`` for a work the KB does not know.
"""

from __future__ import annotations

from sqlalchemy import Column, Connection, Index, Integer, MetaData, String, Table, Text

from seasoncheck.store.migrations import migration

follow_metadata = MetaData()

verdict_state = Table(
    "verdict_state",
    follow_metadata,
    Column("subject", String(300), primary_key=True),
    Column("season", Integer, primary_key=True),
    Column("name", Text, nullable=False),  # the franchise or work as people read it
    Column("state", String(16), nullable=False),
    Column("date", String(16)),  # YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SEASON
    Column("updated_at", String(40), nullable=False),
)

verdict_changes = Table(
    "verdict_changes",
    follow_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(300), nullable=False),
    Column("name", Text, nullable=False),
    Column("season", Integer, nullable=False),
    Column("old_state", String(16)),  # None: the season's first recorded verdict
    Column("new_state", String(16), nullable=False),
    Column("old_date", String(16)),
    Column("date", String(16)),
    Column("date_text", Text),
    Column("explanation", Text, nullable=False, default=""),
    Column("watched", Integer, nullable=False, default=0),
    Column("at", String(40), nullable=False),
    Index("ix_verdict_changes_at", "at"),
)

watch_list = Table(
    "watch_list",
    follow_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(300), nullable=False),
    Column("name", Text, nullable=False),
    Column("season", Integer),  # None: every season of the franchise
    Column("added_at", String(40), nullable=False),
    Index("ix_watch_list_subject", "subject"),
)

webhook_failures = Table(
    "webhook_failures",
    follow_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("payload", Text, nullable=False),  # the JSON body that could not be delivered
    Column("attempts", Integer, nullable=False),
    Column("error", Text, nullable=False),
    Column("at", String(40), nullable=False),
)

FOLLOW_TABLES = [verdict_state, verdict_changes, watch_list, webhook_failures]


@migration(4, "following: verdict_state, verdict_changes, watch_list, webhook_failures")
def _follow_tables(conn: Connection) -> None:
    follow_metadata.create_all(conn, tables=FOLLOW_TABLES)
