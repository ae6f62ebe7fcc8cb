"""Claims: find each checkable claim of an article with its status and attribution."""

from __future__ import annotations

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.models import Article, Extraction


def extract_claims(article: Article, kb: KnowledgeBase) -> Extraction:
    """Claims and flags of one article. (Stub until the claims issue lands.)"""
    return Extraction(doc_id=article.doc_id or article.id)
