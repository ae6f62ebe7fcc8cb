"""Seasons and their current verdicts: which seasons claims are about, and what the report says."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seasoncheck.kb.model import Franchise, KnowledgeBase
    from seasoncheck.report import SeasonReport, Subject
    from seasoncheck.store import Store

# A subject the KB does not know is keyed by its work's title key behind this prefix.
WORK_PREFIX = "work:"


@dataclass(frozen=True, order=True)
class SeasonKey:
    """One season of one subject (a KB franchise id, or ``work:<title key>``)."""

    subject: str
    season: int


@dataclass(frozen=True)
class SeasonVerdict:
    """A season's current verdict, as the season page shows it."""

    key: SeasonKey
    name: str
    franchise_id: str | None
    report: SeasonReport


def subject_key(franchise_id: str | None, work: str) -> str:
    """The subject a claim belongs to: its franchise id, else its work's title key."""
    from seasoncheck.report import title_key

    return franchise_id or WORK_PREFIX + title_key(work)


def claimed_seasons(store: Store) -> dict[str, set[int]]:
    """Subject -> the season numbers stored claims are about."""
    from seasoncheck.store.queries import claimed_season_numbers

    out: dict[str, set[int]] = defaultdict(set)
    for work, fid, season in claimed_season_numbers(store):
        out[subject_key(fid, work)].add(season)
    return dict(out)


def touched_seasons(store: Store, article_ids: Iterable[str]) -> set[SeasonKey]:
    """The seasons the claims of these articles are about (claims without a season are skipped)."""
    keys = set()
    for aid in article_ids:
        for c in store.claims_for_article(aid):
            if c.season is not None:
                keys.add(SeasonKey(subject_key(c.franchise_id, c.work), c.season))
    return keys


def season_verdicts(
    store: Store, kb: KnowledgeBase, keys: Iterable[SeasonKey], today: date | None = None
) -> list[SeasonVerdict]:
    """The verdict of each season in ``keys``, computed exactly as the report computes it."""
    from seasoncheck.report import season_report
    from seasoncheck.store.queries import claims_for_franchise, stored_works

    today = today or date.today()
    by_subject: dict[str, set[int]] = defaultdict(set)
    for k in keys:
        by_subject[k.subject].add(k.season)
    stored = stored_works(store) if by_subject else []
    out = []
    for subject_id, numbers in sorted(by_subject.items()):
        subject, fid = _subject_for(kb, subject_id, stored)
        records = claims_for_franchise(store, fid, subject.works)
        for n in sorted(numbers):
            rows = [r for r in records if r.claim.season == n]
            rep = season_report(subject, n, rows, today)
            out.append(SeasonVerdict(SeasonKey(subject_id, n), subject.name, fid, rep))
    return out


def _subject_for(
    kb: KnowledgeBase, subject_id: str, stored: Sequence[tuple[str, str | None, int]]
) -> tuple[Subject, str | None]:
    """The report's Subject for a subject key, and the franchise id its claims are stored under.

    A franchise id the current KB lacks (claims linked under an older KB) still finds its claims.
    """
    from seasoncheck.report import Subject, title_key

    if not subject_id.startswith(WORK_PREFIX):
        f = kb.franchise(subject_id)
        if f is not None:
            return Subject(f.name, f, franchise_titles(kb, f)), f.id
        names = [w for w, fid, _ in stored if fid == subject_id]
        return Subject(names[0] if names else subject_id, None, ()), subject_id
    key = subject_id.removeprefix(WORK_PREFIX)
    works = tuple(dict.fromkeys(w for w, _, _ in stored if title_key(w) == key))
    return Subject(works[0] if works else key, None, works), None


def franchise_titles(kb: KnowledgeBase, f: Franchise) -> tuple[str, ...]:
    """Every title of a franchise (its names and the linker's titles), for unlinked claims."""
    titles = [f.name, *f.titles, *(t.title for t in kb.titles if t.franchise_id == f.id)]
    return tuple(dict.fromkeys(titles))
