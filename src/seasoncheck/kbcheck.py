"""KB check: is a claim supported, contradicted or not yet known by the knowledge base's season entry?

The KB only ever *supports* or *contradicts* what it records: a first air date, studios,
streaming sites, the season's existence. Everything else is "not yet known", which is also the
answer for a season the KB does not have (it may simply not be announced in the data yet).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from rapidfuzz import fuzz

from seasoncheck.consolidate import date_span, describe_value, normalise_name
from seasoncheck.kb.model import Franchise, KBSeason

log = logging.getLogger(__name__)

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
NOT_YET_KNOWN = "not yet known"
RESULTS = (SUPPORTED, CONTRADICTED, NOT_YET_KNOWN)

# Two studio names are the same studio when their normalised forms are this similar (rapidfuzz
# ratio, 0-100). 90 accepts "Doga Kobo" / "Dogakobo" / "Studio Doga Kobo" and rejects
# "Studio Bind" / "Studio Bones", checked by hand on the dev set's eight studio values.
STUDIO_MATCH_MIN = 90.0


@dataclass(frozen=True)
class KBCheck:
    """The KB's answer for one claim, with the fact it was compared to."""

    result: str  # supported | contradicted | not yet known
    fact: str = ""  # e.g. "first aired 2024-07-03 (bangumi-data)"


def check_claim(
    type_: str,
    value: str | None,
    status: str,
    franchise: Franchise | None,
    season: int | None,
) -> KBCheck:
    """Check one claim (type, value, status) about ``season`` of ``franchise`` against the KB.

    Example::

        check_claim("release", "2024", "confirmed", oshi, 2)
        # KBCheck(result='supported', fact='first aired 2024-07-03 (bangumi-data)')
    """
    if franchise is None or season is None:
        return KBCheck(NOT_YET_KNOWN, "the work or season is not in the knowledge base")
    entry = franchise.season(season)
    checker = _CHECKERS.get(type_)
    if checker is None:
        return KBCheck(NOT_YET_KNOWN, f"the knowledge base records nothing about {type_}s")
    result = checker(value, status, franchise, entry)
    if status == "denied" and result.result != NOT_YET_KNOWN:
        flipped = CONTRADICTED if result.result == SUPPORTED else SUPPORTED
        return KBCheck(flipped, result.fact)
    return result


def _check_renewal(value: str | None, status: str, f: Franchise, s: KBSeason | None) -> KBCheck:
    if s is None:
        return KBCheck(NOT_YET_KNOWN, f"{f.name} has no such season in the knowledge base yet")
    return KBCheck(SUPPORTED, f"the knowledge base lists it: {s.title}{_src(s)}")


def _check_date(value: str | None, status: str, f: Franchise, s: KBSeason | None) -> KBCheck:
    if s is None or not s.first_aired:
        return KBCheck(NOT_YET_KNOWN, "the knowledge base has no air date for this season")
    fact = f"first aired {s.first_aired}{_src(s)}"
    claimed, aired = date_span(value), date_span(s.first_aired)
    if claimed is None or aired is None:
        return KBCheck(NOT_YET_KNOWN, fact)
    if claimed.contains(aired):
        return KBCheck(SUPPORTED, fact)
    if not claimed.overlaps(aired):
        return KBCheck(CONTRADICTED, fact)
    return KBCheck(NOT_YET_KNOWN, f"{fact}: too coarse to tell {describe_value(value)}")


def _check_studio(value: str | None, status: str, f: Franchise, s: KBSeason | None) -> KBCheck:
    studios = (s.studios if s and s.studios else ()) or f.studios
    if not value or not studios:
        return KBCheck(NOT_YET_KNOWN, "the knowledge base has no studio for this season")
    where = "this season" if s and s.studios else f.name
    fact = f"studio of {where}: {', '.join(studios)}"
    if any(same_studio(value, known) for known in studios):
        return KBCheck(SUPPORTED, fact)
    return KBCheck(CONTRADICTED, fact)


def _check_streaming(value: str | None, status: str, f: Franchise, s: KBSeason | None) -> KBCheck:
    # Streaming lists are never complete, so a service the KB lacks is not a contradiction.
    if not value or s is None or not s.streaming:
        return KBCheck(NOT_YET_KNOWN, "the knowledge base has no streaming sites for this season")
    fact = f"streams on {', '.join(s.streaming)}{_src(s)}"
    key = normalise_name(value)
    if any(normalise_name(x) == key for x in s.streaming):
        return KBCheck(SUPPORTED, fact)
    return KBCheck(NOT_YET_KNOWN, fact)


def same_studio(a: str, b: str) -> bool:
    """True when two studio names name the same studio ("Studio Doga Kobo" and "Doga Kobo")."""
    ka, kb = normalise_name(a), normalise_name(b)
    return ka == kb or fuzz.ratio(ka, kb) >= STUDIO_MATCH_MIN


def _src(s: KBSeason) -> str:
    return f" ({', '.join(s.sources)})" if s.sources else ""


_CHECKERS = {
    "renewal": _check_renewal,
    "release": _check_date,
    "delay": _check_date,
    "studio": _check_studio,
    "streaming": _check_streaming,
}
