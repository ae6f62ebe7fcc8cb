"""The verdict API's cached bytes: ETag/304, gzip, the summary shape, invalidation on ingest.

Over real SQLite files: the ingested samples (``client``/``reader`` from conftest), and a store
filled with 40 invented articles about one season so every list is longer than the summary's cut.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from seasoncheck.dedup import content_hash
from seasoncheck.models import Article, Claim
from seasoncheck.settings import Settings
from seasoncheck.store import Store
from seasoncheck.web import create_app
from test_api import FID, TOKEN, assert_envelope, sample_kb

VERDICT = f"/api/franchises/{FID}/seasons/2"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# An invented article adding a release claim about season 2 (checked: the extractor finds a
# "release" claim for Oshi no Ko season 2 in it).
NEW_ARTICLE = {
    "id": "cache-test-1",
    "title": "Oshi no Ko season 2 premiere set",
    "text": "Oshi no Ko season 2 will premiere in July 2024, the studio said on Friday.\n"
    "The cast of the first season returns for the new episodes.",
    "published": "2024-03-01",
}
BIG_SEASON = 4  # the season the invented articles talk about (the demo KB stops at 3)
BIG_ARTICLES = 40
MONTHS = [f"2027-{m:02d}" for m in range(1, 9)]  # 8 release months: 28 contradicting pairs


def test_verdict_carries_an_etag_and_answers_304_to_it(reader: TestClient) -> None:
    first = reader.get(VERDICT)
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
    again = reader.get(VERDICT, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert again.headers["x-content-type-options"] == "nosniff"  # security headers on 304 too
    listed = reader.get(VERDICT, headers={"If-None-Match": f'"other", {etag}'})
    assert listed.status_code == 304
    stale = reader.get(VERDICT, headers={"If-None-Match": 'W/"0123"'})
    assert stale.status_code == 200 and stale.json() == first.json()


def test_season_page_answers_304_with_the_same_html(reader: TestClient) -> None:
    page = reader.get(f"/franchise/{FID}/season/2")
    assert page.headers["content-type"].startswith("text/html")
    again = reader.get(
        f"/franchise/{FID}/season/2", headers={"If-None-Match": page.headers["etag"]}
    )
    assert again.status_code == 304
    assert reader.get(f"/franchise/{FID}/season/2").text == page.text


def test_gzip_only_when_asked_and_same_json(reader: TestClient) -> None:
    plain = reader.get(VERDICT, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    raw = reader.get(VERDICT, headers={"Accept-Encoding": "gzip, br"})
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.json() == plain.json()  # httpx decoded the gzip body
    assert int(raw.headers["content-length"]) < len(plain.content) / 2
    refused = reader.get(VERDICT, headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers


def test_an_ingest_changes_the_verdict_body_and_its_etag(client: TestClient) -> None:
    before = client.get(VERDICT)
    total = before.json()["claims_total"]
    added = assert_envelope(client.post("/api/ingest", json=NEW_ARTICLE, headers=AUTH), 201)
    assert added["claims"] >= 1
    after = client.get(VERDICT, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200, "the cached body outlived the ingest"
    assert after.headers["etag"] != before.headers["etag"]
    assert after.json()["claims_total"] == total + added["claims"]
    page = client.get(f"/franchise/{FID}/season/2")
    assert "Oshi no Ko season 2 premiere set" in page.text


def test_ingest_error_names_the_api_record(client: TestClient) -> None:
    # Over the 500,000-character article limit, under the 1 MiB body limit: the pipeline refuses it.
    record = {"id": "x", "text": "word " * 110_000, "title": "too long"}
    body = assert_envelope(client.post("/api/ingest", json=record, headers=AUTH), 422)
    assert body["errors"] == [
        {"origin": "api:1", "reason": "article text too long: 550000 characters (limit 500000)"}
    ]


# -- the summary shape, over a season with long lists -------------------------------------------


def _big_article(i: int) -> tuple[Article, list[Claim]]:
    """An invented article about Oshi no Ko season 4: a renewal and a release month."""
    month = MONTHS[i % len(MONTHS)]
    sentences = [
        f"Oshi no Ko season {BIG_SEASON} is coming, says report number {i}.",
        f"The fourth season will premiere in {month}, according to report {i}.",
    ]
    text = "\n".join(sentences)
    aid = content_hash(text)
    claims = [
        Claim(aid, "Oshi no Ko", BIG_SEASON, "renewal", None, "confirmed", "media",
              sentences[0], None, FID, 0, len(sentences[0])),
        Claim(aid, "Oshi no Ko", BIG_SEASON, "release", month, "reported", "media",
              sentences[1], None, FID, len(sentences[0]) + 1, len(text)),
    ]  # fmt: skip
    published = date(2026, 1, 1 + i % 28).isoformat()
    article = Article(
        aid, text, f"test:{i}", f"Report {i}", None, f"site{i % 3}.example", published
    )
    return article, claims


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over a store with 40 articles (80 claims) about one season."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    store = Store.open(f"sqlite:///{path}")
    for i in range(BIG_ARTICLES):
        article, claims = _big_article(i)
        store.add_article(article, claims_=claims)
    app = create_app(store, Settings.from_env(str(path)), kb=sample_kb(), today=date(2026, 11, 23))
    with TestClient(app) as c:
        yield c
    store.close()


def _ids(rows: list[dict[str, Any]], name: str) -> list[Any]:
    return [r[name] for r in rows]


def test_summary_cuts_every_long_list_and_says_how_long_it_was(big: TestClient) -> None:
    url = f"/api/franchises/{FID}/seasons/{BIG_SEASON}"
    summary = assert_envelope(big.get(url))
    full = assert_envelope(big.get(url, params={"evidence": "all"}))
    s, f = summary["season"], full["season"]
    assert (summary["evidence"], full["evidence"]) == ("summary", "all")
    assert summary["claims_total"] == full["claims_total"] == len(f["claims"]) == 2 * BIG_ARTICLES
    assert s["claims"] == f["claims"][:20]
    assert full["contradictions_total"] == len(f["contradictions"]) > 20
    assert len(s["contradictions"]) == 20
    for cut, whole in zip(s["contradictions"], f["contradictions"], strict=False):
        assert cut["articles_a"] == whole["articles_a"][:5]
        assert cut["articles_a_total"] == len(whole["articles_a"])
        assert cut["articles_b_total"] == len(whole["articles_b"])
    renewal = next(t for t in s["types"] if t["type"] == "renewal")["values"][0]
    assert renewal["articles_total"] == BIG_ARTICLES and len(renewal["articles"]) == 5
    assert s["state"] == f["state"] and s["timeline"] == f["timeline"]
    assert len(big.get(url).content) < len(big.get(url, params={"evidence": "all"}).content)


def test_evidence_parameter_is_documented_and_checked(big: TestClient) -> None:
    schema = big.get("/openapi.json").json()
    op = schema["paths"]["/api/franchises/{franchise_id}/seasons/{season}"]["get"]
    param = next(p for p in op["parameters"] if p["name"] == "evidence")
    assert param["schema"]["enum"] == ["summary", "all"] and param["schema"]["default"] == "summary"
    assert "304" in op["responses"]
    bad = big.get(f"/api/franchises/{FID}/seasons/{BIG_SEASON}", params={"evidence": "most"})
    assert_envelope(bad, 422)


def test_gzip_body_is_plain_gzip(big: TestClient) -> None:
    """The stored gzip form decompresses (by hand, not by the client) to the identity body."""
    url = f"/api/franchises/{FID}/seasons/{BIG_SEASON}"
    with big.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as r:
        wire = b"".join(r.iter_raw())
    assert gzip.decompress(wire) == big.get(url).content
