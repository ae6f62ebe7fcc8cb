"""Following the news: followed feeds, ``update`` polls, verdict changes, watch list, webhooks.

One module per concern, all re-exported here (``from seasoncheck.follow import update``):

- :mod:`.options`: ``FollowSettings`` (politeness delay, webhook URL, retries), ``parse_duration``;
- :mod:`.feeds`: the followed feeds (``feeds add/list/remove``);
- :mod:`.seasons`: which seasons claims are about, and their current verdicts;
- :mod:`.changes`: verdict snapshots and the history of their changes (the Atom feed's source);
- :mod:`.watch`: the watch list;
- :mod:`.webhooks`: POSTing watched changes, retries, the SSRF guard, recorded failures;
- :mod:`.poll`: ``update`` and the background poller.

A webhook that is down never fails or undoes an update: its failures go to ``webhook_failures``.
"""

from __future__ import annotations

from seasoncheck.follow.changes import (
    VerdictChange,
    changes_after_ingest,
    recent_changes,
    record_verdicts,
)
from seasoncheck.follow.feeds import FollowedFeed, add_feed, followed_feeds, remove_feed
from seasoncheck.follow.options import (
    POLITENESS_DELAY_S,
    WEBHOOK_ATTEMPTS,
    WEBHOOK_BACKOFF_S,
    WEBHOOK_TIMEOUT_S,
    FollowSettings,
    Sleep,
    now_iso,
    parse_duration,
)
from seasoncheck.follow.poll import (
    FeedPoll,
    HostPacer,
    UpdateReport,
    poll_forever,
    poll_once,
    update,
)
from seasoncheck.follow.seasons import (
    WORK_PREFIX,
    SeasonKey,
    SeasonVerdict,
    claimed_seasons,
    franchise_titles,
    season_verdicts,
    subject_key,
    touched_seasons,
)
from seasoncheck.follow.watch import WatchEntry, add_watch, remove_watch, watched, watched_keys
from seasoncheck.follow.webhooks import (
    RETRY_STATUSES,
    Delivery,
    alert_after_ingest,
    deliver_changes,
    post_webhook,
    webhook_failure_count,
)

__all__ = [
    "POLITENESS_DELAY_S",
    "RETRY_STATUSES",
    "WEBHOOK_ATTEMPTS",
    "WEBHOOK_BACKOFF_S",
    "WEBHOOK_TIMEOUT_S",
    "WORK_PREFIX",
    "Delivery",
    "FeedPoll",
    "FollowSettings",
    "FollowedFeed",
    "HostPacer",
    "SeasonKey",
    "SeasonVerdict",
    "Sleep",
    "UpdateReport",
    "VerdictChange",
    "WatchEntry",
    "add_feed",
    "add_watch",
    "alert_after_ingest",
    "changes_after_ingest",
    "claimed_seasons",
    "deliver_changes",
    "followed_feeds",
    "franchise_titles",
    "now_iso",
    "parse_duration",
    "poll_forever",
    "poll_once",
    "post_webhook",
    "record_verdicts",
    "recent_changes",
    "remove_feed",
    "remove_watch",
    "season_verdicts",
    "subject_key",
    "touched_seasons",
    "update",
    "watched",
    "watched_keys",
    "webhook_failure_count",
]
