"""A real browser against a real server: Debian's chromium driven by Playwright, uvicorn on
127.0.0.1. Skips when /usr/bin/chromium or the playwright package is absent (no download).

Install on Debian: ``apt-get install -y chromium`` and ``pip install playwright``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from test_api import FID, TOKEN, web_app

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
XSS_FILE = Path(__file__).parent / "data" / "web" / "xss-article.json"
# Seconds to wait for uvicorn to start listening.
START_TIMEOUT = 10.0

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed", exc_type=ImportError
)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """uvicorn serving the sample store (plus the hostile article) in a thread; yields its URL."""
    import uvicorn

    app = web_app(tmp_path)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)
    app.state.ctx.store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless chromium from Debian (never a downloaded browser)."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


def test_search_to_season_page(server: str, browser: Any, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Latest verdicts"
    page.get_by_label("Search a franchise").fill("oshi")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=oshi")
    page.locator(".results h2 a").first.click()
    page.wait_for_url(f"**/franchise/{FID}")
    page.get_by_role("link", name="Season 2", exact=True).click()
    page.wait_for_url(f"**/franchise/{FID}/season/2")
    assert page.locator(".verdict .badge").inner_text().strip().lower() == "released"
    assert page.locator(".verdict-date time").get_attribute("datetime") == "2024-07-03"
    assert page.locator("svg.timeline circle").count() >= 4
    links = page.locator("blockquote.evidence a")
    assert links.count() == 23
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert all(h.startswith("/article/") for h in hrefs)
    page.screenshot(path=str(tmp_path / "season.png"), full_page=True)
    links.first.click()
    page.wait_for_url("**/article/**")
    assert page.locator("mark").count() >= 1
    assert (tmp_path / "season.png").stat().st_size > 10_000


def test_hostile_article_runs_no_script(server: str, browser: Any, tmp_path: Path) -> None:
    record = json.loads(XSS_FILE.read_text("utf-8"))
    r = httpx.post(
        server + "/api/ingest", json=record, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 201, r.text
    aid = r.json()["added"][0]
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for url in (
        f"/article/{aid}",
        f"/franchise/{FID}/season/2",
        "/search?q=<script>alert(1)</script>",
    ):
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.locator('script:not([type="application/ld+json"])').count() == 0, url
        assert page.locator("img").count() == 0, url
    page.goto(server + f"/article/{aid}")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.screenshot(path=str(tmp_path / "xss.png"), full_page=True)
    assert dialogs == [] and errors == []
