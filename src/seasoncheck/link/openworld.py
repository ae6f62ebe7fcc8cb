"""Open-world titles: works the article clearly treats as anime, whether or not the KB knows them.

Rules of English news writing, not per-title lists: the capitalised run of words right before a
season reference ("Solo Leveling Season 2"), after "the second season of" / "the anime
adaptation of", before "anime", and short title-cased quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seasoncheck.link.normalise import lowered
from seasoncheck.link.seasons import SeasonRef

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
# Words that end a run of title words: season words, dates, installment nouns.
_BREAKER_WORDS = """season seasons saison stagione temporada staffel episode episodes part cour chapter volume
    trailer teaser pv anime manga january february march april june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
    wednesday thursday friday saturday sunday"""
RUN_BREAKERS = frozenset(_BREAKER_WORDS.split())
# After a possessive, these nouns make the run an author ("Chugong's manhwa"), not a title.
# Lower-case describing words may come between ("Jane Roe's long-running dark fantasy manga").
_AUTHOR_WORK = re.compile(
    r"[’']s\s+(?:(?i:hit|popular|original|best-selling|bestselling)\s+|[a-z][a-z-]*\s+){0,4}?"
    r"(?i:manga|manhwa|manhua|webtoon|webcomic|novel|light\s+novel|series|work|comic)\b",
)
# Abbreviations whose full stop does not end a sentence ("Dr. Stone", "Kaiju No. 8").
ABBREVIATIONS = frozenset(
    ["dr", "mr", "mrs", "ms", "no", "vol", "st", "jr", "sr", "vs", "mt", "ep"]
)

# Longest title taken from a run of capitalised words. 95% of bangumi-data's English titles have
# at most 8 words, but light-novel titles run to 13-16 ("The Magical Revolution of the
# Reincarnated Princess and the Genius Young Lady"); the run's own rules (verbs, lower-case
# words, punctuation) end a run of headline words long before this.
MAX_TITLE_WORDS = 16
# "Season 2, titled X" / "Season 2 will be titled X": X names the season, not a new work, when
# "titled" follows a season reference this closely (characters).
TITLED_GAP = 20
# How far back from a season reference the title run may start, in characters: "Kaguya-sama:
# Love Is War - Ultra Romantic" is 41 (and the regex work per season reference grows with it).
MAX_RUN_CHARS = 64
# ... and the longer window a run that fills that one is looked at again in: the longest English
# titles of bangumi-data run to about 150 characters.
MAX_LONG_RUN_CHARS = 160

# "!" glued to a word and followed by a lower-case word is part of a title ("Uzaki-chan Wants to
# Hang Out! is coming back", "Ya Boy Kongming! season 2"): a sentence does not go on in lower case.
# An apostrophe after "in" ends no quotation: it stands for a dropped "g" ("Chillin' in Another
# World", "Rockin' Heart"), inside the word.
_BOUNDARY = re.compile(
    r"!(?!\s+[a-z])|[?;|()\[\]{}\"“”«»「」『』【】\n]|[.,](?=\s|$)|:\s|\s[-–—]\s|(?<!\win)[‘’'](?=\s|$)|(?:^|\s)[‘'](?=\w)"
)
# A date written in ISO form (the page store's " date 2026-01-20 " prefix) is never a title word.
_ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d(?:-\d\d)?")
_TOKEN = re.compile(r"\S+")
# The number word of "2nd Season": dropped with the season words after a title.
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)|final|the", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")
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
_CUE_WORD = re.compile(
    r"\b(?:anime|season|sequel|cour|manga|adaptation|returns?|renew(?:ed|al)|premieres?|trailer|"
    r"teaser)\b",
    re.IGNORECASE,
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
_BEFORE_ANIME = re.compile(r"(?:[’']s?)?\s+(?:tv\s+)?$", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"‘'「『]([^“”\"‘’「」『』\n]{2,60}?)[”\"’'」』](?!\w)")


@dataclass(frozen=True)
class TitleCandidate:
    """A stretch of text taken as a work title, with how it was found."""

    start: int
    end: int
    surface: str
    rule: str  # before_season | of_after_season | adaptation_of | before_anime | quoted | ...
    aliases: tuple[str, ...] = ()  # other names of the same work ("Frieren" in "Frieren: ...")


def find_candidates(
    text: str, refs: list[SeasonRef], *, headline: bool = False, low: str | None = None
) -> list[TitleCandidate]:
    """Title candidates of ``text`` from news-writing patterns around ``refs`` and cue words.

    With ``headline``, the run of title words that opens the text is a candidate too
    ("Oshi no Ko officially confirmed for season 3").
    """
    out: list[TitleCandidate] = []
    if headline and (refs or _CUE_WORD.search(text)):
        out.extend(_headline_lead(text, min((r.start for r in refs), default=len(text))))
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
        for pos in _find_all(low, word):
            if m := _CUE_BEFORE.match(text, pos):
                out.extend(_run_after(text, m.end(), "adaptation_of"))
    for pos in _find_all(low, "titled "):
        m = _TITLED.match(text, pos)
        if m and not any(0 <= m.start() - r.end <= TITLED_GAP for r in refs):
            out.extend(_run_after(text, m.end(), "titled"))
    for pos in _find_all(low, "anime"):
        if low[pos + 5 : pos + 6].isalpha():
            continue
        m = _BEFORE_ANIME.search(text, max(0, pos - 10), pos)
        if m:
            out.extend(_run_before(text, m.start(), "before_anime"))
    for m in _QUOTED.finditer(text):
        out.extend(_quoted(text, m))
    return out


# After "'s", these words make it "is" or "has" inside a title ("Shikimori's Not Just a Cutie"),
# not a possessive whose owner is the author ("Jane Roe's Wind Breaker").
_CONTRACTED = frozenset(["not", "never", "just", "still", "been", "got", "gone", "always"])


# Signs that join two title words: a possessive before one is inside the title ("Knight's &
# Magic"), for an author's name is not joined to a title by "&".
_JOINING_SIGNS = frozenset(["&", "×"])


def _contracted(word: str) -> bool:
    """True for a word after which a title's "'s" reads as "is" or "has"."""
    return word[:1].isupper() and word.lower() in _CONTRACTED


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


def _find_all(low: str, word: str) -> list[int]:
    """Every offset of ``word`` in ``low``."""
    out = []
    pos = low.find(word)
    while pos >= 0:
        out.append(pos)
        pos = low.find(word, pos + 1)
    return out


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
    for t in _TOKEN.finditer(text, label.end() if label else 0, stop):
        word = t.group(0)
        if _breaker(word) or not _title_word(word, last=False):
            break
        if run and _lead_word(word) and word.lower() not in CONNECTORS:
            break
        verb = word.lower().strip("‘’'\"“”:,") in VERB_BREAKERS
        if run and verb and not _title_up_to(text, t.end(), stop):
            break  # "Iron Meadow Gets Film Sequel": the headline's verb ends the title
        run.append((t.start(), t.end()))
        if word.rstrip("’'").endswith((":", ",", "?", "!")):
            break
        if _POSSESSIVE.search(word) and not _title_up_to(text, t.end(), stop):
            break
    return _make(text, run, "headline_lead")


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


def run_word(text: str, run: list[tuple[int, int]]) -> str:
    """The last word of a run."""
    s, e = run[-1]
    return text[s:e]


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


# After a colon, these words open a feature headline's question or explanation ("20 Years of X:
# How the Host Club Changed Shoujo"), not a subtitle of the title before the colon.
_QUESTION_WORD = re.compile(r"(?:How|Why|What|When|Where|Who|Which)\b")
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
