"""Store: migrations, one-transaction writes, idempotence, filters, claims round-trip."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from seasoncheck.models import Article, Claim, Flag, SourceError
from seasoncheck.store import FeedState, Store, StoreError, canonical_url


def make_article(n: int, **kw: object) -> Article:
    base = {
        "id": f"{n:032x}",
        "text": f"Article number {n} about a new season.",
        "origin": f"test-{n}",
        "title": f"Title {n}",
        "site": "example.com",
        "published": "2024-05-01",
    }
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_open_creates_file_runs_migrations_and_uses_wal(tmp_path: Path) -> None:
    db = tmp_path / "nested" / "s.db"
    store = Store.open(f"sqlite:///{db}")
    assert db.exists()
    with store.engine.connect() as conn:
        versions = (
            conn.execute(text("select version from schema_migrations order by version"))
            .scalars()
            .all()
        )
        mode = conn.execute(text("PRAGMA journal_mode")).scalar()
    assert versions[:1] == [1] and 3 in versions
    assert mode == "wal"
    # Opening again applies nothing new and keeps the data.
    store.add_article(make_article(1))
    store.close()
    again = Store.open(f"sqlite:///{db}")
    assert again.count_articles() == 1


def test_bad_url_is_a_clear_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open"):
        Store.open("nosuchdialect://x")


def test_add_article_once(fresh_store: Store) -> None:
    a = make_article(1)
    assert fresh_store.add_article(a) is True
    assert fresh_store.add_article(a) is False
    assert fresh_store.count_articles() == 1


def test_claims_and_flags_are_stored_with_the_article(fresh_store: Store) -> None:
    a = make_article(2)
    c = Claim(
        a.id,
        "Oshi no Ko",
        2,
        "release",
        "2024-07",
        "confirmed",
        "official",
        "It airs in July 2024.",
    )
    dup = Claim(a.id, "Oshi no Ko", 2, "release", "2024-07", "reported", "leak", "Said twice.")
    fresh_store.add_article(
        a, claims_=[c, dup], flags_=[Flag(a.id, "headline_unsupported", "no date")]
    )
    got = fresh_store.claims_for_article(a.id)
    assert [(x.type, x.value, x.status) for x in got] == [("release", "2024-07", "confirmed")]
    assert fresh_store.flags_for_article(a.id)[0].flag == "headline_unsupported"


def test_failed_write_leaves_nothing_half_written(fresh_store: Store) -> None:
    a = make_article(3)
    bad = Claim(a.id, "X", 1, "release", None, "confirmed", "none", None)  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        fresh_store.add_article(a, claims_=[bad])
    assert fresh_store.count_articles() == 0


def test_filters_and_lookup(fresh_store: Store) -> None:
    fresh_store.add_article(make_article(1, site="a.com", published="2023-06-01"))
    fresh_store.add_article(
        make_article(2, id="beef" + "0" * 28, site="b.com", published="2024-07-03", doc_id="d002")
    )
    fresh_store.add_article(make_article(3, site="a.com", published="2024"))
    assert [a.title for a in fresh_store.articles(site="a.com")] == ["Title 3", "Title 1"]
    assert {a.title for a in fresh_store.articles(since="2024")} == {"Title 2", "Title 3"}
    assert {a.title for a in fresh_store.articles(until="2023-12")} == {"Title 1"}
    assert fresh_store.get_article("d002").site == "b.com"
    assert fresh_store.get_article("beef").title == "Title 2"
    assert fresh_store.get_article("0000") is None  # ambiguous prefix


def test_errors_and_feed_state(fresh_store: Store) -> None:
    fresh_store.record_error(SourceError("bad.txt", "empty file"))
    assert fresh_store.errors()[0].reason == "empty file"
    fresh_store.save_feed_state(FeedState("https://x.test/feed", etag='"v1"'), ["a", "b", "a"])
    fresh_store.save_feed_state(FeedState("https://x.test/feed", etag='"v2"'), ["b", "c"])
    assert fresh_store.feed_state("https://x.test/feed").etag == '"v2"'
    assert fresh_store.seen_feed_items("https://x.test/feed") == {"a", "b", "c"}


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://Example.com:443/a/b/#frag") == "https://example.com/a/b"
    assert canonical_url("http://example.com:8080/?q=1") == "http://example.com:8080/?q=1"


def test_nul_characters_are_dropped_the_same_way_on_every_backend(fresh_store: Store) -> None:
    a = make_article(7, text="Season 2\x00 is coming.", title="Bad\x00 title")
    c = Claim(a.id, "Work\x00", 2, "renewal", None, "confirmed", "none", "Season 2\x00 is coming.")
    fresh_store.add_article(a, claims_=[c])
    stored = fresh_store.get_article(a.id)
    assert (stored.text, stored.title) == ("Season 2 is coming.", "Bad title")
    assert fresh_store.claims_for_article(a.id)[0].evidence == "Season 2 is coming."


# No NUL (the store strips it, tested apart) and no lone surrogates: every reader rejects them
# (orjson: "no low surrogate in string", decoders: invalid UTF-8), so no article can carry one.
NO_NUL = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))


@settings(
    max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    work=st.text(NO_NUL, min_size=1, max_size=40),
    season=st.one_of(st.none(), st.integers(min_value=1, max_value=99)),
    value=st.one_of(st.none(), st.text(NO_NUL, max_size=20)),
    evidence=st.text(NO_NUL, min_size=1, max_size=200),
)
def test_claim_round_trips_through_the_store(
    fresh_store: Store, work: str, season: int | None, value: str | None, evidence: str
) -> None:
    a = make_article(abs(hash((work, season, value, evidence))) % 10**12)
    c = Claim(a.id, work, season, "release", value, "reported", "leak", evidence, evidence_start=0)
    fresh_store.replace_claims(a.id, [], []) if fresh_store.has_article(
        a.id
    ) else fresh_store.add_article(a)
    fresh_store.replace_claims(a.id, [c], [])
    assert fresh_store.claims_for_article(a.id) == [c]


def test_unreachable_postgres_is_a_clear_error_that_hides_the_password() -> None:
    with pytest.raises(StoreError) as info:
        Store.open("postgresql+psycopg://me:s3cret@127.0.0.1:1/nodb")
    assert "cannot open" in str(info.value)
    assert "s3cret" not in str(info.value)
