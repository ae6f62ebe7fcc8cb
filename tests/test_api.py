"""JSON API over a real SQLite file filled by ingesting the bundled sample articles.

Expected verdicts were checked by hand against the samples: Oshi no Ko season 2 was officially
dated 3 July 2024 (09-premiere-date.html) and the demo KB has it first aired on 2024-07-03, so on
2026-11-23 it is "released"; one article (Trending Toons) names MAPPA as the studio, which the
KB (Doga Kobo) contradicts. ``web_app`` and ``assert_envelope`` are shared with the page tests.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pytest_httpserver import HTTPServer

from seasoncheck.kb.loader import load_kb
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.pipeline import ingest
from seasoncheck.samples import samples_dir
from seasoncheck.settings import Settings
from seasoncheck.store import Store
from seasoncheck.web import create_app

TODAY = date(2026, 11, 23)
TOKEN = "test-token-7f3a"
FID = "oshi-no-ko"
SAMPLE_ARTICLES = 10
_BUILT: dict[str, Any] = {}


def sample_kb() -> KnowledgeBase:
    """The demo KB, loaded once per test session."""
    if "kb" not in _BUILT:
        _BUILT["kb"] = load_kb()
    return _BUILT["kb"]  # type: ignore[no-any-return]


def sample_db(folder: Path) -> Path:
    """A copy (in ``folder``) of a store holding the ingested samples, built once per session."""
    if "db" not in _BUILT:
        path = folder.parent / "web-sample-master.db"  # pytest's base temp dir for the session
        store = Store.open(f"sqlite:///{path}")
        report = ingest([str(samples_dir())], store, Settings.from_env(str(path)), kb=sample_kb())
        assert not report.errors, report.errors
        assert len(report.added) == SAMPLE_ARTICLES
        store.close()
        _BUILT["db"] = path
    target = folder / "web.db"
    shutil.copyfile(_BUILT["db"], target)
    return target


def web_app(folder: Path, *, token: str | None = TOKEN) -> Any:
    """The app over a fresh copy of the sample store (the KB shared, today fixed)."""
    store = Store.open(f"sqlite:///{sample_db(folder)}")
    return create_app(store, Settings.from_env(str(folder / "web.db")), token=token,
                      kb=sample_kb(), today=TODAY)  # fmt: skip


def assert_envelope(resp: Any, status: int = 200) -> dict[str, Any]:
    """The one JSON shape: ``ok`` true on success; ``ok`` false, ``error``, ``status`` otherwise."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert isinstance(body, dict)
    assert body["ok"] is (status < 400)
    if status >= 400:
        assert isinstance(body["error"], str) and body["error"]
        assert body["status"] == status
        assert isinstance(body["errors"], list)
    return body  # type: ignore[no-any-return]


def test_season_verdict_is_released_on_the_kb_date(reader: TestClient) -> None:
    body = assert_envelope(reader.get(f"/api/franchises/{FID}/seasons/2"))
    season = body["season"]
    assert (season["state"], season["date"]) == ("released", "2024-07-03")
    assert body["franchise"] == "Oshi no Ko"
    # 23 claims: the summary inlines the first 20; evidence=all gives every one.
    assert (body["claims_total"], len(season["claims"]), body["evidence"]) == (23, 20, "summary")
    full = assert_envelope(reader.get(f"/api/franchises/{FID}/seasons/2?evidence=all"))
    assert len(full["season"]["claims"]) == full["claims_total"] == 23
    claims = full["season"]["claims"]
    studio = [c for c in claims if c["type"] == "studio" and c["value"] == "MAPPA"]
    assert len(studio) == 1 and studio[0]["kb"] == "contradicted"
    assert any(c["type"] == "studio" for c in season["contradictions"])
    assert any(e["kind"] == "first_official" for e in season["timeline"])


def test_franchise_report_lists_every_season_with_claims(reader: TestClient) -> None:
    body = assert_envelope(reader.get(f"/api/franchises/{FID}"))
    states = {s["season"]: s["state"] for s in body["report"]["seasons"]}
    assert states == {2: "released", 3: "released"}
    listed = assert_envelope(reader.get("/api/franchises"))
    assert [f["id"] for f in listed["franchises"]] == [FID]
    assert listed["franchises"][0]["kb_seasons"] == [1, 2, 3]


def test_articles_paginate_without_overlap(reader: TestClient) -> None:
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        body = assert_envelope(reader.get("/api/articles", params={"limit": 3, "offset": offset}))
        assert body["total"] == SAMPLE_ARTICLES and len(body["articles"]) <= 3
        seen += [a["id"] for a in body["articles"]]
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == SAMPLE_ARTICLES
    last = assert_envelope(reader.get("/api/articles", params={"limit": 3, "offset": 9}))
    assert len(last["articles"]) == 1 and last["next_offset"] is None


def test_articles_filter_by_site_and_date(reader: TestClient) -> None:
    by_site = assert_envelope(reader.get("/api/articles", params={"site": "Anime News Desk"}))
    assert by_site["total"] == 2
    assert {a["published"] for a in by_site["articles"]} == {"2023-12-17", "2024-05-24"}
    since = assert_envelope(reader.get("/api/articles", params={"since": "2024-06"}))
    assert sorted(a["published"] for a in since["articles"]) == ["2024-06-02", "2024-10-10"]


def test_season_claims_filter_and_page(reader: TestClient) -> None:
    url = f"/api/franchises/{FID}/seasons/2/claims"
    studio = assert_envelope(reader.get(url, params={"type": "studio"}))
    assert studio["total"] == 5 and {c["type"] for c in studio["claims"]} == {"studio"}
    leaks = assert_envelope(reader.get(url, params={"type": "studio", "attribution": "leak"}))
    assert leaks["total"] == 2 and all(c["status"] == "reported" for c in leaks["claims"])
    first = assert_envelope(reader.get(url, params={"limit": 2}))
    second = assert_envelope(reader.get(url, params={"limit": 2, "offset": 2}))
    assert first["next_offset"] == 2
    assert first["claims"] != second["claims"] and len(second["claims"]) == 2
    assert all(c["evidence"] and c["article_id"] for c in first["claims"])


def test_article_has_claims_with_evidence_offsets(reader: TestClient) -> None:
    page = assert_envelope(reader.get("/api/articles", params={"site": "Anime News Desk"}))
    aid = next(a["id"] for a in page["articles"] if a["published"] == "2024-05-24")
    body = assert_envelope(reader.get(f"/api/articles/{aid}"))
    text = body["article"]["text"]
    assert body["claims"]
    for c in body["claims"]:
        assert text[c["evidence_start"] : c["evidence_end"]] == c["evidence"]
    assert any(c["type"] == "streaming" and c["value"] == "HIDIVE" for c in body["claims"])


def test_sources_carry_their_records(reader: TestClient) -> None:
    body = assert_envelope(reader.get("/api/sources"))
    desk = next(s for s in body["sources"] if s["site"] == "Anime News Desk")
    assert desk["articles"] == 2 and 0 <= desk["score"] <= 100
    one = assert_envelope(reader.get("/api/sources/Trending Toons"))
    assert one["source"]["factual_errors"] >= 1 and one["total"] == 1


def test_search_finds_the_stored_franchise_and_suggests_on_typos(reader: TestClient) -> None:
    hits = assert_envelope(reader.get("/api/search", params={"q": "oshi"}))["hits"]
    assert hits[0]["franchise_id"] == FID and hits[0]["claims"] == 25
    typo = assert_envelope(reader.get("/api/search", params={"q": "oshi no kp"}))
    assert "Oshi no Ko" in typo["suggestions"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/franchises/no-such-show", 404),
        (f"/api/franchises/{FID}/seasons/99", 404),
        ("/api/articles/0000000000", 404),
        ("/api/sources/nobody.example", 404),
        ("/api/nothing-here", 404),
        ("/api/articles?limit=0", 422),
        ("/api/articles?offset=-1", 422),
        (f"/api/franchises/{FID}/seasons/two", 422),
        ("/api/search", 422),
    ],
)
def test_errors_use_the_envelope(reader: TestClient, url: str, status: int) -> None:
    assert_envelope(reader.get(url), status)


def test_every_response_carries_the_security_headers(reader: TestClient) -> None:
    for url in ("/api/franchises", "/api/nothing", "/", "/openapi.json"):
        headers = reader.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


ARTICLE = {
    "id": "api-test-1",
    "title": "Paper Moon Season 2 Confirmed",
    "text": "Paper Moon season 2 has been officially confirmed by the studio on its website.\n"
    "The second season will premiere in April 2027, the staff said.",
    "url": "https://news.example/paper-moon-2",
    "published": "2026-11-01",
}


def test_ingest_is_refused_when_no_token_is_configured(tmp_path: Path) -> None:
    app = web_app(tmp_path, token=None)
    with TestClient(app) as c:
        r = c.post("/api/ingest", json=ARTICLE, headers={"Authorization": "Bearer anything"})
        assert_envelope(r, 503)
    app.state.ctx.store.close()


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer "])
def test_ingest_needs_the_right_bearer_token(reader: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    r = reader.post("/api/ingest", json=ARTICLE, headers=headers)
    assert_envelope(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"
    assert assert_envelope(reader.get("/api/articles"))["total"] == SAMPLE_ARTICLES


def test_authenticated_ingest_adds_the_article_once(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = assert_envelope(client.post("/api/ingest", json=ARTICLE, headers=auth), 201)
    assert len(body["added"]) == 1 and body["claims"] >= 1
    aid = body["added"][0]
    stored = assert_envelope(client.get(f"/api/articles/{aid}"))
    assert stored["article"]["title"] == ARTICLE["title"]
    assert stored["article"]["url"] == ARTICLE["url"]
    assert assert_envelope(client.get("/api/articles"))["total"] == SAMPLE_ARTICLES + 1
    again = assert_envelope(client.post("/api/ingest", json=ARTICLE, headers=auth), 200)
    assert again["added"] == [] and again["unchanged"] == [aid]


def test_ingest_rejects_a_record_without_text_or_url(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_envelope(client.post("/api/ingest", json={"title": "x"}, headers=auth), 422)
    assert_envelope(client.post("/api/ingest", content=b"not json", headers=auth), 422)


def test_ingest_fetches_a_url(client: TestClient, httpserver: HTTPServer) -> None:
    page = (
        "<html><head><title>Harbor Tales season 3 announced</title></head><body><article>"
        "<h1>Harbor Tales season 3 announced</h1><p>The official account of Harbor Tales "
        "confirmed on Sunday that a third season is in production at the same studio.</p>"
        "<p>No release window was given, and the cast is expected to return for it.</p>"
        "</article></body></html>"
    )
    httpserver.expect_request("/harbor").respond_with_data(page, content_type="text/html")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = assert_envelope(
        client.post("/api/ingest", json={"url": httpserver.url_for("/harbor")}, headers=auth), 201
    )
    stored = assert_envelope(client.get(f"/api/articles/{body['added'][0]}"))
    assert "third season is in production" in stored["article"]["text"]


def test_schemathesis_finds_no_server_errors(reader: TestClient) -> None:
    """Requests generated from the OpenAPI schema: no 5xx, errors always in the envelope."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", reader.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=SCHEMA_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            if case.path.startswith("/api/"):  # downloads (Atom, iCalendar, CSV) are not JSON
                assert response.json()["ok"] is (response.status_code < 400)

        check()


# Per API operation; 13 operations x 5 examples run in about 5 s.
SCHEMA_EXAMPLES = 5


def test_downloads_give_feed_calendar_and_claim_dumps(reader: TestClient) -> None:
    pytest.importorskip("seasoncheck.exports")
    atom = reader.get("/feeds/verdicts.atom")
    assert atom.status_code == 200 and atom.headers["content-type"] == "application/atom+xml"
    assert "<feed" in atom.text
    ics = reader.get("/calendar.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "SUMMARY:Oshi no Ko season 2 premiere" in ics.text
    assert "DTSTART;VALUE=DATE:20240703" in ics.text
    dump = assert_envelope(reader.get("/api/claims", params={"limit": 5}))
    assert dump["total"] == 25 and len(dump["claims"]) == 5
    season3 = assert_envelope(
        reader.get("/api/claims", params={"franchise": "Oshi no Ko", "season": 3})
    )
    assert season3["total"] == 2
    assert_envelope(reader.get("/api/claims", params={"franchise": "no such show"}), 404)
    csv_text = reader.get("/claims.csv").text
    assert csv_text.startswith("article_id,doc_id,work,")
    assert len(csv_text.strip().split("\r\n")) == 26  # header + 25 claims


def test_serve_command_serves_the_store(tmp_path: Path) -> None:
    """``seasoncheck serve`` in a child process answers the API over the given store."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = sample_db(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "from seasoncheck.cli import app, web_cmds; app()"
    args = [sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(
        args, stderr=subprocess.PIPE, env={**os.environ, "SEASONCHECK_TOKEN": ""}
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/franchises", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.1)
        assert assert_envelope(r)["franchises"][0]["id"] == FID
        busy = subprocess.run([*args[:-1], str(port)], capture_output=True, text=True, timeout=30)
        assert busy.returncode == 2
        assert busy.stderr.strip().startswith(f"error: cannot listen on 127.0.0.1:{port}")
        assert "Traceback" not in busy.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)
