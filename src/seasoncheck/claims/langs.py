"""Article language: the record's own ``lang``, else detection; unsupported languages are skipped."""

from __future__ import annotations

from seasoncheck.models import Article, Extraction

# Share of ASCII among the letters of a text the detector was unsure about, above which it is
# read as English (short English snippets); below it the article is skipped, never guessed at.
ASCII_SHARE_FOR_ENGLISH = 0.95
SAMPLE_CHARS = 2000


def article_language(article: Article) -> str:
    """ISO 639-1 code of the article: its ``language`` field, else ``seasoncheck.lang`` detection."""
    from seasoncheck.lang import article_language as detect

    lang = detect(article.language, article.text[:SAMPLE_CHARS])
    if lang:
        return lang
    letters = [ch for ch in article.text[:SAMPLE_CHARS] if ch.isalpha()]
    ascii_share = sum(ch.isascii() for ch in letters) / len(letters) if letters else 0.0
    return "en" if ascii_share >= ASCII_SHARE_FOR_ENGLISH else "und"


def skipped_language(lang: str, doc_id: str) -> Extraction:
    """An article in a language without claim rules: skipped, with the reason (never English guesses)."""
    return Extraction(
        doc_id, skipped=f"language {lang!r}: no claim rules for it (en, es, fr, it, de, pt, ja)"
    )
