"""Status and attribution of one sentence, from who is cited, hedges, negation and absence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from seasoncheck.claims import patterns as P

# "[,;:–—]\s+|\s+(?:but|however|...)\s+" written with one leading class, which re skips to
# (a pattern opening with an alternation or a repeat is tried at every offset)
_CLAUSE = P.caseless(
    r"[,;:–—\s](?:(?<=[,;:–—])\s+|(?<=\s)\s*(?:but|however|though|although|while|whereas)\s+)"
)
# Sentences whose source and absence clauses are remembered: the merge rules ask about the same
# sentence several times (its own claims, the article scan, look-ahead from earlier sentences).
SENTENCE_CACHE = 4096
# "No, X is not getting a sequel" opens with an answer, not with a list of what is missing.
_OPENS_WITH_NO = P.caseless(r"^\W*(?:no\b(?!,)|there (?:is|are) no\b|nothing\b)")
# A leak named in a condition ("If the leak is accurate, ...") is the premise of a guess.
_IF_BEFORE = P.caseless(r"\b(?:if|assuming|should)\b[^,;.]{0,40}$")
# Where a sentence that opens with "No ..." turns to what is known.
# (or to the writer's own guess: "There is no date yet, and our guess is summer 2027")
_CONTRAST = P.caseless(
    r"[,;]\s*(?:but|however|though|yet)\b|\s+but\s+|"
    r"[,;]\s*(?:and|so)\s+(?:our|my)\s+(?:own\s+|best\s+)?(?:guess|bet|estimate|prediction|pick)\b|"
    r"[,;]\s*(?:and|so)\s+(?:we|i)\s+(?:would\s+|['’]d\s+)?(?:guess|bet|expect|predict)\b"
)
_OFFICIAL_NAMES = tuple(n.lower() for n in P.OFFICIAL_NAMES)
# ("told fans in a post": a service or studio speaking)
_ANNOUNCE_WORDS = r"\b(?:announced|confirmed|revealed|unveiled|posted|shared|slips|published|gave the green light|said|says|stated|told|scheduled)\b"
_ANNOUNCES = re.compile(_ANNOUNCE_WORDS)
_ANNOUNCES_ANYCASE = P.caseless(_ANNOUNCE_WORDS)  # a superset of _ANNOUNCES: a cheap gate
# A studio, licensor or publisher that announces something is an official channel.
_NAME_ANNOUNCES = re.compile(
    P.first_letter_led(
        sorted(
            {f for n in P.OFFICIAL_NAMES + P.STUDIOS for f in (n, n.upper())}, key=len, reverse=True
        ),  # names in capitals too: "KADOKAWA announced", "TOHO revealed"
        r"(?<!via )(?<!on )\b",
    )
    # (not "X's announced line-up": there the verb is the adjective of another noun)
    + r"(?!\w)(?![’']s announced)(?:(?!\bwas\b|\bwere\b)[^.]){0,80}?\b(?:announced|confirmed|revealed|unveiled|posted|shared|slips|published|gave the green light|said|says|stated|told|"
    r"(?:has |have )scheduled)\b"
)


# An aside about something else: a relative clause or appositive between commas, or brackets.
# "Drive, which took over for the third season, will animate it": the season named in the aside
# is not what the sentence is about.
# A closing comparison with the past is an aside too: "Netflix will likely keep it, given that it
# carried the first season", "..., as it did with the first three seasons".
_ASIDE = P.caseless(
    r",\s*(?:which|who|whose|the (?:\w+ )?(?:studio|company|team|service|platform) (?:behind|that|which|who))\b[^,;:]*(?=,)|\([^()]*\)|"
    r"\bas (?:in|with|for|on|during) (?:the |all |both )?(?:first|previous|last|earlier|past|prior|original|older|two|three|four|\w+ earlier|\w+ previous) (?:\w+ )?(?:season|seasons|cours?|parts?|installments?)\b|"
    # "..., with X directing as he has since the first season": the span since then, not the subject
    r"\bas (?:it|they|he|she) (?:has|have|had)(?: done)? since\b[^;:,]*|"
    r",\s*(?:given that|just as|as (?:it|they|he|she) (?:did|had|has|have)(?: done)? (?:with|for|since)|"
    # the reason for a guess told from the past: ", since the studio produced the second season"
    r"(?:since|because|as) (?:it|they|the (?:same )?(?:studio|company|service|streamer|platform)) "
    r"(?:also )?(?:produced|animated|made|streamed|carried|simulcast|handled)|"
    r"after (?:taking over|replacing|succeeding|handling|animating|producing))\b[^;:]*$|"
    r",\s*(?:the (?:same |very )?(?:studio|company|team) )?which\s+(?:\w+\s+){0,2}?(?:has|had|have|was|were|streamed|aired|animated|produced|premiered|"
    r"carried|holds|held|licensed)\b(?![^,;:]*\b(?:will|set to|slated|upcoming)\b)[^,;:]*$"
)


_BLANKED_COMMA = re.compile(r"(?<=   ),")
_BLANK_RUN: re.Pattern[str] = re.compile(r"  +")


@lru_cache(maxsize=SENTENCE_CACHE)
def blank_asides(text: str) -> str:
    """``text`` with its asides replaced by spaces (offsets unchanged)."""
    if "," not in text and "(" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for m in _ASIDE.finditer(text):  # offsets only: a caseless match's text is lowered
        pieces += (text[last : m.start()], " " * (m.end() - m.start()))
        last = m.end()
    return "".join([*pieces, text[last:]]) if pieces else text


@dataclass(frozen=True)
class Source:
    """Status and attribution a sentence gives its claims."""

    status: str = "confirmed"
    attribution: str = "none"


NONE = Source()


def clauses(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the clauses of a sentence (split at commas, dashes, 'but', ...)."""
    return list(_clause_spans(text))


@lru_cache(maxsize=SENTENCE_CACHE)
def _clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The clause spans of ``clauses``, remembered: absence and official cues both ask for them."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return tuple(spans)


def _literal_ids(rx: P.Rx) -> frozenset[str] | None:
    """The prefilter ids of a caseless pattern's required literals (None: it has none)."""
    literals = rx.literals if isinstance(rx, P.LoweredPattern) else None
    return P.register_literals(tuple(literals)) if literals else None


def _may_match(ids: frozenset[str] | None, text: str) -> bool:
    """False when ``text`` holds none of a pattern's required literals: then no part of it can
    match, and the clause split made to search it part by part is skipped."""
    if ids is None:
        return True
    present = P.literals_in(text)
    return present is None or not ids.isdisjoint(present)


_ABSENCE_IDS = _literal_ids(P.ABSENCE)
_WEAK_IDS = _literal_ids(P.OFFICIAL_WEAK)
_VERB_IDS = _literal_ids(P.ANNOUNCE_VERB)


# A clause's match is a match of the whole sentence at the same offset: a clause ends at
# punctuation, a space or the sentence's end, where a closing \b reads the same either way. That
# holds for patterns without "$" or look-aheads (which could read past a clause's end).
_WHOLE_GATE = not re.search(r"\$|\(\?[=!]", P.ABSENCE.pattern)


def _absence_anywhere(text: str) -> bool:
    """False when no clause of ``text`` can state an absence (one search of the whole sentence
    instead of the clause split and a search per clause)."""
    return not _WHOLE_GATE or P.ABSENCE.search(text) is not None


@lru_cache(maxsize=SENTENCE_CACHE)
def absent_spans(text: str) -> list[tuple[int, int]]:
    """Clauses that state an absence ("no release date yet"): nothing in them is a claim.

    A sentence that opens with "No ..." is a list of what is missing: all of it is absent.
    """
    parts = clauses(text) if _may_match(_ABSENCE_IDS, text) and _absence_anywhere(text) else []
    spans = [(s, e) for s, e in parts if P.ABSENCE.search(text, s, e)]
    spans = [_with_list_tail(text, span, parts) for span in spans]
    if _OPENS_WITH_NO.match(text):
        # "No window was given, but Crunchyroll announced ...": the contrast clause is a claim
        turn = _CONTRAST.search(text)
        return [(0, turn.start() if turn else len(text)), *spans]
    return spans


# "no date, visual or trailer has been released": the nouns after "no" are one list, cut by commas.
# "no word of it from X, Y or Z": the sources after "from"/"by" are one list too.
_NO_LIST_HEAD = P.caseless(
    r"\bno\s+(?:\w+\s+){0,2}?\w+$|\bno\s+[^,;]*?\b(?:from|by)\s+(?:[\w.'’-]+\s+){0,2}?[\w.'’-]+$"
)
_LIST_TAIL = P.caseless(r"(?:\w+\s+){0,2}?\w+\s+(?:or|nor|and)\s+\w+")


def _with_list_tail(
    text: str, span: tuple[int, int], parts: list[tuple[int, int]]
) -> tuple[int, int]:
    """An absence clause ending in "no X" grown over the rest of its list ("no X, Y or Z ...")."""
    s, e = span
    if not _NO_LIST_HEAD.search(text, s, e):
        return span
    nxt = next(((ns, ne) for ns, ne in parts if ns > e), None)
    if nxt is None or not _LIST_TAIL.match(text, nxt[0], nxt[1]):
        return span
    return s, nxt[1]


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``pos`` lies in one of ``spans``."""
    return any(s <= pos < e for s, e in spans)


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_source(text: str) -> Source:
    """The status and attribution of a sentence's claims, from its own cues."""
    absent = absent_spans(text)
    if denies(text, absent):
        # an official account denying a rumour is the official word on it
        return Source("denied", "official" if is_official(text, absent) else "none")
    hedged = _hedged(text, absent)
    leak = [
        m
        for m in P.LEAK.finditer(text)
        if not in_spans(m.start(), absent)
        and not in_name(text, m)
        and not _official_account(text, m)
    ]
    media = media_outlet(text)
    if leak and media not in (None, "official", "leak") and all(_hearsay(m) for m in leak):
        return Source("reported", "media")  # "According to a report in X, ... is reportedly ..."
    if leak and not (hedged and all(_IF_BEFORE.search(text, 0, m.start()) for m in leak)):
        return Source("reported", "leak")
    if media == "official":
        return Source("speculated", "none") if hedged else Source("confirmed", "official")
    if media == "leak":
        return Source("reported", "leak")
    if media:
        # an outlet that "claims" passes on what it cannot confirm
        claims = _OUTLET_CLAIMS.search(text) is not None
        return Source("reported" if hedged or claims else "confirmed", "media")
    if hedged:
        return Source("speculated", "none")
    if is_official(text, absent):
        return Source("confirmed", "official")
    return NONE


# A comparison of degree with what one hopes or expects: "as loud as you would hope", "better than
# fans expected", "everything we could hope for". It praises what is out, it does not guess.
_DEGREE_IDIOM = P.caseless(
    r"\bas (?:[\w-]+ ){1,2}as (?:you|we|fans|anyone|one|i|they) (?:(?:would|could|might|can|may|did)(?: ever)? )?"
    r"(?:hope|hoped|expect|expected|imagine|imagined|want|wanted|wish|wished)\b|"
    r"\b(?:than|as) (?:you|we|fans|anyone|i|they|most|many) (?:(?:had|have|would have|could have) )?"
    r"(?:hoped|expected|imagined|feared|predicted)\b|"
    r"\beverything (?:you|we|fans|anyone|i) (?:could|would|might) (?:ever )?(?:hope|ask|wish) for\b"
)


def _hedged(text: str, absent: list[tuple[int, int]]) -> bool:
    """True when a hedge stands outside the absence clauses and the comparisons of degree."""
    if _has(P.HEDGE_MAY, text, absent):
        return True
    if P.HEDGE.search(text) is None:
        return False
    skip = [*absent, *(m.span() for m in _DEGREE_IDIOM.finditer(text))]
    return _has(P.HEDGE, text, skip)


# "Insider" capitalised after a capitalised word, in a sentence not written in title case, is a
# word of a name: a site called "Example Insider" is no insider.
_CAPITALISED_BEFORE = re.compile(
    r"(?<![.!?]\s)\b(?!(?:A|An|The|This|That|One|Our|Their|Its|According|To|Per|Via)\s)[A-Z][\w'’&-]*\s+$"
)
_WORD = re.compile(r"[A-Za-z][\w'’-]+")
TITLE_CASE_SHARE = 0.6  # of the words capitalised: a headline, where every word is
BYLINE_WORDS = 4  # a line this short is a byline or credit, not a headline with a claim


def in_name(text: str, m: re.Match[str], sentence: bool = True) -> bool:
    """True when the cue ``m`` is "Insider(s)" as a word of a name (``sentence``: ``text`` is a
    sentence, which may be a title-case headline; else it is a name already)."""
    if not text.startswith("Insider", m.start()):
        return False
    if not _CAPITALISED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return False
    if not sentence:
        return True
    words = _WORD.findall(text)
    if len(words) <= BYLINE_WORDS:  # "Example Insider Staff": a byline names the site
        return True
    return sum(w[0].isupper() for w in words) < TITLE_CASE_SHARE * len(words)


# "the official <title> account on Twitter": the account is the rights holder's, not a user's.
_OFFICIAL_BEFORE: P.Rx = P.caseless(r"\bofficial\s+(?:[^\s,;]+\s+){0,5}$")


def _official_account(text: str, m: re.Match[str]) -> bool:
    """True when the leak cue ``m`` is "account(s) on <platform>" of an official account."""
    return text.startswith(("account", "Account"), m.start()) and bool(
        _OFFICIAL_BEFORE.search(text, max(0, m.start() - 80), m.start())
    )


_OUTLET_CLAIMS: re.Pattern[str] = re.compile(r"\bclaim(?:s|ed)\b")


# Hearsay adverbs: they pass a claim on without naming a leaker; beside a named outlet the outlet
# is the source ("according to a report in Example Weekly, the sequel is reportedly planned").
_HEARSAY = frozenset(("reportedly", "allegedly", "apparently"))


def _hearsay(m: re.Match[str]) -> bool:
    """True when a leak cue is only a hearsay adverb, or a verb of saying whose subject is the cited
    report ("a report in X claims that ...")."""
    word = m.group().lower()
    return word in _HEARSAY or word.startswith("claim") or word.endswith(" said to")


def is_official(text: str, absent: list[tuple[int, int]]) -> bool:
    """True when an official channel is cited (weak channels need an announcing verb in their clause)."""
    if _has(P.OFFICIAL, text, absent) or (
        _ANNOUNCES_ANYCASE.search(text)  # a prefiltered gate: most sentences have no such verb
        and _ANNOUNCES.search(text)
        and _has(_NAME_ANNOUNCES, text, absent)
    ):
        return True
    main = blank_asides(text)  # "The company, which co-produces the anime, said ...": one clause
    if main is not text:
        main = _BLANKED_COMMA.sub(lambda m: " " * len(m.group()), main)
        # "X, which has streamed the first cour in two regions since October, confirmed ...":
        # X announces however long the aside between it and its verb
        if (
            not absent
            and _ANNOUNCES.search(main)
            and _NAME_ANNOUNCES.search(_BLANK_RUN.sub(" ", main))
        ):
            return True
    if not (_may_match(_WEAK_IDS, main) and _may_match(_VERB_IDS, main)):
        return False  # no clause can hold both a weak channel and an announcing verb
    for s, e in clauses(main):
        if (
            not in_spans(s, absent)
            and P.OFFICIAL_WEAK.search(main, s, e)
            and P.ANNOUNCE_VERB.search(main, s, e)
            and _a_definite_channel(main, s, e)
        ):
            return True
    return False


# A channel named with an indefinite article is someone's object, not the source: "the user
# posted the line-up of a major streamer", "leaks from some studio".
_INDEFINITE_BEFORE = re.compile(
    r"\b(?:a|an|some|any|another|other|several)\s+(?:[\w-]+\s+)?$", re.IGNORECASE
)  # (a plain pattern: it only reads 25-character windows)


def _a_definite_channel(text: str, start: int, end: int) -> bool:
    """True when a weak channel of text[start:end] is not named with an indefinite article."""
    return any(
        _PERSON.search(text, m.start(), m.end())  # "a spokesperson said": the company's voice
        or not _INDEFINITE_BEFORE.search(text, max(start, m.start() - 25), m.start())
        for m in P.OFFICIAL_WEAK.finditer(text, start, end)
    )


_PERSON = re.compile(
    r"spokes|representative|makers|creators|author|mangaka|showrunner|producer|staff|team", re.I
)


# An outlet named after the claim: "..., Deadline reported." / "..., the Hollywood Reporter writes."
_OUTLET_AFTER = re.compile(
    r"(?:[,;]\s*|^\W*)(?:the\s+)?(?P<outlet>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+"
    r"(?:reported|reports|wrote|writes)\b"
)


def media_outlet(text: str) -> str | None:
    """'official', 'leak', or the outlet's name when the sentence cites another source."""
    if not _may_cite(text):
        return None
    m = P.MEDIA.search(text) or _OUTLET_AFTER.search(text)
    if not m:
        return None
    outlet = (m.group("outlet") or "").strip()
    if not outlet:
        return "media"
    low = outlet.lower()
    if low.startswith(_OFFICIAL_NAMES) or P.OFFICIAL.search(outlet):
        # "watch it via Crunchyroll" names a service, not a source
        cue = m.groupdict().get("cue") or ""  # _OUTLET_AFTER has no cue group
        return None if cue.lower() in ("via", "per") else "official"
    if outlet.startswith("@") or any(
        not in_name(outlet, c, False) for c in P.LEAK.finditer(outlet)
    ):
        return "leak"
    if outlet.split()[0] in ("Twitter", "X", "YouTube", "Instagram", "TikTok"):
        return None
    if outlet.endswith(("'s", "’s")) and _OWN_CHANNEL.match(text, m.end("outlet")):
        return "official"  # "according to Tencent's post": a company's own channel, not an outlet
    return outlet


# A company's own channel after its possessive name: its own word, not another outlet's report.
_OWN_CHANNEL = re.compile(
    r"\s+(?:own\s+|official\s+|latest\s+|new\s+)?(?:post|tweet|statement|press release|announcement|"
    r"notice|website|site|account|channel|page|Weibo(?: post| account)?|X account|YouTube channel)\b"
)


# Strings one of which (lowered) every match of P.MEDIA or _OUTLET_AFTER holds: a sentence
# with none of them cites no outlet (read off the two patterns; checked by test_claims_speed_cues).
_CITE_WORDS = (
    "according to",
    "per",
    "via",
    "report",
    "japanese",
    "korean",
    "médias",
    "wrote",
    "writes",
    "magazine",
    "tabloid",
    "outlet",
    "publication",
    "paper",
    "article",
    "news site",
    "news portal",
    "blog",
)
_CITE_IDS = P.register_literals(_CITE_WORDS)


def _may_cite(text: str) -> bool:
    """False when ``text`` holds none of the citation words (then no outlet can match)."""
    present = P.literals_in(text)
    return present is None or not _CITE_IDS.isdisjoint(present)


def has_official(text: str) -> bool:
    """True when the sentence's own source is an official channel."""
    return sentence_source(text).attribution == "official"


# A capitalised "Fake"/"False" inside a sentence is a word of a title ("Nisekoi: False Love") unless
# a copula or verb of judging puts it in the predicate ("Viral Poster Is Fake").
_JUDGED_BEFORE = P.caseless(
    r"(?:\b(?:is|are|was|were|be|been|as|proven|proved|called|declared|deemed|turns? out)\s+|^\W*)$"
)


# "fake" before a noun that is no claim or promo item is a premise of the story ("a fake couple",
# "fake dating"); after a quantifier it speaks of fakes in general ("half of the fake posts").
_FAKE_PREMISE_AFTER = P.caseless(
    r"\s+(?!(?:news|posters?|trailers?|teasers?|visuals?|images?|pictures?|announcements?|leaks?|rumou?rs?|dates?|"
    r"reports?|claims?|accounts?|screenshots?|posts?|tweets?|listings?|info|information|pvs?|art|artwork|key|promo|"
    r"season|sequel|renewal|alarm|material|graphic|edits?|video|clip|schedule)\b)[a-z-]+\b"
)
_GENERIC_BEFORE = P.caseless(
    r"\b(?:half|many|most|some|lots|plenty|all|one|any) of the\s+$|\b(?:many|countless|endless|the usual)\s+$"
)


_NOT_TO_BE = re.compile(P.NOT_TO_BE, re.IGNORECASE)


def denies(text: str, absent: list[tuple[int, int]] | None = None) -> bool:
    """True when the sentence calls a claim false, outside ``absent`` clauses and title words."""
    if P.DENIAL.search(text) is None:  # the common case: one prefiltered search
        return False
    for m in P.DENIAL.finditer(text):
        # ("No. There will not be a second season": a season said never to come is a denial even
        # in the answer that opens with "No")
        if absent and in_spans(m.start(), absent) and not _NOT_TO_BE.match(text, m.start()):
            continue
        if (
            text[m.start()].isupper()
            and text[m.start() : m.end()].lower() in ("fake", "false")
            and not _JUDGED_BEFORE.search(text, 0, m.start())
        ):
            continue
        if (
            text[m.start() : m.end()].lower() in ("fake", "false")
            and (
                _FAKE_PREMISE_AFTER.match(text, m.end())
                or _GENERIC_BEFORE.search(text, 0, m.start())
            )
            and not _JUDGED_BEFORE.search(text, 0, m.start())  # "the poster is fake and ..."
        ):
            continue
        return True
    return False


def _has(rx: P.Rx, text: str, absent: list[tuple[int, int]]) -> bool:
    """True when ``rx`` matches ``text`` outside the ``absent`` clauses."""
    if not absent:
        return rx.search(text) is not None
    return any(not in_spans(m.start(), absent) for m in rx.finditer(text))
