"""Versioned schema migrations recorded in ``schema_migrations`` (sqlite-utils' Migrations idea).

Each migration is a function of a connection, registered with a version number. ``apply`` runs
the ones not yet recorded, each in its own transaction, so a store created by any earlier
release is brought up to date on open. Alembic would add a second tool and a directory of
scripts for what is, so far, a handful of ``CREATE TABLE`` steps.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from seasoncheck.store.schema import CLAIM_TABLES, CORE_TABLES, metadata, migrations_table

# Modules that register migrations; imported before migrating so their tables are known.
MIGRATION_MODULES = ("seasoncheck.kb.schema", "seasoncheck.follow_schema")


@dataclass(frozen=True)
class Migration:
    """One schema step."""

    version: int
    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: dict[int, Migration] = {}


def migration(
    version: int, name: str
) -> Callable[[Callable[[Connection], None]], Callable[[Connection], None]]:
    """Register ``fn(conn)`` as schema step ``version``."""

    def register(fn: Callable[[Connection], None]) -> Callable[[Connection], None]:
        if version in MIGRATIONS and MIGRATIONS[version].apply is not fn:
            raise RuntimeError(f"migration {version} registered twice")
        MIGRATIONS[version] = Migration(version, name, fn)
        return fn

    return register


@migration(1, "core tables: sites, articles, ingest_errors, feeds")
def _core(conn: Connection) -> None:
    metadata.create_all(conn, tables=CORE_TABLES)


@migration(3, "claims and flags")
def _claims(conn: Connection) -> None:
    metadata.create_all(conn, tables=CLAIM_TABLES)


def applied_versions(conn: Connection) -> set[int]:
    """Versions already recorded in the store."""
    if not inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.execute(select(migrations_table.c.version)).scalars())


def apply(engine: Engine) -> list[int]:
    """Run every registered migration not yet applied; return the versions run."""
    for name in MIGRATION_MODULES:
        importlib.import_module(name)
    with engine.connect() as conn:
        done = applied_versions(conn)
    ran = []
    for version in sorted(MIGRATIONS):
        if version in done:
            continue
        step = MIGRATIONS[version]
        with engine.begin() as conn:
            if version != 1:
                metadata.create_all(conn, tables=[migrations_table])
            step.apply(conn)
            conn.execute(
                migrations_table.insert().values(
                    version=version, name=step.name, applied_at=datetime.now(UTC).isoformat()
                )
            )
        ran.append(version)
    return ran
