"""Season attachment helpers: the other works' mentions a sentence is checked against."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seasoncheck.claims.ownership import ADJACENT_GAP, Nearby
from seasoncheck.claims.segment import Sentence
from seasoncheck.models import Mention


def _near_by_scan(others: list[Mention], s: Sentence) -> list[Mention]:
    """Mentions overlapping the sentence or ending at most ADJACENT_GAP + 2 before it."""
    return [m for m in others if m.start < s.end and m.end >= s.start - (ADJACENT_GAP + 2)]


def test_a_title_just_before_the_sentence_is_kept_and_a_far_one_is_not() -> None:
    far = Mention(0, 8, "Far Work", "Far Work")
    close = Mention(30, 40, "Close Work", "Close Work")  # ends 3 characters before the sentence
    inside = Mention(50, 58, "Season 2", "Close Work", season=2, kind="season_ref")
    after = Mention(90, 99, "Next Work", "Next Work")
    s = Sentence(43, 80, "x" * 37, 0)
    assert Nearby([far, close, inside, after]).around(s) == [close, inside]


_SPANS = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 60)), max_size=25)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(0, 300), st.integers(1, 120))
def test_nearby_mentions_are_those_a_full_scan_finds(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    others = sorted(
        (Mention(a, a + n, "t", f"w{i}") for i, (a, n) in enumerate(spans)),
        key=lambda m: (m.start, m.end),
    )
    s = Sentence(start, start + length, "x" * length, 0)
    assert Nearby(others).around(s) == _near_by_scan(others, s)
