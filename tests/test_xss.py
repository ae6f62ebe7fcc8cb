"""Cross-site scripting: an article carrying script and img payloads in its title, text, site and
URL is ingested through the API; every page that shows it must escape them.

The browser check (no dialog fires, no injected element in the DOM) is in test_browser.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from test_api import FID, TOKEN, web_app

bs4 = pytest.importorskip("bs4")

XSS_FILE = Path(__file__).parent / "data" / "web" / "xss-article.json"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def xss_record() -> dict[str, Any]:
    """The hostile article record."""
    return json.loads(XSS_FILE.read_text("utf-8"))  # type: ignore[no-any-return]


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    """A client over the sample store plus the hostile article; yields (client, article id)."""
    app = web_app(tmp_path)
    with TestClient(app) as c:
        r = c.post("/api/ingest", json=xss_record(), headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        yield c, r.json()["added"][0]
    app.state.ctx.store.close()


def assert_inert(html: str) -> None:
    """No payload survives raw; the parsed page has no script, img or event-handler attribute."""
    for payload in PAYLOADS:
        assert payload not in html
    page = bs4.BeautifulSoup(html, "html.parser")
    scripts = page.find_all("script")
    assert all(s.get("type") == "application/ld+json" for s in scripts)
    assert all("<" not in (s.string or "") for s in scripts)  # JSON-LD escapes "<" as \\u003c
    assert page.find("img") is None
    assert not [t for t in page.find_all(True) if any(a.startswith("on") for a in t.attrs)]


def test_article_page_escapes_title_text_and_url(hostile: tuple[TestClient, str]) -> None:
    client, aid = hostile
    html = client.get(f"/article/{aid}").text
    assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    page = bs4.BeautifulSoup(html, "html.parser")
    assert "<script>alert(1)</script>" in page.find("h1").get_text()
    assert "<img src=x onerror=alert(1)>" in " ".join(m.get_text() for m in page.find_all("mark"))
    original = page.find("a", class_="original")
    assert original["href"] == xss_record()["url"]  # kept whole inside the attribute


def test_season_source_and_search_pages_escape_the_payloads(
    hostile: tuple[TestClient, str],
) -> None:
    client, _ = hostile
    season = client.get(f"/franchise/{FID}/season/2").text
    assert_inert(season)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in season  # the evidence quote is shown
    site = xss_record()["site"]
    source = client.get(f"/source/{quote(site, safe='')}")
    assert source.status_code == 200
    assert_inert(source.text)
    for q in PAYLOADS:
        assert_inert(client.get("/search", params={"q": q}).text)
    assert_inert(client.get("/").text)


def test_json_api_returns_the_text_unchanged_as_json(hostile: tuple[TestClient, str]) -> None:
    client, aid = hostile
    r = client.get(f"/api/articles/{aid}")
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["article"]["title"] == xss_record()["title"]
