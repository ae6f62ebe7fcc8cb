"""Input limits: each is crossed once and gives a clear one-line error (or a bounded outcome)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import brotli
import orjson
import pytest
from pytest_httpserver import HTTPServer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from seasoncheck.extract import ExtractError, extract_article
from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import MAX_ARTICLE_CHARS, Settings
from seasoncheck.sources import read_sources
from seasoncheck.sources.fetch import FetchError, fetch

PARAGRAPH = (
    "<p>Paragraph {i}: the river-spirit fantasy returns next spring with a second season, and "
    "the original director stays on, the studio told fans at its autumn stage event.</p>"
)
PAGE = "<html><body><article>" + "".join(PARAGRAPH.format(i=i) for i in range(6)) + "</article>"
MIB = 1024 * 1024


def one_line_error(item: RawItem | SourceError) -> str:
    """The reason of a SourceError, checked to be a single line."""
    assert isinstance(item, SourceError), item
    assert "\n" not in item.reason
    return item.reason


def read(paths: list[Path], settings: Settings) -> list[RawItem | SourceError]:
    """Everything read_sources yields for some paths."""
    return list(read_sources([str(p) for p in paths], settings))


# --- decompressed size (compression bombs) ---


def test_gzip_bomb_is_refused_under_the_default_limit(
    server: HTTPServer, settings: Settings
) -> None:
    bomb = gzip.compress(b"\0" * (64 * MIB), compresslevel=9)  # 64 MiB of zeros in ~64 KB
    assert len(bomb) < settings.max_response_bytes  # small on the wire: only the decoder sees it
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match=r"decompresses to over 20971520 bytes"):
        fetch(server.url_for("/bomb"), settings)


def test_brotli_bomb_is_refused(server: HTTPServer, settings: Settings) -> None:
    bomb = brotli.compress(b"\0" * (64 * MIB), quality=5)  # about 100 bytes
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "br"}
    )
    with pytest.raises(FetchError, match=r"decompresses to over 1048576 bytes"):
        fetch(server.url_for("/bomb"), settings.with_(max_decompressed_bytes=MIB))


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_compressed_page_under_the_limit_reads_whole(
    server: HTTPServer, settings: Settings, coding: str
) -> None:
    data = PAGE.encode()
    body = gzip.compress(data) if coding == "gzip" else brotli.compress(data)
    server.expect_request("/page").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": coding}
    )
    assert fetch(server.url_for("/page"), settings).body == data


def test_unknown_content_encoding_is_a_clear_error(server: HTTPServer, settings: Settings) -> None:
    server.expect_request("/page").respond_with_data(
        b"??", content_type="text/html", headers={"Content-Encoding": "compress"}
    )
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'compress'"):
        fetch(server.url_for("/page"), settings)


# --- feed item count ---


def feed_with(entries: int) -> str:
    """An RSS feed whose entries carry their full text (so nothing is fetched)."""
    items = "".join(
        f"<item><guid>entry-{i}</guid><title>Entry {i}</title>"
        f"<description><![CDATA[{PAGE.replace('Paragraph', f'Entry {i} paragraph')}]]>"
        "</description></item>"
        for i in range(entries)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )


def test_feed_past_the_item_limit_is_read_up_to_it_and_reported(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "big.rss"
    path.write_text(feed_with(12))
    items = read([path], settings.with_(max_feed_items=5))
    errors = [one_line_error(i) for i in items if isinstance(i, SourceError)]
    assert errors == ["feed has 12 entries: reading the first 5 only"]
    assert len([i for i in items if isinstance(i, RawItem)]) == 5


# --- article text length ---


def test_one_megabyte_text_file_is_refused_not_cut(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("The sequel is confirmed. " * 40_000)  # 1,000,000 characters
    reason = one_line_error(read([path], settings)[0])
    assert reason == f"article text too long: 1000000 characters (limit {MAX_ARTICLE_CHARS})"


def test_long_jsonl_text_is_refused_and_the_next_record_still_read(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "a.jsonl"
    long = {"id": "a1", "text": "x" * 2001}
    short = {"id": "a2", "text": "The studio confirmed a second season."}
    path.write_bytes(orjson.dumps(long) + b"\n" + orjson.dumps(short) + b"\n")
    items = read([path], settings.with_(max_article_chars=2000))
    assert one_line_error(items[0]) == "article text too long: 2001 characters (limit 2000)"
    assert isinstance(items[1], RawItem) and items[1].doc_id == "a2"


# --- JSONL line length ---


def test_jsonl_line_past_the_limit_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "lines.jsonl"
    big = orjson.dumps({"id": "big", "text": "y" * 5000})
    small = orjson.dumps({"id": "ok", "text": "A third season was announced on Sunday."})
    path.write_bytes(big + b"\n" + small + b"\n")
    items = read([path], settings.with_(max_jsonl_line_bytes=1000))
    assert one_line_error(items[0]) == "line too long (over 1000 bytes)"
    assert items[0].origin.endswith("lines.jsonl:1")
    assert isinstance(items[1], RawItem) and items[1].doc_id == "ok"


# --- WARC record size ---


def write_warc(path: Path, body: bytes, extra: list[tuple[str, str]] | None = None) -> None:
    """A WARC with one HTML response record."""
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), *(extra or [])], protocol="HTTP/1.1"
    )
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        record = writer.create_warc_record(
            "https://example.org/news/1", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)


def test_warc_record_past_the_limit_is_refused(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "big.warc.gz"
    write_warc(path, PAGE.encode() * 4)
    (item,) = read([path], settings.with_(max_warc_record_bytes=1000))
    assert one_line_error(item).startswith("record too large: ")
    assert one_line_error(item).endswith(" bytes (limit 1000)")


def test_warc_record_that_decompresses_past_the_limit_is_refused(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "bomb.warc.gz"
    write_warc(path, gzip.compress(b"\0" * (8 * MIB)), [("Content-Encoding", "gzip")])
    (item,) = read([path], settings.with_(max_warc_record_bytes=MIB))
    assert one_line_error(item) == "record too large: decompresses to over 1048576 bytes"


# --- HTML nesting depth ---


def nested(depth: int) -> str:
    """An article wrapped in ``depth`` divs."""
    return f"<html><body>{'<div>' * depth}{PAGE}{'</div>' * depth}</body></html>"


def test_moderately_nested_page_is_extracted() -> None:
    article = extract_article(RawItem(origin="nested.html", html=nested(200)))
    assert "river-spirit fantasy returns" in article.text


def test_100k_nested_divs_neither_crash_nor_hang() -> None:
    # libxml2 stops at 256 levels (no XML_PARSE_HUGE): the content below is dropped.
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(RawItem(origin="deep.html", html=nested(100_000)))
