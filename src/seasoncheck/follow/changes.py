"""Verdict change detection: store each season's last verdict and record every move of it.

``verdict_state`` holds the last verdict computed per season; ``verdict_changes`` the history
the Atom feed, the home page and the webhooks read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy import update as sql_update

from seasoncheck.follow.options import now_iso
from seasoncheck.follow.seasons import (
    WORK_PREFIX,
    SeasonKey,
    SeasonVerdict,
    season_verdicts,
    touched_seasons,
)
from seasoncheck.follow.watch import watched_keys
from seasoncheck.follow_schema import verdict_changes, verdict_state

if TYPE_CHECKING:
    from seasoncheck.kb.model import KnowledgeBase
    from seasoncheck.store import Store


@dataclass(frozen=True)
class VerdictChange:
    """A season whose verdict (state or date) moved; ``old_state`` None for its first verdict."""

    id: int
    subject: str
    name: str
    season: int
    old_state: str | None
    new_state: str
    old_date: str | None
    date: str | None
    date_text: str | None
    explanation: str
    watched: bool
    at: str

    def to_dict(self) -> dict[str, Any]:
        """The webhook's JSON body."""
        return {
            "event": "verdict_changed",
            "id": self.id,
            "franchise": self.name,
            "franchise_id": None if self.subject.startswith(WORK_PREFIX) else self.subject,
            "season": self.season,
            "old_state": self.old_state,
            "new_state": self.new_state,
            "old_date": self.old_date,
            "date": self.date,
            "date_text": self.date_text,
            "explanation": self.explanation,
            "watched": self.watched,
            "at": self.at,
        }


def record_verdicts(
    store: Store,
    kb: KnowledgeBase,
    keys: Iterable[SeasonKey],
    *,
    today: date | None = None,
    baseline: bool = False,
) -> list[VerdictChange]:
    """Recompute the verdicts of ``keys``, store them and record each change, in one transaction.

    ``baseline`` stores the verdicts without recording changes (used when a season starts being
    watched, so the first alert is a real change). Example::

        changes = record_verdicts(store, kb, touched_seasons(store, ids))
    """
    verdicts = season_verdicts(store, kb, keys, today)
    watched = watched_keys(store, kb)
    at = now_iso()
    changes = []
    with store.engine.begin() as conn:
        for v in verdicts:
            old = conn.execute(
                select(verdict_state.c.state, verdict_state.c.date).where(
                    verdict_state.c.subject == v.key.subject, verdict_state.c.season == v.key.season
                )
            ).first()
            new = (v.report.state, v.report.date)
            if old is not None and (old.state, old.date) == new:
                continue
            _save_state(conn, v, old is not None, at)
            if not baseline:
                changes.append(_insert_change(conn, v, old, v.key in watched, at))
    return changes


def changes_after_ingest(
    store: Store, kb: KnowledgeBase, article_ids: Iterable[str], *, today: date | None = None
) -> list[VerdictChange]:
    """Record the verdict changes of the seasons new articles touch and of every watched season.

    The ``ingest`` command can call this (then ``deliver_changes``) after its batch.
    """
    keys = touched_seasons(store, article_ids) | watched_keys(store, kb)
    return record_verdicts(store, kb, keys, today=today)


def _save_state(conn: Any, v: SeasonVerdict, exists: bool, at: str) -> None:
    """Insert or update the season's row in ``verdict_state``."""
    values = {"name": v.name, "state": v.report.state, "date": v.report.date, "updated_at": at}
    if exists:
        where = (verdict_state.c.subject == v.key.subject, verdict_state.c.season == v.key.season)
        conn.execute(sql_update(verdict_state).where(*where).values(**values))
    else:
        conn.execute(
            insert(verdict_state).values(subject=v.key.subject, season=v.key.season, **values)
        )


def _insert_change(conn: Any, v: SeasonVerdict, old: Any, watched: bool, at: str) -> VerdictChange:
    """Record one change in ``verdict_changes``; the change with its new id."""
    r = v.report
    change = VerdictChange(
        id=0,
        subject=v.key.subject,
        name=v.name,
        season=v.key.season,
        old_state=old.state if old is not None else None,
        new_state=r.state,
        old_date=old.date if old is not None else None,
        date=r.date,
        date_text=r.date_text,
        explanation=r.explanation,
        watched=watched,
        at=at,
    )
    values = {k: getattr(change, k) for k in VerdictChange.__dataclass_fields__ if k != "id"}
    values["watched"] = int(watched)  # an Integer column: PostgreSQL refuses a boolean
    new_id = conn.execute(insert(verdict_changes).values(**values)).inserted_primary_key[0]
    return replace(change, id=int(new_id))


def recent_changes(
    store: Store, *, limit: int = 100, watch_only: bool = False
) -> list[VerdictChange]:
    """The most recent verdict changes, newest first (the Atom feed and the home page read these)."""
    q = select(verdict_changes).order_by(verdict_changes.c.id.desc()).limit(limit)
    if watch_only:
        q = q.where(verdict_changes.c.watched == 1)
    with store.engine.connect() as conn:
        return [_change_from_row(r._mapping) for r in conn.execute(q)]


def _change_from_row(r: Any) -> VerdictChange:
    """A VerdictChange from a ``verdict_changes`` row mapping."""
    return VerdictChange(
        **{k: r[k] for k in VerdictChange.__dataclass_fields__ if k != "watched"},
        watched=bool(r["watched"]),
    )
