"""Knowledge-base tables (migration 2). Filled in by the KB importer."""

from __future__ import annotations

from sqlalchemy import Connection

from seasoncheck.store.migrations import migration


@migration(2, "knowledge base tables")
def _kb(conn: Connection) -> None:
    """Placeholder until the KB issue lands its tables."""
