"""Store health checks (``seasoncheck doctor``): integrity, foreign keys, orphans, migrations.

The store is opened without migrating, so a store an older release left behind is reported as
such rather than silently upgraded. SQLite gets ``PRAGMA integrity_check`` and
``PRAGMA foreign_key_check``; every backend gets the orphan and migration checks.

``check_components`` says which optional parts are present (chromium, the PostgreSQL driver,
Ray, hyperscan). It only looks them up (PATH, package metadata): nothing is imported or started,
so it costs milliseconds, and a missing optional part is never a problem of the store.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import logging
import shutil
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


@dataclass(frozen=True)
class ComponentSpec:
    """An optional part: a Python package (``module``) or a program on PATH (``programs``)."""

    name: str
    purpose: str  # what it is used for, as the user reads it
    install: str
    module: str | None = None  # import name; its distribution is looked up for the version
    distribution: str | None = None  # when it differs from the import name
    programs: tuple[str, ...] = ()  # executable names, first found wins


@dataclass(frozen=True)
class Component:
    """Whether one optional part is present, and where or which version."""

    name: str
    available: bool
    detail: str  # version or path when present, the install command when not
    purpose: str

    def line(self) -> str:
        """One line for ``seasoncheck doctor``, e.g. ``Ray: available (ray 2.60.0) - for ...``."""
        if self.available:
            return f"{self.name}: available ({self.detail}) - {self.purpose}"
        return f"{self.name}: not installed - {self.purpose} (install: {self.detail})"


# The optional parts users ask about; none is needed for ingest, claims, reports or serve.
COMPONENTS = (
    ComponentSpec(
        "chromium",
        "used only by the browser tests (tests/test_browser.py)",
        "apt-get install chromium",
        programs=("chromium", "chromium-browser"),
    ),
    ComponentSpec(
        "PostgreSQL (psycopg driver)",
        "for --db postgresql+psycopg://...; the default SQLite store needs nothing",
        "pip install 'seasoncheck[postgres]'",
        module="psycopg",
    ),
    ComponentSpec(
        "Ray",
        "for seasoncheck batch --engine ray; the local engine needs nothing",
        "pip install 'seasoncheck[ray]'",
        module="ray",
    ),
    ComponentSpec(
        "hyperscan",
        "optional regex engine, not used by this version",
        "pip install hyperscan",
        module="hyperscan",
    ),
)


def check_components(specs: tuple[ComponentSpec, ...] = COMPONENTS) -> list[Component]:
    """Look up each optional part without importing or starting it.

    Example::

        for c in check_components():
            print(c.line())
    """
    return [_check_component(spec) for spec in specs]


def _check_component(spec: ComponentSpec) -> Component:
    """One part: the first program found on PATH, or the installed package's version."""
    for program in spec.programs:
        path = shutil.which(program)
        if path:
            return Component(spec.name, True, path, spec.purpose)
    if spec.module and _installed(spec.module):
        return Component(spec.name, True, _version(spec), spec.purpose)
    return Component(spec.name, False, spec.install, spec.purpose)


def _installed(module: str) -> bool:
    """True when ``module`` can be imported (found on the path; not imported)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a broken parent package, or a module without a spec
        return False


def _version(spec: ComponentSpec) -> str:
    """``<module> <version>`` from the package metadata (``<module>`` alone when it has none)."""
    module = spec.module or spec.name
    try:
        return f"{module} {importlib.metadata.version(spec.distribution or module)}"
    except importlib.metadata.PackageNotFoundError:
        return module
