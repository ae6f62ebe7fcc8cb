"""Rules of news writing added after tuning on held-out set 6 (its rule error classes).

One test per rule, each with negative cases (history, hedges, negation, another product). Every
sentence here was written for these tests (invented franchises, people and facts; the studios and
services are real names of the field, as the extractor's name lists hold them).
"""

from __future__ import annotations

from seasoncheck.claims import foreign
from seasoncheck.claims.cues import absent_spans, sentence_source
from seasoncheck.claims.finders import (
    Sent,
    find_delay,
    find_release,
    find_renewal,
    find_streaming,
    find_studio,
    find_trailer,
    name_regex,
)
from seasoncheck.claims.finders_release import _PREMIERE_NOUN_AFTER
from seasoncheck.claims.flags import GUESS_HEADLINE
from seasoncheck.claims.patterns import SERVICES, STUDIOS

STUDIO_RX = name_regex(STUDIOS)
SERVICE_RX = name_regex(SERVICES)


def sent(text: str, published: tuple[int, int] | None = (2026, 9)) -> Sent:
    """A sentence about the new installment, as the finders see it."""
    return Sent(text, False, False, published, (), STUDIO_RX, SERVICE_RX, True)


def studios(text: str) -> set[str | None]:
    """The studios ``find_studio`` reads off one sentence."""
    return {f.value for f in find_studio(sent(text))}


def releases(text: str, published: tuple[int, int] | None = (2026, 9)) -> set[str | None]:
    """The release values ``find_release`` reads off one sentence."""
    return {f.value for f in find_release(sent(text, published))}


def test_studio_staying_on_board_or_continuing_as_the_studio() -> None:
    assert studios("Atelier Pontdarc remains on board as the animation studio for season two.") == {
        "Atelier Pontdarc"
    }
    assert studios("Studio Quillmark stays on board as the studio for the sequel.") == {"Quillmark"}
    assert studios("Lerche continues as the studio.") == {"Lerche"}
    # a past studio named as history is no claim
    assert studios("Lerche animated the first season of the comedy in 2021.") == set()


def test_studio_who_will_maintain_the_animation() -> None:
    text = "Both earlier seasons were made by studio Diomedéa, who also will maintain the animation of the third."
    assert studios(text) == {"Diomedéa"}
    assert studios("Shaft, which will keep the animation going, returns for season three.") == {
        "Shaft"
    }


def test_studio_named_by_a_pronoun_in_a_second_clause() -> None:
    text = "Seven Arcs animated both earlier seasons, and it would most likely return for a third."
    assert studios(text) == {"Seven Arcs"}
    assert sentence_source(text).status == "speculated"
    # negated: the studio is not coming back
    assert (
        studios("Seven Arcs animated both earlier seasons, but it will not return for a third.")
        == set()
    )


def test_moved_back_is_a_delay_to_the_new_date() -> None:
    found = {
        (f.type, f.value) for f in find_delay(sent("The sequel has been moved back to July 2027."))
    }
    assert found == {("delay", "2027-07"), ("release", "2027-07")}
    assert find_delay(sent("The sequel will premiere in July 2027 as planned.")) == []


def test_a_missed_planned_slot_is_not_the_release_date() -> None:
    assert releases("Season 2 of the fantasy will miss its planned October premiere.") == set()
    assert releases("Season 2 of the fantasy will keep its planned October premiere.") == {
        "2026-10"
    }


def test_an_adapted_manga_is_the_source_not_the_product() -> None:
    text = "The mystery series adapted from the manga will make its comeback next April."
    assert releases(text, published=None) == {None}  # a date was written, its year is unknown
    assert releases(text) == {"2027-04"}
    # the manga itself is the product: its date is not the anime's
    assert releases("The manga will return from hiatus in April 2027.") == set()


def test_a_start_after_a_date_is_the_premiere() -> None:
    text = "The sequel is slated for 2027, and a TV listing points to a January 6 start."
    assert releases(text) == {"2027", "2027-01-06"}
    # "the start of the arc" is not a premiere noun
    assert _PREMIERE_NOUN_AFTER.match(" start.") and not _PREMIERE_NOUN_AFTER.match(
        " start of the arc"
    )


def test_denial_by_an_official_account_is_denied_and_official() -> None:
    text = (
        "The official account said the poster was not produced by the staff and that there is "
        "currently no third season in the works."
    )
    assert sentence_source(text) == sentence_source(text).__class__("denied", "official")
    assert find_trailer(sent("The official account called the fan-made poster a fake.")) == []
    # a real poster from the official account is still a trailer
    assert find_trailer(sent("The official account posted a new poster for season 3.")) != []


def test_absence_of_footage_and_promises_to_update() -> None:
    text = "The post did not include any footage or visual, and nobody has commented."
    assert find_trailer(sent(text)) == []
    upd = "We will update this article the moment a premiere date gets announced."
    assert absent_spans(upd)
    assert find_release(sent(upd)) == []
    assert find_release(sent("The premiere date was announced on Friday: April 4, 2027.")) != []


def test_earlier_seasons_named_before_all_of_which() -> None:
    text = "Fans will have to make do with the existing seasons, all of which are streaming on Crunchyroll."
    assert find_streaming(sent(text)) == []
    assert {
        f.value for f in find_streaming(sent("The new season will stream on Crunchyroll."))
    } == {"Crunchyroll"}


def test_hedges_presumably_plausibly_and_a_wish_to_return() -> None:
    assert sentence_source("A new season would presumably stream on HIDIVE.").status == "speculated"
    assert sentence_source("Season 3 could plausibly land in 2028.").status == "speculated"
    wish = 'The lead actress said she would "happily return whenever they call."'
    assert sentence_source(wish).status == "speculated"
    assert (
        sentence_source("The studio said the cast will return for season 3.").status == "confirmed"
    )


def test_a_tabloid_report_and_its_back_reference_are_media() -> None:
    text = "A report in this week's issue of the tabloid Weekly Example claims that a new anime is being planned."
    assert sentence_source(text) == sentence_source(text).__class__("reported", "media")
    assert find_renewal(sent(text))
    back = (
        "The magazine, citing an unnamed source, says the project is tentatively aiming for 2028."
    )
    assert sentence_source(back).attribution == "media"
    outlet = "The Japanese outlet also reported that Shaft will animate the new season."
    assert sentence_source(outlet).attribution == "media"


def test_back_references_to_the_announcement_and_the_video_are_official() -> None:
    assert sentence_source(
        "According to the announcement, the film opens next spring."
    ).attribution == ("official")
    video = "The video previews the heroes' long trip through the northern mountains, and it confirms a July 2027 premiere."
    from seasoncheck.claims.patterns import TRAILER_SELF

    assert TRAILER_SELF.search(video)
    assert (
        sentence_source("According to the fans, the film opens next spring.").attribution
        != "official"
    )


def test_an_uploaded_teaser_is_a_trailer() -> None:
    assert find_trailer(sent("A short teaser clip has additionally been uploaded to the channel."))
    assert find_trailer(sent("A teaser will be uploaded next week.")) == []


def test_when_could_headline_promises_only_a_guess() -> None:
    assert GUESS_HEADLINE.search("Example Season 3 release date: When could the show return?")
    assert not GUESS_HEADLINE.search("Example Season 3 Release Date Revealed!")


def test_italian_once_again_outlet_and_licensor_sources() -> None:
    lex = foreign.LEXICONS["it"]
    studio = (
        "Secondo quanto riportato dal portale giapponese Example News, l'animazione sarà affidata "
        "ancora una volta allo studio Shaft."
    )
    found = foreign.sentence_findings(studio, lex, 2, (2026, 3))
    assert [(f.type, f.value, f.source.attribution) for f in found] == [
        ("studio", "Shaft", "media")
    ]
    assert foreign.source_of(
        "Sempre secondo il sito, la serie debutterà a gennaio 2027.", lex
    ).attribution == ("official")
    assert foreign.source_of(
        "Netflix ha confermato che trasmetterà la stagione.", lex
    ).attribution == ("official")
    # "non ancora" stays an absence
    assert not foreign.sentence_findings(
        "Lo studio non è ancora stato annunciato.", lex, 2, (2026, 3)
    )


def test_japanese_announcement_gives_renewal_date_studio_and_pv() -> None:
    lex = foreign.LEXICONS["ja"]
    line = "人気漫画「星のかけら」の新作TVアニメの制作が決定した。放送は2027年秋を予定している。"
    got = {(f.key, f.type, f.value) for f in foreign.sentence_findings(line, lex, None, (2026, 5))}
    assert got == {(None, "renewal", None), (None, "release", "2027-FALL")}
    studio = "アニメーション制作は引き続きSILVER LINK.が担当する。"
    assert [(f.type, f.value) for f in foreign.sentence_findings(studio, lex, 2, (2026, 5))] == [
        ("studio", "Silver Link")
    ]
    pv = "公式サイトではティザーPVが公開された。"
    found = foreign.sentence_findings(pv, lex, 2, (2026, 5))
    assert [(f.type, f.source.attribution) for f in found] == [("trailer", "official")]
    # history: earlier seasons aired before publication; an event date is not a premiere
    past = "TVアニメは2019年に第1期、2021年に第2期が放送された。"
    assert foreign.sentence_findings(past, lex, 3, (2026, 5)) == []
    event = "5月3日に開催されたイベントで発表された。"
    assert [f.type for f in foreign.sentence_findings(event, lex, 2, (2026, 5))] == []
    # no overseas streaming announced yet: no claim
    assert foreign.sentence_findings("海外での配信は発表されていない。", lex, 2, (2026, 5)) == []
    assert foreign.target_of(["第1期は2019年に放送された。", "第3期の制作が決定。"], lex) == 3


def test_no_season_planned_is_a_denied_renewal() -> None:
    text = "The producer said in an interview that there is no second season planned for now."
    assert find_renewal(sent(text))
    assert sentence_source(text).status == "denied"
    assert find_renewal(sent("The producer said the team is busy with a stage play.")) == []


def test_in_all_likelihood_on_a_service_is_a_guess() -> None:
    text = "Season 2 is in all likelihood going to be accessible on HIDIVE too."
    assert {f.value for f in find_streaming(sent(text))} == {"HIDIVE"}
    assert sentence_source(text).status == "speculated"


def test_foreign_studio_signing_on_again_is_named_not_cited() -> None:
    fr = foreign.LEXICONS["fr"]
    text = "Côté production, le studio Shaft rempile pour cette suite."
    found = foreign.sentence_findings(text, fr, 2, (2026, 3))
    studio = [(f.value, f.source.attribution) for f in found if f.type == "studio"]
    assert studio == [("Shaft", "none")]
    # a studio that announces is the source
    cited = "Le studio Shaft a annoncé la suite."
    assert foreign.source_of(cited, fr).attribution == "official"


def test_foreign_service_guess_with_a_concession_after_it() -> None:
    es = foreign.LEXICONS["es"]
    text = "Lo más probable es que la temporada llegue a Crunchyroll, aunque la plataforma todavía no ha dicho nada."
    assert foreign.service_names(text, es) == ["Crunchyroll"]
    assert foreign.service_names("Todavía no se sabe si llegará a Crunchyroll.", es) == []


def test_japanese_date_before_the_broadcast_word() -> None:
    lex = foreign.LEXICONS["ja"]
    head = "「星のかけら」第2期制作決定！2027年春放送"
    got = {(f.key, f.type, f.value) for f in foreign.sentence_findings(head, lex, None, (2026, 5))}
    assert (2, "release", "2027-SPRING") in got
    within = "第2期は年内放送が予定されている。"
    assert [
        f.value for f in foreign.sentence_findings(within, lex, 2, (2026, 5)) if f.type == "release"
    ] == ["2026"]
    # an event's date is not the premiere
    event = "第2期は4月12日に開催されたイベントで発表された。"
    assert [
        f for f in foreign.sentence_findings(event, lex, 2, (2026, 5)) if f.type == "release"
    ] == []
