"""Web hardening (issue 8, item 6): POST size limit, token check, security headers, link rel.

Runs the real app (``create_app``) over a copy of the sample store, through ``TestClient``.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from seasoncheck.web.security import MAX_BODY_BYTES, token_matches
from test_api import FID, SAMPLE_ARTICLES, TOKEN, assert_envelope, web_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}
MIB = 1024 * 1024
LINKED = {
    "title": "Lantern Road Season 3 Announced",
    "text": "Lantern Road season 3 has been officially announced by the studio.\n"
    "The staff list is unchanged.",
    "url": "https://news.example/lantern-road-3",
    "published": "2026-10-02",
}
STORED = SAMPLE_ARTICLES + 1


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over a fresh copy of the sample store plus one article with an original URL."""
    app = web_app(tmp_path_factory.mktemp("hardening"))
    with TestClient(app) as c:
        assert_envelope(c.post("/api/ingest", json=LINKED, headers=AUTH), 201)
        yield c
    app.state.ctx.store.close()


def _padded(size: int) -> bytes:
    """A JSON ingest body of about ``size`` bytes that has neither text nor url (so 422)."""
    return orjson.dumps({"title": "padding", "pad": "a" * size})


def _stored(client: TestClient) -> int:
    """How many articles the store holds, through the API."""
    return int(assert_envelope(client.get("/api/articles"))["total"])


def test_the_limit_is_one_mebibyte() -> None:
    assert MAX_BODY_BYTES == MIB


def test_a_body_over_the_limit_gets_413_in_the_envelope(client: TestClient) -> None:
    r = client.post("/api/ingest", content=_padded(MIB + 10), headers=AUTH)
    body = assert_envelope(r, 413)
    assert "too large" in body["error"]
    assert "unsafe-inline" not in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert _stored(client) == STORED


def test_a_chunked_body_over_the_limit_gets_413(client: TestClient) -> None:
    chunk = b"a" * 64 * 1024

    def chunks() -> Iterator[bytes]:
        yield b'{"title": "x", "pad": "'
        for _ in range(20):  # 1.25 MiB in all, with no Content-Length
            yield chunk
        yield b'"}'

    r = client.post("/api/ingest", content=chunks(), headers=AUTH)
    assert "content-length" not in r.request.headers
    assert_envelope(r, 413)


def test_a_lying_content_length_does_not_let_a_big_body_through(client: TestClient) -> None:
    data = _padded(2 * MIB)
    headers = {**AUTH, "Content-Type": "application/json", "Content-Length": "100"}
    r = client.post("/api/ingest", content=data, headers=headers)
    # Either refused for size or (the server trusting the short length) rejected as bad JSON;
    # never accepted and never a server error.
    assert r.status_code in (413, 422), r.text


def test_a_body_under_the_limit_reaches_the_app(client: TestClient) -> None:
    r = client.post("/api/ingest", content=_padded(MIB - 1000), headers=AUTH)
    body = assert_envelope(r, 422)  # the app's own answer: no text or url
    assert "too large" not in body["error"]


def test_get_requests_are_not_affected(client: TestClient) -> None:
    assert_envelope(client.get(f"/api/franchises/{FID}"))


@pytest.mark.parametrize(
    "given",
    [
        TOKEN[:-1] + ("x" if TOKEN[-1] != "x" else "y"),  # same length, last character wrong
        "x" + TOKEN[1:],  # same length, first character wrong
        TOKEN[:-1],  # a prefix
        TOKEN + "0",  # the token plus one character
        TOKEN.upper(),  # case matters
    ],
)
def test_a_near_miss_token_is_refused(client: TestClient, given: str) -> None:
    assert given != TOKEN
    r = client.post(
        "/api/ingest",
        json={"text": "Paper Moon season 2 is confirmed."},
        headers={"Authorization": f"Bearer {given}"},
    )
    assert_envelope(r, 401)
    assert _stored(client) == STORED


def test_token_check_handles_non_ascii_without_crashing() -> None:
    # hmac.compare_digest raises TypeError on non-ASCII str; the check compares bytes.
    assert token_matches("sëcret", "Bearer sëcret") is True
    assert token_matches("sëcret", "Bearer sëcreu") is False
    assert token_matches("secret", "Bearer sécret") is False
    assert token_matches(None, "Bearer x") is None


def _article_id(client: TestClient) -> str:
    """The id of a stored sample article that has an original URL."""
    for a in assert_envelope(client.get("/api/articles?limit=50"))["articles"]:
        if a.get("url"):
            return str(a["id"])
    raise AssertionError("no sample article has a URL")


@pytest.mark.parametrize(
    "path", ["/", "/api/franchises", "/franchise/" + FID, "/no-such-page", "/static/style.css"]
)
def test_security_headers_on_pages_api_errors_and_static(client: TestClient, path: str) -> None:
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split("; ")}
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pages_hold_no_inline_script_or_style(client: TestClient) -> None:
    aid = _article_id(client)
    for path in ("/", f"/franchise/{FID}", f"/article/{aid}", "/docs"):
        page = BeautifulSoup(client.get(path).text, "html.parser")
        assert all(s.get("src") for s in page.find_all("script")), path
        assert not page.find_all("style"), path
        assert not page.find_all(attrs={"style": True}), path
        handlers = [k for tag in page.find_all(True) for k in tag.attrs if k.startswith("on")]
        assert not handlers, path


def test_every_external_link_has_noopener_noreferrer(client: TestClient) -> None:
    aid = _article_id(client)
    external = 0
    for path in ("/", f"/franchise/{FID}", f"/article/{aid}"):
        page = BeautifulSoup(client.get(path).text, "html.parser")
        for a in page.find_all("a", href=True):
            if a["href"].startswith(("http://", "https://", "//")):
                external += 1
                assert {"noopener", "noreferrer"} <= set(a.get("rel", [])), (path, a)
    assert external >= 1  # the article page links its original
