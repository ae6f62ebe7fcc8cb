"""Claims: find each checkable claim of an article with its status and attribution.

``extract_claims(article, kb)`` runs, for one article: language check, sentence segmentation,
the linker (subject and other works), one cheap regex pass to pick candidate sentences, the
per-type finders on those only, then the merge rules and the headline flag. A roundup (headings
or paragraph leads naming several works) runs the finders and merge once per section, each
section about the work its heading or lead names (``claims.subject.roundup_sections``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from seasoncheck.claims import foreign
from seasoncheck.claims import patterns as P
from seasoncheck.claims.attach import (
    Attachment,
    Nearby,
    Target,
    article_installments,
    attach,
    drop_crosslinks,
    refs_by_sentence,
    subject_names,
    target_season,
)
from seasoncheck.claims.cues import NONE, Source, sentence_source
from seasoncheck.claims.dates import parse_published
from seasoncheck.claims.finders import (
    FINDERS,
    FINDERS_BY_CUE,
    Finding,
    Sent,
    find_renewal,
    find_streaming,
    name_regex,
)
from seasoncheck.claims.flags import headline_flags
from seasoncheck.claims.langs import article_language, skipped_language
from seasoncheck.claims.merge import (
    DENIAL_MARK,
    ArticleSources,
    Merged,
    Raw,
    add_implied_renewals,
    article_sources,
    merge,
)
from seasoncheck.claims.segment import Sentence, split_sentences
from seasoncheck.claims.subject import fallback_subject, roundup_sections
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker, Subject
from seasoncheck.link.normalise import lowered
from seasoncheck.link.seasons import SeasonRef
from seasoncheck.models import Article, Claim, Extraction, Mention

log = logging.getLogger(__name__)

__all__ = ["extract_claims"]

# The page store's " date YYYY-MM-DD " prefix: a publication date when the record has none.
_DATE_PREFIX = re.compile(r"^\s*date\s+((?:19|20)\d\d(?:-\d\d){0,2})\s")
# A work mentioned this many times more often than the headline's first title is the subject.
SUBJECT_SWITCH_RATIO = 2
MIN_STUDIO_NAME = (
    3  # characters: shorter KB studio names ("AIC" passes, "3Z" does not) are too ambiguous
)
SERVICE_MEMORY = (
    3  # "the streaming giant" refers to a service named at most this many mentions back
)
# The signature of an embedded tweet: "— Show Official (@show_anime) August 11, 2024". Its date is
# the tweet's, not a premiere; an official account's name makes the tweet's text official.
_TWEET_SIG = re.compile(
    r"(?:^|\s)[—–-]\s*(?P<name>[^\n—–]{1,80}?)\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)
_OFFICIAL_ACCOUNT = re.compile(r"official|公式|staff|anime", re.IGNORECASE)
_STUDIO_RX = name_regex(P.STUDIOS)
_SERVICE_RX = name_regex(P.SERVICES)


_LINKERS: dict[int, tuple[KnowledgeBase, Linker]] = {}


def _linker(kb: KnowledgeBase) -> Linker:
    """One Linker per KB (building its automata is the expensive part)."""
    cached = _LINKERS.get(id(kb))
    if cached is None or cached[0] is not kb:
        _LINKERS.clear()  # one KB at a time in practice; never keep a dead KB alive
        cached = _LINKERS[id(kb)] = (kb, Linker(kb))
    return cached[1]


def extract_claims(article: Article, kb: KnowledgeBase) -> Extraction:
    """Claims and flags of one article. Example: ``extract_claims(article, load_kb()).claims``."""
    doc_id = article.doc_id or article.id
    lang = article_language(article)
    if lang != "en" and lang not in foreign.SUPPORTED:
        return skipped_language(lang, doc_id)
    text = article.text
    prefix = _DATE_PREFIX.match(text)
    published = parse_published(article.published) or parse_published(
        prefix.group(1) if prefix else None
    )
    linked = _linker(kb).analyse(text, article.title)
    mentions = tuple(linked.mentions)
    subject = _most_mentioned(linked.subject, mentions)
    subject = _not_in_passing(subject, mentions, text, article.title)
    if subject is not None:
        names, work = subject_names(mentions, subject.work, subject.franchise_id, text)
        franchise_id = subject.franchise_id
    else:
        fallback = fallback_subject(text, article.title)
        if fallback is None:
            return Extraction(doc_id, mentions=mentions)
        names, work, franchise_id = frozenset({fallback}), fallback, None
    sentences = drop_crosslinks(split_sentences(text))
    P.prepare(s.text for s in sentences)
    if lang != "en":
        return _foreign_extraction(
            article, doc_id, lang, sentences, Target(work, None, franchise_id, names), published, kb
        )
    headlined = any(m.kind == "title" and m.work in names for m in linked.title_mentions)
    sections = _sections(text, sentences, mentions, (work, franchise_id, names), headlined)
    doc = _shared(article, doc_id, sentences, mentions, published, kb, names)
    merged_all: list[Merged] = []
    claims: list[Claim] = []
    for lo, hi, about in sections:
        # a roundup's introduction speaks of the list: only sentences naming the subject count
        # (when the headline names the subject, the list is an appendix to its story)
        intro = len(sections) > 1 and lo == 0 and about[2] is names and not headlined
        merged, target = _section_claims(doc, lo, hi, about, about[2] is names, intro)
        merged_all.extend(merged)
        claims.extend(_to_claim(m, doc_id, target, sentences, kb) for m in merged)
    if len(sections) > 1:  # the subject's parts of a roundup may repeat a claim
        claims = _first_of_each(claims)
    flags = headline_flags(article, doc_id, merged_all, sentences)
    return Extraction(doc_id, claims=tuple(claims), flags=flags, mentions=mentions)


@dataclass(frozen=True)
class _Doc:
    """What every section of one English article shares (refs and sources found once)."""

    article: Article
    doc_id: str
    text: str
    sentences: list[Sentence]
    mentions: tuple[Mention, ...]
    published: tuple[int, int] | None
    kb: KnowledgeBase
    refs: list[list[SeasonRef]]
    installments: tuple[int | None, bool]  # the highest part named, a new film announced
    sources: ArticleSources


def _shared(
    article: Article,
    doc_id: str,
    sentences: list[Sentence],
    mentions: tuple[Mention, ...],
    published: tuple[int, int] | None,
    kb: KnowledgeBase,
    names: frozenset[str] = frozenset(),
) -> _Doc:
    """The article's season references, installments and sources, found once for all sections
    (``names``: the subject's surfaces, for its numbered sequel titles)."""
    refs = refs_by_sentence(article.text, sentences, names)
    return _Doc(
        article, doc_id, article.text, sentences, mentions, published, kb, refs,
        article_installments(sentences, refs), article_sources(sentences),
    )  # fmt: skip


def _section_claims(
    doc: _Doc, lo: int, hi: int, about: _Subject, is_subject: bool, intro: bool
) -> tuple[list[Merged], Target]:
    """The merged findings of sentences [lo, hi) about one work, and that work's target."""
    shown, fid, surfaces = about
    sentences, refs = doc.sentences, doc.refs
    others = _others(doc.mentions, surfaces, doc.text)
    if is_subject:  # the subject: its season from the whole article, as ever
        season = target_season(sentences, refs, doc.article.title, others, surfaces, doc.published)
    else:
        others = _unowned_in_section(others, sentences[lo].start, sentences[hi - 1].end)
        season = target_season(sentences[lo:hi], refs[lo:hi], None, others, published=doc.published)
    target = Target(
        shown, season, fid, surfaces, *doc.installments, doc.published[0] if doc.published else None
    )
    only: range | list[int] = range(lo, hi)
    if intro:
        only = [i for i in only if _names_any(sentences[i], doc.mentions, surfaces)]
    title = (doc.article.title or "").strip()
    raws = _findings(doc.text, sentences, refs, target, others, doc.published, title, doc.kb, only)
    return merge(raws, sentences, doc.sources), target


def _first_of_each(claims: list[Claim]) -> list[Claim]:
    """The claims without repeats of the same work, season, type and value (first kept)."""
    seen: set[tuple[str, int | None, str, str | None]] = set()
    out = []
    for c in claims:
        key = (c.work, c.season, c.type, c.value)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


_Subject = tuple[str, str | None, frozenset[str]]  # display work, franchise id, surfaces


def _sections(
    text: str,
    sentences: list[Sentence],
    mentions: tuple[Mention, ...],
    subject: _Subject,
    headlined: bool,
) -> list[tuple[int, int, _Subject]]:
    """Sentence ranges with the work they are about: the whole article about its subject, or,
    in a roundup, each section about its heading's or lead's work (a section under a heading
    naming no work, "Honorable mentions", is about none) and the rest about the subject. The
    subject counts as a listed work unless the headline names it."""
    listed = subject[2] if headlined else frozenset()
    sections = roundup_sections(text, sentences, mentions, listed)
    if not sections:
        return [(0, len(sentences), subject)]
    ends = [s.first for s in sections[1:]] + [len(sentences)]
    out = [(0, sections[0].first, subject)] if sections[0].first else []
    for sec, end in zip(sections, ends, strict=True):
        if sec.last is not None and sec.last < end:  # after a lead paragraph: the subject again
            out.append((sec.last, end, subject))
            end = sec.last
        if sec.heading is None:
            continue
        lo, hi = sentences[sec.first].start, sentences[end - 1].end
        own = tuple(m for m in mentions if lo <= m.start < hi)
        h = sec.heading
        names = subject_names(own, h.work, h.franchise_id, text)[0]
        shown = h.surface.strip(_QUOTES)
        out.append((sec.first, end, (shown, h.franchise_id, names | {shown})))
    return out


_QUOTES = " \"'“”‘’「」『』【】[]()"


def _names_any(s: Sentence, mentions: tuple[Mention, ...], names: frozenset[str]) -> bool:
    """True when a title mention of one of ``names`` lies in the sentence."""
    return any(
        m.kind == "title" and m.work in names and s.start <= m.start < s.end for m in mentions
    )


def _unowned_in_section(others: list[Mention], lo: int, hi: int) -> list[Mention]:
    """``others`` without the season phrases in [lo, hi) of works no title in [lo, hi) names: a
    bare "the second season" under a roundup heading is the heading work's, not the season of
    the last title named above the heading."""
    named = {m.work for m in others if m.kind == "title" and lo <= m.start < hi}
    return [
        m
        for m in others
        if not (m.kind == "season_ref" and lo <= m.start < hi and m.work not in named)
    ]


def _others(mentions: tuple[Mention, ...], names: frozenset[str], text: str) -> list[Mention]:
    """Mentions of works other than the one named by ``names`` that surely name a work."""
    seasoned = {m.work for m in mentions if m.kind == "season_ref"}  # "Ember Knight season 3"
    return [
        m
        for m in mentions
        if m.work not in names
        and (_is_a_work(m) or m.work in seasoned)
        and not (m.kind == "title" and m.season is None and _in_passing(text, m))
    ]


def _most_mentioned(subject: Subject | None, mentions: tuple[Mention, ...]) -> Subject | None:
    """The linker's subject, unless another work has at least twice its title and season mentions
    in the text (a clickbait headline that opens with another title)."""
    counts: dict[str, int] = {}
    fids: dict[str, str | None] = {}
    for m in mentions:
        counts[m.work] = counts.get(m.work, 0) + 1
        fids.setdefault(m.work, m.franchise_id)
    if not counts:
        return subject
    top = max(sorted(counts), key=lambda w: counts[w])
    if subject is not None and counts.get(subject.work, 0) * SUBJECT_SWITCH_RATIO >= counts[top]:
        return subject
    return Subject(top, fids[top])


# A title named only to identify someone else's past work: "the studio behind X", "known for X".
_PASSING = P.caseless(
    r"\b(?:behind|known for|famous for|best known for|creators? of|makers? of|studio of|producers? of|"
    r"director of|(?:also )?(?:made|animated|produced|directed)|like|such as|similar to|fans of)\s+"
    r"(?:the\s+)?(?:hit\s+|popular\s+|acclaimed\s+)?(?:anime\s+|series\s+)?[\"'“‘]?$"
)
PASSING_WINDOW = 40  # characters before a mention searched for a passing cue


def _not_in_passing(
    subject: Subject | None, mentions: tuple[Mention, ...], text: str, title: str | None
) -> Subject | None:
    """Another work when every body mention of ``subject`` is a passing credit ("the studio
    behind X") and the headline does not name it; the subject otherwise."""
    if subject is None or (title and subject.work.lower() in title.lower()):
        return subject
    own = [m for m in mentions if m.work == subject.work]
    if not own or not all(_in_passing(text, m) for m in own):
        return subject
    rest = tuple(m for m in mentions if m.work != subject.work and not _in_passing(text, m))
    titled = [m for m in rest if m.kind == "title"]
    return _most_mentioned(None, tuple(titled)) if titled else subject


def _in_passing(text: str, m: Mention) -> bool:
    """True when the mention follows a passing cue ("the studio behind")."""
    return _passing_at(text, m.start)


@lru_cache(maxsize=1024)  # the subject test and every section's _others ask about each mention
def _passing_at(text: str, start: int) -> bool:
    """``_in_passing`` for a mention starting at ``start``, remembered."""
    return bool(_PASSING.search(text, max(0, start - PASSING_WINDOW), start))


_STUDIO_REGEXES: dict[int, tuple[KnowledgeBase, re.Pattern[str] | None]] = {}


def _studio_regex(kb: KnowledgeBase) -> re.Pattern[str] | None:
    """The studio-name regex: the field's usual studios plus every studio the KB knows (cached per KB)."""
    cached = _STUDIO_REGEXES.get(id(kb))
    if cached is None or cached[0] is not kb:
        names = {s for f in kb.franchises.values() for s in f.studios}
        names |= {s for f in kb.franchises.values() for season in f.seasons for s in season.studios}
        _STUDIO_REGEXES.clear()
        cached = _STUDIO_REGEXES[id(kb)] = (
            kb,
            name_regex([*P.STUDIOS, *(n for n in names if len(n) >= MIN_STUDIO_NAME)]),
        )
    return cached[1]


def _is_a_work(m: Mention) -> bool:
    """True for mentions that surely name another work: KB-linked, or owning a season number."""
    return m.franchise_id is not None or m.season is not None or m.kind == "season_ref"


# The ids of each finder's cue words (patterns.FINDER_WORDS) in the prefilter's automaton: the
# pass that tells the patterns which literals a sentence holds tells the finders too.
_CUE_IDS = {kind: P.register_literals(words) for kind, words in P.FINDER_WORDS.items()}
_DIGIT = re.compile(r"\d")
_Finder = Callable[[Sent], list[Finding]]


def _candidates(
    text: str, sentences: list[Sentence], only: range | list[int] | None = None
) -> list[tuple[int, tuple[_Finder, ...]]]:
    """Sentences of ``only`` (default: all) with a cue word, each with the finders it calls for.

    One regex search per sentence picks the candidates; the literal automaton of the patterns
    tells which finders each needs (a finder whose words a sentence lacks cannot fire)."""
    only = range(len(sentences)) if only is None else only
    low = lowered(text)  # same length as text for the scripts we extract from
    if len(low) != len(text):
        return [(i, FINDERS) for i in only]
    has_cue = _HAS_CANDIDATE
    out = []
    for i in only:
        s = sentences[i]
        present = P.literals_in(s.text)  # (known: the sentences were prepared)
        if not has_cue(low, s.start, s.end, present):
            continue
        if present is None:
            kinds = frozenset(_CUE_IDS)
        else:  # the cue groups of the cue words present
            kinds = frozenset().union(*[_CUE_KIND[w] for w in _ALL_CUE_IDS & present])
        if "release" not in kinds and _DIGIT.search(low, s.start, s.end):
            kinds |= _RELEASE
        out.append((i, _finders_for(kinds)))
    return out


def _grouped(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` (``\\b(?:word|word|...)``) with its plain words grouped by first letter: the same
    yes/no answer at the same places, for a fraction of the work (the engine tries every
    alternative at every word start; grouped, only those that share the letter there). Only
    for a pattern used as a yes/no test: which word matches, and so the match's end, may differ.
    """
    src = rx.pattern
    inner = src[5:-1] if src.startswith("\\b(?:") and src.endswith(")") else ""
    try:
        re.compile(inner)  # a pattern whose group closes before its end is not one group
    except re.error:
        return rx
    alts = P.split_alternatives(inner)
    if not inner or len(alts) < 2:
        return rx
    plain = [a for a in alts if _PLAIN_WORDS.fullmatch(a)]
    groups: dict[str, list[str]] = {}
    for a in plain:
        groups.setdefault(a[0], []).append(a[1:])
    parts = [f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()]
    return re.compile(
        "\\b(?:" + "|".join([*parts, *(a for a in alts if a not in plain)]) + ")", rx.flags
    )


_PLAIN_WORDS = re.compile(r"[a-z][a-z ]*")
_CANDIDATE_SEARCH = _grouped(P.CANDIDATE).search
# (the same yes/no from the cue words each sentence holds: 2x fewer instructions)
_HAS_CANDIDATE = P.WordTest(P.CANDIDATE, _grouped(P.CANDIDATE))


# Each cue word's group, and the finders of each set of groups (few sets occur: remembered).
_CUE_KIND = {
    w: frozenset(kind for kind, ids in _CUE_IDS.items() if w in ids)
    for w in frozenset().union(*_CUE_IDS.values())
}
_ALL_CUE_IDS = frozenset(_CUE_KIND)
_RELEASE = frozenset({"release"})
_FINDER_SETS: dict[frozenset[str], tuple[_Finder, ...]] = {}


def _finders_for(kinds: frozenset[str]) -> tuple[_Finder, ...]:
    """The renewal finder and the finders of the cue groups ``kinds``, in FINDERS_BY_CUE order."""
    finders = _FINDER_SETS.get(kinds)
    if finders is None:
        finders = (find_renewal, *(f for cue, f in FINDERS_BY_CUE.items() if cue in kinds))
        _FINDER_SETS[kinds] = finders
    return finders


def _findings(
    text: str,
    sentences: list[Sentence],
    refs: list[list[SeasonRef]],
    target: Target,
    others: list[Mention],
    published: tuple[int, int] | None,
    title: str,
    kb: KnowledgeBase,
    only: range | list[int],
) -> list[Raw]:
    """Every finding of every candidate sentence of ``only``, attached to installment keys."""
    raws: list[Raw] = []
    services: list[str] = []
    nearby = Nearby(others)
    for i, finders in _candidates(text, sentences, only):
        s = sentences[i]
        att = attach(s, refs[i], target, nearby.around(s))
        before = tuple(services[-SERVICE_MEMORY:])
        if _SERVICE_RX is not None and find_streaming in finders:  # no service word, no name
            services.extend(m.group() for m in _SERVICE_RX.finditer(s.text))
        if not att.keys:
            continue
        sig = _TWEET_SIG.search(s.text) if "(@" in s.text else None
        body = s.text[: sig.start()] if sig else s.text
        # the source and the headline test cost more than most finders: they wait for a finding
        # (13 of an article's 32 candidate sentences yield one)
        source: Source | None = None
        headline = False
        for piece, keys in _pieces(body, att):
            sent = Sent(
                piece,
                att.past,
                s.text.rstrip().endswith("?"),
                published,
                before,
                _studio_regex(kb),
                _SERVICE_RX,
                att.explicit,
            )
            found = [f for finder in finders for f in finder(sent)]
            if not found and not (att.explicit and P.DENIAL.search(piece)):
                continue
            if source is None:
                source = _tweet_source(sentence_source(s.text), sig, sentences, i)
                headline = bool(title) and _without_prefix(s.text) in title
            if att.explicit and P.DENIAL.search(piece) and source.status == "denied":
                found.append(Finding(DENIAL_MARK, None))
            raws.extend(
                Raw(i, f, key, source, att.explicit, headline)
                for f in found
                for key in keys
                if not _earlier_season_history(f, key, target, piece)
            )
    return raws


def _without_prefix(text: str) -> str:
    """A sentence without the page store's " date YYYY-MM-DD " prefix (the headline follows it),
    and without a breadcrumb trail ("Home » Anime » <headline>": the page's headline again)."""
    m = _DATE_PREFIX.match(text) if text.startswith(("date", " date")) else None
    text = text[m.end() :] if m else text
    if "»" in text or "›" in text:
        crumbs = _BREADCRUMB.match(text)
        return text[crumbs.end() :] if crumbs else text
    return text


_BREADCRUMB = re.compile(r"^(?:[^»›\n]{1,40}?\s*[»›]\s*)+")


def _earlier_season_history(f: Finding, key: int | None, target: Target, piece: str) -> bool:
    """True for a dated release or delay, or a service, of a season below the subject's, told
    without a future cue: "Season 2 released in July 2024" in an article about Season 3 is history."""
    if f.type not in ("release", "delay", "streaming") or key is None or target.season is None:
        return False  # ("You can watch seasons 1 and 2 on X": where the earlier ones are)
    if not key < target.season:
        return False  # (tested first: the rewrite below costs a case-insensitive regex pass)
    told = re.sub(rf"(?:{P.REPLACED_SCHEDULE.pattern})[^,;.]{{0,25}}", " ", piece, flags=re.I)
    return not P.FUTURE.search(told)  # "was set to premiere" is no future


def _tweet_source(
    source: Source, sig: re.Match[str] | None, sentences: list[Sentence], i: int
) -> Source:
    """An unsourced sentence that is the text of an official account's embedded tweet is official."""
    if source != NONE:
        return source
    if sig is None and i + 1 < len(sentences):
        nxt = sentences[i + 1].text
        sig = _TWEET_SIG.match(nxt) if nxt[:1] in "—–-" and "(@" in nxt else None
    if sig is not None and _OFFICIAL_ACCOUNT.search(sig.group("name")):
        return Source("confirmed", "official")
    return source


# Where a sentence about two installments turns from one to the other:
# "The film opens this fall, while the fifth season has no date yet."
_TURN = re.compile(r",\s*(?:while|whereas|but|and)\s+|;\s*", re.IGNORECASE)


def _pieces(text: str, att: Attachment) -> list[tuple[str, tuple[int | None, ...]]]:
    """The sentence, or its clauses, each with the installments it is about.

    A sentence naming two installments is cut where it turns from one to the other; a piece that
    names none of them is about all of them ("both projects")."""
    if len(att.keys) < 2:
        return [(text, att.keys)]
    cuts = [0, *(m.end() for m in _TURN.finditer(text)), len(text)]
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        named = tuple(dict.fromkeys(k for pos, k in att.spots if start <= pos < end))
        pieces.append((text[start:end], named))
    if sum(1 for _, named in pieces if named) < 2:
        return [(text, att.keys)]
    return [(piece, named or att.keys) for piece, named in pieces]


def _to_claim(
    m: Merged, doc_id: str, target: Target, sentences: list[Sentence], kb: KnowledgeBase
) -> Claim:
    """A models.Claim from a merged finding."""
    s = sentences[m.index]
    return Claim(
        doc_id=doc_id,
        work=target.work,
        season=m.key,
        type=m.type,
        value=m.value,
        status=m.source.status,
        attribution=m.source.attribution,
        evidence=s.text,
        kb_id=_kb_id(kb, target.franchise_id, m.key),
        franchise_id=target.franchise_id,
        evidence_start=s.start,
        evidence_end=s.end,
    )


def _kb_id(kb: KnowledgeBase, franchise_id: str | None, season: int | None) -> str | None:
    """The KB entry of the claim's season, when the KB knows it."""
    if franchise_id is None or season is None:
        return None
    entry = kb.season(franchise_id, season)
    if entry is None:
        return None
    return entry.external_ids[0] if entry.external_ids else entry.id


def _foreign_extraction(
    article: Article,
    doc_id: str,
    lang: str,
    sentences: list[Sentence],
    target: Target,
    published: tuple[int, int] | None,
    kb: KnowledgeBase,
) -> Extraction:
    """Claims of an es/fr/it/de/pt article with that language's own cue words (no flags)."""
    lex = foreign.LEXICONS[lang]
    season = foreign.target_of([s.text for s in sentences], lex)
    target = Target(target.work, season, target.franchise_id, target.names)
    seen: dict[tuple[int | None, str, str | None], Merged] = {}
    for i, s in enumerate(sentences):
        for f in foreign.sentence_findings(s.text, lex, season, published):
            k = (f.key, f.type, f.value)
            # the first sentence, unless a later one names the official source it does not name
            if k not in seen or (seen[k].source == NONE and f.source.attribution == "official"):
                seen[k] = Merged(f.key, f.type, f.value, f.source, i, f.value is not None)
    valued = {(m.key, m.type) for m in seen.values() if m.value is not None}
    merged = [
        m
        for m in seen.values()
        if m.value is not None
        or (m.key, m.type) not in valued
        or m.type not in ("release", "delay")
    ]
    merged = add_implied_renewals(merged)
    claims = tuple(_to_claim(m, doc_id, target, sentences, kb) for m in merged)
    return Extraction(doc_id, claims=claims)
