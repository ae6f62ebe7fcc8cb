"""Rules of news writing added after held-out sets 14 and 15: a broadcaster or rights holder named
as the subject of an announcing verb speaks officially; a studio that "has taken over the animation";
a service "expected to carry" the season; a date line with the page's category; the writer's odds on
a season; "probable"; "not renewed officially"; "it will also simulcast"; a site that "credits
animation production to" a studio; fact lists under a first-season heading; fan edits; "makes a
continuation harder"; "according to the same post"; a page that "includes" a visual; a site's own
link lines; and a "Confirmed!" headline over a body that only guesses.

One test per rule, each with negative cases (history, negation, another reading of the same words).
Every sentence here was written for these tests (invented franchises, people and facts; the studios,
services and broadcasters are real names of the field, as the extractor's name lists hold them).
"""

from __future__ import annotations

from seasoncheck.claims.cues import Source, sentence_source
from seasoncheck.claims.finders import find_renewal, find_trailer
from test_claims_generalise8 import flags, releases, rows, sent, streams, studios  # noqa: E402

OFFICIAL = Source("confirmed", "official")


def test_a_broadcaster_or_rights_holder_that_announces_speaks_officially() -> None:
    assert sentence_source("TV Tokyo has confirmed that Lantern Road returns in April.") == OFFICIAL
    assert (
        sentence_source("The third season starts in July, Fuji TV announced on Monday.") == OFFICIAL
    )
    assert sentence_source("Tencent said the sequel will premiere next spring.") == OFFICIAL
    assert ("release", 2, "2026-10", "confirmed", "official") in rows(
        "NHK has confirmed that Lantern Road will return for a second season in October 2026."
    )
    # airing on a channel is no announcement, and neither is a channel that has said nothing
    assert sentence_source("The second season will air on TV Tokyo in April.").attribution == "none"
    assert sentence_source("Neither Shogakukan nor NHK has confirmed a sequel.").attribution != (
        "official"
    )
    assert sentence_source("Several broadcasters said nothing about it.").attribution == "none"


def test_a_studio_that_has_taken_over_the_animation_animates_the_new_season() -> None:
    assert studios("Doga Kobo has taken over the animation for the new season.") == {"Doga Kobo"}
    assert studios("The leak says Lerche has taken over the animation.") == {"Lerche"}
    # the studio it took over from is the old one, and a past takeover is history
    assert studios("Shaft has taken over the animation production from Lerche.") == {"Shaft"}
    assert studios("Lerche took over the animation for the second season in 2019.") == set()


def test_a_service_expected_to_carry_the_new_season_is_a_guess() -> None:
    text = "Netflix, which streamed the first season, is expected to carry it as well."
    assert streams(text) == {"Netflix"}
    assert sentence_source(text) == Source("speculated", "none")
    # an old expectation about the first season is history
    assert streams("Netflix was expected to carry the first season.") == set()


def test_a_date_line_with_the_pages_category_is_no_release() -> None:
    assert releases("March 3, 2026 · Anime Release Dates", (2026, 3)) == set()
    assert releases("June 9, 2026 | Seasonal Guides", (2026, 6)) == set()
    # a premiere date in a sentence stays a release
    assert releases("The sequel premieres on May 4, 2027 | Crunchyroll streams it.") == {
        "2027-05-04"
    }
    text = "Lantern Road Season 2 Release Date Confirmed: When Does It Air?"
    body = "September 20, 2026 · Anime Release Dates\n\nNothing has been announced about a sequel."
    assert flags(body, text) == ["headline_unsupported"]


def test_the_writers_odds_on_a_season_are_a_guessed_renewal() -> None:
    guess = ("renewal", 2, None, "speculated", "none")
    title = "Lantern Road Season 2: Will It Happen?"
    assert guess in rows("Lantern Road aired in 2024. We think a second season is likely.", title)
    assert guess in rows("We think Lantern Road season 2 is likely in the long run.")
    assert guess in rows("We think a second season of Lantern Road is a real possibility.")
    assert guess in rows("We believe the chance of Lantern Road Season 2 is high.")
    # odds against a season claim nothing
    assert rows("We think a second season of Lantern Road is unlikely.") == set()
    assert rows("The chance of Lantern Road Season 2 is low.") == set()


def test_probable_is_a_hedge() -> None:
    text = "When Lantern Road Season 2 comes, it is probable that it will stream on Crunchyroll."
    assert ("streaming", 2, "Crunchyroll", "speculated", "none") in rows(text)
    assert sentence_source("The probable cause was a scheduling conflict.").status == "speculated"


def test_a_season_not_renewed_officially_is_no_renewal() -> None:
    assert rows("Till now Lantern Road season 2 is not renewed officially.") == set()
    assert rows("There are not official confirmation about Lantern Road Season 2 yet.") == set()
    # a renewal stated outright stays
    assert ("renewal", 2, None, "confirmed", "none") in rows("Lantern Road season 2 is renewed.")


def test_it_will_simulcast_points_back_to_the_service_named_before() -> None:
    head = "Lantern Road will return for a second season in January 2027.\n\n"
    text = head + "Crunchyroll streamed the first season. It will also simulcast the new season."
    assert ("streaming", 2, "Crunchyroll", "confirmed", "none") in rows(text)
    # a service that did not simulcast the new season is no claim
    text = head + "Crunchyroll streamed the first season. It did not simulcast the second cour."
    assert not any(r[0] == "streaming" for r in rows(text))


def test_the_site_that_credits_the_animation_names_the_studio() -> None:
    text = (
        "The site credits animation production to Studio Orbis, a studio with few credits so far."
    )
    assert studios(text) == {"Orbis"}
    assert sentence_source(text) == OFFICIAL
    assert studios("The website credits the animation to Lerche.") == {"Lerche"}
    # the first season's credit is history, and a fan site is no official channel
    assert studios("The first season credited animation production to Studio Orbis.") == set()
    assert sentence_source("A fan site lists the premiere as April.").attribution == "none"


def test_a_fact_list_under_a_first_season_heading_is_history() -> None:
    title = "Lantern Road Season 2: Will It Happen?"
    text = (
        "No second season of Lantern Road has been announced.\n\n"
        "The first season\n\n- Premiere: January 2024\n- Studio: Lerche\n- Streaming: HIDIVE\n\n"
        "Quick facts\n\n- Streaming at the time: Netflix\n\n"
        "The new season\n\n- Studio: Shaft"
    )
    found = {(r[0], r[2]) for r in rows(text, title)}
    assert ("studio", "Shaft") in found
    assert not found & {("studio", "Lerche"), ("streaming", "HIDIVE"), ("streaming", "Netflix")}


def test_a_fan_edit_is_no_trailer() -> None:
    text = "Be careful with 'official trailer' videos: they are fan edits of first-season footage."
    assert find_trailer(sent(text)) == []
    assert find_trailer(sent("A fan-edited teaser was posted by a user.")) == []
    assert find_trailer(sent("The studio posted a new teaser for the second season.")) != []


def test_what_makes_a_continuation_harder_is_no_renewal() -> None:
    text = "The anime skipped material, which makes a direct continuation harder."
    assert find_renewal(sent(text)) == []
    assert find_renewal(sent("A continuation of the anime has been announced.")) != []


def test_a_service_that_had_the_rights_to_the_earlier_series_is_history() -> None:
    text = "Netflix had exclusive rights to the TV series, and whether it will carry the film is unknown."
    assert streams(text) == set()
    assert streams("Netflix had the rights to season 1, and it will stream season 2 too.") == {
        "Netflix"
    }


def test_the_same_post_keeps_the_source_of_the_sentence_before() -> None:
    text = (
        "The official website announced a new Lantern Road film last year. An anonymous user on a "
        "Discord server posted that Lantern Road season 2 is in production at Lerche. According "
        "to the same post, the second season is pencilled in for July 2027."
    )
    assert ("release", 2, "2027-07", "reported", "leak") in rows(text)
    # with no source before it, "the same post" gives nothing to inherit
    text = "According to the same post, the second season of Lantern Road premieres in July 2027."
    assert ("release", 2, "2027-07", "confirmed", "none") in rows(text)


def test_a_page_that_includes_a_visual_and_news_that_came_with_one_are_trailers() -> None:
    official = ("trailer", 2, None, "confirmed", "official")
    head = "The official website announced that Lantern Road will return for a second season. "
    assert official in rows(head + "The page includes a first key visual for the new season.")
    assert find_trailer(sent("The news came with a teaser visual of the two heroes.")) != []
    # a visual that is still to come, or a product bonus, is no trailer
    assert find_trailer(sent("The news came with a promise of a visual next month.")) == []


def test_a_sites_own_link_line_is_no_claim() -> None:
    body = "Lantern Road will return for a second season.\n\n"
    for line in (
        "Also on Example Desk: This week's releases | Five horror anime for October",
        "More from Example Corner: the best fights of the season, ranked for October",
    ):
        assert not any(r[0] == "release" for r in rows(body + line))
    # a sentence that starts "Also on ..." without a colon stays a sentence
    text = body + "Also on Friday, the site said the season premieres in October 2026."
    assert any(r[0] == "release" for r in rows(text))


def test_a_confirmed_headline_over_a_body_that_only_guesses_is_flagged() -> None:
    title = "Lantern Road Season 2 Officially Confirmed! Everything You Need to Know"
    guess = "No studio has said anything. We think a second season of Lantern Road is a real possibility."
    assert flags(guess, title) == ["headline_unsupported"]
    # a body that confirms it, or a headline that passes on a rumour, is no broken promise
    news = "The official website announced that Lantern Road will return for a second season."
    assert flags(news, title) == []
    assert flags(guess, "Rumour: Lantern Road Season 2 Confirmed by Leaker") == []


def test_a_likely_home_for_the_sequel_is_a_guessed_service() -> None:
    head = "Lantern Road will return for a second season in 2027. "
    text = (
        head + "Crunchyroll streamed the first season, so it is a likely home for the sequel too."
    )
    assert ("streaming", 2, "Crunchyroll", "speculated", "none") in rows(text)
    text = "Since it has the first season, it would be the natural home for the second."
    assert sentence_source(text).status == "speculated"
    # a home for fans is no home for the sequel
    text = head + "Crunchyroll streamed the first season, which was a home for many fans."
    assert not any(r[0] == "streaming" for r in rows(text))


def test_a_flagged_headline_is_no_evidence() -> None:
    title = "Lantern Road Season 2 Release Date Officially Confirmed: Here Is When It Airs"
    body = (
        "Nobody involved has said anything about more episodes. We think a sequel may come one day."
    )
    assert flags(title + "\n\n" + body, title) == ["headline_unsupported"]
    assert not any(r[3] == "confirmed" for r in rows(title + "\n\n" + body, title))
    # a headline the body supports keeps its claims
    body = "The official website announced that Lantern Road season 2 premieres in April 2027."
    assert ("release", 2, "2027-04", "confirmed", "official") in rows(title + "\n\n" + body, title)
