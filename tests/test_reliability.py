"""Source reliability: outcomes by KB and by later official statements, counts, the score's formula."""

from __future__ import annotations

from seasoncheck.consolidate import ArticleMeta, SourcedClaim
from seasoncheck.kb.model import Franchise, KBSeason
from seasoncheck.models import Claim, Flag
from seasoncheck.reliability import (
    CONTRADICTED,
    NOT_YET_KNOWN,
    SUPPORTED,
    UNKNOWN_SITE,
    claim_outcomes,
    reliability_score,
    site_records,
)

FID = "lanterns"
LANTERNS = Franchise(
    FID,
    "Paper Lanterns",
    seasons=(
        KBSeason(
            "k2", FID, "Paper Lanterns 2", 2, first_aired="2024-10-05", studios=("Studio Lumen",)
        ),
    ),
    studios=("Studio Lumen",),
)
_n = iter(range(1, 10**6))


def sc(
    site: str | None,
    type_: str,
    value: str | None,
    status: str,
    attribution: str,
    season: int = 2,
    published: str | None = None,
) -> SourcedClaim:
    n = next(_n)
    aid = f"{site}-{n}"
    claim = Claim(
        aid, "Paper Lanterns", season, type_, value, status, attribution, "…", franchise_id=FID
    )
    return SourcedClaim(claim, aid, f"t{n}", site, None, published, None, n)


def lookup(c: SourcedClaim) -> Franchise | None:
    return LANTERNS if c.claim.franchise_id == FID else None


def metas(claims: list[SourcedClaim]) -> list[ArticleMeta]:
    return [ArticleMeta(c.article_id, site=c.site, published=c.published) for c in claims]


def test_outcomes_from_the_kb() -> None:
    claims = [
        sc("a.example", "release", "2024", "confirmed", "none"),
        sc("a.example", "release", "2024-07", "reported", "leak"),
        sc("a.example", "studio", "Studio Lumen", "reported", "leak"),
        sc("a.example", "trailer", None, "confirmed", "official"),
    ]
    results = [(o.result, o.by) for o in claim_outcomes(claims, lookup)]
    assert results == [
        (SUPPORTED, "knowledge base"),
        (CONTRADICTED, "knowledge base"),
        (SUPPORTED, "knowledge base"),
        (NOT_YET_KNOWN, ""),
    ]


def test_outcomes_from_later_official_statements_when_the_kb_does_not_know() -> None:
    claims = [
        sc(
            "leaky.example",
            "release",
            "2026-04",
            "reported",
            "leak",
            season=3,
            published="2025-09-01",
        ),
        sc(
            "guess.example",
            "release",
            "2026-01",
            "speculated",
            "none",
            season=3,
            published="2025-09-02",
        ),
        sc(
            "early.example",
            "release",
            "2026-01",
            "reported",
            "leak",
            season=3,
            published="2025-12-01",
        ),
        sc(
            "official.example",
            "release",
            "2026-04",
            "confirmed",
            "official",
            season=3,
            published="2025-11-01",
        ),
        sc("leaky.example", "renewal", None, "reported", "leak", season=3, published="2025-09-01"),
        sc(
            "official.example",
            "renewal",
            None,
            "confirmed",
            "official",
            season=3,
            published="2025-11-01",
        ),
    ]
    results = [(o.result, o.by) for o in claim_outcomes(claims, lookup)]
    assert results[0] == (SUPPORTED, "official statement")
    assert results[1] == (CONTRADICTED, "official statement")
    # Published after the official statement: the statement does not "later" refute it.
    assert results[2] == (NOT_YET_KNOWN, "")
    assert results[3] == (NOT_YET_KNOWN, "")  # an official claim is not graded by itself
    assert results[4] == (SUPPORTED, "official statement")


def test_site_records_count_and_score() -> None:
    good = [
        sc("good.example", "release", "2024-10", "confirmed", "media"),
        sc("good.example", "studio", "Studio Lumen", "confirmed", "official"),
    ]
    bad = [
        sc("bad.example", "release", "2024-04", "reported", "leak"),
        sc("bad.example", "release", "2025", "speculated", "none"),
        sc(None, "renewal", None, "confirmed", "none"),
    ]
    flags = {bad[0].article_id: [Flag(bad[0].article_id, "factual_error", "x", "y")]}
    records = {r.site: r for r in site_records(metas(good + bad), good + bad, flags, lookup)}
    g, b, u = records["good.example"], records["bad.example"], records[UNKNOWN_SITE]
    assert (g.supported, g.contradicted, g.score) == (2, 0, 75)  # (2+1)/(2+0+2)
    assert (b.supported, b.contradicted, b.contradicted_by_kb) == (0, 2, 2)
    assert (b.factual_errors, b.flagged_articles, b.speculated) == (1, 1, 1)
    # 100 x 1/4 x (1 - 0.5 x 1/2) x (1 - 0.3 x 1/2) = 15.9
    assert b.score == 16
    assert b.formula.endswith("= 16")
    assert u.supported == 1 and u.site == UNKNOWN_SITE
    assert [r.site for r in site_records(metas(good + bad), good + bad, flags, lookup)][0] == (
        "good.example"
    )


def test_score_prior_and_penalties() -> None:
    assert reliability_score(0, 0, 0, 1, 0, 0)[0] == 50
    assert reliability_score(3, 1, 0, 4, 0, 4)[0] == 67
    assert reliability_score(0, 0, 2, 2, 0, 0)[0] == 25
    assert reliability_score(0, 0, 0, 1, 4, 4)[0] == 35
    assert reliability_score(0, 0, 0, 0, 0, 0)[0] == 50  # an empty record never divides by zero


def test_headline_unsupported_is_counted() -> None:
    claims = [sc("click.example", "release", None, "confirmed", "official")]
    flags = {claims[0].article_id: [Flag(claims[0].article_id, "headline_unsupported")]}
    (r,) = site_records(metas(claims), claims, flags, lookup)
    assert (r.headline_unsupported, r.flagged_articles, r.not_yet_known) == (1, 1, 1)
    assert r.score == 25
