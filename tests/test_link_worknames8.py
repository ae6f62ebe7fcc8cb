"""Naming the work, eighth round: a headline verb of release that ends the headline's opening
name ("X Opens in Japan on May 2", "X Hits Theaters"), a leading "A"/"An" that belongs to the
title, a light-novel title whose comma is followed by a capitalised conjunction ("X, So I Y"),
the name before an installment noun or the headline's opening name when no rule finds any work
("the X film", "X Reveals Cast"), a colon the article writes where the KB title has none, a
one-letter season suffix, and a new subtitle after the main title of a KB "Head: Subtitle" title.

Rules of news writing added after held-out set 14 was tuned on (its error classes, none of its
texts). Every text here was written for these tests (invented franchises, people and facts);
each rule has negative cases.
"""

from __future__ import annotations

from seasoncheck.kb.model import Franchise, KnowledgeBase, TitleEntry
from seasoncheck.link import Linker

# The empty KB and the linker cache kept in a temporary directory: shared with the earlier
# rounds' tests.
from test_link_worknames2 import EMPTY, _cache_in_tmp, claims_of, kb_of  # noqa: E402, F401


def works_of(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> set[str]:
    """The works of the linker's title mentions (body and headline)."""
    result = Linker(kb, cache=False).analyse(text, title)
    return {m.work for m in (*result.mentions, *result.title_mentions) if m.kind == "title"}


def subject_of(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> str | None:
    """The work the linker takes an article to be about."""
    s = Linker(kb, cache=False).analyse(text, title).subject
    return s.work if s else None


# -- a headline verb of release ends the opening name ------------------------------------------

_VELVET_TITLE = "Velvet Harbor -Tidal Cut- Opens in Japan on March 3"
_VELVET_BODY = (
    _VELVET_TITLE + "\nThe anime film arrives after two delays\n\n"
    "The distributor has set a release date for Velvet Harbor -Tidal Cut-. The film will open "
    "in Japanese theaters on March 3, 2027, the anime's official website said on Monday."
)


def test_opens_ends_the_headline_name_even_when_the_body_copies_the_headline() -> None:
    assert subject_of(_VELVET_BODY, _VELVET_TITLE) == "Velvet Harbor -Tidal Cut"
    assert works_of(_VELVET_BODY, _VELVET_TITLE) == {"Velvet Harbor -Tidal Cut"}


def test_hits_and_lands_end_the_headline_name() -> None:
    body = "The anime film about a lighthouse keeper was a hit at a festival in the autumn."
    assert subject_of(body, "Moss Garden Lantern Hits Theaters in May") == "Moss Garden Lantern"
    assert subject_of(body, "Moss Garden Lantern Lands on Netflix in June") == (
        "Moss Garden Lantern"
    )


def test_release_verb_inside_a_title_before_its_season_stays_in_the_title() -> None:
    title = "When the Reef Opens Its Eyes Season 2 Announced"
    body = "When the Reef Opens Its Eyes will return for a second season, the studio said."
    assert subject_of(body, title) == "Reef Opens Its Eyes"


def test_release_verb_after_a_plain_noun_names_no_work() -> None:
    title = "Studio Opens New Office in Osaka"
    body = "The anime studio will move its staff to the new building in the spring."
    assert subject_of(body, title) is None


# -- a leading "A"/"An" that belongs to the title ---------------------------------------------

_SPARROW_TITLE = "A Lantern for Sparrows Season 2 Announced for Spring"
_SPARROW_BODY = (
    "A Lantern for Sparrows is getting a second season. The publisher revealed the sequel on "
    "Sunday. The first season of A Lantern for Sparrows aired in 2025 with 12 episodes."
)


def test_capitalised_a_in_mid_sentence_keeps_the_title_article() -> None:
    result = Linker(EMPTY, cache=False).analyse(_SPARROW_BODY, _SPARROW_TITLE)
    assert result.subject is not None and result.subject.work == "A Lantern for Sparrows"
    titles = [m for m in (*result.mentions, *result.title_mentions) if m.kind == "title"]
    assert {m.surface for m in titles} == {"A Lantern for Sparrows"}


def test_sentence_initial_a_alone_stays_outside_the_title() -> None:
    title = "A Lantern Road Season 2 Is Coming"
    body = (
        "A Lantern Road sequel has been announced. The second season of Lantern Road will "
        "premiere in the autumn, the studio said."
    )
    assert works_of(body, title) == {"Lantern Road"}


def test_lower_case_a_before_a_title_is_prose() -> None:
    title = "Lantern Road Season 2 Announced"
    body = "Fans waited for a Lantern Road sequel, and the second season of Lantern Road is here."
    assert works_of(body, title) == {"Lantern Road"}


# -- a light-novel title with a comma and a capitalised conjunction ----------------------------

_GATE = "I Was Born a Lighthouse, So I Guard the Harbor"


def test_comma_and_capitalised_so_join_one_title() -> None:
    title = _GATE + " Season 2 Announced"
    body = (
        f"The publisher said {_GATE} will get a second season. The first season of {_GATE} "
        "aired in 2025 and was animated by a small studio."
    )
    assert works_of(body, title) == {_GATE}


def test_short_form_in_the_headline_and_the_whole_title_in_the_body_are_one_work() -> None:
    whole = "I Was Born a Lighthouse, So I Can Keep the Harbor Lit"
    title = "I Was Born a Lighthouse Season 2 Release Date Prediction"
    body = (
        f"Good news first: {whole} is officially getting a second season. We expect season 2 "
        "in 2027 at the earliest."
    )
    works = works_of(body, title)
    assert len(works) == 1 and whole.startswith(works.pop())


def test_capitalised_conjunction_after_a_headline_season_joins_no_titles() -> None:
    title = "Lantern Road Season 2 Delayed, But Copper Kettle Season 3 Stays on Schedule"
    body = "The studio said Lantern Road needs more time, while Copper Kettle is on track."
    assert works_of(body, title) == {"Lantern Road", "Copper Kettle"}


def test_title_case_headline_comma_and_conjunction_join_no_titles() -> None:
    title = "Lantern Road Ends, So Copper Kettle Season 2 Takes Its Slot"
    body = (
        "Lantern Road ended on Sunday, and the anime Copper Kettle returns for season 2 next week."
    )
    assert works_of(body, title) == {"Lantern Road", "Copper Kettle"}


def test_headline_title_with_a_comma_joins_when_the_body_prose_writes_it() -> None:
    whole = "Banished from the Harbor, I Decided to Bake Bread"
    title = whole + " Season 2 Confirmed"
    body = f"The publisher said that {whole} will return in 2027 for a second season."
    assert works_of(body, title) == {whole}


def test_comma_before_a_lower_case_conjunction_is_prose() -> None:
    body = (
        "The studio finished Lantern Road Season 2, so Copper Kettle Season 3 is next in line, "
        "its producer said."
    )
    assert works_of(body, "Studio news") == {"Lantern Road", "Copper Kettle"}


# -- no work by any rule: the name before an installment noun ---------------------------------


def test_name_before_film_is_the_subject_when_no_other_rule_finds_a_work() -> None:
    title = "Moonlit Bakery Movie Gets New Visual, Cast"
    body = (
        "A new key visual for the Moonlit Bakery movie went up on Friday. The anime film opens "
        "on May 3, and Jane Roe voices the baker."
    )
    assert subject_of(body, title) == "Moonlit Bakery"


def test_name_before_ova_in_the_body_is_the_subject() -> None:
    title = "New anime release announced for winter"
    body = "The manga's publisher said the Willow Creek Diner OVA will ship in the winter."
    assert subject_of(body, title) == "Willow Creek Diner"


def test_installment_noun_adds_no_name_beside_a_work_found_otherwise() -> None:
    title = "Lantern Road Season 2 Announced"
    body = (
        "Lantern Road will return for a second season. The studio also made the Copper Kettle "
        "film last year."
    )
    assert works_of(body, title) == {"Lantern Road"}


def test_one_word_before_film_is_no_subject() -> None:
    title = "Studio news"
    body = "The Toho film will open in May, the anime studio said. The new film is an original."
    assert subject_of(body, title) is None


def test_headline_opening_name_is_the_subject_when_no_other_rule_finds_a_work() -> None:
    title = "Moonlit Bakery Reveals Cast, Key Visual"
    body = "The cast of Moonlit Bakery includes Jane Roe as the baker, the anime's website said."
    assert subject_of(body, title) == "Moonlit Bakery"


def test_unveils_ends_the_headline_name() -> None:
    title = "Moonlit Bakery Unveils New Visual Ahead of July Premiere"
    body = "A new visual for Moonlit Bakery shows two bakers at dawn. The anime premieres in July."
    assert subject_of(body, title) == "Moonlit Bakery"


def test_headline_opening_company_or_unrepeated_name_is_no_fallback_subject() -> None:
    body = "The anime studio Harbor Pictures said Jane Roe will voice the baker in a new series."
    assert subject_of(body, "Harbor Pictures Reveals Cast for New Series") is None
    assert subject_of(body, "Moonlit Bakery Reveals Cast") is None  # the body never names it


# -- a colon the article writes where the KB title has none -----------------------------------


def test_colon_before_a_the_subtitle_matches_the_kb_title_without_it() -> None:
    kb = kb_of("SKY HARBOR The Lost Lighthouse")
    title = "Sky Harbor: The Lost Lighthouse remake sets October premiere"
    body = (
        "The new TV anime of Sky Harbor: The Lost Lighthouse will begin airing in October, the "
        "official website announced. Sky Harbor - The Lost Lighthouse adapts the manga anew."
    )
    assert works_of(body, title, kb) == {"SKY HARBOR The Lost Lighthouse"}
    assert subject_of(body, title, kb) == "SKY HARBOR The Lost Lighthouse"


def test_colon_before_another_subtitle_is_no_match_of_the_kb_title() -> None:
    kb = kb_of("SKY HARBOR The Lost Lighthouse")
    body = "Sky Harbor: The Movie will open in theaters in May, the anime's distributor said."
    assert "SKY HARBOR The Lost Lighthouse" not in works_of(body, "Film news", kb)


# -- a one-letter season suffix written alone --------------------------------------------------

_HDF_Z = "Harbour Detective Files Z"
_HDF_TITLE = _HDF_Z + " second season premieres in April"
_HDF_BODY = (
    f"The second season of {_HDF_Z} will premiere in April on Harbor TV, the anime's "
    "broadcaster announced. The first season of Z ran 24 episodes in 2025."
)


def test_one_letter_short_form_is_no_title_mention_but_owns_its_season() -> None:
    kb = kb_of(_HDF_Z)
    result = Linker(kb, cache=False).analyse(_HDF_BODY, _HDF_TITLE)
    assert {m.surface for m in result.mentions if m.kind == "title"} == {_HDF_Z}
    first = [m for m in result.mentions if m.kind == "season_ref" and m.season == 1]
    assert [m.work for m in first] == [_HDF_Z]


def test_claims_print_the_full_name_not_the_letter() -> None:
    works = {w for w, _, _ in claims_of(_HDF_BODY, _HDF_TITLE, kb_of(_HDF_Z))}
    assert works == {_HDF_Z}


# -- a new subtitle after the main title of a KB "Head: Subtitle" title -----------------------


def _kite_kb() -> KnowledgeBase:
    """A franchise whose KB knows one film, "Night Kite the Movie: Paper Moon"."""
    film = "Night Kite the Movie: Paper Moon"
    franchises = {"nk": Franchise("nk", "Night Kite", ("Night Kite", film))}
    return KnowledgeBase(
        franchises=franchises, titles=[TitleEntry("Night Kite", "nk"), TitleEntry(film, "nk")]
    )


def test_another_subtitle_after_a_kb_main_title_names_the_new_installment() -> None:
    body = (
        "Two of this year's anime films continue older stories: Night Kite the Movie: Glass "
        "Harbor, the new chapter after 2021's Paper Moon, opens on May 2.\n"
        "Night Kite the Movie: Glass Harbor — Studio Vane — May 2, 2026"
    )
    result = Linker(_kite_kb(), cache=False).analyse(body, "2026 anime film calendar")
    titles = {m.surface for m in result.mentions if m.kind == "title"}
    assert titles == {"Night Kite the Movie: Glass Harbor"}
    assert {m.franchise_id for m in result.mentions if m.kind == "title"} == {"nk"}


def test_feature_words_after_the_colon_are_no_subtitle() -> None:
    body = "Night Kite the Movie: Season of Kites, the fans call it, but the anime has no sequel."
    result = Linker(_kite_kb(), cache=False).analyse(body, "Film news")
    assert {m.surface for m in result.mentions if m.kind == "title"} == {"Night Kite the Movie"}
    headline = "Night Kite the Movie: Everything We Know"
    result = Linker(_kite_kb(), cache=False).analyse(
        headline + "\nThe anime film opens soon.", headline
    )
    assert {m.surface for m in result.title_mentions if m.kind == "title"} == {
        "Night Kite the Movie"
    }


def test_the_kb_subtitle_stays_the_kb_title() -> None:
    body = "The anime film Night Kite the Movie: Paper Moon returns to theaters in June."
    result = Linker(_kite_kb(), cache=False).analyse(body, "Film news")
    titles = [m for m in result.mentions if m.kind == "title"]
    assert [(m.surface, m.franchise_id) for m in titles] == [
        ("Night Kite the Movie: Paper Moon", "nk")
    ]
