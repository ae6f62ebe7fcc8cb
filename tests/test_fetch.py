"""Fetching pages over real HTTP (a werkzeug server on 127.0.0.1): redirects, errors, limits, charsets."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from datetime import datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources import read_sources
from seasoncheck.sources.fetch import FetchError, fetch

PAGE = (
    "<!doctype html><html><head><title>Starlight Bakery returns</title></head><body>"
    "<article><h1>Starlight Bakery returns</h1>"
    "<p>The cosy baking comedy about a night-shift patisserie will get a second season.</p>"
    "</article></body></html>"
)
# Our own sentences with characters that differ between encodings: é, à, curly quotes, an em dash.
LATIN_PAGE = (
    "<html><head><title>Café news</title></head><body><p>The studio said the café scene — "
    "a “small surprise” for fans — will open the second season, and the staff are déjà at work "
    "on the storyboards for the spring broadcast.</p></body></html>"
)
JAPANESE_PAGE = (
    "<html><head><title>続編決定</title></head><body><p>人気アニメの第二期の制作が決定しました。"
    "放送は来年の春を予定しており、スタッフとキャストは前作から続投します。</p></body></html>"
)


def read_one(url: str, settings: Settings) -> RawItem | SourceError:
    """The single item read_sources yields for one URL."""
    items = list(read_sources([url], settings))
    assert len(items) == 1, items
    return items[0]


def test_page_is_fetched_with_our_user_agent(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/news/1", headers={"User-Agent": settings.user_agent}).respond_with_data(
        PAGE, content_type="text/html; charset=utf-8"
    )
    url = server.url_for("/news/1")
    item = read_one(url, settings)
    assert isinstance(item, RawItem)
    assert "night-shift patisserie" in (item.html or "")
    assert item.text is None
    assert (item.origin, item.url, item.site) == (url, url, "127.0.0.1")
    assert item.raw_size == len(PAGE.encode())
    assert datetime.fromisoformat(item.fetched or "").tzinfo is not None


def test_redirects_are_followed_to_the_final_url(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/moved"})
    server.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": server.url_for("/final")}
    )
    server.expect_request("/final").respond_with_data(PAGE, content_type="text/html")
    item = read_one(server.url_for("/old"), settings)
    assert isinstance(item, RawItem)
    assert item.origin == server.url_for("/old")
    assert item.url == server.url_for("/final")


def test_redirect_loop_is_reported(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    item = read_one(server.url_for("/a"), settings)
    assert isinstance(item, SourceError)
    assert "redirect loop" in item.reason
    assert len(server.log) == 2


def _redirect_chain(server: HTTPServer, hops: int) -> str:
    """/r0 -> /r1 -> ... -> /r{hops} which serves the page; returns the first URL."""
    for n in range(hops):
        server.expect_request(f"/r{n}").respond_with_data(
            "", status=307, headers={"Location": f"/r{n + 1}"}
        )
    server.expect_request(f"/r{hops}").respond_with_data(PAGE, content_type="text/html")
    return server.url_for("/r0")


def test_redirect_cap_allows_exactly_max_redirects(server: HTTPServer, settings: Settings) -> None:
    url = _redirect_chain(server, 3)
    assert isinstance(read_one(url, settings.with_(max_redirects=3)), RawItem)
    too_few = read_one(url, settings.with_(max_redirects=2))
    assert isinstance(too_few, SourceError)
    assert "too many redirects" in too_few.reason


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404 NOT FOUND"), (503, "HTTP 503")])
def test_http_error_status_is_a_fetch_error(
    server: HTTPServer, settings: Settings, status: int, words: str
) -> None:
    server.expect_request("/gone").respond_with_data("nothing here", status=status)
    item = read_one(server.url_for("/gone"), settings)
    assert isinstance(item, SourceError)
    assert item.stage == "fetch"
    assert item.reason.upper().startswith(words)


def test_unreachable_host_is_reported(settings: Settings) -> None:
    with socket.socket() as sock:  # a port nobody listens on once the socket is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    item = read_one(f"http://127.0.0.1:{port}/page", settings)
    assert isinstance(item, SourceError)
    assert item.reason.startswith("cannot fetch")
    assert "\n" not in item.reason


def test_slow_server_hits_the_read_timeout(server: HTTPServer, settings: Settings) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(0.6)
        return Response(PAGE, content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    item = read_one(server.url_for("/slow"), settings.with_(read_timeout=0.15))
    assert isinstance(item, SourceError)
    assert "timed out" in item.reason
    assert time.monotonic() - started < 0.55  # gave up before the server answered


def test_declared_size_over_the_cap_is_refused(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/big").respond_with_data(
        "<p>" + "x" * 5000 + "</p>", content_type="text/html"
    )
    item = read_one(server.url_for("/big"), settings.with_(max_response_bytes=1000))
    assert isinstance(item, SourceError)
    assert "too large" in item.reason


def test_size_cap_is_enforced_while_streaming(server: HTTPServer, settings: Settings) -> None:
    sent: list[int] = []
    chunk = b"<p>" + b"y" * 1021 + b"</p>"  # 1 KiB

    def endless(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(200_000):  # 200 MiB if anyone read it all
                sent.append(len(chunk))
                yield chunk

        return Response(body(), content_type="text/html")  # no Content-Length: chunked

    server.expect_request("/stream").respond_with_handler(endless)
    item = read_one(server.url_for("/stream"), settings.with_(max_response_bytes=10_000))
    assert isinstance(item, SourceError)
    assert "too large" in item.reason
    assert sum(sent) < 20 * 1024 * 1024  # stopped long before the end, not read then measured


def test_server_that_drips_bytes_hits_the_body_deadline(
    server: HTTPServer, settings: Settings
) -> None:
    def drip(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for _ in range(40):  # each wait is under the read timeout; all of them are not
                time.sleep(0.05)
                yield b"<p>slowly</p>"

        return Response(body(), content_type="text/html")

    server.expect_request("/drip").respond_with_handler(drip)
    item = read_one(server.url_for("/drip"), settings.with_(read_timeout=0.15))
    assert isinstance(item, SourceError)
    assert item.reason == "timed out reading the body (limit 0.6 s)"


def test_untyped_html_is_sniffed(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/untyped").respond_with_data(
        PAGE.encode(), content_type="application/octet-stream"
    )
    item = read_one(server.url_for("/untyped"), settings)
    assert isinstance(item, RawItem)
    assert "night-shift patisserie" in (item.html or "")


def test_server_that_says_utf8_but_sends_cp1252(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/latin").respond_with_data(
        LATIN_PAGE.encode("cp1252"), content_type="text/html; charset=utf-8"
    )
    item = read_one(server.url_for("/latin"), settings)
    assert isinstance(item, RawItem)
    assert "café scene — a “small surprise”" in (item.html or "")
    assert "déjà" in (item.html or "")


def test_server_that_says_latin1_but_sends_utf8(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/utf8").respond_with_data(
        LATIN_PAGE.encode("utf-8"), content_type="text/html; charset=iso-8859-1"
    )
    item = read_one(server.url_for("/utf8"), settings)
    assert isinstance(item, RawItem)
    assert "café scene — a “small surprise”" in (item.html or "")


def test_no_charset_shift_jis_page_is_detected(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/ja").respond_with_data(
        JAPANESE_PAGE.encode("shift_jis"), content_type="text/html"
    )
    item = read_one(server.url_for("/ja"), settings)
    assert isinstance(item, RawItem)
    assert "第二期の制作が決定しました" in (item.html or "")


def test_meta_charset_is_used_when_the_header_has_none(
    server: HTTPServer, settings: Settings
) -> None:
    page = LATIN_PAGE.replace("<head>", '<head><meta charset="windows-1252">')
    server.expect_request("/meta").respond_with_data(
        page.encode("cp1252"), content_type="text/html"
    )
    item = read_one(server.url_for("/meta"), settings)
    assert isinstance(item, RawItem)
    assert "“small surprise”" in (item.html or "")


def test_correct_legacy_header_charset_is_kept(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/sjis").respond_with_data(
        JAPANESE_PAGE.encode("shift_jis"), content_type="text/html; charset=Shift_JIS"
    )
    item = read_one(server.url_for("/sjis"), settings)
    assert isinstance(item, RawItem)
    assert "スタッフとキャストは前作から続投します" in (item.html or "")


def test_plain_text_response_becomes_text(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/note.txt").respond_with_data(
        "Second season confirmed\nThe bakery opens again.", content_type="text/plain"
    )
    item = read_one(server.url_for("/note.txt"), settings)
    assert isinstance(item, RawItem)
    assert (item.text, item.html) == ("Second season confirmed\nThe bakery opens again.", None)


def test_non_html_response_is_refused(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/file.pdf").respond_with_data(
        b"%PDF-1.7 ...", content_type="application/pdf"
    )
    item = read_one(server.url_for("/file.pdf"), settings)
    assert isinstance(item, SourceError)
    assert "not an HTML page (application/pdf)" in item.reason


def test_only_http_and_https_are_fetched(server: HTTPServer, settings: Settings) -> None:
    item = read_one("ftp://127.0.0.1/pub/news.html", settings)
    assert isinstance(item, SourceError)
    assert "unsupported URL scheme 'ftp'" in item.reason
    server.expect_request("/to-file").respond_with_data(
        "", status=302, headers={"Location": "file:///etc/hostname"}
    )
    hop = read_one(server.url_for("/to-file"), settings)
    assert isinstance(hop, SourceError)
    assert "unsupported URL scheme 'file'" in hop.reason


def test_conditional_request_gets_not_modified(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/feed", headers={"If-None-Match": '"v7"'}).respond_with_data(
        "", status=304
    )
    result = fetch(server.url_for("/feed"), settings, etag='"v7"')
    assert result.not_modified
    assert result.body == b""


def test_fetch_raises_one_line_error(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/missing").respond_with_data("", status=404)
    with pytest.raises(FetchError, match=r"^HTTP 404"):
        fetch(server.url_for("/missing"), settings)
