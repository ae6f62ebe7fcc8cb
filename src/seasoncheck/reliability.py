"""Source reliability: each site's own record (claims borne out or not, flags, speculation) and a score.

The score is a formula over the counts, printed next to them, never a black box:

    accuracy  = (supported + PRIOR_SUPPORTED) / (supported + contradicted + PRIOR_CHECKED)
    score     = 100 x accuracy x (1 - FLAG_PENALTY x flagged share) x (1 - SPECULATION_PENALTY x speculated share)

A claim is *supported* or *contradicted* by the knowledge base (:mod:`seasoncheck.kbcheck`) or, when
the KB does not know, by an official statement published later by another article (the same
season, type and a compatible / incompatible value).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from seasoncheck.consolidate import ArticleMeta, SourcedClaim, values_compatible
from seasoncheck.kb.model import Franchise
from seasoncheck.kbcheck import CONTRADICTED, NOT_YET_KNOWN, SUPPORTED, KBCheck, check_claim
from seasoncheck.models import Flag

log = logging.getLogger(__name__)

UNKNOWN_SITE = "(no site)"
# Laplace-style prior: a site with no checked claims starts at accuracy 0.5 (1 of 2), and one
# early hit or miss moves it to 0.67 or 0.33 rather than to 1.0 or 0.0.
PRIOR_SUPPORTED = 1
PRIOR_CHECKED = 2
# Share of the score a site loses when every one of its articles carries a flag
# (headline_unsupported or factual_error): a site whose every article is flagged keeps half.
FLAG_PENALTY = 0.5
# Share lost when every claim is the writer's own guess: speculating is not lying, so it costs
# less than a flag; a site that only speculates keeps 70 % of its accuracy.
SPECULATION_PENALTY = 0.3
FLAG_KINDS = ("headline_unsupported", "factual_error")

FranchiseLookup = Callable[[SourcedClaim], Franchise | None]


@dataclass(frozen=True)
class ClaimOutcome:
    """How one claim fared: supported / contradicted / not yet known, and by what."""

    result: str
    by: str  # "knowledge base" | "official statement" | ""
    fact: str = ""


@dataclass(frozen=True)
class SiteRecord:
    """One site's record with its score; every number the score uses is here."""

    site: str
    articles: int
    claims: int
    supported: int
    contradicted: int
    not_yet_known: int
    supported_by_kb: int
    contradicted_by_kb: int
    supported_by_official: int
    contradicted_by_official: int
    speculated: int
    speculation_share: float  # speculated / claims, 3 decimals
    headline_unsupported: int
    factual_errors: int
    flagged_articles: int
    score: int  # 0..100
    formula: str  # the score's computation with this site's numbers


def claim_outcome(
    c: SourcedClaim, franchise: Franchise | None, officials: Sequence[SourcedClaim]
) -> ClaimOutcome:
    """Check one claim against the KB, then against later official statements of other articles."""
    kb = check_claim(c.claim.type, c.claim.value, c.claim.status, franchise, c.claim.season)
    if kb.result != NOT_YET_KNOWN:
        return ClaimOutcome(kb.result, "knowledge base", kb.fact)
    if c.claim.attribution == "official" and c.claim.status == "confirmed":
        return ClaimOutcome(NOT_YET_KNOWN, "", kb.fact)
    return _against_officials(c, officials, kb)


def _against_officials(
    c: SourcedClaim, officials: Sequence[SourcedClaim], kb: KBCheck
) -> ClaimOutcome:
    """The latest official statement of another article about the same season and type decides.

    ``officials`` are that season's official statements, latest first (undated ones last); one
    published before the claim cannot have borne it out or refuted it.
    """
    for o in officials:
        if o.group == c.group or o.claim.type != c.claim.type:
            continue
        if o.published and c.published and o.published < c.published:
            continue
        if c.claim.value is not None and o.claim.value is None:
            continue  # "a date was announced" neither confirms nor refutes a given date
        agree = values_compatible(c.claim.type, o.claim.value, c.claim.value)
        right = agree != (c.claim.status == "denied")
        return ClaimOutcome(SUPPORTED if right else CONTRADICTED, "official statement", o.label)
    return ClaimOutcome(NOT_YET_KNOWN, "", kb.fact)


def claim_outcomes(claims: Sequence[SourcedClaim], lookup: FranchiseLookup) -> list[ClaimOutcome]:
    """The outcome of every claim, in the order given."""
    officials: dict[tuple[str, int | None, str], list[SourcedClaim]] = defaultdict(list)
    for c in claims:
        if c.claim.attribution == "official" and c.claim.status == "confirmed":
            officials[(_work_key(c), c.claim.season, c.claim.type)].append(c)
    for group in officials.values():
        group.sort(key=lambda o: (o.published is not None, o.published or ""), reverse=True)
    return [
        claim_outcome(c, lookup(c), officials.get((_work_key(c), c.claim.season, c.claim.type), ()))
        for c in claims
    ]


def _work_key(c: SourcedClaim) -> str:
    return c.claim.franchise_id or c.claim.work.casefold()


def site_records(
    articles: Sequence[ArticleMeta],
    claims: Sequence[SourcedClaim],
    flags: Mapping[str, Sequence[Flag]],
    lookup: FranchiseLookup,
) -> list[SiteRecord]:
    """Every site's record, best score first.

    Example::

        for r in site_records(metas, records, flags, lambda c: kb.franchise(c.claim.franchise_id)):
            print(r.site, r.score, r.formula)
    """
    outcomes = claim_outcomes(claims, lookup)
    by_site: dict[str, list[tuple[SourcedClaim, ClaimOutcome]]] = defaultdict(list)
    for c, o in zip(claims, outcomes, strict=True):
        by_site[c.site or UNKNOWN_SITE].append((c, o))
    site_articles: dict[str, list[ArticleMeta]] = defaultdict(list)
    for a in articles:
        site_articles[a.site or UNKNOWN_SITE].append(a)
    records = [
        _record(site, site_articles[site], by_site.get(site, []), flags)
        for site in sorted(site_articles)
    ]
    return sorted(records, key=lambda r: (-r.score, -r.articles, r.site))


def _record(
    site: str,
    articles: Sequence[ArticleMeta],
    checked: Sequence[tuple[SourcedClaim, ClaimOutcome]],
    flags: Mapping[str, Sequence[Flag]],
) -> SiteRecord:
    """One site's counts and score from its articles, their checked claims and their flags."""
    count = _counter(checked)
    site_flags = [f for a in articles for f in flags.get(a.id, ()) if f.flag in FLAG_KINDS]
    flagged = sum(1 for a in articles if any(f.flag in FLAG_KINDS for f in flags.get(a.id, ())))
    score, formula = reliability_score(
        count("supported"),
        count("contradicted"),
        flagged,
        len(articles),
        count("speculated"),
        len(checked),
    )
    return SiteRecord(
        site=site,
        articles=len(articles),
        claims=len(checked),
        supported=count("supported"),
        contradicted=count("contradicted"),
        not_yet_known=count("not yet known"),
        supported_by_kb=count("supported", "knowledge base"),
        contradicted_by_kb=count("contradicted", "knowledge base"),
        supported_by_official=count("supported", "official statement"),
        contradicted_by_official=count("contradicted", "official statement"),
        speculated=count("speculated"),
        speculation_share=round(count("speculated") / len(checked), 3) if checked else 0.0,
        headline_unsupported=sum(1 for f in site_flags if f.flag == "headline_unsupported"),
        factual_errors=sum(1 for f in site_flags if f.flag == "factual_error"),
        flagged_articles=flagged,
        score=score,
        formula=formula,
    )


def _counter(checked: Sequence[tuple[SourcedClaim, ClaimOutcome]]) -> Callable[..., int]:
    """A counting function over (result or "speculated", optional source of the outcome)."""

    def count(what: str, by: str | None = None) -> int:
        if what == "speculated":
            return sum(1 for c, _ in checked if c.claim.status == "speculated")
        return sum(1 for _, o in checked if o.result == what and (by is None or o.by == by))

    return count


def reliability_score(
    supported: int, contradicted: int, flagged: int, articles: int, speculated: int, claims: int
) -> tuple[int, str]:
    """The 0-100 score and its formula with the numbers filled in.

    >>> reliability_score(3, 1, 0, 4, 0, 4)[0]
    67
    """
    accuracy = (supported + PRIOR_SUPPORTED) / (supported + contradicted + PRIOR_CHECKED)
    flag_share = flagged / articles if articles else 0.0
    spec_share = speculated / claims if claims else 0.0
    value = (
        100 * accuracy * (1 - FLAG_PENALTY * flag_share) * (1 - SPECULATION_PENALTY * spec_share)
    )
    formula = (
        f"100 × ({supported}+{PRIOR_SUPPORTED})/({supported}+{contradicted}+{PRIOR_CHECKED})"
        f" × (1−{FLAG_PENALTY}×{flagged}/{articles or 1})"
        f" × (1−{SPECULATION_PENALTY}×{speculated}/{claims or 1}) = {round(value)}"
    )
    return round(value), formula
