"""One finder per claim type: each reads one sentence and returns (type, value) findings.

The release finder lives in ``finders_release``, the studio and streaming finders in
``finders_services`` (both re-exported here)."""

from __future__ import annotations

import re
from collections.abc import Callable

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import denies, in_spans
from seasoncheck.claims.dates import DateMention
from seasoncheck.claims.finders_release import (
    _NOW_BEFORE,
    _OTHER_WORKS,
    _before_publication,
    _clause_before,
    _year_before_publication,
    find_release,
    is_event_year,
)
from seasoncheck.claims.finders_services import (
    find_streaming,
    find_studio,
    name_regex,
)
from seasoncheck.claims.sent import Finding, Sent

__all__ = [
    "FINDERS",
    "FINDERS_BY_CUE",
    "Finding",
    "Sent",
    "find_delay",
    "find_release",
    "find_renewal",
    "find_streaming",
    "find_studio",
    "find_trailer",
    "is_event_year",
    "name_regex",
]

# A relative delay: "pushed back by one cour", "delayed by three months".
_SHIFT = P.caseless(r"\bby (?P<n>an?|one|two|three|four|six|\d) (?P<u>cours?|months?|seasons?)\b")
_SHIFT_MONTHS = {"cour": 3, "cours": 3, "season": 3, "seasons": 3, "month": 1, "months": 1}


def find_renewal(s: Sent) -> list[Finding]:
    """A new season or sequel exists, is announced, in production or coming."""
    if s.question:
        return []
    if P.NO_SEASON.search(s.text):
        return [Finding("renewal", None)]  # denied by the sentence's source ("no season planned")
    for rx in (P.RENEWAL, P.RENEWAL_FUTURE, P.RENEWAL_MAYBE):
        for m in rx.finditer(s.text):
            if in_spans(m.start(), s.absent):
                continue
            if rx is P.RENEWAL and _is_topic_label(s.text):
                continue
            if rx is P.RENEWAL and _channel_only(s, m):
                continue
            if rx is P.RENEWAL and _OFFICIAL_SOURCE.match(s.text, m.start()):
                continue  # "we are keeping an eye on all official sources": a source, not a season
            if rx is P.RENEWAL and _TOPIC_INTRO.search(s.text):
                continue  # "In this article we tell you about the Season 2 release date": topics
            return [Finding("renewal", None)]
    return []


# "official" naming a channel or a promo item ("the official account kept posting illustrations"):
# a renewal cue only in a sentence that names the new installment or looks ahead.
_OFFICIAL_CHANNEL = P.caseless(
    r"^official\s+(?:[\w-]+\s+)?(?:account|website|site|channel|page|twitter|x|youtube|instagram|tiktok|"
    r"trailer|teaser|pv|visual|poster|illustration|soundtrack|store|shop|app|livestream|staff)s?\b"
)


# "official sources": where news would come from, never news of a season by itself.
_OFFICIAL_SOURCE: P.Rx = P.caseless(r"official\s+(?:news\s+)?sources?\b")


def _channel_only(s: Sent, m: re.Match[str]) -> bool:
    """True when the renewal cue ``m`` is "official" naming a channel, in a sentence that neither
    names the new installment nor looks ahead."""
    if s.explicit or not _OFFICIAL_CHANNEL.match(s.text[m.start() : m.start() + 60]):
        return False
    return not P.FUTURE.search(s.text)


# A sentence that lists what an article covers, or what fans want to know: its nouns ("release date", "confirmation") are
# topics, not claims.
_TOPIC_INTRO = P.caseless(
    r"\bin this (?:article|post|guide|piece)\b|\b(?:tell|show) you (?:all |everything )?about\b|"
    r"\beverything (?:we know|you need to know)\b|\bhere(?:[’']s| is) (?:everything|all)\b|"
    r"\b(?:eager|want|wants|waiting|dying|curious|keen|desperate) to (?:know|learn|find out|hear)\b|"
    # a listicle's introduction: "to round up the continuations", "Here are three sequels that ..."
    r"\bround(?:s|ed|ing)? up (?:the |all |every |some )?\b|\bhere (?:are|is) (?:the |our |a )?(?:\w+ )?(?:continuations|sequels|seasons|renewals|shows|titles|series)\b"
)
MAX_LABEL_WORDS = 12  # the heading length of claims.subject: news sentences run longer


def _is_topic_label(text: str) -> bool:
    """True for a heading that ends in "Season 3 release date": it names a section's topic."""
    return len(text.split()) <= MAX_LABEL_WORDS and P.RENEWAL_TOPIC.search(text) is not None


# "later moved to Ultra Jump", "moved to Netflix": a move to a named place (a magazine, a
# platform, a channel), not to a date. Case-sensitive: a name is capitalised, a month too, so
# months, seasons and "Winter/Spring ..." are let through.
_MOVED_TO_NAME = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Winter|Spring|Summer|Fall|Autumn|"
    r"Early|Late|Mid|Next|The)\b)[A-Z][a-z]"
)


# "delayed" before a plural of works speaks of delays in general ("cancelled or delayed projects
# show up on these lists"), not of this installment.
_DELAYED_IN_GENERAL = P.caseless(
    r"\s+(?:or\s+\w+\s+)?(?:projects|shows|titles|productions|works|anime series|adaptations)\b"
)


# The new date of a delay told first: "delayed in May because of the outbreak, it will open on
# July 8" (the premiere verb in the future after the delay word dates the new schedule).
_NEW_DATE_BEFORE: P.Rx = P.caseless(
    r",\s+(?:it\s+|they\s+)?(?:will|is set to|are set to)\s+(?:now\s+)?(?:open|premiere|air|debut|launch|resume|return)\b"
    r"[^.;]{0,50}?\b(?:on|in|from)\s+(?:\w+day,?\s+)?$"
)


def find_delay(s: Sent) -> list[Finding]:
    """The premiere moved: the new date when the sentence gives it."""
    if s.question:
        return []
    m = next(
        (
            m
            for m in P.DELAY.finditer(s.text)
            if not in_spans(m.start(), s.absent)
            and not (
                s.text[m.end() - 3 : m.end()] == " to" and _MOVED_TO_NAME.match(s.text, m.end())
            )
            and not _DELAYED_IN_GENERAL.match(s.text, m.end())
        ),
        None,
    )
    if m is None:
        return []
    for d in s.dates:
        between = s.text[m.start() : d.start]  # from the delay word: "moved to" ends in "to"
        if _OTHER_WORKS.search(_clause_before(s.text[: d.start])):
            continue  # "several other fall titles are also moving to 2026": not this one
        if d.start > m.start() and (
            P.DELAY_TARGET.search(between[-12:])
            or _NOW_BEFORE.search(between)
            or _NEW_DATE_BEFORE.search(between[-70:])
        ):
            if _before_publication(d, s.published) or _dated_in_past_year(s, d):
                return []  # moved to a date already past when the article was written: history
            return [Finding("delay", d.value, True), Finding("release", d.value, True)]
    shifted = _shifted_date(s, m.start())
    if shifted:
        return [Finding("delay", shifted, True)]
    return [Finding("delay", None)]


def _dated_in_past_year(s: Sent, d: DateMention) -> bool:
    """True when a delay's new date has no year of its own and the sentence dates its story in a
    year before the article's: "It premiered in January 2023, and the last episodes were pushed
    back to April" is April 2023, not next April."""
    return d.relative and any(
        o is not d and not o.relative and _year_before_publication(o, s.published) for o in s.dates
    )


def _shifted_date(s: Sent, delay_at: int) -> str | None:
    """The new date of a relative delay: the original month plus the shift ("planned for January
    2026 ... pushed back by one cour" -> 2026-04)."""
    shift = _SHIFT.search(s.text, delay_at)
    if shift is None:
        return None
    n = shift.group("n").lower()
    count = int(n) if n.isdigit() else P.ORDINALS.get(n, 1)  # "a cour", "an extra month": 1
    months = count * _SHIFT_MONTHS[shift.group("u").lower()]
    for d in s.dates:
        if d.start < delay_at and d.value and len(d.value) >= 7 and d.value[5:7].isdigit():
            total = int(d.value[:4]) * 12 + int(d.value[5:7]) - 1 + months
            return f"{total // 12:04d}-{total % 12 + 1:02d}"
    return None


def find_trailer(s: Sent) -> list[Finding]:
    """A trailer, teaser, PV, key visual or poster was released for the new installment."""
    if s.question or s.past or _FAN_MADE.search(s.text):
        return []  # "a fan-made visual": nothing was released
    if denies(s.text):
        # "the teaser is not an official teaser": a trailer claim, denied (its source says so);
        # "the poster is fake" alone rules on a picture, not on a release
        return [Finding("trailer", None)] if _NOT_OFFICIAL_TRAILER.search(s.text) else []
    for m in P.TRAILER.finditer(s.text):
        if in_spans(m.start(), s.absent):
            continue
        if any(
            not _to_come(s.text, o.start()) and not in_spans(o.start(), s.absent)
            for o in P.TRAILER_OUT.finditer(s.text)
        ):  # ("planned, but none has been released yet": the release verb is in the absence)
            return [Finding("trailer", None)]
    return []


_FAN_MADE = P.caseless(r"\bfan-?made\b|\bfan art\b|\bfan[- ]?edit(?:s|ed)?\b")
_NOT_OFFICIAL_TRAILER: P.Rx = P.caseless(
    r"\b(?:is|are|was|were)(?: not|n[’']t) (?:an? |the )?(?:official|real|actual|genuine) (?:trailer|teaser|pv)s?\b|"
    r"\b(?:is|are|was|were)(?: not|n[’']t) (?:a|an) (?:trailer|teaser|pv)s?\b(?!\s+(?:to|you|for|that|which|we|fans)\b)"
)


def _to_come(text: str, verb_at: int) -> bool:
    """True when the release verb at ``verb_at`` is in the future: "will be shown in December"."""
    return P.TRAILER_TO_COME.search(text[max(0, verb_at - 30) : verb_at]) is not None


FINDERS: tuple[Callable[[Sent], list[Finding]], ...] = (
    find_renewal,
    find_release,
    find_delay,
    find_studio,
    find_streaming,
    find_trailer,
)
# The finders each cue group of patterns.FINDER_CUES calls for (renewal runs on every candidate).
FINDERS_BY_CUE: dict[str, Callable[[Sent], list[Finding]]] = {
    "release": find_release,
    "delay": find_delay,
    "studio": find_studio,
    "streaming": find_streaming,
    "trailer": find_trailer,
}
