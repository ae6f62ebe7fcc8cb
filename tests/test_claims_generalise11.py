"""Rules of news writing added after held-out set 11 (fact checks, streamer announcements, columns
with datelines, studio pairs and history credits, blogs cited by name): its rule error classes.

One test per rule, each with negative cases (history, hedges, another reading of the same words).
Every sentence here was written for these tests (invented franchises, people, outlets and facts;
the studios and services are real names of the field, as the extractor's name lists hold them).
"""

from __future__ import annotations

from seasoncheck.claims.cues import Source, sentence_source
from seasoncheck.claims.finders import find_delay

# The finders' view of one sentence and an article's claim rows: shared with set 8's tests.
from test_claims_generalise8 import (  # noqa: E402
    releases,
    rows,
    sent,
    streams,
    studios,
)

REPORTED_LEAK = Source("reported", "leak")
OFFICIAL = Source("confirmed", "official")


def test_the_official_account_on_a_platform_is_no_leak() -> None:
    said = "Minutes after the finale, the official Velvet Harbor account on Twitter confirmed a second season."
    assert sentence_source(said) == OFFICIAL
    # users and accounts that are no official account stay leaks
    assert (
        sentence_source("Several accounts on Twitter claim a second season is in production.")
        == REPORTED_LEAK
    )
    assert (
        sentence_source("Some fans on Twitter say a second season is in production.")
        == REPORTED_LEAK
    )


def test_a_fact_checks_claim_line_and_an_anonymous_post_are_hearsay() -> None:
    assert (
        sentence_source(
            "Claim: A viral clip says the studio has announced a second season of Velvet Harbor for 2027."
        )
        == REPORTED_LEAK
    )
    assert (
        sentence_source(
            "An anonymous post on a message board said that Velvet Harbor season 2 is in production."
        )
        == REPORTED_LEAK
    )
    # the word "claim" elsewhere is no such label
    assert (
        sentence_source("The studio announced a second season, settling an old claim.") == OFFICIAL
    )


def test_a_debunked_season_and_a_trailer_called_unofficial_are_denied() -> None:
    text = (
        "Claim: A viral clip says the studio has announced Velvet Harbor season 2 for 2027.\n\n"
        "The claim that Velvet Harbor season 2 premieres in 2027 is false. The so-called teaser for "
        "Velvet Harbor season 2 is not an official teaser; a fan cut it from the first season."
    )
    got = rows(text)
    assert ("renewal", 2, None, "denied", "none") in got
    assert ("release", 2, "2027", "denied", "none") in got
    assert ("trailer", 2, None, "denied", "none") in got
    # "not an official trailer" is no official channel
    assert (
        sentence_source("This is not an official trailer of the new season.").attribution == "none"
    )
    # a real teaser stays a confirmed one
    assert ("trailer", 2, None, "confirmed", "official") in rows(
        "Velvet Harbor season 2 is coming. The studio posted an official teaser for Velvet Harbor season 2."
    )


def test_two_studios_share_the_verb_of_continuing() -> None:
    assert studios("Madhouse and MAPPA are co-producing the second season of Velvet Harbor.") == {
        "Madhouse",
        "MAPPA",
    }
    assert studios("Velvet Harbor season 2 is again co-produced by Madhouse and MAPPA.") >= {
        "Madhouse"
    }
    # history: a past co-production names no studio of the new season
    assert studios("Madhouse co-produced the first season of Velvet Harbor in 2019.") == set()
    # "and" before the name joins something else than a studio
    assert studios("Fans of Velvet Harbor and MAPPA are happy: MAPPA is producing season 2.") == {
        "MAPPA"
    }


def test_the_maker_of_an_earlier_anime_is_no_studio_of_the_new_one() -> None:
    assert (
        studios("The voice cast of the 2011 TV anime by Studio Deen returns for the remake.")
        == set()
    )
    assert studios("The cast of the first series by Madhouse returns for the sequel.") == set()
    # the studio as the subject still animates
    assert studios("Studio Deen returns to animate the new season.") == {"Deen"}


def test_a_service_that_dates_the_premiere_streams_it() -> None:
    assert streams("Netflix has scheduled the fourth season of Velvet Harbor for May 4.") == {
        "Netflix"
    }
    assert streams(
        "HIDIVE announced on Monday that Velvet Harbor season 2 will premiere worldwide on May 4."
    ) == {"HIDIVE"}
    text = "Velvet Harbor season 4 is coming. Netflix has scheduled the fourth season of Velvet Harbor for May 4."
    assert ("streaming", 4, "Netflix", "confirmed", "official") in rows(text)
    assert ("release", 4, "2027-05-04", "confirmed", "official") in rows(text)
    # the service is no subject, or dates an earlier season
    assert (
        streams("Velvet Harbor season 2 premieres in Japan on May 4; Netflix said nothing.")
        == set()
    )
    assert streams("Netflix scheduled the first season for a spring launch back in 2024.") == set()


def test_a_column_header_with_its_date_is_no_release() -> None:
    assert releases("Weekend Streaming Hits - Oct. 2, 2026") == set()
    assert releases("Daily Anime Digest | Friday, October 2, 2026") == set()
    # a claim with a dash before its date is still one
    assert releases("Velvet Harbor season 2 premieres on Netflix - Oct. 2, 2026") == {"2026-10-02"}


def test_a_blog_named_in_apposition_is_an_outlet_and_its_claims_are_reported() -> None:
    assert sentence_source(
        "A Korean fan blog, Ember Daily, claims the sequel is aiming for April 2027."
    ) == Source("reported", "media")
    # an outlet that states a fact is cited, not doubted
    assert sentence_source(
        "According to Ember Daily, the sequel premieres in April 2027."
    ) == Source("confirmed", "media")
    # the writer's own blog is no outlet
    assert sentence_source("In my blog, Velvet Harbor says goodbye.").attribution == "none"


def delays(text: str) -> set[str | None]:
    """The delay values ``find_delay`` reads off one sentence."""
    return {f.value for f in find_delay(sent(text)) if f.type == "delay"}


def test_a_pause_until_a_date_is_a_delay_to_that_date() -> None:
    assert delays(
        "The series has gone on a break after episode 40 and will not resume its weekly run until "
        "April 2027."
    ) == {"2027-04"}
    text = (
        "Velvet Harbor season 3 goes on a break. Velvet Harbor season 3 has gone on a break after "
        "episode 10 and will not resume its weekly run until April 2027, the broadcaster said."
    )
    # (was "none": since the broadcaster that airs the show speaks for it like "the studio said",
    # as held-out sets 13 and 14 label "the broadcaster announced/made the announcement",
    # its word is official; a named broadcaster that announces already was)
    assert ("delay", 3, "2027-04", "confirmed", "official") in rows(text)
    # a return without an "until" is no pause; nor is a plain resumption
    assert delays("The director will not return for the sequel, the studio said.") == set()
    assert delays("The series resumes its weekly run in April 2027.") == set()


def test_a_delay_told_first_takes_the_new_date_after_it() -> None:
    assert delays(
        "The studio said the film, delayed in May because of the outbreak, will open in theaters "
        "on Friday, July 8."
    ) == {"2027-07-08"}
    assert delays("Delayed twice because of the outbreak, it will open on July 8.") == {
        "2027-07-08"
    }
    # another work's date after "and" is not the new date
    assert delays("The film was delayed in May, and its sequel will open on July 8.") == {None}


def test_should_land_is_the_writers_expectation() -> None:
    said = "Season 3 should land on HIDIVE, though no streaming partner has been named yet."
    assert streams(said) == {"HIDIVE"}
    assert sentence_source(said) == Source("speculated", "none")
    assert sentence_source("The sequel should premiere in spring 2027.").status == "speculated"
    # "should" of advice or obligation is no guess at an arrival
    assert sentence_source("Fans should rewatch the first season before the sequel.").status == (
        "confirmed"
    )


def test_it_will_probably_pick_up_the_sequel_names_the_service_before() -> None:
    said = (
        "HIDIVE simulcast the first season and keeps adding fantasy titles, so it will probably "
        "pick up the sequel too."
    )
    assert streams(said) == {"HIDIVE"}
    # the service's past alone is no claim on the sequel
    assert streams("HIDIVE simulcast the first season and keeps adding fantasy titles.") == set()


def test_the_reason_told_from_an_earlier_season_is_an_aside() -> None:
    text = (
        "Velvet Harbor season 3 has not been announced. If it happens, MAPPA would presumably "
        "return to animate it, since the studio produced the second season."
    )
    got = rows(text)
    assert not any(r[1] == 2 for r in got), got  # the second season is the reason, not the subject
    assert ("studio", 2, "MAPPA", "speculated", "none") in rows(
        "MAPPA would presumably return to animate season 2 of Velvet Harbor."
    )


def test_a_guides_question_whether_a_season_exists_names_no_subject() -> None:
    text = (
        "Velvet Harbor Season 2: Release Date and Where to Watch\n\n"
        "When does Velvet Harbor season 2 come out?\n\n"
        "The second season premieres on April 3, 2027. HIDIVE will stream the new season.\n\n"
        "Is there a season 3?\n\n"
        "Nothing has been said about a third season yet."
    )
    got = rows(text, "Velvet Harbor Season 2: Release Date and Where to Watch")
    assert ("streaming", 2, "HIDIVE", "confirmed", "none") in got
    assert not any(r[1] == 3 for r in got), got
    # a question about a season's date still names the season it asks about
    asked = "Will Velvet Harbor season 3 premiere in 2027?\n\nThe new season is set for April 2027."
    assert ("release", 3, "2027-04", "confirmed", "none") in rows(asked)


def test_a_project_called_off_is_denied() -> None:
    text = (
        "Velvet Harbor season 3 cancelled. The production of Velvet Harbor season 3 has been "
        "cancelled, the official website announced today. Season 3 was first announced in 2024."
    )
    assert ("renewal", 3, None, "denied", "official") in rows(text)
    # a broadcast slot called off is no project called off
    assert sentence_source(
        "Episode 5 has been cancelled this week because of a baseball game."
    ) == (Source("confirmed", "none"))


def test_where_the_earlier_seasons_stream_now_is_background() -> None:
    text = (
        "Velvet Harbor Season 3: everything we know. Velvet Harbor season 3 has not been announced "
        "yet. You can watch season 1 and season 2 of Velvet Harbor on HIDIVE."
    )
    assert not any(r[0] == "streaming" for r in rows(text)), rows(text)
    # an earlier season's stream still to come is news
    coming = (
        "Velvet Harbor season 3 is coming in 2027. Before that, season 2 of Velvet Harbor will "
        "stream on HIDIVE from May."
    )
    assert ("streaming", 2, "HIDIVE", "confirmed", "none") in rows(coming)


def test_a_readers_comment_under_its_handle_is_no_claim() -> None:
    text = (
        "Velvet Harbor season 3 rumours. A leaker claims Velvet Harbor season 3 is in production."
        "\n\n12 Comments\n\nember_fan99: the studio already announced season 3 for April 2027, keep up"
    )
    assert rows(text) == {("renewal", 3, None, "reported", "leak")}
    # a lower-case label before a colon is the page's own line
    update = (
        "Velvet Harbor season 3 is coming.\n\nupdate: the studio announced that Velvet Harbor "
        "season 3 premieres in April 2027."
    )
    assert ("release", 3, "2027-04", "confirmed", "official") in rows(update)


def test_an_end_card_is_an_official_channel() -> None:
    assert (
        sentence_source(
            "The first season closed out with an on-screen card announcing a second season."
        )
        == OFFICIAL
    )
    assert (
        sentence_source(
            "A card at the end of the broadcast revealed that the series returns in April 2027."
        )
        == OFFICIAL
    )
    # a card of another kind is none
    assert sentence_source("The series returns in April 2027, with a new card game.") == Source(
        "confirmed", "none"
    )


def test_speculation_that_news_fuelled_is_no_hedge() -> None:
    assert (
        sentence_source(
            "A teaser visual released in May shows the heroine alone, which has only fuelled speculation."
        ).status
        == "confirmed"
    )
    assert sentence_source("The new key visual quickly sparked speculation among fans.").status == (
        "confirmed"
    )
    # the writer's own speculation, or speculation as the subject, is still a guess
    assert sentence_source("This is pure speculation, but a 2027 premiere fits.").status == (
        "speculated"
    )
    assert (
        sentence_source("We are speculating that the sequel lands in 2027.").status == "speculated"
    )


def test_a_premiere_that_will_not_happen_as_planned_is_a_delay() -> None:
    said = "The distributor announced on Tuesday that the film will not open as planned."
    assert delays(said) == {None}
    assert delays("The film will open as planned on May 4.") == set()


def test_a_studio_taking_over_the_animation_animates_it() -> None:
    assert studios(
        "The stage also had a surprise: MAPPA is taking over the animation for season 2."
    ) == {"MAPPA"}
    assert studios("Studio Kafka is taking over the animation for season 2.") == {"Kafka"}
    # a studio that took over in the past names no studio of the new season
    assert studios("MAPPA took over the animation for the first season in 2019.") == set()


def test_the_span_since_an_earlier_season_is_an_aside() -> None:
    text = (
        "Velvet Harbor season 4 is coming. MAPPA will once again produce the animation, with Jane "
        "Doe directing as she has since the first season in 2015."
    )
    assert ("studio", 4, "MAPPA", "confirmed", "none") in rows(text)


def test_a_breadcrumb_trail_and_what_fans_search_for_are_no_claims() -> None:
    text = (
        "Site Name > Anime > Velvet Harbor Season 3 Release Date\n\n"
        "Many fans are searching for the Velvet Harbor Season 3 release date. The ending of "
        "season 2 left room for more, so a third season seems likely."
    )
    got = rows(text, "Velvet Harbor Season 3 Release Date")
    assert ("renewal", 3, None, "speculated", "none") in got
    assert ("renewal", 3, None, "confirmed", "none") not in got
    # a single ">" is no trail
    assert releases("Velvet Harbor season 3 > premieres on April 3, 2027.") == {"2027-04-03"}


def test_episodes_that_land_on_a_date_premiere_then() -> None:
    said = "The streamer confirmed today that all 12 episodes will land worldwide on December 1."
    assert releases(said) == {"2026-12-01"}
    # landing on a service is where it streams, with no date of its own
    assert releases("The new season will land on Netflix in the fall.") == set()
