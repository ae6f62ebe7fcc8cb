"""Extract: RawItem -> Article. HTML to main text and metadata (trafilatura), plain text cleaned."""

from __future__ import annotations

from seasoncheck.dedup import content_hash
from seasoncheck.models import Article, RawItem


class ExtractError(Exception):
    """The item holds no article (empty, binary, no main text)."""


def extract_article(item: RawItem) -> Article:
    """Main text, title and metadata of one item."""
    title = item.title
    if item.html is not None and not item.text:
        import trafilatura

        text = trafilatura.extract(item.html) or ""
    else:
        text = item.text or ""
        if not item.text_is_clean and title is None:
            lines = text.strip().splitlines()
            if lines:
                title, text = lines[0].strip(), "\n".join(lines[1:]).strip()
    if not text.strip():
        raise ExtractError("no article text")
    return Article(
        id=content_hash(text),
        text=text,
        origin=item.origin,
        title=title,
        url=item.url,
        site=item.site,
        published=item.published,
        fetched=item.fetched,
        language=item.lang,
        raw_size=item.raw_size,
        doc_id=item.doc_id,
    )
