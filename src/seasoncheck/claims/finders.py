"""One finder per claim type: each reads one sentence and returns (type, value) findings.

The studio and streaming finders live in ``finders_services`` (re-exported here)."""

from __future__ import annotations

import re
from collections.abc import Callable

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import denies, in_spans
from seasoncheck.claims.dates import DateMention
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

# How far (characters) a release verb may stand from the date it governs, before / after it.
VERB_BEFORE_WINDOW = 80  # "will return to television screens in October 2024"
VERB_AFTER_WINDOW = 80  # "April 2024 or October 2024 seem to be the likely dates for its return"
_ANNOUNCE_DATE_BEFORE = P.caseless(
    r"(?:^\W*(?:on|since|as of)\s+(?:\w+,?\s+)?$)|(?:\b(?:announced|posted|revealed|confirmed|shared|published|held|"
    r"tweeted|updated|uploaded|unveiled|stated|said|reported|renewed|greenlit|green-lit|takes? place|taking place|event|livestream|stream|since|as of)\s+(?:on\s+|in\s+)?(?:\w+,?\s+)?$)|"
    r"(?:\b(?:renewal|announcement|confirmation) (?:came|comes|arrives|arrived|happens|happened|is made|was made)\s+(?:in\s+)?$)|"
    # "if a season is announced by the end of this year": when the news comes, not the premiere
    r"(?:\b(?:announced|revealed|confirmed|unveiled|renewed|greenlit)\s+(?:by|before|around|until|at|in)\s+(?:the\s+)?"
    r"(?:end|start|beginning|middle|first half|second half) of\s+$)"
)
# The date of the announcement, not of the premiere: "as announced at the Expo panel in July".
_ANNOUNCED_AT = P.caseless(
    r"\b(?:announced|revealed|unveiled|confirmed|teased)\s+(?:at|during|on|via|in)\b"
    r"(?:(?!\b(?:that|will|to|for|air|premiere|release|debut|arrive|return|launch)\b)[^,;.]){0,60}\b(?:in|on)\s+$"
)
# The same with the announced installment as the object: "confirmed Season 3 in August", "announced
# the sequel during its showcase on November 4" (a date not after publication: news already out).
_ANNOUNCED_OBJECT_AT = P.caseless(
    r"\b(?:announced|revealed|unveiled|confirmed|teased)\s+"
    r"(?:(?!\b(?:that|will|would|to|for|is|are|air\w*|premier\w*|releas\w*|debut\w*|arriv\w*|return\w*|launch\w*|coming|comes|hits?|lands?|opens?|starts?|begins?|drops?|out)\b)[^,;.]){0,60}\b(?:in|on)\s+$"
)
# The date a trailer or visual came out, not the premiere: "the key visual, released in March 2025,".
_TRAILER_DATE = P.caseless(
    r"\b(?:trailers?|teasers?|pvs?|visuals?|posters?|videos?|illustrations?|clips?|footage)\b[^.;]{0,60}?"
    r"\b(?:released|revealed|unveiled|shared|published|dropped|posted|debuted|came out|went live)\s+(?:\w+\s+){0,3}?$"
)
# A release verb whose object is a promo item, not the season: "released a new key visual on March 5".
_PROMO_OBJECT = P.caseless(
    r"\b(?:releas|dropp?|unveil|reveal|shar|debut|premier|publish|post)\w*\s+"
    r"(?:(?:a|an|the|its|their|this|new|first|second|third|latest|another|main|official|special|"
    r"promotional|teaser|key|character|\w+[’']s)\s+){0,4}"
    r"(?:trailers?|teasers?|pvs?|visuals?|posters?|videos?|illustrations?|clips?|footage|commercials?|cms?)\b"
)
# How far (characters) a promo item's verb may stand from the date it governs.
PROMO_WINDOW = 60  # "Aniplex released a new promotional video on Thursday, March 6"
# Something other than the season comes out on the date: "The soundtrack will be released in March".
_OTHER_PRODUCT = P.caseless(
    r"\b(?:soundtracks?|ost|singles?|albums?|cds?|games?|pre-?orders?|blu-?rays?|dvds?|box sets?|volumes?|manga|"
    r"novels?|merch(?:andise)?|figures?|tickets?|events?|livestreams?|panels?|screenings?|concerts?|"
    r"stage plays?|musicals?|exhibitions?|collaborations?|cafes?|pop-?up stores?|"
    r"live-action (?:films?|movies?|dramas?|series|adaptations?|versions?))\b(?P<rest>[^,;:.]*)$"
)
# Words of the installment itself, and verbs only a broadcast takes ("the manga's anime will premiere").
_INSTALLMENT_WORD = P.caseless(
    r"\b(?:season|anime|series|sequel|part|cour|film|movie|episodes?|show|it|installment)\b|"
    r"\b(?:premier|air|broadcast|debut)\w*"
)
# A past main verb after the date, in a sentence with no future cue: "Premiering in April 2023, the
# anime was a hit", "Its April 2023 premiere made it a hit". Announcement verbs do not count.
_PAST_MAIN_AFTER = P.caseless(
    r"^[^.;]*?\b(?:was|were)\b(?!\s+(?:\w+ly\s+)?(?:announced|revealed|confirmed|unveiled|teased|set|scheduled|"
    r"slated|planned|officially|first|also|just|recently|greenlit|renewed|reported|leaked|listed|dated))|"
    r"^[^.;]*?\b(?:became|adapted|drew|made|broke|earned|proved|received|topped|won|covered|ended|concluded)\b"
)
# How far (characters) an earlier installment's words may stand from a history date.
ANCHOR_WINDOW = 25  # "following the first season from Spring 2023", "the 2023 original"
_EARLIER_INSTALLMENT = P.caseless(
    r"\b(?:first|previous|earlier|original|last) (?:season|series|part|cour|run)\b|\bseason (?:1|one)\b|"
    r"\b(?:original|series|adaptation|predecessor)\b|\bfinale\b"
)
_ANNOUNCE_DATE_AFTER = P.caseless(
    r"^\s*(?:at(?!\s+the\s+(?:very\s+)?(?:earliest|latest|soonest)\b)|during)\b|^\s*\(|^\s*:|^\s*[’']s\b|^\s+(?:cinematic|theatrical|finale|event|livestream|box office)"
)
_NOT_EXPECTED = P.caseless(
    r"\b(?:don[’']t|do not|doesn[’']t|not|won[’']t|will not|unlikely to)\s+(?:\w+\s+){0,6}?$|\bdon[’']t expect\b"
)
# "announced Season 2 for October 2024", "slated for a 2025 release": the date of the premiere.
# "pushed back ... and will now premiere in October": the new date follows "now".
_NOW_BEFORE = P.caseless(r"\bnow\b[^.;]{0,40}$|\binstead\b[^.;]{0,20}$")
# A relative delay: "pushed back by one cour", "delayed by three months".
_SHIFT = P.caseless(r"\bby (?P<n>an?|one|two|three|four|six|\d) (?P<u>cours?|months?|seasons?)\b")
_SHIFT_MONTHS = {"cour": 3, "cours": 3, "season": 3, "seasons": 3, "month": 1, "months": 1}
# Other works named as a group: their dates are not the subject's.
_OTHER_WORKS = P.caseless(
    r"\b(?:other|several|many|multiple|numerous)\s+(?:[\w-]+\s+){0,3}?(?:titles|shows|anime|series|productions|works)\b|"
    # a work left unnamed on purpose: "its claim that a certain idol show would return in 2026"
    r"\ba certain\s+(?:[\w-]+\s+){0,2}?(?:title|show|anime|series|production|work|franchise|sequel)\b"
)
# The date a comparison is made against: "a 2028 premiere looks more realistic than anything in
# 2027" (not "no later than April": a deadline is a claim).
_COMPARED_WITH = P.caseless(
    r"(?<!no later )(?<!no earlier )(?<!not later )(?<!not earlier )\bthan\s+"
    r"(?:(?:anything|something|any ?time|one|a|an)\s+)?(?:(?:in|for|by)\s+)?(?:the\s+)?$"
)
_ANNOUNCED_FOR = P.caseless(
    r"\b(?:announced|confirmed|slated|set|scheduled|planned|greenlit|renewed|dated)\b[^.;]{0,60}\bfor\s+(?:an?\s+)?$"
)
_ANNOUNCED_WORD = P.caseless(
    r"\b(?:announced|confirmed|slated|set|scheduled|planned|greenlit|renewed|dated)\b"
)
_PREMIERE_RIGHT_BEFORE = P.caseless(
    r"\b(?:coming|premier\w*|airs?|airing|debut\w*|returns?|returning|arriv\w*|launch\w*|starts?|begins?)"
    r"\s+(?:in|on|this|next)\s+$"
)
# A year used as a label of an installment: "the 2026 film", "that 2019 movie".
_YEAR_LABEL_BEFORE = P.caseless(r"\b(?:the|that)\s+$")
_YEAR_LABEL_AFTER = P.caseless(r"^\s*(?:film|movie|series|anime|installment|special)\b")
_EVENT_NAME = re.compile(r"(?-i:[A-Z][\w-]*)\s+$")
# "points to a January 6 start": a start is the premiere, "the start of the manga" is not.
_PREMIERE_NOUN_AFTER = P.caseless(
    r"^\s*(?:release|premiere|debut|launch|broadcast|start(?!\s+of))\b"
)


# A business year, not a premiere: "in fiscal 2026", "the financial year 2027".
_FISCAL = P.caseless(r"\b(?:fiscal|financial|business|tax)(?: year)?\s+$")


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


# A line that sends readers to other articles ("For more anime news, check out our guide to the
# upcoming anime of 2026"): its dates are the guide's, not the season's.
_READ_MORE = P.caseless(
    r"\bcheck out our\b|\bfor more (?:\w+ )?(?:news|coverage|updates|guides?)\b|\bour (?:full )?(?:guides?|list|roundup)\b"
)

# A section or column header with its date: "Weekend Roundup - Feb. 3, 2027", "Daily Notes |
# Monday, March 1, 2027". A few capitalised words, a dash or bar, a full date: when the page was
# written, not when anything premieres ("Velvet Harbor Season 2 - Oct. 2, 2027" may date a season).
_DATELINE_SHAPE = (
    r"\W*(?:[A-Z0-9][\w&'’.:-]*\s+){0,6}?[A-Z0-9][\w&'’.:-]*\s+[-–—|]\s+"
    r"(?:[A-Z][a-z]+day,\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\W*$"
)
# (the shape is checked first, in a look-ahead: it fails within a word or two on a sentence,
# while the caseless scan for a season word reads the whole line; 4.7x fewer instructions)
_DATELINE: re.Pattern[str] = re.compile(
    rf"^(?={_DATELINE_SHAPE})"
    r"(?![^-–—|]*\b(?i:season|part|cour|film|movie|premieres?|release|returns?|date)\b)"
    + _DATELINE_SHAPE
)


def find_release(s: Sent) -> list[Finding]:
    """When the new installment premieres: dated, or claimed without a date."""
    if s.question or s.past or _READ_MORE.search(s.text) or _DATELINE.match(s.text):
        return []
    if not (
        P.RELEASE_VERB.search(s.text)
        or _ANNOUNCED_WORD.search(s.text)
        or P.DATE_CLAIMED.search(s.text)
    ):
        return []
    kept = _drop_earlier_anchors(s.text, [d for d in s.dates if _is_release_date(s, d)])
    out = [Finding("release", d.value, True) for d in kept]
    if not out and _date_claimed(s):
        out.append(Finding("release", None, False))
    return out


def _drop_earlier_anchors(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Drop a date that lies in an earlier year than another release date of the sentence and is
    tied to an earlier installment: "premieres in July 2025, following the Spring 2023 first season"."""
    years = [int(d.value[:4]) for d in dates if d.value and d.value[:4].isdigit()]
    if len(years) < 2:
        return dates
    latest = max(years)
    return [d for d in dates if not (_year(d) < latest and _tied_to_earlier(text, d))]


def _year(d: DateMention) -> int:
    """The date's year, or a large number when it has none."""
    return int(d.value[:4]) if d.value and d.value[:4].isdigit() else 9999


def _tied_to_earlier(text: str, d: DateMention) -> bool:
    """True when an earlier installment or a past verb stands next to the date."""
    near = text[max(0, d.start - ANCHOR_WINDOW) : d.end + ANCHOR_WINDOW]
    return bool(_EARLIER_INSTALLMENT.search(near) or P.HISTORY_VERB.search(near))


# A wire dateline that opens a story: "OSAKA, March 3 — ..." or "Paris, 3 March (Reuters) - ...":
# the day the story was filed, not a premiere.
_DATELINE_CITY: P.Rx = P.caseless(r"^\W*[a-z][a-z .'’-]{1,30},\s*$")
_DATELINE_DASH: P.Rx = P.caseless(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—]")


def _is_release_date(s: Sent, d: DateMention) -> bool:
    """True when the date ``d`` is governed by a release verb and is not history or a schedule replaced."""
    if in_spans(d.start, s.absent):
        return False
    text = s.text
    if (
        d.start <= 34
        and _DATELINE_CITY.match(text[: d.start])
        and _DATELINE_DASH.match(text, d.end)
    ):
        return False
    before = text[max(0, d.start - VERB_BEFORE_WINDOW) : d.start]
    after = text[d.end : d.end + VERB_AFTER_WINDOW]
    if _ANNOUNCE_DATE_BEFORE.search(before):
        return False
    if _ANNOUNCE_DATE_AFTER.match(after) and not (
        after.lstrip().startswith(":") and _PREMIERE_RIGHT_BEFORE.search(before)
    ):
        return False  # (a colon after "coming in April 2027" ends a headline's first part)
    if _ANNOUNCED_AT.search(before) or _TRAILER_DATE.search(before):
        return False
    if _ANNOUNCED_OBJECT_AT.search(before) and (
        d.relative or not _after_publication(d, s.published)
    ):
        return False
    if _replaced(before) or P.REPLACED_BEFORE.search(before[-40:]):
        return False
    if _promo_date(text, d, before) or _other_product(before):
        return False
    if P.APOLOGY.search(text) and not (
        P.DELAY_TARGET.search(before[-12:]) or _NOW_BEFORE.search(before)
    ):
        return False  # "apologized to fans looking forward to the April broadcast": the old date
    if _OTHER_WORKS.search(_clause_before(before)):
        return False  # "with several other fall titles also moving to 2026"
    if _COMPARED_WITH.search(before[-30:]) or _FISCAL.search(before[-20:]):
        return False  # "than anything in 2027", "sales hit a record in fiscal 2026"
    if is_event_year(text, d):
        return False
    if d.precision == 1 and _YEAR_LABEL_BEFORE.search(before) and _YEAR_LABEL_AFTER.match(after):
        return False  # "the release of the 2026 film": the year names an installment, not a date
    if (
        _NOT_EXPECTED.search(before)
        and not before.rstrip().endswith(("until", "before"))
        and not P.DENIAL.search(text)  # "No, X is not getting a season in May": a denied date
    ):
        return False
    if _before_publication(d, s.published) and not P.FUTURE.search(before[-60:]):
        return False
    if _year_before_publication(d, s.published):
        return False  # "will premiere in 2023" in a 2025 article: a future claim cannot lie in a past year
    if _PAST_MAIN_AFTER.match(after) and not P.FUTURE.search(text):
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


def _clause_before(before: str) -> str:
    """The part of ``before`` after its last clause break (comma, semicolon, dash)."""
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(" – "), before.rfind(" — "))
    return before[cut + 1 :]


def _promo_date(text: str, d: DateMention, before: str) -> bool:
    """True when the date belongs to a promo item's release and no premiere verb governs it:
    "released a key visual on March 5", "In March, the staff released a teaser"."""
    own_verb = P.RELEASE_VERB.search(before[-VERB_BEFORE_WINDOW // 2 :])
    for m in _PROMO_OBJECT.finditer(text):
        between = text[m.end() : d.start]
        if m.end() <= d.start <= m.end() + PROMO_WINDOW:
            if not (P.RELEASE_VERB.search(between) or P.FUTURE.search(between)):
                return True
        elif d.end <= m.start() <= d.end + PROMO_WINDOW and not own_verb:
            return True
    return False


def _other_product(before: str) -> bool:
    """True when the date's clause is about a product or event, not the season, before the date.
    A product after "from"/"of" is the source of the adaptation, not the subject: "the series
    adapted from the manga will make its comeback next April"."""
    if _ADVANCE_SCREENING.search(before):
        return True  # "a pre-broadcast screening of the first episode in late September"
    m = _OTHER_PRODUCT.search(before)
    if m is None or _SOURCE_WORK_BEFORE.search(before, 0, m.start()):
        return False
    return not _INSTALLMENT_WORD.search(m.group("rest"))


# An early showing before the broadcast: its date is an event's, even when it shows an episode.
_ADVANCE_SCREENING: P.Rx = P.caseless(
    r"\b(?:pre-?(?:broadcast|release|airing|air|premiere)|advance|preview|sneak[- ]peek)\s+"
    r"(?:screenings?|showings?|viewings?)\b[^,;:.]*$"
)
_SOURCE_WORK_BEFORE = P.caseless(
    r"\b(?:from|based on|adapting|adapts)\s+(?:the\s+|an?\s+|its\s+|[\w-]+[’']s\s+|[\w-]+\s+){0,3}$"
)


def _replaced(before: str) -> bool:
    """True when the date follows an original schedule that no later delay word overrides:
    "was scheduled for April" (replaced) but "was scheduled for April but delayed to July" (new)."""
    old = [m.start() for m in P.REPLACED_SCHEDULE.finditer(before)]
    if not old:
        return False
    moved = [m.start() for m in P.DELAY.finditer(before)]
    moved += [m.start() for m in _NOW_BEFORE.finditer(before)]  # "..., will now premiere in"
    return not moved or max(moved) < old[-1]


def is_event_year(text: str, d: DateMention) -> bool:
    """True for a bare year that ends a name: "Jump Festa 2025", "AnimeJapan 2023"."""
    return d.precision == 1 and bool(_EVENT_NAME.search(text[max(0, d.start - 30) : d.start]))


def _before_publication(d: DateMention, pub: tuple[int, int] | None) -> bool:
    """True when the date lies before the article's publication month (history, or a dateline)."""
    if pub is None or not d.value or not d.value[:4].isdigit():
        return False
    year, month = int(d.value[:4]), _month_of(d.value)
    if year != pub[0]:
        return year < pub[0]
    return bool(month and pub[1] and month < pub[1])


def _after_publication(d: DateMention, pub: tuple[int, int] | None) -> bool:
    """True when the date lies after the article's publication month."""
    if pub is None or not d.value or not d.value[:4].isdigit():
        return False
    year, month = int(d.value[:4]), _month_of(d.value)
    return year > pub[0] or (year == pub[0] and bool(month and pub[1]) and month > pub[1])


_SEASON_MONTH = {"WINTER": 1, "SPRING": 4, "SUMMER": 7, "FALL": 10}


def _month_of(value: str) -> int:
    """The month a date value starts in ("2025-03" -> 3, "2025-WINTER" -> 1), or 0 for a year."""
    tail = value[5:]
    return int(tail[:2]) if tail[:2].isdigit() else _SEASON_MONTH.get(tail, 0)


def _year_before_publication(d: DateMention, pub: tuple[int, int] | None) -> bool:
    """True when the date's year lies before the article's publication year."""
    return bool(pub and d.value and d.value[:4].isdigit() and int(d.value[:4]) < pub[0])


def _date_claimed(s: Sent) -> bool:
    """True for "the release date has been confirmed" outside an absence clause."""
    return any(not in_spans(m.start(), s.absent) for m in P.DATE_CLAIMED.finditer(s.text))


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
        if any(not _to_come(s.text, o.start()) for o in P.TRAILER_OUT.finditer(s.text)):
            return [Finding("trailer", None)]
    return []


_FAN_MADE = P.caseless(r"\bfan-?made\b|\bfan art\b")
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
