"""Season references that a sentence names without making them its claim's installment: an
earlier season told by ellipsis in the past, a season named in quotes to be rejected, the
installment a claim is contrasted with. (Rules of ``claims.attach``, kept apart for its size.)"""

from __future__ import annotations

import re

from seasoncheck.claims import patterns as P
from seasoncheck.link.seasons import SeasonRef

# A past passive that an earlier season shares by ellipsis: "Season 1 was animated by X, and
# season 2 by X as well".
_PAST_PASSIVE = P.caseless(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:animated|produced|directed|made|handled|adapted|released|"
    r"aired|broadcast|streamed|licensed|written|composed)\b"
)


def told_in_past(text: str, start: int) -> bool:
    """True when a past passive stands before ``start`` and nothing in the sentence looks ahead."""
    return bool(_PAST_PASSIVE.search(text, 0, start)) and not P.FUTURE.search(text)


# A season named in quotes after "no"/"not": the writer rejects the words ('No "season 2," no
# "continuation": a new series').
_QUOTED_DENIAL = re.compile(r"\b(?:[Nn]o|[Nn]ot(?: an?| the)?)\s+[\"“‘']$")
# The installment a claim is contrasted with: "drawn for the first season rather than for the new
# season" (the claim is about the other one).
_INSTEAD_OF = P.caseless(
    r"\b(?:rather than|instead of|not)\s+(?:(?:for|to|of|in|about)\s+)?(?:the\s+)?$"
)


def quoted_denial(text: str, start: int) -> bool:
    """True when the reference at ``start`` is quoted after "no"/"not"."""
    return (
        start > 0
        and text[start - 1] in "\"“‘'"
        and bool(_QUOTED_DENIAL.search(text, max(0, start - 12), start))
    )


def instead_of(text: str, ref: SeasonRef) -> bool:
    """True for a relative reference ("the new season") named as what the claim is not about."""
    return ref.relative and bool(_INSTEAD_OF.search(text, max(0, ref.start - 30), ref.start))


# A question whether a season exists at all: "Is there a season 3?", "Will there be a third
# season?" (a guide's heading asks it of every show; it names no installment the article is about).
_EXISTENCE_QUESTION: P.Rx = P.caseless(
    r"^\W*(?:is there|are there|will there be|is there going to be|"
    # "Is a second season on the table?", "Will a third season happen?", "Can fans expect ...?"
    r"(?:is|will|could|would) (?:a|an|another)|(?:can|should) (?:we|fans|viewers) expect|"
    r"(?:are|will) (?:we|fans|viewers) (?:be )?(?:get|getting|see|seeing))\b[^.!?]{0,80}\?\W*$"
)

# A season the sentence says will not exist: "There will not be a second season", "no plans for a
# third season", "won't get a season 3". It names no installment the article is about.
_NEGATED_BEFORE: P.Rx = P.caseless(
    r"\b(?:not|never|won[’']t|no plans (?:for|of)|no)\s+(?:(?:be|get|getting|see|make|making|"
    r"have|produce|producing)\s+)?(?:an?\s+|any\s+)?$"
)
NEGATION_REACH = 30  # characters before a season reference searched for its negation


def negated_ref(text: str, start: int) -> bool:
    """True when the season reference at ``start`` is said not to exist."""
    return bool(_NEGATED_BEFORE.search(text, max(0, start - NEGATION_REACH), start))


def asks_existence(text: str) -> bool:
    """True when ``text`` asks whether a season exists."""
    return text.rstrip().endswith("?") and bool(_EXISTENCE_QUESTION.search(text))
