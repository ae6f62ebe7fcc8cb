"""The offline demo KB shipped in the package, and the snapshot round trip."""

from __future__ import annotations

from seasoncheck.kb.demo import load_demo_kb
from seasoncheck.kb.loader import load_kb
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.kb.snapshot import derive_status, kb_from_bytes, kb_to_bytes


def test_demo_kb_has_the_seed_franchise_and_attribution() -> None:
    kb = load_kb()
    f = kb.franchise("oshi-no-ko")
    assert [s.number for s in sorted(f.seasons, key=lambda s: s.number)] == [1, 2, 3]
    assert f.season(1).first_aired == "2023-04-12" and f.studios == ("Doga Kobo",)
    aqua = next(c for c in f.characters if c.name == "Aquamarine Hoshino")
    assert aqua.gender == "male" and "Aqua" in aqua.aliases and "protagonist" in aqua.role
    ai = next(c for c in f.characters if c.name == "Ai Hoshino")
    assert ai.gender == "female" and "mother" in ai.role
    assert any(
        a.startswith("Anime data: bangumi-data") and "CC BY 4.0" in a for a in kb.attribution
    )


def test_demo_titles_for_the_linker() -> None:
    kb = load_demo_kb()
    forms = {(t.title, t.season) for t in kb.titles if t.franchise_id == "oshi-no-ko"}
    assert {
        ("Oshi No Ko", None),
        ("【Oshi No Ko】", None),
        ("推しの子", None),
        ("【推しの子】(第2期)", 2),
    } <= forms
    aot = {(t.title, t.season) for t in kb.titles if t.franchise_id == "attack-on-titan"}
    assert ("Shingeki no Kyojin", None) in aot and (
        "Shingeki no Kyojin: The Final Season",
        4,
    ) in aot
    jjk = {t.title: t.season for t in kb.titles if t.franchise_id == "jujutsu-kaisen"}
    assert jjk["Shibuya Incident Arc"] == 2 and jjk["JJK"] is None


def test_demo_kb_keeps_english_titled_franchises_only() -> None:
    kb = load_demo_kb()
    assert 1000 < len(kb.franchises) < 5000
    latin = sum(
        1
        for f in kb.franchises.values()
        if any(c.isascii() and c.isalpha() for t in f.titles for c in t)
    )
    assert latin == len(kb.franchises)


def test_snapshot_round_trip_preserves_the_kb() -> None:
    kb = load_demo_kb()
    again = kb_from_bytes(kb_to_bytes(kb, level=3))
    assert (
        again.franchises == kb.franchises
        and again.titles == kb.titles
        and again.attribution == kb.attribution
    )


def test_status_from_dates() -> None:
    assert derive_status("2023-04-12", "2023-06-28", "2026-11-23") == "finished"
    assert derive_status("2026-10-01", None, "2026-11-23") == "airing"
    assert derive_status("2027-01-08", None, "2026-11-23") == "upcoming"
    assert derive_status("1999-10-20", None, "2026-11-23") == "unknown"
    assert derive_status(None, None, "2026-11-23") == "unknown"


def test_empty_kb_round_trip() -> None:
    assert kb_from_bytes(kb_to_bytes(KnowledgeBase())) == KnowledgeBase()
