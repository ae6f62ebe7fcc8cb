"""Settings: one frozen options object, built once from the environment or the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import platformdirs

APP_NAME = "seasoncheck"

# Fetch limits. Generous for news pages (the extraction benchmark's largest page is 1.4 MB).
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 20.0
# Files above this are refused rather than read into memory (a WARC is streamed, not capped).
MAX_FILE_BYTES = 50 * 1024 * 1024
USER_AGENT = (
    "seasoncheck/0.1 (+https://github.com/seasoncheck/seasoncheck; anime news fact-checker)"
)


def default_db_url() -> str:
    """SQLite file in the user data dir, e.g. ~/.local/share/seasoncheck/seasoncheck.db."""
    data_dir = Path(platformdirs.user_data_dir(APP_NAME))
    return f"sqlite:///{data_dir / 'seasoncheck.db'}"


def normalise_db_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a bare file path (taken as SQLite)."""
    if "://" in value or value in ("sqlite:", ":memory:"):
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


@dataclass(frozen=True)
class Settings:
    """Options every stage reads. Build with ``Settings.from_env()``; change with ``.with_(...)``."""

    db_url: str
    max_response_bytes: int = MAX_RESPONSE_BYTES
    max_redirects: int = MAX_REDIRECTS
    connect_timeout: float = CONNECT_TIMEOUT_S
    read_timeout: float = READ_TIMEOUT_S
    max_file_bytes: int = MAX_FILE_BYTES
    user_agent: str = USER_AGENT

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        """Settings from ``SEASONCHECK_DB`` (or ``db`` when given), defaults otherwise."""
        url = db or os.environ.get("SEASONCHECK_DB") or default_db_url()
        return cls(db_url=normalise_db_url(url))

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]
