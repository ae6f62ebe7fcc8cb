"""Report: built over a real SQLite store from hand-labelled articles; JSON, Markdown, Rich; CLI."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import orjson
import pytest
from rich.console import Console
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.consolidate import consolidate_season
from seasoncheck.dedup import content_hash
from seasoncheck.kb.model import Character, Franchise, KBSeason, KnowledgeBase
from seasoncheck.models import Article, Claim, Flag
from seasoncheck.report import UnknownFranchise, build_report
from seasoncheck.report_render import render_json, render_markdown, render_rich
from seasoncheck.store import Store
from seasoncheck.store.queries import (
    article_metas,
    claims_for_articles,
    claims_for_franchise,
    stored_works,
)
from seasoncheck.verdict import decide_verdict

FID = "paper-lanterns"
WORK = "Paper Lanterns"


def lanterns_kb() -> KnowledgeBase:
    """A hand-written KB: Paper Lanterns (two seasons, characters) and Harbor Lights (no articles)."""
    lanterns = Franchise(
        FID,
        WORK,
        (WORK, "Kami Chochin"),
        seasons=(
            KBSeason("k1", FID, WORK, 1, first_aired="2022-07-02", last_aired="2022-09-17",
                     episodes=12, studios=("Studio Lumen",), sources=("hand",)),
            KBSeason("k2", FID, f"{WORK} 2", 2, first_aired="2024-10-05", last_aired="2024-12-21",
                     episodes=12, studios=("Studio Lumen",), sources=("hand",)),
        ),
        studios=("Studio Lumen",),
        characters=(
            Character(FID, "Mina Okabe", ("Mina",), "female", "protagonist"),
            Character(FID, "Joji Okabe", ("Joji",), "male", "Mina's brother"),
            Character(FID, "Sora Tanaka", ("Sora",), "female", "lantern maker"),
        ),
    )  # fmt: skip
    harbor = Franchise(
        "harbor-lights",
        "Harbor Lights",
        ("Harbor Lights",),
        seasons=(KBSeason("h1", "harbor-lights", "Harbor Lights", 1, first_aired="2021-04-03"),),
        studios=("Madhouse",),
    )
    return KnowledgeBase({FID: lanterns, harbor.id: harbor}, attribution=("hand-written test KB",))


def populate(store: Store, data_dir: Path, *, linked: bool = True) -> dict[str, str]:
    """Store the fixture articles with their hand-labelled claims; return key -> article id."""
    data = json.loads((data_dir / "verdicts" / "paper_lanterns.json").read_text("utf-8"))
    ids: dict[str, str] = {}
    for rec in data["articles"]:
        aid = content_hash(rec["text"])
        ids[rec["key"]] = aid
        article = Article(
            id=aid,
            text=rec["text"],
            origin=f"fixture:{rec['key']}",
            title=rec["title"],
            site=rec["site"],
            published=rec["published"],
            doc_id=rec["key"],
            dup_group=ids.get(rec.get("dup_of", "")),
        )
        claims = [
            Claim(aid, WORK, 2, c["type"], c["value"], c["status"], c["attribution"], c["evidence"],
                  franchise_id=FID if linked else None)
            for c in rec["claims"]
        ]  # fmt: skip
        flags = [Flag(aid, f["flag"], f.get("detail", "")) for f in rec.get("flags", [])]
        store.add_article(article, claims_=claims, flags_=flags)
    return ids


@pytest.fixture
def filled(fresh_store: Store, test_data: Path) -> tuple[Store, dict[str, str]]:
    return fresh_store, populate(fresh_store, test_data)


def test_queries_return_claims_with_article_metadata(filled: tuple[Store, dict[str, str]]) -> None:
    store, ids = filled
    records = claims_for_franchise(store, FID, [], season=2)
    assert len(records) == 9
    leak = next(r for r in records if r.article_id == ids["leak"])
    assert (leak.site, leak.published, leak.title) == (
        "rumours.example",
        "2024-03-01",
        "Paper Lanterns Season 2 Rumoured, Studio Lumen Said to Return",
    )
    copy = next(r for r in records if r.article_id == ids["leak-copy"])
    assert copy.dup_group == ids["leak"]
    assert claims_for_franchise(store, None, ["paper lanterns"], season=3) == []
    assert stored_works(store) == [(WORK, FID, 9)]
    click = article_metas(store, sites=["click.example"])
    assert [a.doc_id for a in click] == ["wrong-date", "clickbait"]  # oldest first
    assert article_metas(store, sites=[None]) == []
    assert {c.article_id for c in claims_for_articles(store, [ids["official"]])} == {
        ids["official"]
    }


def test_report_before_the_premiere_is_dated(filled: tuple[Store, dict[str, str]]) -> None:
    store, ids = filled
    report = build_report(store, lanterns_kb(), "paper lanterns", today=date(2024, 8, 1))
    (s2,) = report.seasons
    assert (s2.season, s2.state, s2.news_state, s2.date) == (2, "dated", "dated", "2024-10-05")
    release = next(t for t in s2.types if t.type == "release")
    assert (release.believed, release.kb) == ("2024-10", "supported")
    wrong = next(v for v in release.values if v.value == "2024-01")
    assert wrong.kb == "contradicted"
    assert {(c.value_a, c.value_b) for c in s2.contradictions} >= {("October 2024", "January 2024")}
    studio = next(t for t in s2.types if t.type == "studio")
    assert studio.kb == "supported"
    assert studio.values[0].score == pytest.approx(0.24)  # the copy of the leak counts once


def test_report_after_the_run_is_released_with_a_timeline(
    filled: tuple[Store, dict[str, str]],
) -> None:
    store, ids = filled
    report = build_report(store, lanterns_kb(), WORK, season=2, today=date(2025, 1, 10))
    s2 = report.seasons[0]
    assert s2.state == "released" and s2.basis == "knowledge base"
    kinds = [(e.kind, e.article_id) for e in s2.timeline]
    assert kinds[0] == ("first_rumour", ids["leak"])
    assert ("first_official", ids["official"]) in kinds
    assert kinds[-2:] == [("kb_first_aired", None), ("kb_last_aired", None)]
    assert s2.timeline_ordered
    assert "before the official word (2024-03-01 vs 2024-05-10)" in s2.explanation


def test_flagged_articles_include_stored_and_found_errors(
    filled: tuple[Store, dict[str, str]],
) -> None:
    store, ids = filled
    report = build_report(store, lanterns_kb(), WORK, today=date(2025, 1, 10))
    flagged = {a.article_id: {f.flag: f for f in a.flags} for a in report.flagged}
    assert set(flagged) == {ids["clickbait"]}
    assert "headline_unsupported" in flagged[ids["clickbait"]]
    error = flagged[ids["clickbait"]]["factual_error"]
    assert error.detail == 'Mina Okabe is female, not male as the article says ("boy")'
    assert "a shy boy" in error.evidence


def test_sources_show_each_sites_record(filled: tuple[Store, dict[str, str]]) -> None:
    store, _ = filled
    report = build_report(store, lanterns_kb(), WORK, today=date(2025, 1, 10))
    sites = {r.site: r for r in report.sources}
    assert set(sites) == {"rumours.example", "copycat.example", "click.example", "news.example"}
    click = sites["click.example"]
    assert (
        click.articles,
        click.contradicted,
        click.headline_unsupported,
        click.factual_errors,
    ) == (
        2,
        1,
        1,
        1,
    )
    assert sites["rumours.example"].supported == 2  # renewal and studio both borne out
    assert sites["news.example"].score > sites["click.example"].score


def test_json_is_stable_and_complete(filled: tuple[Store, dict[str, str]]) -> None:
    store, _ = filled
    kb = lanterns_kb()
    first = render_json(build_report(store, kb, WORK, today=date(2025, 1, 10)))
    again = render_json(build_report(store, kb, WORK, today=date(2025, 1, 10)))
    assert first == again
    data = orjson.loads(first)
    assert list(data)[:6] == ["query", "franchise_id", "franchise", "today", "articles", "seasons"]
    assert data["version"] == 1 and data["articles"] == 5
    season = data["seasons"][0]
    assert season["state"] == "released" and season["kb_entry"]["first_aired"] == "2024-10-05"
    assert {"formula", "score", "speculation_share"} <= set(data["sources"][0])


def test_markdown_and_rich_renderings(filled: tuple[Store, dict[str, str]]) -> None:
    store, _ = filled
    report = build_report(store, lanterns_kb(), WORK, today=date(2025, 1, 10))
    md = render_markdown(report)
    assert md.startswith("# Paper Lanterns\n")
    assert "## Season 2: **released** (5 October 2024)" in md
    assert "| release | October 2024 | supported |" in md
    console = Console(record=True, width=160)
    render_rich(report, console)
    text = console.export_text()
    assert "Season 2: released — 5 October 2024" in text
    assert "Flagged articles" in text and "click.example" in text


def test_unknown_franchise_suggests_titles(filled: tuple[Store, dict[str, str]]) -> None:
    store, _ = filled
    with pytest.raises(UnknownFranchise) as info:
        build_report(store, lanterns_kb(), "Paper Lantrens")
    assert info.value.suggestions[0] == WORK
    assert "did you mean: Paper Lanterns" in str(info.value)


def test_franchise_without_articles_shows_kb_facts(filled: tuple[Store, dict[str, str]]) -> None:
    store, _ = filled
    report = build_report(store, lanterns_kb(), "harbor lights", today=date(2025, 1, 1))
    assert report.articles == 0
    assert (
        report.notes[0] == "Nothing has been ingested for Harbor Lights: showing its KB facts only."
    )
    assert [(k.season, k.first_aired) for k in report.kb_seasons] == [(1, "2021-04-03")]
    assert [(s.season, s.state) for s in report.seasons] == [(1, "released")]
    assert report.studios == ("Madhouse",)


# -- CLI --------------------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path, test_data: Path) -> str:
    """A store file with the fixture articles, their claims left unlinked (no KB needed)."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store.open(url)
    populate(store, test_data, linked=False)
    store.close()
    return url


def test_cli_report_json(db: str) -> None:
    result = CliRunner().invoke(
        app, ["report", WORK, "--season", "2", "--format", "json", "--db", db]
    )
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert data["franchise_id"] is None and data["franchise"] == WORK
    # No KB entry: the articles decide, and the official October 2024 date stands.
    assert (data["seasons"][0]["state"], data["seasons"][0]["date"]) == ("dated", "2024-10")


def test_cli_report_markdown_and_text(db: str) -> None:
    md = CliRunner().invoke(app, ["report", "paper lanterns", "-f", "md", "--db", db])
    assert md.exit_code == 0 and "## Season 2: **dated** (October 2024)" in md.stdout
    text = CliRunner().invoke(app, ["report", WORK, "--db", db, "--today", "2024-08-01"])
    assert text.exit_code == 0 and "Season 2: dated" in text.stdout


def test_cli_report_unknown_franchise_and_bad_date(db: str) -> None:
    result = CliRunner().invoke(app, ["report", "Paper Lantern", "--db", db])
    assert result.exit_code == 2
    assert "did you mean" in result.stderr and WORK in result.stderr
    bad = CliRunner().invoke(app, ["report", WORK, "--today", "soon", "--db", db])
    assert bad.exit_code == 2 and "is not a date" in bad.stderr


def test_cli_sources(db: str) -> None:
    result = CliRunner().invoke(app, ["sources", "--format", "json", "--db", db])
    assert result.exit_code == 0, result.output
    rows = {r["site"]: r for r in orjson.loads(result.stdout)}
    assert rows["click.example"]["headline_unsupported"] == 1
    assert rows["click.example"]["articles"] == 2
    table = CliRunner().invoke(app, ["sources", "--db", db])
    assert table.exit_code == 0 and "news.example" in table.stdout


# -- the four seed articles (../shared), with bangumi-data and the facts file imported --------------

SEED_DATES = {  # the days of the events, to check the ordering when dates are known
    "000": "2023-05-17",  # the sixth episode of season 1 aired: the leak
    "001": "2023-06-28",  # season 1 finale: the official announcement
    "002": "2023-07-05",
    "003": "2023-07-20",
}


# The full bangumi-data import takes 10-20 s here; the works first aired from this year on (about
# 1,500 of 8,500, every season the seeds talk about) take 3 s. SEASONCHECK_FULL_KB=1 imports all.
SLICE_FROM_YEAR = "2022"


def _bangumi_file(shared: Path, tmp: Path) -> Path:
    """The shared bangumi-data file, or a slice of it in the same format."""
    path = next((shared / "data").glob("bangumi-data-*.json"))
    if os.environ.get("SEASONCHECK_FULL_KB"):
        return path
    data = orjson.loads(path.read_bytes())
    data["items"] = [i for i in data["items"] if i.get("begin", "")[:4] >= SLICE_FROM_YEAR]
    (tmp / "bangumi-slice.json").write_bytes(orjson.dumps(data))
    return tmp / "bangumi-slice.json"


@pytest.fixture(scope="module")
def kb_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store with bangumi-data imported (the packaged facts file comes with it), made once."""
    from conftest import SHARED

    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}")
    from seasoncheck.kb.importer import import_file

    tmp = tmp_path_factory.mktemp("kb")
    store = Store.open(f"sqlite:///{tmp / 'kb.db'}")
    import_file(store, _bangumi_file(SHARED, tmp))
    store.close()
    return tmp / "kb.db", SHARED


@pytest.fixture(scope="module")
def seeds(
    kb_template: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Store, dict[str, str], object]:
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.pipeline import ingest
    from seasoncheck.settings import Settings

    template, shared = kb_template
    tmp = tmp_path_factory.mktemp("seeds")
    shutil.copy(template, tmp / "seeds.db")
    store = Store.open(f"sqlite:///{tmp / 'seeds.db'}")
    kb = load_kb(store)
    result = ingest([str(shared / "seeds")], store, Settings.from_env(str(store.engine.url)), kb=kb)
    assert not result.errors, result.errors
    yield store, {Path(a.origin).name[:3]: a.id for a in store.articles()}, kb
    store.close()


def _season2(seeds: tuple[Store, dict[str, str], object], today: date) -> object:
    store, _, kb = seeds
    report = build_report(store, kb, "Oshi no Ko", season=2, today=today)
    return report, report.seasons[0]


def test_seeds_season2_confirmed_officially_by_seed_001(seeds) -> None:
    _, ids, _ = seeds
    report, s2 = _season2(seeds, date(2023, 7, 30))
    assert s2.news_state == "confirmed"
    assert s2.state == "dated" and s2.date == "2024-07-03"  # the KB knows the premiere
    official = next(e for e in s2.timeline if e.kind == "first_official")
    assert official.article_id == ids["001"]
    renewal = next(t for t in s2.types if t.type == "renewal")
    assert renewal.holds and renewal.kb == "supported"
    assert ids["001"] in renewal.values[0].articles
    released = build_report(seeds[0], seeds[2], "Oshi no Ko", season=2, today=date(2025, 1, 1))
    assert released.seasons[0].state == "released"


def test_seeds_leak_first_reported_by_seed_000(seeds) -> None:
    _, ids, _ = seeds
    _, s2 = _season2(seeds, date(2023, 7, 30))
    rumour = next(e for e in s2.timeline if e.kind == "first_rumour")
    assert rumour.article_id == ids["000"] and "a leak" in rumour.text
    assert not s2.timeline_ordered  # the seeds carry no dates


def test_seeds_release_2024_and_doga_kobo_supported_by_kb(seeds) -> None:
    _, ids, _ = seeds
    _, s2 = _season2(seeds, date(2023, 7, 30))
    release = [c for c in s2.claims if c.type == "release" and c.value == "2024"]
    assert [c.article_id for c in release] == [ids["002"]]
    assert release[0].kb == "supported" and "2024-07-03" in release[0].kb_fact
    studio = next(t for t in s2.types if t.type == "studio")
    assert (studio.believed, studio.kb) == ("Doga Kobo", "supported")


def test_seeds_flags(seeds) -> None:
    _, ids, _ = seeds
    report, _ = _season2(seeds, date(2023, 7, 30))
    flags = {a.article_id: a.flags for a in report.flagged}
    assert any(f.flag == "headline_unsupported" for f in flags.get(ids["003"], ()))
    errors_002 = [f for f in flags.get(ids["002"], ()) if f.flag == "factual_error"]
    assert any("Aqua, a young girl" in f.evidence and "male" in f.detail for f in errors_002)
    errors_001 = [f for f in flags.get(ids["001"], ()) if f.flag == "factual_error"]
    assert any("Nagisa Yukiai" in f.detail for f in errors_001)
    assert not [f for f in flags.get(ids["003"], ()) if f.flag == "factual_error"]


def test_seeds_with_dates_order_the_leak_before_the_official_word(seeds) -> None:
    """The seeds carry no dates: give their stored claims the real days and decide again."""
    store, ids, kb = seeds
    by_id = {aid: SEED_DATES[key] for key, aid in ids.items()}
    records = [
        replace(c, published=by_id[c.article_id])
        for c in claims_for_franchise(store, "oshi-no-ko", ["Oshi no Ko"], season=2)
    ]
    cons = consolidate_season(records, "Oshi no Ko", "oshi-no-ko", 2)
    v = decide_verdict(cons, kb.season("oshi-no-ko", 2), date(2023, 7, 30), "Oshi no Ko")
    kinds = [(e.kind, e.article_id, e.date) for e in v.timeline if e.kind.startswith("first_")]
    assert kinds[0] == ("first_rumour", ids["000"], "2023-05-17")
    assert ("first_official", ids["001"], "2023-06-28") in kinds
    assert v.ordered and v.news_state == "confirmed"
    assert "before the official word (2023-05-17 vs 2023-06-28)" in v.explanation


def test_a_value_the_kb_contradicts_is_not_believed(fresh_store: Store) -> None:
    """An 'official'-sounding wrong studio outweighs the unsourced right one among articles,
    but the KB knows the studio, so the report believes the KB-supported value."""
    texts = {
        "wrong": "Paper Lanterns season 2 is animated by Studio Ember, the studio said in a statement.",
        "right": "Studio Lumen will once again animate Paper Lanterns season 2.",
    }
    for key, text in texts.items():
        aid = content_hash(text)
        status, attribution = ("confirmed", "official") if key == "wrong" else ("confirmed", "none")
        value = "Studio Ember" if key == "wrong" else "Studio Lumen"
        claim = Claim(aid, WORK, 2, "studio", value, status, attribution, text, franchise_id=FID)
        article = Article(aid, text, f"t:{key}", title=key, site=f"{key}.example", doc_id=key)
        fresh_store.add_article(article, claims_=[claim])
    report = build_report(fresh_store, lanterns_kb(), "paper lanterns", today=date(2024, 8, 1))
    studio = next(t for t in report.seasons[0].types if t.type == "studio")
    assert (studio.believed, studio.kb) == ("Studio Lumen", "supported")
    assert studio.reason.startswith("the knowledge base shows")
    ember = next(v for v in studio.values if v.value == "Studio Ember")
    assert ember.kb == "contradicted" and ember.score > 0
