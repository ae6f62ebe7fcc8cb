"""``seasoncheck doctor``: a healthy store passes; damage of each kind is named, exit code 1."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.doctor import check_store

ARTICLE = (
    "Harbour Lights renewed for a second season\n\n"
    "The studio behind Harbour Lights confirmed on Monday that a second season is in production "
    "and will premiere in April 2026, with the original director returning.\n"
)
runner = CliRunner()
# `doctor` is run in a child process with its module imported by hand, so that registering it
# does not change the command list other tests of this process see (until cli/__init__ has it).
DOCTOR = (
    "import seasoncheck.cli.doctor_cmds; from seasoncheck.cli import app; "
    "app(prog_name='seasoncheck')"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with one ingested article and its claims."""
    src = tmp_path / "harbour.txt"
    src.write_text(ARTICLE)
    path = tmp_path / "news.db"
    done = runner.invoke(app, ["ingest", str(src), "--db", str(path)])
    assert done.exit_code == 0, done.output
    return path


def sql(path: Path, statement: str) -> None:
    """Run one statement on the file with foreign keys off (as a crash or a bad tool could)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(statement)
    conn.commit()
    conn.close()


def doctor(path: Path) -> tuple[int, str]:
    """Exit code and output of ``seasoncheck doctor --db path``."""
    done = subprocess.run(
        [sys.executable, "-c", DOCTOR, "doctor", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.returncode, done.stdout + done.stderr


def test_healthy_store_passes(db: Path) -> None:
    code, out = doctor(db)
    assert code == 0, out
    assert out.startswith("ok: integrity_check, foreign_key_check, orphan claims")


def test_orphan_claim_is_reported(db: Path) -> None:
    sql(
        db,
        "INSERT INTO claims (article_id, work, type, status, attribution, evidence) "
        "VALUES ('feedfacefeedfacefeedfacefeedface', 'Ghost Show', 'renewal', 'confirmed', "
        "'official', 'x')",
    )
    code, out = doctor(db)
    assert code == 1
    lines = out.strip().splitlines()
    assert "problem: orphan claims: 1 for missing article feedfacefeedfacefeedfacefeedface" in lines
    assert any(line.startswith("problem: foreign key: claims row ") for line in lines)


def test_deleted_article_leaves_orphan_claims_and_flags(db: Path) -> None:
    conn = sqlite3.connect(db)
    (article_id,) = conn.execute("SELECT id FROM articles").fetchone()
    (claims,) = conn.execute("SELECT COUNT(*) FROM claims").fetchone()
    conn.close()
    assert claims >= 1
    sql(db, "DELETE FROM articles")
    report = check_store(str(db))
    assert f"orphan claims: {claims} for missing article {article_id}" in report.problems


def test_missing_migration_is_reported(db: Path) -> None:
    sql(db, "DELETE FROM schema_migrations WHERE version = 3")
    code, out = doctor(db)
    assert code == 1
    assert "problem: migration 3 not applied: claims and flags" in out


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200)
    code, out = doctor(path)
    assert code == 1
    assert out.startswith("problem: cannot read the store: ")
    assert "Traceback" not in out


def test_corrupted_page_fails_integrity_check(db: Path) -> None:
    sql(db, "PRAGMA wal_checkpoint(TRUNCATE)")  # move every page from the WAL into the file
    conn = sqlite3.connect(db)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'claims'").fetchone()
    (page,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * page
    data[start + 8 : start + page] = b"\xa5" * (page - 8)  # scribble over the claims table's root
    db.write_bytes(bytes(data))
    report = check_store(str(db))
    assert not report.healthy
    assert any(p.startswith(("integrity: ", "cannot read the store: ")) for p in report.problems)


def test_missing_file_is_reported_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    code, out = doctor(path)
    assert code == 1
    assert f"no database file at {path}" in out
    assert not path.exists()
