"""Where an article names installments: its season references by sentence (with "the fourth and
final season" and numbered sequel titles), the ones named only as a point in time, a credit or a
past airing, and the part and film it announces."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from seasoncheck.claims import patterns as P
from seasoncheck.claims.segment import Sentence
from seasoncheck.link.normalise import lowered
from seasoncheck.link.seasons import SeasonRef, find_season_refs

# (the ordinals by first letter, so that re skips to those letters in a whole article)
_AND_FINAL = P.caseless(
    r"(?P<o>"
    + P.first_letter_led(
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"],
        r"\b",
    )
    + r")\s+and\s+final\s+season\b"
)
_PAST_AFTER = P.caseless(
    r"^\s*(?:of [^,.]{0,40}?)?(?:,[^,.;]{1,60},)?(?:,\s*which\s+)?\s*(?:\w+\s+){0,2}?(?:premiered|aired|ran|came out|debuted|ended|concluded|finished (?:its run|airing)|arrived|"
    r"launched|was broadcast|went live|started|began|streamed|is currently|are currently|just concluded|(?:was|were) (?:teased|aired|broadcast|screened|shown|streamed|completed|finished)|"
    r"followed|drew|earned|received|won|became|proved|topped|wrapped|sold|signed off|bowed out)\b"
)


# A sequel's title is its work's title and a numeral: "Edgerunners 2", "Ember Knight 3". Not a
# count ("Ember Knight 2 years on"), a year or model number ("Ember 2077"), or a decimal.
_TITLE_NUMERAL = re.compile(
    r"\s(?P<n>[2-9])(?![\w/]|[.,:]\d)(?!\s+(?:episodes?|years?|seasons?|months?|weeks?|days?|"
    r"parts?|cours?|volumes?|chapters?|hours?|minutes?|million|times|percent|more|new|other|of|out of|"
    r"[A-Z][a-z]+ \d{4})\b)"
)


def numbered_title_refs(text: str, names: frozenset[str]) -> list[SeasonRef]:
    """Season references written as the subject's title and a numeral ("Edgerunners 2")."""
    refs: dict[int, SeasonRef] = {}  # by end: "Cyberpunk: Edgerunners 2" and "Edgerunners 2"
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            m = _TITLE_NUMERAL.match(text, at + len(name))
            if m is not None and m.end() not in refs:
                refs[m.end()] = SeasonRef(at, m.end(), text[at : m.end()], int(m.group("n")))
            at = text.find(name, at + 1)
    return list(refs.values())


def refs_by_sentence(
    text: str, sentences: list[Sentence], names: frozenset[str] = frozenset()
) -> list[list[SeasonRef]]:
    """Season references of each sentence (offsets relative to the sentence), found in one pass;
    with the subject's ``names``, also the numbered titles of its sequels."""
    out: list[list[SeasonRef]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    extra = numbered_title_refs(text, names) if names else []
    for ref in (
        sorted([*season_refs(text), *extra], key=lambda r: r.start) if extra else season_refs(text)
    ):
        i = bisect_right(starts, ref.start) - 1
        if i >= 0 and ref.end <= sentences[i].end:
            out[i].append(_shifted(ref, starts[i]))
    return out


def _shifted(ref: SeasonRef, base: int) -> SeasonRef:
    """``ref`` with offsets relative to ``base`` (built directly: dataclasses.replace is 4x slower)."""
    return SeasonRef(
        ref.start - base, ref.end - base, ref.surface, ref.season, ref.part, ref.relative,
        ref.installment,
    )  # fmt: skip


# A season named to identify a studio or person by their past work, in an aside: ", the studio
# behind the second and third seasons,", ", who directed season 2,". Such a season is no
# installment the sentence announces (the words between: ordinals, "and", "both", "all"). Without
# the comma, "Lumen is behind the third season" states a claim.
_CREDIT_BEFORE = re.compile(
    r",\s+(?:[^,]{0,30}?\s)?(?:behind|known for|famous for|(?:who|which|that) (?:also )?"
    r"(?:animated|produced|directed|made|handled|adapted|helmed|worked on)|director of)\s+"
    r"(?:(?:the|its|their|both|all|earlier|previous|past|first|second|third|fourth|fifth|sixth|"
    r"two|three|four|five|and|&|,)\s*)*$",
    re.IGNORECASE,
)
CREDIT_WINDOW = 80  # characters before a season reference searched for a credit cue


def _credit_ref(text: str, ref: SeasonRef) -> bool:
    """True for a numbered season named only in a credit ("the studio behind season 2")."""
    if ref.relative or ref.season is None:
        return False
    lo = max(0, ref.start - CREDIT_WINDOW)
    return "," in text[lo : ref.start] and bool(_CREDIT_BEFORE.search(text, lo, ref.start))


# Sentences whose anchor and past-tense answers are remembered: target_season and attach ask
# about the same references of the same sentences.
ANCHOR_CACHE = 4096


def _is_anchor(text: str, ref: SeasonRef) -> bool:
    """True for a season named only as a point in time: "after season 2's finale"."""
    if ref.relative or ref.installment == "film":
        return False
    return _anchor_at(text, ref.start, ref.end)


@lru_cache(maxsize=ANCHOR_CACHE)
def _past_after(text: str, end: int) -> bool:
    """True when a past verb follows offset ``end`` ("Season 1, which premiered in 2023")."""
    return bool(_PAST_AFTER.search(text[end:]))


@lru_cache(maxsize=ANCHOR_CACHE)
def _anchor_at(text: str, start: int, end: int) -> bool:
    """``_is_anchor`` for the reference at text[start:end], remembered."""
    return bool(
        P.ANCHOR_AFTER.match(text[end : end + 40])
        or P.ANCHOR_BEFORE.search(text[max(0, start - 40) : start])
    )


def article_installments(
    sentences: list[Sentence], refs: list[list[SeasonRef]]
) -> tuple[int | None, bool]:
    """The highest part number the article names, and whether it announces a new film."""
    parts = [r.part for rs in refs for r in rs if r.part and r.installment in ("part", "final")]
    film = any(
        P.FILM_WORD.search(s.text) and P.UNNUMBERED_REF.search(s.text) and _film_is_new(s.text)
        for s in sentences
    )
    return (max(parts) if parts else None), film


def _film_is_new(text: str) -> bool:
    """True when an unnumbered installment in the sentence is announced, not looked back on."""
    if P.HISTORY_VERB.search(text) and not P.FUTURE.search(text):
        return False
    return not _NOT_NEW.search(text)


_NOT_NEW = P.caseless(
    r"\bcompilation\b|\brecap\b|\blive-action\b|\bgame\b|\bremaster\w*|\bre-?release\w*|\bstage play\b|"
    r"\bmusical\b"
)


# "the fifth instalment of the X film series": a numbered film, not a fifth TV season.
_FILM_SERIES_AFTER = P.caseless(
    r"^\s+(?:of|in)\s+(?:the\s+)?[^,.;]{0,60}?\b(?:film|movie)\s+(?:series|franchise|saga)\b"
)


def _as_films(text: str, refs: list[SeasonRef]) -> list[SeasonRef]:
    """``refs`` with each numbered installment of a film series made an unnumbered film."""
    return [
        SeasonRef(r.start, r.end, r.surface, None, None, r.relative, "film")
        if r.season is not None
        and "instal" in r.surface.lower()
        and _FILM_SERIES_AFTER.match(text[r.end : r.end + 90])
        else r
        for r in refs
    ]


def season_refs(text: str) -> list[SeasonRef]:
    """The linker's season references plus "the fourth and final season" (numbered); a numbered
    installment of a film series is a film."""
    refs = find_season_refs(text)
    if refs and "instal" in lowered(text):
        refs = _as_films(text, refs)
    if "final season" not in lowered(text):
        return refs
    for m in _AND_FINAL.finditer(text):
        refs = [r for r in refs if not (m.start() <= r.start < m.end())]
        surface = text[m.start() : m.end()]  # (the match's own groups are lower-cased)
        refs.append(SeasonRef(m.start(), m.end(), surface, season=P.ORDINALS[m.group("o").lower()]))
    return sorted(refs, key=lambda r: r.start)


# A list line: "- Studio: NAZ", "• Aired: 2015". Its list's heading tells which installment the
# facts are about; "at the time" in its label dates the fact to the past ("- Streaming at the time").
_LIST_ITEM = re.compile(r"^\s*[-•*–]\s+\S")
_AT_THE_TIME = P.caseless(r"^\s*[-•*–]\s+[^:]{1,40}\bat the time\s*:")
HEADING_WORDS = 10  # a heading is a short line without a final stop


def in_history_list(sentences: list[Sentence], i: int) -> bool:
    """True when sentence ``i`` is a list line about an earlier season: an item under a heading
    that names only the first or a past season ("The first season", "Quick facts about season 1"),
    or an item dated "at the time". Its studio, service and dates are history."""
    if not _LIST_ITEM.match(sentences[i].text):
        return False
    if _AT_THE_TIME.match(sentences[i].text):
        return True
    j = i - 1
    while j >= 0 and _LIST_ITEM.match(sentences[j].text):
        j -= 1
    if j < 0:
        return False
    heading = sentences[j].text
    return (
        len(heading.split()) <= HEADING_WORDS
        and not heading.rstrip().endswith((".", "!", "?", ";", ","))
        and P.PAST_SEASON.search(heading) is not None
        and P.FUTURE.search(heading) is None
        and P.NEW_INSTALLMENT.search(heading) is None
    )
