"""WARC files (written here with warcio): HTML responses become items, the rest is passed over."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources import read_sources

FERRY = (
    "<html><head><title>Moonlit Ferry season two</title></head><body><article>"
    "<p>The production committee announced a second season of Moonlit Ferry on Friday.</p>"
    "</article></body></html>"
)
LANTERN = (
    "<html><head><title>Lantern film</title></head><body><article>"
    "<p>The Paper Lantern Club film opens in cinemas in May, the distributor said.</p>"
    "</article></body></html>"
)
CAFE = "<html><body><p>Café Stories returns — a “small surprise” for the fans.</p></body></html>"
WARC_DATE = "2024-05-02T08:15:00Z"


@pytest.fixture
def settings() -> Settings:
    """Default settings."""
    return Settings(db_url="sqlite://")


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    content_type: str,
    *,
    status: str = "200 OK",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    """Write one HTTP response record."""
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": WARC_DATE},
    )
    writer.write_record(record)


def write_archive(path: Path, *, gzip_records: bool = True) -> None:
    """Two HTML pages plus records that are no article: an image, a request, a 404, a redirect."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        response(
            writer, "https://www.example.com/ferry", FERRY.encode(), "text/html; charset=utf-8"
        )
        response(writer, "https://example.com/cover.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        request = writer.create_warc_record(
            "https://example.org/lantern",
            "request",
            payload=io.BytesIO(b"GET /lantern HTTP/1.1\r\n\r\n"),
        )
        writer.write_record(request)
        response(
            writer,
            "https://example.org/missing",
            b"<html>gone</html>",
            "text/html",
            status="404 Not Found",
        )
        response(
            writer,
            "https://example.org/old",
            b"<html>moved</html>",
            "text/html",
            status="301 Moved",
        )
        response(writer, "https://example.org/lantern", LANTERN.encode(), "text/html")


def offset_of(item: RawItem) -> int:
    """The byte offset in a ``file@offset`` origin."""
    return int(item.origin.rsplit("@", 1)[1])


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_items(tmp_path: Path, settings: Settings, name: str) -> None:
    path = tmp_path / name
    write_archive(path, gzip_records=name.endswith(".gz"))
    items = list(read_sources([str(path)], settings))
    assert all(isinstance(i, RawItem) for i in items), items
    assert [i.url for i in items] == [
        "https://www.example.com/ferry",
        "https://example.org/lantern",
    ]
    assert [i.site for i in items] == ["example.com", "example.org"]
    assert all(i.fetched == WARC_DATE for i in items)
    assert "second season of Moonlit Ferry" in (items[0].html or "")
    assert items[1].raw_size == len(LANTERN.encode())
    # Each origin's offset is where that record starts: warcio reads the same record from there.
    for item in items:
        with path.open("rb") as f:
            f.seek(offset_of(item))
            record = next(iter(WarcioIterator(f)))
            assert record.rec_headers.get_header("WARC-Target-URI") == item.url


def test_encoded_payloads_and_charsets_are_undone(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "encoded.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        response(
            writer,
            "https://example.net/gz",
            gzip.compress(FERRY.encode()),
            "text/html",
            extra=[("Content-Encoding", "gzip")],
        )
        response(
            writer,
            "https://example.net/cafe",
            CAFE.encode("cp1252"),
            "text/html; charset=windows-1252",
        )
    gz, cafe = list(read_sources([str(path)], settings))
    assert isinstance(gz, RawItem)
    assert "second season of Moonlit Ferry" in (gz.html or "")
    assert isinstance(cafe, RawItem)
    assert "Café Stories returns — a “small surprise”" in (cafe.html or "")


# Cuts that end the file inside the last record's body, its gzip trailer, and its header.
@pytest.mark.parametrize("cut", [2, 60, 200, 400])
@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_truncated_warc_keeps_what_came_before(
    tmp_path: Path, settings: Settings, cut: int, name: str
) -> None:
    path = tmp_path / name
    write_archive(path, gzip_records=name.endswith(".gz"))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - cut])  # the last record is the lantern page
    items = list(read_sources([str(path)], settings))
    first, error = items[0], items[-1]
    assert isinstance(first, RawItem)
    assert first.url == "https://www.example.com/ferry"
    assert isinstance(error, SourceError)
    assert error.origin.startswith(str(path))
    assert "truncated" in error.reason
    # One error; the lantern page itself survives only when the cut spared its whole body.
    assert len(items) == (3 if cut == 2 else 2), items


def test_not_a_warc(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(b"this was never an archive\n" * 20)
    (error,) = list(read_sources([str(path)], settings))
    assert isinstance(error, SourceError)
    assert "truncated or corrupt WARC (at the start)" in error.reason


def test_warc_without_pages(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "images.warc.gz"
    with path.open("wb") as f:
        response(WARCWriter(f, gzip=True), "https://example.com/a.png", b"\x89PNG", "image/png")
    (error,) = list(read_sources([str(path)], settings))
    assert isinstance(error, SourceError)
    assert error.reason == "no HTML response records in this WARC"
