"""KB check: supported / contradicted / not yet known at every date granularity, studios, streaming."""

from __future__ import annotations

import pytest

from seasoncheck.kb.model import Franchise, KBSeason
from seasoncheck.kbcheck import CONTRADICTED, NOT_YET_KNOWN, SUPPORTED, check_claim, same_studio

FID = "oshi-no-ko"
OSHI = Franchise(
    FID,
    "Oshi no Ko",
    ("Oshi no Ko", "【推しの子】"),
    seasons=(
        KBSeason("bgm:1", FID, "【推しの子】", 1, first_aired="2023-04-12", studios=("Doga Kobo",)),
        KBSeason(
            "bgm:2",
            FID,
            "【推しの子】 第2期",
            2,
            first_aired="2024-07-03",
            last_aired="2024-10-06",
            studios=("Doga Kobo",),
            streaming=("hidive", "bilibili"),
            sources=("bangumi-data",),
        ),
        KBSeason("bgm:3", FID, "【推しの子】 第3期", 3),
    ),
    studios=("Doga Kobo",),
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", SUPPORTED),
        ("2024-SUMMER", SUPPORTED),
        ("2024-07", SUPPORTED),
        ("2024-07-03", SUPPORTED),
        ("2023-10", CONTRADICTED),  # "October 2023" was wrong
        ("2024-07-10", CONTRADICTED),
        ("2024-FALL", CONTRADICTED),
        ("2025", CONTRADICTED),
        (None, NOT_YET_KNOWN),  # "a date was announced" without one
        ("soon", NOT_YET_KNOWN),
    ],
)
def test_release_dates_at_each_granularity(value: str | None, expected: str) -> None:
    result = check_claim("release", value, "confirmed", OSHI, 2)
    assert result.result == expected
    if expected != NOT_YET_KNOWN:
        assert result.fact == "first aired 2024-07-03 (bangumi-data)"


def test_coarse_kb_date_cannot_confirm_a_finer_claim() -> None:
    coarse = Franchise(FID, "X", seasons=(KBSeason("k", FID, "X 2", 2, first_aired="2024"),))
    assert check_claim("release", "2024-07", "confirmed", coarse, 2).result == NOT_YET_KNOWN
    assert check_claim("release", "2023-07", "confirmed", coarse, 2).result == CONTRADICTED


def test_season_without_date_or_not_in_kb_is_not_yet_known() -> None:
    assert check_claim("release", "2026-01", "confirmed", OSHI, 3).result == NOT_YET_KNOWN
    assert check_claim("release", "2030", "confirmed", OSHI, 4).result == NOT_YET_KNOWN
    assert check_claim("release", "2024", "confirmed", None, 2).result == NOT_YET_KNOWN
    assert check_claim("release", "2024", "confirmed", OSHI, None).result == NOT_YET_KNOWN


def test_renewal_supported_when_the_kb_has_the_season() -> None:
    assert check_claim("renewal", None, "reported", OSHI, 3).result == SUPPORTED
    assert check_claim("renewal", None, "reported", OSHI, 4).result == NOT_YET_KNOWN
    assert check_claim("renewal", None, "denied", OSHI, 3).result == CONTRADICTED


def test_denied_date_is_judged_the_other_way() -> None:
    assert check_claim("release", "2023-10", "denied", OSHI, 2).result == SUPPORTED
    assert check_claim("release", "2024", "denied", OSHI, 2).result == CONTRADICTED


def test_studio_supported_and_contradicted() -> None:
    assert check_claim("studio", "Doga Kobo", "reported", OSHI, 2).result == SUPPORTED
    assert check_claim("studio", "studio Doga Kobo", "reported", OSHI, 2).result == SUPPORTED
    wrong = check_claim("studio", "MAPPA", "confirmed", OSHI, 2)
    assert (wrong.result, wrong.fact) == (CONTRADICTED, "studio of this season: Doga Kobo")
    # Season 3 has no studio of its own: the franchise's studio answers.
    assert check_claim("studio", "Doga Kobo", "confirmed", OSHI, 3).result == SUPPORTED
    bare = Franchise("x", "X", seasons=(KBSeason("k", "x", "X", 2),))
    assert check_claim("studio", "MAPPA", "confirmed", bare, 2).result == NOT_YET_KNOWN


def test_streaming_never_contradicted_by_an_incomplete_list() -> None:
    assert check_claim("streaming", "HIDIVE", "confirmed", OSHI, 2).result == SUPPORTED
    assert check_claim("streaming", "Netflix", "confirmed", OSHI, 2).result == NOT_YET_KNOWN


def test_trailers_are_not_in_the_kb() -> None:
    assert check_claim("trailer", None, "confirmed", OSHI, 2).result == NOT_YET_KNOWN


def test_same_studio_tolerates_spelling_not_other_studios() -> None:
    assert same_studio("Dogakobo", "Doga Kobo")
    assert same_studio("Studio Bind", "Bind")
    assert not same_studio("Studio Bind", "Studio Bones")
    assert not same_studio("MAPPA", "Madhouse")
