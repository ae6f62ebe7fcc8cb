"""bangumi-data (CC BY 4.0): read `data.json` or the npm package tarball into KB entries."""

from __future__ import annotations

import hashlib
import logging
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from seasoncheck.kb.entries import Entry
from seasoncheck.kb.errors import KBFormatError

log = logging.getLogger(__name__)

SOURCE = "bangumi-data"
ATTRIBUTION = "Anime data: bangumi-data (https://github.com/bangumi-data/bangumi-data), CC BY 4.0"
TARBALL_MEMBER = "package/dist/data.json"
# bangumi-data site keys -> our id prefixes (the info sites; the rest are streaming/resource sites).
INFO_SITES = {
    "mal": "mal",
    "aniList": "anilist",
    "anidb": "anidb",
    "bangumi": "bgm",
    "tmdb": "tmdb",
}
KINDS = {"tv": "tv", "web": "web", "movie": "movie", "ova": "ova"}
REQUIRED_ITEM_FIELDS = ("title", "type", "begin")


@dataclass(frozen=True)
class BangumiRelease:
    """A parsed bangumi-data file: its entries and, from a tarball, the package version."""

    entries: list[Entry]
    version: str | None = None


def read_bangumi_file(path: Path) -> BangumiRelease:
    """Entries of a bangumi-data `data.json` or npm tarball (`.tgz`)."""
    if path.name.endswith((".tgz", ".tar.gz")):
        data, version = _read_tarball(path)
        return BangumiRelease(parse_bangumi(data, origin=f"{path}:{TARBALL_MEMBER}"), version)
    return BangumiRelease(parse_bangumi(path.read_bytes(), origin=str(path)))


def _read_tarball(path: Path) -> tuple[bytes, str | None]:
    """`dist/data.json` and the version from `package.json` of a bangumi-data package tarball."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile(TARBALL_MEMBER)
            if member is None:
                raise KBFormatError(f"{path}: no {TARBALL_MEMBER} in the tarball")
            data = member.read()
            version = None
            pkg = tar.extractfile("package/package.json")
            if pkg is not None:
                version = orjson.loads(pkg.read()).get("version")
            return data, version
    except KeyError as exc:
        raise KBFormatError(
            f"{path}: not a bangumi-data package tarball (no {TARBALL_MEMBER})"
        ) from exc
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise KBFormatError(f"{path}: corrupt or truncated tarball: {exc}") from exc


def load_json(data: bytes, origin: str) -> Any:
    """orjson.loads with an error naming the file, line and offset."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise KBFormatError(
            f"{origin}: invalid JSON at line {exc.lineno}, column {exc.colno} (offset {exc.pos}): {exc.msg}"
        ) from exc


def parse_bangumi(data: bytes, origin: str = "data.json") -> list[Entry]:
    """All items of a bangumi-data JSON document as entries (raises KBFormatError when malformed)."""
    doc = load_json(data, origin)
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise KBFormatError(f"{origin}: not bangumi-data (no top-level 'items' list)")
    meta = doc.get("siteMeta") or {}
    return unique_keys(list(_entries(doc["items"], meta, origin)))


def unique_keys(entries: list[Entry]) -> list[Entry]:
    """Give items that share a bangumi id (a show split over two broadcasts) distinct keys."""
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.key] = counts.get(e.key, 0) + 1
    seen: set[str] = set()
    out = []
    for e in entries:
        key = e.key
        if counts[key] > 1:
            key = f"{key}@{e.first_aired or ''}"
            n = 2
            while key in seen:
                key, n = f"{e.key}@{e.first_aired or ''}#{n}", n + 1
            e = replace(e, key=key)
        seen.add(key)
        out.append(e)
    return out


def _entries(items: list[Any], meta: dict[str, Any], origin: str) -> Iterator[Entry]:
    """Entries of the items, each checked for the fields the KB needs."""
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise KBFormatError(f"{origin}: items[{i}] is not an object")
        missing = [f for f in REQUIRED_ITEM_FIELDS if f not in item]
        if missing:
            raise KBFormatError(
                f"{origin}: items[{i}] ({item.get('title', '?')!r}) lacks {', '.join(missing)}"
            )
        yield item_entry(item, meta)


def item_entry(item: dict[str, Any], meta: dict[str, Any]) -> Entry:
    """One bangumi-data item as an entry."""
    ids, streaming = _sites(item.get("sites") or [], meta)
    bgm = [i for i in ids if i.startswith("bgm:")]
    key = bgm[0] if bgm else "bgmx:" + _digest(item["title"], item.get("begin") or "")
    return Entry(
        source=SOURCE,
        key=key,
        title=item["title"],
        titles=_titles(item),
        kind=KINDS.get(item["type"], "tv"),
        first_aired=_date(item.get("begin")),
        last_aired=_date(item.get("end")),
        ids=tuple(ids),
        streaming=tuple(streaming),
    )


def _titles(item: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The original title (its `lang`) and every translation."""
    out = [(item["title"], item.get("lang") or "ja")]
    for lang, values in (item.get("titleTranslate") or {}).items():
        out.extend((v, lang) for v in values or () if isinstance(v, str) and v.strip())
    return tuple(dict.fromkeys(out))


def _sites(sites: list[Any], meta: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Info-site ids (`mal:52034`) and streaming site names (`Netflix`) of an item."""
    ids: list[str] = []
    streaming: list[str] = []
    for s in sites:
        if not isinstance(s, dict) or "site" not in s:
            continue
        site = s["site"]
        if site in INFO_SITES and s.get("id"):
            ids.append(f"{INFO_SITES[site]}:{s['id']}")
        elif (meta.get(site) or {}).get("type") == "onair":
            streaming.append(meta[site].get("title") or site)
    return list(dict.fromkeys(ids)), list(dict.fromkeys(streaming))


def _date(value: Any) -> str | None:
    """`2023-04-12T14:00:00.000Z` -> `2023-04-12` (the UTC date is the Japanese broadcast day,
    since late-night slots such as 25:00 JST fall on the same UTC day)."""
    if not isinstance(value, str) or len(value) < 4:
        return None
    return value[:10]


def _digest(*parts: str) -> str:
    """Short stable hash for items without a bangumi id."""
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]
