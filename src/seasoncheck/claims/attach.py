"""Season attachment: which installment of the article's subject a sentence's claims are about.

"The second season", "it", "the sequel", "the new season" all resolve to the article's target
installment: the highest season number the article announces, or ``None`` (a film, "Part 3",
"the final season", an unnamed project) when it names no numbered new season.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import blank_asides
from seasoncheck.claims.installments import (
    _NOT_NEW,
    _PAST_AFTER,
    _credit_ref,
    _film_is_new,
    _is_anchor,
    _past_after,
    numbered_title_refs,
    season_refs,
)
from seasoncheck.claims.ownership import _owned_by_other, _touches_other
from seasoncheck.claims.refcues import (
    asks_existence,
    instead_of,
    negated_ref,
    quoted_denial,
    told_in_past,
)
from seasoncheck.claims.segment import Sentence
from seasoncheck.link.seasons import SeasonRef
from seasoncheck.models import Mention

# Season numbers above this are not read as the article's target (years, episode counts).
MAX_TARGET_SEASON = 30
# (P.caseless: run on the lowered text with a literal prefilter, 3-5x faster than re.I here)
_HEDGED_REF = P.caseless(
    r"\bif\b|\bwhether\b|\bnot confirmed\b|\bno word\b|\binstead of\b|\brather than\b|"
    r"\bnothing (?:has been|had been|was|is) (?:said|announced|revealed|confirmed)\b"
)
_CROSSLINK = re.compile(
    r"^\W*(?:read more|also read|read also|related|see related|recommended|see also|more news|read next|"
    r"you (?:might|may) also like|must read|don[’']t miss|trending now)\b|"
    # a site's own links: "Also on Example Desk: ...", "More from Example Corner: ..."
    r"^\W*(?:also on|more from) [^:\n]{1,40}:|"
    # a page's tag line ("Tags: x season 2, x release date"): keywords, not sentences
    r"^\W*(?:tags?|tagged(?: with| in)?|keywords|filed under|categories)\s*:|"
    # a breadcrumb trail ("Home > Anime > <headline>"): navigation, the headline again
    # (the look-ahead, true of every trail, fails a line with no ">" in reach at once instead
    # of backtracking over 40 characters: 40% of this pattern's instructions)
    r"^(?=[^>\n]{0,41}+[>\n])[^>\n]{1,40}\s>\s+[^>\n]{1,40}\s>\s|"
    # a reader's comment under its handle ("ember_fan99: they said that last year too")
    r"^(?-i:(?!(?:update|note|source|edit|correction|date|via|by|credit|spoiler|warning|disclaimer|"
    r"disclosure|summary|verdict|claim|rating)\b)[a-z][a-z0-9_.]{3,30})\s*:\s",
    re.I,
)
_IF_BEFORE = P.caseless(r"\b(?:if|whether)\b[^,.;]{0,30}$")


# A season as the object of a past verb: "fans got season 2 on Netflix", "after they watched
# the second season".
_PAST_BEFORE = P.caseless(
    r"\b(?:got|watched|saw|binged|enjoyed|finished|loved|streamed|aired|received)\s+(?:the\s+|their\s+)?$"
)


@dataclass(frozen=True)
class Target:
    """The subject's work name and the installment a sentence attaches to by default."""

    work: str
    season: int | None
    franchise_id: str | None = None
    names: frozenset[str] = frozenset()  # every surface the article uses for the subject
    part: int | None = None  # the highest "part N" the article names: lower parts have aired
    film: bool = False  # the article announces a film: "the film" then means that film
    published_year: int | None = (
        None  # dates this old are history ("season 2 would arrive in 2022")
    )


@dataclass(frozen=True)
class Attachment:
    """The installments a sentence's claims are about, and whether it speaks of the past only."""

    keys: tuple[int | None, ...]
    past: bool  # mentions only earlier seasons or anchors ("after season 2's finale")
    explicit: bool  # the installment is named in the sentence
    spots: tuple[tuple[int, int | None], ...] = ()  # (offset, key) where each key is named


def drop_crosslinks(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences minus the lines that link to other articles ("Read More: ...")."""
    skip = {s.para for s in sentences if _CROSSLINK.match(s.text)}
    return [s for s in sentences if s.para not in skip] if skip else sentences


def target_season(
    sentences: list[Sentence],
    refs: list[list[SeasonRef]],
    title: str | None,
    others: list[Mention],
    names: frozenset[str] = frozenset(),
    published: tuple[int, int] | None = None,
) -> int | None:
    """The highest new season number the article names for its subject (None: film/part/project).

    Numbers from hedged sentences count only when nothing firmer names a season; numbers that only
    leakers give yield to an unnamed project the article states firmly ("a new anime project").
    With ``published``, a sentence dated only in years well before it and with no future cue is
    history ("The third season was delayed to July 2020")."""
    best: int | None = None
    guessed: int | None = None  # from hedged sentences
    leaked: int | None = None  # from sentences that cite a leak or rumour
    chunks = [(s.text, s.start, r) for s, r in zip(sentences, refs, strict=True) if r]
    if title:
        chunks.append((title, -1, [*season_refs(title), *numbered_title_refs(title, names)]))
    for chunk, base, chunk_refs in chunks:
        numbered = [
            (r, r.season)
            for r in chunk_refs
            if r.season is not None and 2 <= r.season <= MAX_TARGET_SEASON
        ]
        if not numbered:
            continue  # the chunk's cues below matter only for a numbered new season
        if base < 0 and names and len({n for _, n in numbered}) > 1:
            numbered = _named_in_headline(chunk, numbered, names)
        if published is not None and _dated_before(chunk, published[0]):
            continue
        if asks_existence(chunk):
            continue  # "Is there a season 3?": the guide's question, not its subject
        hedged = bool(_HEDGED_REF.search(chunk)) and "?" not in chunk[-2:]
        guess = bool(P.HEDGE.search(chunk))
        leak = bool(P.LEAK.search(chunk))
        for ref, n in numbered:
            if hedged or _is_anchor(chunk, ref) or _past_after(chunk, ref.end):
                continue
            if quoted_denial(chunk, ref.start):
                continue  # 'No "season 2": a new series': the words are named, not used
            if negated_ref(chunk, ref.start):
                continue  # "There will not be a second season": no installment to be about
            if _PAST_BEFORE.search(chunk, max(0, ref.start - 30), ref.start):
                continue  # "fans got season 2 on Netflix": a season already out
            if published is not None and _old_year_after(chunk, ref.end, published[0]):
                continue  # "they insisted season 2 would arrive in 2022": an old prediction
            if _credit_ref(chunk, ref):
                continue
            if base >= 0 and _owned_by_other(base + ref.start, others):
                continue
            if guess:
                guessed = max(guessed or 0, n)
            elif leak:
                leaked = max(leaked or 0, n)
            else:
                best = max(best or 0, n)
    if best is not None:
        return best
    if guessed is not None:
        return max(guessed, leaked or 0)
    return None if leaked is not None and _firm_unnumbered(sentences) else leaked


def _named_in_headline(
    title: str, numbered: list[tuple[SeasonRef, int]], names: frozenset[str]
) -> list[tuple[SeasonRef, int]]:
    """Of a headline's season numbers ("X season 2 and Y season 4"), those that follow a name of
    the subject since the previous number: the others are another work's. All of them when the
    headline names the subject nowhere before a number."""
    low = title.lower()
    keys = [n.lower() for n in names if len(n) > 2]
    kept, last = [], 0
    for ref, n in sorted(numbered, key=lambda t: t[0].start):
        if any(k in low[last : ref.start] for k in keys):
            kept.append((ref, n))
        last = ref.end
    return kept or numbered


# "\b(?:19|20)\d\d\b", the opening \b written as a look-behind after "19"/"20" (no word character
# before them): a pattern that opens with a literal lets the engine skip to the digits.
_YEAR = re.compile(r"(?:19|20)(?<!\w\d\d)\d\d\b")
# A sentence whose latest year is this many years before publication tells history ("delayed to
# July 2020" in 2026); last year's date may still be news ("announced in December" in January).
HISTORY_YEARS = 2


def _dated_before(chunk: str, year: int) -> bool:
    """True when every year ``chunk`` names is ``HISTORY_YEARS`` or more before ``year`` and
    nothing in it looks ahead."""
    years = [int(y) for y in _YEAR.findall(chunk)]
    return bool(years) and max(years) <= year - HISTORY_YEARS and not P.FUTURE.search(chunk)


OWN_DATE_WINDOW = 40  # characters after a season reference searched for its own year


def _old_year_after(chunk: str, end: int, year: int) -> bool:
    """True when the first year after the reference at ``end`` (its own date: "season 2 would
    arrive in 2022") lies ``HISTORY_YEARS`` or more before ``year``, with no "will" between."""
    m = _YEAR.search(chunk, end, end + OWN_DATE_WINDOW)
    return (
        m is not None
        and int(m.group()) <= year - HISTORY_YEARS
        and "will" not in chunk[end : m.start()].lower()
    )


def _firm_unnumbered(sentences: list[Sentence]) -> bool:
    """True when a sentence without hedge or leak announces an unnumbered installment."""
    return any(
        P.UNNUMBERED_REF.search(s.text)
        and not P.LEAK.search(s.text)
        and not P.HEDGE.search(s.text)
        and _film_is_new(s.text)
        for s in sentences
    )


def attach(
    sentence: Sentence, refs: list[SeasonRef], target: Target, others: list[Mention]
) -> Attachment:
    """The installments of ``target.work`` that ``sentence`` (with its season ``refs``) talks about."""
    text = sentence.text
    main = blank_asides(text) if refs else None  # also needed below when nothing is attached
    keys: list[int | None] = []
    spots: list[tuple[int, int | None]] = []
    past = anchored = False
    for ref in refs:
        if main is not None and main[ref.start] == " " and text[ref.start] != " ":
            continue  # named inside an aside
        if (" if " in text or "whether" in text) and _IF_BEFORE.search(text[: ref.start]):
            continue
        if _owned_by_other(sentence.start + ref.start, others) and not (
            ref.relative and not _touches_other(sentence.start + ref.start, others)
        ):
            continue
        if _is_anchor(text, ref) and _anchor_outside_title(text, ref, target):
            anchored = True
            continue
        if _credit_ref(text, ref):
            continue  # "X, the studio behind the third season, ...": names X, not the claim
        if quoted_denial(text, ref.start) or instead_of(text, ref):
            continue
        if ref.installment == "film" and ref.season is None and _NOT_NEW.search(text):
            continue  # "the only new project is a 4K remaster": a product, not an installment
        key = _ref_key(text, ref, target)
        if key == "past":
            # "with the first season's team returning": the past season names a team, not the claim
            past = past or text[ref.end : ref.end + 2] not in ("'s", "’s")
            continue
        spots.append((ref.start, key))  # type: ignore[arg-type]
        if key not in keys:
            keys.append(key)  # type: ignore[arg-type]
    film = P.UNNUMBERED_REF.search(text) or (target.film and P.FILM_WORD.search(text))
    if film and _film_is_new(text):
        spots.append((film.start(), None))
        if None not in keys:
            keys.append(None)
    if target.film and _BOTH.search(text):
        keys = list(dict.fromkeys([*keys, target.season, None]))
    if keys:
        return Attachment(tuple(keys), False, True, tuple(spots))
    if anchored and not past and _NEWS_AT_ANCHOR.search(text):
        # "The news came right after the first season's final episode, with a visual posted ...":
        # only the point in time is past, the announcement is the news
        return Attachment((target.season,), False, False)
    if main is None:
        main = blank_asides(text)
    if past or (P.PAST_SEASON.search(main) and not (P.FUTURE.search(text) or P.HEDGE.search(text))):
        return Attachment((), True, False)
    if _mentions_other_only(sentence, target, others):
        return Attachment((), False, False)
    return Attachment((target.season,), anchored, False)


# (the anchor itself a finale: "after the final episode of the first season", "following the finale")
_NEWS_AT_ANCHOR = P.caseless(
    r"\b(?:(?:announcement|news|reveal) came|(?:was|were) (?:announced|revealed|unveiled|confirmed))\s+"
    r"(?:\w+\s+)?(?:after|following|at the end of)\s+(?:the\s+)?(?:\w+\s+)?(?:final episode|finale|last episode)\b"
)


def _ref_key(text: str, ref: SeasonRef, target: Target) -> int | None | str:
    """The installment key of one reference, or 'past' for a season that already aired."""
    if ref.relative:
        return target.season
    if ref.installment == "final" and target.season is not None:
        return target.season
    if ref.installment == "part" and ref.part and target.part and ref.part < target.part:
        return "past"  # "the third part" in an article about the fourth
    if ref.installment == "part" and _PAST_AFTER.search(text[ref.end :]):
        return "past"  # "the second part followed in August 2024"
    if ref.installment in ("part", "final", "film"):
        return None
    n = ref.season
    if n is None:
        return target.season
    if n == 1 or (
        target.season is not None
        and n < target.season
        and (
            _past_after(text, ref.end)
            or told_in_past(text, ref.start)
            or _PAST_BEFORE.search(text, max(0, ref.start - 30), ref.start)
            or (
                target.published_year is not None
                and _old_year_after(text, ref.end, target.published_year)
            )
        )
    ):
        return "past"
    return n


def _anchor_outside_title(text: str, ref: SeasonRef, target: Target) -> bool:
    """False when the anchor word lies inside the subject's title right before the reference:
    the "After" of "The Beginning After the End season 2" is no point in time."""
    before = text[: ref.start].rstrip(" :'’s")
    name = next((n for n in target.names if " " in n and before.endswith(n)), None)
    if name is None or P.ANCHOR_AFTER.match(text[ref.end : ref.end + 40]):
        return True
    start = len(before) - len(name)
    return bool(P.ANCHOR_BEFORE.search(text[max(0, start - 40) : start]))


# "both projects": every installment the article announces (a season and a film).
_BOTH = P.caseless(
    r"\bboth (?:projects|installments|productions|the (?:season|series) and the (?:film|movie))\b"
)


# A comparison with another work at the end of a clause: ", as it did for Y", ", just as they did
# with Y" (the sentence is about the subject, which it leaves unnamed).
_AS_IT_DID = P.caseless(
    r",\s*(?:just\s+)?as (?:it|they|he|she|the studio) (?:did|had|has|have)(?: done)? (?:for|with|on)\b"
)


def _mentions_other_only(sentence: Sentence, target: Target, others: list[Mention]) -> bool:
    """True when the sentence names another work and not the subject."""
    if not any(sentence.start <= m.start < sentence.end and m.kind == "title" for m in others):
        return False
    text = sentence.text
    cmp = _AS_IT_DID.search(text) if "as " in text else None
    if cmp is not None and not any(
        sentence.start <= m.start < sentence.start + cmp.start() and m.kind == "title"
        for m in others
    ):
        return False  # "X is animating, as it did for <other film>": the other work is compared
    low = text.lower()
    return not any(n.lower() in low for n in target.names | {target.work})
