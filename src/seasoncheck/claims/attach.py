"""Season attachment: which installment of the article's subject a sentence's claims are about.

"The second season", "it", "the sequel", "the new season" all resolve to the article's target
installment: the highest season number the article announces, or ``None`` (a film, "Part 3",
"the final season", an unnamed project) when it names no numbered new season.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import blank_asides
from seasoncheck.claims.refcues import asks_existence, instead_of, quoted_denial, told_in_past
from seasoncheck.claims.segment import Sentence
from seasoncheck.link.normalise import lowered, normalise_title
from seasoncheck.link.seasons import SeasonRef, find_season_refs
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


# The matching key of a work name, remembered: roundup and subject checks compare the same few
# names pairwise (measured: 150 normalisations an article, 3% of extraction).
_work_key = lru_cache(maxsize=4096)(normalise_title)


def same_work(a: str, b: str) -> bool:
    """True when two title surfaces name the same work ("Frieren" and "Frieren: Beyond ...")."""
    ka, kb = _work_key(a), _work_key(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka)


def drop_crosslinks(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences minus the lines that link to other articles ("Read More: ...")."""
    skip = {s.para for s in sentences if _CROSSLINK.match(s.text)}
    return [s for s in sentences if s.para not in skip] if skip else sentences


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
    if main is None:
        main = blank_asides(text)
    if past or (P.PAST_SEASON.search(main) and not (P.FUTURE.search(text) or P.HEDGE.search(text))):
        return Attachment((), True, False)
    if _mentions_other_only(sentence, target, others):
        return Attachment((), False, False)
    return Attachment((target.season,), anchored, False)


class Nearby:
    """The other works' mentions of an article, looked up by sentence: ``attach`` needs only those
    that overlap the sentence or end just before it (a bisect instead of a scan per reference)."""

    def __init__(self, others: list[Mention]) -> None:
        self.others = others  # in text order, as the linker returns them
        self.starts = [m.start for m in others]
        self.reach = max((m.end - m.start for m in others), default=0)

    def around(self, sentence: Sentence) -> list[Mention]:
        """The mentions ``attach`` may look at for ``sentence``, in text order."""
        lo_end = sentence.start - (ADJACENT_GAP + 2)  # _touches_other looks this far back
        lo = bisect_left(self.starts, lo_end - self.reach)
        hi = bisect_left(self.starts, sentence.end)
        return [m for m in self.others[lo:hi] if m.end >= lo_end]


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


# "both projects": every installment the article announces (a season and a film).
_BOTH = P.caseless(
    r"\bboth (?:projects|installments|productions|the (?:season|series) and the (?:film|movie))\b"
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


def _owned_by_other(pos: int, others: list[Mention]) -> bool:
    """True when the season reference at ``pos`` belongs to another work (linker mentions)."""
    for m in others:  # (a loop, not any() over a generator: asked for every reference)
        if m.start <= pos < m.end and (m.kind == "season_ref" or m.season is not None):
            return True
    return False


def _touches_other(pos: int, others: list[Mention]) -> bool:
    """True when another work's title ends right before ``pos`` ("Naruto's new season")."""
    return any(m.kind == "title" and 0 <= pos - m.end <= ADJACENT_GAP + 2 for m in others)


def _mentions_other_only(sentence: Sentence, target: Target, others: list[Mention]) -> bool:
    """True when the sentence names another work and not the subject."""
    if not any(sentence.start <= m.start < sentence.end and m.kind == "title" for m in others):
        return False
    low = sentence.text.lower()
    return not any(n.lower() in low for n in target.names | {target.work})


_SEASONISH = re.compile(r"\b(?:season|part|cour|arc|movie|film)\b|\d(?:st|nd|rd|th)\b", re.I)
_QUOTES = " \"'“”‘’「」『』【】[]()"
# Characters between two title mentions that make them one title ("Frieren: Beyond Journey's End").
ADJACENT_GAP = 3


def subject_names(
    mentions: tuple[Mention, ...], work: str, franchise_id: str | None, text: str = ""
) -> tuple[frozenset[str], str]:
    """The surfaces naming the subject (same franchise, nested or adjacent titles) and the one to print."""
    titles = [m for m in mentions if m.kind == "title"]
    names = {work}
    grew = True
    while grew:
        grew = False
        for m in titles:
            if m.work in names:
                continue
            if (
                (franchise_id and m.franchise_id == franchise_id)
                or any(same_work(m.work, n) for n in names)
                or _adjacent(m, titles, names, text)
            ):
                names.add(m.work)
                grew = True
    # Print the title as the article writes it most often: the labels list the forms an article
    # uses, while a KB's display name may be a form the article never uses.
    # A title the KB files under another franchise names the subject's franchise in passing
    # ("Dragon Ball" in an article about "Dragon Ball Daima"): it attaches sentences, but is not
    # the name to print.
    counts: dict[str, int] = {}
    for m in titles:
        if franchise_id and m.franchise_id and m.franchise_id != franchise_id:
            continue
        if m.work in names and m.season is None and not _SEASONISH.search(m.surface):
            surface = m.surface.strip(_QUOTES)
            counts[surface] = counts.get(surface, 0) + 1
    if not counts:
        return frozenset(names), work
    best = max(sorted(counts), key=lambda n: (counts[n], -len(n)))
    return frozenset(names) | {best}, best


def _adjacent(m: Mention, titles: list[Mention], names: set[str], text: str = "") -> bool:
    """True when ``m`` directly touches a mention of the subject in the same sentence."""
    for o in titles:
        if o.work not in names:
            continue
        if 0 <= m.start - o.end <= ADJACENT_GAP:
            gap = text[o.end : m.start]
        elif 0 <= o.start - m.end <= ADJACENT_GAP:
            gap = text[m.end : o.start]
        else:
            continue
        if not any(c in gap for c in ".!?\n"):  # "X. Y" are two sentences, not one title
            return True
    return False
