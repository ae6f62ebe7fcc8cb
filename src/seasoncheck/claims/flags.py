"""Article flags: ``headline_unsupported`` when the headline promises a date the body never gives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from seasoncheck.models import Article, Flag

if TYPE_CHECKING:
    from seasoncheck.claims.merge import Merged
    from seasoncheck.claims.segment import Sentence

# A headline promises a date: "Release Date", "Premiere Date", "When Will ... Return?".
PROMISES_DATE = re.compile(
    r"\b(?:release|premiere|air(?:ing)?|launch|return)\s+(?:date|window)\b|\bwhen\s+(?:will|does|is)\b.*\b(?:release|premiere|return|air|come)",
    re.IGNORECASE,
)

# A headline that announces a guess: a guessed date in the body keeps its promise.
GUESS_HEADLINE = re.compile(
    r"\bspeculat\w*|\bpredict\w*|\bprojected\b|\bexpected\b|\bpossible\b|\bpotential\b|\blikely\b|"
    r"\bwhen (?:could|might|may|should|can)\b",  # "When could X return?" asks for a guess
    re.IGNORECASE,
)


def headline_flags(
    article: Article, doc_id: str, claims: list[Merged], sentences: list[Sentence]
) -> tuple[Flag, ...]:
    """(Flag,) when the headline promises a release date and no release claim of the body gives one."""
    title = article.title or ""
    if not PROMISES_DATE.search(title):
        return _confirmation_flags(title, doc_id, claims, sentences)
    # a writer's own guess ("could arrive in summer 2025") is not the date the headline promised,
    # unless the headline promises only a guess ("Release date speculation")
    guess_ok = bool(GUESS_HEADLINE.search(title)) or any(_guess_heading(s.text) for s in sentences)
    if any(
        c.type in ("release", "delay")
        and c.date_given
        and (guess_ok or c.source.status != "speculated")
        for c in claims
    ):
        return ()
    return (
        Flag(
            doc_id,
            "headline_unsupported",
            detail="the headline promises a release date; the text gives none",
        ),
    )


# A subheading: a short line without a full stop ("Season 3 release date prediction").
HEADING_MAX_WORDS = 12


def _guess_heading(text: str) -> bool:
    """True for a body subheading that announces a guessed date ("Season 3 release date
    prediction"): the article promises a guess, and a guessed date in the body keeps the promise."""
    return (
        not text.rstrip().endswith((".", "!", "?", ":", ";", ","))
        and len(text.split()) <= HEADING_MAX_WORDS
        and bool(PROMISES_DATE.search(text))
        and bool(GUESS_HEADLINE.search(text))
    )


# A headline that states a confirmation: "Season 2 Officially Confirmed!", "X Renewed for Season 3".
CONFIRMS = re.compile(r"\b(?:officially\s+)?(?:confirmed|renewed)\b", re.IGNORECASE)
# (a rumour's headline passes the claim on: the body's leak is what it promised)
_HEDGED_HEADLINE = re.compile(
    r"\?|\b(?:rumou?r\w*|leak\w*|reportedly|report|insider|could|might|may|fake|false|hoax|not)\b",
    re.IGNORECASE,
)


def _confirmation_flags(
    title: str, doc_id: str, claims: list[Merged], sentences: list[Sentence]
) -> tuple[Flag, ...]:
    """(Flag,) when the headline states a confirmation and the body confirms nothing: every
    claim is a guess, or is told by the headline alone ("Season 2 Officially Confirmed!" over
    "we think a second season is a real possibility")."""
    if not CONFIRMS.search(title) or _HEDGED_HEADLINE.search(title):
        return ()
    headline = title.strip()
    if any(
        c.source.status in ("confirmed", "reported", "denied")
        and c.index < len(sentences)
        and sentences[c.index].text.strip() not in headline
        for c in claims
    ):
        return ()
    return (
        Flag(doc_id, "headline_unsupported", detail="the headline confirms what the text does not"),
    )
