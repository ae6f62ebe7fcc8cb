"""Status and attribution of one sentence, from who is cited, hedges, negation and absence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from seasoncheck.claims import patterns as P

_CLAUSE = re.compile(
    r"[,;:–—]\s+|\s+(?:but|however|though|although|while|whereas)\s+", re.IGNORECASE
)
# Sentences whose source and absence clauses are remembered: the merge rules ask about the same
# sentence several times (its own claims, the article scan, look-ahead from earlier sentences).
SENTENCE_CACHE = 4096
_OPENS_WITH_NO = re.compile(r"^\W*(?:no|there (?:is|are) no|nothing)\b", re.IGNORECASE)
# A leak named in a condition ("If the leak is accurate, ...") is the premise of a guess.
_IF_BEFORE = re.compile(r"\b(?:if|assuming|should)\b[^,;.]{0,40}$", re.IGNORECASE)
# Where a sentence that opens with "No ..." turns to what is known.
_CONTRAST = re.compile(r"[,;]\s*(?:but|however|though|yet)\b|\s+but\s+", re.IGNORECASE)
_OFFICIAL_NAMES = tuple(n.lower() for n in P.OFFICIAL_NAMES)
_ANNOUNCES = re.compile(
    r"\b(?:announced|confirmed|revealed|unveiled|posted|shared|slips|published|gave the green light|said|says|stated)\b"
)
# A studio, licensor or publisher that announces something is an official channel.
_NAME_ANNOUNCES = re.compile(
    r"(?<!via )(?<!on )\b(?:"
    + "|".join(
        re.escape(n) for n in sorted(set(P.OFFICIAL_NAMES + P.STUDIOS), key=len, reverse=True)
    )
    + r")(?!\w)(?:(?!\bwas\b|\bwere\b)[^.]){0,80}?\b(?:announced|confirmed|revealed|unveiled|posted|shared|slips|published|gave the green light|said|says|stated)\b"
)


# An aside about something else: a relative clause or appositive between commas, or brackets.
# "Drive, which took over for the third season, will animate it": the season named in the aside
# is not what the sentence is about.
_ASIDE = re.compile(
    r",\s*(?:which|who|whose|the (?:\w+ )?(?:studio|company|team|service|platform) (?:behind|that|which|who))\b[^,;:]*(?=,)|\([^()]*\)",
    re.I,
)


def blank_asides(text: str) -> str:
    """``text`` with its asides replaced by spaces (offsets unchanged)."""
    if "," not in text and "(" not in text:
        return text
    return _ASIDE.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True)
class Source:
    """Status and attribution a sentence gives its claims."""

    status: str = "confirmed"
    attribution: str = "none"


NONE = Source()


def clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the clauses of a sentence (split at commas, dashes, 'but', ...)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=SENTENCE_CACHE)
def absent_spans(text: str) -> list[tuple[int, int]]:
    """Clauses that state an absence ("no release date yet"): nothing in them is a claim.

    A sentence that opens with "No ..." is a list of what is missing: all of it is absent.
    """
    spans = [(s, e) for s, e in clauses(text) if P.ABSENCE.search(text, s, e)]
    if _OPENS_WITH_NO.match(text):
        # "No window was given, but Crunchyroll announced ...": the contrast clause is a claim
        turn = _CONTRAST.search(text)
        return [(0, turn.start() if turn else len(text)), *spans]
    return spans


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``pos`` lies in one of ``spans``."""
    return any(s <= pos < e for s, e in spans)


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_source(text: str) -> Source:
    """The status and attribution of a sentence's claims, from its own cues."""
    absent = absent_spans(text)
    if _has(P.DENIAL, text, absent):
        return Source("denied", "none")
    hedged = _has(P.HEDGE, text, absent) or _has(P.HEDGE_MAY, text, absent)
    leak = [m for m in P.LEAK.finditer(text) if not in_spans(m.start(), absent)]
    if leak and not (hedged and all(_IF_BEFORE.search(text, 0, m.start()) for m in leak)):
        return Source("reported", "leak")
    media = media_outlet(text)
    if media == "official":
        return Source("speculated", "none") if hedged else Source("confirmed", "official")
    if media == "leak":
        return Source("reported", "leak")
    if media:
        return Source("reported" if hedged else "confirmed", "media")
    if hedged:
        return Source("speculated", "none")
    if is_official(text, absent):
        return Source("confirmed", "official")
    return NONE


def is_official(text: str, absent: list[tuple[int, int]]) -> bool:
    """True when an official channel is cited (weak channels need an announcing verb in their clause)."""
    if _has(P.OFFICIAL, text, absent) or (
        _ANNOUNCES.search(text) and _has(_NAME_ANNOUNCES, text, absent)
    ):
        return True
    for s, e in clauses(text):
        if (
            not in_spans(s, absent)
            and P.OFFICIAL_WEAK.search(text, s, e)
            and P.ANNOUNCE_VERB.search(text, s, e)
        ):
            return True
    return False


def media_outlet(text: str) -> str | None:
    """'official', 'leak', or the outlet's name when the sentence cites another source."""
    m = P.MEDIA.search(text)
    if not m:
        return None
    outlet = (m.group("outlet") or "").strip()
    if not outlet:
        return "media"
    low = outlet.lower()
    if low.startswith(_OFFICIAL_NAMES) or P.OFFICIAL.search(outlet):
        # "watch it via Crunchyroll" names a service, not a source
        return None if (m.group("cue") or "").lower() in ("via", "per") else "official"
    if P.LEAK.search(outlet) or outlet.startswith("@"):
        return "leak"
    if outlet.split()[0] in ("Twitter", "X", "YouTube", "Instagram", "TikTok"):
        return None
    return outlet


def has_official(text: str) -> bool:
    """True when the sentence's own source is an official channel."""
    return sentence_source(text).attribution == "official"


def _has(rx: re.Pattern[str], text: str, absent: list[tuple[int, int]]) -> bool:
    """True when ``rx`` matches ``text`` outside the ``absent`` clauses."""
    if not absent:
        return rx.search(text) is not None
    return any(not in_spans(m.start(), absent) for m in rx.finditer(text))
