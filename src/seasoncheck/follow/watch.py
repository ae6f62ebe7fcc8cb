"""The watch list: franchises (or single seasons) whose verdict changes are alerted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from seasoncheck.follow.options import now_iso
from seasoncheck.follow.seasons import SeasonKey, claimed_seasons, subject_key
from seasoncheck.follow_schema import watch_list

if TYPE_CHECKING:
    from seasoncheck.kb.model import KnowledgeBase
    from seasoncheck.store import Store


@dataclass(frozen=True)
class WatchEntry:
    """A watched franchise (every season when ``season`` is None) or one season of it."""

    subject: str
    name: str
    season: int | None
    added_at: str


def add_watch(
    store: Store,
    kb: KnowledgeBase,
    query: str,
    season: int | None = None,
    *,
    today: date | None = None,
) -> tuple[WatchEntry, bool]:
    """Watch the franchise a query names (the report's resolution); (entry, True when new).

    Raises :class:`seasoncheck.report.UnknownFranchise` (with suggestions) for an unknown title.
    The watched seasons' current verdicts become the baseline the next alert compares with.
    """
    # changes.py imports this module (to mark watched changes), so it is imported here.
    from seasoncheck.follow.changes import record_verdicts
    from seasoncheck.report import resolve_subject
    from seasoncheck.store.queries import stored_works

    subject = resolve_subject(kb, query, [w for w, _, _ in stored_works(store)])
    fid = subject.franchise.id if subject.franchise else None
    entry = WatchEntry(subject_key(fid, subject.name), subject.name, season, now_iso())
    if any(w.subject == entry.subject and w.season == season for w in watched(store)):
        return entry, False
    with store.engine.begin() as conn:
        conn.execute(insert(watch_list).values(**entry.__dict__))
    record_verdicts(store, kb, entry_seasons(store, kb, entry), today=today, baseline=True)
    return entry, True


def remove_watch(
    store: Store, kb: KnowledgeBase, query: str, season: int | None = None
) -> list[WatchEntry]:
    """Stop watching a franchise (every entry of it, or only ``season``); the entries removed."""
    from seasoncheck.report import title_key

    key = title_key(query)
    gone = [
        w
        for w in watched(store)
        if title_key(w.name) == key or w.subject == query or _names(kb, w.subject, key)
    ]
    if season is not None:
        gone = [w for w in gone if w.season == season]
    with store.engine.begin() as conn:
        for w in gone:
            conn.execute(
                delete(watch_list).where(
                    watch_list.c.subject == w.subject,
                    watch_list.c.season.is_(None)
                    if w.season is None
                    else watch_list.c.season == w.season,
                )
            )
    return gone


def _names(kb: KnowledgeBase, subject: str, key: str) -> bool:
    """True when ``key`` is the title key of one of the franchise's titles."""
    from seasoncheck.report import title_key

    f = kb.franchise(subject)
    return f is not None and any(title_key(t) == key for t in (f.name, *f.titles))


def watched(store: Store) -> list[WatchEntry]:
    """The watch list, in the order it was added."""
    q = select(watch_list).order_by(watch_list.c.id)
    with store.engine.connect() as conn:
        return [WatchEntry(r.subject, r.name, r.season, r.added_at) for r in conn.execute(q)]


def watched_keys(store: Store, kb: KnowledgeBase) -> set[SeasonKey]:
    """Every watched season: those named, and for a whole franchise its claimed and KB seasons."""
    out: set[SeasonKey] = set()
    claimed: dict[str, set[int]] | None = None
    for w in watched(store):
        if w.season is not None:
            out.add(SeasonKey(w.subject, w.season))
            continue
        claimed = claimed if claimed is not None else claimed_seasons(store)
        out |= entry_seasons(store, kb, w, claimed)
    return out


def entry_seasons(
    store: Store, kb: KnowledgeBase, w: WatchEntry, claimed: dict[str, set[int]] | None = None
) -> set[SeasonKey]:
    """The seasons one watch entry covers: its season, or the franchise's claimed and KB seasons."""
    if w.season is not None:
        return {SeasonKey(w.subject, w.season)}
    claimed = claimed if claimed is not None else claimed_seasons(store)
    numbers = set(claimed.get(w.subject, set()))
    f = kb.franchise(w.subject)
    if f is not None:
        numbers |= {s.number for s in f.seasons if s.number is not None}
    return {SeasonKey(w.subject, n) for n in numbers}
