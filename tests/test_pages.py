"""HTML pages over the ingested sample store, checked with BeautifulSoup on a few elements each.

Expected values checked by hand against the samples (see test_api.py): season 2 is "released"
on 2024-07-03; season 3's latest news (Anime Guesswork, 2024-10-10) is newer than season 2's
(Anime News Desk, 2024-05-24), so the home page lists season 3 first.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from test_api import FID, TOKEN

bs4 = pytest.importorskip("bs4")


def soup(client: TestClient, url: str, status: int = 200) -> object:
    """GET a page, check status and content type, and parse it."""
    r = client.get(url)
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    return bs4.BeautifulSoup(r.text, "html.parser")


def assert_accessible(page: object) -> None:
    """One h1, a main landmark, a labelled search box, a language, no script (but JSON-LD data)
    and no inline style."""
    assert len(page.find_all("h1")) == 1
    assert page.find("main") is not None
    assert page.find("html")["lang"] == "en"
    box = page.find("input", attrs={"name": "q"})
    assert page.find("label", attrs={"for": box["id"]}) is not None
    assert not [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
    assert page.find(attrs={"style": True}) is None and page.find("style") is None


def test_season_page_shows_badge_date_timeline_and_linked_evidence(reader: TestClient) -> None:
    page = soup(reader, f"/franchise/{FID}/season/2")
    assert_accessible(page)
    assert page.find(class_="badge").get_text(strip=True) == "released"
    when = page.select_one(".verdict-date time")
    assert when["datetime"] == "2024-07-03" and when.get_text() == "3 July 2024"
    svg = page.find("svg", class_="timeline")
    assert svg is not None and svg.find("title") is not None
    assert len(svg.find_all("circle")) == len(page.select(".timeline-list li"))
    quotes = page.select("blockquote.evidence a")
    assert len(quotes) == 23
    for a in quotes:
        assert a["href"].startswith("/article/")
        article = soup(reader, a["href"])
        marked = " ".join(m.get_text() for m in article.find_all("mark"))
        assert a.get_text() in marked


def test_season_page_highlights_contradictions_and_flagged_articles(reader: TestClient) -> None:
    page = soup(reader, f"/franchise/{FID}/season/2")
    contradictions = page.find("section", class_="contradictions").get_text(" ", strip=True)
    assert "MAPPA" in contradictions and "Doga Kobo" in contradictions
    flagged = page.find("section", class_="flagged").get_text(" ", strip=True)
    assert "factual_error" in flagged and "Trending Toons" in flagged
    mappa = [li for li in page.select("li.claim") if "MAPPA" in li.get_text()]
    assert len(mappa) == 1 and "flagged" in mappa[0]["class"]
    assert "kb-contradicted" in mappa[0]["class"]


def test_home_lists_most_recently_changed_season_first(reader: TestClient) -> None:
    page = soup(reader, "/")
    assert_accessible(page)
    links = [a["href"] for a in page.select(".cards h2 a")]
    assert links == [f"/franchise/{FID}/season/3", f"/franchise/{FID}/season/2"]
    assert page.select_one(".cards time[datetime='2024-10-10']") is not None


def test_search_page_links_results_and_offers_did_you_mean(reader: TestClient) -> None:
    page = soup(reader, "/search?q=oshi")
    first = page.select_one(".results h2 a")
    assert first["href"] == f"/franchise/{FID}" and first.get_text() == "Oshi no Ko"
    typo = soup(reader, "/search?q=oshi+no+kp")
    suggestions = [a.get_text() for a in typo.select(".suggestions a")]
    assert "Oshi no Ko" in suggestions
    assert soup(reader, "/search?q=").find("h1").get_text(strip=True) == "Search"


def test_franchise_page_links_each_season(reader: TestClient) -> None:
    page = soup(reader, f"/franchise/{FID}")
    badges = [b.get_text(strip=True) for b in page.select(".cards .badge")]
    assert badges == ["released", "released"]
    # Season 1 has no articles but is in the KB: its page shows the KB verdict.
    one = soup(reader, f"/franchise/{FID}/season/1")
    assert one.find(class_="badge").get_text(strip=True) == "released"
    assert one.select_one("blockquote.evidence") is None


def test_source_page_shows_the_record(reader: TestClient) -> None:
    page = soup(reader, "/source/Trending%20Toons")
    assert page.find("h1").get_text() == "Trending Toons"
    assert "Factual errors" in page.find("dl", class_="record").get_text()
    assert page.select_one(".record + p code").get_text().startswith("100 ×")
    assert [a["href"][:9] for a in page.select("main ul a")] == ["/article/"]
    assert soup(reader, "/source/%28no%20site%29").find("h1").get_text() == "(no site)"


def test_article_page_marks_evidence_and_links_the_original(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    record = {
        "id": "page-test-1",
        "title": "Paper Moon Season 2 Confirmed",
        "text": "Fans had waited two years.\nPaper Moon season 2 has been officially confirmed "
        "by the studio on its website.\nNothing else was said.",
        "url": "https://news.example/paper-moon-2",
        "published": "2026-11-01",
    }
    aid = client.post("/api/ingest", json=record, headers=auth).json()["added"][0]
    page = soup(client, f"/article/{aid}")
    assert_accessible(page)
    marks = page.find_all("mark")
    assert len(marks) == 1
    assert marks[0].get_text().startswith("Paper Moon season 2 has been officially confirmed")
    assert "Fans had waited" not in marks[0].get_text()
    original = page.find("a", class_="original")
    assert original["href"] == "https://news.example/paper-moon-2"
    assert set(original["rel"]) == {"noopener", "noreferrer"}


def test_article_page_does_not_link_javascript_urls(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    record = {
        "id": "js-url",
        "text": "Nothing to see here at all today.",
        "url": "javascript:alert(1)",
    }
    aid = client.post("/api/ingest", json=record, headers=auth).json()["added"][0]
    page = soup(client, f"/article/{aid}")
    assert page.find("a", class_="original") is None
    assert not any(a["href"].startswith("javascript") for a in page.find_all("a", href=True))


@pytest.mark.parametrize(
    "url", ["/franchise/nope", f"/franchise/{FID}/season/42", "/article/zzz", "/source/nobody"]
)
def test_missing_pages_are_html_404s(reader: TestClient, url: str) -> None:
    page = soup(reader, url, 404)
    assert page.find("h1").get_text() == "Not found"
    assert page.find(class_="error-message").get_text()


def test_docs_page_lists_the_api_without_scripts(reader: TestClient) -> None:
    page = soup(reader, "/docs")
    operations = [h.get_text() for h in page.select(".operation h2")]
    assert "POST /api/ingest" in operations
    assert "GET /api/franchises/{franchise_id}/seasons/{season}" in operations
    assert page.find("script") is None
    assert reader.get("/static/style.css").status_code == 200


def test_season_page_embeds_claim_reviews_as_data(reader: TestClient) -> None:
    pytest.importorskip("seasoncheck.exports")
    page = soup(reader, f"/franchise/{FID}/season/2")
    blocks = page.find_all("script", attrs={"type": "application/ld+json"})
    assert len(blocks) == 1
    reviews = json.loads(blocks[0].string)
    assert len(reviews) == 23 and {r["@type"] for r in reviews} == {"ClaimReview"}
    assert all(r["url"].endswith(f"/franchise/{FID}/season/2") for r in reviews)


def test_every_claim_of_an_article_links_to_its_mark(reader: TestClient) -> None:
    # The 2024-05-24 Anime News Desk article takes a renewal and a release claim from one
    # sentence: both rows must point at that sentence's single <mark>.
    articles = reader.get("/api/articles", params={"site": "Anime News Desk"}).json()["articles"]
    aid = next(a["id"] for a in articles if a["published"] == "2024-05-24")
    page = soup(reader, f"/article/{aid}")
    ids = {m["id"] for m in page.find_all("mark")}
    targets = [a["href"][1:] for a in page.select("tbody a[href^='#']")]
    assert len(targets) == 4 and set(targets) <= ids
    assert len(set(targets)) == 3  # renewal and release share one sentence


def test_season_evidence_is_paged(reader: TestClient) -> None:
    page = soup(reader, f"/franchise/{FID}/season/2?evidence=20")
    assert len(page.select("blockquote.evidence a")) == 3  # claims 21-23 of 23
    assert (
        "Claims 21–23 of 23"
        in page.find("section", attrs={"aria-labelledby": "evidence-h"}).get_text()
    )
    assert [a.get_text() for a in page.select(".pager a")] == ["Previous claims"]
    assert page.find(class_="badge").get_text(strip=True) == "released"  # verdict on every page
