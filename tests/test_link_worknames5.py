"""Naming the work, fifth round: a comma inside a title, a spin-off's last word written alone,
and ordinal subtitles ("The Third Course") that number a work's seasons.

Rules of news writing added after held-out set 11 was tuned on (its error classes, none of its
texts). Every text here was written for these tests (invented franchises, people and facts);
each rule has negative cases.
"""

from __future__ import annotations

from seasoncheck.claims import extract_claims
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker
from seasoncheck.models import Article

# The empty KB, the linker cache kept in a temporary directory, and kb_of(*titles): shared with
# the earlier rounds' tests.
from test_link_worknames2 import EMPTY, _cache_in_tmp, kb_of  # noqa: E402, F401


def mentions_of(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> set[tuple]:
    """(surface, work, season) of the linker's title mentions of the text."""
    return {
        (m.surface, m.work, m.season)
        for m in Linker(kb, cache=False).link(text, title)
        if m.kind == "title"
    }


def works_of(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> set[str]:
    """The works of the linker's title mentions."""
    return {w for _, w, _ in mentions_of(text, title, kb)}


def claims_of(text: str, title: str | None, kb: KnowledgeBase = EMPTY) -> set[tuple]:
    """(work, season, type) of each claim of an article."""
    article = Article(id="t1", text=text, origin="test", title=title)
    return {(c.work, c.season, c.type) for c in extract_claims(article, kb).claims}


# -- a comma inside a title ------------------------------------------------------------------

_HELLO_HEAD = "Hello, Lantern season 2 set for July at a new studio"
_HELLO = (
    "Hello, Lantern season 2 set for July at a new studio\n\n"
    "The second season of Hello, Lantern (Konnichiwa Chouchin) will begin airing in July, the "
    "producers announced on Saturday. Studio Marumi takes over the animation.\n\n"
    "Queues for the Hello, Lantern photo wall were long all afternoon."
)


def test_a_title_written_with_the_same_comma_every_time_keeps_it() -> None:
    works = works_of(_HELLO, _HELLO_HEAD)
    assert "Hello, Lantern" in works
    assert "Lantern" not in works


def test_a_comma_title_names_the_claims() -> None:
    claims = claims_of(_HELLO, _HELLO_HEAD)
    assert ("Hello, Lantern", 2, "release") in claims
    assert not any(w == "Lantern" for w, _, _ in claims)


def test_a_list_of_titles_is_no_comma_title() -> None:
    text = (
        "Harbor, Lantern and Moss season 2 round-up\n\n"
        "Three sequels were dated this week: Harbor, Lantern and Moss all return. Harbor, "
        "Lantern and Moss season 2 are set for April."
    )
    assert not any("," in w for w in works_of(text))


def test_a_name_also_written_alone_is_no_comma_title() -> None:
    text = (
        "Back in Kyoto, Lantern Season 2 gets a date\n\n"
        "Lantern Season 2 premieres in May. Lantern was the surprise hit of 2023, and Back in "
        "Kyoto, Lantern fans queued for hours."
    )
    assert not any("," in w for w in works_of(text))


def test_a_comma_written_once_is_no_comma_title() -> None:
    text = "At the Osaka stage, Moss Garden season 2 was dated for October.\n\nMore news soon."
    assert not any("," in w for w in works_of(text))


# -- a spin-off's last word written alone ----------------------------------------------------

_ZENITH = (
    "Moon Knights Zenith: a new Moon Knights anime revealed\n\n"
    "Studio Hokuto closed its Moon Knights panel by unveiling Moon Knights Zenith, an original "
    "story by the creator. According to the producers, Zenith will premiere in spring 2026."
)


def test_the_last_word_of_a_spin_off_written_alone_is_the_spin_off() -> None:
    kb = kb_of("Moon Knights", "Moon Knights Zenith")
    assert ("Zenith", "Moon Knights Zenith", None) in mentions_of(_ZENITH, kb=kb)


def test_a_last_word_written_in_lower_case_is_a_word() -> None:
    kb = kb_of("Moon Knights", "Moon Knights Zenith")
    text = _ZENITH + " The series is at the zenith of its popularity."
    assert not any(s == "zenith" for s, _, _ in mentions_of(text, kb=kb))


def test_a_title_that_opens_with_no_other_title_has_no_short_form() -> None:
    kb = kb_of("Star Zenith")
    text = "Star Zenith season 2 was announced. Zenith Records will release the soundtrack."
    assert not any(s == "Zenith" for s, _, _ in mentions_of(text, kb=kb))


# -- ordinal subtitles -----------------------------------------------------------------------

_KITCHEN_HEAD = "Kitchen Knights! The Third Course: final season set for July"
_KITCHEN = (
    "Right after the last episode of Kitchen Knights! The Second Course aired, the staff "
    "announced that The Third Course will premiere in July 2026. Studio Kumo returns to "
    "animate it."
)


def test_an_ordinal_subtitle_after_a_title_is_that_titles_season() -> None:
    found = mentions_of(_KITCHEN, _KITCHEN_HEAD)
    assert ("The Second Course", "Kitchen Knights!", 2) in found
    assert ("The Third Course", "Kitchen Knights!", 3) in found
    assert "The Third Course" not in {w for _, w, _ in found}


def test_an_ordinal_subtitle_names_the_claims_work() -> None:
    claims = claims_of(_KITCHEN, _KITCHEN_HEAD)
    assert ("Kitchen Knights", "release") in {(w.rstrip("!"), t) for w, _, t in claims}
    assert not any(w == "The Third Course" for w, _, _ in claims)


def test_a_subtitle_set_beside_its_season_reference_is_that_season() -> None:
    text = (
        "The second season of Lantern Tales, subtitled The Second Night, premieres in May. "
        "Streaming rights for The Second Night have not been announced."
    )
    found = mentions_of(text)
    assert ("The Second Night", "Lantern Tales", 2) in found


def test_a_subtitle_beside_another_seasons_number_is_not_that_work() -> None:
    text = (
        "The third season of Lantern Tales, unlike The Second Coming, premieres in May. "
        "Lantern Tales season 3 is animated by Studio Kumo."
    )
    assert ("The Second Coming", "Lantern Tales", 2) not in mentions_of(text)


def test_a_subtitle_far_from_any_title_keeps_its_own_name() -> None:
    text = (
        "Lantern Tales season 2 premieres in May.\n\n"
        "In other news, The Second Coming, a film by Studio Kumo, opens in June."
    )
    assert not any(
        s == "The Second Coming" and w == "Lantern Tales" for s, w, _ in mentions_of(text)
    )


# -- "Act.2" numbers a season ----------------------------------------------------------------


def test_a_numbered_act_after_a_title_is_a_season() -> None:
    from seasoncheck.link.seasons import find_season_refs

    text = "Studio Kumo will likely return for Lantern Tales Act.2, and Act III may follow."
    assert [(r.surface, r.season) for r in find_season_refs(text)] == [
        ("Act.2", 2),
        ("Act III", 3),
    ]


def test_an_act_in_lower_case_or_a_decimal_is_no_season() -> None:
    from seasoncheck.link.seasons import find_season_refs

    text = "The play's act 2 finale moved fans, and the Act 2.5 stage show sold out."
    assert find_season_refs(text) == []


def test_an_act_number_names_the_claims_season() -> None:
    text = (
        "Lantern Tales Act.2 announced\n\n"
        "The first season was animated by Studio Kumo, and it seems likely that Studio Kumo "
        "will return for Act.2, though this has not been confirmed."
    )
    claims = claims_of(text, "Lantern Tales Act.2 announced")
    assert ("Lantern Tales", 2, "studio") in claims


def test_a_last_word_after_an_article_is_a_modifier() -> None:
    kb = kb_of("Moon Knights", "Moon Knights Zenith")
    text = _ZENITH + " The Zenith family feud is the heart of the story."
    assert not any(s == "Zenith" and m > len(_ZENITH) for s, _, m in _spans(text, kb))


def _spans(text: str, kb: KnowledgeBase) -> set[tuple]:
    """(surface, work, start) of the linker's title mentions."""
    return {
        (m.surface, m.work, m.start)
        for m in Linker(kb, cache=False).link(text)
        if m.kind == "title"
    }
