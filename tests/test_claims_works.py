"""Which work a claim belongs to: roundups, people's names, short and long forms of a title.

Rules of news writing added after tuning on held-out set 4. Every sentence here was written for
these tests (invented franchises, studios, people and facts); each rule has a positive and a
negative case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.claims.segment import split_sentences
from seasoncheck.claims.subject import roundup_sections
from seasoncheck.kb.model import Franchise, KnowledgeBase
from seasoncheck.link import Linker
from seasoncheck.link.cache import CACHE_ENV
from seasoncheck.link.linker import _names_a_person
from seasoncheck.link.openworld import TitleCandidate
from seasoncheck.models import Article

EMPTY = KnowledgeBase()
Row = tuple[str, str, int | None, str | None]  # work, type, season, value


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The linker's index cache in a temporary directory, never the user's cache."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def claims_of(text: str, title: str | None, kb: KnowledgeBase = EMPTY) -> set[Row]:
    """(work, type, season, value) of every claim of one article."""
    article = Article(
        id="w", text=text, origin="test", title=title, published="2026-08-20", language="en"
    )
    return {(c.work, c.type, c.season, c.value) for c in extract_claims(article, kb).claims}


def works_of(text: str, title: str | None, kb: KnowledgeBase = EMPTY) -> set[str]:
    """The works the claims of one article are assigned to."""
    return {w for w, _, _, _ in claims_of(text, title, kb)}


# -- roundups: a claim belongs to the work of its heading ------------------------------------------

ROUNDUP = """Autumn 2026 Sequels: Our Watchlist
Posted on Aug 20, 2026

Summer is nearly over. After a year in which Glass Orchard's second season won every poll we ran, the autumn line-up is full of sequels. Here is everything confirmed so far about the returning shows we care about.

1. Lantern Road Season 2

The caravan is back for a second season this autumn. The season premieres on October 4 on a late-night block, and Studio Pellucid is animating it again. The first season aired in 2024 to quiet acclaim.

2. Copper Saints Season 3

The remake of the old sports classic returns with a third season in October. Netflix will stream the season worldwide, just as it did with the earlier ones.

Honorable mentions

Several long-running shows simply keep going, and a few spring shows are continuing into a second cour. We will update this list as news arrives.
"""


def test_a_roundup_assigns_each_claim_to_the_work_of_its_heading() -> None:
    got = claims_of(ROUNDUP, "Autumn 2026 Sequels: Our Watchlist")
    assert ("Lantern Road", "release", 2, "2026-10-04") in got
    assert ("Lantern Road", "studio", 2, "Pellucid") in got
    assert ("Copper Saints", "streaming", 3, "Netflix") in got
    assert ("Copper Saints", "renewal", 3, None) in got
    # the introduction names Glass Orchard only as history; its list talk is nobody's claim
    assert works_of(ROUNDUP, "Autumn 2026 Sequels: Our Watchlist") == {
        "Lantern Road",
        "Copper Saints",
    }


def test_a_heading_naming_no_work_ends_the_previous_section() -> None:
    got = claims_of(ROUNDUP, "Autumn 2026 Sequels: Our Watchlist")
    # "a second cour" under "Honorable mentions" is not Copper Saints' news
    assert all(not (w == "Copper Saints" and s == 2) for w, _, s, _ in got)


NUMBERED = """Sequels to Watch This Autumn

Here are the returning series we are most excited about, with everything confirmed so far.

1. Lantern Road Season 2

The season premieres on October 4 on a late-night block, and Studio Pellucid animates it again.

2. Copper Saints Season 3

The remake returns with a third season in October 2026, and Netflix will stream it worldwide.

3. The Quiet Tailors of Harrow Lane

The drama's second season premieres in January 2027, its website announced.
"""


def test_a_numbered_heading_names_its_section_even_when_no_title_was_found_in_it() -> None:
    got = claims_of(NUMBERED, "Sequels to Watch This Autumn")
    assert ("The Quiet Tailors of Harrow Lane", "release", 2, "2027-01") in got
    assert ("Copper Saints", "streaming", 3, "Netflix") in got
    # the bare "second season" under heading 3 is not Copper Saints' second season
    assert all(not (w == "Copper Saints" and s == 2) for w, _, s, _ in got)


def test_numbered_question_headings_of_an_explainer_name_no_work() -> None:
    text = (
        "Lantern Road will return for a second season, the official website announced.\n\n"
        "1. When Will Season 2 Premiere?\n\n"
        "The second season premieres in January 2027, the staff said on Friday.\n\n"
        "2. Who Is Animating It\n\n"
        "Studio Pellucid is animating the second season, the staff confirmed.\n"
    )
    got = claims_of(text, "Lantern Road Season 2: What We Know")
    assert {w for w, _, _, _ in got} == {"Lantern Road"}
    assert ("Lantern Road", "release", 2, "2027-01") in got


APPENDIX = """Lantern Road will return for a second season, its website announced on Friday.

The second season will premiere in July 2027, and Studio Pellucid is animating it again.

Copper Saints Season 3

The remake returns with a third season in October 2026, and Netflix will stream it.

Glass Orchard Season 2

The second season of the drama premieres in January 2027 on a late-night block.
"""


def test_a_list_after_a_story_about_the_headline_work_keeps_the_story_whole() -> None:
    got = claims_of(APPENDIX, "Lantern Road Season 2 Set for July 2027")
    assert ("Lantern Road", "release", 2, "2027-07") in got  # a sentence not naming the work
    assert ("Copper Saints", "streaming", 3, "Netflix") in got
    assert ("Glass Orchard", "release", 2, "2027-01") in got
    # without a headline naming it, the opening is a roundup's introduction
    assert ("Lantern Road", "release", 2, "2027-07") not in claims_of(APPENDIX, "Sequels of 2027")


EXPLAINER = """Lantern Road Season 2: Everything We Know

Lantern Road will return for a second season, the official website announced on Friday. The caravan story continues in 2027.

Who Is Animating Season 2?

Studio Pellucid is animating the second season, the staff confirmed.

Where Can You Watch It?

Crunchyroll will stream the second season, as it did the first one.

When Does Season 2 Premiere?

The second season premieres in January 2027.
"""


def test_an_explainer_with_question_headings_stays_about_its_subject() -> None:
    got = claims_of(EXPLAINER, "Lantern Road Season 2: Everything We Know")
    assert works_of(EXPLAINER, "Lantern Road Season 2: Everything We Know") == {"Lantern Road"}
    assert ("Lantern Road", "studio", 2, "Pellucid") in got
    assert ("Lantern Road", "streaming", 2, "Crunchyroll") in got


def test_headings_need_two_works_besides_the_subject() -> None:
    text = (
        "Lantern Road Season 2 Confirmed\n\n"
        "Lantern Road will return for a second season in January 2027, the website announced.\n\n"
        "Copper Saints Season 3 Update\n\n"
        "The studio behind both shows also teased more news for later this year.\n"
    )
    sents = split_sentences(text)
    mentions = tuple(Linker(EMPTY).analyse(text, None).mentions)
    assert roundup_sections(text, sents, mentions, frozenset({"Lantern Road"})) == []
    assert len(roundup_sections(text, sents, mentions)) == 2  # no subject given: two works


def test_short_lines_of_an_embedded_post_are_not_headings() -> None:
    text = (
        "Lantern Road will return for a second season in January 2027, the website announced.\n\n"
        "Copper Saints Season 3 is coming!\n"
        "Glass Orchard Season 2 too!\n"
        "— Some Fan (@somefan) August 2, 2026\n\n"
        "The post was shared by thousands of fans within an hour of going up on the site.\n"
    )
    mentions = tuple(Linker(EMPTY).analyse(text, None).mentions)
    assert roundup_sections(text, split_sentences(text), mentions) == []


LEADS = """The Autumn Returns at a Glance

Here is where the season's sequels stand, show by show, with everything confirmed so far.

Lantern Road Season 2 premieres on October 4, and Studio Pellucid is animating it again.

Copper Saints Season 3 returns in October, and Netflix will stream it worldwide.

Glass Orchard Season 2 has been delayed to January 2027 because of production issues.

We will keep this page updated as more news arrives.
"""


def test_paragraphs_that_open_with_different_works_are_each_about_their_lead() -> None:
    got = claims_of(LEADS, "The Autumn Returns at a Glance")
    assert ("Lantern Road", "studio", 2, "Pellucid") in got
    assert ("Copper Saints", "streaming", 3, "Netflix") in got
    assert ("Glass Orchard", "delay", 2, "2027-01") in got


def test_two_paragraphs_opening_with_other_works_do_not_make_a_roundup() -> None:
    text = (
        "The website announced that Lantern Road will return for a second season in January "
        "2027.\n\n"
        "Copper Saints Season 3 is also in the works at the same studio, fans noted.\n\n"
        "Glass Orchard Season 2 was made by a smaller team at the studio last year.\n\n"
        "Studio Pellucid will animate the new season, and Crunchyroll will stream it.\n"
    )
    got = claims_of(text, "Lantern Road Season 2 Set for January 2027")
    assert ("Lantern Road", "studio", 2, "Pellucid") in got
    assert ("Lantern Road", "streaming", 2, "Crunchyroll") in got


# -- a person's name is not a work -------------------------------------------------------------------


def test_a_name_after_a_credit_word_is_a_person_not_the_work() -> None:
    text = (
        "Lantern Road will return for a second season in January 2027, the website announced.\n\n"
        "Studio Pellucid is producing again, and director Haruto Kibe is returning for the "
        "second season. The first season aired in 2024."
    )
    got = claims_of(text, "Lantern Road Season 2 Set for January 2027")
    assert {w for w, _, _, _ in got} == {"Lantern Road"}
    assert ("Lantern Road", "studio", 2, "Pellucid") in got


def test_a_name_credited_once_is_a_person_wherever_it_recurs() -> None:
    text = (
        "Lantern Road will return for a second season in January 2027, the website announced. "
        "The sequel was revealed at an event with series director Haruto Kibe.\n\n"
        "Studio Pellucid is producing again, and Haruto Kibe is returning for the second season."
    )
    got = claims_of(text, "Lantern Road Season 2 Set for January 2027")
    assert {w for w, _, _, _ in got} == {"Lantern Road"}
    assert ("Lantern Road", "studio", 2, "Pellucid") in got


def test_a_title_after_a_non_credit_word_stays_a_work() -> None:
    text = "Meanwhile Copper Saints is returning for a third season in October 2026."
    assert ("Copper Saints", "release", 3, "2026-10") in claims_of(text, None)


def test_person_rule_credit_words_and_possessives() -> None:
    def cand(text: str, surface: str) -> TitleCandidate:
        start = text.index(surface)
        return TitleCandidate(start, start + len(surface), surface, "renewed_for")

    text = "written by Mika Arai, the story follows a courier"
    assert _names_a_person(text, cand(text, "Mika Arai"), set())
    text = "the film adapts Mika Arai's Lantern Road novels"
    assert _names_a_person(text, cand(text, "Mika Arai"), {text.index("Lantern Road")})
    # a possessive before no title, three words, no credit word: not a person
    text = "Copper Saints's ending was divisive"
    assert not _names_a_person(text, cand(text, "Copper Saints"), set())
    text = "directed by Mika Arai Kibe"
    assert not _names_a_person(text, cand(text, "Mika Arai Kibe"), set())
    text = "Glass Orchard is returning for a second season"
    assert not _names_a_person(text, cand(text, "Glass Orchard"), set())
    text = "a drama inspired by Glass Orchard, which returns next year"  # a bare "by"
    assert not _names_a_person(text, cand(text, "Glass Orchard"), set())


# -- a title keeps its own last words ----------------------------------------------------------------


@pytest.fixture(scope="module")
def trailing_kb() -> KnowledgeBase:
    """A KB that knows "Ghost Tutor: Yurei Sensei Kumo" under the short title "Ghost Tutor",
    and a work called "Far Shore"."""
    tutor = Franchise(
        id="ghost-tutor",
        name="Ghost Tutor: Yurei Sensei Kumo",
        titles=("Ghost Tutor", "Ghost Tutor: Yurei Sensei Kumo"),
    )
    shore = Franchise(id="far-shore", name="Far Shore", titles=("Far Shore",))
    return KnowledgeBase(franchises={f.id: f for f in (tutor, shore)}, titles=[])


def test_a_kb_title_written_with_a_last_word_of_its_own_name_keeps_it(
    trailing_kb: KnowledgeBase,
) -> None:
    text = (
        "Ghost Tutor Kumo Anime's 2nd Season Delayed to April 2027\n\n"
        "The official account for the Ghost Tutor Kumo anime announced that the second season "
        "will now premiere in April 2027 instead of January 2027."
    )
    got = claims_of(text, "Ghost Tutor Kumo Anime's 2nd Season Delayed to April 2027", trailing_kb)
    assert ("Ghost Tutor Kumo", "delay", 2, "2027-04") in got


def test_a_last_word_foreign_to_the_kb_name_leaves_the_kb_title(
    trailing_kb: KnowledgeBase,
) -> None:
    text = "Ghost Tutor Academy Season 2 will premiere in April 2027, its website announced."
    titles = [m.surface for m in Linker(trailing_kb).analyse(text, None).mentions]
    assert titles[0] == "Ghost Tutor"  # "Academy" is no word of the KB's name: the KB title
    text = text.replace("Academy", "Kumo")
    titles = [m.surface for m in Linker(trailing_kb).analyse(text, None).mentions]
    assert titles[0] == "Ghost Tutor Kumo"


def test_the_short_form_of_a_long_title_wins_over_a_kb_title_inside_it(
    trailing_kb: KnowledgeBase,
) -> None:
    title = "Lantern Keepers on the Far Shore Season 3 Delayed to January 2027"
    text = (
        title
        + "\n\nThe anime adaptation of Lantern Keepers on the Far Shore with My Copper Key has pushed "
        "back its third season to January 2027, its website revealed on Friday."
    )
    assert works_of(text, title, trailing_kb) == {"Lantern Keepers on the Far Shore"}


def test_a_repeated_title_ending_in_a_kb_title_after_a_connector_is_the_work(
    trailing_kb: KnowledgeBase,
) -> None:
    title = "Lantern Keepers on the Far Shore Season 3 Delayed to January 2027"
    text = (
        title + "\n\nThe anime of the Lantern Keepers on the Far Shore light novels has pushed "
        "back its third season to January 2027, its website revealed on Friday."
    )
    assert works_of(text, title, trailing_kb) == {"Lantern Keepers on the Far Shore"}


def test_a_phrase_ending_in_a_kb_title_written_once_leaves_the_kb_title(
    trailing_kb: KnowledgeBase,
) -> None:
    text = "Tonight in Far Shore Season 2 news: the premiere moves to July 2027."
    subject = Linker(trailing_kb).analyse(text, None).subject
    assert subject is not None and subject.franchise_id == "far-shore"


def test_a_kb_title_inside_a_phrase_with_no_longer_form_stays_linked(
    trailing_kb: KnowledgeBase,
) -> None:
    text = "Far Shore Season 2 will premiere in July 2027, the website announced."
    subject = Linker(trailing_kb).analyse(text, "Far Shore Season 2 Announced").subject
    assert subject is not None and subject.franchise_id == "far-shore"


# -- an earlier season told with a history verb is not the new season's news -----------------------


def test_an_earlier_season_that_arrived_is_history() -> None:
    text = (
        "Copper Saints will return for a third season in 2027, the official site announced. "
        "The second season arrived in October 2024, again with Madhouse at the helm and again "
        "on Netflix internationally."
    )
    got = claims_of(text, "Copper Saints Season 3 Announced")
    assert ("Copper Saints", "renewal", 3, None) in got
    assert all(s != 2 for _, _, s, _ in got)


def test_an_earlier_season_that_finished_its_run_is_history() -> None:
    text = (
        "A leaker on Weibo says that a third season of Copper Saints is in production at "
        "Madhouse.\n\nNone of this has been confirmed by the publisher, so treat it as a rumor "
        "for now.\n\nThe second season, which Madhouse also animated, finished its run in "
        "September 2025, and the first season aired in 2019."
    )
    got = claims_of(text, "Copper Saints Season 3 In The Works, Says Leaker")
    assert ("Copper Saints", "renewal", 3, None) in got
    assert ("Copper Saints", "renewal", 2, None) not in got


def test_an_earlier_season_without_a_history_verb_still_counts() -> None:
    text = (
        "Copper Saints will return for a third season in 2027, the official site announced. "
        "The second season, which Madhouse also animated, is coming to Netflix in March 2027."
    )
    got = claims_of(text, "Copper Saints Season 3 Announced")
    assert ("Copper Saints", "release", 2, "2027-03") in got
