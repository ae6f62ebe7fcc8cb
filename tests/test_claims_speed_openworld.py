"""The open-world title finder's faster boundary search cuts title runs where it did before."""

from __future__ import annotations

import pytest

from seasoncheck.link import openworld as O

# Text before a season reference, written for these tests: colons, dashes, abbreviations.
SEGMENTS = [
    "Recently, fans of Lantern Road",
    "Official Confirmation: Lantern Road",
    "The wait is over. Dr. Pebble",
    "Readers of Kaiju No. 12",
    "Ironleaf - Tales of the North Wind",
    "(Updated) Vol. 3 of the manga; Mr. Lantern's Road",
    "no boundary at all here",
    "",
    "Head: Tail: Third",
    "It's back! Ya Boy Sparrow!",
]


def _last_boundary_forward(seg: str) -> tuple[int, bool]:
    """The boundary search as first written: every boundary, left to right, the last one wins."""
    cut, colon = 0, False
    for m in O._BOUNDARY.finditer(seg):
        if m.group(0)[0] == "." and O._is_abbreviation(seg, m.start()):
            continue
        cut, colon = m.end(), m.group(0).strip() in (":", "-", "–", "—")
    return cut, colon


@pytest.mark.parametrize("seg", SEGMENTS)
def test_last_boundary_same_as_forward_scan(seg: str) -> None:
    """Scanning from the end finds the boundary the forward scan ended on."""
    assert O._last_boundary(seg) == _last_boundary_forward(seg)


def test_last_boundary_skips_abbreviations() -> None:
    """'Dr.' and 'No.' do not cut the run; the sentence's full stop and a colon do."""
    assert O._last_boundary("The wait is over. Dr. Pebble") == (17, False)
    assert O._last_boundary("Readers of Kaiju No. 12") == (0, False)
    assert O._last_boundary("Official Confirmation: Lantern Road") == (23, True)


def test_run_before_finds_the_title_before_season() -> None:
    """'... Dr. Pebble Season 2': the title keeps its abbreviation."""
    text = "The wait is over. Dr. Pebble Season 2 is coming."
    cands = O._run_before(text, text.index(" Season"), "before_season")
    assert [c.surface for c in cands] == ["Dr. Pebble"]


# Text before a cue word ("anime", "Season 2"), ending in articles and title words alike.
BEFORE_CUES = [
    "Fans finally got a look at the",
    "Studio Pebble confirmed that the",
    "Frieren The the",
    "the",
    "A",
    "It is an",
    "Recently.\nthe",
    "Gets a new look for The",
    "Lantern Road: the",
    "Kaiju No. 12 and an",
    "Ironleaf's the",
    "Spring",
    "Lantern Road",
]


@pytest.mark.parametrize("seg", BEFORE_CUES)
def test_shortcut_only_skips_runs_without_a_title(seg: str) -> None:
    """When the last words alone rule out a title, walking back finds no title either."""
    if O._ends_without_title(seg):
        cut, _ = O._last_boundary(seg)
        assert O._make(seg, O._walk_back(seg, cut, len(seg)), "before_anime") == []


def test_run_before_article_cases() -> None:
    """'the anime' after a lower-case word has no title; after a title word it keeps it."""
    text = "Fans finally got a look at the anime."
    assert O._run_before(text, text.index(" anime"), "before_anime") == []
    text = "Frieren The the anime returns."
    cands = O._run_before(text, text.index(" anime"), "before_anime")
    assert [c.surface for c in cands] == ["Frieren"]


AFTER_SEASON = [
    " of Lantern Road is coming.",
    " OF THE HIT MANGA Lantern Road",
    " de la série Lanterne",
    " offers more episodes.",
    " of, well, Lantern Road",
    "                          of Lantern Road",
    ", the studio said",
    " Di Lantern Road",
    "",
]


def _run_after_of_by_regex(text: str, pos: int) -> list[O.TitleCandidate]:
    """The title after "of", found by the regex alone (no word check first)."""
    m = O._OF_AFTER.match(text, pos)
    return O._run_after(text, m.end(), "of_after_season") if m else []


@pytest.mark.parametrize("tail", AFTER_SEASON)
def test_run_after_of_same_as_regex_alone(tail: str) -> None:
    """The preposition check before the regex never changes the title found."""
    text = "The second season" + tail
    pos = len("The second season")
    assert O._run_after_of(text, pos) == _run_after_of_by_regex(text, pos)


def test_run_after_of_finds_the_title() -> None:
    """'the second season of Lantern Road is coming': the title after "of"."""
    text = "The second season of Lantern Road is coming."
    cands = O._run_after_of(text, len("The second season"))
    assert [c.surface for c in cands] == ["Lantern Road"]
