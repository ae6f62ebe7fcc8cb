"""Rules of news and web writing added after the blind run on held-out set 9 (SEO explainers,
rumour pages, listicles): its rule error classes.

One test per rule, each with negative cases (history, hedges, negation, another reading of the
same word). Every sentence here was written for these tests (invented franchises, people, outlets
and facts; the studios and services are real names of the field, as the extractor's name lists
hold them).
"""

from __future__ import annotations

from seasoncheck.claims.attach import Target, attach
from seasoncheck.claims.cues import Source, absent_spans, denies, sentence_source
from seasoncheck.claims.finders import (
    find_delay,
    find_renewal,
    find_trailer,
)
from seasoncheck.claims.segment import split_sentences

# The finders' view of one sentence, the release values read off it, an article and its claim
# rows: shared with set 8's tests.
from test_claims_generalise8 import (  # noqa: E402, F401
    KB,
    SERVICE_RX,
    STUDIO_RX,
    Row,
    article,
    releases,
    rows,
    sent,
)


def of_type(text: str, ctype: str, title: str | None = None) -> set[Row]:
    """The claims of one type of one article."""
    return {r for r in rows(text, title) if r[0] == ctype}


def test_a_claim_credited_to_the_announcement_is_official() -> None:
    for text in (
        "Madhouse is animating the new season, the announcement added.",
        "Lerche will produce the sequel, per the announcement.",
        "According to the account, Shaft is producing the animation for the second season.",
        "The same statement said that Satelight returns for the third season.",
    ):
        assert sentence_source(text).attribution == "official", text
    # a report is no announcement; an account named by a leaker is no official channel here
    assert sentence_source(
        "Madhouse is animating the new season, according to the same report."
    ) == Source("confirmed", "media")
    assert sentence_source("Madhouse is animating the new season, the insider added.") == Source(
        "reported", "leak"
    )
    assert sentence_source("Madhouse animated the first season in 2019.").attribution == "none"


def test_is_said_to_is_hearsay() -> None:
    assert sentence_source("The sequel is said to be in production at Lerche.") == Source(
        "reported", "leak"
    )
    assert sentence_source(
        "Lerche is said to be returning for the sequel, according to the same report."
    ) == Source("reported", "media")
    # "said to fans": a verb of saying, not hearsay
    assert sentence_source(
        "The director said to fans at the stage event that the sequel is in production."
    ) == Source("confirmed", "official")


def test_an_outlet_opening_the_sentence_is_media() -> None:
    assert sentence_source(
        "Example Anime Wire reported on Friday that a second season is in production."
    ) == Source("confirmed", "media")
    # a service or the official site reporting is the official channel; a leaker is a leak
    assert (
        sentence_source(
            "Crunchyroll reported that the second season will stream in April."
        ).attribution
        == "official"
    )
    assert (
        sentence_source("Insiders reported that the second season is in production.").attribution
        == "leak"
    )


def test_an_announcement_date_is_not_the_premiere() -> None:
    assert releases(
        "The official website confirmed Season 3 in August, together with a January 2027 premiere."
    ) == {"2027-01"}
    assert releases(
        "Netflix announced the fifth season during its animation showcase on November 4, and "
        "said it will arrive in 2027."
    ) == {"2027"}
    # a premiere right after the verb is still the premiere
    assert releases("Netflix confirmed the sequel is coming in January.") == {"2027-01"}
    assert releases("Netflix confirmed the sequel is coming in January 2027.") == {"2027-01"}
    assert releases("The sequel was confirmed for a July 2027 premiere.") == {"2027-07"}
    assert releases("The studio confirmed the sequel will premiere in October 2026.") == {"2026-10"}


def test_no_date_given_and_not_released_yet_are_absences() -> None:
    assert absent_spans("The event did not give a release date or a season.")
    assert absent_spans("The official trailer of the third season is not released till now.")
    assert absent_spans("The teaser isn't out yet.")
    assert not releases("The event did not give a release date, a season or even a year.")
    # a release that happened, or one that is set, is no absence
    assert not absent_spans("The official trailer was released on Friday.")
    assert not absent_spans("The teaser is released on the official channel every Friday.")


def test_a_wish_is_no_claim() -> None:
    text = (
        "Moonlit Bakery Season 2 has not been announced.\n\n"
        "Many fans at the concert were hoping for a different announcement. "
        "The speculation will have to continue."
    )
    assert not of_type(text, "renewal"), rows(text)
    assert absent_spans("Fans asked for a sequel, and the studio announced one on Friday.") == []
    # an announcement that happened is still one
    assert ("renewal", 2, None, "confirmed", "official") in rows(
        "The official website announced a second season of Moonlit Bakery on Friday."
    )


def test_seasons_named_as_a_whole_are_history() -> None:
    target = Target("Moonlit Bakery", 4)
    for text in (
        "For viewers outside Japan, all three TV seasons are available on Crunchyroll.",
        "Both seasons are on Netflix.",
    ):
        assert attach(split_sentences(text)[0], [], target, []).past, text
    # all seasons coming to a service is news about the service, not history
    text = "All three seasons will stream on Netflix before the finale."
    assert attach(split_sentences(text)[0], [], target, []).keys == (4,)


def test_a_comparison_with_the_first_season_is_an_aside() -> None:
    text = (
        "Moonlit Bakery Season 2 is coming in 2027.\n\n"
        "Lerche will again animate the series, each episode handled by a small team as in the "
        "first season."
    )
    assert ("studio", 2, "Lerche", "confirmed", "none") in rows(text)
    text = (
        "Moonlit Bakery Season 2 is coming in 2027.\n\n"
        "Lerche will again animate the series, with most of the first season's team returning."
    )
    assert ("studio", 2, "Lerche", "confirmed", "none") in rows(text)
    # the first season's studio told as history stays history
    text = "Moonlit Bakery Season 2 is coming in 2027.\n\nLerche animated the first season."
    assert not of_type(text, "studio"), rows(text)


def test_a_future_passive_names_the_studio() -> None:
    text = (
        "Moonlit Bakery Season 3 is coming in 2027.\n\n"
        "The animation of the third season will be done by studio Lerche once more, the same "
        "studio which has made the earlier seasons with Shaft."
    )
    assert of_type(text, "studio") == {("studio", 3, "Lerche", "confirmed", "none")}
    text = "Moonlit Bakery Season 3 is coming in 2027.\n\nThe second season was done by Shaft."
    assert not of_type(text, "studio"), rows(text)


def test_a_studio_producing_at_is_tied() -> None:
    text = "According to the post, a third season of Moonlit Bakery is being produced at Lerche."
    assert ("studio", 3, "Lerche", "confirmed", "none") in rows(text)
    assert not of_type("The first season of Moonlit Bakery was produced at Lerche.", "studio")


def test_a_service_adding_the_season_to_its_lineup_streams_it() -> None:
    text = (
        "Moonlit Bakery Season 2 is coming in 2027.\n\n"
        "Crunchyroll, which streamed the first season, has added Moonlit Bakery Season 2 to its "
        "upcoming lineup page."
    )
    assert ("streaming", 2, "Crunchyroll", "confirmed", "official") in rows(text)
    text = "Moonlit Bakery Season 2 is coming in 2027.\n\nCrunchyroll added a new logo to its app."
    assert not of_type(text, "streaming"), rows(text)


def test_chinese_services_are_services() -> None:
    text = "Moonlit Bakery Season 3 will stream exclusively on Tencent Video in mainland China."
    assert ("streaming", 3, "Tencent Video", "confirmed", "none") in rows(text)
    assert ("streaming", 3, "Youku", "confirmed", "none") in rows(
        "Moonlit Bakery Season 3 will stream on Youku."
    )
    assert not of_type("Moonlit Bakery Season 1 streamed on Youku in 2020.", "streaming")


def test_fake_as_a_premise_or_in_general_is_no_denial() -> None:
    assert not denies("They are the most loved fake couple of romance anime.")
    assert not denies("The forum is where half of the fake renewal posts start.")
    assert not denies("The show is a fake dating comedy.")
    assert denies("That poster is fake.")
    assert denies("The poster is fake and spread fast.")
    assert denies("A fake trailer went viral this week.")
    assert denies("The image is not official material, the account said.")


def test_so_no_opens_a_denial_and_keeps_its_date() -> None:
    assert denies("So no, Moonlit Bakery is not getting a second season in May 2027.")
    assert "2027-05" in releases(
        "So no, Moonlit Bakery is not getting a second season in May 2027."
    )
    # a hedge is no denial, and its date is not claimed
    assert not denies("So, Moonlit Bakery is not expected to return in May 2027.")
    assert not releases("Fans should not expect Moonlit Bakery to return in May 2027.") - {None}


def test_a_poster_who_says_is_a_person() -> None:
    text = (
        "An anonymous user claims a third season of Moonlit Bakery is in production.\n\n"
        "The same poster says key animation for the first episodes started in the spring."
    )
    assert not of_type(text, "trailer"), rows(text)
    assert find_trailer(sent("The same poster shows the cast of the second season."))


def test_should_not_expect_and_realistic_windows_are_guesses() -> None:
    text = "Realistically, fans should not expect Moonlit Bakery Season 2 before 2027."
    assert ("release", 2, "2027", "speculated", "none") in rows(text)
    text = "That puts the earliest realistic window for Moonlit Bakery Season 2 in late 2027."
    assert ("release", 2, "2027", "speculated", "none") in rows(text)
    text = "The official website set Moonlit Bakery Season 2 for a window of late 2027."
    assert ("release", 2, "2027", "confirmed", "official") in rows(text)


def test_a_creator_releasing_art_is_official_for_the_trailer() -> None:
    text = (
        "Moonlit Bakery Season 2 is confirmed.\n\n"
        "To celebrate, original creator Mina Harada released a new illustration of the cast."
    )
    assert ("trailer", 2, None, "confirmed", "official") in rows(text)
    text = (
        "The official account announced Moonlit Bakery Season 2 on Friday.\n\n"
        "The tweet came with a new key visual of the two leads."
    )
    assert ("trailer", 2, None, "confirmed", "official") in rows(text)


def test_a_delay_in_a_story_dated_years_ago_is_history() -> None:
    text = (
        "It premiered in January 2023, but production problems forced a break, and the final "
        "episodes were pushed back to April."
    )
    assert not find_delay(sent(text))
    # a delay told now, to a month ahead, is a delay
    text = "The second season, planned for October, was pushed back to April."
    assert {f.value for f in find_delay(sent(text))} >= {"2027-04"}


def test_first_season_signed_off_is_history() -> None:
    text = (
        "Moonlit Bakery Season 3 is coming in 2027.\n\n"
        "The announcement went out on June 28, the same night the second season signed off."
    )
    assert not {r for r in rows(text) if r[1] == 2}, rows(text)


def test_a_listicle_introduction_is_no_renewal() -> None:
    for text in (
        "We checked official sites and rumor channels to round up the continuations you can look "
        "forward to next year.",
        "Here are three continuations that were confirmed recently, in case you missed them.",
    ):
        assert not find_renewal(sent(text)), text
    # a sentence that tells a renewal is one
    assert find_renewal(sent("Here is the news: a third season was confirmed on Friday."))
    assert find_renewal(sent("The studio rounded out the panel by confirming a third season."))
