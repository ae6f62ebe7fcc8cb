"""Extract: RawItem -> Article. HTML to main text and metadata (trafilatura), plain text cleaned.

Metadata is a cascade, cheapest evidence first: a field the source already gave (JSONL, feed
entry) is kept, and only a field still empty is filled from the page (trafilatura's metadata
step) and then from the text itself (the first line of a plain-text file is its title).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from seasoncheck.boilerplate import strip_boilerplate
from seasoncheck.dedup import content_hash, normalise_text
from seasoncheck.lang import article_language
from seasoncheck.models import Article, RawItem

log = logging.getLogger(__name__)

# trafilatura options, chosen with benchmarks/bench_extract.py on the 181-page extraction
# benchmark (token F1; time per page relative to extract() with its defaults, same run):
#   extract() defaults (comments appended, no metadata)        F1 0.953  1.00
#   extract(fast=True)                                         F1 0.955  0.70
#   bare_extraction, metadata, comments off                    F1 0.960  1.45
#   ... and fast=True (no readability/jusText comparison)       F1 0.962  1.05  <- chosen
#   ... favor_precision=True instead of fast                    F1 0.964  1.45
#   ... fast=True and favor_precision=True                      F1 0.946  1.10
# Metadata (title, date, author, site) costs about a third of the time; fast mode wins it back.
# Our boilerplate pass and the dropped <h1> line then lift F1 to 0.965.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "fast": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": True,
    # htmldate's extensive search loads every dateparser locale on first use (7.5 s measured on a
    # feed article, against 0.13 s without it); meta tags and the URL give the date of news pages.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}

# An HTML page is an article only if some line of its main text has this many words or characters
# (for scripts written without spaces): trafilatura returns menus and form labels ("Home | Forum |
# Sign in") for pages with no article. In the benchmark's 181 ground truths every page has such a
# line (the least: a Portuguese race calendar whose longest line has 10 words).
MIN_PROSE_LINE_WORDS = 10
MIN_PROSE_LINE_CHARS = 60

_ISO_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


class ExtractError(Exception):
    """The item holds no article (empty, binary, no main text)."""


@dataclass(frozen=True)
class PageFields:
    """What a page itself says: main text and the metadata trafilatura found."""

    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    site: str | None = None


def extract_article(item: RawItem) -> Article:
    """Main text, title and metadata of one item.

    Example::

        article = extract_article(RawItem(origin="a.txt", text="Title\\n\\nBody text…"))
        article.title, article.text  # ("Title", "Body text…")
    """
    text = _no_lone_surrogates(item.text)
    if item.text_is_clean and text:
        page = PageFields(text=text)  # JSONL text is kept byte for byte: evidence offsets
    elif item.html is not None and not text:
        page = extract_html(_no_lone_surrogates(item.html) or "", item.url)
    else:
        page = extract_plain_text(text or "", given_title=item.title)
    if not page.text.strip():
        raise ExtractError("no article text")
    return Article(
        id=content_hash(page.text),
        text=page.text,
        origin=item.origin,
        title=_first(item.title, page.title),
        url=item.url,
        site=_first(item.site, host_of(item.url), page.site),
        published=_first(normalise_date(item.published), page.published),
        fetched=item.fetched,
        language=article_language(item.lang, page.text),
        author=page.author,
        raw_size=item.raw_size,
        doc_id=item.doc_id,
    )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(text: str | None) -> str | None:
    """``text`` with each lone surrogate (a JSON "\\ud800" escape read by Python's json) made
    U+FFFD: UTF-8 cannot encode one, and every later stage encodes. Offsets do not move."""
    if text is None or text.isascii() or not _LONE_SURROGATE.search(text):
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def extract_html(html: str, url: str | None = None) -> PageFields:
    """Main text and metadata of an HTML page with trafilatura; ExtractError when it has none."""
    import trafilatura  # heavy (lxml, htmldate, courlan): imported on first use
    from trafilatura.settings import Document

    try:
        doc = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise ExtractError(f"unreadable HTML: {type(exc).__name__}: {exc}") from exc
    if not isinstance(doc, Document) or not has_prose(doc.text or ""):
        raise ExtractError("no article text")
    title = _clean(doc.title)
    return PageFields(
        text=_drop_title_line(strip_boilerplate(doc.text or ""), title),
        title=title,
        published=normalise_date(doc.date),
        author=_clean(doc.author),
        site=_clean(doc.hostname) or _clean(doc.sitename),
    )


def has_prose(text: str) -> bool:
    """True when some line of the text reads like a sentence of an article, not a menu."""
    return any(
        len(line.split()) >= MIN_PROSE_LINE_WORDS or len(line.strip()) >= MIN_PROSE_LINE_CHARS
        for line in text.splitlines()
    )


def extract_plain_text(text: str, given_title: str | None = None) -> PageFields:
    """A .txt/.md article: the first non-empty line is its title, the rest is cleaned body text.

    When the source already gave a title, the first line is taken as the title only if it repeats it.
    """
    lines = text.strip().splitlines()
    if not lines:
        return PageFields(text="")
    title = _MD_HEADING.sub("", lines[0]).strip() or None
    if given_title and normalise_text(title or "") != normalise_text(given_title):
        return PageFields(text=strip_boilerplate("\n".join(lines)))
    return PageFields(text=strip_boilerplate("\n".join(lines[1:])), title=title)


def _drop_title_line(text: str, title: str | None) -> str:
    """The text without a first line that only repeats the title (the page's <h1>)."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and normalise_text(first) == normalise_text(title):
        return rest.lstrip("\n")
    return text


def normalise_date(value: str | None) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from an ISO date(time) or an RFC 2822 date; else None.

    Examples: ``2024-10-10T09:00:00Z`` -> ``2024-10-10``; ``2024/7`` -> ``2024-07``;
    ``Thu, 10 Oct 2024 09:00:00 GMT`` -> ``2024-10-10``; ``2024-13-01`` -> None.
    """
    if not value or not value.strip():
        return None
    m = _ISO_DATE.match(value)
    if m:
        return _valid_date(*(int(g) if g else None for g in m.groups()))
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat()


def _valid_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """The date at the precision given, or None when it does not exist."""
    if year is None or not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def host_of(url: str | None) -> str | None:
    """The lower-cased host of a URL (``https://www.Example.com/a`` -> ``www.example.com``)."""
    if not url:
        return None
    try:
        return urlsplit(url).hostname or None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    """A metadata string stripped, or None when empty."""
    return value.strip() or None if value else None


def _first(*values: str | None) -> str | None:
    """The first value that is set and not blank: the cascade's step."""
    return next((v for v in values if v and v.strip()), None)
