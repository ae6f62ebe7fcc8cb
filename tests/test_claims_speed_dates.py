"""Date finding with the prefilter's literals finds the same dates as running every search."""

from __future__ import annotations

import pytest

from seasoncheck.claims import dates as D

# Sentences written for these tests: months, seasons, years, relative dates, none at all.
SENTENCES = [
    "The sequel premieres in October 2025.",
    "It returns in spring 2026, a year after the first season.",
    "The film opens May 5, 2026, in Japanese theaters.",
    "It may return next year, the staff hinted.",
    "Season 3 is set for a Fall 2025 debut on 7 July or later.",
    "No date yet, and nothing about the cast.",
    "The show aired from Jan. to Mar. 2024 and returns this winter.",
    "Two years after the finale, the studio is back.",
    "The new season starts in 2027年4月 in Japan.",
    "Fans marched to the theater in autumn.",
    "Everything about the sequel so far.",
    "İstanbul screenings begin in September 2025.",  # lowering changes the length
]
TEXTS = [v for s in SENTENCES for v in (s, s.upper(), s.lower(), s.title())]


def _reference(sentence: str, published: tuple[int, int] | None) -> list[D.DateMention]:
    """``find_dates`` without the literal shortcuts: every gate regex is run."""
    low = sentence.lower()
    if not D._DATE_HINT.search(low):
        return []
    needs = D._present_parts(sentence, low)
    found: list[D.DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in D._DATE_PATTERNS:
        if not D._PATTERN_NEEDS[kind] <= needs:
            continue
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            mention = D._to_mention(kind, m, published)
            if mention is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_find_dates_same_as_running_every_search(text: str) -> None:
    """The shortcuts never drop or add a date, in any letter case."""
    assert D.find_dates(text, (2025, 6)) == _reference(text, (2025, 6))


def test_find_dates_values() -> None:
    """Hand-checked readings: a month and year, a season, a relative year, no date."""
    got = D.find_dates("The sequel premieres in October 2025.", (2025, 6))
    assert [(d.value, d.precision) for d in got] == [("2025-10", 2)]
    got = D.find_dates("It returns in spring 2026, a year after the first season.", (2025, 6))
    assert [d.value for d in got] == ["2026-SPRING"]
    got = D.find_dates("It may return next year, the staff hinted.", (2025, 6))
    assert [d.value for d in got] == ["2026"]
    assert D.find_dates("Everything about the sequel so far.", (2025, 6)) == []
