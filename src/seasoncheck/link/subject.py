"""What an article is about: the subject franchise and season, the owner of a season phrase."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from seasoncheck.link.doc import Doc, Hit, Subject
from seasoncheck.link.normalise import normalise_title
from seasoncheck.link.seasons import SeasonRef
from seasoncheck.models import Mention

_OF_AFTER = re.compile(
    r"\s+(?:of|de|di|del|della|du|des|von|der|da|do)\s+(?:the\s+|la\s+|l[’'])?"
    r"(?:(?:hit|popular|beloved|acclaimed|anime|manga|series|show|tv|franchise|isekai)\s+)*",
    re.IGNORECASE,
)
# Weight of the first numbered season reference of a text: news leads with the news ("X will
# return in Season 3"), the history comes after. 3 = the first mention outweighs two later ones.
LEDE_BONUS = 3
# Installments other than a numbered season that an article announces beside it.
_FOCUS_INSTALLMENT = re.compile(r"film|movie|project|ova", re.IGNORECASE)


@lru_cache(maxsize=4096)
def ow_key(surface: str) -> str:
    """The grouping key of an open-world title: normalised, without a leading "the"."""
    key = normalise_title(surface)
    return key[4:] if key.startswith("the ") else key


def most_mentioned(doc: Doc) -> str | None:
    """The key mentioned most, counting mentions in the first 500 characters twice."""
    if not doc.hits:
        return None  # most non-anime texts: no Counter to build
    counts: Counter[str] = Counter()
    for h in doc.hits:
        counts[h.key] += 2 if h.start < 500 else 1
    first = {h.key: h.start for h in reversed(doc.hits)}
    return max(counts, key=lambda k: (counts[k], -first[k]))


def subject_season(doc: Doc, key: str) -> tuple[bool, int | None]:
    """Whether the document names an installment of ``key``, and the season it names most.

    Ties go to the higher number. An installment without a number ("Part 2", "new anime
    project") counts as named, so a headline about a film is not overruled by the body.
    """
    counts: Counter[int] = Counter()
    named = False
    for ref in doc.refs:
        owner = owner_of(doc, ref)
        if owner is None or owner.key != key or ref.relative:
            continue
        named = True
        if ref.season is not None:
            counts[ref.season] += LEDE_BONUS if not counts else 1
    for h in doc.hits:
        if h.key == key and h.season:
            counts[h.season] += 1
    if len(counts) > 1:
        counts.pop(1, None)  # beside a later season, season 1 is the history of a sequel story
    if not counts:
        return named, None
    return True, max(counts, key=lambda n: (counts[n], n))


def owner_of(doc: Doc, ref: SeasonRef) -> Hit | None:
    """The title a season reference belongs to: "season 2 of X", "X season 2", the last title."""
    span = (ref.start, ref.end)
    if span not in doc.owners:  # asked once for the subject, once for the mentions
        doc.owners[span] = _find_owner(doc, ref)
    return doc.owners[span]


def _find_owner(doc: Doc, ref: SeasonRef) -> Hit | None:
    """``owner_of`` without the memo."""
    after = _OF_AFTER.match(doc.text, ref.end)
    if after:
        nxt = next((h for h in doc.hits if h.start == after.end()), None)
        if nxt:
            return nxt
    before = [h for h in doc.hits if h.end <= ref.start]
    return before[-1] if before else None


def focus_of(
    subject: Subject | None, head: list[Mention], body: list[Mention]
) -> tuple[Subject, ...]:
    """The subject, the other seasons its headline names, and films announced beside it."""
    if subject is None:
        return ()
    out = [subject]
    fid, work = subject.franchise_id, subject.work
    head_ids = {id(m) for m in head}
    for m in (*head, *body):
        if m.kind != "season_ref" or m.work != work or m.franchise_id != fid:
            continue
        film = m.season is None and _FOCUS_INSTALLMENT.search(m.surface)
        if (id(m) in head_ids and m.season is not None) or (film and subject.season is not None):
            out.append(Subject(work, fid, m.season, m.kb_season_id))
    seen: set[tuple[str, int | None]] = set()
    unique = []
    for s in out:
        if (s.work, s.season) not in seen:
            seen.add((s.work, s.season))
            unique.append(s)
    return tuple(unique)


def subject_key(subject: Subject) -> str:
    """The grouping key of a subject."""
    return subject.franchise_id or "ow:" + ow_key(subject.work)


def subject_hit(subject: Subject | None) -> Hit | None:
    """A stand-in hit for the subject, owner of season references with no title before them."""
    if subject is None:
        return None
    return Hit(0, 0, subject.work, subject_key(subject), subject.work, subject.franchise_id)
