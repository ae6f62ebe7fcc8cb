"""Following the news over real HTTP: feeds add/list/remove, update (304, seen items, new items),
verdict changes, the watch list, webhook delivery with retries and recorded failures."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import feedparser
import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from typer.testing import CliRunner
from werkzeug import Request, Response

from seasoncheck.cli import app, follow_cmds  # noqa: F401  (registers feeds/watch/update/export)
from seasoncheck.exports import verdict_feed_atom
from seasoncheck.follow import (
    FollowSettings,
    UpdateReport,
    add_feed,
    add_watch,
    alert_after_ingest,
    followed_feeds,
    parse_duration,
    poll_forever,
    recent_changes,
    update,
    watched,
    webhook_failure_count,
)
from seasoncheck.follow_schema import webhook_failures
from seasoncheck.kb.loader import load_kb
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.settings import Settings
from seasoncheck.store import Store

DATA = Path(__file__).resolve().parent / "data" / "follow"
runner = CliRunner()


def article_html(name: str) -> tuple[str, str]:
    """(title, body as HTML paragraphs) of one of our own sample articles in tests/data/follow."""
    title, body = (DATA / f"{name}.txt").read_text("utf-8").split("\n", 1)
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.strip().split("\n\n"))
    return title, paragraphs


def rss(names: list[str], base: str) -> str:
    """An RSS 2.0 feed with the full text of the named sample articles (newest first)."""
    items = []
    for i, name in enumerate(names):
        title, body = article_html(name)
        items.append(
            f"<item><title>{title}</title><link>{base}/news/{name}</link><guid>{name}</guid>"
            f"<pubDate>Mon, 0{i + 1} Jun 2026 10:00:00 +0000</pubDate>"
            f"<description>Short teaser.</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Test anime news</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    )


class FeedSite:
    """A feed whose content can change; answers 304 to a request carrying its current ETag."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.names: list[str] = []
        self.version = 0
        self.statuses: list[int] = []

    def publish(self, names: list[str]) -> None:
        """Replace the feed's items (a new ETag)."""
        self.names = names
        self.version += 1

    def __call__(self, request: Request) -> Response:
        etag = f'"v{self.version}"'
        if request.headers.get("If-None-Match") == etag:
            self.statuses.append(304)
            return Response(status=304, headers={"ETag": etag})
        self.statuses.append(200)
        return Response(
            rss(self.names, self.base), content_type="application/rss+xml", headers={"ETag": etag}
        )


class Hook:
    """A webhook endpoint that fails its first ``failures`` requests with 503, then answers 200."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.bodies: list[dict[str, object]] = []
        self.calls = 0

    def __call__(self, request: Request) -> Response:
        self.calls += 1
        if self.calls <= self.failures:
            return Response("down", status=503)
        self.bodies.append(json.loads(request.get_data()))
        return Response("ok", status=200)


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[HTTPServer, HTTPServer]]:
    """Two real HTTP servers on 127.0.0.1: a news site and a webhook receiver."""
    news, hooks = HTTPServer(host="127.0.0.1"), HTTPServer(host="127.0.0.1")
    news.start()
    hooks.start()
    yield news, hooks
    news.stop()
    hooks.stop()


@pytest.fixture
def news(servers: tuple[HTTPServer, HTTPServer]) -> Iterator[HTTPServer]:
    servers[0].clear()
    yield servers[0]
    servers[0].clear()


@pytest.fixture
def hooks(servers: tuple[HTTPServer, HTTPServer]) -> Iterator[HTTPServer]:
    servers[1].clear()
    yield servers[1]
    servers[1].clear()


def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "follow.db")


def cli(*args: str, env: dict[str, str] | None = None) -> object:
    """Run the CLI; return click's result."""
    return runner.invoke(app, list(args), env=env)


# -- feeds add / list / remove ----------------------------------------------------------------------


def test_feeds_add_list_remove_read_back_through_the_store(tmp_path: Path) -> None:
    db = db_path(tmp_path)
    a, b = "https://news.example/rss.xml", "https://other.example/feed.atom"
    assert cli("feeds", "add", a, "--db", db).exit_code == 0
    assert cli("feeds", "add", b, "--db", db).exit_code == 0
    again = cli("feeds", "add", a, "--db", db)
    assert again.exit_code == 0 and "already following" in again.output
    store = Store.open(db)
    assert [f.url for f in followed_feeds(store)] == [a, b]
    listed = cli("feeds", "list", "--db", db, "--format", "json")
    assert [f["url"] for f in json.loads(listed.output)] == [a, b]
    assert cli("feeds", "remove", a, "--db", db).exit_code == 0
    assert [f.url for f in followed_feeds(store)] == [b]
    missing = cli("feeds", "remove", a, "--db", db)
    assert missing.exit_code == 2 and "not following" in missing.output


def test_feeds_add_refuses_a_url_it_cannot_poll(tmp_path: Path) -> None:
    result = cli("feeds", "add", "ftp://news.example/rss", "--db", db_path(tmp_path))
    assert result.exit_code == 2
    assert "ftp://news.example/rss" in result.output and "scheme" in result.output
    assert followed_feeds(Store.open(db_path(tmp_path))) == []


def test_parse_duration_reads_seconds_minutes_hours() -> None:
    assert parse_duration("30m") == 1800
    assert parse_duration("1h") == 3600
    assert parse_duration("1.5h") == 5400
    assert parse_duration("45s") == 45
    assert parse_duration("90") == 90
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("soon")


# -- watch list -------------------------------------------------------------------------------------


def test_watch_add_resolves_titles_and_suggests_on_a_typo(tmp_path: Path) -> None:
    db = db_path(tmp_path)
    ok = cli("watch", "add", "oshi no ko", "--db", db)
    assert ok.exit_code == 0, ok.output
    assert [(w.subject, w.name, w.season) for w in watched(Store.open(db))] == [
        ("oshi-no-ko", "Oshi no Ko", None)
    ]
    typo = cli("watch", "add", "Oshi no Kp", "--db", db)
    assert typo.exit_code == 2
    assert "did you mean" in typo.output and "Oshi no Ko" in typo.output
    listed = json.loads(cli("watch", "list", "--db", db, "--format", "json").output)
    assert [w["name"] for w in listed] == ["Oshi no Ko"]
    assert cli("watch", "remove", "Oshi no Ko", "--db", db).exit_code == 0
    assert watched(Store.open(db)) == []
    assert cli("watch", "remove", "Oshi no Ko", "--db", db).exit_code == 2


# -- update over real HTTP --------------------------------------------------------------------------


def test_update_ingests_new_items_only_and_alerts_a_watched_change(
    tmp_path: Path, news: HTTPServer, hooks: HTTPServer
) -> None:
    db = db_path(tmp_path)
    site = FeedSite(news.url_for("").rstrip("/"))
    site.publish(["rumour"])
    news.expect_request("/feed.xml").respond_with_handler(site)
    hook = Hook()
    hooks.expect_request("/hook", method="POST").respond_with_handler(hook)
    env = {"SEASONCHECK_POLITENESS_DELAY": "0", "SEASONCHECK_WEBHOOK_URL": hooks.url_for("/hook")}
    assert cli("watch", "add", "Oshi no Ko", "--db", db).exit_code == 0
    assert cli("feeds", "add", news.url_for("/feed.xml"), "--db", db).exit_code == 0

    first = cli("update", "--db", db, "--format", "json", env=env)
    assert first.exit_code == 0, first.output
    out = json.loads(first.output)
    assert out["feeds"][0]["added"] == 1
    season4 = [c for c in out["changes"] if c["season"] == 4]
    assert [(c["old_state"], c["new_state"]) for c in season4] == [(None, "rumoured")]

    second = json.loads(cli("update", "--db", db, "--format", "json", env=env).output)
    assert second["feeds"][0]["added"] == 0 and second["changes"] == []
    assert site.statuses == [200, 304]  # the second poll was a conditional request

    site.publish(["official", "rumour"])
    third = json.loads(cli("update", "--db", db, "--format", "json", env=env).output)
    assert third["feeds"][0]["added"] == 1  # the rumour was seen before: only the new item
    assert [(c["season"], c["old_state"], c["new_state"], c["date"]) for c in third["changes"]] == [
        (4, "rumoured", "dated", "2027-04")
    ]
    assert [(b["franchise_id"], b["season"], b["new_state"]) for b in hook.bodies][-1] == (
        "oshi-no-ko",
        4,
        "dated",
    )

    parsed = feedparser.parse(verdict_feed_atom(Store.open(db), "http://seasoncheck.test"))
    assert not parsed.bozo
    top = parsed.entries[0]
    assert top.title == "Oshi no Ko season 4: rumoured → dated (April 2027)"
    assert top.link == "http://seasoncheck.test/franchise/oshi-no-ko/season/4"


def test_update_with_no_feeds_says_so_and_succeeds(tmp_path: Path) -> None:
    result = cli("update", "--db", db_path(tmp_path), env={"SEASONCHECK_POLITENESS_DELAY": "0"})
    assert result.exit_code == 0
    assert "no feeds followed" in result.output


def test_update_exits_1_when_a_feed_fails_and_names_it(tmp_path: Path, news: HTTPServer) -> None:
    db = db_path(tmp_path)
    news.expect_request("/gone.xml").respond_with_data("no", status=404)
    add_feed(Store.open(db), news.url_for("/gone.xml"))
    result = cli("update", "--db", db, env={"SEASONCHECK_POLITENESS_DELAY": "0"})
    assert result.exit_code == 1
    assert "/gone.xml" in result.output and "404" in result.output


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The bundled demo KB, loaded once (its linker index is built once per KB object)."""
    return load_kb(None)


def _watched_store(
    tmp_path: Path, news: HTTPServer, kb: KnowledgeBase, names: list[str]
) -> tuple[Store, FeedSite]:
    """A store watching Oshi no Ko and following a feed that serves ``names``."""
    store = Store.open(db_path(tmp_path))
    site = FeedSite(news.url_for("").rstrip("/"))
    site.publish(names)
    news.expect_request("/feed.xml").respond_with_handler(site)
    add_feed(store, news.url_for("/feed.xml"))
    add_watch(store, kb, "Oshi no Ko")
    return store, site


def run_update(store: Store, kb: KnowledgeBase, hook_url: str, waits: list[float]) -> UpdateReport:
    """One update with a webhook, no politeness delay and the given (recording) sleep."""
    follow = FollowSettings(webhook_url=hook_url, politeness_delay=0, webhook_timeout=2.0)
    settings = Settings.from_env(str(store.engine.url))
    return update(store, kb, settings, follow, today=date(2026, 11, 1), sleep=waits.append)


def test_webhook_that_fails_twice_is_retried_with_growing_backoff(
    tmp_path: Path, news: HTTPServer, hooks: HTTPServer, kb: KnowledgeBase
) -> None:
    store, _ = _watched_store(tmp_path, news, kb, ["official"])
    hook = Hook(failures=2)
    hooks.expect_request("/hook", method="POST").respond_with_handler(hook)
    waits: list[float] = []
    report = run_update(store, kb, hooks.url_for("/hook"), waits)
    assert [(d.ok, d.attempts) for d in report.deliveries] == [(True, 3)]
    assert waits == [0.5, 1.0]  # exponential back-off between the three attempts
    assert hook.bodies[0]["new_state"] == "dated" and hook.bodies[0]["date"] == "2027-04"
    assert webhook_failure_count(store) == 0


def test_webhook_that_always_fails_is_recorded_and_the_ingest_stands(
    tmp_path: Path, news: HTTPServer, hooks: HTTPServer, kb: KnowledgeBase
) -> None:
    store, _ = _watched_store(tmp_path, news, kb, ["official"])
    hook = Hook(failures=1000)
    hooks.expect_request("/hook", method="POST").respond_with_handler(hook)
    waits: list[float] = []
    report = run_update(store, kb, hooks.url_for("/hook"), waits)
    assert not report.failed and report.added == 1
    assert hook.calls == 4 and waits == [0.5, 1.0, 2.0]
    with store.engine.connect() as conn:
        rows = conn.execute(select(webhook_failures)).all()
    assert [(r.attempts, r.error) for r in rows] == [(4, "HTTP 503")]
    assert json.loads(rows[0].payload)["season"] == 4
    assert store.count_articles() == 1
    assert [c.new_state for c in recent_changes(store, watch_only=True)] == ["dated"]


def test_unreachable_webhook_does_not_fail_the_update(
    tmp_path: Path, news: HTTPServer, kb: KnowledgeBase
) -> None:
    store, _ = _watched_store(tmp_path, news, kb, ["official"])
    waits: list[float] = []
    report = run_update(store, kb, "http://127.0.0.1:9/hook", waits)  # port 9: nothing listens
    assert report.added == 1 and not report.failed
    assert [(d.ok, d.attempts) for d in report.deliveries] == [(False, 4)]
    assert webhook_failure_count(store) == 1


def test_politeness_delay_spaces_requests_to_one_host(
    tmp_path: Path, news: HTTPServer, kb: KnowledgeBase
) -> None:
    store = Store.open(db_path(tmp_path))
    for path in ("/a.xml", "/b.xml"):
        site = FeedSite(news.url_for("").rstrip("/"))
        site.publish([])
        news.expect_request(path).respond_with_handler(site)
        add_feed(store, news.url_for(path))
    waits: list[float] = []
    follow = FollowSettings(politeness_delay=2.0)
    update(store, kb, Settings.from_env(str(store.engine.url)), follow, sleep=waits.append)
    assert len(waits) == 1 and 1.0 < waits[0] <= 2.0  # one pause, before the second feed


def test_follow_settings_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEASONCHECK_WEBHOOK_URL", "http://hooks.example/x")
    monkeypatch.setenv("SEASONCHECK_POLITENESS_DELAY", "5s")
    s = FollowSettings.from_env()
    assert (s.webhook_url, s.politeness_delay) == ("http://hooks.example/x", 5.0)
    monkeypatch.delenv("SEASONCHECK_POLITENESS_DELAY")
    assert FollowSettings.from_env().politeness_delay == 2.0


def test_poll_forever_polls_on_its_interval_until_stopped(tmp_path: Path, news: HTTPServer) -> None:
    db = db_path(tmp_path)
    site = FeedSite(news.url_for("").rstrip("/"))
    site.publish([])
    news.expect_request("/feed.xml").respond_with_handler(site)
    add_feed(Store.open(db), news.url_for("/feed.xml"))
    stop = threading.Event()
    follow = FollowSettings(politeness_delay=0)
    worker = threading.Thread(
        target=poll_forever, args=(0.1, db), kwargs={"stop": stop, "follow": follow}
    )
    worker.start()
    deadline = time.monotonic() + 30
    while len(site.statuses) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert site.statuses[:2] == [200, 304]
    assert followed_feeds(Store.open(db))[0].last_polled is not None


def test_alert_after_ingest_records_a_watched_change_for_any_ingest(
    fresh_store: Store, kb: KnowledgeBase, hooks: HTTPServer, test_data: Path
) -> None:
    from seasoncheck.pipeline import ingest

    add_watch(fresh_store, kb, "Oshi no Ko", 4)
    hook = Hook()
    hooks.expect_request("/hook", method="POST").respond_with_handler(hook)
    settings = Settings.from_env(str(fresh_store.engine.url))
    report = ingest([str(DATA / "official.txt")], fresh_store, settings, kb=kb)
    follow = FollowSettings(webhook_url=hooks.url_for("/hook"), politeness_delay=0)
    changes = alert_after_ingest(fresh_store, kb, [a.id for a in report.added], follow)
    assert [(c.season, c.old_state, c.new_state, c.watched) for c in changes] == [
        (4, "unannounced", "dated", True)
    ]
    assert [b["new_state"] for b in hook.bodies] == ["dated"]
