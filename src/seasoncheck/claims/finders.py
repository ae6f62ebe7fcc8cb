"""One finder per claim type: each reads one sentence and returns (type, value) findings."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import absent_spans, in_spans
from seasoncheck.claims.dates import DateMention, find_dates

# How far (characters) a release verb may stand from the date it governs, before / after it.
VERB_BEFORE_WINDOW = 80  # "will return to television screens in October 2024"
VERB_AFTER_WINDOW = 80  # "April 2024 or October 2024 seem to be the likely dates for its return"
_ANNOUNCE_DATE_BEFORE = re.compile(
    r"(?:^\W*(?:on|since|as of)\s+(?:\w+,?\s+)?$)|(?:\b(?:announced|posted|revealed|confirmed|shared|published|held|"
    r"tweeted|unveiled|stated|said|reported|takes? place|taking place|event|livestream|stream|since|as of)\s+(?:on\s+|in\s+)?(?:\w+,?\s+)?$)",
    re.I,
)
_ANNOUNCE_DATE_AFTER = re.compile(
    r"^\s*(?:at|during)\b|^\s*\(|^\s*:|^\s*[’']s\b|^\s+(?:cinematic|theatrical|finale|event|livestream|box office)",
    re.I,
)
_NOT_EXPECTED = re.compile(
    r"\b(?:don[’']t|do not|doesn[’']t|not|won[’']t|will not|unlikely to)\s+(?:\w+\s+){0,6}?$|\bdon[’']t expect\b",
    re.I,
)
# "announced Season 2 for October 2024", "slated for a 2025 release": the date of the premiere.
_ANNOUNCED_FOR = re.compile(
    r"\b(?:announced|confirmed|slated|set|scheduled|planned|greenlit|renewed|dated)\b[^.;]{0,60}\bfor\s+(?:an?\s+)?$",
    re.I,
)
_ANNOUNCED_WORD = re.compile(
    r"\b(?:announced|confirmed|slated|set|scheduled|planned|greenlit|renewed|dated)\b", re.I
)
_OPEN_STUDIO = re.compile(
    r"\b(?i:animated by|animation by|animation production by|produced by|in production at|handled by)\s+"
    r"(?:the\s+)?(?:animation\s+)?(?:(?i:studio)\s+)?"
    r"(?P<name>(?:Studio\s+)?[A-Z][\w.&'’+-]*(?:\s+(?:[A-Z0-9][\w.&'’+-]*))" + "{0,3})"
)
# Ties that name the animator by themselves ("Season 2 ... with animation by X").
_STRONG_TIE = re.compile(
    r"\b(?:animated by|animation by|animation production by|produced by|in production at|handl(?:e|es|ing) (?:the )?animation)\b",
    re.I,
)
_STUDIO_WILL = re.compile(
    r"\bwill (?:once again |also )?(?:animate|produce|handle)\b|\b(?:is|are) (?:animating|producing)\b",
    re.I,
)
_EVENT_NAME = re.compile(r"(?-i:[A-Z][\w-]*)\s+$")
_PREMIERE_NOUN_AFTER = re.compile(r"^\s*(?:release|premiere|debut|launch|broadcast)\b", re.I)


@dataclass
class Sent:
    """What the finders need to know about one sentence."""

    text: str
    past: bool  # only earlier seasons / anchors: no release, studio, streaming or trailer
    question: bool
    published: tuple[int, int] | None = None
    services_before: tuple[str, ...] = ()  # services named in the previous sentences
    studio_rx: re.Pattern[str] | None = None
    service_rx: re.Pattern[str] | None = None
    explicit: bool = False  # the sentence names the new installment ("Season 2", "the sequel")

    @cached_property
    def dates(self) -> list[DateMention]:
        """The sentence's dates (computed only when a finder asks)."""
        return find_dates(self.text, self.published)

    @cached_property
    def absent(self) -> list[tuple[int, int]]:
        """Clauses stating an absence (computed only when a finder asks)."""
        return absent_spans(self.text)


@dataclass(frozen=True)
class Finding:
    """One claim a sentence makes, before it is attached to a work and season."""

    type: str
    value: str | None
    date_given: bool = False  # a date was written, even if it could not be resolved


def find_renewal(s: Sent) -> list[Finding]:
    """A new season or sequel exists, is announced, in production or coming."""
    if s.question:
        return []
    for rx in (P.RENEWAL, P.RENEWAL_FUTURE):
        for m in rx.finditer(s.text):
            if not in_spans(m.start(), s.absent):
                return [Finding("renewal", None)]
    return []


def find_release(s: Sent) -> list[Finding]:
    """When the new installment premieres: dated, or claimed without a date."""
    if s.question or s.past:
        return []
    if not (
        P.RELEASE_VERB.search(s.text)
        or _ANNOUNCED_WORD.search(s.text)
        or P.DATE_CLAIMED.search(s.text)
    ):
        return []
    out = [Finding("release", d.value, True) for d in s.dates if _is_release_date(s, d)]
    if not out and _date_claimed(s):
        out.append(Finding("release", None, False))
    return out


def _is_release_date(s: Sent, d: DateMention) -> bool:
    """True when the date ``d`` is governed by a release verb and is not history or a schedule replaced."""
    if in_spans(d.start, s.absent):
        return False
    text = s.text
    before = text[max(0, d.start - VERB_BEFORE_WINDOW) : d.start]
    after = text[d.end : d.end + VERB_AFTER_WINDOW]
    if _ANNOUNCE_DATE_BEFORE.search(before) or _ANNOUNCE_DATE_AFTER.match(after):
        return False
    if P.REPLACED_SCHEDULE.search(before) and not P.DELAY.search(before):
        return False
    if is_event_year(text, d):
        return False
    if _NOT_EXPECTED.search(before) and not before.rstrip().endswith("until"):
        return False
    if _before_publication(d, s.published) and not P.FUTURE.search(before[-60:]):
        return False
    near_before = before[-45:]
    if P.HISTORY_VERB.search(near_before) and not P.FUTURE.search(near_before):
        return False
    if _ANNOUNCED_FOR.search(before):
        return True
    return bool(
        P.RELEASE_VERB.search(before)
        or P.RELEASE_VERB.search(after)
        or _PREMIERE_NOUN_AFTER.match(after)
    )


def is_event_year(text: str, d: DateMention) -> bool:
    """True for a bare year that ends a name: "Jump Festa 2025", "AnimeJapan 2023"."""
    return d.precision == 1 and bool(_EVENT_NAME.search(text[max(0, d.start - 30) : d.start]))


def _before_publication(d: DateMention, pub: tuple[int, int] | None) -> bool:
    """True when the date lies before the article's publication month (history, or a dateline)."""
    if pub is None or not d.value or not d.value[:4].isdigit():
        return False
    year, month = int(d.value[:4]), int(d.value[5:7]) if d.value[5:7].isdigit() else 0
    if year != pub[0]:
        return year < pub[0]
    return bool(month and pub[1] and month < pub[1])


def _date_claimed(s: Sent) -> bool:
    """True for "the release date has been confirmed" outside an absence clause."""
    return any(not in_spans(m.start(), s.absent) for m in P.DATE_CLAIMED.finditer(s.text))


def find_delay(s: Sent) -> list[Finding]:
    """The premiere moved: the new date when the sentence gives it."""
    if s.question:
        return []
    m = next((m for m in P.DELAY.finditer(s.text) if not in_spans(m.start(), s.absent)), None)
    if m is None:
        return []
    for d in s.dates:
        if d.start > m.start() and P.DELAY_TARGET.search(s.text[m.end() : d.start][-12:] or " "):
            return [Finding("delay", d.value, True), Finding("release", d.value, True)]
    return [Finding("delay", None)]


def find_studio(s: Sent) -> list[Finding]:
    """Which studio animates the new installment."""
    if s.question or s.past or s.studio_rx is None or not P.STUDIO_TIE.search(s.text):
        return []
    if not (P.STUDIO_NEW.search(s.text) or (s.explicit and _STRONG_TIE.search(s.text))):
        return []
    out: list[Finding] = []
    for m in s.studio_rx.finditer(s.text):
        if in_spans(m.start(), s.absent):
            continue
        rest, before = s.text[m.end() :], s.text[: m.start()]
        if P.STUDIO_NOT_TIED_BEFORE.search(before):
            continue
        # "X, which produced both seasons, will animate the movie" is tied despite the clause
        if P.STUDIO_NOT_TIED_AFTER.match(rest) and not _STUDIO_WILL.search(rest):
            continue
        name = _clean_studio(m.group())
        if all(f.value != name for f in out):
            out.append(Finding("studio", name))
    if not out:  # a studio the name lists do not know: the capitalised name after "animated by"
        for m in _OPEN_STUDIO.finditer(s.text):
            if not in_spans(m.start(), s.absent):
                out.append(Finding("studio", _clean_studio(m.group("name"))))
    return out


def _clean_studio(name: str) -> str:
    """'studio MAPPA' -> 'MAPPA', 'MAPPA studios' -> 'MAPPA' (the scorer drops 'studio' too)."""
    return (
        re.sub(
            r"^(?:the\s+)?(?:animation\s+)?studios?\s+|\s+studios?$", "", name.strip(), flags=re.I
        )
        or name
    )


def find_streaming(s: Sent) -> list[Finding]:
    """Where the new installment streams outside Japan."""
    if s.question or s.past or s.service_rx is None or not P.STREAM_VERB.search(s.text):
        return []
    if not P.STREAM_FUTURE.search(s.text):
        return []
    names = [
        m.group()
        for m in s.service_rx.finditer(s.text)
        if not in_spans(m.start(), s.absent)
        and not s.text.startswith(" News", m.end())  # the outlet
    ]
    if not names and P.STREAM_CORef.search(s.text):
        names = list(s.services_before[-1:])
    out: list[Finding] = []
    for name in names:
        if all(f.value != name for f in out):
            out.append(Finding("streaming", name))
    return out


def find_trailer(s: Sent) -> list[Finding]:
    """A trailer, teaser, PV, key visual or poster was released for the new installment."""
    if s.question or s.past:
        return []
    for m in P.TRAILER.finditer(s.text):
        if in_spans(m.start(), s.absent):
            continue
        if P.TRAILER_OUT.search(s.text):
            return [Finding("trailer", None)]
    return []


FINDERS: tuple[Callable[[Sent], list[Finding]], ...] = (
    find_renewal,
    find_release,
    find_delay,
    find_studio,
    find_streaming,
    find_trailer,
)


def name_regex(names: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """One regex matching any of ``names`` as whole words, longest first, with 'studio(s)' around."""
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(
        rf"(?:\b(?:[Tt]he\s+)?(?:animation\s+)?[Ss]tudio\s+)?(?<![\w])(?:{alts})(?![\w+])(?:\s+[Ss]tudios?\b)?"
    )
