"""Naming the work, fourth round: an event's edition that opens a headline as a kicker, a
Japanese headline's title brackets, a possessive inside a headline's title, and a headline's
romaji title that the body gives again before the KB's English title in brackets.

Rules of news writing added after held-out set 10 was tuned on (its error classes, none of its
texts). Every text here was written for these tests (invented franchises, events, people and
facts); each rule has a negative case.
"""

from __future__ import annotations

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker

# The empty KB, the linker cache kept in a temporary directory, kb_of(*titles), the subject and
# the claims of an article: shared with the earlier rounds' tests.
from test_link_worknames2 import (  # noqa: E402, F401
    EMPTY,
    _cache_in_tmp,
    claims_of,
    kb_of,
    subject_of,
)


def title_works(text: str, title: str, kb: KnowledgeBase = EMPTY) -> list[str]:
    """The works of the headline's title mentions, in headline order."""
    result = Linker(kb, cache=False).analyse(text, title)
    return [m.work for m in result.title_mentions if m.kind == "title"]


# -- an event's edition opens the headline ------------------------------------------------------

EXPO_BODY = (
    "15:40 - The last reveal of the day: Sunfield Pictures announced a second season of "
    "Lantern Road, the cooking comedy about a retired courier. Lantern Road Season 2 streams "
    "in spring 2027.\n\nOur coverage of Harbor Expo 2026 continues tomorrow."
)


def test_an_event_edition_opening_a_headline_is_not_its_subject() -> None:
    title = "Harbor Expo 2026 live: every anime reveal from the Sunfield panel"
    assert subject_of(EXPO_BODY, title)[0] == "Lantern Road"
    assert claims_of(EXPO_BODY, title) and all(
        work == "Lantern Road" for work, _, _ in claims_of(EXPO_BODY, title)
    )


def test_a_short_year_after_an_event_name_is_its_edition_too() -> None:
    title = "Star Fest '27: Moonlit Bakery Gets New Anime for Summer 2027"
    text = (
        "The main stage at Star Fest '27 announced on Sunday a new anime for Moonlit Bakery, "
        "and the hosts said it premieres in summer 2027."
    )
    kb = kb_of("Moonlit Bakery")
    assert subject_of(text, title, kb) == ("Moonlit Bakery", "f0")
    assert title_works(text, title, kb) == ["Moonlit Bakery"]


def test_a_title_ending_in_a_plain_number_still_opens_the_headline() -> None:
    title = "Patrol Unit 9 Gets a Second Season"
    text = "Patrol Unit 9 returns for a second season next year, the studio said."
    assert subject_of(text, title)[0] == "Patrol Unit 9"


def test_a_future_year_of_science_fiction_stays_in_the_title() -> None:
    title = "Starship Aurora 2199 Season 2 Confirmed"
    text = "Starship Aurora 2199 Season 2 was confirmed by the production committee."
    assert subject_of(text, title)[0] == "Starship Aurora 2199"


# -- Japanese title brackets in a headline ------------------------------------------------------


def test_a_japanese_headline_title_is_the_text_in_its_brackets() -> None:
    title = "TVアニメ『星屑の庭』第2期制作決定！2027年1月放送開始"
    text = "TVアニメ『星屑の庭』の第2期制作が決定したことが、本日発表された。"
    assert subject_of(text, title)[0] == "星屑の庭"
    assert title_works(text, title) == ["星屑の庭"]


def test_a_headline_without_brackets_keeps_its_lead() -> None:
    title = "Starlit Garden Season 2 Announced for January 2027"
    text = "Starlit Garden Season 2 premieres in January 2027, the official site said."
    assert subject_of(text, title)[0] == "Starlit Garden"


# -- a possessive inside a headline's title -----------------------------------------------------


MIRELLE_BODY = (
    "The publisher announced on its portal that Mirelle no Niwa is getting a brand new TV "
    "anime in 2027. Mirelle herself appears on the first key visual, standing in a greenhouse."
)


def test_a_headline_possessive_before_words_the_body_never_repeats_is_inside_the_title() -> None:
    title = "Mirelle's Garden is getting a new anime (and I have thoughts)"
    assert subject_of(MIRELLE_BODY, title)[0] == "Mirelle's Garden"


def test_a_possessive_title_keeps_its_lower_case_connectors() -> None:
    title = "Mirelle's Garden of Glass is getting a new anime"
    assert subject_of(MIRELLE_BODY, title)[0] == "Mirelle's Garden of Glass"


def test_a_headline_possessive_before_a_title_the_body_names_alone_is_its_author() -> None:
    title = "Rei Okada's Copper Lantern is getting a new anime"
    text = (
        "Copper Lantern, the long-running manga by Rei Okada, is getting a new anime in 2027, "
        "and the Copper Lantern anime will stream on Crunchyroll."
    )
    assert subject_of(text, title)[0] == "Copper Lantern"


def test_an_author_possessive_is_not_glued_to_a_title_the_body_names_alone() -> None:
    title = "Rei Okada's Copper Lantern is getting a new anime"
    text = "Copper Lantern, the long-running manga by Rei Okada, is getting a new anime in 2027."
    assert "Rei Okada's Copper Lantern" not in title_works(text, title)


def test_a_possessed_character_the_body_names_alone_is_not_glued_to_the_title() -> None:
    title = "Lantern Road's Pip Takes Center Stage in Season 2"
    text = (
        "Lantern Road Season 2 puts Pip, the courier's youngest apprentice, at the heart of "
        "the story, the official site said."
    )
    assert subject_of(text, title)[0] == "Lantern Road"


def test_a_headline_possessive_before_a_season_word_is_not_a_title() -> None:
    title = "Mirelle's Season 2 is coming in spring"
    text = "Mirelle Season 2 premieres in spring 2027, the official site said."
    assert subject_of(text, title)[0] == "Mirelle"


# -- the headline's romaji title before a bracketed KB title ---------------------------------------

STARS = "Where Are the Stars?"
HOSHI_BODY = (
    "El estudio anunció hoy que Hoshi wa, Doko ni? (Where Are the Stars?) tendrá una segunda "
    "temporada en enero de 2027. Hoshi wa, Doko ni? es una serie de novelas ligeras."
)


def test_a_headline_romaji_title_is_the_bracketed_kb_work() -> None:
    title = "Hoshi wa, Doko ni? tendrá segunda temporada en enero de 2027"
    work, fid = subject_of(HOSHI_BODY, title, kb_of(STARS))
    assert (work, fid) == (STARS, "f0")
    assert title_works(HOSHI_BODY, title, kb_of(STARS)) == [STARS]


def test_a_bracketed_kb_title_after_other_words_names_no_headline() -> None:
    title = "Hoshi wa, Doko ni? tendrá segunda temporada en enero de 2027"
    text = (
        "El estudio de la primera temporada (Where Are the Stars?) anunció hoy una segunda "
        "temporada para enero de 2027."
    )
    assert STARS not in title_works(text, title, kb_of(STARS))


def test_a_headline_title_found_whole_keeps_the_article_name() -> None:
    title = "Douka no Yakan-bu Season 2 Announced"
    text = (
        "Douka no Yakan-bu (Copper Kettle Club) returns for a second season in April 2027, "
        "the official site announced."
    )
    work, fid = subject_of(text, title, kb_of("Copper Kettle Club"))
    assert (work, fid) == ("Douka no Yakan-bu", "f0")


def test_a_title_case_headline_keeps_the_possessive_before_its_verb() -> None:
    title = "Mirelle's Garden Gets New TV Anime in 2027"
    assert subject_of(MIRELLE_BODY, title)[0] == "Mirelle's Garden"


def test_a_headline_romaji_title_in_capitals_is_the_bracketed_kb_work() -> None:
    title = "HOSHI WA, DOKO NI? TENDRÁ SEGUNDA TEMPORADA"
    assert subject_of(HOSHI_BODY, title, kb_of(STARS)) == (STARS, "f0")


# -- a kicker before a colon --------------------------------------------------------------------


def test_a_name_before_a_colon_and_a_kb_title_is_a_kicker() -> None:
    title = "Harbor Expo: Moonlit Bakery Gets New Anime"
    text = "The Harbor Expo main stage announced a new anime for Moonlit Bakery on Sunday."
    kb = kb_of("Moonlit Bakery")
    assert subject_of(text, title, kb) == ("Moonlit Bakery", "f0")
    assert title_works(text, title, kb) == ["Moonlit Bakery"]


def test_a_one_word_kb_name_after_the_colon_makes_no_kicker() -> None:
    title = "Moonlit Bakery: Sunrise Animates the Second Season"
    text = "The second season will be animated by Sunrise, the official site said."
    assert subject_of(text, title, kb_of("Sunrise"))[0] == "Moonlit Bakery"
