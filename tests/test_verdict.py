"""Verdicts: each state and transition, the KB's air dates against today, timeline and explanation."""

from __future__ import annotations

from datetime import date

from seasoncheck.consolidate import SourcedClaim, consolidate_season
from seasoncheck.kb.model import KBSeason
from seasoncheck.models import Claim
from seasoncheck.verdict import decide_verdict, kb_state, news_state

_n = iter(range(1, 10**6))


def sc(
    type_: str,
    value: str | None,
    status: str = "confirmed",
    attribution: str = "official",
    *,
    published: str | None = None,
    article: str | None = None,
) -> SourcedClaim:
    """A hand-written claim about season 3 of a made-up show."""
    n = next(_n)
    aid = article or f"art{n}"
    claim = Claim(aid, "Paper Lanterns", 3, type_, value, status, attribution, f"evidence {n}")
    return SourcedClaim(claim, aid, f"Story {n}", "site.example", None, published, None, n)


def verdict(claims: list[SourcedClaim], entry: KBSeason | None = None, today: str = "2025-01-01"):
    cons = consolidate_season(claims, "Paper Lanterns", "paper-lanterns", 3)
    return decide_verdict(cons, entry, date.fromisoformat(today), "Paper Lanterns")


def season(
    first: str | None = None, last: str | None = None, episodes: int | None = None
) -> KBSeason:
    return KBSeason(
        "bgm:1", "paper-lanterns", "Paper Lanterns 3", 3, first_aired=first, last_aired=last,
        episodes=episodes, sources=("bangumi-data",),
    )  # fmt: skip


def test_no_claims_is_unannounced() -> None:
    v = verdict([])
    assert (v.state, v.news_state, v.basis) == ("unannounced", "unannounced", "nothing")
    assert "has not been announced" in v.explanation


def test_a_leak_only_is_rumoured() -> None:
    v = verdict([sc("renewal", None, "reported", "leak")])
    assert v.state == "rumoured"
    assert v.timeline[0].kind == "first_rumour" and "a leak" in v.timeline[0].text


def test_speculation_only_is_rumoured() -> None:
    assert verdict([sc("release", "2026", "speculated", "none")]).state == "rumoured"


def test_one_flat_statement_is_not_enough_two_independent_ones_are() -> None:
    one = verdict([sc("renewal", None, "confirmed", "none")])
    two = verdict(
        [sc("renewal", None, "confirmed", "none"), sc("renewal", None, "confirmed", "none")]
    )
    assert (one.state, two.state) == ("rumoured", "confirmed")


def test_rumour_then_official_word_is_confirmed_with_ordered_timeline() -> None:
    v = verdict(
        [
            sc("renewal", None, "confirmed", "official", published="2024-06-30"),
            sc("renewal", None, "reported", "leak", published="2024-05-01"),
        ]
    )
    assert v.state == "confirmed" and v.date is None
    kinds = [e.kind for e in v.timeline]
    assert kinds == ["first_rumour", "first_official"]
    assert v.ordered
    assert "before the official word (2024-05-01 vs 2024-06-30)" in v.explanation


def test_official_date_is_dated_at_its_granularity() -> None:
    v = verdict([sc("renewal", None), sc("release", "2025-FALL", "confirmed", "official")])
    assert (v.state, v.date, v.date_text) == ("dated", "2025-FALL", "Fall 2025")


def test_a_flat_date_alone_does_not_date_a_confirmed_season() -> None:
    v = verdict([sc("renewal", None), sc("release", "2025", "confirmed", "none")])
    assert v.state == "confirmed"
    assert v.date == "2025"  # the believed date is still shown


def test_official_delay_is_delayed_with_the_new_date_and_a_change_event() -> None:
    v = verdict(
        [
            sc("release", "2025-04", "confirmed", "official", published="2024-10-01"),
            sc("delay", "2025-07", "confirmed", "official", published="2025-02-01"),
            sc("release", "2025-07", "confirmed", "official", published="2025-02-01"),
        ]
    )
    assert (v.state, v.date) == ("delayed", "2025-07")
    kinds = [e.kind for e in v.timeline]
    assert "date_change" in kinds and "delay" in kinds
    change = next(e for e in v.timeline if e.kind == "date_change")
    assert "from April 2025 (confirmed, official) to July 2025 (confirmed, official)" in change.text


def test_a_leaked_delay_does_not_make_it_delayed() -> None:
    v = verdict([sc("release", "2025-04"), sc("delay", "2025-07", "reported", "leak")])
    assert v.state == "dated"


def test_official_denial_of_a_leak_is_unannounced() -> None:
    v = verdict(
        [sc("renewal", None, "reported", "leak"), sc("renewal", None, "denied", "official")]
    )
    assert v.state == "unannounced"


def test_kb_first_air_date_in_the_past_means_airing_then_released() -> None:
    entry = season("2024-07-03", "2024-10-06")
    claims = [sc("renewal", None)]
    assert verdict(claims, entry, today="2024-08-01").state == "airing"
    released = verdict(claims, entry, today="2024-12-01")
    assert (released.state, released.news_state, released.basis) == (
        "released",
        "confirmed",
        "knowledge base",
    )
    assert released.date_text == "3 July 2024"
    assert "first aired on 2024-07-03" in released.explanation


def test_kb_future_date_is_dated_and_kb_entry_without_date_is_confirmed() -> None:
    assert verdict([], season("2026-01-14"), today="2025-06-01").state == "dated"
    v = verdict([], season(None), today="2025-06-01")
    assert (v.state, v.basis) == ("confirmed", "knowledge base")


def test_airing_end_estimated_from_episodes_or_one_cour() -> None:
    twelve = season("2025-01-05", episodes=12)  # last episode 77 days later: 2025-03-23
    assert kb_state(twelve, date(2025, 3, 23)) == "airing"
    assert kb_state(twelve, date(2025, 3, 24)) == "released"
    unknown = season("2025-01-05")
    # One cour of 91 days: 2025-01-05 + 91 days = 2025-04-06, the assumed last day.
    assert kb_state(unknown, date(2025, 4, 6)) == "airing"
    assert kb_state(unknown, date(2025, 4, 7)) == "released"
    assert kb_state(None, date(2025, 1, 1)) is None


def test_undated_articles_keep_ingestion_order_and_say_so() -> None:
    v = verdict(
        [sc("renewal", None, "reported", "leak"), sc("renewal", None, "confirmed", "official")]
    )
    assert [e.kind for e in v.timeline] == ["first_rumour", "first_official"]
    assert not v.ordered
    assert "before the official word" not in v.explanation


def test_news_state_narrowing_of_date_is_a_refinement_not_a_change() -> None:
    claims = [
        sc("release", "2025", "confirmed", "official", published="2024-01-01"),
        sc("release", "2025-04-06", "confirmed", "official", published="2024-12-01"),
    ]
    v = verdict(claims)
    assert [e.kind for e in v.timeline if e.kind.startswith("date_")] == ["date_refined"]
    assert news_state(consolidate_season(claims, "x", None, 3)) == "dated"
    assert v.date == "2025-04-06"


def test_a_leaked_date_replaced_by_an_official_one_is_a_change_not_the_reverse() -> None:
    v = verdict(
        [
            sc("release", "2023-10", "reported", "leak", published="2023-05-20"),
            sc("release", "2024-07-03", "confirmed", "official", published="2024-05-24"),
            sc("release", "2025-01", "reported", "leak", published="2024-06-01"),
        ]
    )
    changes = [e for e in v.timeline if e.kind == "date_change"]
    assert len(changes) == 1 and changes[0].date == "2024-05-24"
    assert (
        "from October 2023 (reported, leak) to 3 July 2024 (confirmed, official)" in changes[0].text
    )
    first = next(e for e in v.timeline if e.kind == "first_date")
    assert first.date == "2023-05-20"
    assert v.date == "2024-07-03" and v.state == "dated"
