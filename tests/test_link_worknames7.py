"""Naming the work, seventh round: a headline's opening name before a schedule verb ("X pushed
to April", "X delayed"), a title that ends in "!", and a one-word quoted title after a
creator's possessive ("Hosoda's 'Scarlet' dated ...") that the body names after a kind of work.

Rules of news writing added after held-out set 13 was tuned on (its error classes, none of its
texts). Every text here was written for these tests (invented franchises, people and facts);
each rule has negative cases.
"""

from __future__ import annotations

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker

# The empty KB and the linker cache kept in a temporary directory: shared with the earlier
# rounds' tests.
from test_link_worknames2 import EMPTY, _cache_in_tmp, kb_of  # noqa: E402, F401


def works_of(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> set[str]:
    """The works of the linker's title mentions."""
    return {m.work for m in Linker(kb, cache=False).link(text, title) if m.kind == "title"}


def subject_of(text: str, title: str | None = None) -> str | None:
    """The work the linker takes an article to be about."""
    s = Linker(EMPTY, cache=False).analyse(text, title).subject
    return s.work if s else None


# -- a headline's opening name before a schedule verb ----------------------------------------

_GLIMMER_TITLE = "Glimmer Tide! Second Current pushed to July 2027"
_GLIMMER_BODY = (
    "The third Glimmer Tide! TV season, Second Current, will no longer air this spring. "
    "The committee said the anime now premieres in July 2027."
)


def test_headline_name_before_pushed_to_is_the_subject() -> None:
    assert subject_of(_GLIMMER_BODY, _GLIMMER_TITLE) == "Glimmer Tide!"


def test_headline_name_before_delayed_is_the_subject() -> None:
    title = "Copper Lantern Saga delayed again"
    body = "The Copper Lantern Saga anime will now air in the winter, its producers said today."
    assert subject_of(body, title) == "Copper Lantern Saga"


def test_headline_without_a_schedule_verb_names_no_work() -> None:
    title = "Copper Lantern Saga cast talks about the recording booth"
    body = "Three voice actors of the anime met readers at a bookshop on Saturday."
    assert subject_of(body, title) is None


def test_headline_with_a_verb_but_a_plain_noun_opening_names_no_work() -> None:
    title = "Theatre opening pushed to May"
    body = "The new anime cinema in the harbour district will open later than planned."
    assert subject_of(body, title) is None


# -- a one-word quoted title after a creator's possessive ------------------------------------

_EMBER_TITLE = "Tanabe's 'Emberfall' dated for October 3"
_EMBER_BODY = (
    "Rika Tanabe's new original anime film, Emberfall, will open in cinemas on October 3, the "
    "distributor said on Monday. Tanabe's last film premiered at a festival in 2023."
)


def test_quoted_title_after_a_possessive_is_the_work_not_the_creator() -> None:
    assert subject_of(_EMBER_BODY, _EMBER_TITLE) == "Emberfall"
    assert "Tanabe" not in works_of(_EMBER_BODY, _EMBER_TITLE)


def test_one_word_quotation_the_body_never_names_as_a_work_is_no_title() -> None:
    title = "Director calls finale 'Bittersweet' as Copper Lantern Saga anime ends"
    body = "The director said the ending was bittersweet, and thanked the fans of the anime."
    assert "Bittersweet" not in works_of(body, title)


def test_apostrophe_is_no_opening_quote() -> None:
    title = "Tanabe's 'Emberfall' dated"
    body = "Tanabe's next film is Emberfall."
    assert "s 'Emberfall" not in " ".join(works_of(body, title))


# -- a column's first person opens the headline ----------------------------------------------


def test_first_person_opening_a_headline_is_no_work() -> None:
    title = "I still want Copper Lantern Saga season 2, and here is why"
    body = (
        "I have waited four years for a second season of Copper Lantern Saga. "
        "I think the anime will return, but I am only guessing."
    )
    assert subject_of(body, title) == "Copper Lantern Saga"
    assert "I" not in works_of(body, title)


def test_a_title_that_opens_with_i_keeps_its_words() -> None:
    title = "I Married the Lighthouse Keeper season 2 announced"
    body = "A second season of the anime I Married the Lighthouse Keeper was announced on Friday."
    assert subject_of(body, title) == "I Married the Lighthouse Keeper"


# -- an author's possessive opens the headline -----------------------------------------------


def test_author_possessive_before_a_title_the_body_names_alone() -> None:
    title = "Marlowe's Quillhaven gets a new TV anime"
    body = (
        "Ada Marlowe's fantasy novel Quillhaven is getting a new TV anime, the publisher "
        "announced on Sunday. Quillhaven ran for nine volumes."
    )
    works = works_of(body, title)
    assert subject_of(body, title) == "Quillhaven"
    assert "Marlowe" not in works


def test_possessive_inside_a_title_the_body_never_splits_stays_whole() -> None:
    title = "Mirabel's Lantern gets a new TV anime"
    body = "Mirabel's Lantern is getting a TV anime, and Mirabel herself gets a new voice."
    assert subject_of(body, title) != "Lantern"


# -- a KB title's last word written alone ----------------------------------------------------


def test_last_word_of_a_kb_title_after_season_of_is_that_title() -> None:
    kb = kb_of("Harbour Detective Files Z")
    title = "Harbour Detective Files Z second season premieres in April"
    body = (
        "The second season of Harbour Detective Files Z will premiere in April. "
        "The first season of Z ran 24 episodes, and the anime adapted newer cases."
    )
    assert works_of(body, title, kb) == {"Harbour Detective Files Z"}


def test_one_word_name_that_ends_no_kb_title_stays_its_own_work() -> None:
    kb = kb_of("Harbour Detective Files Z")
    title = "Harbour Detective Files Z second season premieres in April"
    body = (
        "The second season of Harbour Detective Files Z will premiere in April, and the "
        "second season of Quillhaven follows it in July, the anime's producers said. Fans of "
        "Quillhaven waited three years."
    )
    assert "Quillhaven" in works_of(body, title, kb)
