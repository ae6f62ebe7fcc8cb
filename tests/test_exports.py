"""Exports over a real SQLite store: ICS calendar by date granularity, Atom feed, claim dumps, ClaimReview."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from seasoncheck.cli import app, follow_cmds  # noqa: F401  (registers the export commands)
from seasoncheck.dedup import content_hash
from seasoncheck.exports import (
    calendar_ics,
    claim_review_jsonld,
    claim_text,
    claims_csv,
    claims_json,
    iter_claims_csv,
    jsonld_script,
    season_uid,
    verdict_feed_atom,
)
from seasoncheck.follow import SeasonKey, add_watch, record_verdicts
from seasoncheck.kb.model import Franchise, KBSeason, KnowledgeBase
from seasoncheck.models import Article, Claim
from seasoncheck.report import ClaimRow, build_report
from seasoncheck.store import Store

TODAY = date(2026, 1, 10)
LANTERNS, HARBOR = "paper-lanterns", "harbor-lights"


def hand_kb() -> KnowledgeBase:
    """Two hand-written franchises: Paper Lanterns (season 1 aired) and Harbor Lights (season 1 aired)."""
    lanterns = Franchise(
        LANTERNS, "Paper Lanterns", ("Paper Lanterns",),
        seasons=(KBSeason("k1", LANTERNS, "Paper Lanterns", 1, first_aired="2022-07-02",
                          last_aired="2022-09-17", episodes=12, sources=("hand",)),),
    )  # fmt: skip
    harbor = Franchise(
        HARBOR, "Harbor Lights", ("Harbor Lights",),
        seasons=(KBSeason("h1", HARBOR, "Harbor Lights", 1, first_aired="2021-04-03",
                          last_aired="2021-06-19", episodes=12, sources=("hand",)),),
    )  # fmt: skip
    return KnowledgeBase({LANTERNS: lanterns, HARBOR: harbor}, attribution=("hand-written",))


def add(
    store: Store,
    key: str,
    claims: list[tuple[str, str, int, str, str | None, str, str]],
    *,
    site: str = "news.example",
    published: str = "2025-12-01",
    text: str | None = None,
) -> str:
    """Store an article with claims given as (franchise id, work, season, type, value, status, attribution)."""
    body = text or f"Article {key}: what the studio said about the next season."
    aid = content_hash(body)
    article = Article(
        id=aid, text=body, origin=f"test:{key}", title=f"Headline {key}", site=site,
        url=f"https://{site}/news/{key}", published=published, doc_id=key,
    )  # fmt: skip
    rows = [
        Claim(aid, work, season, type_, value, status, attr, f"evidence of {key} ({type_})",
              franchise_id=fid)
        for fid, work, season, type_, value, status, attr in claims
    ]  # fmt: skip
    store.add_article(article, claims_=rows)
    return aid


def official_date(fid: str, work: str, season: int, value: str) -> tuple:
    return (fid, work, season, "release", value, "confirmed", "official")


@pytest.fixture
def dated(fresh_store: Store) -> tuple[Store, KnowledgeBase]:
    """Dates of every granularity: a day, a month, a year, an anime season, a rumoured day."""
    add(fresh_store, "day", [official_date(LANTERNS, "Paper Lanterns", 2, "2026-10-04")])
    add(fresh_store, "month", [official_date(LANTERNS, "Paper Lanterns", 3, "2027-04")])
    add(fresh_store, "year", [official_date(LANTERNS, "Paper Lanterns", 4, "2027")])
    add(fresh_store, "summer", [official_date(HARBOR, "Harbor Lights", 2, "2026-SUMMER")])
    add(
        fresh_store,
        "leak",
        [(HARBOR, "Harbor Lights", 3, "release", "2027-01-15", "reported", "leak")],
        site="rumours.example",
    )
    return fresh_store, hand_kb()


def events(ics: bytes) -> dict[str, tuple[date, date, str, str]]:
    """UID -> (start, end, status, summary) of every VEVENT, parsed back with icalendar."""
    cal = Calendar.from_ical(ics)
    return {
        str(e["UID"]): (
            e.decoded("DTSTART"),
            e.decoded("DTEND"),
            str(e["STATUS"]),
            str(e["SUMMARY"]),
        )
        for e in cal.walk("VEVENT")
    }


def test_calendar_honours_date_granularity(dated: tuple[Store, KnowledgeBase]) -> None:
    store, kb = dated
    got = events(calendar_ics(store, kb, today=TODAY))
    assert got == {
        season_uid(LANTERNS, 2): (
            date(2026, 10, 4), date(2026, 10, 5), "CONFIRMED", "Paper Lanterns season 2 premiere"
        ),
        season_uid(LANTERNS, 3): (
            date(2027, 4, 1), date(2027, 4, 2), "TENTATIVE",
            "Paper Lanterns season 3 premiere (April 2027, day not announced)",
        ),
        season_uid(HARBOR, 2): (
            date(2026, 7, 1), date(2026, 7, 2), "TENTATIVE",
            "Harbor Lights season 2 premiere (Summer 2026, day not announced)",
        ),
        # a leak's day: in the calendar, but only tentative
        season_uid(HARBOR, 3): (
            date(2027, 1, 15), date(2027, 1, 16), "TENTATIVE", "Harbor Lights season 3 premiere"
        ),
    }  # fmt: skip
    # season 4 is dated to a year only: no event
    assert season_uid(LANTERNS, 4) not in got


def test_calendar_events_are_all_day_and_uids_stable(dated: tuple[Store, KnowledgeBase]) -> None:
    store, kb = dated
    ics = calendar_ics(store, kb, today=TODAY)
    assert b"DTSTART;VALUE=DATE:20261004" in ics
    cal = Calendar.from_ical(ics)
    assert str(cal["VERSION"]) == "2.0" and cal["PRODID"]
    # a new article moving the date keeps the event's UID: calendars update the event in place
    add(store, "moved", [official_date(LANTERNS, "Paper Lanterns", 2, "2026-10-11")],
        published="2025-12-20")  # fmt: skip
    moved = events(calendar_ics(store, kb, today=TODAY))[season_uid(LANTERNS, 2)]
    assert moved[0] == date(2026, 10, 11)


def test_calendar_of_the_watch_list_has_only_watched_franchises(
    dated: tuple[Store, KnowledgeBase],
) -> None:
    store, kb = dated
    add_watch(store, kb, "Harbor Lights", today=TODAY)
    got = events(calendar_ics(store, kb, watch_only=True, today=TODAY))
    assert sorted(got) == sorted(
        [season_uid(HARBOR, 1), season_uid(HARBOR, 2), season_uid(HARBOR, 3)]
    )
    # season 1 comes from the KB: aired on a known day, so a confirmed event
    assert got[season_uid(HARBOR, 1)][:3] == (date(2021, 4, 3), date(2021, 4, 4), "CONFIRMED")


def test_atom_feed_of_verdict_changes_parses_with_feedparser(fresh_store: Store) -> None:
    kb = hand_kb()
    key = SeasonKey(LANTERNS, 2)
    add(fresh_store, "leak", [(LANTERNS, "Paper Lanterns", 2, "renewal", None, "reported", "leak")])
    record_verdicts(fresh_store, kb, [key], today=TODAY)
    add(fresh_store, "official", [official_date(LANTERNS, "Paper Lanterns", 2, "2026-10")],
        published="2025-12-15")  # fmt: skip
    record_verdicts(fresh_store, kb, [key], today=TODAY)
    record_verdicts(fresh_store, kb, [key], today=TODAY)  # nothing new: no entry
    parsed = feedparser.parse(verdict_feed_atom(fresh_store, "https://sc.example/"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "seasoncheck: verdict changes"
    assert [e.title for e in parsed.entries] == [
        "Paper Lanterns season 2: rumoured → dated (October 2026)",
        "Paper Lanterns season 2: first verdict → rumoured",
    ]
    assert parsed.entries[0].link == "https://sc.example/franchise/paper-lanterns/season/2"
    assert len({e.id for e in parsed.entries}) == 2
    assert "Season 2 of Paper Lanterns is dated for October 2026" in parsed.entries[0].summary


def test_empty_atom_feed_is_still_valid(fresh_store: Store) -> None:
    parsed = feedparser.parse(verdict_feed_atom(fresh_store, "https://sc.example"))
    assert not parsed.bozo and parsed.entries == []


NASTY = 'Said "yes", then: no,\nnot <b>quite</b>'


def test_claim_dumps_round_trip_csv_and_json(fresh_store: Store) -> None:
    add(fresh_store, "one", [official_date(LANTERNS, "Paper Lanterns", 2, "2026-10-04"),
                             (None, "Unknown Show", None, "studio", "Studio X", "speculated", "none")])  # fmt: skip
    rows = claims_json(fresh_store)
    assert len(rows) == 2
    first = rows[0]
    assert (first["site"], first["url"], first["published"]) == (
        "news.example",
        "https://news.example/news/one",
        "2025-12-01",
    )
    assert (first["season"], first["value"], rows[1]["season"]) == (2, "2026-10-04", None)
    assert json.loads(json.dumps(rows)) == rows
    back = list(csv.DictReader(io.StringIO(claims_csv(fresh_store))))
    as_text = [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]
    assert back == as_text


def test_csv_quotes_commas_quotes_and_newlines(fresh_store: Store) -> None:
    aid = add(fresh_store, "q", [])
    fresh_store.replace_claims(
        aid, [Claim(aid, "Paper Lanterns", 2, "renewal", None, "confirmed", "media", NASTY)], []
    )
    chunks = list(iter_claims_csv(fresh_store))
    assert len(chunks) == 2 and chunks[0].startswith("article_id,doc_id,work")
    (row,) = csv.DictReader(io.StringIO("".join(chunks)))
    assert row["evidence"] == NASTY


def test_claim_dumps_filter_by_franchise_and_season(dated: tuple[Store, KnowledgeBase]) -> None:
    store, kb = dated
    rows = claims_json(store, kb, franchise="harbor lights")
    assert sorted(r["season"] for r in rows) == [2, 3]
    assert [r["season"] for r in claims_json(store, kb, franchise="Harbor Lights", season=3)] == [3]


def test_claim_review_jsonld_has_the_schema_org_fields(fresh_store: Store) -> None:
    kb = hand_kb()
    add(fresh_store, "right", [official_date(LANTERNS, "Paper Lanterns", 1, "2022-07")],
        site="good.example", published="2022-03-01")  # fmt: skip
    add(fresh_store, "wrong", [(LANTERNS, "Paper Lanterns", 1, "release", "2022-10", "reported", "media")],
        site="bad.example", published="2022-03-05")  # fmt: skip
    report = build_report(fresh_store, kb, "Paper Lanterns", season=1, today=TODAY)
    items = claim_review_jsonld(fresh_store, report, report.seasons[0], "https://sc.example")
    by_site = {i["itemReviewed"]["author"]["name"]: i for i in items}
    assert set(by_site) == {"good.example", "bad.example"}
    good, bad = by_site["good.example"], by_site["bad.example"]
    assert good["@context"] == "https://schema.org" and good["@type"] == "ClaimReview"
    assert good["url"] == "https://sc.example/franchise/paper-lanterns/season/1"
    assert (
        good["claimReviewed"]
        == "Paper Lanterns season 1 premieres in July 2022 (confirmed, official)"
    )
    assert good["itemReviewed"]["@type"] == "Claim"
    assert good["itemReviewed"]["appearance"]["url"] == "https://good.example/news/right"
    assert good["itemReviewed"]["appearance"]["headline"] == "Headline right"
    assert good["reviewRating"]["alternateName"] == "supported"
    assert good["reviewRating"]["ratingValue"] == 3
    assert bad["reviewRating"]["alternateName"] == "contradicted"
    assert bad["reviewRating"]["ratingValue"] == bad["reviewRating"]["worstRating"] == 1
    assert "Season verdict: released" in bad["reviewRating"]["ratingExplanation"]
    assert good["author"]["name"] == "seasoncheck"


def test_claim_text_states_denials_as_negations() -> None:
    row = ClaimRow(
        "a1", "“Headline”", "news.example", "2026-01-02", "renewal", None, "—",
        "denied", "official", 1.0, "evidence", "not yet known", "",
    )  # fmt: skip
    assert (
        claim_text("Paper Lanterns", 2, row)
        == "Paper Lanterns season 2 is not coming (denied, official)"
    )
    studio = replace(
        row, type="studio", value="Studio Lumen", value_text="Studio Lumen", status="reported"
    )
    assert claim_text("Paper Lanterns", 2, studio) == (
        "Paper Lanterns season 2 is animated by Studio Lumen (reported, official)"
    )


def test_jsonld_script_cannot_close_the_script_element() -> None:
    text = jsonld_script([{"claimReviewed": "</script><script>alert(1)</script> & more"}])
    assert "</script" not in text and "<" not in text
    assert json.loads(text)[0]["claimReviewed"].startswith("</script>")


runner = CliRunner()


def test_export_commands_write_files(dated: tuple[Store, KnowledgeBase], tmp_path: Path) -> None:
    store, _ = dated
    db = store.engine.url.render_as_string(hide_password=False)
    ics, csv_path = tmp_path / "p.ics", tmp_path / "c.csv"
    assert runner.invoke(app, ["export", "calendar", "--db", db, "-o", str(ics)]).exit_code == 0
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert (
        runner.invoke(app, ["export", "claims-csv", "--db", db, "-o", str(csv_path)]).exit_code == 0
    )
    assert len(list(csv.DictReader(csv_path.open(encoding="utf-8")))) == 5
    out = runner.invoke(app, ["export", "claims-json", "--db", db, "--season", "3"])
    assert sorted(r["work"] for r in json.loads(out.stdout)) == ["Harbor Lights", "Paper Lanterns"]
    feed = runner.invoke(app, ["export", "feed", "--db", db])
    assert feed.exit_code == 0 and not feedparser.parse(feed.stdout_bytes).bozo
    bad = runner.invoke(app, ["export", "claimreview", "Harbour Lihgts", "--db", db])
    assert bad.exit_code == 2
