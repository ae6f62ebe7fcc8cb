"""Context tests of a found title: a weak KB hit (one content word: "Another", "Monster") kept
only with a cue word near it and capitalised as a name, not for grammar; a candidate of two
capitalised words that names a person (a credit word before it, a possessive before a title).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from seasoncheck.link.doc import Doc, Hit
from seasoncheck.link.titleruns import GENERIC, RUN_BREAKERS, TitleCandidate
from seasoncheck.link.worknames import title_key

# A weak key (one content word: "Another", "Monster", "Beck") is kept only with a cue word this
# close (characters either side), or when the headline or a strong key of the franchise backs it.
CUE_WINDOW = 80
# (substring checks on the lower-cased window: one IGNORECASE alternation took 70 µs a window)
CUE_WORDS = (
    "anime", "manga", "season", "series", "episode", "adaptation", "sequel", "cour", "studio",
    "film", "movie", "ova", "trailer", "teaser", "premiere", "crunchyroll", "light novel",
    "isekai", "shonen", "shōnen", "seinen", "shojo", "mangaka",
)  # fmt: skip
_POSSESSIVE = re.compile(r"[’']s?$")


# What may stand between a title and its season number: "X Season 2", "X (Season 2)", "X: S2".
_SEASON_GAP = re.compile(r"[’']?s?[\s:(\[–—-]{1,4}")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+(\S+)")


def _weak_hit_ok(doc: Doc, in_head: bool, h: Hit, title_keys: set[str]) -> bool:
    """The context tests of a weak hit ("Another", "Monster"), cheapest first."""
    if any(r.start <= h.start < r.end for r in doc.refs):
        return False  # "Another season" is a season phrase, not the show "Another"
    if title_key(h.surface) in title_keys:
        return True  # the headline names it too
    if any(
        r.season is not None and not r.relative and _SEASON_GAP.fullmatch(doc.text, h.end, r.start)
        for r in doc.refs
    ):
        return True  # "2. Hinamatsuri (Season 2)": a work with its season number
    if not in_head and (
        _sentence_initial(doc.text, h.start) or _inside_a_name(doc.text, h.start, h.end)
    ):
        return False  # capitalised for grammar, or part of a longer name ("Eden Academy")
    if _has_lowercase_word(doc.text, h.match_key):
        return False  # the article writes it as a common word elsewhere ("the mission")
    window = doc.text[max(0, h.start - CUE_WINDOW) : h.end + CUE_WINDOW].lower()
    return any(w in window for w in CUE_WORDS)


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word touches the span on either side (no punctuation between).

    A possessive before ("Naoki Urasawa's Monster") and season or installment words after
    ("Monster Season 2") do not count.
    """
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1)[:1].isupper() and not _POSSESSIVE.search(before.group(1)):
        return True
    after = _WORD_AFTER.match(text, end)
    if not after:
        return False
    word = after.group(1)
    if text[after.start(1) : after.start(1) + 12].lower() == "final season":
        return False  # "Beastars Final Season Part 2": an installment word, like "Season 2"
    return word[:1].isupper() and word.lower().strip(".,;:!?") not in RUN_BREAKERS


def _has_lowercase_word(text: str, key: str) -> bool:
    """True when ``key`` (lower case) occurs in ``text`` as a whole word, as written."""
    pos = text.find(key)
    while pos >= 0:
        end = pos + len(key)
        if not text[pos - 1 : pos].isalnum() and not text[end : end + 1].isalnum():
            return True
        pos = text.find(key, end)
    return False


# A person named where a title could stand: a credit word right before the name ("director
# Kiyoshi Matsuda", "written by ..."), or the name's possessive right before a work ("Ren Eguchi's").
# A bare "by" is left out: "inspired by X", "followed by X" name works as often as people; "by"
# after a kind of written work is its author's credit ("the manga by X", "novels by X").
_PERSON_BEFORE = re.compile(
    r"\b(?:director|directed by|producer|composer|writer|written by|author|mangaka|creator|"
    r"created by|artist|illustrator|screenwriter|designer|animator|voice actor|voice actress|"
    r"actor|actress|voiced by|composed by|illustrated by|drawn by|penned by|"
    r"(?:manga|manhwa|manhua|novels?|webtoon|comic|series|story|original work)\s+by)\s+$",
    re.IGNORECASE,
)
PERSON_WINDOW = 24  # characters searched before a candidate for a credit word ("designer ")
# The same words case-sensitively, for a lowered window: re.IGNORECASE tries every alternative
# at every offset (no first-letter skip), 2.3x the instructions. Only ASCII windows are lowered,
# where lowering and IGNORECASE agree letter for letter.
_PERSON_BEFORE_LOW = re.compile(_PERSON_BEFORE.pattern)


def _credit_before(text: str, pos: int) -> bool:
    """``_PERSON_BEFORE.search(text, max(0, pos - PERSON_WINDOW), pos)`` found a credit word."""
    start = max(0, pos - PERSON_WINDOW)
    lead = 1 if start > 0 else 0  # the character before the window, for the first \b
    window = text[start - lead : pos]
    if not window.isascii():
        return _PERSON_BEFORE.search(text, start, pos) is not None
    return _PERSON_BEFORE_LOW.search(window.lower(), lead) is not None


_POSSESSIVE_AFTER = re.compile(r"[’']s\s+")


MAX_PERSON_LOOKS = 8  # occurrences of a name searched for a credit word (news repeats few names)


def _names_a_person(
    text: str, c: TitleCandidate, title_starts: set[int], others: Iterable[str] = ()
) -> bool:
    """True when an open-world candidate of two capitalised words (a given and a family name)
    is a person's name: after a credit word anywhere in the text or in the ``others`` (the
    article's headline and body: "director X", "written by X", "the manga by X"), or with a
    possessive right before a title (one of ``title_starts``: "Ren Eguchi's")."""
    words = c.surface.split()
    if len(words) != 2 or not all(w[:1].isupper() for w in words) or c.rule == "quoted":
        return False
    for t in (text, *others):
        pos = t.find(c.surface)
        for _ in range(MAX_PERSON_LOOKS):  # any credit of the name in the article
            if pos < 0:
                break
            if _credit_before(t, pos):
                return True
            pos = t.find(c.surface, pos + 1)
    after = _POSSESSIVE_AFTER.match(text, c.end)
    return after is not None and after.end() in title_starts


def _sentence_initial(text: str, pos: int) -> bool:
    """True when ``pos`` starts a sentence (capitalised there for grammar, not as a name)."""
    before = text[max(0, pos - 3) : pos].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?\n"


_HEAD_COLON: re.Pattern[str] = re.compile(r"\s*:\s")


def heads_inside_names(docs: list[Doc]) -> None:
    """Drop the KB hits of a subtitled title's head ("Star Wars" of "Star Wars: Visions", when
    the article writes the whole title too) that a capitalised word follows ("Star Wars
    Celebration Japan"): the head is then the opening of another name, an event, a company or
    the parent franchise, not the subtitled work. Season and installment words after it
    ("Star Wars Season 3") and lower-case words ("a Star Wars story") leave it the work's."""
    heads: set[tuple[str, str]] = set()
    for d in docs:
        for h in d.hits:
            if h.franchise_id is None:
                continue
            cut = _HEAD_COLON.search(h.surface)
            if cut is not None and cut.start() > 0:
                heads.add((h.franchise_id, title_key(h.surface[: cut.start()])))
    if not heads:
        return
    for d in docs:
        d.hits = [
            h
            for h in d.hits
            if h.franchise_id is None
            or (h.franchise_id, title_key(h.surface)) not in heads
            or not _name_follows(d.text, h.end)
        ]


def _name_follows(text: str, end: int) -> bool:
    """True when a capitalised word that is no season, date or generic word follows ``end``."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    low = word.lower().strip(".,;:!?")
    return word[:1].isupper() and low not in RUN_BREAKERS and low not in GENERIC


# A kind of work right before a name, with or without the comma of an apposition ("the new
# original film, Scarlet, will open"; "the anime Ember").
_KIND_BEFORE: re.Pattern[str] = re.compile(
    r"\b(?:film|movie|anime|series|feature|show|title|OVA)[,:]?[ \t]+$", re.IGNORECASE
)


def named_as_work(docs: Iterable[Doc], surface: str) -> bool:
    """True when some text writes ``surface`` (a one-word quotation of the headline) right after
    a kind of work, capitalised as written: the body's apposition names the quoted work."""
    for doc in docs:
        start = doc.text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not doc.text[end : end + 1].isalnum() and _KIND_BEFORE.search(
                doc.text, max(0, start - 12), start
            ):
                return True
            start = doc.text.find(surface, end)
    return False
