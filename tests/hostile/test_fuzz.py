"""Parsers under fuzzing (issue 8, item 3): hypothesis over feeds, HTML, JSONL, dates, titles, scoring.

Every property is bounded (``max_examples``, ``deadline``) so the module runs in well under 30 s.
The nastiest inputs are kept as fixed regression files in ``tests/hostile/corpus/``.
The number of generated inputs is recorded in ``docs/reliability.md``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from seasoncheck.claims.dates import find_dates, parse_published
from seasoncheck.claims.scoring import norm_title, norm_value, season_key
from seasoncheck.extract import ExtractError, extract_article, normalise_date
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link.linker import Linker
from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources.feeds import FeedContext, read_feed_response
from seasoncheck.sources.fetch import open_client
from seasoncheck.sources.files import read_jsonl
from seasoncheck.store import FeedState

CORPUS = Path(__file__).parent / "corpus"
SETTINGS = Settings.from_env()
# 150 examples per property: the whole module runs in ~10 s; raise with --hypothesis-seed runs.
EXAMPLES = 150
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# Largest text an item of a parsed bomb may hold. Expanded, the corpus's bombs would be 3*10^9
# (billion laughs) and 10^8 (quadratic) characters; unexpanded, the quadratic one's literal
# "&a;" references make ~12,000 characters of escaped text.
EXPANSION_BOUND = 100_000

# Unicode text including lone surrogates, controls and private-use characters.
ANY_TEXT = st.text(st.characters(codec=None), max_size=300)
XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    """One guarded HTTP client for the module (building one per example costs ~50 ms)."""
    with open_client(SETTINGS) as c:
        yield c


def _read_feed(client: httpx.Client, body: bytes) -> list[RawItem | SourceError]:
    """Every item a feed body yields, read like a saved feed file (no store)."""
    ctx = FeedContext("file:///fuzz.xml", SETTINGS, client)
    state = FeedState("file:///fuzz.xml")
    items = read_feed_response(
        ctx, body, content_type="application/xml", base_url=ctx.key, validators=state
    )
    return list(items)


def _item_texts(items: list[RawItem | SourceError]) -> list[str]:
    """All text the feed's items carry (html, title), for expansion checks."""
    return [x for i in items if isinstance(i, RawItem) for x in (i.html or "", i.title or "")]


# -- feeds ------------------------------------------------------------------------------------------

_ENTITY = st.tuples(st.sampled_from("abcde"), XML_TEXT, st.integers(0, 12))


@st.composite
def hostile_feeds(draw: st.DrawFn) -> bytes:
    """RSS with random entities (nested references, SYSTEM ones), random text and random cuts."""
    decls, names = [], []
    for name, value, repeat in draw(st.lists(_ENTITY, max_size=4, unique_by=lambda e: e[0])):
        inner = "".join(f"&{n};" for n in names) * repeat
        decls.append(f'<!ENTITY {name} "{html.escape(value)}{inner}">')
        names.append(name)
    if draw(st.booleans()):
        decls.append('<!ENTITY sys SYSTEM "file:///etc/hostname">')
        names.append("sys")
    refs = (
        "".join(f"&{n};" for n in draw(st.lists(st.sampled_from(names), max_size=5)))
        if names
        else ""
    )
    title = draw(st.one_of(XML_TEXT.map(html.escape), XML_TEXT))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(decls)}]>'
        f'<rss version="2.0"><channel><title>{title}</title>'
        f"<item><guid>g1</guid><title>{title}{refs}</title>"
        f"<description>{html.escape(draw(XML_TEXT))} {refs}</description></item></channel></rss>"
    ).encode("utf-8", "surrogatepass")
    cut = draw(st.integers(0, len(body)))
    return body if draw(st.booleans()) else body[:cut] + draw(st.binary(max_size=40))


@FUZZ
@given(hostile_feeds())
def test_fuzzed_feeds_yield_items_or_errors_only(client: httpx.Client, body: bytes) -> None:
    items = _read_feed(client, body)
    assert all(isinstance(i, RawItem | SourceError) for i in items)
    assert all(len(t) < EXPANSION_BOUND for t in _item_texts(items))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_feed_never_raise(client: httpx.Client, body: bytes) -> None:
    items = _read_feed(client, b'<?xml version="1.0"?><rss version="2.0">' + body)
    assert all(isinstance(i, RawItem | SourceError) for i in items)


@pytest.mark.parametrize("name", ["billion-laughs.xml", "quadratic-blowup.xml"])
def test_entity_bombs_are_not_expanded(client: httpx.Client, name: str) -> None:
    items = _read_feed(client, (CORPUS / name).read_bytes())
    assert all(isinstance(i, RawItem | SourceError) for i in items)
    assert all(len(t) < EXPANSION_BOUND for t in _item_texts(items))
    # feedparser drops the DOCTYPE's entity declarations, so not even one level is expanded.
    assert not any("lollol" in t or "A" * 1000 in t for t in _item_texts(items))


def test_external_entity_does_not_read_local_files(client: httpx.Client) -> None:
    items = _read_feed(client, (CORPUS / "xxe-file.xml").read_bytes())
    assert not any("root:" in t for t in _item_texts(items))


def test_external_dtd_and_entities_are_never_fetched(
    client: httpx.Client, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/dtd").respond_with_data('<!ENTITY ext "FETCHED-DTD">')
    httpserver.expect_request("/param").respond_with_data('<!ENTITY ext "FETCHED-PARAM">')
    httpserver.expect_request("/entity").respond_with_data("FETCHED-ENTITY")
    template = (CORPUS / "xxe-remote.xml.tmpl").read_text()
    body = template.replace("{url}", httpserver.url_for("").rstrip("/")).encode()
    items = _read_feed(client, body)
    assert not any("FETCHED" in t for t in _item_texts(items))
    assert httpserver.log == []  # no request reached the server


# -- HTML extraction --------------------------------------------------------------------------------

_TAGS = st.sampled_from(["div", "p", "article", "script", "table", "td", "a", "svg", "title", "b"])


@st.composite
def broken_html(draw: st.DrawFn) -> str:
    """Nested, unclosed and mis-nested tags around random text, sometimes pure noise."""
    parts = []
    for tag, text, close in draw(st.lists(st.tuples(_TAGS, ANY_TEXT, st.booleans()), max_size=30)):
        parts.append(f"<{tag}>{text}" + (f"</{tag}>" if close else ""))
    depth = draw(st.integers(0, 400))
    return (
        "".join(parts) + "<div>" * depth + draw(ANY_TEXT) + "</div>" * draw(st.integers(0, depth))
    )


@FUZZ
@given(st.one_of(broken_html(), ANY_TEXT))
def test_html_extraction_gives_an_article_or_extract_error(markup: str) -> None:
    try:
        article = extract_article(RawItem(origin="fuzz.html", html=markup))
    except ExtractError:
        return
    assert article.text.strip()


@FUZZ
@given(ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
@example(  # a lone surrogate (found by hypothesis): every later stage encodes to UTF-8
    text="Ember Knight season 2\n\nThe second season of Ember Knight \ud800 will premiere in "
    "July with the same staff and cast, the production committee said on Friday.\n\n"
    "A teaser is expected at the end of the month on the official channel.",
    title=None,
)
def test_plain_text_extraction_gives_an_article_or_extract_error(
    text: str, title: str | None
) -> None:
    try:
        article = extract_article(RawItem(origin="fuzz.txt", text=text, title=title))
    except ExtractError:
        return
    assert article.text.strip()


# -- JSONL -----------------------------------------------------------------------------------------

_JSON_ISH = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(allow_nan=False),
        ANY_TEXT,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(ANY_TEXT, inner, max_size=4)
    ),
    max_leaves=10,
)
_FIELDS = st.sampled_from(["id", "text", "html", "title", "url", "published", "lang", "site"])
_RECORD = st.dictionaries(_FIELDS, _JSON_ISH, max_size=6)


@st.composite
def jsonl_lines(draw: st.DrawFn) -> bytes:
    """Lines that are records with wrong field types, raw bytes, cut JSON or bare values.

    ``json.dumps`` (ASCII) writes lone surrogates as ``\\udXXX`` escapes, which are legal JSON.
    """
    lines = []
    for kind in draw(st.lists(st.integers(0, 3), min_size=1, max_size=6)):
        if kind == 0:
            lines.append(json.dumps(draw(_RECORD)).encode())
        elif kind == 1:
            lines.append(draw(st.binary(max_size=80)).replace(b"\n", b" "))
        elif kind == 2:
            whole = json.dumps(draw(_RECORD)).encode()
            lines.append(whole[: draw(st.integers(0, len(whole)))])
        else:
            lines.append(json.dumps(draw(_JSON_ISH)).encode())
    return b"\n".join(lines)


@FUZZ
@given(data=jsonl_lines())
def test_jsonl_lines_give_items_or_source_errors(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(data)
    items = list(read_jsonl(path, SETTINGS))
    assert items and all(isinstance(i, RawItem | SourceError) for i in items)
    for item in items:
        if isinstance(item, SourceError):
            assert item.reason and "\n" not in item.reason
            assert item.origin.startswith(str(path))


# -- date expressions ------------------------------------------------------------------------------

_DATE_WORDS = st.sampled_from(
    ["2024", "2025-07-03", "July", "3", "summer", "fall", "next", "year", "2026年", "7月", "spring",
     "-", "/", " ", "Thu, 10 Oct 2024 09:00:00 GMT", "2024-13-01", "31", "late", "early"]
)  # fmt: skip
DATE_TEXT = st.one_of(st.lists(_DATE_WORDS, max_size=8).map(" ".join), ANY_TEXT)


@FUZZ
@given(DATE_TEXT)
def test_normalise_date_never_crashes_and_is_idempotent(value: str) -> None:
    once = normalise_date(value)
    if once is not None:
        assert normalise_date(once) == once
        assert len(once) in (4, 7, 10)


@FUZZ
@given(DATE_TEXT, st.one_of(st.none(), DATE_TEXT))
@example(sentence="\ud800 July 2025", published=None)  # a lone surrogate (found by hypothesis)
def test_find_dates_never_crashes_and_spans_are_inside(
    sentence: str, published: str | None
) -> None:
    pub = parse_published(published)
    for d in find_dates(sentence, pub):
        assert 0 <= d.start < d.end <= len(sentence)


# -- title matching and the scorer's normalisation -------------------------------------------------

LINKER = Linker(KnowledgeBase())


_TITLE_BITS = st.sampled_from(
    ["Oshi no Ko", "【推しの子】", "season", "2nd Season", "Part 2", "第3期", "\ud800", " ", ":"]
)
TITLE_TEXT = st.one_of(
    ANY_TEXT, st.lists(st.one_of(_TITLE_BITS, ANY_TEXT), max_size=6).map(" ".join)
)


@FUZZ
@given(TITLE_TEXT, st.one_of(st.none(), TITLE_TEXT))
def test_linker_over_the_demo_kb_takes_any_unicode(text: str, title: str | None) -> None:
    linker = _demo_linker()
    for mention in linker.link(text, title):
        assert mention is not None
    linker.main_subject(text, title)


def _demo_linker() -> Linker:
    """A linker over the demo KB, built once (the same KB the web tests use)."""
    from test_api import sample_kb

    if "demo" not in _LINKERS:
        _LINKERS["demo"] = Linker(sample_kb())
    return _LINKERS["demo"]


_LINKERS: dict[str, Linker] = {}


@FUZZ
@given(ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
def test_linker_takes_any_unicode(text: str, title: str | None) -> None:
    assert isinstance(LINKER.link(text, title), list)
    LINKER.main_subject(text, title)


@FUZZ
@given(ANY_TEXT)
def test_norm_title_is_idempotent(title: str) -> None:
    once = norm_title(title)
    assert norm_title(once) == once
    assert once == once.strip()


@FUZZ
@given(st.sampled_from(["renewal", "release", "delay", "studio", "streaming", "trailer"]),
       st.one_of(st.none(), DATE_TEXT, st.integers()))  # fmt: skip
@example("renewal", ":")
@example("release", "2024-7-3")
def test_norm_value_is_idempotent(ctype: str, value: object) -> None:
    once = norm_value(ctype, value)
    if once:
        assert norm_value(ctype, once) == once
    # Found by this test: a punctuation-only value (":") normalises to "" while "" gives None.
    # Both count as "no value" when the scorer compares them.


@FUZZ
@given(st.one_of(st.none(), ANY_TEXT, st.integers()))
def test_season_key_never_crashes(season: object) -> None:
    assert season_key(season) is None or isinstance(season_key(season), int | str)
