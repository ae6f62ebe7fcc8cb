"""The linker: franchise and season mentions of an article, against the KB and open-world.

Cascade, cheapest evidence first: exact normalised KB titles (``TitleIndex``), then open-world
titles from news-writing patterns (``openworld``), linked to the KB by their normalised key or,
failing that, by rapidfuzz over the KB titles that share their first word.

Offsets convention: ``link(text, title)`` returns mentions with offsets into ``text`` only; the
article title is context. ``link_title(title, text)`` returns the title's own mentions with
offsets into ``title``. ``analyse`` returns both, the main subject and the focus in one pass.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link.clauses import (
    colon_titles,
    fallback_lead,
    installment_subtitle,
    prose_titles,
    repeated_lead,
)
from seasoncheck.link.crosslinks import skip_spans as _skip_spans
from seasoncheck.link.doc import Doc, Hit, LinkResult, Subject
from seasoncheck.link.hitcontext import (
    _names_a_person,
    _sentence_initial,
    _weak_hit_ok,
    heads_inside_names,
    named_as_work,
)
from seasoncheck.link.index import CUE, TRIGGER, KeyMatch, TitleIndex
from seasoncheck.link.normalise import (
    latin_variants,
    normalise_latin_text,
)
from seasoncheck.link.openworld import find_candidates, installment_titles
from seasoncheck.link.seasonnames import apposed_seasons
from seasoncheck.link.seasons import find_season_refs
from seasoncheck.link.subject import (
    focus_of,
    most_mentioned,
    ow_key,
    owner_of,
    subject_hit,
    subject_key,
    subject_season,
)
from seasoncheck.link.titleruns import CONNECTORS, TitleCandidate
from seasoncheck.link.worknames import (
    article_names,
    clean_title,
    embedded,
    frames,
    headline_other_name,
    is_weak,
    join_tails,
    kicker,
    long_form,
    opens_longer,
    part_surface,
    prefer_part,
    short_form,
    tie_names,
    title_key,
    weak_inside,
)
from seasoncheck.link.writtennames import (
    new_subtitles,
    ordinal_subtitles,
    tail_names,
    tail_owner,
    title_articles,
    written_form,
)
from seasoncheck.models import Mention

__all__ = ["LinkResult", "Linker", "Subject"]

_EMPTY = normalise_latin_text("")

log = logging.getLogger(__name__)
_ARC_AFTER = re.compile(r"[’']?s?\s+arc\b", re.IGNORECASE)
# A number right after a KB title that ends with the word "season": the word is the season
# phrase's ("Major 2nd season 2"), not the end of the season's KB title ("Major 2nd Season").
_NUMBER_AFTER: re.Pattern[str] = re.compile(r"[ \t]+\d")


class Linker:
    """Finds franchise and season mentions; build once per KB, call ``analyse`` many times.

    The title index of a large KB is kept in the user cache directory (``cache=False`` builds
    it afresh; ``SEASONCHECK_CACHE_DIR`` moves the cache or, set to ``off``, turns it off).

    Example::

        linker = Linker(load_kb())
        for m in linker.link("Frieren season 2 premieres in January.", title=None):
            print(m.work, m.season, m.kb_season_id)
    """

    def __init__(self, kb: KnowledgeBase, *, cache: bool = True) -> None:
        self.kb = kb
        self.index = TitleIndex(kb, cache=cache)  # cache: see link/cache.py
        self._season_ids: dict[tuple[str, int, int | None], str | None] = {}

    # -- public API -----------------------------------------------------------------------

    def link(self, text: str, title: str | None = None) -> list[Mention]:
        """Title and season mentions in ``text`` (offsets into ``text``), in text order."""
        return list(self.analyse(text, title).mentions)

    def link_title(self, title: str, text: str = "") -> list[Mention]:
        """Mentions in the article title ``title`` (offsets into ``title``)."""
        return list(self.analyse(text, title).title_mentions)

    def main_subject(self, text: str, title: str | None = None) -> Subject | None:
        """The franchise and season the article is mainly about: title first, then frequency."""
        return self.analyse(text, title).subject

    def subjects(self, text: str, title: str | None = None) -> list[Subject]:
        """The installments the article is about, main subject first (``LinkResult.focus``)."""
        return list(self.analyse(text, title).focus)

    def analyse(self, text: str, title: str | None = None) -> LinkResult:
        """Mentions of the text and of the title, the main subject and the focus, in one pass."""
        head = self._doc(title or "")
        body = self._doc(text or "")
        docs = [head, body]
        if not (head.hits or head.refs or head.cue or body.hits or body.refs or body.cue):
            return LinkResult()  # most texts that are not anime news: nothing to resolve
        if any(_anime_context(d) for d in docs):
            self._add_open_world(docs)
        headline_other_name(docs)
        for doc in docs:
            self._confirm_weak(doc, head, docs)
            hits = [h for h in doc.hits if not _inside(h.start, _skip_spans(doc))]
            doc.hits = _resolve_overlaps(hits)
            doc.owners.clear()  # owners of season references are looked up from here on
        heads_inside_names(docs)
        new_subtitles(docs, self.kb, self.index)
        ordinal_subtitles(docs)
        tail_names(docs)
        apposed_seasons(docs, self.index)
        tie_names(docs)
        article_names(docs)
        title_articles(docs)
        subject = self._subject(head, body)
        named = {h.key for d in docs for h in d.hits if len(h.surface) > 1}
        title_mentions = self._mentions(head, subject, named)
        body_mentions = self._mentions(body, subject, named)
        focus = focus_of(subject, title_mentions, body_mentions)
        return LinkResult(tuple(body_mentions), tuple(title_mentions), subject, focus)

    def _doc(self, text: str) -> Doc:
        """A string with its normalisation, season references (outside cross-link lines), KB hits."""
        if not text:
            return Doc(text, _EMPTY)
        doc = Doc(text, normalise_latin_text(text))
        matches = self.index.find(text, doc.nt)
        triggers = [_trim(text, m.start, m.end) for m in matches if m.key == TRIGGER]
        doc.cue = any(m.key == CUE for m in matches)
        refs = find_season_refs(text, triggers)
        doc.refs = [r for r in refs if not _inside(r.start, _skip_spans(doc))]
        doc.hits = self._kb_hits(doc, [m for m in matches if m.key and m.key != CUE])
        return doc

    # -- KB matching ----------------------------------------------------------------------

    def _kb_hits(self, doc: Doc, matches: list[KeyMatch]) -> list[Hit]:
        """KB title matches in a document that are capitalised like titles."""
        hits = []
        for m in matches:
            surface = doc.text[m.start : m.end]
            if surface.islower() and m.key.count(" ") < 2:
                continue  # "another season", "monster truck": titles are capitalised in news
            if _ARC_AFTER.match(doc.text, m.end):
                continue  # "the Treasure Island arc" of another show: a story arc, not a work
            if surface[-6:].lower() == "season" and _NUMBER_AFTER.match(doc.text, m.end):
                continue  # "X 2nd season 2": "season 2" is the season phrase
            entry = self.index.entry(m.key)
            franchise = self.kb.franchise(entry.franchise_id)
            name = franchise.name if franchise else surface
            season = _surface_season(surface, entry.season)
            weak = surface.isascii() and is_weak(m.key)
            hits.append(
                Hit(m.start, m.end, surface, entry.franchise_id, name, entry.franchise_id,
                     season, entry.work_id, weak, m.key)
            )  # fmt: skip
        return hits

    def _confirm_weak(self, doc: Doc, head: Doc, docs: list[Doc]) -> None:
        """Keep a weak hit only with context: a cue word near it, the headline or a strong key."""
        if not any(h.weak for h in doc.hits):
            return
        strong = {h.key for d in docs for h in d.hits if not h.weak}
        title_keys = {title_key(h.surface) for h in head.hits} if doc is not head else set()
        doc.hits = [
            h
            for h in doc.hits
            if not h.weak or h.key in strong or _weak_hit_ok(doc, doc is head, h, title_keys)
        ]

    # -- open world -----------------------------------------------------------------------

    def _add_open_world(self, docs: list[Doc]) -> None:
        """Add open-world titles from news patterns, and every occurrence of them."""
        head = docs[0]
        cands: list[tuple[Doc, TitleCandidate]] = []
        for doc in docs:
            found = find_candidates(doc.text, doc.refs, headline=doc is head)
            if doc is not head:  # titles with a verb inside, unless another rule found them
                spans = {(c.start, c.end) for c in found}
                found += [c for c in prose_titles(doc.text) if (c.start, c.end) not in spans]
            for c in found:
                if not _inside(c.start, _skip_spans(doc)):
                    cands.append((doc, c))
        cands = [(d, written_form(d, c, docs)) for d, c in cands if not kicker(d, c, docs)]
        if head.text and len(docs) > 1:
            stop = min((r.start for r in head.refs), default=len(head.text))
            cands.extend((head, c) for c in repeated_lead(head.text, docs[1].text, stop))
            cands.extend((docs[1], c) for c in colon_titles(head.text, docs[1].text))
        if not cands and not any(
            not _inside(h.start, _skip_spans(d)) for d in docs for h in d.hits
        ):
            # no work by any rule: the names written before an installment noun ("the Moonlit
            # Bakery film"), so that a film's article is not left without a subject
            cands = [(d, c) for d in docs for c in installment_titles(d.text)]
            if not cands and head.text and len(docs) > 1:
                cands = [(docs[1], c) for c in installment_subtitle(head.text, docs[1].text)]
                cands = cands or [(head, c) for c in fallback_lead(head.text, docs[1].text)]
        if not cands:
            return
        names = self._name_candidates(cands, docs)
        for doc in docs:
            for key, (work, fid, group, forms) in names.items():
                for h in _occurrences(doc, key, forms, work, fid):
                    if fid is None:
                        h.key = group
                    doc.hits.append(h)

    def _name_candidates(
        self, cands: list[tuple[Doc, TitleCandidate]], docs: list[Doc]
    ) -> dict[str, tuple[str, str | None, str, set[str]]]:
        """Open-world names by key: display form, KB franchise id, work group, surface forms."""
        keys = {ow_key(c.surface) for _, c in cands}
        starts = {id(d): {h.start for h in d.hits} for d in docs}  # where titles begin
        for d, c in cands:
            starts[id(d)].add(c.start)
        names: dict[str, tuple[str, str | None, str, set[str]]] = {}
        for doc, c in cands:
            key = prefer_part(ow_key(c.surface), keys, docs, self.index.keys)
            others = [d.text for d in docs if d is not doc]
            if not key or _names_a_person(doc.text, c, starts[id(doc)], others):
                continue
            inside = [h for h in doc.hits if h.start < c.end and c.start < h.end]
            extended = self._extended_kb_title(c, key, inside)
            if (
                any(
                    not weak_inside(h, c)
                    and not short_form(h, c, key, keys)
                    and not frames(h, c, doc.text, key, docs, inside)
                    and not embedded(h, c, doc.text)
                    and not opens_longer(h, c, doc.text, docs, self._franchise_words)
                    for h in inside
                )
                and extended is None
            ):
                continue  # a KB title inside or around the candidate: the KB evidence wins
            surface = c.surface if ow_key(c.surface) == key else part_surface(c.surface, key)
            if key in names:
                names[key][3].add(surface)
                continue
            if (owner := tail_owner(key, docs)) is not None:
                names[key] = (owner.work, owner.franchise_id, owner.key, {surface})
                continue  # "the first season of R" after "Kindaichi Case Files R"
            if not self._corroborated(doc, docs[0], c, key, docs):
                continue
            fid = self.index.franchise_of(key) or extended or long_form(key, docs)
            pairs = [(a, ow_key(a)) for a in c.aliases] if key == ow_key(c.surface) else []
            known = next((names[k] for _, k in pairs if k in names), None)
            if fid is None and known is not None:
                names[key] = (*known[:3], {surface})  # "Love is War – Ultra Romantic"
                continue
            franchise = self.kb.franchise(fid) if fid else None
            work = franchise.name if franchise else clean_title(surface)
            names[key] = (work, fid, fid or "ow:" + key, {surface})
            for alias, akey in pairs:
                if akey and akey not in names and (fid is None or not is_weak(akey)):
                    names[akey] = (work, fid, fid or "ow:" + key, {alias})
        join_tails(names, docs)
        return names

    def _franchise_words(self, fid: str | None) -> set[str]:
        """The title words of every name of the KB franchise ``fid``."""
        franchise = self.kb.franchise(fid) if fid else None
        if franchise is None:
            return set()
        return {w for t in (franchise.name, *franchise.titles) for w in title_key(t).split()}

    def _extended_kb_title(self, c: TitleCandidate, key: str, inside: list[Hit]) -> str | None:
        """The franchise of a KB title that ``c`` writes out with trailing words of that
        franchise's own name ("Hell Teacher Nube" for the KB's "Hell Teacher: ... Nube")."""
        head = next((h for h in inside if h.start == c.start and h.end < c.end), None)
        if head is None or head.franchise_id is None or len(inside) > 1:
            return None
        franchise = self.kb.franchise(head.franchise_id)
        extra = key.split()[len(title_key(head.surface).split()) :]
        if franchise is None or not extra:
            return None
        after = c.surface[head.end - c.start :].split()
        if len(after) >= 2 and after[0] in CONNECTORS and after[1][:1].isupper() and not head.weak:
            return head.franchise_id  # "Girls und Panzer das Finale": a subtitle of the work
        known = {w for t in (franchise.name, *franchise.titles) for w in title_key(t).split()}
        return head.franchise_id if all(w in known for w in extra) else None

    def _corroborated(
        self, doc: Doc, head: Doc, c: TitleCandidate, key: str, docs: list[Doc]
    ) -> bool:
        """False for a one-word candidate whose capital may be grammar or a quotation."""
        if not is_weak(key) or self.index.franchise_of(key):
            return True
        if c.rule == "quoted" and doc is head:
            return named_as_work(docs[1:], c.surface)  # "Hosoda's 'Scarlet'"; "the film, Scarlet,"
        if c.rule in ("quoted", "before_anime", "before_installment"):
            return False  # a one-word quotation is as often a word as a title
        if doc is head and c.rule != "headline_lead":
            return True
        if c.rule == "renewed_for":
            return True  # "Frieren has been renewed for a second season": the verb's subject
        initial = _sentence_initial(doc.text, c.start) and doc is not head
        if c.rule == "before_season" and not initial:
            return True  # "Meanwhile, Dandadan Season 2": capitalised mid-sentence, then a season
        count = sum(d.collapsed.count(" " + key + " ") for d in docs)
        return count >= 2 and not initial

    # -- subject, mentions ----------------------------------------------------------------

    def _subject(self, head: Doc, body: Doc) -> Subject | None:
        """The main work: the first title in the headline, else the most mentioned, early first."""
        key = head.hits[0].key if head.hits else most_mentioned(body)
        if key is None:
            return None
        hit = next(h for d in (head, body) for h in d.hits if h.key == key)
        named, season = subject_season(head, key)
        if not named:
            season = subject_season(body, key)[1]
        fid = hit.franchise_id
        return Subject(hit.work, fid, season, self._kb_season_id(fid, season, None))

    def _kb_season_id(self, fid: str | None, season: int | None, part: int | None) -> str | None:
        """The KB entry of season ``season`` (and ``part``) of franchise ``fid``, if any."""
        if fid is None or season is None:
            return None
        memo = (fid, season, part)
        if memo not in self._season_ids:
            self._season_ids[memo] = self._find_kb_season_id(fid, season, part)
        return self._season_ids[memo]

    def _find_kb_season_id(self, fid: str, season: int, part: int | None) -> str | None:
        """``_kb_season_id`` without the memo."""
        franchise = self.kb.franchise(fid)
        if franchise is None:
            return None
        if part is not None:
            for s in franchise.seasons:
                if s.number == season and (s.part or 1) == part:
                    return s.id
        kb_season = franchise.season(season)
        return kb_season.id if kb_season else None

    def _mentions(
        self, doc: Doc, subject: Subject | None, named: set[str] | frozenset[str] = frozenset()
    ) -> list[Mention]:
        """Title mentions plus season references attached to their franchise.

        A one-letter short form ("R" of "Kindaichi Case Files R", "the first season of R") of
        a work the article also names in full (its key in ``named``) owns its season references
        but is no title mention: a letter is no name to print the work under."""
        out = [
            Mention(h.start, h.end, h.surface, h.work, h.franchise_id, h.season,
                    h.kb_work_id or self._kb_season_id(h.franchise_id, h.season, None), "title")
            for h in doc.hits
            if len(h.surface) > 1 or h.key not in named
        ]  # fmt: skip
        seasoned = [h for h in doc.hits if h.season]
        for ref in doc.refs:
            owner = owner_of(doc, ref) or subject_hit(subject)
            if owner is None or any(h.start <= ref.start < h.end for h in seasoned):
                continue
            season = ref.season
            if ref.relative and subject and owner.key == subject_key(subject):
                season = subject.season
            kb_id = self._kb_season_id(owner.franchise_id, season, ref.part)
            out.append(
                Mention(ref.start, ref.end, ref.surface, owner.work, owner.franchise_id, season,
                        kb_id, "season_ref")
            )  # fmt: skip
        out.sort(key=lambda m: (m.start, m.end))
        return out


# -- helpers ----------------------------------------------------------------------------------


_OWNER_MARKS = (":", "’s", "'s")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without the spaces (or blanked punctuation) at its ends."""
    start, end = max(start, 0), min(end, len(text))  # a closed trigger's pad space at the end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _anime_context(doc: Doc) -> bool:
    """True when a document reads like anime news: a numbered or installment reference, or a cue.

    Open-world titles are only looked for in such texts ("Season 2", "the final season", "a
    new film", or an anime cue word of index.CUE_WORDS found by the title automaton): the
    patterns cost about as much as the automaton, and other texts hold no anime titles. "Next
    season" and "the new season" alone are sports and TV talk as often as anime.
    """
    for r in doc.refs:
        if not r.relative or doc.text[max(0, r.start - 3) : r.start].rstrip().endswith(
            _OWNER_MARKS
        ):
            return True  # "Season 2"; "X: the new season", "X's sequel"
    return doc.cue


@lru_cache(maxsize=4096)
def _surface_season(surface: str, season: int | None) -> int | None:
    """A season-specific KB title's season, when the text itself gives the number.

    "Attack on Titan: The Final Season" is season 4 in the KB but the article says no number;
    numbering follows the article (the claim contract), the KB entry stays in kb_season_id.
    """
    if season is None:
        return None
    return season if any(r.season == season for r in find_season_refs(surface)) else None


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True when ``pos`` falls in one of ``spans``."""
    for s, e in spans:  # noqa: SIM110 (no generator made: most documents have no spans)
        if s <= pos < e:
            return True
    return False


def _occurrences(doc: Doc, key: str, forms: set[str], work: str, fid: str | None) -> list[Hit]:
    """Every capitalised occurrence of an open-world title in a document."""
    variants = {v for f in forms for v in latin_variants(f)} | {" " + key + " "}
    hits = []
    norm = doc.nt.norm
    for pattern in variants:
        pos = norm.find(pattern)
        while pos >= 0:
            s, e = doc.nt.to_original(pos + 1), doc.nt.to_original(pos + len(pattern) - 1)
            surface = doc.text[s:e]
            if not surface.islower():
                hits.append(Hit(s, e, surface, fid or "ow:" + key, work, fid))
            pos = norm.find(pattern, pos + 1)
    return hits


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """Longest hit wins where hits overlap; KB hits win ties against open-world ones."""
    hits.sort(key=lambda h: (-(h.end - h.start), h.franchise_id is None, h.start))
    kept: list[Hit] = []  # disjoint and non-empty, in text order: starts and ends both ascend
    starts: list[int] = []
    for h in hits:
        i = bisect_left(starts, h.end)  # kept[:i] start before h ends; kept[i-1] ends last
        if i == 0 or kept[i - 1].end <= h.start:
            kept.insert(i, h)
            starts.insert(i, h.start)
    return kept
