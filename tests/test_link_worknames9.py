"""Naming the work, ninth round: a KB season title the article numbers in apposition ("X Ember,
the third television season,"), the bulleted list under a "Related News:" label, and a
headline "Franchise Film Subtitle Opens ..." whose two halves the body writes joined.

Rules of news writing added after held-out set 15 was tuned on (its error classes, none of its
texts). Every text here was written for these tests (invented franchises, people and facts);
each rule has negative cases.
"""

from __future__ import annotations

from seasoncheck.kb.model import Franchise, KnowledgeBase, TitleEntry
from seasoncheck.link import Linker
from seasoncheck.link.seasons import find_season_refs

# The empty KB and the linker cache kept in a temporary directory: shared with the earlier
# rounds' tests.
from test_link_worknames2 import EMPTY, _cache_in_tmp, kb_of  # noqa: E402, F401


def _lantern_kb() -> KnowledgeBase:
    """A franchise whose third season has its own KB title ("Glass Lantern Ember")."""
    fr = Franchise("gl", "Glass Lantern", ("Glass Lantern", "Glass Lantern Ember"))
    entries = [TitleEntry("Glass Lantern", "gl"), TitleEntry("Glass Lantern Ember", "gl", 3, "w3")]
    return KnowledgeBase(franchises={"gl": fr}, titles=entries)


def _titles(text: str, title: str | None, kb: KnowledgeBase) -> list[tuple[str, int | None]]:
    result = Linker(kb, cache=False).analyse(text, title)
    return [(m.surface, m.season) for m in result.mentions if m.kind == "title"]


# -- a KB season title numbered in apposition --------------------------------------------------

_EMBER = (
    "Fans of Glass Lantern will have to wait. The studio said on Monday that Glass Lantern "
    "Ember, the third television season, will now premiere in May. Ember is the first season "
    "made by the new studio."
)


def test_television_between_ordinal_and_season_is_a_season_reference() -> None:
    refs = find_season_refs("Ember, the third television season, is late")
    assert [(r.surface, r.season) for r in refs] == [("the third television season", 3)]


def test_season_title_numbered_in_apposition_takes_the_number_with_its_short_form() -> None:
    titles = _titles(_EMBER, "Glass Lantern Ember Delayed to May", _lantern_kb())
    assert ("Glass Lantern Ember", 3) in titles
    assert ("Ember", 3) in titles  # the short form names the same season
    assert ("Glass Lantern", None) in titles  # the franchise's own name stays unnumbered
    result = Linker(_lantern_kb(), cache=False).analyse(_EMBER, "Glass Lantern Ember Delayed")
    assert result.subject is not None and result.subject.season == 3


def test_apposition_with_another_number_leaves_the_season_title_unnumbered() -> None:
    text = _EMBER.replace("third television", "fourth television")
    titles = _titles(text, None, _lantern_kb())
    assert ("Glass Lantern Ember", None) in titles


def test_season_reference_not_in_apposition_leaves_the_season_title_unnumbered() -> None:
    text = "Glass Lantern Ember will premiere in May, and the third season of a rival show too."
    assert ("Glass Lantern Ember", None) in _titles(text, None, _lantern_kb())


# -- the bulleted list under a "Related News:" label -------------------------------------------

_BAKERY_TITLE = "Hello, Moonlit Bakery! Film Sugar Rain Opens May 2, 2027"
_BAKERY_BODY = (
    "Studio Tern's Hello, Moonlit Bakery! is coming back with a new film. The official website "
    "said on Monday that Hello, Moonlit Bakery! Sugar Rain will open in theaters across Japan on May 2, 2027.\n\n"
    "Related News:\n- Studio Tern announces new Orchard Lane project\n- Ten films to watch\n\n"
    "The first TV series aired in 2021."
)


def test_related_news_list_names_no_work_of_the_article() -> None:
    kb = kb_of("Orchard Lane")
    result = Linker(kb, cache=False).analyse(_BAKERY_BODY, _BAKERY_TITLE)
    assert all(m.work != "Orchard Lane" for m in result.mentions)
    assert result.subject is not None and result.subject.work == "Hello, Moonlit Bakery! Sugar Rain"


def test_a_related_line_without_a_colon_skips_no_list_after_it() -> None:
    text = (
        "Orchard Lane will get a second season in April, the studio said.\n"
        "Related stories from this week\n- Orchard Lane returns to theaters"
    )
    result = Linker(kb_of("Orchard Lane"), cache=False).analyse(text, None)
    titles = [m for m in result.mentions if m.kind == "title"]
    assert sum(1 for m in titles if m.work == "Orchard Lane") == 2


# -- "Franchise Film Subtitle Opens ...": the two halves joined --------------------------------


def test_headline_film_subtitle_joined_as_the_body_writes_it() -> None:
    result = Linker(EMPTY, cache=False).analyse(_BAKERY_BODY, _BAKERY_TITLE)
    assert result.subject is not None and result.subject.work == "Hello, Moonlit Bakery! Sugar Rain"


def test_headline_film_subtitle_not_joined_in_the_body_gives_no_joined_name() -> None:
    body = (
        "Hello, Moonlit Bakery! is coming back with a new film. The film, called Sugar Rain, "
        "will open "
        "in theaters on May 2, 2027, the website said."
    )
    result = Linker(EMPTY, cache=False).analyse(body, _BAKERY_TITLE)
    works = {m.work for m in result.mentions if m.kind == "title"}
    assert "Hello, Moonlit Bakery! Sugar Rain" not in works


def test_joined_name_only_on_the_body_copy_of_the_headline_does_not_count() -> None:
    body = _BAKERY_TITLE + "\n\nThe film opens in May, the website said."
    result = Linker(EMPTY, cache=False).analyse(body, _BAKERY_TITLE)
    works = {m.work for m in result.mentions if m.kind == "title"}
    assert "Hello, Moonlit Bakery! Sugar Rain" not in works
