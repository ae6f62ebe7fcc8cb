"""Webhook delivery through the SSRF guard, over real HTTP on 127.0.0.1.

conftest allows 127.0.0.1 for every test; these tests set their own allow-list (``fetch_allow``)
to see what a user with the default, empty list gets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from typer.testing import CliRunner
from werkzeug import Request, Response

from seasoncheck.cli import app, follow_cmds  # noqa: F401  (registers feeds/watch/update)
from seasoncheck.follow import (
    FollowSettings,
    VerdictChange,
    add_feed,
    add_watch,
    deliver_changes,
    post_webhook,
    webhook_failure_count,
)
from seasoncheck.follow_schema import webhook_failures
from seasoncheck.kb.loader import load_kb
from seasoncheck.store import Store

DATA = Path(__file__).resolve().parent / "data" / "follow"
CHANGE = VerdictChange(
    id=7,
    subject="oshi-no-ko",
    name="Oshi no Ko",
    season=4,
    old_state="rumoured",
    new_state="dated",
    old_date=None,
    date="2027-04",
    date_text="April 2027",
    explanation="An official announcement dates it.",
    watched=True,
    at="2026-11-01T09:00:00+00:00",
)


class Hook:
    """A webhook receiver that answers 200 and keeps the JSON bodies it was sent."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, object]] = []

    def __call__(self, request: Request) -> Response:
        self.bodies.append(json.loads(request.get_data()))
        return Response("ok", status=200)


def redirect(location: str, status: int = 307) -> Response:
    """A redirect answer to ``location``."""
    return Response("", status=status, headers={"Location": location})


@pytest.fixture
def hook(server: HTTPServer) -> Iterator[Hook]:
    """A receiver on /hook of the test server."""
    h = Hook()
    server.expect_request("/hook", method="POST").respond_with_handler(h)
    yield h


def settings_for(url: str, *allow: str) -> FollowSettings:
    """Webhook settings with an explicit allow-list and short timeouts."""
    return FollowSettings(webhook_url=url, webhook_timeout=2.0, fetch_allow=allow)


def failures(store: Store) -> list[tuple[str, int, str]]:
    """(url, attempts, error) of every recorded failure."""
    with store.engine.connect() as conn:
        return [(r.url, r.attempts, r.error) for r in conn.execute(select(webhook_failures))]


def test_loopback_webhook_is_refused_without_an_allow_entry_and_recorded(
    fresh_store: Store, server: HTTPServer, hook: Hook
) -> None:
    url = server.url_for("/hook")
    waits: list[float] = []
    [delivery] = deliver_changes(fresh_store, [CHANGE], settings_for(url), sleep=waits.append)
    assert not delivery.ok and delivery.attempts == 1
    assert "127.0.0.1" in delivery.error and "loopback" in delivery.error
    assert hook.bodies == [] and server.log == []  # nothing reached the receiver
    assert waits == []  # a refusal is not retried
    [(failed_url, attempts, error)] = failures(fresh_store)
    assert (failed_url, attempts) == (url, 1) and "refused" in error


def test_the_same_webhook_is_delivered_once_allow_listed(
    fresh_store: Store, server: HTTPServer, hook: Hook
) -> None:
    follow = settings_for(server.url_for("/hook"), "127.0.0.1")
    [delivery] = deliver_changes(fresh_store, [CHANGE], follow)
    assert delivery.ok
    assert [(b["franchise_id"], b["season"], b["new_state"]) for b in hook.bodies] == [
        ("oshi-no-ko", 4, "dated")
    ]
    assert webhook_failure_count(fresh_store) == 0


def test_a_name_that_resolves_to_loopback_is_refused_at_connect(
    server: HTTPServer, hook: Hook
) -> None:
    url = f"http://localhost:{server.port}/hook"
    delivery = post_webhook(url, CHANGE, settings_for(url), sleep=lambda s: None)
    assert not delivery.ok and "localhost" in delivery.error and "loopback" in delivery.error
    assert hook.bodies == []


def test_a_307_redirect_is_followed_with_the_body(server: HTTPServer, hook: Hook) -> None:
    server.expect_request("/old", method="POST").respond_with_response(redirect("/hook"))
    url = server.url_for("/old")
    delivery = post_webhook(url, CHANGE, settings_for(url, "127.0.0.1"))
    assert delivery.ok and delivery.attempts == 1
    assert hook.bodies[0]["id"] == 7


def test_a_redirect_to_a_refused_address_is_not_followed(
    fresh_store: Store, server: HTTPServer, hook: Hook
) -> None:
    # localhost is allowed by name; 127.0.0.1 written as an IP is not in the list.
    target = f"http://127.0.0.1:{server.port}/hook"
    server.expect_request("/go", method="POST").respond_with_response(redirect(target))
    url = f"http://localhost:{server.port}/go"
    waits: list[float] = []
    follow = settings_for(url, "localhost")
    [delivery] = deliver_changes(fresh_store, [CHANGE], follow, sleep=waits.append)
    assert not delivery.ok and waits == []
    assert target in delivery.error and "loopback" in delivery.error
    assert hook.bodies == []
    assert [req.path for req, _ in server.log] == ["/go"]  # the receiver was never asked
    assert webhook_failure_count(fresh_store) == 1


def test_a_redirect_loop_stops_without_retries(server: HTTPServer) -> None:
    server.expect_request("/loop", method="POST").respond_with_response(redirect("/loop"))
    url = server.url_for("/loop")
    waits: list[float] = []
    delivery = post_webhook(url, CHANGE, settings_for(url, "127.0.0.1"), sleep=waits.append)
    assert not delivery.ok and "too many redirects" in delivery.error and waits == []
    assert len(server.log) == 4  # the first POST and 3 redirect hops


def test_a_302_is_a_failed_delivery_not_a_get(server: HTTPServer, hook: Hook) -> None:
    server.expect_request("/moved", method="POST").respond_with_response(redirect("/hook", 302))
    url = server.url_for("/moved")
    waits: list[float] = []
    delivery = post_webhook(url, CHANGE, settings_for(url, "127.0.0.1"), sleep=waits.append)
    assert (delivery.ok, delivery.attempts) == (False, 1) and waits == []
    assert delivery.error.startswith("HTTP 302") and hook.bodies == []


def test_cloud_metadata_webhook_is_refused_even_when_everything_is_allowed(
    fresh_store: Store,
) -> None:
    follow = settings_for("http://169.254.169.254/latest", "0.0.0.0/0", "::/0")
    [delivery] = deliver_changes(fresh_store, [CHANGE], follow)
    assert not delivery.ok and "metadata" in delivery.error


@pytest.mark.parametrize("url", ["http://[::1/hook", "hooks.example/hook", "http://x\x00y/"])
def test_a_malformed_webhook_url_is_a_recorded_failure_not_a_crash(
    fresh_store: Store, url: str
) -> None:
    [delivery] = deliver_changes(fresh_store, [CHANGE], settings_for(url), sleep=lambda s: None)
    assert (delivery.ok, delivery.attempts) == (False, 1) and url in delivery.error
    assert webhook_failure_count(fresh_store) == 1


def test_follow_settings_take_the_fetch_allow_list_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SEASONCHECK_FETCH_ALLOW", "nas.local, 10.0.0.0/8")
    assert FollowSettings.from_env().fetch_allow == ("nas.local", "10.0.0.0/8")
    monkeypatch.delenv("SEASONCHECK_FETCH_ALLOW")
    assert FollowSettings.from_env().fetch_allow == ()


def test_update_stands_when_its_webhook_is_refused(tmp_path: Path, server: HTTPServer) -> None:
    """The feed is allowed by name (localhost); the webhook's 127.0.0.1 is not on the list."""
    db = str(tmp_path / "webhook.db")
    title, text = (DATA / "official.txt").read_text("utf-8").split("\n", 1)
    body = "".join(f"<p>{p.strip()}</p>" for p in text.strip().split("\n\n"))
    item = (
        f"<item><title>{title}</title><link>http://localhost/n/1</link><guid>n1</guid>"
        "<pubDate>Mon, 01 Jun 2026 10:00:00 +0000</pubDate><description>Teaser.</description>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>t</title>{item}</channel></rss>"
    )
    server.expect_request("/feed.xml").respond_with_data(feed, content_type="application/rss+xml")
    hook = Hook()
    server.expect_request("/hook", method="POST").respond_with_handler(hook)
    store = Store.open(db)
    add_feed(store, f"http://localhost:{server.port}/feed.xml")
    add_watch(store, load_kb(None), "Oshi no Ko", 4)
    env = {
        "SEASONCHECK_FETCH_ALLOW": "localhost",
        "SEASONCHECK_POLITENESS_DELAY": "0",
        "SEASONCHECK_WEBHOOK_URL": server.url_for("/hook"),
    }
    result = CliRunner().invoke(app, ["update", "--db", db, "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["feeds"][0]["added"] == 1 and store.count_articles() == 1
    assert [(d["ok"], d["attempts"]) for d in out["webhooks"]] == [(False, 1)]
    assert hook.bodies == []
    [(url, _, error)] = failures(store)
    assert url == server.url_for("/hook") and "loopback" in error
