"""Speed rewrites of gates answer exactly as the rules as written.

The candidate-sentence gate of ``claims.candidates`` (the cue words grouped by first letter) and
the whole-sentence search before the clause split of ``cues.absent_spans``.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seasoncheck.claims import candidates, cues
from seasoncheck.claims import patterns as P

# Sentences written for these tests (news-style, no labelled article's wording).
SENTENCES = [
    "Studio Ironleaf could announce the second season of Lantern Road at the stage event.",
    "It might possibly return, and chances are the sequel is probably planned for 2027.",
    "The staff have not yet confirmed a date; no trailer, visual or poster has been shared.",
    "Whether the anime returns is unknown, but the publisher said a continuation is coming.",
    "The film premieres on March 4, 2026, and will stream on Crunchyroll outside Japan.",
    "Fans wonder when the show will be back: the creator hinted at a new season.",
    "Meanwhile, the game got a delay and the manga is on hiatus.",
    "Read the full interview below.",
    "We expect the sequel to be announced at the event, as is tradition.",
    "The official account posted a teaser video that shows the cast in costume.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_candidate_gate_answers_as_the_candidate_pattern(text: str) -> None:
    low = text.lower()
    grouped = candidates._grouped(P.CANDIDATE)
    assert grouped.pattern != P.CANDIDATE.pattern
    assert bool(grouped.search(low)) == bool(P.CANDIDATE.search(low))


def test_candidate_gate_rejects_a_sentence_without_cue_words() -> None:
    assert candidates._CANDIDATE_SEARCH("the cat sat on the mat.") is None
    assert candidates._CANDIDATE_SEARCH("the sequel is here.") is not None
    assert candidates._CANDIDATE_SEARCH("in 2026, maybe.") is not None  # a year


def _absent_by_clause(text: str) -> list[tuple[int, int]]:
    """``cues.absent_spans`` as it was written before the whole-sentence gate: every clause searched."""
    parts = cues.clauses(text)
    spans = [(s, e) for s, e in parts if P.ABSENCE.search(text, s, e)]
    spans = [cues._with_list_tail(text, span, parts) for span in spans]
    if cues._OPENS_WITH_NO.match(text):
        turn = cues._CONTRAST.search(text)
        return [(0, turn.start() if turn else len(text)), *spans]
    return spans


@pytest.mark.parametrize("text", SENTENCES + [s.upper() for s in SENTENCES])
def test_absence_clauses_match_a_clause_by_clause_search(text: str) -> None:
    cues.absent_spans.cache_clear()
    assert cues.absent_spans(text) == _absent_by_clause(text)


def test_absence_clause_is_found_and_a_plain_sentence_has_none() -> None:
    cues.absent_spans.cache_clear()
    text = "Whether the anime returns is unknown, but the publisher said a continuation is coming."
    assert [text[s:e] for s, e in cues.absent_spans(text)] == [
        "Whether the anime returns is unknown"
    ]
    assert cues.absent_spans("The film premieres on March 4, 2026, in Japan.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Season 2 aired in 2024.",
        "x2024 and _2019",
        "12019 or 19200",
        "(2020) 2020s é2021 2025-26",
        "",
    ],
)
def test_year_pattern_finds_the_years_of_the_plain_pattern(text: str) -> None:
    attach = importlib.import_module("seasoncheck.claims.attach")
    plain = re.compile(r"\b(?:19|20)\d\d\b")
    for pos in range(len(text) + 1):
        assert [m.span() for m in attach._YEAR.finditer(text, pos)] == [
            m.span() for m in plain.finditer(text, pos)
        ]


def test_year_pattern_reads_only_whole_years() -> None:
    attach = importlib.import_module("seasoncheck.claims.attach")
    assert attach._YEAR.findall("From 2019 to x2020, 20215 and 2021.") == ["2019", "2021"]


def _title_bangs_as_written(text: str) -> frozenset[str]:
    """The repeated title words of ``segment._BANG_PAIR``, found the plain way (every match)."""
    from seasoncheck.claims import segment

    seen: set[str] = set()
    twice: set[str] = set()
    for m in segment._BANG_PAIR.finditer(text):
        word = m.group("word")
        (twice if word in seen else seen).add(word)
    return frozenset(twice)


_BANG_ALPHABET = ["A", "Z", "a", "É", "é", "_", "7", "٣", "!", "!!", " ", "\t", "\n", ".", "Wow"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_BANG_ALPHABET), max_size=30).map("".join))
def test_title_bangs_from_the_bangs_equal_every_match_of_the_pattern(text: str) -> None:
    from seasoncheck.claims import segment

    assert segment._title_bangs(text) == _title_bangs_as_written(text)


def test_a_title_bang_written_twice_keeps_the_sentence_whole() -> None:
    from seasoncheck.claims.segment import split_sentences

    text = "Hurrah! Lantern Road returns. Hurrah! Lantern Road gets a second season in July 2027."
    assert [s.text for s in split_sentences(text)] == [
        "Hurrah! Lantern Road returns.",
        "Hurrah! Lantern Road gets a second season in July 2027.",
    ]
    assert _title_bangs_as_written(text) == frozenset({"Hurrah!"})
