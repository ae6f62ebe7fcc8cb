"""Franchise grouping and season numbering against official numbering (checked by hand).

The table below lists, for 24 franchises with split cours, renamed sequels, final seasons, films
and TV cuts of films, what each bangumi-data entry officially is. It needs ../shared (skips
without it); the synthetic tests at the end run everywhere.
"""

from __future__ import annotations

import pytest

from conftest import SHARED
from seasoncheck.kb.bangumi import read_bangumi_file
from seasoncheck.kb.build import build_kb
from seasoncheck.kb.entries import Entry
from seasoncheck.kb.facts import Facts
from seasoncheck.kb.model import KnowledgeBase

# (franchise, bangumi-data title of the entry, official season number or None, part or None)
OFFICIAL = [
    ("attack-on-titan", "進撃の巨人", 1, None),
    ("attack-on-titan", "進撃の巨人 Season2", 2, None),
    ("attack-on-titan", "進撃の巨人 Season3", 3, 1),
    ("attack-on-titan", "進撃の巨人 Season3 Part.2", 3, 2),
    ("attack-on-titan", "進撃の巨人 The Final Season", 4, 1),
    ("attack-on-titan", "進撃の巨人 The Final Season Part.2", 4, 2),
    ("attack-on-titan", "進撃の巨人 The Final Season 完結編 前編", 4, 3),
    ("attack-on-titan", "劇場版 進撃の巨人 完結編 THE LAST ATTACK", None, None),
    ("attack-on-titan", "進撃の巨人 OAD", None, None),
    ("demon-slayer", "鬼滅の刃", 1, None),
    ("demon-slayer", "鬼滅の刃 無限列車編", None, None),  # TV cut of the film, not a season
    ("demon-slayer", "劇場版 鬼滅の刃 無限列車編", None, None),
    ("demon-slayer", "鬼滅の刃 遊郭編", 2, None),
    ("demon-slayer", "鬼滅の刃 遊郭編 特別編集版", None, None),
    ("demon-slayer", "鬼滅の刃 刀鍛冶の里編", 3, None),
    ("demon-slayer", "鬼滅の刃 柱稽古編", 4, None),
    ("re-zero", "Re:ゼロから始める異世界生活", 1, None),
    ("re-zero", "Re:ゼロから始める異世界生活 新編集版", None, None),
    ("re-zero", "Re:ゼロから始める異世界生活 2nd season", 2, 1),
    ("re-zero", "Re:ゼロから始める異世界生活 2nd season 後半クール", 2, 2),
    ("re-zero", "Re:ゼロから始める異世界生活 3rd season 襲撃編", 3, None),
    ("re-zero", "Re:ゼロから始める異世界生活 4th season 喪失編", 4, None),
    ("re-zero", "Re:ゼロから始める異世界生活 Memory Snow", None, None),
    ("mushoku-tensei", "無職転生～異世界行ったら本気だす～", 1, 1),
    ("mushoku-tensei", "無職転生～異世界行ったら本気だす～(第2クール)", 1, 2),
    ("mushoku-tensei", "無職転生Ⅱ ～異世界行ったら本気だす～", 2, 1),
    ("mushoku-tensei", "無職転生Ⅱ ～異世界行ったら本気だす～(第2クール)", 2, 2),
    ("bungo-stray-dogs", "文豪ストレイドッグス", 1, None),
    ("bungo-stray-dogs", "文豪ストレイドッグス(第2クール)", 2, None),  # officially season 2
    ("bungo-stray-dogs", "文豪ストレイドッグス(第3シーズン)", 3, None),
    ("bungo-stray-dogs", "文豪ストレイドッグス(第5シーズン)", 5, None),
    ("bungo-stray-dogs", "文豪ストレイドッグス DEAD APPLE", None, None),
    ("spy-x-family", "SPY×FAMILY", 1, 1),
    ("spy-x-family", "SPY×FAMILY(第2クール)", 1, 2),
    ("spy-x-family", "SPY×FAMILY Season 2", 2, None),
    ("spy-x-family", "SPY×FAMILY Season 3", 3, None),
    ("spy-x-family", "劇場版 SPY×FAMILY CODE: White", None, None),
    ("jujutsu-kaisen", "呪術廻戦", 1, None),
    ("jujutsu-kaisen", "呪術廻戦 懐玉・玉折／渋谷事変(第2期)", 2, None),
    ("jujutsu-kaisen", "呪術廻戦 死滅回游 前編", 3, 1),
    ("jujutsu-kaisen", "劇場版 呪術廻戦 0", None, None),
    ("chainsaw-man", "チェンソーマン", 1, None),
    ("chainsaw-man", "チェンソーマン 総集篇", None, None),
    ("chainsaw-man", "劇場版 チェンソーマン レゼ篇", None, None),
    ("frieren", "葬送のフリーレン(第2期)", 2, None),
    ("vinland-saga", "ヴィンランド・サガ SEASON 2", 2, None),
    ("the-apothecary-diaries", "薬屋のひとりごと(第2期)", 2, None),
    ("tokyo-revengers", "東京リベンジャーズ 聖夜決戦編", 2, None),
    ("tokyo-revengers", "東京リベンジャーズ 天竺編", 3, None),
    ("kaguya-sama", "かぐや様は告らせたい？～天才たちの恋愛頭脳戦～", 2, None),
    ("kaguya-sama", "かぐや様は告らせたい-ウルトラロマンティック-", 3, None),
    ("kaguya-sama", "かぐや様は告らせたい 大人への階段", None, None),
    ("my-hero-academia", "僕のヒーローアカデミア(第7期)", 7, None),
    ("my-hero-academia", "僕のヒーローアカデミア FINAL SEASON", 8, None),
    ("my-hero-academia", "僕のヒーローアカデミア Memories", None, None),
    ("dr-stone", "Dr.STONE STONE WARS", 2, None),
    ("dr-stone", "Dr.STONE NEW WORLD", 3, 1),
    ("dr-stone", "Dr.STONE NEW WORLD(第2クール)", 3, 2),
    ("dr-stone", "Dr.STONE SCIENCE FUTURE", 4, 1),
    ("dr-stone", "Dr.STONE SCIENCE FUTURE(第3クール)", 4, 3),
    ("blue-lock", "ブルーロック VS. U-20 JAPAN", 2, None),
    ("blue-lock", "劇場版ブルーロック -EPISODE 凪-", None, None),
    ("kaiju-no-8", "怪獣8号(第2期)", 2, None),
    ("solo-leveling", "俺だけレベルアップな件 SEASON 2", 2, None),
    ("dandadan", "ダンダダン(第2期)", 2, None),
    ("oshi-no-ko", "【推しの子】(第3期)", 3, None),
    ("haikyu", "ハイキュー!! 烏野高校VS白鳥沢学園高校", 3, None),
    ("haikyu", "ハイキュー!! TO THE TOP(第2クール)", 4, 2),
    ("tensura", "転生したらスライムだった件 第2期 第2部", 2, 2),
    ("tensura", "転生したらスライムだった件 第3期", 3, None),
    ("overlord", "オーバーロードⅣ", 4, None),
    ("overlord", "ぷれぷれぷれあです2", None, None),  # chibi spin-off, not season 2
    ("fire-force", "炎炎ノ消防隊 参ノ章 第2クール", 3, 2),
    ("golden-kamuy", "ゴールデンカムイ 最終章", 5, None),
]


@pytest.fixture(scope="module")
def full_kb() -> KnowledgeBase:
    """All of bangumi-data with the packaged facts (built once for the module)."""
    from seasoncheck.kb.facts import load_facts

    path = SHARED / "data/bangumi-data-0.3.208.json"  # module scope: the shared_dir fixture's rule
    if not path.exists():
        pytest.skip(f"{path} not found: tests that use the shared data skip")
    return build_kb(read_bangumi_file(path).entries, load_facts())


@pytest.mark.shared
@pytest.mark.parametrize(("fid", "title", "number", "part"), OFFICIAL)
def test_official_numbering(
    full_kb: KnowledgeBase, fid: str, title: str, number: int | None, part: int | None
) -> None:
    f = full_kb.franchise(fid)
    assert f is not None, fid
    entries = [s for s in f.seasons if s.title == title]
    assert entries, f"{title} not in {fid}"
    assert (entries[0].number, entries[0].part) == (number, part)


@pytest.mark.shared
def test_oshi_no_ko_seasons_and_studio(full_kb: KnowledgeBase) -> None:
    f = full_kb.franchise("oshi-no-ko")
    assert [(s.number, s.first_aired) for s in sorted(f.seasons, key=lambda s: s.number)] == [
        (1, "2023-04-12"),
        (2, "2024-07-03"),
        (3, "2026-01-14"),
    ]
    assert all(s.studios == ("Doga Kobo",) and s.source_of("studios") == "facts" for s in f.seasons)
    assert f.season(2).id == "mal:55791"


@pytest.mark.shared
def test_spin_offs_stay_apart(full_kb: KnowledgeBase) -> None:
    bsd = full_kb.franchise("bungo-stray-dogs")
    assert not any("わん" in s.title for s in bsd.seasons)
    mha = full_kb.franchise("my-hero-academia")
    assert not any("ヴィジランテ" in s.title for s in mha.seasons)


@pytest.mark.shared
def test_season_titles_for_the_linker(full_kb: KnowledgeBase) -> None:
    titles = {(t.title, t.franchise_id): t.season for t in full_kb.titles}
    assert titles[("【推しの子】(第2期)", "oshi-no-ko")] == 2
    assert titles[("Oshi No Ko", "oshi-no-ko")] is None
    assert titles[("Shingeki no Kyojin: The Final Season", "attack-on-titan")] == 4
    assert titles[("Attack on Titan The Final Season", "attack-on-titan")] == 4
    assert titles[("Attack on Titan", "attack-on-titan")] is None
    assert titles[("鬼滅の刃 遊郭編", "demon-slayer")] == 2


def _tv(
    key: str, title: str, begin: str, end: str, *ids: str, kind: str = "tv", en: str | None = None
) -> Entry:
    """A synthetic bangumi-style entry."""
    titles = ((title, "ja"),) + (((en, "en"),) if en else ())
    return Entry("bangumi-data", key, title, titles, kind, begin, end, ids=ids)


def test_renamed_sequel_split_cour_and_film_without_shared() -> None:
    entries = [
        _tv("bgm:1", "星空クエスト", "2019-10-05", "2019-12-21", "tmdb:tv/900", "mal:1"),
        _tv("bgm:2", "星空クエスト(第2クール)", "2020-04-04", "2020-06-20", "tmdb:tv/900", "mal:2"),
        _tv(
            "bgm:3",
            "劇場版 星空クエスト 彗星の道",
            "2021-03-01",
            "2021-03-01",
            "tmdb:movie/5",
            "mal:3",
            kind="movie",
        ),
        _tv("bgm:4", "星空クエスト 銀河編", "2022-01-08", "2022-03-26", "tmdb:tv/900", "mal:4"),
        _tv("bgm:5", "星空クエスト The Final Season", "2024-01-06", "2024-03-30", "mal:5"),
        _tv("bgm:6", "星空クエスト The Final Season Part 2", "2025-01-04", "2025-03-29", "mal:6"),
        _tv("bgm:7", "星空クエスト ちびクエ", "2022-02-01", "2022-03-01", "tmdb:tv/901", "mal:7"),
    ]
    kb = build_kb(entries, Facts())
    by_id = {s.id: s for f in kb.franchises.values() for s in f.seasons}
    assert (by_id["mal:1"].number, by_id["mal:1"].part) == (1, 1)
    assert (by_id["mal:2"].number, by_id["mal:2"].part) == (1, 2)
    assert by_id["mal:3"].number is None  # film
    assert by_id["mal:4"].number == 2  # renamed sequel
    assert (by_id["mal:5"].number, by_id["mal:6"].number, by_id["mal:6"].part) == (3, 3, 2)
    assert by_id["mal:7"].franchise_id != by_id["mal:1"].franchise_id  # other TMDB series: spin-off


def test_entries_sharing_a_mal_id_are_one_work() -> None:
    entries = [
        _tv("bgm:1", "彗星ロード 前編", "2023-03-03", "2023-03-03", "mal:50", "anilist:1"),
        _tv("bgm:2", "彗星ロード 後編", "2023-11-03", "2023-11-03", "mal:50", "anilist:2"),
    ]
    kb = build_kb(entries, Facts())
    (f,) = kb.franchises.values()
    assert len(f.seasons) == 1
    assert (f.seasons[0].first_aired, f.seasons[0].last_aired) == ("2023-03-03", "2023-11-03")
