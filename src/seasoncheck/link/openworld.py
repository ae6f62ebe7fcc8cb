"""Open-world titles: works the article clearly treats as anime, whether or not the KB knows them.

Rules of English news writing, not per-title lists: the capitalised run of words right before a
season reference ("Solo Leveling Season 2"), after "the second season of" / "the anime
adaptation of", before "anime", and short title-cased quotations. Which words a run may hold
and how it is trimmed to a candidate: ``titleruns``.
"""

from __future__ import annotations

import re

from seasoncheck.link.normalise import find_all, lowered
from seasoncheck.link.seasons import SeasonRef
from seasoncheck.link.titleruns import (
    _BOUNDARY,
    _ORDINAL,
    _POSSESSIVE,
    _TOKEN,
    CONNECTORS,
    GENERIC,
    MAX_TITLE_WORDS,
    RELEASE_VERBS,
    VERB_BREAKERS,
    TitleCandidate,
    _breaker,
    _contracted,
    _ends_without_title,
    _fills,
    _first_token,
    _is_abbreviation,
    _last_boundary,
    _lead_word,
    _make,
    _title_word,
    _walk_back,
    run_word,
)

# After a possessive, these nouns make the run an author ("Chugong's manhwa"), not a title.
# Lower-case describing words may come between ("Jane Roe's long-running dark fantasy manga").
_AUTHOR_WORK = re.compile(
    r"[’']s\s+(?:(?i:hit|popular|original|best-selling|bestselling)\s+|[a-z][a-z-]*\s+){0,4}?"
    r"(?i:manga|manhwa|manhua|webtoon|webcomic|novel|light\s+novel|series|work|comic)\b",
)
# "Season 2, titled X" / "Season 2 will be titled X": X names the season, not a new work, when
# "titled" follows a season reference this closely (characters).
TITLED_GAP = 20
# How far back from a season reference the title run may start, in characters: "Kaguya-sama:
# Love Is War - Ultra Romantic" is 41 (and the regex work per season reference grows with it).
MAX_RUN_CHARS = 64
# ... and the longer window a run that fills that one is looked at again in: the longest English
# titles of bangumi-data run to about 150 characters.
MAX_LONG_RUN_CHARS = 160
_OF_AFTER = re.compile(
    r"\s+(?:of|de|di|del|della|du|des|von|der|da|do)\s+(?:the\s+|la\s+|l[’'])?(?:(?:hit|popular|beloved|acclaimed|anime|manga|series|show|tv|"
    r"franchise|isekai|shonen|shōnen|smash|fan-favorite|fan-favourite)\s+)*",
    re.IGNORECASE,
)
# The prepositions _OF_AFTER starts with, checked on the next word before the regex runs.
_OF_WORDS = frozenset(["of", "de", "di", "del", "della", "du", "des", "von", "der", "da", "do"])
OF_PEEK_CHARS = 24  # enough for the spaces and the word after a season reference
# Anchors found with str.find on the lower-cased text (a scan with an IGNORECASE alternation
# or a leading \s* runs at 6-20 MB/s; str.find at GB/s), then matched at that position.
_CUE_BEFORE = re.compile(
    r"(?:adaptation|version|sequel|finale|premiere|final\s+episode)\s+(?:of|to)\s+(?:the\s+)?"
    r"(?:(?:hit|popular|beloved|manga|series|light\s+novel|novel|anime)\s+)*",
    re.IGNORECASE,
)
_CUE_ANCHORS = ("adaptation", "version", "sequel", "finale", "premiere", "final episode")
# "X has been renewed for a second season", "X will return for Season 2": the subject of a
# renewal verb whose object is a season reference. Prepositions "for"/"with" only: "in Season
# 3" follows characters as often as titles ("The Forgers will return in Season 3").
_RENEWED_BEFORE = re.compile(
    r"\s+(?:(?:has|have|had|is|was|will|has\s+officially|have\s+officially)\s+)?(?:been\s+)?"
    r"(?:officially\s+)?(?:renewed|greenlit|greenlighted|confirmed|set|slated|returning|"
    r"return|coming\s+back|come\s+back|getting|get|gets|got|receiving|receives)\s+"
    r"(?:for|with)\s+(?:a|an|its|the)?\s*$",
    re.IGNORECASE,
)
# "Jane Roe's light novel series X": after an author's possessive, the work's kind, then X.
_WORK_KIND = re.compile(
    r"\s+(?:(?:hit|popular|original|best-selling|bestselling|award-winning)\s+)?"
    r"(?:light\s+novel|manga|manhwa|manhua|webtoon|webcomic|novel|comic)(?:\s+series)?\s+",
    re.IGNORECASE,
)
_TITLED = re.compile(r"titled\s+", re.IGNORECASE)
# Words that make a headline's opening run a work's name: kinds of works and the news verbs of a
# schedule ("X pushed to April", "X delayed", "X dated for May").
_CUE_WORD = re.compile(
    r"\b(?:anime|season|sequel|cour|manga|adaptation|returns?|renew(?:ed|al)|premieres?|trailer|"
    r"teaser|delay(?:ed|s)?|postponed?|pushed|dated)\b",
    re.IGNORECASE,
)
# A headline verb of release right after the headline's opening name ("X Opens in Japan", "X Hits
# Theaters", "X Lands on Netflix"): the name is the work released.
_RELEASE_AFTER = re.compile(
    r"\s+(?:Opens|Arrives|Hits|Lands|Debuts|Streams|Airs|Launches|opens|arrives|hits|lands|"
    r"debuts|streams|airs|launches)\b"
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "this",
        "that",
        "la",
        "le",
        "les",
        "il",
        "lo",
        "die",
        "der",
        "das",
        "el",
        "los",
    ]
)
# The words between a title and "anime" after it, on one line: a line's last words are not the
# title of the "Anime ..." that opens the next line ("ConReport › Harbor Expo\nAnime Fest").
_BEFORE_ANIME = re.compile(r"(?:[’']s?)?[^\S\n]+(?:tv[^\S\n]+)?$", re.IGNORECASE)
# A straight or single opening quote glued to a letter is an apostrophe ("Hosoda's 'Scarlet'"),
# not the start of a quoted title.
# the opening quote leads (a class), so re skips to it; a straight or left single quote opens
# only after a non-word character: 5x faster than "(?:[“...]|(?<!\w)['‘])" tried everywhere
_QUOTED = re.compile(r"[“\"「『'‘](?<!\w['‘])([^“”\"‘’「」『』\n]{2,60}?)[”\"’'」』](?!\w)")


def find_candidates(
    text: str, refs: list[SeasonRef], *, headline: bool = False, low: str | None = None
) -> list[TitleCandidate]:
    """Title candidates of ``text`` from news-writing patterns around ``refs`` and cue words.

    With ``headline``, the run of title words that opens the text is a candidate too
    ("Oshi no Ko officially confirmed for season 3").
    """
    out: list[TitleCandidate] = []
    if headline:
        lead = _headline_lead(text, min((r.start for r in refs), default=len(text)))
        if refs or _CUE_WORD.search(text):
            out.extend(lead)
        else:  # "X Opens in Japan on May 2": a verb of release right after the opening name
            out.extend(c for c in lead if _RELEASE_AFTER.match(text, c.end))
    for ref in refs:
        if _takes_title_before(text, ref) and not _after_known(text, ref.start, out):
            out.extend(_run_before(text, ref.start, "before_season"))
        elif ref.season is not None and (m := _renewed_before(text, ref.start)):
            out.extend(_run_before(text, m.start(), "renewed_for"))
        if ref.season is not None or ref.installment in ("part", "final"):
            out.extend(_run_after_of(text, ref.end))
    low = lowered(text) if low is None else low
    if len(low) != len(text):
        return out
    for word in _CUE_ANCHORS:
        for pos in find_all(low, word):
            if m := _CUE_BEFORE.match(text, pos):
                out.extend(_run_after(text, m.end(), "adaptation_of"))
    for pos in find_all(low, "titled "):
        m = _TITLED.match(text, pos)
        if m and not any(0 <= m.start() - r.end <= TITLED_GAP for r in refs):
            out.extend(_run_after(text, m.end(), "titled"))
    for pos in find_all(low, "anime"):
        if low[pos + 5 : pos + 6].isalpha():
            continue
        m = _BEFORE_ANIME.search(text, max(0, pos - 10), pos)
        if m:
            out.extend(
                c for c in _run_before(text, m.start(), "before_anime") if not _credited(text, c)
            )
    for m in _QUOTED.finditer(text):
        out.extend(_quoted(text, m))
    return out


# Nouns of an installment that news writes right after a work's name ("the Moonlit Bakery film",
# "Moonlit Bakery Movie Gets New Visual", "the Lantern Road OVA"): looked for only when an
# article names no work by any other rule (``installment_titles``).
_INSTALLMENT_NOUN: re.Pattern[str] = re.compile(
    r"(?<![\w-])(?:film|movie|ova|oad|special|sequel)(?![\w-])", re.IGNORECASE
)


def installment_titles(text: str) -> list[TitleCandidate]:
    """Title runs right before an installment noun ("the Moonlit Bakery film"), with the run
    rules of ``_run_before`` (a lower-case word before the noun gives none: "the new film")."""
    out: list[TitleCandidate] = []
    for m in _INSTALLMENT_NOUN.finditer(text):
        gap = _BEFORE_ANIME.search(text, max(0, m.start() - 10), m.start())
        if gap is not None:
            out.extend(
                c
                for c in _run_before(text, gap.start(), "before_installment")
                if not _credited(text, c)
            )
    return out


# Signs that join two title words: a possessive before one is inside the title ("Knight's &
# Magic"), for an author's name is not joined to a title by "&".
_JOINING_SIGNS = frozenset(["&", "×"])


def _renewed_before(text: str, pos: int) -> re.Match[str] | None:
    """ "renewed for a " right before ``pos``; the regex (tried at each of 60 offsets) runs only
    when one of the last two words is "for" or "with", as the pattern requires."""
    lo = max(0, pos - 60)
    if not _FOR_WITH.intersection(text[lo:pos].lower().split()[-2:]):
        return None
    return _RENEWED_BEFORE.search(text, lo, pos)


_FOR_WITH = frozenset(("for", "with"))


def _takes_title_before(text: str, ref: SeasonRef) -> bool:
    """True for "X Season 2", "X Part 2", "X: the new season", "X's sequel" (not "the second")."""
    if ref.relative:
        return text[max(0, ref.start - 3) : ref.start].rstrip().endswith((":", "’s", "'s"))
    return ref.installment != "film" and ref.surface.split()[0].lower() not in _DETERMINERS


def _after_known(text: str, pos: int, found: list[TitleCandidate]) -> bool:
    """True when a title already found ends right before ``pos`` (repeated "X Season 2")."""
    before = text[max(0, pos - MAX_RUN_CHARS) : pos].rstrip(" :’'s-–—")
    return any(before.endswith(c.surface) for c in found)


def _run_before(text: str, end: int, rule: str, span: int = MAX_RUN_CHARS) -> list[TitleCandidate]:
    """The capitalised run of words that ends at ``end`` (before separators and possessives).

    When the run starts right after "Head: " and Head is a run of title words too, the
    candidate is "Head: Tail" with both parts as aliases ("Frieren: Beyond Journey's End").
    A run that fills the whole window is looked at again in a longer one (``MAX_LONG_RUN_CHARS``):
    light-novel titles run long ("The Magical Revolution of the Reincarnated Princess and ...").
    """
    lo = max(0, end - span)
    seg = text[lo:end]
    seg = seg[: len(seg.rstrip(" \t:-–—’'\"”»」』】)(["))]  # "Lantern Road (Season 2)"
    glued = seg.endswith("!") and text[end : end + 1].islower()  # "Ya Boy Kongming! season 2"
    if seg.endswith(("?", "!")) and text[lo + len(seg) : end].strip().startswith(("(", "[")):
        seg = seg[:-1]  # "Am I Actually the Strongest? (Season 2)": the title's own mark
    if seg.endswith((",", ".", ";", "!", "?")) and not (
        glued or _is_abbreviation(seg, len(seg) - 1)
    ):
        return []  # "Recently, anime fans": the word before is not attached to the cue
    if _ends_without_title(seg):
        return []  # "the anime", "this season": most cues follow a lower-case word
    cut, colon = _last_boundary(seg)
    run = _walk_back(text, lo + cut, lo + len(seg))
    if lo > 0 and not cut and span < MAX_LONG_RUN_CHARS and _fills(text, lo, run):
        return _run_before(text, end, rule, MAX_LONG_RUN_CHARS)
    tail = _make(text, run, rule)
    if not tail or not colon or run[0][0] != _first_token(text, lo + cut, lo + len(seg)):
        return tail
    if _QUESTION_WORD.match(text, run[0][0]):
        return []  # "20 Years of X: How the Club Changed ...": a feature's question, no subtitle
    head_seg = seg[: cut - len(seg[:cut]) + len(seg[:cut].rstrip(" :-–—"))]
    head_cut, _ = _last_boundary(head_seg)
    head_run = _walk_back(text, lo + head_cut, lo + len(head_seg))
    head = _make(text, head_run, rule)
    if not head or len(head[0].surface.split()) > 4 or head[0].start != head_run[0][0]:
        return tail  # "Official Confirmation: X Season 2": a headline label, not a main title
    h, t = head[0], tail[0]
    return [TitleCandidate(h.start, t.end, text[h.start : t.end], rule, (h.surface, t.surface))]


# A bracketed label that opens a headline ("【Important Notice】", "[UPDATE]"): not the title. A
# bracketed title ("[Oshi no Ko] Season 3") has words other than these.
_HEAD_LABEL = re.compile(r"\s*[【\[]([^】\]\n]{1,40})[】\]]\s*")
_LABEL = """notice important urgent breaking exclusive update updated news announcement info
    information pr ad sponsored video photos alert correction press release"""
_LABEL_WORDS = frozenset(_LABEL.split())


def _headline_lead(text: str, stop: int) -> list[TitleCandidate]:
    """The run of title words that opens a headline, up to a lower-case or headline word or
    the first season reference (at ``stop``: "Ragna Crimson 2nd Season")."""
    run: list[tuple[int, int]] = []
    label = _HEAD_LABEL.match(text)
    if label and not all(w in _LABEL_WORDS for w in lowered(label.group(1)).split()):
        label = None  # "[Oshi no Ko] Season 3": the title in brackets
    for t in _TOKEN.finditer(text, event_kicker_end(text, label.end() if label else 0), stop):
        word = t.group(0)
        if _breaker(word) or not _title_word(word, last=False):
            break
        if run and _lead_word(word) and word.lower() not in CONNECTORS:
            break
        bare = word.lower().strip("‘’'\"“”:,")
        verb = bare in VERB_BREAKERS or bare in RELEASE_VERBS
        if run and verb and (word.endswith(",") or not _title_up_to(text, t.end(), stop)):
            break  # "Iron Meadow Gets Film Sequel": the headline's verb ends the title
        run.append((t.start(), t.end()))
        if word.rstrip("’'").endswith((":", ",", "?", "!")):
            break
        if _POSSESSIVE.search(word) and not _title_up_to(text, t.end(), stop):
            break
    if run and (m := _JA_TITLE.search(text, run[0][0], run[-1][1])):
        run = [(m.start(1), m.end(1))]  # "TVアニメ『X』第2期": the title inside its brackets
    if (
        run
        and _POSSESSIVE.search(text, run[-1][0], run[-1][1])
        and _QUOTE_NEXT.match(text, run[-1][1])
    ):
        return []  # "Hosoda's 'Scarlet' dated ...": the creator's name; the quoted title is the work
    lead = _make(text, run, "headline_lead")
    if lead and lead[0].surface.replace("’", "'") in _FIRST_PERSON:
        return []  # "I still want X season 2": a column's first person, not a title
    if lead and _EDITION_YEAR.fullmatch(lead[0].surface.rsplit(None, 1)[-1]):
        return []  # "Harbor Expo 2026 live: ...", "Star Fest '27: X Gets ...": the event's kicker
    return lead


# A quoted title right after a headline's possessive name.
_QUOTE_NEXT: re.Pattern[str] = re.compile(r"\s+[“\"‘'][A-Z0-9]")


# A column's first person alone: no title ("I Got Reincarnated as ..." has more words).
_FIRST_PERSON: frozenset[str] = frozenset(["I", "I'm", "I've", "I'd", "I'll"])


# Japanese title brackets: a headline in Japanese writes the work's title inside them, glued to
# the words around it ("TVアニメ『X』第2期制作決定").
_JA_TITLE = re.compile(r"[『「]([^』」\n]{1,60})[』」]")
# A year that ends a headline's opening name: the edition of an event that the headline opens
# with as a kicker ("Harbor Expo 2026: ...", "Star Fest '27: ..."), the report's venue, not its
# subject. Works put a year in brackets ("Trigun (1998)"), and the far-future years of science
# fiction titles ("... 2199") stay outside the range.
_EDITION_YEAR = re.compile(r"(?:19[6-9]\d|20[0-3]\d|[’']\d\d)")
# An event's edition before the colon that opens a headline: capitalised words, a year, a few
# more words ("Harbor Expo 2026: X Gets ...", "Star Fest 2025 day two: ..."). The report's
# venue; the headline's own opening name follows the colon.
_EVENT_KICKER: re.Pattern[str] = re.compile(
    r"(?:[A-Z][\w&.!’'-]*\s+){1,5}(?:19[6-9]\d|20[0-3]\d|[’']\d\d)(?:\s+[\w-]+){0,3}:\s+"
)


def event_kicker_end(text: str, start: int = 0) -> int:
    """Where a headline's name may start after an event kicker at ``start`` ("Harbor Expo
    2026: "), or ``start`` when there is none."""
    m = _EVENT_KICKER.match(text, start)
    return m.end() if m else start


# A credit line's label: "Photos: Harbor Anime / J. Roe" names the outlet that took the photos.
_CREDIT_LABEL: re.Pattern[str] = re.compile(
    r"(?:^|\n)[ \t]*(?:photos?|images?|pictures?|screenshots?|source|credits?|via)[ \t]*:[ \t]*$",
    re.IGNORECASE,
)


def _credited(text: str, c: TitleCandidate) -> bool:
    """True when a candidate opens a credit line ("Photos: Harbor Anime / J. Roe") or follows
    its label ("Photos: Harbor"): an outlet or a person, not a work."""
    lo = max(0, c.start - 20)
    return bool(_CREDIT_LABEL.search(text[lo : c.start])) or bool(
        _CREDIT_LABEL.search(text[lo : c.start + len(c.surface.split(":")[0]) + 1])
    )


def _title_up_to(text: str, start: int, stop: int) -> bool:
    """True when title words alone fill text[start:stop] up to a season reference: the possessive
    or verb before them is inside the title ("Akebi's Sailor Uniform Season 2", "I Got Reincarnated
    as a Stone Season 2"), not its end ("Frieren's Season 2", "Iron Meadow Gets Film Sequel")."""
    words = text[start:stop].split()
    return (
        stop < len(text)
        and bool(words)
        and all(_inner_title_word(w) for w in words)
        and not words[-1].islower()
        and any(w.lower() not in GENERIC for w in words)  # "Gets Film Sequel": no title words
    )


def _inner_title_word(w: str) -> bool:
    """True for a capitalised title word or a lower-case connector ("as", "a", "in")."""
    if w.islower():
        return w in CONNECTORS
    return _title_word(w, last=False) and not _breaker(w)


def _run_after_of(text: str, pos: int) -> list[TitleCandidate]:
    """The title after "of" that follows a season reference ("the second season of X")."""
    if not text[pos : pos + 1].isspace():
        return []  # _OF_AFTER opens with whitespace
    head = text[pos : pos + OF_PEEK_CHARS].split(None, 1)
    if len(head) == 2 and head[0].isascii() and head[0].lower() not in _OF_WORDS:
        return []  # the next whole word is not one of _OF_AFTER's prepositions
    m = _OF_AFTER.match(text, pos)
    return _run_after(text, m.end(), "of_after_season") if m else []


def _run_after(text: str, start: int, rule: str) -> list[TitleCandidate]:
    """The capitalised run of words that starts at ``start``."""
    seg = text[start : start + MAX_RUN_CHARS]
    for m in _BOUNDARY.finditer(seg):
        if m.group(0)[0] == "." and _is_abbreviation(seg, m.start()):
            continue
        if m.start() > 0:
            seg = seg[: m.start()]
            break
    run: list[tuple[int, int]] = []
    for t in _TOKEN.finditer(seg):
        word = t.group(0)
        fits = not _breaker(word) and _title_word(word, last=False)
        if (
            run
            and _POSSESSIVE.search(run_word(text, run))
            and not _contracted(word)
            and word not in _JOINING_SIGNS
        ):
            if kind := _WORK_KIND.match(text, run[-1][1]):  # "Jane Roe's light novel series X"
                return _run_after(text, kind.end(), rule)
            if not fits:
                break  # "the finale of Frieren's second season"
            run = []  # "the adaptation of Jane Doe's Wind Breaker": the possessor is the author
        if not fits:
            if _breaker(word):  # "titled Isekai Nonbiri Nouka 2nd Season": the season's number
                while run and _ORDINAL.fullmatch(run_word(text, run)):
                    run.pop()
            break
        run.append((start + t.start(), start + t.end()))
    cands = _make(text, run, rule)
    if cands and _AUTHOR_WORK.match(text, cands[0].end):
        return []  # "the adaptation of Chugong's manhwa": an author
    return cands


def _quoted(text: str, m: re.Match[str]) -> list[TitleCandidate]:
    """A quoted stretch that reads like a title: few words, capitalised, no sentence inside."""
    inner = m.group(1)
    words = inner.split()
    cut = next((i for i, w in enumerate(words) if i and _breaker(w)), None)
    if cut is not None:  # "Isekai Nonbiri Nouka 2nd Season": the title, then its season
        while cut and _ORDINAL.fullmatch(words[cut - 1]):
            cut -= 1
        if not cut:
            return []
        inner = inner[: list(_TOKEN.finditer(inner))[cut - 1].end()]
        words = words[:cut]
    if not 1 <= len(words) <= MAX_TITLE_WORDS or inner.rstrip()[-1:] in ".,!?":
        return []
    if not all(_title_word(w, last=False) for w in words) or words[0] in CONNECTORS:
        return []  # a title opens with a capital: "with Level 2 ..." quotes the end of one
    if _EVENT_AFTER.match(text, m.end()):
        return []  # "the "Pedal Fest 2026" event": a quoted name of an event, not a work
    s = m.start(1) + (len(inner) - len(inner.lstrip()))
    return _make(text, [(s, s + len(inner.strip()))], "quoted")


# Nouns of events that follow an event's quoted name ("at the "Summer Stage 2026" event").
_EVENT_AFTER = re.compile(
    r"\s+(?:live\s+)?(?:event|events|festival|fest|panel|concert|livestream|stream|stage|"
    r"convention|expo|showcase|screening|presentation|special\s+event|fan\s+meeting)\b",
    re.IGNORECASE,
)


# After a colon, these words open a feature headline's question or explanation ("20 Years of X:
# How the Host Club Changed Shoujo"), not a subtitle of the title before the colon.
_QUESTION_WORD = re.compile(r"(?:How|Why|What|When|Where|Who|Which)\b")
