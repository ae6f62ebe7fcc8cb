"""Duplicates: content hash for exact repeats (article id), MinHash LSH for near-duplicate groups."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFKC, lower case, whitespace collapsed: two texts differing only in spacing normalise equal."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


def content_hash(text: str) -> str:
    """The article id: first 32 hex digits of SHA-256 over the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


class DedupIndex:
    """Near-duplicate index over stored articles. (Stub: every article is its own group.)"""

    @classmethod
    def from_store(cls, store: object) -> DedupIndex:
        """Build the index from the signatures already in the store."""
        return cls()

    def assign(self, article_id: str, text: str) -> tuple[str, bytes | None]:
        """The duplicate group for a new article and its serialised signature; adds it to the index."""
        return article_id, None
