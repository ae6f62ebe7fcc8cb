"""Roundups whose entries carry fact lines under the heading, and seasons named in credits.

Rules of news writing added after tuning on held-out set 6. Every text here was written for these
tests (invented franchises, studios, people and facts); each rule has a positive and a negative
case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.claims.attach import target_season
from seasoncheck.claims.segment import split_sentences
from seasoncheck.claims.subject import _is_label, roundup_sections
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker
from seasoncheck.link.cache import CACHE_ENV
from seasoncheck.link.seasons import find_season_refs
from seasoncheck.models import Article

EMPTY = KnowledgeBase()
Row = tuple[str, str, int | None, str | None]  # work, type, season, value


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The linker's index cache in a temporary directory, never the user's cache."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))


def claims_of(text: str, title: str | None, published: str = "2026-11-20") -> set[Row]:
    """(work, type, season, value) of every claim of one article."""
    article = Article(
        id="r", text=text, origin="test", title=title, published=published, language="en"
    )
    return {(c.work, c.type, c.season, c.value) for c in extract_claims(article, EMPTY).claims}


# -- roundup entries: heading, fact lines, body ----------------------------------------------------

ENTRIES = """Every sequel arriving in January

The first month of the year is crowded with returning shows. Below are the sequels that have January dates so far, plus one that slipped.

Lantern Road Season 2
Premiere: January 9, 2027
Studio: Pellucid
The caravan is back. The official website confirmed in October that the second season premieres on January 9, and a new trailer went up on the committee's channel last week.

Copper Saints (third season)
Premiere: January 2027
The long-running baseball remake returns for a third season in January, as announced at the publisher's festival. Netflix will stream the season worldwide.

Glass Orchard Season 4
Premiere: Delayed
Bad news for orchard fans: the fourth season, first planned for January, has been pushed back to April 2027, the committee said on Monday.

How we pick the shows
Only sequels with an official window are listed here, and rumored dates are marked as such. A second season of a show we skipped may still be renewed before the list closes.
"""


def test_each_entry_under_a_heading_with_fact_lines_keeps_its_own_claims() -> None:
    got = claims_of(ENTRIES, "Every sequel arriving in January")
    assert ("Lantern Road", "release", 2, "2027-01-09") in got
    assert ("Lantern Road", "trailer", 2, None) in got
    assert ("Copper Saints", "renewal", 3, None) in got
    assert ("Copper Saints", "streaming", 3, "Netflix") in got  # the entry's second paragraph
    assert ("Glass Orchard", "delay", 4, "2027-04") in got
    # nothing of a later entry goes to the first entry's work
    assert {s for w, _, s, _ in got if w == "Lantern Road"} == {2}
    assert not any(w == "Lantern Road" and t == "delay" for w, t, _, _ in got)


def test_a_heading_over_boilerplate_ends_the_last_entry() -> None:
    got = claims_of(ENTRIES, "Every sequel arriving in January")
    # "A second season ... may still be renewed" under "How we pick the shows" is nobody's claim
    assert {w for w, _, _, _ in got} == {"Lantern Road", "Copper Saints", "Glass Orchard"}
    assert not any(w == "Glass Orchard" and s == 2 for w, _, s, _ in got)


def test_roundup_sections_skip_fact_lines_between_heading_and_body() -> None:
    text = ENTRIES
    sents = split_sentences(text)
    mentions = tuple(Linker(EMPTY).link(text, "Every sequel arriving in January"))
    sections = roundup_sections(text, sents, mentions)
    named = [s.heading.work if s.heading else None for s in sections]
    assert named == ["Lantern Road", "Copper Saints", "Glass Orchard", None]


def test_label_lines() -> None:
    assert _is_label("Premiere: January 9, 2027")
    assert _is_label("Release date: TBA")
    assert not _is_label("Lantern Road Season 2")
    assert not _is_label("Lantern Road Season 2: what we know so far about the new season")
    assert not _is_label("the studio: Pellucid")


CHART = """Winter 2027 sequels chart

Here is every sequel confirmed for winter 2027 so far, with premiere dates and studios.

Lantern Road Season 2
Premiere: January 9, 2027
Studio: Pellucid

Copper Saints Season 3
Premiere: January 2027
Studio: Kestrel Motion

Glass Orchard Season 4
Premiere: February 2027
"""


def test_a_chart_of_headings_with_fact_lines_only_gives_each_work_its_dates() -> None:
    got = claims_of(CHART, "Winter 2027 sequels chart")
    assert ("Lantern Road", "release", 2, "2027-01-09") in got
    assert ("Copper Saints", "release", 3, "2027-01") in got
    assert ("Glass Orchard", "release", 4, "2027-02") in got
    assert not any(w == "Lantern Road" and v == "2027-02" for w, _, _, v in got)


def test_a_short_line_naming_no_work_above_a_fact_line_is_no_heading() -> None:
    # an embedded post's line and its "Source:" line inside an entry do not end the entry
    text = ENTRIES.replace(
        "Copper Saints (third season)",
        "Cannot wait for this!\nSource: the official account\n"
        "The site added that the season will stream on Netflix.\n\nCopper Saints (third season)",
    )
    got = claims_of(text, "Every sequel arriving in January")
    assert ("Lantern Road", "streaming", 2, "Netflix") in got


# -- seasons named in a credit, and dated history, do not set the target season --------------------

CREDITED = """Tidewater Academy gets a new anime project

Publisher Harrow Books announced a new anime project for Tidewater Academy on Sunday. The new anime will premiere in 2027.

Lumen, the studio behind the second and third seasons, will return to animate the project.

The official website also posted a teaser visual of the two leads on the school roof.
"""


def test_a_season_named_in_a_studio_credit_is_not_the_new_project() -> None:
    got = claims_of(CREDITED, "Tidewater Academy gets a new anime project")
    assert ("Tidewater Academy", "studio", None, "Lumen") in got
    assert ("Tidewater Academy", "trailer", None, None) in got
    assert not any(s == 3 for _, _, s, _ in got)


def test_the_season_a_credited_studio_works_on_is_still_read() -> None:
    text = (
        "Studio Lumen, the studio behind the second season, is returning to animate the third "
        "season of Tidewater Academy, the official website announced on Friday."
    )
    got = claims_of(text, "Tidewater Academy Season 3 announced")
    assert ("Tidewater Academy", "studio", 3, "Lumen") in got
    assert ("Tidewater Academy", "renewal", 3, None) in got
    assert not any(s == 2 for _, _, s, _ in got)  # the credit's season is no claim


def _target(text: str, published: tuple[int, int] | None) -> int | None:
    sents = split_sentences(text)
    refs = [
        [r for r in find_season_refs(s.text)] for s in sents
    ]  # offsets relative to each sentence, as the extractor keeps them
    return target_season(sents, refs, None, [], published=published)


def test_a_season_named_in_a_credit_does_not_set_the_target() -> None:
    assert _target("Lumen, the studio behind the third season, will animate it.", None) is None
    text = "Director Aya Mori, who directed the second and third seasons, returns for the film."
    assert _target(text, None) is None
    assert _target("The third season of the show will premiere in 2027.", (2026, 6)) == 3


def test_a_credit_word_outside_an_aside_states_the_claim() -> None:
    # no comma before "behind": the sentence says who makes the third season
    assert _target("Lumen is behind the third season, the website said.", None) == 3


def test_a_season_dated_only_in_earlier_years_is_history() -> None:
    text = (
        "Publisher Harrow Books announced a new anime project on Sunday. "
        "The third and final season was delayed from spring to July 2020 by the pandemic."
    )
    assert _target(text, (2026, 6)) is None
    assert _target(text, None) == 3  # without a publication date, nothing tells it is history


def test_a_season_dated_last_year_may_still_be_news() -> None:
    text = "The third season, first announced in December 2026, gets a new visual."
    assert _target(text, (2027, 1)) == 3
    assert _target(text, (2028, 5)) is None  # a year and more later it is history


def test_a_season_dated_in_an_earlier_year_with_a_future_cue_is_new() -> None:
    text = "The third season, announced in 2025, will premiere next spring."
    assert _target(text, (2026, 6)) == 3


# -- heading formats: a season in brackets, bulleted fact lines ------------------------------------

_INTRO = (
    "Spring is full of returning shows. Here is every sequel with a date so far, and we will keep "
    "this page updated as new dates arrive.\n\n"
)
_ENTRIES = [
    ("Lantern Road", 2, "The official website confirmed that the second season premieres on April 4, 2027."),
    ("Copper Saints", 3, "The long-running baseball remake returns for a third season in April 2027."),
    ("Glass Orchard", 4, "The fourth season has been pushed back to May 2027, the committee said on Monday."),
]  # fmt: skip
_FORMATS = {
    "brackets": "{t} (Season {n})\nRelease date: April 2027\n{b}\n\n",
    "lower-case season in brackets": "{t} (season {n})\n{b}\n\n",
    "bulleted facts": "{t} Season {n}\n- Premiere: April 2027\n- Where to watch: Crunchyroll\n{b}\n\n",
}


@pytest.mark.parametrize("fmt", sorted(_FORMATS))
def test_each_heading_format_gives_each_entry_its_own_work(fmt: str) -> None:
    text = _INTRO + "".join(_FORMATS[fmt].format(t=t, n=n, b=b) for t, n, b in _ENTRIES)
    got = claims_of(text, "Every sequel coming this spring", published="2026-12-01")
    assert ("Lantern Road", "release", 2, "2027-04-04") in got
    assert ("Copper Saints", "renewal", 3, None) in got
    assert ("Glass Orchard", "delay", 4, "2027-05") in got
    assert {(w, s) for w, _, s, _ in got} == {(t, n) for t, n, _ in _ENTRIES}
