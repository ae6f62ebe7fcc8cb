"""Report: the verdict of each season of a franchise, with its evidence, as one data model and three renderers.

:func:`build_report` computes everything once (consolidation, verdicts, KB checks, factual errors,
source records) into a frozen :class:`Report`; :func:`render_json`, :func:`render_markdown` and
:func:`render_rich` only format it (datasette's "one data function, many renderers").
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from seasoncheck.consolidate import (
    ArticleMeta,
    SeasonConsolidation,
    SourcedClaim,
    TypeConsolidation,
    claim_weight,
    consolidate_season,
    describe_value,
)
from seasoncheck.factcheck import SCAN_MEMO, kb_studios
from seasoncheck.kb.model import Franchise, KBSeason, KnowledgeBase
from seasoncheck.kbcheck import KBCheck, check_claim
from seasoncheck.models import Flag
from seasoncheck.reliability import SiteRecord, site_records
from seasoncheck.verdict import TimelineEvent, decide_verdict

if TYPE_CHECKING:
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

REPORT_VERSION = 1
# "Did you mean" lists: at most this many titles, each at least this similar (0-100, see
# _title_similarity). 60 lets "Oshi no Kp" (90) and "demon slayr" (96) find their franchise,
# checked by hand on a dozen misspellings against the demo KB.
SUGGESTIONS = 5
SUGGESTION_MIN_SCORE = 60.0
# Only titles within this many points of the best are offered: a near miss ("Oshi no Kp", 95)
# should not come with a tail of unrelated titles that share a short word (60-70).
SUGGESTION_SPREAD = 10.0
# Titles shorter than this (after lower-casing and dropping punctuation) are never suggested.
MIN_SUGGESTED_TITLE = 3


class UnknownFranchise(Exception):
    """The query names no franchise of the KB nor any stored work."""

    def __init__(self, query: str, suggestions: Sequence[str]) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = (
            f"; did you mean: {', '.join(self.suggestions)}?"
            if self.suggestions
            else f" (try `seasoncheck kb search {query!r}`)"
        )
        super().__init__(f"no franchise called {query!r} in the knowledge base{hint}")


# -- the data model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimRow:
    """One article's claim with its weight and its KB check."""

    article_id: str
    article: str
    site: str | None
    published: str | None
    type: str
    value: str | None
    value_text: str
    status: str
    attribution: str
    weight: float
    evidence: str
    kb: str
    kb_fact: str
    counted: bool = True
    superseded_by: str | None = None


@dataclass(frozen=True)
class ValueRow:
    """One competing value of a claim type with its backing and KB check."""

    value: str | None
    value_text: str
    score: float
    against: float
    official: bool
    articles: tuple[str, ...]
    kb: str
    kb_fact: str


@dataclass(frozen=True)
class TypeRow:
    """What seasoncheck believes for one claim type, why, and the competing values."""

    type: str
    holds: bool
    believed: str | None
    believed_text: str | None
    reason: str
    kb: str
    kb_fact: str
    values: tuple[ValueRow, ...]


@dataclass(frozen=True)
class ContradictionRow:
    """Two values that cannot both be right, with the articles behind each."""

    type: str
    value_a: str
    value_b: str
    articles_a: tuple[str, ...]
    articles_b: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class KBFacts:
    """A KB season entry as the report shows it."""

    season: int | None
    title: str
    kind: str
    first_aired: str | None
    last_aired: str | None
    episodes: int | None
    status: str | None
    studios: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SeasonReport:
    """The verdict of one season with all its evidence."""

    season: int | None
    state: str
    news_state: str
    date: str | None
    date_text: str | None
    basis: str
    explanation: str
    kb_entry: KBFacts | None
    types: tuple[TypeRow, ...]
    contradictions: tuple[ContradictionRow, ...]
    timeline: tuple[TimelineEvent, ...]
    timeline_ordered: bool
    claims: tuple[ClaimRow, ...]


@dataclass(frozen=True)
class FlagRow:
    """One flag of an article."""

    flag: str
    detail: str
    evidence: str


@dataclass(frozen=True)
class FlaggedArticle:
    """An article of the franchise that carries flags."""

    article_id: str
    article: str
    site: str | None
    published: str | None
    flags: tuple[FlagRow, ...]


@dataclass(frozen=True)
class Report:
    """Everything ``seasoncheck report`` shows, in one frozen value."""

    query: str
    franchise_id: str | None
    franchise: str
    today: str
    articles: int
    seasons: tuple[SeasonReport, ...]
    flagged: tuple[FlaggedArticle, ...]
    sources: tuple[SiteRecord, ...]
    kb_seasons: tuple[KBFacts, ...]
    studios: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    attribution: tuple[str, ...] = ()
    version: int = REPORT_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON: field order is the schema's order, stable across runs."""
        return asdict(self)


# -- building ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """What a query resolved to: a KB franchise, or only titles of stored (unlinked) claims."""

    name: str
    franchise: Franchise | None
    works: tuple[str, ...] = field(default_factory=tuple)


def resolve_subject(kb: KnowledgeBase, query: str, stored: Iterable[str] = ()) -> Subject:
    """The franchise a user's query names: exact title first, then stored works; else raise.

    Raises :class:`UnknownFranchise` with a "did you mean" list from the KB titles (rapidfuzz).
    """
    key = title_key(query)
    index = title_index(kb)
    if key in index and (f := kb.franchise(index[key])) is not None:
        return Subject(f.name, f, _franchise_titles(f, kb))
    works = tuple(dict.fromkeys(w for w in stored if title_key(w) == key))
    if works:
        return Subject(works[0], None, works)
    raise UnknownFranchise(query, suggest_titles(kb, query, stored))


def title_key(title: str) -> str:
    """A title for exact lookup: lower case, letters and digits only (any script)."""
    return re.sub(r"[\W_]+", "", title.casefold())


# One (KB, derived value) pair per helper: a report asks for the title index three times and the
# KB holds ~27,000 titles. Keyed by identity, so a new KB object is indexed afresh.
_PER_KB: dict[str, tuple[KnowledgeBase, Any]] = {}


def _per_kb(name: str, kb: KnowledgeBase, make: Callable[[KnowledgeBase], Any]) -> Any:
    """``make(kb)``, computed once per KB object."""
    hit = _PER_KB.get(name)
    if hit is None or hit[0] is not kb:
        hit = _PER_KB[name] = (kb, make(kb))
    return hit[1]


def title_index(kb: KnowledgeBase) -> dict[str, str]:
    """Normalised title -> franchise id, over every franchise title and linker title of the KB."""
    return _per_kb("titles", kb, _title_index)  # type: ignore[no-any-return]


def _title_index(kb: KnowledgeBase) -> dict[str, str]:
    """Build :func:`title_index`."""
    index: dict[str, str] = {}
    for f in kb.franchises.values():
        for t in (f.name, *f.titles):
            index.setdefault(title_key(t), f.id)
    for entry in kb.titles:
        index.setdefault(title_key(entry.title), entry.franchise_id)
    index.pop("", None)
    return index


def _franchise_titles(f: Franchise, kb: KnowledgeBase) -> tuple[str, ...]:
    titles = [f.name, *f.titles]
    titles += [t.title for t in kb.titles if t.franchise_id == f.id]
    return tuple(dict.fromkeys(titles))


def suggest_titles(kb: KnowledgeBase, query: str, stored: Iterable[str] = ()) -> list[str]:
    """Up to :data:`SUGGESTIONS` franchise names whose titles are closest to ``query``."""
    from rapidfuzz import process, utils

    choices: dict[str, str] = {}
    for f in kb.franchises.values():
        for t in (f.name, *f.titles):
            if len(utils.default_process(t)) >= MIN_SUGGESTED_TITLE:
                choices.setdefault(t, f.name)
    for w in stored:
        choices.setdefault(w, w)
    hits = process.extract(
        query,
        list(choices),
        scorer=_title_similarity,
        processor=utils.default_process,
        limit=SUGGESTIONS * 4,
        score_cutoff=SUGGESTION_MIN_SCORE,
    )
    if not hits:
        return []
    best = hits[0][1]
    names = dict.fromkeys(choices[h[0]] for h in hits if h[1] >= best - SUGGESTION_SPREAD)
    return list(names)[:SUGGESTIONS]


def _title_similarity(a: str, b: str, **_: Any) -> float:
    """Whole-string similarity, or word-set similarity so "shingeki" finds "Shingeki no Kyojin".

    rapidfuzz's WRatio was tried first: its partial matching scores a one-letter title ("K")
    90 against any query containing that letter.
    """
    from rapidfuzz import fuzz

    return max(fuzz.QRatio(a, b), fuzz.token_set_ratio(a, b))


def build_report(
    store: Store,
    kb: KnowledgeBase,
    query: str,
    *,
    season: int | None = None,
    today: date | None = None,
    scan_facts: bool = True,
) -> Report:
    """The report for a franchise (and optionally one season) over every stored article.

    ``scan_facts`` re-reads the articles' texts for factual errors against the KB's current
    facts (characters, studios, air dates); without it only the flags stored at ingestion count.
    Example::

        report = build_report(store, load_kb(store), "Oshi no Ko", season=2)
        print(report.seasons[0].state)
    """
    from seasoncheck.store import queries

    today = today or date.today()
    stored = [w for w, _, _ in queries.stored_works(store)]
    subject = resolve_subject(kb, query, stored)
    fid = subject.franchise.id if subject.franchise else None
    records = queries.claims_for_franchise(store, fid, subject.works, season)
    ids = list(dict.fromkeys(c.article_id for c in records))
    metas = queries.article_metas(store, ids)
    flags = _article_flags(store, kb, subject.franchise if scan_facts else None, ids)
    seasons = _season_reports(subject, records, season, today)
    return Report(
        query=query,
        franchise_id=fid,
        franchise=subject.name,
        today=today.isoformat(),
        articles=len(ids),
        seasons=seasons,
        flagged=_flagged(metas, flags),
        sources=tuple(_sources(store, kb, metas, flags, records if season is None else None)),
        kb_seasons=_kb_seasons(subject.franchise),
        studios=subject.franchise.studios if subject.franchise else (),
        notes=_notes(subject, records, season),
        attribution=kb.attribution,
    )


def _season_reports(
    subject: Subject, records: Sequence[SourcedClaim], season: int | None, today: date
) -> tuple[SeasonReport, ...]:
    by_season: dict[int | None, list[SourcedClaim]] = defaultdict(list)
    for c in records:
        by_season[c.claim.season].append(c)
    numbers = sorted(n for n in by_season if n is not None)
    if season is not None:
        numbers = [season]
    elif not numbers and subject.franchise is not None:
        numbers = sorted({s.number for s in subject.franchise.seasons if s.number is not None})
    return tuple(season_report(subject, n, by_season.get(n, []), today) for n in numbers)


def season_report(
    subject: Subject, number: int, records: Sequence[SourcedClaim], today: date
) -> SeasonReport:
    """Consolidate, decide and check one season."""
    f = subject.franchise
    cons = consolidate_season(records, subject.name, f.id if f else None, number)
    entry = f.season(number) if f else None
    v = decide_verdict(cons, entry, today, subject.name)
    return SeasonReport(
        season=number,
        state=v.state,
        news_state=v.news_state,
        date=v.date,
        date_text=v.date_text,
        basis=v.basis,
        explanation=v.explanation,
        kb_entry=_kb_facts(entry) if entry else None,
        types=tuple(_type_row(t, f, number) for t in _ordered_types(cons)),
        contradictions=_contradiction_rows(cons),
        timeline=v.timeline,
        timeline_ordered=v.ordered,
        claims=tuple(_claim_rows(cons, f, number)),
    )


_TYPE_ORDER = ("renewal", "release", "delay", "studio", "streaming", "trailer")


def _ordered_types(cons: SeasonConsolidation) -> list[TypeConsolidation]:
    rank = {t: i for i, t in enumerate(_TYPE_ORDER)}
    return sorted(cons.types.values(), key=lambda t: (rank.get(t.type, 99), t.type))


def _type_row(t: TypeConsolidation, f: Franchise | None, number: int) -> TypeRow:
    status = "confirmed" if t.holds else "denied"
    kb = check_claim(t.type, t.believed, status, f, number)
    values = tuple(
        ValueRow(
            value=v.value,
            value_text=_value_text(t.type, v.value),
            score=v.score,
            against=v.against,
            official=v.official,
            articles=tuple(dict.fromkeys(s.article_id for s in v.supports)),
            kb=(chk := check_claim(t.type, v.value, "confirmed", f, number)).result,
            kb_fact=chk.fact,
        )
        for v in t.values
    )
    believed, reason = t.believed, t.reason
    if kb.result == "contradicted" and (
        agree := next((v for v in values if v.kb == "supported"), None)
    ):
        # The KB outranks every article: a value it contradicts is never believed while a
        # competing value agrees with it (a confident-sounding article can still be wrong).
        believed = agree.value
        reason = f"the knowledge base shows {agree.kb_fact or agree.value_text}; {t.reason}"
        kb = check_claim(t.type, believed, status, f, number)
    return TypeRow(
        type=t.type,
        holds=t.holds,
        believed=believed,
        believed_text=_value_text(t.type, believed) if believed else None,
        reason=reason,
        kb=kb.result,
        kb_fact=kb.fact,
        values=values,
    )


def _value_text(type_: str, value: str | None) -> str:
    if type_ in ("release", "delay"):
        return describe_value(value)
    return value if value is not None else "—"


def _claim_rows(cons: SeasonConsolidation, f: Franchise | None, number: int) -> list[ClaimRow]:
    """Every article claim of the season with its weight and KB check (checked once per value)."""
    rows = []
    checks: dict[tuple[str, str | None, str], KBCheck] = {}
    for t in _ordered_types(cons):
        for v in t.values:
            for s in v.supports:
                key = (t.type, v.value, s.status)
                if key not in checks:
                    checks[key] = check_claim(t.type, v.value, s.status, f, number)
                chk = checks[key]
                rows.append(
                    ClaimRow(
                        article_id=s.article_id,
                        article=s.label,
                        site=s.site,
                        published=s.published,
                        type=t.type,
                        value=v.value,
                        value_text=_value_text(t.type, v.value),
                        status=s.status,
                        attribution=s.attribution,
                        weight=claim_weight(s.status, s.attribution),
                        evidence=s.evidence,
                        kb=chk.result,
                        kb_fact=chk.fact,
                        counted=s.counted,
                        superseded_by=s.superseded_by,
                    )
                )
    return rows


def _contradiction_rows(cons: SeasonConsolidation) -> tuple[ContradictionRow, ...]:
    return tuple(
        ContradictionRow(
            type=c.type,
            value_a=_value_text(c.type, c.value_a) if c.value_a not in ("yes", "no") else c.value_a,
            value_b=_value_text(c.type, c.value_b) if c.value_b not in ("yes", "no") else c.value_b,
            articles_a=c.articles_a,
            articles_b=c.articles_b,
            note=c.note,
        )
        for c in cons.contradictions
    )


def _kb_facts(s: KBSeason) -> KBFacts:
    return KBFacts(
        season=s.number,
        title=s.title,
        kind=s.kind,
        first_aired=s.first_aired,
        last_aired=s.last_aired,
        episodes=s.episodes,
        status=s.status,
        studios=s.studios,
        sources=s.sources,
    )


def _kb_seasons(f: Franchise | None) -> tuple[KBFacts, ...]:
    if f is None:
        return ()
    ordered = sorted(
        f.seasons, key=lambda s: (s.number is None, s.number or 0, s.first_aired or "")
    )
    return tuple(_kb_facts(s) for s in ordered)


def _article_flags(
    store: Store, kb: KnowledgeBase, franchise: Franchise | None, ids: Sequence[str]
) -> dict[str, list[Flag]]:
    """Stored flags of the articles plus the factual errors found now against the KB's facts."""
    from seasoncheck.store import queries

    flags = queries.flags_for_articles(store, ids)
    if franchise is None or not ids:
        return flags
    studios = known_studios(kb)
    for aid, text in queries.article_texts(store, ids).items():
        add_factual_errors(flags, aid, text, franchise, studios)
    return flags


def add_factual_errors(
    flags: dict[str, list[Flag]], aid: str, text: str, franchise: Franchise, studios: Sequence[str]
) -> None:
    """Add the article's factual errors to ``flags`` unless a stored flag has the same sentence.

    Scans are remembered per (article, franchise facts, KB studios) in ``factcheck.SCAN_MEMO``:
    a report rebuilt after an ingest re-scans only the new articles.
    """
    seen = {(f.flag, f.evidence) for f in flags.get(aid, [])}
    for f in SCAN_MEMO.errors(text, aid, franchise, tuple(studios)):
        if (f.flag, f.evidence) not in seen:
            seen.add((f.flag, f.evidence))
            flags.setdefault(aid, []).append(f)


def known_studios(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every studio name the KB knows, for "animated by X" checks."""
    return kb_studios(kb)


def _flagged(
    metas: Sequence[ArticleMeta], flags: dict[str, list[Flag]]
) -> tuple[FlaggedArticle, ...]:
    return tuple(
        FlaggedArticle(
            a.id,
            a.label,
            a.site,
            a.published,
            tuple(FlagRow(f.flag, f.detail, f.evidence) for f in flags[a.id]),
        )
        for a in metas
        if flags.get(a.id)
    )


def _sources(
    store: Store,
    kb: KnowledgeBase,
    metas: Sequence[ArticleMeta],
    flags: dict[str, list[Flag]],
    records: Sequence[SourcedClaim] | None,
) -> list[SiteRecord]:
    """The full records of the sites that wrote about this franchise.

    ``records`` are every claim of this franchise's articles when already loaded (no --season):
    only the claims of the sites' other articles are then read.
    """
    from seasoncheck.store import queries

    sites = {a.site for a in metas}
    if not sites:
        return []
    site_metas = queries.article_metas(store, sites=sites)
    site_ids = {a.id for a in site_metas}
    if records is None:
        claims = queries.claims_for_articles(store, site_ids)
    else:
        known = {c.article_id for c in records}
        claims = [*records, *queries.claims_for_articles(store, site_ids - known)]
    stored = queries.flags_for_articles(store, site_ids - set(flags))
    return site_records(site_metas, claims, {**stored, **flags}, franchise_lookup(kb))


def all_site_records(store: Store, kb: KnowledgeBase) -> list[SiteRecord]:
    """Every site's record over the whole store (``seasoncheck sources``)."""
    from seasoncheck.store import queries

    metas = queries.article_metas(store)
    claims = queries.all_claims(store)
    lookup = franchise_lookup(kb)
    flags = queries.flags_for_articles(store)
    studios = known_studios(kb)
    franchises_of: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if (f := lookup(c)) is not None:
            franchises_of[c.article_id].add(f.id)
    texts = queries.article_texts(store, franchises_of)
    for aid, fids in franchises_of.items():
        for fid in sorted(fids):
            if (franchise := kb.franchise(fid)) is not None:
                add_factual_errors(flags, aid, texts.get(aid, ""), franchise, studios)
    return site_records(metas, claims, flags, lookup)


def franchise_lookup(kb: KnowledgeBase) -> Any:
    """A function from a claim to its KB franchise: by linked id, else by its work's title."""
    index = title_index(kb)

    def lookup(c: SourcedClaim) -> Franchise | None:
        fid = c.claim.franchise_id or index.get(title_key(c.claim.work))
        return kb.franchise(fid) if fid else None

    return lookup


def _notes(
    subject: Subject, records: Sequence[SourcedClaim], season: int | None
) -> tuple[str, ...]:
    notes = []
    if not records:
        where = f" about season {season}" if season is not None else ""
        notes.append(
            f"Nothing has been ingested{where} for {subject.name}: showing its KB facts only."
        )
    if subject.franchise is None:
        notes.append(f"{subject.name} is not in the knowledge base: no KB checks were possible.")
    unnumbered = sum(1 for c in records if c.claim.season is None)
    if unnumbered and season is None:
        notes.append(f"{unnumbered} claim(s) about films or unnumbered installments are not shown.")
    return tuple(notes)
