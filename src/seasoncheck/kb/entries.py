"""Source-neutral KB entries: what every importer (bangumi-data, AOD) turns its records into."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# External id prefixes and the page URL each maps to (the AOD `sources` form, the natural kb_id).
ID_URLS = {
    "mal": "https://myanimelist.net/anime/{}",
    "anilist": "https://anilist.co/anime/{}",
    "anidb": "https://anidb.net/anime/{}",
    "kitsu": "https://kitsu.app/anime/{}",
    "anime-planet": "https://www.anime-planet.com/anime/{}",
    "anisearch": "https://www.anisearch.com/anime/{}",
    "livechart": "https://www.livechart.me/anime/{}",
    "simkl": "https://simkl.com/anime/{}",
    "animecountdown": "https://animecountdown.com/{}",
    "ann": "https://www.animenewsnetwork.com/encyclopedia/anime.php?id={}",
    "bgm": "https://bgm.tv/subject/{}",
    "tmdb": "https://www.themoviedb.org/{}",
}
# Ids that identify the same work across sources: MAL and AniList (what AOD shares with
# bangumi-data); bangumi ids also join the dubbed and original broadcasts of one show.
MERGE_ID_SITES = ("mal", "anilist", "bgm")
# Preference for a work's own id, most widely used first.
WORK_ID_SITES = ("mal", "anilist", "anidb", "bgm", "kitsu")


@dataclass(frozen=True)
class Entry:
    """One record of one source: a season, film, OVA or special, with everything the KB keeps."""

    source: str  # bangumi-data | aod
    key: str  # unique within the source, stable across releases ("bgm:386809", "mal:52034")
    title: str
    titles: tuple[tuple[str, str], ...] = ()  # (title, language) incl. the main title; "" = unknown
    kind: str = "tv"  # tv | web | movie | ova | special
    first_aired: str | None = None  # YYYY-MM-DD, or YYYY-MM / YYYY when that is all the source has
    last_aired: str | None = None
    episodes: int | None = None
    status: str | None = None  # finished | airing | upcoming | unknown (when the source says)
    ids: tuple[str, ...] = ()  # "mal:52034", "anilist:150672", "tmdb:tv/203737", ...
    studios: tuple[str, ...] = ()
    streaming: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # ids of related entries ("mal:55791"), untyped
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def id_values(self, site: str) -> list[str]:
        """The entry's ids on one site ("mal" -> ["52034"])."""
        prefix = site + ":"
        return [i[len(prefix) :] for i in self.ids if i.startswith(prefix)]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-ready) of the entry."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entry:
        """An entry back from ``to_dict``."""
        d = dict(d)
        d["titles"] = tuple(tuple(t) for t in d.get("titles", ()))
        for k in ("ids", "studios", "streaming", "related"):
            d[k] = tuple(d.get(k, ()))
        return cls(**d)


def id_url(ext_id: str) -> str:
    """`mal:52034` -> `https://myanimelist.net/anime/52034` (unknown sites unchanged)."""
    site, _, value = ext_id.partition(":")
    template = ID_URLS.get(site)
    return template.format(value) if template else ext_id


def tmdb_series(entry: Entry) -> str | None:
    """The entry's TMDB TV series (`tv/203737`), ignoring season/episode suffixes; None for films."""
    for value in entry.id_values("tmdb"):
        parts = value.split("/")
        if len(parts) >= 2 and parts[0] == "tv":
            return "tv/" + parts[1]
    return None


def tmdb_season(entry: Entry) -> int | None:
    """The TMDB season number (`tv/1429/season/2` -> 2; season 0 holds specials)."""
    for value in entry.id_values("tmdb"):
        parts = value.split("/")
        if len(parts) >= 4 and parts[0] == "tv" and parts[2] == "season" and parts[3].isdigit():
            return int(parts[3])
    return None
