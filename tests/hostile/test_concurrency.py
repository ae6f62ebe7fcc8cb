"""Concurrent use (issue 8, item 5): an ingest writes while the web app answers reads.

The ingest is a real ``seasoncheck ingest`` process writing to the same store (a SQLite file in
WAL mode, and the PostgreSQL test database when configured) that
the app (``create_app`` through ``TestClient``) reads in a loop. Every read must succeed (no
"database is locked"), and once the ingest has committed, the verdict API must show the new
articles: the report cache is keyed on the store's change counter, so it must not serve the
verdict it cached before the ingest.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import PG_URL, reset_postgres
from seasoncheck.pipeline import ingest
from seasoncheck.samples import samples_dir
from seasoncheck.settings import Settings
from seasoncheck.store import Store
from seasoncheck.web import create_app
from test_api import FID, SAMPLE_ARTICLES, TODAY, assert_envelope, sample_db, sample_kb

# Invented articles, each about a different piece of news for Oshi no Ko season 4 (the demo KB
# knows seasons 1-3; the sample store has claims for seasons 2 and 3 only).
NEWS = [
    "Oshi no Ko season 4 has been officially confirmed by the production committee.",
    "The official website announced that Oshi no Ko season 4 is in production.",
    "Oshi no Ko season 4 will premiere in April 2027, the official account said.",
    "A new trailer for Oshi no Ko season 4 was released on the official channel.",
    "Doga Kobo returns to animate Oshi no Ko season 4, the staff page confirmed.",
    "Oshi no Ko season 4 will stream on HIDIVE, the distributor announced today.",
]
FILLER = [
    "Fans at the stage event cheered when the key visual appeared.",
    "The cast members shared short messages after the announcement.",
    "More details are promised for a livestream next month.",
    "The manga it adapts finished its run last year.",
    "Ticket sales for the screening event open next week.",
    "The director thanked viewers for their support of the earlier seasons.",
]
# How long the app may keep a stale change counter (data.VERSION_TTL_S is 0.5 s), with room for a
# slow CI machine. The loop stops as soon as the new verdict shows.
FRESH_WITHIN_S = 10.0


def _write_articles(folder: Path) -> int:
    """One .txt article per piece of news (title line, then text); returns how many."""
    folder.mkdir()
    for i, news in enumerate(NEWS):
        title = f"Oshi no Ko Season 4 Update {i + 1}"
        body = f"{FILLER[i]}\n{news}\n{FILLER[(i + 3) % len(FILLER)]}"
        (folder / f"news-{i + 1}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return len(NEWS)


def _seasons(client: TestClient) -> set[int]:
    """The seasons the franchise verdict covers, read through the API."""
    body = assert_envelope(client.get(f"/api/franchises/{FID}"))
    return {s["season"] for s in body["report"]["seasons"]}


def _read_once(client: TestClient) -> list[str]:
    """One round of reads a visitor makes; the problems seen (empty when all is well)."""
    problems = []
    for path in (f"/api/franchises/{FID}", f"/api/franchises/{FID}/seasons/2", "/api/articles",
                 "/", f"/franchise/{FID}"):  # fmt: skip
        r = client.get(path)
        if r.status_code != 200 or "locked" in r.text:
            problems.append(f"{path}: {r.status_code} {r.text[:200]}")
    return problems


def _app(url: str) -> Any:
    """The app over the store, with the demo KB and a fixed today."""
    return create_app(Store.open(url), Settings.from_env(url), kb=sample_kb(), today=TODAY)


@pytest.fixture(params=["sqlite", "postgresql"])
def sample_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The ingested sample store: a SQLite file in WAL mode, or the PostgreSQL test database."""
    if request.param == "sqlite":
        return f"sqlite:///{sample_db(tmp_path)}"
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set SEASONCHECK_TEST_PG (.ci/run does)")
    reset_postgres(PG_URL)
    store = Store.open(PG_URL)
    report = ingest([str(samples_dir())], store, Settings.from_env(PG_URL), kb=sample_kb())
    store.close()
    assert len(report.added) == SAMPLE_ARTICLES
    return PG_URL


def test_reads_succeed_during_an_ingest_and_see_its_articles_after(
    tmp_path: Path, sample_store_url: str
) -> None:
    db = sample_store_url
    added = _write_articles(tmp_path / "news")
    app = _app(db)
    with TestClient(app) as client:
        assert _seasons(client) == {2, 3}  # warm the cache with the verdict before the ingest
        command = [sys.executable, "-m", "seasoncheck", "ingest", str(tmp_path / "news"),
                   "--db", db, "-f", "json"]  # fmt: skip
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        problems, rounds, totals = [], 0, set()
        while proc.poll() is None:
            problems += _read_once(client)
            totals.add(assert_envelope(client.get("/api/articles"))["total"])
            rounds += 1
        out, err = proc.communicate()
        assert proc.returncode == 0, err.decode()
        assert problems == []
        print(f"read rounds during the ingest: {rounds}; article totals seen: {sorted(totals)}")
        assert rounds >= 1
        assert totals <= set(range(SAMPLE_ARTICLES, SAMPLE_ARTICLES + added + 1))
        deadline = time.monotonic() + FRESH_WITHIN_S
        while 4 not in _seasons(client) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _seasons(client) == {2, 3, 4}
        total = assert_envelope(client.get("/api/articles"))["total"]
        assert total == SAMPLE_ARTICLES + added
        season4 = assert_envelope(client.get(f"/api/franchises/{FID}/seasons/4"))["season"]
        assert season4["claims"]
    app.state.ctx.store.close()
