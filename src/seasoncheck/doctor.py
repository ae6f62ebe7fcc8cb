"""Store health checks (``seasoncheck doctor``): integrity, foreign keys, orphans, migrations.

The store is opened without migrating, so a store an older release left behind is reported as
such rather than silently upgraded. SQLite gets ``PRAGMA integrity_check`` and
``PRAGMA foreign_key_check``; every backend gets the orphan and migration checks.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from seasoncheck.settings import normalise_db_url

log = logging.getLogger(__name__)

# Child tables whose rows must point at a stored article (claims and flags of an article).
ARTICLE_CHILDREN = ("claims", "flags")
# integrity_check stops after this many problems; more would only repeat the diagnosis.
MAX_INTEGRITY_LINES = 20


@dataclass
class DoctorReport:
    """What ``check_store`` looked at and the problems it found (one line each)."""

    url: str
    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """True when no check found a problem."""
        return not self.problems


def check_store(url: str) -> DoctorReport:
    """Run every check on the store at ``url`` (a SQLAlchemy URL or SQLite path).

    Example::

        report = check_store("sqlite:///articles.db")
        for line in report.problems:
            print(line)
    """
    url = normalise_db_url(url)
    report = DoctorReport(url)
    parsed = make_url(url)
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and not Path(parsed.database).exists():
        report.problems.append(f"no database file at {parsed.database}")
        return report
    try:
        engine = create_engine(parsed)
        _run_checks(engine, is_sqlite, report)
    except Exception as exc:  # a file that is not a database, a server that is down
        report.problems.append(f"cannot read the store: {' '.join(str(exc).split())[:300]}")
    return report


def _run_checks(engine: Engine, is_sqlite: bool, report: DoctorReport) -> None:
    """Every check, on one read-only connection."""
    try:
        with engine.connect() as conn:
            if is_sqlite:
                _sqlite_checks(conn, report)
            _orphan_checks(conn, report)
            _migration_check(conn, report)
    finally:
        engine.dispose()


def _sqlite_checks(conn: Connection, report: DoctorReport) -> None:
    """PRAGMA integrity_check and foreign_key_check."""
    report.checks.append("integrity_check")
    rows = conn.exec_driver_sql(f"PRAGMA integrity_check({MAX_INTEGRITY_LINES})").scalars().all()
    if rows != ["ok"]:
        report.problems.extend(f"integrity: {row}" for row in rows)
    report.checks.append("foreign_key_check")
    for table, rowid, parent, _fkid in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        report.problems.append(f"foreign key: {table} row {rowid} points at a missing {parent} row")


def _orphan_checks(conn: Connection, report: DoctorReport) -> None:
    """Claims and flags whose article is not stored."""
    tables = set(inspect(conn).get_table_names())
    if "articles" not in tables:
        return
    for child in ARTICLE_CHILDREN:
        if child not in tables:
            continue
        report.checks.append(f"orphan {child}")
        query = text(
            f"SELECT c.article_id, COUNT(*) FROM {child} c "
            "LEFT JOIN articles a ON a.id = c.article_id "
            "WHERE a.id IS NULL GROUP BY c.article_id ORDER BY c.article_id"
        )
        for article_id, count in conn.execute(query).all():
            report.problems.append(f"orphan {child}: {count} for missing article {article_id}")


def _migration_check(conn: Connection, report: DoctorReport) -> None:
    """Registered migrations the store has not applied."""
    from seasoncheck.store import migrations

    for name in migrations.MIGRATION_MODULES:
        importlib.import_module(name)
    report.checks.append("migrations")
    done = migrations.applied_versions(conn)
    for version in sorted(set(migrations.MIGRATIONS) - done):
        step = migrations.MIGRATIONS[version]
        report.problems.append(f"migration {version} not applied: {step.name}")
