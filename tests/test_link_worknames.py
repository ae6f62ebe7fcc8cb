"""Naming the work an article is about: whole titles, not fragments, authors or headline labels.

Rules of news writing and titling added after the blind run on held-out set 7 (its error classes,
none of its texts): "&" and "×" inside titles, a KB title that is only a fragment of a longer
name, elided "in'" words, long light-novel titles, authors' possessives, possessives inside a
title, titles with their own "?", subtitles of a KB work, and the article's own name for a work
the KB spells otherwise. Every text here was written for these tests (invented franchises,
people and facts); most rules have a negative case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.kb.model import Franchise, KnowledgeBase, TitleEntry
from seasoncheck.link import Linker
from seasoncheck.link.cache import CACHE_ENV
from seasoncheck.link.clauses import repeated_lead
from seasoncheck.link.openworld import find_candidates
from seasoncheck.link.seasons import find_season_refs
from seasoncheck.models import Article

EMPTY = KnowledgeBase()


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The linker's index cache in a temporary directory, never the user's cache."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def kb_of(*names: str) -> KnowledgeBase:
    """A KB with one franchise per name (its id: the name in lower case, dashes for spaces)."""
    franchises = {}
    titles = []
    for name in names:
        fid = name.lower().replace(" ", "-").replace(":", "")
        franchises[fid] = Franchise(fid, name, (name,))
        titles.append(TitleEntry(name, fid))
    return KnowledgeBase(franchises=franchises, titles=titles)


def subject_work(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> str | None:
    """The work the linker says the article is about."""
    subject = Linker(kb, cache=False).analyse(text, title).subject
    return subject.work if subject else None


def candidates(text: str, *, headline: bool = False) -> list[str]:
    """The open-world title candidates of ``text``."""
    return [c.surface for c in find_candidates(text, find_season_refs(text), headline=headline)]


def claim_works(text: str, title: str, kb: KnowledgeBase = EMPTY) -> set[str]:
    """The works the claims of an article are about."""
    article = Article(id="t1", text=text, origin="test", title=title)
    return {c.work for c in extract_claims(article, kb).claims}


# -- "&" and "and" ---------------------------------------------------------------------------

AMP_HEAD = "Lantern Fox & Paper Moon Season 2 Gets an October Premiere"
AMP_BODY = (
    "The second season of Lantern Fox & Paper Moon will premiere in October 2027, the "
    "production committee announced on Monday. Studio Brightwell returns to animate it."
)


def test_an_ampersand_inside_a_title_run_keeps_the_title_whole() -> None:
    assert subject_work(AMP_BODY, AMP_HEAD) == "Lantern Fox & Paper Moon"
    assert "Lantern Fox & Paper Moon" in candidates(AMP_HEAD, headline=True)
    assert claim_works(AMP_BODY, AMP_HEAD) == {"Lantern Fox & Paper Moon"}


def test_a_kb_title_inside_a_longer_name_is_a_fragment() -> None:
    # the KB knows other works called "Fox & Paper" and "Paper Moon"; the article names a
    # longer title around them, right before its season
    assert subject_work(AMP_BODY, AMP_HEAD, kb_of("Fox & Paper")) == "Lantern Fox & Paper Moon"
    assert subject_work(AMP_BODY, AMP_HEAD, kb_of("Paper Moon")) == "Lantern Fox & Paper Moon"
    # a KB title alone before its season is still the KB's work
    text = "Fans can now stream Paper Moon Season 2 on Fridays, the anime's staff said."
    assert subject_work(text, None, kb_of("Paper Moon")) == "Paper Moon"
    # two KB titles joined by "and" are two works, not one title
    text = "Crunchyroll adds Lantern Fox and Paper Moon Season 2 to its spring anime lineup."
    linker = Linker(kb_of("Lantern Fox", "Paper Moon"), cache=False)
    works = {m.work for m in linker.link(text) if m.kind == "title"}
    assert works == {"Lantern Fox", "Paper Moon"}


def test_a_kb_title_written_with_and_matches_an_ampersand_and_back() -> None:
    kb = kb_of("Lantern Fox and Paper Moon", "Salt & Cinder")
    linker = Linker(kb, cache=False)
    subject = linker.analyse(AMP_BODY, AMP_HEAD).subject
    assert subject is not None and subject.franchise_id == "lantern-fox-and-paper-moon"
    text = "The anime Salt and Cinder returns for a second season in April."
    assert {m.franchise_id for m in linker.link(text)} >= {"salt-&-cinder"}


# -- elided words, quoted fragments, labels --------------------------------------------------------


def test_an_elided_in_apostrophe_is_inside_the_title() -> None:
    head = "Dancin' on the Cloud Roads Season 2: Release Date and Studio"
    body = "Dancin' on the Cloud Roads season 2 premieres in July, the official site said."
    assert subject_work(body, head) == "Dancin' on the Cloud Roads"
    assert set(candidates(body)) == {"Dancin' on the Cloud Roads"}  # not "Cloud Roads"
    # a closing quotation mark after a word still ends the title ('Cloud Roads' is back)
    assert set(candidates("Fans say 'Cloud Roads' season 2 looks great.")) == {"Cloud Roads"}


def test_a_quoted_tail_of_a_long_title_is_no_title() -> None:
    text = 'The comedy (its title goes on "with a Borrowed Sword and Two Left Feet") is back.'
    assert candidates(text) == []
    assert candidates('Fans voted "Borrowed Sword" the best anime of the year.') == [
        "Borrowed Sword"
    ]


def test_a_quoted_title_ends_before_its_season_words() -> None:
    text = "A listing titled “Kirameki Bokujou 2nd Season” appeared on the anime site."
    assert set(candidates(text)) == {"Kirameki Bokujou"}


def test_a_bracketed_label_opening_a_headline_is_not_the_title() -> None:
    head = "【Notice】Regarding the broadcast of TV anime “Silver Orchard” Season 2"
    body = "We had announced that Silver Orchard Season 2 would begin airing in April 2027."
    assert subject_work(body, head) == "Silver Orchard"


def test_the_headline_lead_stops_at_a_short_season_reference() -> None:
    head = "Exiled from the Lantern Guild S3 announced!!"
    body = "The staff of Exiled from the Lantern Guild announced a third season on Friday."
    stop = find_season_refs(head)[0].start
    assert [c.surface for c in repeated_lead(head, body, stop)] == ["Exiled from the Lantern Guild"]
    assert subject_work(body, head) == "Exiled from the Lantern Guild"


# -- long titles, authors, possessives -------------------------------------------------------------

LONG = "The Quiet Apprentice of the Sunken Library and the Clockwork Cartographer"


def test_a_long_light_novel_title_before_a_season_is_taken_whole() -> None:
    head = f"Crunchyroll Announces {LONG} Season 2 for Fall 2027"
    body = f"Crunchyroll will stream {LONG} Season 2 from October, the company said."
    assert subject_work(body, head) == LONG


def test_an_author_with_describing_words_before_manga_is_not_the_work() -> None:
    text = (
        "Netflix has renewed its adaptation of Mara Quillon's long-running gothic horror manga "
        "for a second season, the streamer said."
    )
    assert "Mara Quillon" not in candidates(text)
    assert subject_work(text) != "Mara Quillon"


def test_a_possessive_inside_a_title_the_article_never_drops() -> None:
    head = "Forum poster says Lantern Keeper's Promise returns in 2027"
    body = (
        "A poster claims that the third season of Lantern Keeper's Promise is storyboarded "
        "and will air in 2027."
    )
    assert subject_work(body, head) == "Lantern Keeper's Promise"


def test_an_authors_possessive_before_a_title_that_stands_alone_stays_out() -> None:
    body = (
        "The anime adaptation of Jane Roe's Wind Harbor was a hit. Wind Harbor season 2 "
        "premieres in January, and the first season of Jane Roe's Wind Harbor is on Netflix."
    )
    assert subject_work(body) == "Wind Harbor"


# -- roundups: titles with "?", KB titles in a numbered heading -----------------------------------

ROUNDUP = """Returning in Spring 2027: three sequels to watch

1. Ferryman Tadashi on the Other Shore (Season 2)
Premiere: April 4
The ferryman and his talking oar return. Hollow Reed Studio confirmed the season last week.

2. Kagerou (Season 2)
Premiere: April 2027
The ghost detective is back with a new case, says the official site.

3. Am I Secretly the Last Dragon? (Season 2)
Premiere: April 2027
A trailer went up on the official channel on March 1.
"""


def test_a_title_with_its_own_question_mark_before_a_season_in_brackets() -> None:
    works = {m.work for m in Linker(EMPTY, cache=False).link(ROUNDUP) if m.kind == "title"}
    assert "Am I Secretly the Last Dragon" in works


def test_kb_titles_in_numbered_headings_are_named_whole() -> None:
    kb = kb_of("Other Shore", "Kagerou")
    mentions = Linker(kb, cache=False).link(ROUNDUP)
    works = {m.work for m in mentions if m.kind == "title"}
    assert "Ferryman Tadashi on the Other Shore" in works  # not the KB's "Other Shore"
    assert "Other Shore" not in works
    assert "Kagerou" in works  # a one-word KB title right before its season number


# -- subtitles and the article's own name of a KB work -----------------------------------------

FINALE = """Steel Maidens das Finale Part 3 opens in June 2027.

The third instalment of the Steel Maidens das Finale film series will reach theatres on June 11, 2027, the official website announced. Studio Harrow is producing the film again.

| 2023 | das Finale Part 1 |
| 2025 | das Finale Part 2 |
| 2027 | das Finale Part 3 |
"""


def test_a_subtitle_after_a_connector_belongs_to_the_kb_work() -> None:
    kb = kb_of("Steel Maidens")
    result = Linker(kb, cache=False).analyse(FINALE, "Steel Maidens das Finale Part 3 gets a date")
    assert result.subject is not None and result.subject.franchise_id == "steel-maidens"
    assert "Finale" not in {m.work for m in result.mentions}


def test_a_kb_work_is_named_as_the_article_names_it() -> None:
    kb = kb_of("Seventh Bell: The Heiress Who Only Wanted a Quiet Life")
    head = "Seventh Bell Season 2 delayed"
    body = "The broadcast of “Seventh Bell” Season 2 has been postponed, the committee said."
    subject = Linker(kb, cache=False).analyse(body, head).subject
    assert subject is not None
    assert subject.franchise_id == "seventh-bell-the-heiress-who-only-wanted-a-quiet-life"
    assert subject.work == "Seventh Bell"
    # the KB's own name when the article writes it
    kb2 = kb_of("Lantern Fox")
    assert subject_work("Lantern Fox Season 2 is coming in July.", None, kb2) == "Lantern Fox"


def test_a_name_credited_as_an_author_in_the_body_is_not_the_headline_work() -> None:
    head = "Mara Quillon manga anime gets Season 2"
    body = "The anime of the manga by Mara Quillon returns for a second season in 2027."
    assert subject_work(body, head) != "Mara Quillon"
    # the work named beside the credit is the subject
    head = "Ashen Orchard anime gets Season 2"
    body = "The anime of the manga by Mara Quillon, Ashen Orchard, returns for a second season."
    assert subject_work(body, head) == "Ashen Orchard"


def test_a_title_written_in_brackets_is_not_a_label() -> None:
    head = "[Hollow Crown] Season 3 gets a January premiere"
    assert "[Hollow Crown]" in candidates(head, headline=True)
