"""``seasoncheck serve --poll``: the followed feeds are polled in the background while serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.follow import add_feed
from seasoncheck.store import Store

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test news</title>
<link>http://127.0.0.1/</link><description>d</description></channel></rss>"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_bad_poll_duration_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--poll", "soon", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert "--poll" in result.stderr and "soon" in result.stderr


def test_serve_polls_followed_feeds_in_the_background(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/feed.xml").respond_with_data(FEED, content_type="application/rss+xml")
    db = str(tmp_path / "s.db")
    add_feed(Store.open(db), server.url_for("/feed.xml"))
    args = [sys.executable, "-m", "seasoncheck", "serve", "--port", str(free_port())]
    proc = subprocess.Popen(
        [*args, "--poll", "1s", "--db", db],
        stderr=subprocess.PIPE,
        env={**os.environ, "SEASONCHECK_POLITENESS_DELAY": "0s"},
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(server.log) < 2:
            time.sleep(0.2)
        polls = [req for req, _ in server.log if req.path == "/feed.xml"]
        assert len(polls) >= 2, "the feed was not polled twice within 30 s"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
