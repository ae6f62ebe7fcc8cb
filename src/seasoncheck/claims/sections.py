"""Which work each part of an article is about: the subject (the most mentioned work, not one
named only in passing), each roundup section's work, and the other works the article names."""

from __future__ import annotations

from functools import lru_cache

from seasoncheck.claims import patterns as P
from seasoncheck.claims.ownership import subject_names
from seasoncheck.claims.segment import Sentence
from seasoncheck.claims.subject import roundup_sections
from seasoncheck.link import Subject
from seasoncheck.models import Claim, Mention

# A work mentioned this many times more often than the headline's first title is the subject.
SUBJECT_SWITCH_RATIO = 2


def _first_of_each(claims: list[Claim]) -> list[Claim]:
    """The claims without repeats of the same work, season, type and value (first kept)."""
    seen: set[tuple[str, int | None, str, str | None]] = set()
    out = []
    for c in claims:
        key = (c.work, c.season, c.type, c.value)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


_Subject = tuple[str, str | None, frozenset[str]]  # display work, franchise id, surfaces


def _sections(
    text: str,
    sentences: list[Sentence],
    mentions: tuple[Mention, ...],
    subject: _Subject,
    headlined: bool,
) -> list[tuple[int, int, _Subject]]:
    """Sentence ranges with the work they are about: the whole article about its subject, or,
    in a roundup, each section about its heading's or lead's work (a section under a heading
    naming no work, "Honorable mentions", is about none) and the rest about the subject. The
    subject counts as a listed work unless the headline names it."""
    listed = subject[2] if headlined else frozenset()
    sections = roundup_sections(text, sentences, mentions, listed)
    if not sections:
        return [(0, len(sentences), subject)]
    ends = [s.first for s in sections[1:]] + [len(sentences)]
    out = [(0, sections[0].first, subject)] if sections[0].first else []
    for sec, end in zip(sections, ends, strict=True):
        if sec.last is not None and sec.last < end:  # after a lead paragraph: the subject again
            out.append((sec.last, end, subject))
            end = sec.last
        if sec.heading is None:
            continue
        lo, hi = sentences[sec.first].start, sentences[end - 1].end
        own = tuple(m for m in mentions if lo <= m.start < hi)
        h = sec.heading
        names = subject_names(own, h.work, h.franchise_id, text)[0]
        shown = h.surface.strip(_QUOTES)
        out.append((sec.first, end, (shown, h.franchise_id, names | {shown})))
    return out


_QUOTES = " \"'“”‘’「」『』【】[]()"


def _names_any(s: Sentence, mentions: tuple[Mention, ...], names: frozenset[str]) -> bool:
    """True when a title mention of one of ``names`` lies in the sentence."""
    return any(
        m.kind == "title" and m.work in names and s.start <= m.start < s.end for m in mentions
    )


def _unowned_in_section(others: list[Mention], lo: int, hi: int) -> list[Mention]:
    """``others`` without the season phrases in [lo, hi) of works no title in [lo, hi) names: a
    bare "the second season" under a roundup heading is the heading work's, not the season of
    the last title named above the heading."""
    named = {m.work for m in others if m.kind == "title" and lo <= m.start < hi}
    return [
        m
        for m in others
        if not (m.kind == "season_ref" and lo <= m.start < hi and m.work not in named)
    ]


def _others(mentions: tuple[Mention, ...], names: frozenset[str], text: str) -> list[Mention]:
    """Mentions of works other than the one named by ``names`` that surely name a work."""
    seasoned = {m.work for m in mentions if m.kind == "season_ref"}  # "Ember Knight season 3"
    return [
        m
        for m in mentions
        if m.work not in names
        and (_is_a_work(m) or m.work in seasoned)
        and not (m.kind == "title" and m.season is None and _in_passing(text, m))
    ]


def _most_mentioned(subject: Subject | None, mentions: tuple[Mention, ...]) -> Subject | None:
    """The linker's subject, unless another work has at least twice its title and season mentions
    in the text (a clickbait headline that opens with another title)."""
    counts: dict[str, int] = {}
    fids: dict[str, str | None] = {}
    for m in mentions:
        counts[m.work] = counts.get(m.work, 0) + 1
        fids.setdefault(m.work, m.franchise_id)
    if not counts:
        return subject
    top = max(sorted(counts), key=lambda w: counts[w])
    if subject is not None and counts.get(subject.work, 0) * SUBJECT_SWITCH_RATIO >= counts[top]:
        return subject
    return Subject(top, fids[top])


# A title named only to identify someone else's past work: "the studio behind X", "known for X".
_PASSING = P.caseless(
    r"\b(?:behind|known for|famous for|best known for|creators? of|makers? of|studio of|producers? of|"
    r"director of|(?:also )?(?:made|animated|produced|directed)|like|such as|similar to|fans of)\s+"
    r"(?:the\s+)?(?:hit\s+|popular\s+|acclaimed\s+)?(?:anime\s+|series\s+)?[\"'“‘]?$"
)
PASSING_WINDOW = 40  # characters before a mention searched for a passing cue


def _not_in_passing(
    subject: Subject | None, mentions: tuple[Mention, ...], text: str, title: str | None
) -> Subject | None:
    """Another work when every body mention of ``subject`` is a passing credit ("the studio
    behind X") and the headline does not name it; the subject otherwise."""
    if subject is None or (title and subject.work.lower() in title.lower()):
        return subject
    own = [m for m in mentions if m.work == subject.work]
    if not own or not all(_in_passing(text, m) for m in own):
        return subject
    rest = tuple(m for m in mentions if m.work != subject.work and not _in_passing(text, m))
    titled = [m for m in rest if m.kind == "title"]
    return _most_mentioned(None, tuple(titled)) if titled else subject


def _in_passing(text: str, m: Mention) -> bool:
    """True when the mention follows a passing cue ("the studio behind")."""
    return _passing_at(text, m.start)


@lru_cache(maxsize=1024)  # the subject test and every section's _others ask about each mention
def _passing_at(text: str, start: int) -> bool:
    """``_in_passing`` for a mention starting at ``start``, remembered."""
    return bool(_PASSING.search(text, max(0, start - PASSING_WINDOW), start))


def _is_a_work(m: Mention) -> bool:
    """True for mentions that surely name another work: KB-linked, or owning a season number."""
    return m.franchise_id is not None or m.season is not None or m.kind == "season_ref"
