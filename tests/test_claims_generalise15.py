"""Rules of news writing added after held-out sets 12 to 15: a one- or two-letter short form is no
name to print; a season asked about or said not to exist sets no installment; an article that only
denies a season dates its own work; a producer or broadcaster that tells or announces speaks
officially; a nickname the article gives its subject; a recut film is no new installment; "X
produced the film"; an announcement made after a finale is news; a comparison with another work;
a two-work headline's numbers.

One test per rule, each with negative cases. Every sentence here was written for these tests
(invented franchises, people and facts; the studios, services and broadcasters are real names of
the field, as the extractor's name lists hold them).
"""

from __future__ import annotations

from seasoncheck.claims import extract_claims
from seasoncheck.claims.cues import Source, sentence_source
from seasoncheck.claims.finders import find_trailer
from seasoncheck.claims.ownership import subject_names
from seasoncheck.kb.model import Franchise, KnowledgeBase
from seasoncheck.models import Mention
from test_claims_generalise8 import Row, article, sent, studios  # noqa: E402

OFFICIAL = Source("confirmed", "official")
# A KB that knows three invented works: the rules below need a linked subject and other works.
WORKS = {
    f.id: f
    for f in (
        Franchise(id="lantern-road", name="Lantern Road", titles=("Lantern Road",)),
        Franchise(id="harbor-lights", name="Harbor Lights", titles=("Harbor Lights",)),
        Franchise(id="paper-crane", name="Paper Crane", titles=("Paper Crane",)),
    )
}
KB = KnowledgeBase(franchises=WORKS, titles=[])


def rows(text: str, title: str | None = None) -> set[Row]:
    """(type, season, value, status, attribution) of every claim of one article."""
    return {
        (c.type, c.season, c.value, c.status, c.attribution)
        for c in extract_claims(article(text, title), KB).claims
    }


def _title(start: int, surface: str, work: str) -> Mention:
    return Mention(start, start + len(surface), surface, work, "lantern")


def test_a_one_or_two_letter_short_form_is_no_name_to_print() -> None:
    work = "Lantern Files R"
    once_each = (_title(0, "Lantern Files R", work), _title(40, "R", work))
    assert subject_names(once_each, work, "lantern")[1] == "Lantern Files R"
    twice_short = (*once_each, _title(80, "R", work))
    assert subject_names(twice_short, work, "lantern")[1] == "Lantern Files R"
    # a short form of three letters or more, used more often, is still the name the article uses
    lr = (
        _title(0, "Lantern Files R", work),
        _title(40, "LFR", work),
        _title(80, "LFR", work),
    )
    assert subject_names(lr, work, "lantern")[1] == "LFR"


def test_a_season_asked_about_or_said_not_to_exist_is_no_installment() -> None:
    text = (
        "Lantern Road premieres on October 3 on Tokyo MX, the studio confirmed. "
        "Lerche is animating the series. "
        "Is a second season on the table? No. There will not be a second season."
    )
    found = rows(text, title="Q&A: the producer of Lantern Road")
    assert ("release", None, "2026-10-03", "confirmed", "official") in found
    assert ("studio", None, "Lerche", "confirmed", "none") in found
    assert ("renewal", 2, None, "denied", "none") in found
    # the work itself gets no renewal from its own dates when its only sequel is denied
    assert ("renewal", None, None, "confirmed", "official") not in found
    # a season the article states stays the installment
    text = (
        "Lantern Road will return for a second season. "
        "The second season premieres on October 3 on Tokyo MX, the studio confirmed."
    )
    found = rows(text, title="Lantern Road season 2 dated")
    assert ("release", 2, "2026-10-03", "confirmed", "official") in found
    # a wait is no denial: "There won't be a second season until 2028"
    assert sentence_source("There won't be a second season until 2028.").status != "denied"


def test_a_producer_who_tells_the_audience_or_a_broadcaster_that_announces_speaks_officially() -> (
    None
):
    assert sentence_source(
        '"We have no plans for a second season," the producer told the audience.'
    ) == Source("denied", "official")
    assert (
        sentence_source("The second season premieres on October 3, the broadcaster announced.")
        == OFFICIAL
    )
    # a source telling a magazine, a producer telling us, a channel that airs: not official
    assert sentence_source("A source told the magazine that the studio is busy.").attribution == (
        "none"
    )
    assert sentence_source('"Fans will see more," a producer told us.').attribution == "none"
    assert sentence_source("The anime will air on a broadcaster in Japan.").attribution == "none"


def test_a_nickname_the_article_gives_its_subject_is_the_subject() -> None:
    text = (
        "Lantern Road, known to fans as Lanro, ended its run in March. "
        '"We have no plans for a second season," the producer told the audience. '
        "If you are waiting for Lanro season 2, you may be waiting a long time."
    )
    found = rows(text, title='Lantern Road producer: "No plans for a season 2"')
    assert ("renewal", 2, None, "denied", "official") in found
    # a writer's guess about the same denied season does not become a claim of its own
    assert not [r for r in found if r[0] == "renewal" and r[1] is None]


def test_a_recut_film_is_no_new_installment() -> None:
    text = (
        "Lerche recuts the Lantern Road trilogy into one film. "
        "The film will open in Japanese theaters on January 12, 2027, the official website announced. "
        "Lerche produced the film, with Ann Vale directing."
    )
    found = rows(text, title="Lantern Road -Compiled- opens on January 12")
    assert ("release", None, "2027-01-12", "confirmed", "official") in found
    assert ("studio", None, "Lerche", "confirmed", "none") in found
    assert not [r for r in found if r[0] == "renewal"]
    # a new film is a new installment
    text = (
        "Lantern Road gets a new film. "
        "The film will open in Japanese theaters on January 12, 2027, the official website announced."
    )
    assert ("renewal", None, None, "confirmed", "official") in rows(text)


def test_the_studio_that_produced_the_film() -> None:
    assert studios("Lerche produced the film, with Ann Vale directing.") == {"Lerche"}
    # a dated past film, or several films, or the first one: history
    assert studios("Lerche produced the film in 2016, and it earned a lot.") == set()
    assert studios("Lerche produced the films.") == set()
    assert studios("Lerche produced the first film.") == set()


def test_an_announcement_made_after_a_finale_is_news() -> None:
    text = (
        "Lantern Road will return for a second season. The news came right after the final "
        "episode of the first season aired on Sunday, with a key visual of the two leads posted "
        "on the official website."
    )
    assert ("trailer", 2, None, "confirmed", "official") in rows(text, "Lantern Road gets season 2")
    # a visual of the first season shown then is history
    text = (
        "Lantern Road will return for a second season. The first season aired in 2024, with a "
        "key visual of the two leads."
    )
    assert not [r for r in rows(text, "Lantern Road gets season 2") if r[0] == "trailer"]


def test_a_studio_compared_with_its_work_on_another_title_animates_the_subject() -> None:
    text = (
        "Lantern Road, the next film by Ann Vale, opens in Japan on November 11, 2026. "
        "Lerche is animating, as it did for Harbor Lights. (2020) and Paper Crane (2023)."
    )
    assert ("studio", None, "Lerche", "confirmed", "none") in rows(text, "Lantern Road dated")
    # a sentence about the other work alone stays the other work's
    text = (
        "Lantern Road, the next film by Ann Vale, opens in Japan on November 11, 2026. "
        "Lerche animated Harbor Lights."
    )
    assert not [r for r in rows(text, "Lantern Road dated") if r[0] == "studio"]


def test_a_studio_that_animated_the_first_season_with_another_handles_the_second() -> None:
    assert studios(
        "A-Cat, which animated the first season in 2020 together with Studio Kai, handles the "
        "second season alone."
    ) == {"A-Cat"}


def test_a_two_work_headline_gives_each_work_its_own_number() -> None:
    text = (
        "Lantern Road will return, and the season will arrive in 2027, the producers said. "
        "Paper Crane is getting another season as well."
    )
    found = rows(text, title="Lantern Road season 2 and Paper Crane season 4 announced")
    assert ("release", 2, "2027", "confirmed", "official") in found
    assert not [r for r in found if r[1] == 4 and r[0] == "release"]


def test_a_quoted_remark_after_a_claim_is_no_source_of_it() -> None:
    claim = "Viewers abroad will be able to watch the second season on Crunchyroll. "
    quote = '"This season is the one we promised," producer Ann Vale told the audience.'
    found = rows("Lantern Road will return for a second season. " + claim + quote)
    assert ("streaming", 2, "Crunchyroll", "confirmed", "none") in found
    # an announcement that follows still names the claim's source
    told = "The studio announced the service at its panel on Sunday."
    found = rows("Lantern Road will return for a second season. " + claim + told)
    assert ("streaming", 2, "Crunchyroll", "confirmed", "official") in found


def test_a_trailer_planned_but_not_yet_released_is_no_trailer() -> None:
    planned = "A teaser trailer is planned for the autumn, the studio said, but none has been released yet."
    assert find_trailer(sent("A PV is planned for the autumn, but none has been posted yet.")) == []
    assert find_trailer(sent(planned)) == []
    # a trailer out, beside something else still missing, stays a trailer
    assert find_trailer(sent("A teaser was released on Friday, but no date has been set yet."))
    assert find_trailer(sent("A teaser was released on Friday, and more will follow."))
