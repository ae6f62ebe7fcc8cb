"""Season markers in titles (kb/seasons.py): every language bangumi-data and AOD use."""

from __future__ import annotations

import pytest

from seasoncheck.kb.seasons import parse_markers, strip_brackets, title_key


@pytest.mark.parametrize(
    ("title", "season", "part", "final"),
    [
        ("【推しの子】(第2期)", 2, None, False),
        ("【我推的孩子】 第二季", 2, None, False),
        ("【Oshi No Ko】(Season 2)", 2, None, False),
        ("Re:ゼロから始める異世界生活 2nd season 後半クール", 2, 2, False),
        ("文豪ストレイドッグス(第3シーズン)", 3, None, False),
        ("Bungo Stray Dogs S5", 5, None, False),
        ("無職転生Ⅱ ～異世界行ったら本気だす～(第2クール)", 2, 2, False),
        ("オーバーロードIII", 3, None, False),
        ("進撃の巨人 Season3 Part.2", 3, 2, False),
        ("Shingeki no Kyojin: The Final Season", None, None, True),
        ("進撃の巨人 The Final Season 完結編 後編", None, 2, True),
        ("Shingeki no Kyojin: The Final Season - Kanketsu-hen", None, None, True),
        ("Haikyu!! TO THE TOP (4th Season) [Part 2]", 4, 2, False),
        ("My Hero Academia third season", 3, None, False),
        ("排球少年！！第十季", 10, None, False),
    ],
)
def test_markers_in_every_language(
    title: str, season: int | None, part: int | None, final: bool
) -> None:
    m = parse_markers(title)
    assert (m.season, m.part, m.final) == (season, part, final)


@pytest.mark.parametrize(
    "title",
    [
        "Kaiju No.8",
        "Steins;Gate 0",
        "86-エイティシックス-",
        "Mob Psycho 100",
        "Kingdom",
        "Fate/Zero",
    ],
)
def test_numbers_that_are_not_seasons(title: str) -> None:
    m = parse_markers(title)
    assert m.season is None and not m.final


def test_stem_drops_markers_and_brackets() -> None:
    assert parse_markers("【推しの子】(第2期)").stem == "推しの子"
    assert (
        parse_markers("Attack on Titan The Final Season Part 3 (1st Half)").stem
        == "Attack on Titan"
    )
    assert parse_markers("劇場版 鬼滅の刃 無限列車編").stem == "鬼滅の刃 無限列車編"


def test_specials_are_flagged() -> None:
    for title in (
        "鬼滅の刃 遊郭編 特別編集版",
        "チェンソーマン 総集篇",
        "進撃の巨人 OAD",
        "劇場版 呪術廻戦 0",
    ):
        assert parse_markers(title).special, title
    assert not parse_markers("呪術廻戦 死滅回游 前編").special


def test_title_key_and_brackets() -> None:
    assert title_key("SPY×FAMILY") == title_key("spy family") == "spyfamily"
    assert title_key("【推しの子】") == "推しの子"
    assert strip_brackets("【Oshi No Ko】") == "Oshi No Ko"
