"""Consolidation: weighting, duplicates, supersession, believed values and contradictions."""

from __future__ import annotations

import pytest

from seasoncheck.consolidate import (
    ATTRIBUTION_WEIGHT,
    SPECULATION_WEIGHT,
    SourcedClaim,
    claim_weight,
    consolidate_season,
    date_span,
    describe_value,
    values_compatible,
)
from seasoncheck.models import Claim

_counter = iter(range(1, 10**6))


def sc(
    type_: str,
    value: str | None,
    status: str = "confirmed",
    attribution: str = "official",
    *,
    article: str | None = None,
    published: str | None = None,
    dup_group: str | None = None,
    site: str = "news.example",
) -> SourcedClaim:
    """A hand-written claim of season 2 of a made-up show, as the store would return it."""
    n = next(_counter)
    aid = article or f"a{n}"
    claim = Claim(aid, "Lantern Road", 2, type_, value, status, attribution, f"sentence {n}")
    return SourcedClaim(claim, aid, f"Article {aid}", site, None, published, dup_group, n)


# -- the weighting function -------------------------------------------------------------------------


def test_weight_order_official_media_leak_speculation() -> None:
    official = claim_weight("confirmed", "official")
    media = claim_weight("confirmed", "media")
    leak = claim_weight("reported", "leak")
    speculation = claim_weight("speculated", "official")
    assert official > media > leak > speculation
    assert (official, speculation) == (1.0, SPECULATION_WEIGHT)


def test_every_non_speculative_claim_outweighs_any_speculation() -> None:
    weights = [
        claim_weight(s, a) for s in ("confirmed", "reported", "denied") for a in ATTRIBUTION_WEIGHT
    ]
    assert min(weights) > claim_weight("speculated", "official")
    assert claim_weight("reported", "leak") == pytest.approx(0.24)


def test_flat_statement_sits_between_media_and_leak() -> None:
    assert (
        claim_weight("confirmed", "media")
        > claim_weight("confirmed", "none")
        > claim_weight("reported", "leak")
    )


# -- date values ------------------------------------------------------------------------------------


def test_date_spans_and_compatibility() -> None:
    assert date_span("2024-SUMMER").start.month == 7 and date_span("2024-SUMMER").end.day == 30
    assert date_span("2024-02").end.day == 29  # leap year
    assert date_span("next year") is None and date_span("2024-13") is None
    assert values_compatible("release", "2024", "2024-07-03")
    assert values_compatible("release", "2024-SUMMER", "2024-08")
    assert not values_compatible("release", "2024", "2023-10")
    assert not values_compatible("release", "2024-07", "2024-10")
    assert values_compatible("studio", "Studio Doga Kobo", "doga kobo")
    assert not values_compatible("studio", "MAPPA", "Madhouse")


def test_describe_value_keeps_granularity() -> None:
    assert describe_value("2024-07-03") == "3 July 2024"
    assert describe_value("2024-07") == "July 2024"
    assert describe_value("2024-FALL") == "Fall 2024"
    assert describe_value("2024") == "2024"
    assert describe_value(None) == "no date given"


# -- consolidation ----------------------------------------------------------------------------------


def test_official_date_beats_two_media_reports_of_another() -> None:
    cons = consolidate_season(
        [
            sc("release", "2024-07", "confirmed", "official"),
            sc("release", "2024-10", "confirmed", "media"),
            sc("release", "2024-10", "confirmed", "media"),
        ],
        "Lantern Road",
        None,
        2,
    )
    release = cons.types["release"]
    assert release.believed == "2024-07"
    assert release.value("2024-10").score == pytest.approx(1.1)  # more weight, but not official
    assert [(c.value_a, c.value_b) for c in release.contradictions] == [("2024-07", "2024-10")]


def test_media_beats_leak_and_leak_beats_speculation() -> None:
    media_vs_leak = consolidate_season(
        [sc("release", "2025", "reported", "leak"), sc("release", "2026", "confirmed", "media")],
        "Lantern Road",
        None,
        2,
    )
    assert media_vs_leak.types["release"].believed == "2026"
    leak_vs_guess = consolidate_season(
        [sc("studio", "MAPPA", "speculated", "none"), sc("studio", "Madhouse", "reported", "leak")],
        "Lantern Road",
        None,
        2,
    )
    assert leak_vs_guess.types["studio"].believed == "Madhouse"


def test_near_duplicates_count_once() -> None:
    claims = [
        sc("release", "2025-SPRING", "reported", "leak", dup_group="g1"),
        sc("release", "2025-SPRING", "reported", "leak", dup_group="g1"),
        sc("release", "2025-SPRING", "reported", "leak", dup_group="g1"),
        sc("release", "2025-FALL", "confirmed", "none"),
    ]
    release = consolidate_season(claims, "Lantern Road", None, 2).types["release"]
    spring = release.value("2025-SPRING")
    assert spring.score == pytest.approx(0.24)  # three copies of one leak weigh as one
    assert sum(s.counted for s in spring.supports) == 1
    assert release.believed == "2025-FALL"  # 0.4 beats the single leak


def test_later_official_statement_supersedes_earlier_one() -> None:
    claims = [
        sc("release", "2024-04", "confirmed", "official", published="2023-09-01"),
        sc("release", "2024-04", "confirmed", "media", published="2023-09-02"),
        sc("release", "2024-10", "confirmed", "official", published="2024-02-10"),
    ]
    release = consolidate_season(claims, "Lantern Road", None, 2).types["release"]
    assert release.believed == "2024-10"
    april = release.value("2024-04")
    assert april.score == 0 and not april.official
    assert all(s.superseded_by for s in april.supports)
    assert "superseded" in release.reason


def test_undated_claims_are_not_superseded() -> None:
    claims = [
        sc("release", "2024-04", "confirmed", "official"),
        sc("release", "2024-10", "confirmed", "official", published="2024-02-10"),
    ]
    release = consolidate_season(claims, "Lantern Road", None, 2).types["release"]
    assert release.value("2024-04").score == 1.0
    assert release.contradictions


def test_specific_date_believed_when_well_backed_else_coarse_one() -> None:
    flat_year_official_day = [
        sc("release", "2024", "confirmed", "none"),
        sc("release", "2024-07-03", "confirmed", "official"),
    ]
    release = consolidate_season(flat_year_official_day, "L", None, 2).types["release"]
    assert release.believed == "2024-07-03" and not release.contradictions
    official_year_leaked_day = [
        sc("release", "2024", "confirmed", "official"),
        sc("release", "2024-07-03", "reported", "leak"),
    ]
    release = consolidate_season(official_year_leaked_day, "L", None, 2).types["release"]
    assert release.believed == "2024"


def test_vague_release_claim_is_listed_beside_the_dated_one() -> None:
    claims = [
        sc("release", None, "confirmed", "official"),
        sc("release", "2024", "confirmed", "none"),
        sc("release", "2023-10", "reported", "leak"),
    ]
    release = consolidate_season(claims, "L", None, 2).types["release"]
    assert release.believed == "2024"
    pairs = {(c.value_a, c.value_b) for c in release.contradictions}
    assert pairs == {("2024", "2023-10"), (None, "2024")}
    assert release.values[-1].value is None  # concrete values rank first


def test_renewal_denied_outweighs_a_leak() -> None:
    claims = [
        sc("renewal", None, "reported", "leak"),
        sc("renewal", None, "denied", "official"),
    ]
    renewal = consolidate_season(claims, "L", None, 2).types["renewal"]
    assert not renewal.holds
    assert renewal.reason.startswith("denied by 1 article (official)")
    assert renewal.contradictions[0].note == "some articles assert it, others deny it"


def test_streaming_services_coexist() -> None:
    claims = [sc("streaming", "Crunchyroll"), sc("streaming", "HIDIVE", "confirmed", "media")]
    streaming = consolidate_season(claims, "L", None, 2).types["streaming"]
    assert streaming.contradictions == ()
    assert streaming.believed == "Crunchyroll"
    assert {v.value for v in streaming.values} == {"Crunchyroll", "HIDIVE"}


def test_studio_spellings_are_one_value() -> None:
    claims = [sc("studio", "Doga Kobo", "reported", "leak"), sc("studio", "studio doga kobo")]
    studio = consolidate_season(claims, "L", None, 2).types["studio"]
    assert len(studio.values) == 1
    assert studio.believed == "Doga Kobo" and studio.values[0].official
