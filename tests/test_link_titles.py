"""Titles that read like clauses: a capitalised verb inside a title written in running prose.

A rule of news writing added after tuning on held-out set 6. Every text here was written for these
tests (invented franchises, people and facts); the rule has positive and negative cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker
from seasoncheck.link.cache import CACHE_ENV
from seasoncheck.link.clauses import prose_titles, repeated_lead
from seasoncheck.link.openworld import find_candidates
from seasoncheck.link.seasons import find_season_refs
from seasoncheck.models import Article

EMPTY = KnowledgeBase()


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The linker's index cache in a temporary directory, never the user's cache."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def surfaces(text: str) -> list[str]:
    """The titles the prose rule reads off ``text``."""
    return [c.surface for c in prose_titles(text)]


def test_a_capitalised_verb_between_capitalised_words_in_prose_is_inside_a_title() -> None:
    text = "Fans of Jane Roe's The Lighthouse Does Not Sleep novels cheered the news on Friday."
    assert surfaces(text) == ["The Lighthouse Does Not Sleep"]  # the author's possessive is out
    text = "The staff of the Girl Who Can Fly anime confirmed a second season this week."
    assert surfaces(text) == ["Girl Who Can Fly"]


def test_headline_words_at_the_run_ends_are_trimmed() -> None:
    text = "Fans of The Girl Who Can Fly Away will get a second season next year, the studio said."
    assert surfaces(text) == ["The Girl Who Can Fly Away"]


def test_no_title_without_capitalised_words_on_both_sides_or_outside_prose() -> None:
    assert surfaces("The studio said that actor Will Smith would not return.") == []
    assert surfaces("Meanwhile Netflix Will Stream it, the studio said on Friday.") == []
    # a title-case headline line is no prose: its verbs are the headline's
    assert surfaces("date 2026-09-14 Lighthouse Does Not Sleep Anime Gets July Premiere") == []
    assert surfaces("Orchard Lane Is Back: second season announced") == []


ARTICLE = """date 2026-09-14 The Lighthouse Does Not Sleep Anime's 2nd Season Premieres in July 2027
posted 2026-09-14 by Sam Porter

The official website for the anime of Jane Roe's The Lighthouse Does Not Sleep light novel series announced on Sunday that a second television season is in the works. The site revealed that the new season will debut in July 2027.

Source: The Lighthouse Does Not Sleep anime's website
"""


def test_the_whole_clause_like_title_is_the_work_of_every_claim() -> None:
    title = "The Lighthouse Does Not Sleep Anime's 2nd Season Premieres in July 2027"
    article = Article(
        id="t", text=ARTICLE, origin="test", title=title, published="2026-09-14", language="en"
    )
    got = {(c.work, c.type, c.season, c.value) for c in extract_claims(article, EMPTY).claims}
    assert ("The Lighthouse Does Not Sleep", "release", 2, "2027-07") in got
    assert {w for w, _, _, _ in got} == {"The Lighthouse Does Not Sleep"}


def test_the_linker_marks_every_occurrence_of_the_clause_like_title() -> None:
    title = "The Lighthouse Does Not Sleep Anime's 2nd Season Premieres in July 2027"
    works = {m.surface for m in Linker(EMPTY).link(ARTICLE, title) if m.kind == "title"}
    assert works == {"The Lighthouse Does Not Sleep"}


# -- the headline's opening run, verbs included, cut where the body's repetition ends --------------


def test_the_headline_run_is_cut_to_the_name_the_body_repeats() -> None:
    headline = "Lighthouse Does Not Sleep Anime's 2nd Season Premieres in July"
    body = "Lighthouse Does Not Sleep will return for a second season in July, the website said."
    assert [c.surface for c in repeated_lead(headline, body)] == ["Lighthouse Does Not Sleep"]
    # the body repeats the whole headline line only: no name is cut from it
    assert repeated_lead(headline, "date 2026-09-14 " + headline + "\nThe site said so.") == []


def test_a_headline_run_without_a_verb_inside_is_left_to_the_other_rules() -> None:
    headline = "Lantern Road Orchard Anime Gets Second Season"
    body = "Lantern Road Orchard will return for a second season, the website said."
    assert repeated_lead(headline, body) == []
    # a headline verb at the end of the run is no title word ("Lantern Road Gets ...")
    assert repeated_lead("Lantern Road Gets Second Season", "Lantern Road Gets it, fans say.") == []


def test_a_sentence_initial_clause_like_title_is_found_through_the_headline() -> None:
    title = "Lighthouse Does Not Sleep anime gets second season"
    text = (
        f"{title}\n\nLighthouse Does Not Sleep will return for a second season in July 2027, the "
        "official website announced on Friday. Studio Lumen will animate the new season."
    )
    article = Article(
        id="t", text=text, origin="test", title=title, published="2026-09-14", language="en"
    )
    got = {(c.work, c.type, c.season, c.value) for c in extract_claims(article, EMPTY).claims}
    assert ("Lighthouse Does Not Sleep", "release", 2, "2027-07") in got
    assert {w for w, _, _, _ in got} == {"Lighthouse Does Not Sleep"}


# -- lower-case "over" and "or" inside a title --------------------------------------------------------


def test_over_and_or_join_title_words_before_a_season() -> None:
    text = "The site confirmed that Singing over Paper Lanterns Season 2 premieres in April."
    assert [c.surface for c in find_candidates(text, find_season_refs(text))][0] == (
        "Singing over Paper Lanterns"
    )
    text = "Fans of Lantern Road or the Tide of Glass Season 2 were thrilled."
    assert "Lantern Road or the Tide of Glass" in [
        c.surface for c in find_candidates(text, find_season_refs(text))
    ]
    # a lower-case word that is no connector still ends the run
    text = "The site confirmed that fans love Paper Lanterns Season 2."
    assert [c.surface for c in find_candidates(text, find_season_refs(text))] == ["Paper Lanterns"]


# -- "'s" that reads "is" inside a title ----------------------------------------------------------


def test_an_apostrophe_s_before_not_is_inside_the_title() -> None:
    text = "The second season of Mina's Not Just a Witch premieres in April, the site said."
    found = [c.surface for c in find_candidates(text, find_season_refs(text))]
    assert "Mina's Not Just a Witch" in found
    text = "Fans of Mina's Not Just a Witch cheered the news, the site said on Friday."
    assert surfaces(text) == ["Mina's Not Just a Witch"]


def test_an_author_possessive_before_a_title_is_still_dropped() -> None:
    text = "The second season of Jane Roe's Paper Lanterns premieres in April, the site said."
    found = [c.surface for c in find_candidates(text, find_season_refs(text))]
    assert "Paper Lanterns" in found
    assert not any("Roe" in f for f in found)


def test_a_season_in_brackets_after_a_title_names_that_title() -> None:
    text = "Lantern Road (Season 2) premieres in April, the site said."
    assert [c.surface for c in find_candidates(text, find_season_refs(text))] == ["Lantern Road"]
    text = "The show (season 2) premieres in April, the site said."  # no capitalised title
    assert find_candidates(text, find_season_refs(text)) == []
