"""Naming the work, second round: punctuation of KB titles, a work's first word, feature
headlines, anniversary phrases and roundup headings with a work's other name in brackets.

Rules of news writing and titling added after held-out sets 7 and 8 were tuned on (their error
classes, none of their texts). Every text here was written for these tests (invented franchises,
people and facts); most rules have a negative case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.kb.model import Franchise, KnowledgeBase, TitleEntry
from seasoncheck.link import Linker
from seasoncheck.link.cache import CACHE_ENV
from seasoncheck.link.openworld import find_candidates
from seasoncheck.link.seasons import find_season_refs
from seasoncheck.models import Article

EMPTY = KnowledgeBase()


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The linker's index cache in a temporary directory, never the user's cache."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def kb_of(*titles: str) -> KnowledgeBase:
    """A KB with one franchise per title, named and keyed by it."""
    franchises = {}
    entries = []
    for i, name in enumerate(titles):
        fid = f"f{i}"
        franchises[fid] = Franchise(fid, name, (name,))
        entries.append(TitleEntry(name, fid))
    return KnowledgeBase(franchises=franchises, titles=entries)


def subject_of(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> tuple:
    """The work and franchise id the linker says the article is about."""
    subject = Linker(kb, cache=False).analyse(text, title).subject
    return (subject.work, subject.franchise_id) if subject else (None, None)


def candidates(text: str, *, headline: bool = False) -> list[str]:
    """The open-world title candidates of ``text``."""
    return [c.surface for c in find_candidates(text, find_season_refs(text), headline=headline)]


def claims_of(text: str, title: str | None, kb: KnowledgeBase = EMPTY) -> set[tuple]:
    """(work, season, type) of each claim of an article."""
    article = Article(id="t1", text=text, origin="test", title=title)
    return {(c.work, c.season, c.type) for c in extract_claims(article, kb).claims}


# -- KB titles written with other punctuation ------------------------------------------------

IRON_RAIN = "GRIMSTONE!! -Iron Rain, Cold Ash-"


def test_a_kb_title_matches_the_text_with_its_punctuation_spaced_otherwise() -> None:
    # the KB writes "!! -" where the article writes "!! ": three and four characters of gap
    text = (
        "Grimstone!! Iron Rain, Cold Ash opened on the service in 2024. The streamer said "
        "on Monday that a second season is in production."
    )
    assert subject_of(text, None, kb_of(IRON_RAIN))[1] == "f0"


def test_a_kb_title_with_a_colon_matches_a_spaced_dash() -> None:
    # the whole title, not only the part before the KB's colon
    text = (
        "The streamer confirmed on Monday that Velvet Harbor - Salt Lines, the sailing anime, "
        "will get a new season."
    )
    kb = kb_of("Velvet Harbor: Salt Lines")
    assert subject_of(text, None, kb) == ("Velvet Harbor: Salt Lines", "f0")


def test_other_words_between_the_title_words_still_block_the_match() -> None:
    text = "Grimstone!! and Iron Rain, Cold Ash are two manga with anime in 2027."
    assert subject_of(text, None, kb_of(IRON_RAIN))[1] is None


# -- a work named by its first word after the full title -------------------------------------


def test_a_one_word_short_form_is_the_kb_work_it_opens() -> None:
    title = "Maplewood Returns: Quiet Orchard Anime Gets a Sequel"
    text = (
        "Fans of Maplewood Sketchbook Society had waited eleven years. Publisher Tanuki Books "
        "announced on Sunday that Maplewood will get a new anime season in 2027, and Maplewood "
        "fans cheered at the stage event."
    )
    kb = kb_of("Maplewood Sketchbook Society")
    work, fid = subject_of(text, title, kb)
    assert (work, fid) == ("Maplewood Sketchbook Society", "f0")


def test_a_first_word_shared_by_two_kb_works_stays_its_own_name() -> None:
    text = (
        "Maplewood Sketchbook Society and Maplewood Night Market are both adapted by the same "
        "studio. Fans of the anime want Maplewood Season 2 in 2027."
    )
    kb = kb_of("Maplewood Sketchbook Society", "Maplewood Night Market")
    result = Linker(kb, cache=False).analyse(text, None)
    short = [m for m in result.mentions if m.surface == "Maplewood"]
    assert short and all(m.franchise_id is None for m in short)


# -- feature headlines ----------------------------------------------------------------------


def test_a_question_after_a_colon_is_no_subtitle() -> None:
    head = "Lantern Hill: Why the Ghost Club Still Haunts Us Anime Fans"
    assert all("Why" not in c and "Ghost Club" not in c for c in candidates(head, headline=True))


def test_a_subtitle_after_a_colon_is_still_part_of_the_title() -> None:
    text = "Fans met Lantern Hill: The Ghost Club anime in 2019."
    assert "Lantern Hill: The Ghost Club" in candidates(text)


def test_an_anniversary_phrase_is_not_part_of_the_title() -> None:
    title = "15 Years of Pebblestone: The Anime That Taught Us to Cook"
    text = (
        "Pebblestone ran for three seasons of anime. At its anniversary event, the publisher "
        "said Pebblestone will return with a fourth season in 2027."
    )
    assert subject_of(text, title)[0] == "Pebblestone"


def test_a_number_title_without_years_of_keeps_its_number() -> None:
    text = "Fans cheered when 12 Lanterns of Ostrava Season 2 was announced."
    assert "12 Lanterns of Ostrava" in candidates(text)


# -- roundup headings with a work's other name in brackets ------------------------------------

ROUNDUP = """Three Returning Anime Worth Your Winter

Here are three sequels you can watch early next year, with what we know of each.

1. Copper Kettle Club Season 2

The tea-shop comedy returns, and its official site lists the premiere for January 12, 2027.

2. Lanterns Over Ostrava Season 3

The fantasy epic is back, and its official account confirmed a spring 2027 start.

3. The Clockmaker Prince Is Reborn Again (Tokeishi Ouji no Tensei) Season 2

Studio Pinecone confirmed the second season at an event, and it premieres in July 2027.
"""


def test_a_roundup_heading_with_the_other_name_in_brackets_opens_its_section() -> None:
    got = claims_of(ROUNDUP, "Three Returning Anime Worth Your Winter")
    clock = {c for c in got if "Clockmaker" in c[0] or "Tokeishi" in c[0]}
    assert clock and all(c[1] == 2 for c in clock)
    assert not any("Lanterns" in c[0] and c[2] == "release" and c[1] == 2 for c in got)


def test_a_works_age_after_at_is_not_part_of_its_title() -> None:
    title = "Orbit Sweepers at 30: the slow space show that never got its sequel"
    text = "Orbit Sweepers premiered in 1996 and never got a sequel of the anime."
    assert subject_of(text, title)[0] == "Orbit Sweepers"


def test_a_title_with_at_and_a_word_keeps_it() -> None:
    text = "Fans cheered when Last Train at Midnight Season 2 was announced."
    assert "Last Train at Midnight" in candidates(text)


# -- two names the article gives as one another's other name ---------------------------------


def mention_works(text: str, title: str | None = None, kb: KnowledgeBase = EMPTY) -> set[str]:
    """The works of the title mentions of an article's text."""
    result = Linker(kb, cache=False).analyse(text, title)
    return {m.work for m in result.mentions if m.kind == "title"}


def test_a_name_in_brackets_after_a_title_is_the_same_work() -> None:
    text = (
        "Copper Kettle Club (Douka no Yakan-bu) returns for a second season in April 2027, "
        "the official site announced. Douka no Yakan-bu Season 2 keeps its director."
    )
    assert mention_works(text, "Copper Kettle Club Season 2 Announced") == {"Copper Kettle Club"}


def test_also_known_as_ties_the_kb_franchise_to_the_article_name() -> None:
    text = (
        "The Salt Lines, also known as Shio no Sen, gets a second season in 2027. The Salt Lines "
        "Season 2 will stream on Crunchyroll, the official account said."
    )
    result = Linker(kb_of("Shio no Sen"), cache=False).analyse(text, None)
    assert result.subject is not None and result.subject.franchise_id == "f0"
    assert {m.work for m in result.mentions if m.kind == "title"} == {"The Salt Lines"}


def test_two_kb_works_in_brackets_stay_two_works() -> None:
    text = (
        "Orchard Lane (and its spin-off) fans also watch Velvet Harbor. Orchard Lane (Velvet "
        "Harbor) Season 2 is a joke title, but Orchard Lane Season 2 is real anime news."
    )
    kb = kb_of("Orchard Lane", "Velvet Harbor")
    assert mention_works(text, None, kb) == {"Orchard Lane", "Velvet Harbor"}
