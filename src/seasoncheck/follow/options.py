"""Options for following the news: poll politeness, webhook delivery, durations like ``30m``."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from seasoncheck.settings import env_fetch_allow

# Seconds between two requests to the same host during one update. 2 s is the crawl delay most
# news sites' robots.txt ask of bots (those that set one say 1-10 s); 0 in tests.
POLITENESS_DELAY_S = 2.0
# Webhook delivery: attempts in all, the first back-off (doubled after each failure) and the
# per-request timeout. 4 attempts with 0.5 s doubling wait 0.5 + 1 + 2 = 3.5 s in all, so a dead
# endpoint costs an update at most ~4 x 5 s + 3.5 s per change, and a brief restart is ridden out.
WEBHOOK_ATTEMPTS = 4
WEBHOOK_BACKOFF_S = 0.5
WEBHOOK_TIMEOUT_S = 5.0
WEBHOOK_URL_ENV = "SEASONCHECK_WEBHOOK_URL"
POLITENESS_DELAY_ENV = "SEASONCHECK_POLITENESS_DELAY"

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT_S = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}

Sleep = Callable[[float], None]


def now_iso() -> str:
    """Current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_duration(value: str) -> float:
    """Seconds in ``30``, ``45s``, ``30m``, ``1h``, ``1.5h`` or ``1d``; ValueError otherwise.

    Example: ``parse_duration("30m") == 1800.0``
    """
    m = _DURATION.match(value)
    if not m:
        raise ValueError(f"not a duration: {value!r} (use e.g. 90s, 30m, 1h)")
    return float(m.group(1)) * _UNIT_S[m.group(2).lower()]


@dataclass(frozen=True)
class FollowSettings:
    """Options for polling and alerts; ``from_env`` reads ``SEASONCHECK_WEBHOOK_URL`` and the delay.

    ``fetch_allow`` is the address allow-list webhook targets must pass, as for fetching
    (``SEASONCHECK_FETCH_ALLOW``): a private, loopback or link-local webhook is refused without it.
    """

    webhook_url: str | None = None
    politeness_delay: float = POLITENESS_DELAY_S
    webhook_attempts: int = WEBHOOK_ATTEMPTS
    webhook_backoff: float = WEBHOOK_BACKOFF_S
    webhook_timeout: float = WEBHOOK_TIMEOUT_S
    fetch_allow: tuple[str, ...] = field(default_factory=env_fetch_allow)

    @classmethod
    def from_env(cls, *, politeness_delay: float | None = None) -> FollowSettings:
        """Settings from ``SEASONCHECK_WEBHOOK_URL`` and ``SEASONCHECK_POLITENESS_DELAY`` (seconds)."""
        delay = politeness_delay
        if delay is None:
            raw = os.environ.get(POLITENESS_DELAY_ENV, "")
            delay = parse_duration(raw) if raw.strip() else POLITENESS_DELAY_S
        return cls(webhook_url=os.environ.get(WEBHOOK_URL_ENV) or None, politeness_delay=delay)
