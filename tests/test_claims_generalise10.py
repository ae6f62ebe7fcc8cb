"""Rules of news and web writing added after the blind run on held-out set 10 (agency news, SEO
explainers, rumour pages, a roundup, a blog, a Spanish page): its rule error classes.

One test per rule, each with negative cases (history, hedges, negation, another work or reading of
the same words). Every sentence here was written for these tests (invented franchises, people,
outlets and facts; the studios and services are real names of the field, as the extractor's name
lists hold them).
"""

from __future__ import annotations

from seasoncheck.claims import foreign
from seasoncheck.claims.cues import Source, absent_spans, sentence_source
from seasoncheck.claims.dates import refines
from seasoncheck.claims.finders import find_delay, find_studio
from seasoncheck.claims.segment import split_sentences

# The finders' view of one sentence, the release values read off it, an article and its claim
# rows: shared with set 8's tests.
from test_claims_generalise8 import (  # noqa: E402
    Row,
    releases,
    rows,
    sent,
)


def of_type(text: str, ctype: str, title: str | None = None) -> set[Row]:
    """The claims of one type of one article."""
    return {r for r in rows(text, title) if r[0] == ctype}


def sentences(text: str) -> list[str]:
    """The sentence texts of ``text``."""
    return [s.text for s in split_sentences(text)]


def test_a_comparison_with_what_fans_hope_is_no_hedge() -> None:
    text = (
        "Kestrel Line season 2 is on the way. Crunchyroll uploaded a first teaser for Kestrel Line "
        "season 2 this morning, and it looks as sharp as anyone could hope."
    )
    assert ("trailer", 2, None, "confirmed", "official") in rows(text)
    assert ("renewal", 2, None, "confirmed", "official") in rows(text)
    for said in (
        "The opening sequence turned out better than we had hoped.",
        "The new poster has everything fans could hope for.",
    ):
        assert sentence_source(said).status == "confirmed", said
    # a real hope or expectation is still the writer's guess
    assert sentence_source("We hope the sequel lands in 2027.").status == "speculated"
    assert sentence_source("We would expect the sequel in 2027.").status == "speculated"


def test_a_season_that_will_stream_from_a_date_premieres_then() -> None:
    text = (
        "Kestrel Line season 2 is on the way. The streamer confirmed that the new season will "
        "stream only on HIDIVE, worldwide, in 2027."
    )
    assert ("release", 2, "2027", "confirmed", "official") in rows(text)
    assert releases("Season 2 is due to simulcast on Crunchyroll in July 2027.") == {"2027-07"}
    # the earlier seasons coming to a service, and a past stream, are no premiere
    assert releases("HIDIVE will stream all of the earlier seasons from March 2027.") == set()
    assert releases("Netflix streamed season one back in 2024.") == set()


def test_a_channel_page_that_states_names_or_lists_is_official() -> None:
    for text in (
        "The website now states that the film opens in November 2027.",
        "The imprint's portal says the adaptation begins broadcasting in 2027.",
        "The stage's credit slide listed Madhouse as the studio.",
        "The portal names Bones as the animation studio.",
    ):
        assert sentence_source(text) == Source("confirmed", "official"), text
    # a news portal is no channel of the rights holder; a list of nothing names nothing
    assert sentence_source("A news portal says a film is in production.").attribution != "official"
    assert sentence_source("Readers listed their favourite studios in the comments.") == Source()
    assert not any(
        r[4] == "official"
        for r in rows(
            "Kestrel Line season 2 is only a rumour so far. A leaker posted it. The studio's own "
            "page lists no unannounced work."
        )
    )


def test_a_channel_that_released_a_hyphenated_teaser() -> None:
    text = (
        "Kestrel Line season 2 is on the way. The channel released a 15-second teaser for the "
        "new season."
    )
    assert ("trailer", 2, None, "confirmed", "official") in rows(text)
    # no releaser named: the teaser has no source
    passive = (
        "Kestrel Line season 2 is on the way. A 15-second teaser for the new season went up on "
        "Friday."
    )
    assert ("trailer", 2, None, "confirmed", "none") in rows(passive)


def test_a_source_naming_a_studio_as_the_studio() -> None:
    text = (
        "Kestrel Line season 2 is on the way. The stage's credit slide listed Madhouse as the "
        "studio, with a new director."
    )
    assert ("studio", 2, "Madhouse", "confirmed", "official") in rows(text)
    aside = (
        "Kestrel Line season 2 is on the way. The portal names Shaft, which made the original "
        "series, as the animation studio."
    )
    assert ("studio", 2, "Shaft", "confirmed", "official") in rows(aside)
    found = find_studio(sent("The catalogue lists Studio Quillfeather as its animation studio."))
    assert {f.value for f in found} == {"Quillfeather"}
    # a denial, and the credits of an earlier season
    assert find_studio(sent("The portal does not name Shaft as the studio.")) == []
    assert not of_type(
        "Kestrel Line season 2 is on the way. The credits of the first season listed Shaft as "
        "the studio.",
        "studio",
    )


def test_a_studio_that_is_once_again_animating_the_season() -> None:
    text = (
        "Kestrel Line season 4 is on the way. Pinecone Pictures is once again animating the season."
    )
    assert ("studio", 4, "Pinecone Pictures", "confirmed", "none") in rows(text)
    # the past does not count
    assert not of_type(
        "Kestrel Line season 4 is on the way. Pinecone Pictures animated the first season.",
        "studio",
    )


def test_a_company_s_own_post_or_statement_is_official() -> None:
    said = "Bones is animating the film again, according to Marigold's post."
    assert sentence_source(said) == Source("confirmed", "official")
    assert sentence_source("According to Marigold's statement, the season opens in October.") == (
        Source("confirmed", "official")
    )
    # an outlet's report stays media
    assert sentence_source("The film premieres in June, according to Example Daily's report.") == (
        Source("confirmed", "media")
    )


def test_the_writer_s_guess_after_no_date_yet_is_a_claim() -> None:
    text = (
        "Kestrel Line season 2 is confirmed. No premiere date is out yet, and my own guess is "
        "a window in the autumn of 2027."
    )
    assert ("release", 2, "2027-FALL", "speculated", "none") in rows(text)
    so = (
        "Kestrel Line season 2 is confirmed. No release window has been given, so we would guess "
        "spring 2027."
    )
    assert ("release", 2, "2027-SPRING", "speculated", "none") in rows(so)
    # without a guess the whole sentence is the absence
    assert not of_type(
        "Kestrel Line season 2 is confirmed. There is no release window yet, and the studio has "
        "said nothing about 2027.",
        "release",
    )


def test_a_date_inside_a_season_window_refines_it() -> None:
    assert refines("2027-02-03", "2027-WINTER")
    assert refines("2027-03", "2027-WINTER")
    assert refines("2027-12-01", "2027-FALL")
    # another season's month, another year, another season
    assert not refines("2027-04", "2027-WINTER")
    assert not refines("2026-02", "2027-WINTER")
    assert not refines("2027-SPRING", "2027-WINTER")
    text = (
        "Kestrel Line season 4 is on the way. The service placed the season in its spring 2027 "
        "slate, with episode one set for May 12, 2027."
    )
    assert {r[2] for r in of_type(text, "release")} == {"2027-05-12"}


def test_no_sentence_break_inside_a_bracketed_title() -> None:
    text = (
        "A poster wrote that a sequel to Kestrel (Kaze wo Yomu. Soshite Tobu., or I Read the "
        "Wind. Then I Flew.) is in the works. It would air in 2027."
    )
    assert len(sentences(text)) == 2
    asked = (
        "The official account of Tori desu ga, Dou ka? (A Bird, and So?) revealed that a sequel "
        "is coming. It airs in 2027."
    )
    assert len(sentences(asked)) == 2
    # an aside that is a sentence of its own, and a question before a new sentence
    assert sentences("Shaft animates it (see the staff list.) The film opens in May.") == [
        "Shaft animates it (see the staff list.)",
        "The film opens in May.",
    ]
    assert len(sentences("Will it happen? (Probably.) Nobody has said.")) == 3


def test_until_someone_says_something_is_an_absence() -> None:
    text = "Until the studio or the show's official account says anything, treat this as a rumour."
    assert absent_spans(text)
    assert sentence_source(text).attribution != "official"
    assert sentence_source("The official account announced something big on Sunday.") == Source(
        "confirmed", "official"
    )


def test_delayed_projects_in_general_are_no_delay() -> None:
    assert find_delay(sent("Such lists are full of cancelled or delayed projects.")) == []
    assert find_delay(sent("Delayed titles are nothing new.")) == []
    assert find_delay(sent("The film has been postponed to March 2027."))
    assert find_delay(sent("The postponed film now opens in March 2027."))


def test_a_channel_named_as_an_object_is_no_source() -> None:
    said = "The account correctly posted the summer schedule of a large publisher last year."
    assert sentence_source(said) == Source()
    assert sentence_source("The publisher posted the summer schedule.") == Source(
        "confirmed", "official"
    )
    # a person of a company speaks for it
    assert sentence_source("A representative said the film will stream in May.").attribution == (
        "official"
    )


def test_a_date_of_another_work_a_comparison_or_a_fiscal_year_is_no_premiere() -> None:
    assert (
        releases(
            "Its prediction that a certain mecha series would come back in 2027 never panned out."
        )
        == set()
    )
    assert releases("Honestly, a 2029 debut seems more plausible than anything in 2028.") == {
        "2029"
    }
    assert releases("Company revenue hit a record in fiscal 2027.") == set()
    # a deadline, and the show's own return
    assert releases("The film will open no later than June 2027.") == {"2027-06"}
    assert releases("The show will come back in 2027.") == {"2027"}


def test_a_season_named_to_be_rejected_is_not_the_target() -> None:
    title = "Kestrel Is Getting a New Anime"
    text = (
        'The publisher announced that Kestrel is getting an all-new TV anime. Not a "season 2," '
        'not a "sequel": a fresh series. The publisher says it will begin airing in 2027.'
    )
    assert ("release", None, "2027", "confirmed", "official") in rows(text, title)
    assert not any(r[1] == 2 for r in rows(text, title))
    # a season named plainly is the target
    plain = "The publisher announced season 2 of Kestrel. The season will begin airing in 2027."
    assert ("release", 2, "2027", "confirmed", "none") in rows(plain, "Kestrel Season 2")


def test_the_installment_a_claim_is_contrasted_with() -> None:
    text = (
        "Kestrel is getting a second season. No trailer has been shown yet. The only artwork so "
        "far is a thank-you illustration made for the finale of season 1, not for the new season."
    )
    assert not of_type(text, "trailer", "Kestrel Season 2: Release Date and Trailer")
    shown = (
        "Kestrel has a second season coming. The site shared a new illustration for the new season."
    )
    assert of_type(shown, "trailer", "Kestrel Season 2")


def test_an_earlier_season_told_by_ellipsis_is_history() -> None:
    text = (
        "Kestrel season 3 has been confirmed. Season 1 was produced by Lerche, and season 2 by "
        "Lerche too."
    )
    assert {r for r in rows(text, "Kestrel Season 3") if r[1] == 2} == set()
    later = (
        "Kestrel season 3 has been confirmed. Season 1 was produced by Lerche, and season 2 will "
        "premiere in 2027."
    )
    assert ("release", 2, "2027", "confirmed", "none") in rows(later, "Kestrel Season 3")


def test_insider_as_a_word_of_a_site_name_is_no_leaker() -> None:
    assert sentence_source("Note: Pixel Insider is an independent blog.") == Source()
    assert sentence_source("Pixel Insider Staff") == Source()
    assert sentence_source("The report from Otaku Insider says a sequel is coming.") == Source(
        "confirmed", "media"
    )
    for text in (
        "An insider says the sequel is coming.",
        "Insiders say the sequel is coming.",
        "A Weibo user says the sequel is coming.",
        "Kestrel Season 3 Is Coming, According To An Industry Insider",
    ):
        assert sentence_source(text) == Source("reported", "leak"), text


def test_a_service_picked_as_the_obvious_home_is_a_guess() -> None:
    text = (
        "Kestrel season 2 is on the way. HIDIVE carried the first two seasons, so it is likely "
        "the obvious pick for Kestrel season 2 too."
    )
    assert ("streaming", 2, "HIDIVE", "speculated", "none") in rows(text)
    for other in (
        "Kestrel season 2 is on the way. HIDIVE carried the first two seasons.",
        "Kestrel season 2 is on the way. Netflix is the obvious pick for viewers who want to "
        "rewatch the first season.",
    ):
        assert not of_type(other, "streaming"), other


def test_the_writer_s_guess_at_the_studio() -> None:
    text = (
        "Kestrel season 3 is on the way. The studio has not been named, but I would expect "
        "Lerche to take it on again, given the shared producer."
    )
    assert ("studio", 3, "Lerche", "speculated", "none") in rows(text)
    for other in (
        "Kestrel season 3 is on the way. I don't expect Lerche to take it on again.",
        "Kestrel season 3 is on the way. Fans want Lerche to take it on again.",
    ):
        assert not of_type(other, "studio"), other


def test_a_press_release_cited_in_spanish_is_official() -> None:
    lex = foreign.LEXICONS["es"]
    said = "De acuerdo con el comunicado, la película verá la luz en marzo de 2027."
    assert foreign.source_of(said, lex) == Source("confirmed", "official")
    outlet = "De acuerdo con el diario Ejemplo Hoy, la película verá la luz en marzo de 2027."
    assert foreign.source_of(outlet, lex) == Source("confirmed", "media")
