"""Load the knowledge base: from the store when one was imported, else the bundled demo subset."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from seasoncheck.kb.model import KnowledgeBase

if TYPE_CHECKING:
    from seasoncheck.store import Store

log = logging.getLogger(__name__)


def load_kb(store: Store | None = None) -> KnowledgeBase:
    """The KB imported into ``store`` if there is one, otherwise the offline demo KB.

    Example::

        kb = load_kb(Store.open("sqlite:///seasoncheck.db"))
        kb.season("oshi-no-ko", 2).first_aired  # '2024-07-03'
    """
    if store is not None:
        kb = load_store_kb(store)
        if kb is not None:
            return kb
    from seasoncheck.kb.demo import load_demo_kb

    return load_demo_kb()


def load_store_kb(store: Store) -> KnowledgeBase | None:
    """The KB snapshot written by the last import into ``store``, or None when none was."""
    from sqlalchemy import select

    from seasoncheck.kb.schema import kb_snapshot
    from seasoncheck.kb.snapshot import kb_from_bytes

    with store.engine.connect() as conn:
        blob = conn.execute(select(kb_snapshot.c.data).where(kb_snapshot.c.id == 1)).scalar()
    if blob is None:
        return None
    log.debug("loading the imported KB from the store (%d bytes)", len(blob))
    return kb_from_bytes(blob)
