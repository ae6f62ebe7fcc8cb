"""Load the knowledge base: from the store when one was imported, else the bundled demo subset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from seasoncheck.kb.model import KnowledgeBase

if TYPE_CHECKING:
    from seasoncheck.store import Store


def load_kb(store: Store | None = None) -> KnowledgeBase:
    """The KB in ``store`` if one was imported, otherwise the offline demo KB. (Stub.)"""
    return KnowledgeBase()
