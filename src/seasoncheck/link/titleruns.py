"""Runs of title words: which words a title may hold, where a run of them ends, and how a run is
trimmed to a title candidate.

The vocabulary (connectors, headline words, generic words, verbs, run breakers) and the run
mechanics shared by the open-world patterns (``openworld``) and the clause-title rules
(``clauses``): walking back from a cue, the last boundary before it, trimming headline words and
possessives off a run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lower-case words that may sit inside a title ("Oshi no Ko", "Attack on Titan", "Spy x Family").
# (with the Spanish, Italian, French, Portuguese and German articles and prepositions)
_CONNECTOR_WORDS = """no of the to a an in on wa ga wo na ni de x and or over is for with at from vs & × as
    la le les los las el del de di da des du do dos und der die das"""
CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
# Capitalised words that open headlines and sentences but never a title: questions, auxiliaries,
# determiners and pronouns, headline verbs and news nouns. Trimmed from the left of a run.
_LEAD_WORDS = """when will is are was were does do did why how what where who which whose here heres here's
    everything all about new official officially breaking exclusive report reports rumor rumour
    rumors rumours watch finally confirmed confirms announced announces first latest more this
    that these those after before as if it its it's a an and but so with without also then now
    today upcoming anime manga season seasons series part trailer teaser release date news
    update updates fans fan can could should would may might must has have had not no yes there
    their they we you your our his her he she him them for from in on at by of to up out over
    into while since because though although however meanwhile besides despite per via studio
    netflix crunchyroll hulu disney prime video funimation hidive tv renewed renewal sequel
    return returns returning coming premiere premieres premiered check read see stream streaming
    where's what's when's who's director producer creator author writer episode episodes volume
    regarding concerning volumes chapter chapters final following throughout during until unlike like including
    according given once both each every other another some many most several such only even
    just still yet again already preview previews guide roundup lineup ranking review recap"""
LEAD_STOP = frozenset(_LEAD_WORDS.split())
# Words a title cannot consist of alone.
_GENERIC_WORDS = """the part film movie project ova special one two three four five six seven eight nine ten
    january february march april may june july august september october november december spring
    summer fall autumn winter monday tuesday wednesday thursday friday saturday sunday japan
    japanese english american chinese korean taiwanese french german spanish italian
    european western production committee staff cast announcement visual key twitter
    youtube instagram weibo x
    isekai shonen shounen shōnen shojo shoujo shōjo seinen josei mecha idol harem yuri
    romance fantasy comedy horror action sports donghua"""
GENERIC = LEAD_STOP | frozenset(_GENERIC_WORDS.split())
# Verbs and adverbs of headlines: a title run walking back from "Season 2" stops at them
# ("Is Frieren Receiving A Season 2?").
_VERB_WORDS = """get gets getting got receive receives receiving received have has had will would
    could should can does did do need needs deserve deserves confirmed confirms announced announces
    renewed officially finally really ever never return returns returning coming release released
    releases reveals revealed drops dropped sets announce confirm going be been being there"""
VERB_BREAKERS = frozenset(_VERB_WORDS.split())
# Verbs of a release, a schedule or an announcement that a headline writes right after the work's
# name ("X Opens in Japan on May 2", "X Lands on Netflix", "X delayed to April", "X Unveils"):
# they end the headline's opening title run, unless title words alone follow them up to the
# season reference ("When the Sea Opens Season 2": a title with the verb inside).
_RELEASE_VERB_WORDS = """opens arrives hits lands debuts streams airs launches premieres heads
    delayed postponed pushed dated slated ends wraps concludes resumes unveils teases shares posts
    casts adds"""
RELEASE_VERBS = frozenset(_RELEASE_VERB_WORDS.split())
# Words that end a run of title words: season words, dates, installment nouns.
_BREAKER_WORDS = """season seasons saison stagione temporada staffel episode episodes part cour chapter volume
    trailer teaser pv anime manga january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
    wednesday thursday friday saturday sunday"""
RUN_BREAKERS = frozenset(_BREAKER_WORDS.split())
# Abbreviations whose full stop does not end a sentence ("Dr. Stone", "Kaiju No. 8").
ABBREVIATIONS = frozenset(
    ["dr", "mr", "mrs", "ms", "no", "vol", "st", "jr", "sr", "vs", "mt", "ep"]
)

# Longest title taken from a run of capitalised words. 95% of bangumi-data's English titles have
# at most 8 words, but light-novel titles run to 13-16 ("The Magical Revolution of the
# Reincarnated Princess and the Genius Young Lady"); the run's own rules (verbs, lower-case
# words, punctuation) end a run of headline words long before this.
MAX_TITLE_WORDS = 16

# "!" glued to a word and followed by a lower-case word is part of a title ("Uzaki-chan Wants to
# Hang Out! is coming back", "Ya Boy Kongming! season 2"): a sentence does not go on in lower case.
# An apostrophe after "in" ends no quotation: it stands for a dropped "g" ("Chillin' in Another
# World", "Rockin' Heart"), inside the word.
# Written as one leading class (re skips to it; an alternation is tried at every offset), then
# the cut each character makes: "!" before no lower-case word; ?;|()...; "." or "," before a
# space or the end; ": "; " - "; a quote closing (not after "in"); a quote opening at the start
# or after a space. Same matches as r"!(?!\s+[a-z])|[?;|()...\n]|[.,](?=\s|$)|:\s|...".
_BOUNDARY = re.compile(
    r"[!?;|()\[\]{}\"“”«»「」『』【】\n.,:\s‘’']"
    r"(?:(?<=!)(?!\s+[a-z])|(?<=[?;|()\[\]{}\"“”«»「」『』【】\n])|(?<=[.,])(?=\s|$)|(?<=:)\s"
    r"|(?<=\s)[-–—]\s|(?<=[‘’'])(?<!\win[‘’'])(?=\s|$)|(?<=[‘'])(?<![\s\S]{2})(?=\w)"
    r"|(?<=\s)[‘'](?=\w))"
)
# A date written in ISO form (the page store's " date 2026-01-20 " prefix) is never a title word.
_ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d(?:-\d\d)?")
_TOKEN = re.compile(r"\S+")
# The number word of "2nd Season": dropped with the season words after a title.
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)|final|the", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True)
class TitleCandidate:
    """A stretch of text taken as a work title, with how it was found."""

    start: int
    end: int
    surface: str
    rule: str  # before_season | of_after_season | adaptation_of | before_anime | quoted | ...
    aliases: tuple[str, ...] = ()  # other names of the same work ("Frieren" in "Frieren: ...")


# After "'s", these words make it "is" or "has" inside a title ("Shikimori's Not Just a Cutie"),
# not a possessive whose owner is the author ("Jane Roe's Wind Breaker").
_CONTRACTED = frozenset(["not", "never", "just", "still", "been", "got", "gone", "always"])


def _contracted(word: str) -> bool:
    """True for a word after which a title's "'s" reads as "is" or "has"."""
    return word[:1].isupper() and word.lower() in _CONTRACTED


def _fills(text: str, lo: int, run: list[tuple[int, int]]) -> bool:
    """True when ``run`` starts at one of the first two tokens after ``lo`` (the first may be
    a word cut in two by the window): the title may go on before the window."""
    if not run:
        return False
    first = _TOKEN.search(text, lo)
    second = _TOKEN.search(text, first.end()) if first else None
    return run[0][0] <= (second.start() if second else lo)


def _ends_without_title(seg: str) -> bool:
    """True when the last word of ``seg`` cannot end a title run, told without the regexes.

    Decided only for a word with no boundary character in it (then it is the last token
    ``_walk_back`` sees); a false answer means "look closer".
    """
    words = seg.rsplit(None, 2)
    if not words:
        return True
    word = words[-1]
    if word.lower() in ("a", "an", "the") and _BOUNDARY_CHARS.isdisjoint(word):
        if len(words) == 1:
            return True  # "the" alone: ``_walk_back`` drops the article, nothing is left
        word = words[-2]  # "the anime": the run would end at the word before the article
    if not _BOUNDARY_CHARS.isdisjoint(word):
        return False
    return _breaker(word) or not _title_word(word, last=True)


_BOUNDARY_CHARS = frozenset("!?;|()[]{}\"“”«»「」『』【】.,:‘’'-–—")


def _last_boundary(seg: str) -> tuple[int, bool]:
    """The end of the last boundary in ``seg`` and whether it was a colon ("Head: Tail")."""
    for m in reversed(list(_BOUNDARY.finditer(seg))):
        if m.group(0)[0] == "." and _is_abbreviation(seg, m.start()):
            continue  # the last boundary that is not an abbreviation's full stop
        return m.end(), m.group(0).strip() in (":", "-", "–", "—")
    return 0, False


def _first_token(text: str, start: int, end: int) -> int:
    """The offset of the first word in text[start:end] (or ``end``)."""
    m = _TOKEN.search(text, start, end)
    return m.start() if m else end


def _walk_back(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The title words that end text[start:end], walking back from its end."""
    run: list[tuple[int, int]] = []
    tokens = list(_TOKEN.finditer(text, start, end))
    if tokens and tokens[-1].group(0).lower() in ("a", "an", "the"):
        tokens.pop()  # "Is X Getting A Season 2?": the article is not part of the title
    for i in range(len(tokens) - 1, -1, -1):
        t, word = tokens[i], tokens[i].group(0)
        if _breaker(word) or not _title_word(word, last=not run):
            break
        if word.lower().strip("‘’'\"“”:,") in VERB_BREAKERS:
            if run and i > 0 and tokens[i - 1].group(0) == "I" and word[:1].isupper():
                run[:0] = [(tokens[i - 1].start(), tokens[i - 1].end()), (t.start(), t.end())]
            break  # "I Got Reincarnated as a Stone": a narrator's verb opens light-novel titles
        run.insert(0, (t.start(), t.end()))
    return run


def _breaker(word: str) -> bool:
    """True for a word that cannot be inside a title run (season words, months)."""
    return word.lower().strip("‘’'\"“”:,.") in RUN_BREAKERS


def run_word(text: str, run: list[tuple[int, int]]) -> str:
    """The last word of a run."""
    s, e = run[-1]
    return text[s:e]


def _title_word(word: str, *, last: bool) -> bool:
    """True when ``word`` can be part of a title: capitalised, a number or a connector."""
    w = word.strip("‘’'\"“”:,")
    if not w or (w[0] in "12" and _ISO_DATE.fullmatch(w)):  # an ISO date opens with 19 or 20
        return False
    if w.lower() in CONNECTORS and (w.islower() or not w.isalnum()):
        return not last  # "of", and the signs "&" and "×" ("Demon Lord & One Room Hero")
    first = next((c for c in w if c.isalnum()), "")
    if first.islower() and not w.islower():
        return True  # a brand's camel case ("iDOLM@STER", "eBay"): a capital inside the word
    return bool(first) and (first.isupper() or first.isdigit() or not first.isascii())


def _is_abbreviation(seg: str, dot: int) -> bool:
    """True when the full stop at ``dot`` ends an abbreviation such as "Dr." or "No."."""
    word = seg[:dot].rsplit(None, 1)[-1] if seg[:dot].strip() else ""
    return word.lower().strip("‘’'\"“(") in ABBREVIATIONS


# An anniversary phrase before a title ("20 Years of X", "Ten Years of X"): the title is X.
_ANNIVERSARY = re.compile(
    r"(?:\d{1,3}|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|a\s+hundred)\s+"
    r"(?:years|decades)\s+of\s+",
    re.IGNORECASE,
)


def _make(text: str, run: list[tuple[int, int]], rule: str) -> list[TitleCandidate]:
    """Trim a run of words to a title candidate, or nothing when no title is left."""
    if run and (m := _ANNIVERSARY.match(text, run[0][0])) and m.end() < run[-1][1]:
        run = [w for w in run if w[0] >= m.end()]
    words = [text[s:e] for s, e in run]
    while words and (_lead_word(words[0]) or words[0].islower() or words[0] in CONNECTORS):
        if len(words) > 1 and words[1].lower() in _COMPARATIVE_TAILS and not words[0].islower():
            break  # "More Than a Married Couple": a capitalised comparative opens the title
        words.pop(0)
        run = run[1:]
    if len(words) > 2 and words[-2] == "at" and words[-1].strip(":,").isdigit():
        words, run = words[:-2], run[:-2]  # "Planetes at 23: ...": the work's age, no title word
    while words and (words[-1].lower().strip("’':,") in CONNECTORS or _lead_word(words[-1])):
        words.pop()
        run = run[:-1]
    if not words or len(words) > MAX_TITLE_WORDS:
        return []
    start, end = run[0][0], run[-1][1]
    surface = text[start:end]
    stripped = surface.strip("‘’'\"“”:,")
    start += surface.index(stripped) if stripped else 0
    end = start + len(stripped)
    if m := _POSSESSIVE.search(text, start, end):
        end = m.start()
    surface = text[start:end]
    if not _plausible(surface) or surface.split()[-1].lower() == "arc":
        return []  # "the Tenjiku Arc" names a story arc of a season, not a work
    return [TitleCandidate(start, end, surface, rule)]


# Words no title opens with that finish a comparative begun by a headline word ("More Than",
# "Better Than"): with them, that word is the title's first.
_COMPARATIVE_TAILS = frozenset(["than"])


def _lead_word(word: str) -> bool:
    """True for a word that opens headlines but not titles ("When", "Will", "Official")."""
    return word.lower().strip("‘’'\"“”:,") in LEAD_STOP


def _plausible(surface: str) -> bool:
    """True when ``surface`` has a word that is not generic and a letter in it."""
    words = [w.lower().strip("‘’'\"“”:,.!?") for w in surface.split()]
    return any(w and w not in GENERIC and not w.isdigit() for w in words) and any(
        c.isalpha() for c in surface
    )
