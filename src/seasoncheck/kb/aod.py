"""anime-offline-database (ODbL 1.0): read the minified JSON, the JSONL, or either `.zst`, into entries.

The JSONL file is streamed line by line (also through zstd), so a truncated or corrupt line is
reported by its line number; the minified JSON is one document and is reported by offset.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from seasoncheck.kb.entries import Entry
from seasoncheck.kb.errors import KBFormatError

log = logging.getLogger(__name__)

SOURCE = "aod"
REPOSITORY = "https://github.com/manami-project/anime-offline-database"
ATTRIBUTION = (
    'Contains information from "anime-offline-database" by manami-project '
    "(https://github.com/manami-project/anime-offline-database), which is made available under "
    "the ODbL 1.0 (http://opendatacommons.org/licenses/odbl/1.0/)."
)
REQUIRED_FIELDS = ("sources", "title", "type")
KINDS = {
    "TV": "tv",
    "MOVIE": "movie",
    "OVA": "ova",
    "ONA": "web",
    "SPECIAL": "special",
    "UNKNOWN": "tv",
}
STATUSES = {"FINISHED": "finished", "ONGOING": "airing", "UPCOMING": "upcoming"}
# First month of each anime broadcast season: the finest date AOD has.
SEASON_MONTHS = {"WINTER": "01", "SPRING": "04", "SUMMER": "07", "FALL": "10"}
# AOD source URLs -> our id prefixes (the sites whose ids we can match with bangumi-data and others).
_SOURCE_PATTERNS = [
    (re.compile(r"^https?://myanimelist\.net/anime/(\d+)"), "mal"),
    (re.compile(r"^https?://anilist\.co/anime/(\d+)"), "anilist"),
    (re.compile(r"^https?://anidb\.net/anime/(\d+)"), "anidb"),
    (re.compile(r"^https?://kitsu\.(?:app|io)/anime/([\w-]+)"), "kitsu"),
    (re.compile(r"^https?://www\.anime-planet\.com/anime/([\w-]+)"), "anime-planet"),
    (re.compile(r"^https?://www\.anisearch\.com/anime/(\d+)"), "anisearch"),
    (re.compile(r"^https?://www\.livechart\.me/anime/(\d+)"), "livechart"),
    (re.compile(r"^https?://simkl\.com/anime/(\d+)"), "simkl"),
    (re.compile(r"^https?://animecountdown\.com/(\d+)"), "animecountdown"),
    (re.compile(r"^https?://www\.animenewsnetwork\.com/encyclopedia/anime\.php\?id=(\d+)"), "ann"),
]
# Key preference for an AOD entry: the id a release keeps when sources are added.
KEY_SITES = ("mal", "anilist", "anidb", "kitsu", "anime-planet", "anisearch", "livechart")


@dataclass(frozen=True)
class AodRelease:
    """A parsed AOD file: entries and its `lastUpdate` date."""

    entries: list[Entry]
    version: str | None = None


def read_aod_file(path: Path) -> AodRelease:
    """Entries of an AOD minified JSON, JSONL, or `.zst` of either."""
    with _open(path) as fh:
        head = _peek(fh)
        if head.startswith(b"{") and _first_line_is_meta(fh):
            return _read_jsonl(fh, str(path))
        return _read_minified(fh.read(), str(path))


def _open(path: Path) -> IO[bytes]:
    """The file, decompressed on the fly when it is zstd."""
    raw = path.open("rb")
    if path.suffix == ".zst":
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
    return raw


def _peek(fh: IO[bytes]) -> bytes:
    """The first bytes, without consuming them."""
    try:
        head: bytes = fh.peek(64)[:64]  # type: ignore[attr-defined]
        return head.lstrip()
    except Exception as exc:  # zstd errors surface here on a corrupt frame header
        raise KBFormatError(f"cannot read: {exc}") from exc


def _first_line_is_meta(fh: IO[bytes]) -> bool:
    """True when the first line is a complete JSON object on its own (the JSONL layout)."""
    first = fh.peek(1 << 16)  # type: ignore[attr-defined]
    line = first.split(b"\n", 1)[0]
    if len(line) == len(first):
        return False
    try:
        meta = orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return isinstance(meta, dict) and "data" not in meta


def _read_minified(data: bytes, origin: str) -> AodRelease:
    """The minified JSON document."""
    from seasoncheck.kb.bangumi import load_json

    doc = load_json(data, origin)
    if not isinstance(doc, dict) or not isinstance(doc.get("data"), list):
        raise KBFormatError(f"{origin}: not anime-offline-database (no top-level 'data' list)")
    _check_meta(doc, origin)
    entries = [anime_entry(a, f"{origin}: data[{i}]") for i, a in enumerate(doc["data"])]
    return AodRelease(entries, doc.get("lastUpdate"))


def _read_jsonl(fh: IO[bytes], origin: str) -> AodRelease:
    """The JSONL file: a metadata line, then one anime a line."""
    lines = _lines(fh, origin)
    _, meta = next(lines)
    _check_meta(meta, origin)
    entries = [anime_entry(a, f"{origin}: line {n}") for n, a in lines]
    return AodRelease(entries, meta.get("lastUpdate"))


def _lines(fh: IO[bytes], origin: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object) of each non-empty line; errors name the line."""
    n = 0
    try:
        for n, raw in enumerate(fh, start=1):  # noqa: B007 - n is read in the except clause
            if raw.strip():
                yield n, _loads_line(raw, origin, n)
    except KBFormatError:
        raise
    except Exception as exc:  # zstd: truncated or corrupt frame
        raise KBFormatError(f"{origin}: corrupt or truncated after line {n}: {exc}") from exc


def _loads_line(raw: bytes, origin: str, n: int) -> Any:
    """One JSONL line."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        hint = " (truncated file?)" if not raw.endswith(b"\n") else ""
        raise KBFormatError(
            f"{origin}: line {n}, column {exc.colno}: invalid JSON{hint}: {exc.msg}"
        ) from exc


def _check_meta(meta: Any, origin: str) -> None:
    """The metadata names the AOD repository (a file of another schema stops here)."""
    if not isinstance(meta, dict) or meta.get("repository") != REPOSITORY:
        raise KBFormatError(
            f"{origin}: not anime-offline-database (metadata lacks repository {REPOSITORY})"
        )


def anime_entry(a: Any, where: str) -> Entry:
    """One AOD anime object as an entry."""
    if not isinstance(a, dict):
        raise KBFormatError(f"{where}: not an object")
    missing = [f for f in REQUIRED_FIELDS if not a.get(f)]
    if missing:
        raise KBFormatError(f"{where} ({a.get('title', '?')!r}): missing {', '.join(missing)}")
    if a["type"] not in KINDS:
        raise KBFormatError(f"{where}: unknown type {a['type']!r}")
    ids = source_ids(a["sources"])
    related = source_ids(a.get("relatedAnime") or [])
    titles = [
        (a["title"], "x-jat"),
        *((s, "") for s in a.get("synonyms") or () if isinstance(s, str)),
    ]
    return Entry(
        source=SOURCE,
        key=_key(ids, a["sources"]),
        title=a["title"],
        titles=tuple(dict.fromkeys(titles)),
        kind=KINDS[a["type"]],
        first_aired=_season_date(a.get("animeSeason")),
        episodes=a.get("episodes") or None,
        status=STATUSES.get(a.get("status", "")),
        ids=tuple(ids),
        studios=tuple(a.get("studios") or ()),
        related=tuple(related),
    )


def source_ids(urls: list[Any]) -> list[str]:
    """`https://myanimelist.net/anime/52034` -> `mal:52034` (unknown sites keep their URL)."""
    out = []
    for url in urls:
        if not isinstance(url, str):
            continue
        for pat, site in _SOURCE_PATTERNS:
            m = pat.match(url)
            if m:
                out.append(f"{site}:{m.group(1)}")
                break
        else:
            out.append(url)
    return list(dict.fromkeys(out))


def _key(ids: list[str], urls: list[str]) -> str:
    """The entry's stable key: its MAL id, else the next best site id, else its first URL."""
    for site in KEY_SITES:
        for i in ids:
            if i.startswith(site + ":"):
                return i
    return sorted(urls)[0]


def _season_date(season: Any) -> str | None:
    """`{season: SPRING, year: 2023}` -> `2023-04`; `{season: UNDEFINED, year: 2023}` -> `2023`."""
    if not isinstance(season, dict) or not isinstance(season.get("year"), int):
        return None
    month = SEASON_MONTHS.get(season.get("season", ""))
    return f"{season['year']}-{month}" if month else str(season["year"])
