"""Sentence segmentation: offsets are exact, headlines and lists split on lines, abbreviations kept."""

from __future__ import annotations

from seasoncheck.claims.segment import MAX_SENTENCE_CHARS, split_sentences


def test_offsets_are_exact_substrings() -> None:
    text = "Headline Without Stop\n\nFirst sentence here. Second one!  Third?\n• a list item"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Headline Without Stop",
        "First sentence here.",
        "Second one!",
        "Third?",
        "• a list item",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Dr. Stone returns on Oct. 3 with Kaiju No. 8 in tow. It is great."
    assert [s.text for s in split_sentences(text)] == [
        "Dr. Stone returns on Oct. 3 with Kaiju No. 8 in tow.",
        "It is great.",
    ]


def test_text_without_breaks_is_cut_into_bounded_pieces() -> None:
    text = ", ".join(["the sequel keeps coming"] * 400)
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(text[p.start : p.end] == p.text for p in pieces)


def test_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []
