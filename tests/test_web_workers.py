"""``seasoncheck serve --workers N``: several processes over one SQLite file, each with its own cache."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from seasoncheck.cli import app
from test_api import FID, TOKEN, sample_db
from test_web_cache import NEW_ARTICLE
from test_web_cmds import free_port

VERDICT = f"/api/franchises/{FID}/seasons/2"
# Requests per check, each on a new connection: with two processes the chance that one of
# them never answered any of 16 is 2 * 0.5**16.
PROBES = 16
START_TIMEOUT_S = 60.0
SYNC_TIMEOUT_S = 10.0  # the change counter is re-read every 0.5 s (web.data.VERSION_TTL_S)


def test_workers_must_be_a_positive_count(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--workers", "0", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert "--workers" in result.stderr and "greater than or equal" in result.stderr


def _claims_totals(base: str) -> set[int]:
    """The verdict's claims_total as seen by :data:`PROBES` fresh connections."""
    with httpx.Client(base_url=base, headers={"Connection": "close"}, timeout=30) as client:
        return {client.get(VERDICT).json()["claims_total"] for _ in range(PROBES)}


def _wait_until_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        try:
            httpx.get(base + "/static/style.css", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("serve --workers 2 did not start")


def test_two_workers_serve_and_both_see_an_ingest(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-m", "seasoncheck", "serve", "--workers", "2", "--port", str(port)]
    env = {**os.environ, "SEASONCHECK_TOKEN": TOKEN}
    proc = subprocess.Popen([*args, "--db", str(db)], stderr=subprocess.PIPE, env=env)
    try:
        _wait_until_up(base, proc)
        before = _claims_totals(base)  # warms both processes' caches
        assert len(before) == 1
        auth = {"Authorization": f"Bearer {TOKEN}"}
        added = httpx.post(base + "/api/ingest", json=NEW_ARTICLE, headers=auth, timeout=60)
        assert added.status_code == 201, added.text
        expected = before.pop() + added.json()["claims"]
        deadline = time.monotonic() + SYNC_TIMEOUT_S
        while (seen := _claims_totals(base)) != {expected} and time.monotonic() < deadline:
            time.sleep(0.2)
        assert seen == {expected}, f"a process kept serving the old verdict: {seen}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
