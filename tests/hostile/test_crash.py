"""Crash safety: ``seasoncheck ingest`` killed with SIGKILL at random points, then restarted.

After every kill each stored article has exactly the claims and flags an uninterrupted run gives
it (stored entirely or not at all), no article is stored twice, and the store passes the doctor's
integrity and orphan checks. ``SEASONCHECK_CRASH_CYCLES`` (default 10) sets the number of kills
for a slow run; ``SEASONCHECK_CRASH_SEED`` the random seed.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.doctor import check_store

CYCLES = int(os.environ.get("SEASONCHECK_CRASH_CYCLES", "10"))
SEED = int(os.environ.get("SEASONCHECK_CRASH_SEED", "8"))
# After the first write is seen the kill comes within this many seconds: storing one of these
# short articles takes ~5 ms (measured: 26 stored within 0.15 s), so a kill lands in the next few.
KILL_SPREAD_S = 0.02
START_TIMEOUT_S = 120.0

WORKS = [
    "Harbour Lights",
    "Paper Moon Diner",
    "Ironclad Choir",
    "Velvet Orbit",
    "Snowfield Courier",
    "Copper Fox Inn",
    "Tidal Archive",
    "Lantern Alley",
    "Crimson Kite",
    "Starfall Academy",
]
TEMPLATES = [
    "{w} season {s} confirmed\n\nThe official website of {w} announced on {d} that season {s} of "
    "the anime is in production at Studio {st}. The new season premieres in {m} 2026.\n",
    "{w} delayed to {m}\n\nThe production committee of {w} said the second cour has been delayed "
    "to {m} 2026 because of staffing problems at Studio {st}, according to a statement posted on "
    "{d}.\n",
    "Rumour: {w} gets season {s}\n\nA leaker claims that {w} will return for season {s}, possibly "
    "in {m} 2027, though neither Studio {st} nor the publisher has commented as of {d}.\n",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "April", "July", "October"]
STUDIOS = ["Lumen", "Kestrel", "Aozora", "Nightjar", "Meridian"]

Contents = dict[str, tuple[frozenset[tuple[object, ...]], frozenset[tuple[object, ...]]]]


def write_articles(folder: Path) -> int:
    """30 short news texts (three kinds of story for ten invented shows)."""
    folder.mkdir()
    n = 0
    for i, work in enumerate(WORKS):
        for j, template in enumerate(TEMPLATES):
            text = template.format(
                w=work,
                s=2 + (i + j) % 3,
                d=DAYS[(i * 3 + j) % 7],
                m=MONTHS[(i + j) % 4],
                st=STUDIOS[(i + 2 * j) % 5],
            )
            (folder / f"a{n:02d}.txt").write_text(text)
            n += 1
    return n


def contents(db: Path) -> Contents:
    """Per stored article: its claims and its flags, as comparable sets."""
    conn = sqlite3.connect(db)
    try:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        out: Contents = {}
        for article_id in ids:
            claims = conn.execute(
                "SELECT work, season, type, value, status, attribution FROM claims "
                "WHERE article_id = ?",
                (article_id,),
            ).fetchall()
            flags = conn.execute(
                "SELECT flag, detail FROM flags WHERE article_id = ?", (article_id,)
            ).fetchall()
            out[article_id] = (frozenset(claims), frozenset(flags))
        return out
    finally:
        conn.close()


def stored_count(db: Path) -> int:
    """Articles stored so far, or -1 while the file or its tables do not exist yet."""
    if not db.exists():
        return -1
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def _ingest_in_child(folder: str, db: str) -> None:
    """The body of a forked ingest process: the CLI, output discarded."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    app(["ingest", folder, "--db", db], prog_name="seasoncheck")


class Forked:
    """A forked ingest with the Popen methods the kill loop uses (no interpreter start-up cost)."""

    def __init__(self, folder: Path, db: Path) -> None:
        ctx = multiprocessing.get_context("fork")
        self.proc = ctx.Process(target=_ingest_in_child, args=(str(folder), str(db)))
        self.proc.start()

    def poll(self) -> int | None:
        """The exit code, or None while running."""
        return self.proc.exitcode

    def kill(self) -> None:
        """SIGKILL the process and reap it."""
        os.kill(self.proc.pid or 0, signal.SIGKILL)
        self.proc.join()


def start_ingest(folder: Path, db: Path, cold: bool) -> Forked | subprocess.Popen[bytes]:
    """``seasoncheck ingest`` in a new interpreter (cold) or forked from this warm one."""
    if not cold:
        return Forked(folder, db)
    cmd = [sys.executable, "-m", "seasoncheck", "ingest", str(folder), "--db", str(db)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def ingest_until_killed(folder: Path, db: Path, rng: random.Random, *, cold: bool) -> bool:
    """Start an ingest, SIGKILL it soon after its next write; True if it was killed."""
    before = stored_count(db)
    proc = start_ingest(folder, db, cold)
    deadline = time.monotonic() + START_TIMEOUT_S
    while proc.poll() is None and time.monotonic() < deadline:
        if stored_count(db) > before:
            break
        time.sleep(0.005)
    time.sleep(rng.uniform(0, KILL_SPREAD_S))
    if proc.poll() is not None:
        return False
    proc.kill()  # SIGKILL for both kinds
    if isinstance(proc, subprocess.Popen):
        proc.wait()
    return True


def assert_consistent(db: Path, reference: Contents) -> None:
    """Every stored article is one the reference run stored, with exactly its claims and flags."""
    stored = contents(db)
    for article_id, got in stored.items():
        assert article_id in reference, f"unexpected article {article_id}"
        assert got == reference[article_id], f"article {article_id} stored in part"
    origins = sqlite3.connect(db).execute(
        "SELECT origin, COUNT(*) FROM articles GROUP BY origin HAVING COUNT(*) > 1"
    )
    assert origins.fetchall() == [], "an input stored twice"
    problems = [p for p in check_store(str(db)).problems if not p.startswith("migration ")]
    assert problems == []  # pending migrations are fine mid-crash: the next open applies them


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_ingest_survives_repeated_kill_9(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    assert write_articles(folder) == 30
    runner = CliRunner()
    reference_db = tmp_path / "reference.db"
    done = runner.invoke(app, ["ingest", str(folder), "--db", str(reference_db)])
    assert done.exit_code == 0, done.output
    reference = contents(reference_db)
    assert len(reference) == 30
    assert sum(len(claims) for claims, _ in reference.values()) > 0

    db = tmp_path / "crashed-0.db"
    rng = random.Random(SEED)
    kills = rounds = 0
    for cycle in range(CYCLES):
        # The first run starts a real interpreter (a kill may land in start-up or migrations);
        # the rest are forked from this process, already warm, so a cycle costs ~1 s, not ~3 s.
        kills += ingest_until_killed(folder, db, rng, cold=cycle == 0)
        assert_consistent(db, reference)
        if stored_count(db) == len(reference):  # complete: a long run starts a new store
            rounds += 1
            db = tmp_path / f"crashed-{rounds}.db"
    assert kills >= min(CYCLES, 3)  # kills landed mid-run, or the test proved nothing

    done = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert done.exit_code == 0, done.output
    assert contents(db) == reference
    assert check_store(str(db)).problems == []
    print(f"{kills} kills in {CYCLES} cycles ({rounds + 1} stores filled), zero loss")
