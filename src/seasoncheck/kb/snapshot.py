"""A built KnowledgeBase as compact zstd-compressed JSON: the shipped demo KB and the store's fast-load copy.

Loading one blob (orjson + zstd) takes a few milliseconds for the demo KB and well under a
second for all of bangumi-data, against a dozen queries and a rebuild from the store tables.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson

from seasoncheck.kb.model import Character, Franchise, KBSeason, KnowledgeBase, TitleEntry
from seasoncheck.kb.perf import gc_paused

FORMAT_VERSION = 1
_SEASON_FIELDS = (
    "id", "title", "number", "kind", "first_aired", "last_aired", "episodes", "status",
    "studios", "streaming", "external_ids", "part", "sources", "fact_sources",
)  # fmt: skip
# An entry that started this many years ago and has no end date is of unknown status, not airing
# (bangumi-data leaves `end` empty for about 100 items, some long finished).
STALE_YEARS = 2


def kb_to_bytes(kb: KnowledgeBase, *, level: int = 19) -> bytes:
    """The KB as zstd-compressed JSON (level 19 for the shipped demo; 3 is fast for imports)."""
    import zstandard

    return zstandard.ZstdCompressor(level=level).compress(orjson.dumps(kb_to_dict(kb)))


def kb_from_bytes(blob: bytes, today: str | None = None) -> KnowledgeBase:
    """A KB back from ``kb_to_bytes``; season status derived from dates as of ``today``."""
    import zstandard

    return kb_from_dict(orjson.loads(zstandard.ZstdDecompressor().decompress(blob)), today)


def kb_to_dict(kb: KnowledgeBase) -> dict[str, Any]:
    """Plain, compact dict of the KB (seasons as lists in ``_SEASON_FIELDS`` order).

    A franchise's ``titles`` are not repeated: they are its title entries, plus ``extra_titles``.
    """
    listed = {t.title for t in kb.titles}
    return {
        "format": FORMAT_VERSION,
        "attribution": list(kb.attribution),
        "franchises": [_franchise_dict(f, listed) for f in kb.franchises.values()],
        "titles": [[t.title, t.franchise_id, t.season, t.work_id] for t in kb.titles],
    }


def _franchise_dict(f: Franchise, listed: set[str]) -> dict[str, Any]:
    """One franchise as a dict."""
    return {
        "id": f.id,
        "name": f.name,
        "extra_titles": [t for t in f.titles if t not in listed],
        "studios": list(f.studios),
        "characters": [[c.name, list(c.aliases), c.gender, c.role, c.source] for c in f.characters],
        "seasons": [[_plain(getattr(s, k)) for k in _SEASON_FIELDS] for s in f.seasons],
    }


def _plain(value: Any) -> Any:
    """Tuples (also nested) as lists for JSON."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def kb_from_dict(d: dict[str, Any], today: str | None = None) -> KnowledgeBase:
    """A KnowledgeBase from ``kb_to_dict`` output."""
    if d.get("format") != FORMAT_VERSION:
        raise ValueError(f"unsupported KB snapshot format {d.get('format')!r}")
    today = today or date.today().isoformat()
    with gc_paused():
        titles = [_title_entry(t, fid, season, work) for t, fid, season, work in d["titles"]]
        by_franchise: dict[str, list[str]] = {}
        for t, fid, _, _ in d["titles"]:
            by_franchise.setdefault(fid, []).append(t)
        franchises = {
            f["id"]: _franchise(f, by_franchise.get(f["id"], []), today) for f in d["franchises"]
        }
    return KnowledgeBase(franchises=franchises, titles=titles, attribution=tuple(d["attribution"]))


def _title_entry(title: str, fid: str, season: int | None, work: str | None) -> TitleEntry:
    """A TitleEntry without the frozen-dataclass ``__init__``: it sets each field through
    ``object.__setattr__``, which made building 200,000 of them (a KB with AOD) take seconds."""
    entry = object.__new__(TitleEntry)
    entry.__dict__.update(title=title, franchise_id=fid, season=season, work_id=work)
    return entry


def _franchise(f: dict[str, Any], titles: list[str], today: str) -> Franchise:
    """One Franchise from its dict."""
    fid = f["id"]
    seasons = tuple(_season(fid, row, today) for row in f["seasons"])
    chars = tuple(Character(fid, n, tuple(a), g, r, src) for n, a, g, r, src in f["characters"])
    all_titles = tuple(dict.fromkeys([*f["extra_titles"], *titles]))
    return Franchise(fid, f["name"], all_titles, seasons, tuple(f["studios"]), chars)


def _season(fid: str, row: list[Any], today: str) -> KBSeason:
    """One KBSeason from its list form (positional: this runs for every entry of the KB)."""
    (
        sid,
        title,
        number,
        kind,
        first,
        last,
        episodes,
        status,
        studios,
        streaming,
        ext,
        part,
        sources,
        fs,
    ) = row
    fact_sources = tuple((a, b) for a, b in fs)
    if status is None:
        status = derive_status(first, last, today)
        fact_sources += (("status", "dates"),)
    return KBSeason(
        sid, fid, title, number, kind, first, last, episodes, status, tuple(studios), tuple(streaming),
        tuple(ext), part, tuple(sources), fact_sources,
    )  # fmt: skip


def derive_status(first: str | None, last: str | None, today: str) -> str:
    """finished / airing / upcoming from broadcast dates (ISO strings compare by prefix)."""
    if not first:
        return "unknown"
    if first[:10] > today:
        return "upcoming"
    if last:
        return "finished" if last[:10] < today else "airing"
    return "airing" if first[:4] >= str(int(today[:4]) - STALE_YEARS) else "unknown"
