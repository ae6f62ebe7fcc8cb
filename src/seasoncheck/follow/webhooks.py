"""Webhook alerts: POST each watched verdict change as JSON, with retries, through the SSRF guard.

A webhook target passes the same address policy as fetching (``SEASONCHECK_FETCH_ALLOW``): a
private, loopback or link-local target, or a redirect to one, is refused unless allow-listed.
A delivery that fails for good, refusals included, goes to ``webhook_failures``; it never
fails or undoes the ingest that produced the change.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from seasoncheck.follow.changes import VerdictChange, changes_after_ingest
from seasoncheck.follow.options import FollowSettings, Sleep, now_iso
from seasoncheck.follow_schema import webhook_failures

if TYPE_CHECKING:
    import httpx

    from seasoncheck.kb.model import KnowledgeBase
    from seasoncheck.netcheck import AddressPolicy
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

# Answers worth retrying: the server is overloaded or restarting. Other 4xx will not get better.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
# Redirects a webhook follows: 307 and 308 keep the method and the body. A 301/302/303 would
# turn the POST into a GET, which no receiver expects, so those count as failed deliveries.
FOLLOWED_REDIRECTS = frozenset({307, 308})
# Redirect hops in one attempt: a receiver moved to a new path or host needs one or two.
WEBHOOK_MAX_REDIRECTS = 3
USER_AGENT = "seasoncheck-webhook/0.1"


class DeliveryStopped(Exception):
    """A delivery that retrying cannot fix: a refused target or too many redirects."""


@dataclass(frozen=True)
class Delivery:
    """The outcome of posting one change to the webhook."""

    change_id: int
    ok: bool
    attempts: int
    error: str = ""


def deliver_changes(
    store: Store,
    changes: Sequence[VerdictChange],
    settings: FollowSettings,
    *,
    sleep: Sleep = time.sleep,
) -> list[Delivery]:
    """POST each watched change to ``settings.webhook_url``; record the ones that failed for good.

    Call it after the ingest is committed: it never raises, whatever the endpoint does.
    """
    url = settings.webhook_url
    if not url:
        return []
    out = []
    for change in changes:
        if not change.watched:
            continue
        delivery = post_webhook(url, change, settings, sleep=sleep)
        if not delivery.ok:
            _record_failure(store, url, change, delivery)
        out.append(delivery)
    return out


def post_webhook(
    url: str, change: VerdictChange, settings: FollowSettings, *, sleep: Sleep = time.sleep
) -> Delivery:
    """POST one change as JSON, retrying with exponential back-off on errors worth retrying.

    A refused target (see the module docstring) is not retried. Example::

        post_webhook("https://hooks.example/sc", change, FollowSettings.from_env())
    """
    import httpx
    import orjson

    body = orjson.dumps(change.to_dict())
    policy = _policy(settings)
    error = ""
    with _open_client(settings) as client:
        for attempt in range(1, settings.webhook_attempts + 1):
            try:
                status = _post_following(client, url, body, policy)
                if status < 300:
                    return Delivery(change.id, True, attempt)
                error = _status_error(status)
                if status not in RETRY_STATUSES:
                    return Delivery(change.id, False, attempt, error)
            except DeliveryStopped as exc:
                return Delivery(change.id, False, attempt, str(exc))
            except httpx.HTTPError as exc:
                error = " ".join(str(exc).split()) or type(exc).__name__
            log.info("webhook %s attempt %d failed: %s", url, attempt, error)
            if attempt < settings.webhook_attempts:
                sleep(settings.webhook_backoff * 2 ** (attempt - 1))
    return Delivery(change.id, False, settings.webhook_attempts, error)


def _policy(settings: FollowSettings) -> AddressPolicy:
    """The address policy webhook targets must pass (the fetch allow-list)."""
    from seasoncheck.netcheck import AddressPolicy

    return AddressPolicy.from_entries(settings.fetch_allow)


def _open_client(settings: FollowSettings) -> httpx.Client:
    """An HTTP client whose connections pass the address policy; redirects and proxies are off.

    Environment proxies are ignored: a proxy would resolve the name itself, out of reach of the
    address check (as for fetching).
    """
    import httpx

    from seasoncheck.sources.fetch import guarded_transport

    transport = guarded_transport(_policy(settings))
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT}
    return httpx.Client(
        transport=transport,
        headers=headers,
        timeout=settings.webhook_timeout,
        follow_redirects=False,
        trust_env=False,
    )


def _post_following(client: httpx.Client, url: str, body: bytes, policy: AddressPolicy) -> int:
    """POST ``body`` to ``url``, following 307/308 redirects hop by hop; the final status.

    Every hop is checked before it is requested; a refused one raises DeliveryStopped.
    """
    from urllib.parse import urljoin

    current, via = url, None
    for _hop in range(WEBHOOK_MAX_REDIRECTS + 1):
        status, location = _post_checked(client, current, body, policy, via)
        if status not in FOLLOWED_REDIRECTS or not location:
            return status
        current, via = urljoin(current, location), current
        log.debug("webhook redirect %s -> %s", via, current)
    raise DeliveryStopped(f"too many redirects (more than {WEBHOOK_MAX_REDIRECTS})")


def _post_checked(
    client: httpx.Client, url: str, body: bytes, policy: AddressPolicy, via: str | None
) -> tuple[int, str | None]:
    """One POST to a URL that passed the address policy (literal IPs here, names at connect).

    Returns the status and the Location header; the answer's body is never read (a receiver
    could send gigabytes). ``via`` is the URL that redirected here, named in a refusal.
    """
    import httpx

    from seasoncheck.sources.fetch import BlockedConnect, FetchError, check_url

    where = f"redirect from {via} to {url}" if via else url
    try:
        check_url(url, policy)
        with client.stream("POST", url, content=body) as response:
            return response.status_code, response.headers.get("Location")
    except (FetchError, BlockedConnect) as exc:
        raise DeliveryStopped(f"{where}: {exc}") from None
    except (ValueError, httpx.InvalidURL) as exc:  # urlsplit's "Invalid IPv6 URL", bad characters
        raise DeliveryStopped(f"{where}: not a valid URL ({exc})") from None


def _status_error(status: int) -> str:
    """The failure text of a non-2xx answer."""
    if 300 <= status < 400:
        return f"HTTP {status} redirect (a webhook follows only 307 and 308)"
    return f"HTTP {status}"


def _record_failure(store: Store, url: str, change: VerdictChange, d: Delivery) -> None:
    """Keep a failed delivery in ``webhook_failures`` (best effort: never raises)."""
    import orjson

    from seasoncheck.store import nul_free_row

    log.warning("webhook %s: giving up on change %d: %s", url, change.id, d.error)
    try:
        with store.engine.begin() as conn:
            conn.execute(
                insert(webhook_failures).values(
                    nul_free_row(
                        {
                            "url": url,
                            "payload": orjson.dumps(change.to_dict()).decode(),
                            "attempts": d.attempts,
                            "error": d.error,
                            "at": now_iso(),
                        }
                    )
                )
            )
    except Exception:  # recording is best effort: the update itself already succeeded
        log.exception("could not record the webhook failure")


def webhook_failure_count(store: Store) -> int:
    """How many webhook deliveries failed for good."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(webhook_failures)).scalar_one())


def alert_after_ingest(
    store: Store,
    kb: KnowledgeBase,
    article_ids: Iterable[str],
    follow: FollowSettings | None = None,
) -> list[VerdictChange]:
    """After a committed ingest: record verdict changes and post the watched ones; never raises.

    For the ``ingest`` command and the web API's ingest, so that any ingest alerts, not only
    ``update``. Example::

        report = pipeline.ingest(inputs, store, settings, kb=kb)
        alert_after_ingest(store, kb, [a.id for a in report.added])
    """
    try:
        changes = changes_after_ingest(store, kb, article_ids)
        deliver_changes(store, changes, follow or FollowSettings.from_env())
        return changes
    except Exception:  # alerts are a side effect: the articles are stored whatever happens here
        log.exception("recording verdict changes after the ingest failed")
        return []
