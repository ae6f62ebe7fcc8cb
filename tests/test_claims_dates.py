"""Dates in claim sentences: absolute, month, anime season, relative to the published date."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seasoncheck.claims.dates import find_dates, parse_published, refines
from seasoncheck.claims.scoring import norm_value

PUB = (2024, 5)  # published May 2024


def values(text: str, pub: tuple[int, int] | None = PUB) -> list[str | None]:
    """The normalised values found in ``text``."""
    return [d.value for d in find_dates(text, pub)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It premieres on July 3, 2024.", "2024-07-03"),
        ("It premieres on 3 July 2024.", "2024-07-03"),
        ("It premieres on Jan. 9, 2025.", "2025-01-09"),
        ("It returns in July, 2023.", "2023-07"),
        ("It returns in April of 2023.", "2023-04"),
        ("The film opens in Summer 2024.", "2024-SUMMER"),
        ("The sequel lands in autumn 2025.", "2025-FALL"),
        ("Season 2 is coming in early 2024.", "2024"),
        ("2024年7月に放送開始。", "2024-07"),
    ],
)
def test_absolute_dates(text: str, expected: str) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It will be back next year.", "2025"),
        ("It airs later this year.", "2024"),
        ("It premieres this October.", "2024-10"),
        ("It premieres this fall.", "2024-FALL"),
        ("It premieres next spring.", "2025-SPRING"),
        ("It will premiere in January.", "2025-01"),  # a month well before May: next year's
        ("It will premiere on July 14.", "2024-07-14"),
    ],
)
def test_relative_dates_resolve_against_published(text: str, expected: str) -> None:
    assert values(text) == [expected]


def test_relative_dates_stay_null_without_published() -> None:
    assert values("The new season starts on January 14.", None) == [None]
    assert values("It will be back next year.", None) == [None]


def test_the_modal_may_is_not_a_month() -> None:
    assert values("Fans may see the sequel soon.") == []
    assert values("It premieres on May 4, 2025.") == ["2025-05-04"]


def test_no_date_words_no_dates() -> None:
    assert values("The studio has not said anything about the sequel.") == []


def test_parse_published() -> None:
    assert parse_published("2024-10-06") == (2024, 10)
    assert parse_published("2024") == (2024, 0)
    assert parse_published("last Tuesday") is None
    assert parse_published("2024-13") is None


def test_refines() -> None:
    assert refines("2023-01-09", "2023-01")
    assert refines("2024-10", "2024")
    assert refines("2024-07-03", "2024-SUMMER")
    assert not refines("2024-10", "2025")
    assert not refines("2024", "2024-10")


@given(st.integers(2000, 2099), st.integers(1, 12), st.integers(1, 28))
def test_normalising_twice_is_normalising_once(y: int, m: int, d: int) -> None:
    v = f"{y}-{m}-{d}"
    assert norm_value("release", norm_value("release", v)) == norm_value("release", v)
    assert values(
        f"It premieres on {d} {['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} {y}."
    ) == [f"{y:04d}-{m:02d}-{d:02d}"]
