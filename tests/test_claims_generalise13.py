"""Rules of news writing added after held-out set 13 (a season "gets" with two words before
"season", translated press releases that "distribute" a show, schedule lines where episodes "go up"
on a service, "the animation is done at", a teaser that closes an event, and a trailer shown at
the announcing event as the announcer's own, a new original work that is no renewal).

One test per rule, each with negative cases (history, negation, another reading of the same words).
Every sentence here was written for these tests (invented franchises, people and facts; the studios
and services are real names of the field, as the extractor's name lists hold them).
"""

from __future__ import annotations

from seasoncheck.claims.cues import Source
from seasoncheck.claims.finders import find_trailer
from seasoncheck.claims.merge import (
    Merged,
    _drop_unsupported_trailers,
    add_implied_renewals,
    original_works,
)
from seasoncheck.claims.segment import Sentence
from test_claims_generalise8 import releases, rows, sent, streams, studios  # noqa: E402

OFFICIAL = Source("confirmed", "official")


def test_a_season_got_with_two_words_before_season_is_dated() -> None:
    text = "Lantern Road will get a fourth TV season in October, the official website announced."
    assert releases(text, (2025, 3)) == {"2025-10"}
    assert releases("Lantern Road is getting a second cour season in January 2026.", (2025, 3)) == {
        "2026-01"
    }
    # history and negation stay out
    assert releases("Lantern Road got a second TV season in October 2019.", (2025, 3)) == set()
    assert releases("Lantern Road will not get a fourth TV season in October.", (2025, 3)) == set()


def test_a_translated_release_distributes_the_show_on_a_service() -> None:
    text = "It is scheduled to be distributed overseas on Crunchyroll at the same time as the broadcast."
    assert streams(text) == {"Crunchyroll"}
    assert streams("In the US, the episodes go up on Crunchyroll the next day.") == {"Crunchyroll"}
    # the earlier season's history is no claim
    assert streams("The first season was distributed on Netflix in 2020.") == set()
    assert streams("The first season went up on Crunchyroll the next day.") == set()


def test_the_animation_done_at_a_studio_names_the_studio() -> None:
    assert studios("The animation is done at Drive in Osaka, with a veteran directing.") == {
        "Drive"
    }
    assert studios("The animation is done at Lerche again.") == {"Lerche"}
    # past work and other crafts are no claim
    assert studios("The animation was done at Drive for the first season.") == set()
    assert studios("The recording is done at Sound Base in Osaka.") == set()


def test_a_teaser_that_closes_the_stream_is_out() -> None:
    text = "A short teaser with the two heroes' swords closed the stream."
    assert [f.value for f in find_trailer(sent(text))] == [None]
    assert find_trailer(sent("A fan-made trailer closed the stream.")) == []
    assert find_trailer(sent("A teaser will close the stream next week.")) == []


def test_a_trailer_shown_at_the_announcing_event_is_official() -> None:
    text = (
        "The second season of Lantern Road will premiere in October 2026, publisher Kiri Books "
        "announced at its stage event on Sunday. A new trailer played at the show."
    )
    assert ("trailer", 2, None, "confirmed", "official") in rows(text)
    # with no official announcer in the article, the trailer has no source
    plain = "The second season of Lantern Road will premiere in October 2026. A new trailer was released."
    assert ("trailer", 2, None, "confirmed", "none") in rows(plain)


def _merged_types(first: str, second: str) -> set[str]:
    """The claim types kept for one installment whose release and trailer sentences are given."""
    sentences = [Sentence(0, len(first), first, 0), Sentence(len(first) + 1, 0, second, 0)]
    claims = [
        Merged(None, "release", "2026-11-21", OFFICIAL, 0, True),
        Merged(None, "trailer", None, OFFICIAL, 1, False),
    ]
    original = original_works(claims, sentences)
    kept = _drop_unsupported_trailers(add_implied_renewals(claims, original), original)
    return {c.type for c in kept}


def test_a_new_original_film_is_no_renewal_and_keeps_its_trailer() -> None:
    teaser = "A first teaser came with the news."
    text = "Kenji Mori's new original film, Lantern Road, opens in Japan on November 21, Toho said."
    assert _merged_types(text, teaser) == {"release", "trailer"}
    text = "Lantern Road, an original anime film by Kenji Mori, opens in Japan on November 21."
    assert _merged_types(text, teaser) == {"release", "trailer"}
    # "the original film" is the first of a series: its sequel is a continuation
    text = "Lantern Road 2, the sequel to the original film, opens in Japan on November 21."
    assert _merged_types(text, teaser) == {"release", "trailer", "renewal"}
    text = "The new Lantern Road film opens in Japan on November 21, Toho said."
    assert _merged_types(text, teaser) == {"release", "trailer", "renewal"}


def test_a_press_release_in_the_rights_holders_voice_is_official() -> None:
    staff = "\n\n[Staff]\nAnimation production: Lerche\n"
    own = "We are pleased to inform you that the second season of the TV anime Lantern Road will premiere in October 2026."
    found = rows(own + staff, title="TV anime Lantern Road season 2 broadcast decision")
    assert ("studio", 2, "Lerche", "confirmed", "official") in found
    assert ("release", 2, "2026-10", "confirmed", "official") in found
    # a news article without the formula names no source; a quoted "we are pleased" is a person
    news = "The second season of Lantern Road will premiere in October 2026."
    assert ("studio", 2, "Lerche", "confirmed", "none") in rows(
        news + staff, title="Season 2 dated"
    )
    quoted = (
        '"We are pleased to announce that fans will see more of the heroes," a producer told us. '
    )
    found = rows(quoted + news + staff, title="Lantern Road season 2 dated")
    assert ("studio", 2, "Lerche", "confirmed", "none") in found
