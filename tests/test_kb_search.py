"""Fuzzy title search (rapidfuzz over candidates) on the demo KB."""

from __future__ import annotations

import pytest

from seasoncheck.kb.demo import load_demo_kb
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.kb.search import find_franchise, search


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The demo KB, loaded once."""
    return load_demo_kb()


@pytest.mark.parametrize(
    ("query", "franchise"),
    [
        ("Oshi no Ko", "oshi-no-ko"),
        ("【推しの子】", "oshi-no-ko"),
        ("shingeki no kyojin", "attack-on-titan"),
        ("Re Zero", "re-zero"),
        ("kimetsu no yaiba", "demon-slayer"),
        ("Frieren: Beyond Journey's End", "frieren"),
        ("apothecary diaries", "the-apothecary-diaries"),
        ("Spy × Family", "spy-x-family"),
        ("jujutsu kaisen", "jujutsu-kaisen"),
        ("Kusuriya no Hitorigoto", "the-apothecary-diaries"),
    ],
)
def test_search_finds_the_franchise_first(kb: KnowledgeBase, query: str, franchise: str) -> None:
    hits = search(kb, query, limit=5)
    assert hits and hits[0].franchise_id == franchise


def test_hits_carry_season_numbers(kb: KnowledgeBase) -> None:
    hit = search(kb, "Oshi No Ko (Season 2)", limit=1)[0]
    assert (hit.franchise_id, hit.season, hit.seasons) == ("oshi-no-ko", 2, (1, 2, 3))


def test_one_hit_per_franchise_ranked(kb: KnowledgeBase) -> None:
    hits = search(kb, "attack on titan", limit=10)
    ids = [h.franchise_id for h in hits]
    assert len(ids) == len(set(ids))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_nonsense_finds_nothing(kb: KnowledgeBase) -> None:
    assert search(kb, "qqzx wvvk") == []
    assert find_franchise(kb, "") is None


def test_find_by_id(kb: KnowledgeBase) -> None:
    assert find_franchise(kb, "dr-stone").name == "Dr. Stone"
