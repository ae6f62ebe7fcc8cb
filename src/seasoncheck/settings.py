"""Settings: one frozen options object, built once from the environment or the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

APP_NAME = "seasoncheck"

# Fetch limits. Generous for news pages (the extraction benchmark's largest page is 1.4 MB).
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 20.0
# Decoded (decompressed) body cap for gzip/deflate/br responses, checked while decoding in steps
# of 256 KiB so a compression bomb (10 GB of zeros is ~10 MB gzipped, ~8 KB brotli) never
# materialises. Twice MAX_RESPONSE_BYTES: HTML compresses 5-10x, and the largest benchmark page
# (1.4 MB decoded) is far below it.
MAX_DECOMPRESSED_BYTES = 20 * 1024 * 1024
# Files above this are refused rather than read into memory (a WARC is streamed, not capped).
MAX_FILE_BYTES = 50 * 1024 * 1024
# A feed with more entries than this is read up to the limit and reported (one error line).
# News feeds carry 10-100 entries; 1,000 leaves room for archive feeds.
MAX_FEED_ITEMS = 1000
# Article text (text files, JSONL "text") longer than this is refused with an error, not cut
# (a cut article could lose the sentence a claim rests on). The longest dev-set text is ~4,200
# characters and long news features run to ~50,000; 500,000 is 100x the dev set's longest.
MAX_ARTICLE_CHARS = 500_000
# One JSONL record (one line) at most this many bytes: 4x MAX_ARTICLE_CHARS of 4-byte UTF-8.
MAX_JSONL_LINE_BYTES = 8 * 1024 * 1024
# One WARC response record, stored and decompressed, at most this many bytes (as for a fetch).
MAX_WARC_RECORD_BYTES = 10 * 1024 * 1024
# HTML nesting depth is bounded by libxml2 itself (256 levels without XML_PARSE_HUGE, which
# seasoncheck never sets): deeper content is dropped and the page gives "no article text".
# Allow-list for fetching non-public hosts (host names, IPs, CIDRs; comma-separated). Empty by
# default: loopback/private/link-local/... addresses are refused (see netcheck.py).
FETCH_ALLOW_ENV = "SEASONCHECK_FETCH_ALLOW"
USER_AGENT = (
    "seasoncheck/0.1 (+https://github.com/seasoncheck/seasoncheck; anime news fact-checker)"
)


def default_db_url() -> str:
    """SQLite file in the user data dir, e.g. ~/.local/share/seasoncheck/seasoncheck.db."""
    data_dir = Path(platformdirs.user_data_dir(APP_NAME))
    return f"sqlite:///{data_dir / 'seasoncheck.db'}"


def env_fetch_allow() -> tuple[str, ...]:
    """Allow-list entries from ``SEASONCHECK_FETCH_ALLOW`` (comma-separated), empty when unset."""
    value = os.environ.get(FETCH_ALLOW_ENV, "")
    return tuple(entry.strip() for entry in value.split(",") if entry.strip())


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
    # Cap on a compressed response's decoded size (max_response_bytes caps the bytes on the wire).
    max_decompressed_bytes: int = MAX_DECOMPRESSED_BYTES
    connect_timeout: float = CONNECT_TIMEOUT_S
    read_timeout: float = READ_TIMEOUT_S
    max_file_bytes: int = MAX_FILE_BYTES
    # Entries read from one feed (see MAX_FEED_ITEMS).
    max_feed_items: int = MAX_FEED_ITEMS
    # Characters of article text accepted from a text file or a JSONL record.
    max_article_chars: int = MAX_ARTICLE_CHARS
    # Bytes in one JSONL line.
    max_jsonl_line_bytes: int = MAX_JSONL_LINE_BYTES
    # Bytes in one WARC response record, before and after decompression.
    max_warc_record_bytes: int = MAX_WARC_RECORD_BYTES
    user_agent: str = USER_AGENT
    # Non-public hosts/IPs/CIDRs that may be fetched anyway; defaults to SEASONCHECK_FETCH_ALLOW.
    fetch_allow: tuple[str, ...] = field(default_factory=env_fetch_allow)

    @classmethod
    def from_env(cls, db: str | None = None) -> Settings:
        """Settings from ``SEASONCHECK_DB`` (or ``db`` when given), defaults otherwise."""
        url = db or os.environ.get("SEASONCHECK_DB") or default_db_url()
        return cls(db_url=normalise_db_url(url))

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]
