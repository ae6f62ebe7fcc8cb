"""Claims: find each checkable claim of an article with its status and attribution.

``extract_claims(article, kb)`` runs, for one article: language check, sentence segmentation,
the linker (subject and other works), one cheap regex pass to pick candidate sentences, the
per-type finders on those only, then the merge rules and the headline flag.
"""

from __future__ import annotations

import logging
import re

from seasoncheck.claims import foreign
from seasoncheck.claims import patterns as P
from seasoncheck.claims.attach import (
    Target,
    attach,
    drop_crosslinks,
    refs_by_sentence,
    subject_names,
    target_season,
)
from seasoncheck.claims.cues import sentence_source
from seasoncheck.claims.dates import parse_published
from seasoncheck.claims.finders import FINDERS, Sent, name_regex
from seasoncheck.claims.flags import headline_flags
from seasoncheck.claims.langs import article_language, skipped_language
from seasoncheck.claims.merge import Merged, Raw, article_sources, merge
from seasoncheck.claims.segment import Sentence, split_sentences
from seasoncheck.claims.subject import fallback_subject
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker, Subject
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
    if subject is not None:
        names, work = subject_names(mentions, subject.work, subject.franchise_id)
        franchise_id = subject.franchise_id
    else:
        fallback = fallback_subject(text, article.title)
        if fallback is None:
            return Extraction(doc_id, mentions=mentions)
        names, work, franchise_id = frozenset({fallback}), fallback, None
    sentences = drop_crosslinks(split_sentences(text))
    if lang != "en":
        return _foreign_extraction(
            article, doc_id, lang, sentences, Target(work, None, franchise_id, names), published, kb
        )
    others = [m for m in mentions if m.work not in names and _is_a_work(m)]
    refs = refs_by_sentence(text, sentences)
    season = target_season(sentences, refs, article.title, others)
    target = Target(work, season, franchise_id, names)
    raws = _findings(
        text, sentences, refs, target, others, published, (article.title or "").strip(), kb
    )
    merged = merge(raws, sentences, article_sources(sentences))
    claims = tuple(_to_claim(m, doc_id, target, sentences, kb) for m in merged)
    flags = headline_flags(article, doc_id, merged, sentences)
    return Extraction(doc_id, claims=claims, flags=flags, mentions=mentions)


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


def _candidates(text: str, sentences: list[Sentence]) -> list[int]:
    """Indices of sentences holding a cue word: one regex pass over the lowered text."""
    low = text.lower()  # same length as text for the scripts we extract from
    if len(low) != len(text):
        return list(range(len(sentences)))
    search = P.CANDIDATE.search
    return [i for i, s in enumerate(sentences) if search(low, s.start, s.end)]


def _findings(
    text: str,
    sentences: list[Sentence],
    refs: list[list[SeasonRef]],
    target: Target,
    others: list[Mention],
    published: tuple[int, int] | None,
    title: str,
    kb: KnowledgeBase,
) -> list[Raw]:
    """Every finding of every candidate sentence, attached to installment keys."""
    raws: list[Raw] = []
    services: list[str] = []
    for i in _candidates(text, sentences):
        s = sentences[i]
        att = attach(s, refs[i], target, others)
        before = tuple(services[-SERVICE_MEMORY:])
        if _SERVICE_RX is not None:
            services.extend(m.group() for m in _SERVICE_RX.finditer(s.text))
        if not att.keys:
            continue
        sent = Sent(
            s.text,
            att.past,
            s.text.rstrip().endswith("?"),
            published,
            before,
            _studio_regex(kb),
            _SERVICE_RX,
            att.explicit,
        )
        found = [f for finder in FINDERS for f in finder(sent)]
        if not found:
            continue
        source = sentence_source(s.text)
        headline = bool(title) and s.text in title
        raws.extend(
            Raw(i, f, key, source, att.explicit, headline) for f in found for key in att.keys
        )
    return raws


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
            seen.setdefault(
                (f.key, f.type, f.value),
                Merged(f.key, f.type, f.value, f.source, i, f.value is not None),
            )
    valued = {(m.key, m.type) for m in seen.values() if m.value is not None}
    merged = [
        m
        for m in seen.values()
        if m.value is not None
        or (m.key, m.type) not in valued
        or m.type not in ("release", "delay")
    ]
    claims = tuple(_to_claim(m, doc_id, target, sentences, kb) for m in merged)
    return Extraction(doc_id, claims=claims)
