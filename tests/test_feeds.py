"""RSS/Atom feeds over real HTTP: full content vs links, since, ETag/304 and seen entries, broken feeds."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources import read_sources
from seasoncheck.store import Store

# Our own article paragraphs; the full one is well over the 500-character full-content threshold.
FULL_ARTICLE = (
    "<p>The production committee of Moonlit Ferry announced a second season on Friday evening.</p>"
    "<p>The new episodes will adapt the harbour arc of the novels, which readers have long called "
    "the heart of the story, and the original director returns together with most of the staff.</p>"
    "<p>A short teaser played after the stage event, showing the ferry crossing a stormy bay at "
    "night while the familiar theme swelled underneath, and the official site now lists a "
    "broadcast window in the autumn of next year.</p>"
    "<p>Several voice actors posted messages of thanks, and the author drew a new illustration of "
    "the crew to celebrate the news.</p>"
)
LINKED_PAGE = (
    "<html><head><title>Paper Lantern Club film dated</title></head><body><article>"
    "<h1>Paper Lantern Club film dated</h1><p>The film sequel to Paper Lantern Club opens in "
    "cinemas on the third of May, the distributor said in a press release.</p></article></body></html>"
)
TEASER = "A film sequel is coming. Read the full story on our site."


def rss(items: list[str], title: str = "Ferry News") -> str:
    """An RSS 2.0 document with the given <item> elements."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>"
    )


def item(guid: str, link: str, date: str, *, full: str | None = None, teaser: str = TEASER) -> str:
    """One RSS <item>; ``full`` goes into content:encoded."""
    encoded = f"<content:encoded><![CDATA[{full}]]></content:encoded>" if full else ""
    return (
        f"<item><title>Item {guid}</title><link>{link}</link><guid>{guid}</guid>"
        f"<pubDate>{date}</pubDate><description>{teaser}</description>{encoded}</item>"
    )


def requested(server: HTTPServer) -> list[str]:
    """Paths the server was asked for, in order."""
    return [request.path for request, _response in server.log]


def serve_feed(server: HTTPServer, body: str, content_type: str = "application/rss+xml") -> str:
    """Serve a feed at /feed.xml and return its URL."""
    server.expect_request("/feed.xml").respond_with_data(body, content_type=content_type)
    return server.url_for("/feed.xml")


def test_full_content_is_used_and_link_only_entries_are_fetched(
    server: HTTPServer, settings: Settings
) -> None:
    feed = rss(
        [
            item(
                "a1", server.url_for("/ferry"), "Fri, 05 Jan 2024 10:00:00 GMT", full=FULL_ARTICLE
            ),
            item("a2", server.url_for("/lantern"), "Sat, 06 Jan 2024 09:30:00 GMT"),
        ]
    )
    url = serve_feed(server, feed)
    server.expect_request("/lantern").respond_with_data(LINKED_PAGE, content_type="text/html")
    items = list(read_sources([url], settings))
    assert all(isinstance(i, RawItem) for i in items), items
    full, linked = items
    assert "harbour arc of the novels" in (full.html or "")
    assert (full.title, full.published, full.url) == (
        "Item a1",
        "2024-01-05",
        server.url_for("/ferry"),
    )
    assert full.site == "127.0.0.1"
    assert "opens in cinemas on the third of May" in (linked.html or "")
    assert (linked.url, linked.published) == (server.url_for("/lantern"), "2024-01-06")
    assert requested(server) == ["/feed.xml", "/lantern"]  # the full-content entry was not fetched


def test_short_description_is_a_teaser_and_the_link_is_fetched(
    server: HTTPServer, settings: Settings
) -> None:
    url = serve_feed(
        server, rss([item("t1", server.url_for("/lantern"), "Sat, 06 Jan 2024 09:30:00 GMT")])
    )
    server.expect_request("/lantern").respond_with_data(LINKED_PAGE, content_type="text/html")
    (only,) = list(read_sources([url], settings))
    assert isinstance(only, RawItem)
    assert TEASER not in (only.html or "")
    assert "press release" in (only.html or "")


def test_atom_feed_served_as_plain_xml_is_recognised(
    server: HTTPServer, settings: Settings
) -> None:
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom News</title><id>urn:feed</id><updated>2024-02-01T00:00:00Z</updated>"
        "<entry><title>Ferry season two</title><id>urn:e1</id>"
        f'<link href="{server.url_for("/ferry")}"/><updated>2024-02-01T08:00:00Z</updated>'
        f'<content type="html"><![CDATA[{FULL_ARTICLE}]]></content></entry></feed>'
    )
    url = serve_feed(server, atom, content_type="application/xml")
    (only,) = list(read_sources([url], settings))
    assert isinstance(only, RawItem)
    assert "stormy bay" in (only.html or "")
    assert only.published == "2024-02-01"


def test_since_skips_older_entries(server: HTTPServer, settings: Settings) -> None:
    feed = rss(
        [
            item("old", server.url_for("/o"), "Fri, 05 Jan 2024 10:00:00 GMT", full=FULL_ARTICLE),
            item("new", server.url_for("/n"), "Sun, 10 Mar 2024 10:00:00 GMT", full=FULL_ARTICLE),
        ]
    )
    url = serve_feed(server, feed)
    items = list(read_sources([url], settings, since="2024-02-01"))
    assert [i.origin for i in items] == [server.url_for("/n")]
    assert (
        len(list(read_sources([url], settings, since="2024-01-05"))) == 2
    )  # the day itself counts


def test_bad_since_is_one_error(settings: Settings) -> None:
    assert list(read_sources(["whatever"], settings, since="last week")) == [
        SourceError("--since", "--since must be a date like 2024-03-01, not 'last week'")
    ]


def _etag_feed(feed: str, etag: str) -> object:
    """A handler that answers 304 when the client sends our ETag back."""

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304)
        return Response(feed, content_type="application/rss+xml", headers={"ETag": etag})

    return handler


def test_rerun_with_unchanged_etag_fetches_nothing(
    server: HTTPServer, settings: Settings, fresh_store: Store
) -> None:
    feed = rss([item("e1", server.url_for("/lantern"), "Sat, 06 Jan 2024 09:30:00 GMT")])
    server.expect_request("/feed.xml").respond_with_handler(_etag_feed(feed, '"rev-1"'))
    server.expect_request("/lantern").respond_with_data(LINKED_PAGE, content_type="text/html")
    url = server.url_for("/feed.xml")
    assert len(list(read_sources([url], settings, store=fresh_store))) == 1
    assert list(read_sources([url], settings, store=fresh_store)) == []
    assert requested(server) == ["/feed.xml", "/lantern", "/feed.xml"]
    assert server.log[-1][1].status_code == 304
    assert fresh_store.feed_state(url).title == "Ferry News"


def test_last_modified_is_sent_back(
    server: HTTPServer, settings: Settings, fresh_store: Store
) -> None:
    stamp = "Mon, 08 Jan 2024 12:00:00 GMT"
    feed = rss(
        [item("l1", server.url_for("/x"), "Sat, 06 Jan 2024 09:30:00 GMT", full=FULL_ARTICLE)]
    )

    def handler(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response(feed, content_type="application/rss+xml", headers={"Last-Modified": stamp})

    server.expect_request("/feed.xml").respond_with_handler(handler)
    url = server.url_for("/feed.xml")
    assert len(list(read_sources([url], settings, store=fresh_store))) == 1
    assert list(read_sources([url], settings, store=fresh_store)) == []


def test_rerun_yields_only_new_entries(
    server: HTTPServer, settings: Settings, fresh_store: Store
) -> None:
    first = item("n1", server.url_for("/lantern"), "Sat, 06 Jan 2024 09:30:00 GMT")
    second = item("n2", server.url_for("/ferry"), "Sun, 07 Jan 2024 09:30:00 GMT")
    server.expect_request("/lantern").respond_with_data(LINKED_PAGE, content_type="text/html")
    server.expect_request("/ferry").respond_with_data(
        f"<html><body>{FULL_ARTICLE}</body></html>", content_type="text/html"
    )
    server.expect_oneshot_request("/feed.xml").respond_with_data(
        rss([first]), content_type="application/rss+xml"
    )
    server.expect_oneshot_request("/feed.xml").respond_with_data(
        rss([second, first]), content_type="application/rss+xml"
    )
    url = server.url_for("/feed.xml")
    assert [i.origin for i in read_sources([url], settings, store=fresh_store)] == [
        server.url_for("/lantern")
    ]
    assert [i.origin for i in read_sources([url], settings, store=fresh_store)] == [
        server.url_for("/ferry")
    ]
    assert requested(server) == ["/feed.xml", "/lantern", "/feed.xml", "/ferry"]


def test_failed_entry_is_retried_on_the_next_run(
    server: HTTPServer, settings: Settings, fresh_store: Store
) -> None:
    feed = rss([item("f1", server.url_for("/flaky"), "Sat, 06 Jan 2024 09:30:00 GMT")])
    server.expect_request("/feed.xml").respond_with_handler(_etag_feed(feed, '"rev-9"'))
    server.expect_oneshot_request("/flaky").respond_with_data("busy", status=503)
    server.expect_oneshot_request("/flaky").respond_with_data(LINKED_PAGE, content_type="text/html")
    url = server.url_for("/feed.xml")
    (failed,) = list(read_sources([url], settings, store=fresh_store))
    assert isinstance(failed, SourceError)
    assert failed.origin == server.url_for("/flaky")
    assert failed.reason.startswith("HTTP 503")
    (retried,) = list(read_sources([url], settings, store=fresh_store))
    assert isinstance(retried, RawItem)


def test_without_a_store_nothing_is_remembered(server: HTTPServer, settings: Settings) -> None:
    url = serve_feed(
        server,
        rss([item("m1", server.url_for("/x"), "Sat, 06 Jan 2024 09:30:00 GMT", full=FULL_ARTICLE)]),
    )
    assert len(list(read_sources([url], settings))) == 1
    assert len(list(read_sources([url], settings))) == 1


def test_broken_feed_is_one_error(server: HTTPServer, settings: Settings) -> None:
    truncated = '<?xml version="1.0"?><rss version="2.0"><channel><title>Ferry News</title><ite'
    url = serve_feed(server, truncated)
    (error,) = list(read_sources([url], settings))
    assert isinstance(error, SourceError)
    assert error.origin == url
    assert error.reason.startswith("broken feed:")
    assert "\n" not in error.reason


def test_feed_file_on_disk_is_read(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "saved.rss"
    path.write_text(
        rss(
            [
                item(
                    "d1",
                    "https://www.example.org/ferry",
                    "Fri, 05 Jan 2024 10:00:00 GMT",
                    full=FULL_ARTICLE,
                )
            ]
        )
    )
    (only,) = list(read_sources([str(path)], settings))
    assert isinstance(only, RawItem)
    assert (only.url, only.site) == ("https://www.example.org/ferry", "example.org")
    assert "harbour arc" in (only.html or "")


def test_folder_reads_feed_xml_but_skips_other_xml(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "feed.xml").write_text(
        rss(
            [
                item(
                    "d2",
                    "https://example.org/f",
                    "Fri, 05 Jan 2024 10:00:00 GMT",
                    full=FULL_ARTICLE,
                )
            ]
        )
    )
    (tmp_path / "config.xml").write_text('<?xml version="1.0"?><settings><a>1</a></settings>')
    items = list(read_sources([str(tmp_path)], settings))
    assert [type(i) for i in items] == [RawItem]
    named = list(read_sources([str(tmp_path / "config.xml")], settings))
    assert isinstance(named[0], SourceError)
    assert "not an RSS or Atom feed" in named[0].reason
