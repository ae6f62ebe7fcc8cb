"""Rules of news writing added after held-out set 12 (wire datelines, advance screenings, services
that have not said, passive streaming, outlets introduced by what they are, studios written without
"Studio", long asides between a company and its verb, writers' guesses, magazine scans, numeric
dates, nouns that look like announcing verbs).

One test per rule, each with negative cases (history, hedges, negation, another reading of the same
words). Every sentence here was written for these tests (invented franchises, people, outlets and
facts; the studios and services are real names of the field, as the extractor's name lists hold
them).
"""

from __future__ import annotations

from seasoncheck.claims import patterns as P
from seasoncheck.claims.cues import Source, sentence_source
from seasoncheck.claims.dates import find_dates
from seasoncheck.claims.finders import find_delay, find_trailer
from test_claims_generalise8 import releases, rows, sent, streams, studios  # noqa: E402

OFFICIAL = Source("confirmed", "official")
MEDIA = Source("confirmed", "media")
REPORTED_LEAK = Source("reported", "leak")
PLAIN = Source("confirmed", "none")


def _values(found: set[tuple[str, int | None, str | None, str, str]], kind: str) -> set[str | None]:
    return {r[2] for r in found if r[0] == kind}


def test_a_wire_dateline_is_no_premiere_date() -> None:
    text = "NAGOYA, Oct. 2 — A second season of Lantern Road will premiere in April 2027, the official website announced."
    assert _values(rows(text), "release") == {"2027-04"}
    # (bureau credit in brackets too)
    text = "Lyon, Oct. 2 (Wirenet) — A second season of Lantern Road will premiere in April 2027, the official site said."
    assert _values(rows(text), "release") == {"2027-04"}
    # a date that the season takes is still its date, also at the head of a sentence
    assert releases("Lantern Road season 2: Oct. 24 — that is when the premiere will be.") == {
        "2026-10-24"
    }
    assert releases("Lantern Road season 2 will premiere in Tokyo on Oct. 24.") == {"2026-10-24"}


def test_an_advance_screening_is_no_premiere() -> None:
    text = (
        "Lantern Road season 2 will premiere on Nov. 3, the official site announced. "
        "The cast will attend an advance screening of the first two episodes in Osaka in mid-October."
    )
    assert _values(rows(text), "release") == {"2026-11-03"}
    assert (
        releases("Fans can see the first episode at a pre-broadcast screening on Oct. 20.") == set()
    )
    # the screening run of a film is its release
    assert releases("Screenings of the Lantern Road film will begin on Nov. 7 in Japan.") == {
        "2026-11-07"
    }


def test_a_service_that_has_not_said_whether_makes_no_claim() -> None:
    text = (
        "Lantern Road season 2 will premiere in January 2027, the official site announced. "
        "HIDIVE carried the first season. The streamer has not yet said whether it will pick up the sequel."
    )
    assert _values(rows(text), "streaming") == set()
    assert (
        streams("Netflix has not said whether it will stream the new season of Lantern Road.")
        == set()
    )
    # a service that does say stays, also beside a question it left open
    assert streams(
        "Netflix will stream the new season of Lantern Road, but it has not said whether a dub is coming."
    ) == {"Netflix"}
    # a hedged guess about the service is still a (speculated) claim
    assert streams("Netflix will probably stream the second season of Lantern Road too.") == {
        "Netflix"
    }


def test_the_future_passive_streams_the_season() -> None:
    assert streams(
        "The second season of Lantern Road will be streamed outside Asia by HIDIVE."
    ) == {"HIDIVE"}
    assert streams(
        "As with the first season, the new season will be streamed worldwide by Crunchyroll."
    ) == {"Crunchyroll"}
    # the past passive is history
    assert streams("The first season of Lantern Road was streamed by HIDIVE.") == set()


def test_an_outlet_introduced_by_what_it_is() -> None:
    said = "HIDIVE will carry the new season, according to the anime news site Reeltalk."
    assert sentence_source(said) == MEDIA
    assert sentence_source("Crunchyroll will stream it, according to the blog Pixel Wire.") == MEDIA
    # the official site is no outlet, and the writer's own site cites no one
    assert sentence_source("HIDIVE will carry it, according to the official website.") == OFFICIAL
    assert sentence_source("HIDIVE will carry it, according to our news site.") == PLAIN


def test_a_coded_studio_name_is_written_without_studio() -> None:
    assert studios("3Hz will animate the second season of Lantern Road.") == {"3Hz"}
    assert studios("Actas and 3Hz are once again co-producing the animation.") == {"Actas", "3Hz"}
    # the bare name where no studio is meant
    assert (
        studios("The 3Hz hum in the opening song became a meme among fans of Lantern Road.")
        == set()
    )


def test_a_company_announces_across_a_long_aside() -> None:
    said = (
        "HIDIVE, which has streamed the first cour in North America and the British Isles since "
        "April, confirmed that it will carry the second cour as well."
    )
    assert sentence_source(said) == OFFICIAL
    # the aside is no source for a sentence whose subject is someone else
    said = "Viewers, many of whom first found the show during its summer run, asked for a third season."
    assert sentence_source(said) == PLAIN


def test_official_sources_are_no_renewal() -> None:
    text = (
        "Lantern Road season 2 aired this spring. So far the makers have said nothing about the "
        "next season, but we are watching all official sources."
    )
    assert {r[0] for r in rows(text)} == set()
    # a season the official sources confirm is still a renewal
    text = "Lantern Road season 2 aired this spring. According to official sources, a third season is in production."
    assert ("renewal", 3, None, "confirmed", "official") in rows(text)


def test_a_season_likely_to_be_made_is_a_guess() -> None:
    text = "Lantern Road season 2 aired this spring. Given the sales, we think a third season of Lantern Road is highly likely to be made."
    assert ("renewal", 3, None, "speculated", "none") in rows(text)
    # negated, or about an earlier installment turned into something else: no renewal
    text = "Lantern Road season 2 aired this spring. A third season is not likely to be made, the producer said."
    assert {r[0] for r in rows(text)} == set()


def test_magazine_scans_are_a_leak() -> None:
    assert sentence_source("The scans also name MAPPA as the returning studio.") == REPORTED_LEAK
    assert (
        sentence_source("According to the scans, the second season starts next January.")
        == REPORTED_LEAK
    )
    # scanning something is no leak
    assert sentence_source("Fans can scan a QR code on the poster to watch the teaser.") == PLAIN


def test_according_to_the_issue_is_the_magazine_itself() -> None:
    said = "According to the issue, Madhouse will animate the second season."
    assert sentence_source(said) == OFFICIAL
    # a leaked issue is not the magazine speaking
    assert (
        sentence_source("According to the leaked issue, Madhouse will animate it.") == REPORTED_LEAK
    )


def test_a_part_that_begins_on_a_date_premieres_then() -> None:
    said = "The second cour of Lantern Road will begin on Jan. 9, Kadokawa announced on Thursday."
    assert releases(said, (2026, 12)) == {"2027-01-09"}
    assert releases("The first cour began on Jan. 9, 2026.", (2026, 12)) == set()
    assert releases("Ticket sales for the concert will begin on Jan. 9.", (2026, 12)) == set()


def test_a_numeric_year_first_date() -> None:
    (d,) = find_dates("The site lists the first broadcast as 2027/10/07.", (2027, 8))
    assert (d.value, d.precision) == ("2027-10-07", 3)
    (d,) = find_dates("It airs from 2027.1.9.", (2027, 8))
    assert d.value == "2027-01-09"
    # a version number or a span of years is no day
    assert [d.value for d in find_dates("version 2027.10.07.1", (2027, 8))] == ["2027"]
    assert [d.value for d in find_dates("the 2026/2027 season", (2027, 8))] == ["2026", "2027"]


def test_publisher_and_poster_are_nouns_not_verbs() -> None:
    said = "Kyoto Pictures, the publisher's in-house studio, is animating the sequel again."
    assert sentence_source(said) == PLAIN
    assert sentence_source("The publisher posted the date on its website.") == OFFICIAL
    assert sentence_source("The publisher confirmed the date.") == OFFICIAL


def _delays(text: str) -> list[str | None]:
    return [f.value for f in find_delay(sent(text)) if f.type == "delay"]


def test_a_rerun_in_the_next_episodes_slot_is_a_delay() -> None:
    said = "Sunday's broadcast of episode 5 will be followed by a recap special rather than episode 6, TV Asahi said."
    assert _delays(said) == [None]
    assert _delays("The channel will air reruns instead of new episodes until May.") != []
    # reruns that replace nothing of the season are no delay
    assert _delays("The channel airs reruns of the first season on weekends.") == []
    assert _delays("Fans would rather watch a recap than a filler episode.") == []


def test_episodes_put_on_hold_are_delayed() -> None:
    assert _delays("New episodes of the second season are being put on hold.") == [None]
    assert _delays("The broadcaster said the show's fourth episode will air as planned.") == []


def test_a_handle_that_shares_pages_is_a_leak() -> None:
    said = "According to the pages, shared by the account @pagehunter_jp, the sequel premieres next year."
    assert sentence_source(said) == REPORTED_LEAK
    # the show's own account is official
    said = "The visual was posted by the account @lanternroad_anime, the anime's official account."
    assert sentence_source(said) == OFFICIAL


def test_a_season_confirmed_with_a_trailer_has_a_trailer() -> None:
    text = "The second season of Lantern Road was confirmed with a two-minute trailer, in which Mio reaches the capital."
    assert ("trailer", 2, None, "confirmed", "none") in rows(text)
    # announced with nothing to show: no trailer
    text = "The second season of Lantern Road was announced with no trailer and no date."
    assert "trailer" not in {r[0] for r in rows(text)}


def test_a_service_that_tells_a_worldwide_premiere_streams_it() -> None:
    said = "Lantern Road Reborn will premiere worldwide on March 18, Netflix said on Thursday."
    assert streams(said) == {"Netflix"}
    # a premiere in Japan told by the service, a past premiere, or an outlet's report: no claim
    assert streams("Lantern Road Reborn will premiere in Japan on March 18, Netflix said.") == set()
    assert streams("Lantern Road Reborn premiered worldwide on March 18, Netflix said.") == set()
    assert (
        streams(
            "Lantern Road Reborn will premiere worldwide on March 18, Crunchyroll News reported."
        )
        == set()
    )


def test_no_season_of_a_named_show_in_the_works_is_a_denial() -> None:
    said = "The image is an April Fools' joke, and there is no second season of Lantern Road! in the works."
    assert sentence_source(said) == Source("denied", "none")
    assert P.NO_SEASON.search("There is no third season of Lantern Road in production.")
    # no doubt, or a season of something else that is in the works: no denial
    assert not P.NO_SEASON.search(
        "There is no doubt a second season of Lantern Road is in the works."
    )
    assert not P.NO_SEASON.search(
        "There is no season of the show without its director, and a film is in the works."
    )


def test_a_service_is_named_in_full() -> None:
    said = "In South Asia, the season will stream on Ani-One Asia's YouTube channel, the distributor said."
    assert streams(said) == {"Ani-One Asia"}
    # the short name stays the short name
    assert streams("In South Asia, the season will stream on Ani-One's YouTube channel.") == {
        "Ani-One"
    }


def test_a_clip_that_is_not_a_trailer_is_a_denied_trailer() -> None:
    assert find_trailer(sent("It is not a trailer.")) != []
    assert sentence_source("It is not a trailer.") == Source("denied", "none")
    assert sentence_source("The clip is not a real teaser, the studio said.") == Source(
        "denied", "official"
    )
    # praise of a trailer is no denial
    assert sentence_source("This is not a trailer you want to miss.") == PLAIN
    assert find_trailer(sent("This is not a trailer you want to miss.")) == []


def test_a_services_short_name_in_the_headline_is_the_same_service() -> None:
    text = (
        "Crunchyroll will stream the second season of Lantern Road outside Asia. In South Asia, it "
        "will stream on Ani-One Asia's YouTube channel, the distributor said."
    )
    title = "Lantern Road season 2 streaming: Crunchyroll outside Asia, Ani-One in South Asia"
    assert _values(rows(text, title), "streaming") == {"Crunchyroll", "Ani-One Asia"}
