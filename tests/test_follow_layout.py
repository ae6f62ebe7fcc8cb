"""``seasoncheck.follow`` is a package of small modules that still exports every public name."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import seasoncheck.follow as follow

# (submodule, names) as other modules and users import them from seasoncheck.follow.
HOMES = {
    "options": ["FollowSettings", "parse_duration", "POLITENESS_DELAY_S", "WEBHOOK_ATTEMPTS"],
    "feeds": ["FollowedFeed", "add_feed", "remove_feed", "followed_feeds"],
    "seasons": ["SeasonKey", "SeasonVerdict", "WORK_PREFIX", "claimed_seasons", "season_verdicts"],
    "changes": ["VerdictChange", "record_verdicts", "recent_changes", "changes_after_ingest"],
    "watch": ["WatchEntry", "add_watch", "remove_watch", "watched", "watched_keys"],
    "webhooks": ["Delivery", "deliver_changes", "post_webhook", "webhook_failure_count"],
    "poll": ["UpdateReport", "FeedPoll", "HostPacer", "update", "poll_forever", "poll_once"],
}
# STYLE.md: modules of about 100-500 lines; follow.py had grown to 752.
MAX_MODULE_LINES = 300


@pytest.mark.parametrize("module", sorted(HOMES))
def test_each_name_lives_in_its_module_and_is_reexported(module: str) -> None:
    sub = importlib.import_module(f"seasoncheck.follow.{module}")
    for name in HOMES[module]:
        assert getattr(follow, name) is getattr(sub, name), name
        assert name in follow.__all__


def test_alert_after_ingest_is_reachable_where_the_ingest_command_imports_it() -> None:
    from seasoncheck.follow import alert_after_ingest
    from seasoncheck.follow.webhooks import alert_after_ingest as home

    assert alert_after_ingest is home


def test_every_exported_name_exists() -> None:
    missing = [name for name in follow.__all__ if not hasattr(follow, name)]
    assert missing == []


def test_follow_modules_stay_small() -> None:
    package = Path(follow.__file__).parent
    sizes = {p.name: len(p.read_text("utf-8").splitlines()) for p in package.glob("*.py")}
    assert len(sizes) >= 7
    assert {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES} == {}
