"""Works: entries of every source merged when they share a MAL or AniList id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from seasoncheck.kb.entries import MERGE_ID_SITES, WORK_ID_SITES, Entry, tmdb_season, tmdb_series
from seasoncheck.kb.seasons import Markers, parse_markers, stem_of, title_key

# Source order when two sources disagree on a field: bangumi-data has exact broadcast dates and
# kinds, AOD has episodes and studios; the facts file overrides both (applied later).
SOURCE_RANK = {"bangumi-data": 0, "aod": 1}
# Title languages whose season markers are trusted first (x-jat = romaji, AOD's main title).
PRIMARY_LANGS = ("ja", "en", "x-jat")
# Translations read for markers when the primary titles have none (bangumi-data has 1-5 per item).
FALLBACK_TITLES = 6


@dataclass
class Work:
    """One season, film, OVA or special, merged over sources."""

    id: str
    entries: list[Entry]
    title: str
    titles: list[tuple[str, str]]
    kind: str
    first_aired: str | None
    last_aired: str | None
    episodes: int | None
    status: str | None
    ids: list[str]
    studios: list[str]
    streaming: list[str]
    related: list[str]
    fact_sources: dict[str, str] = field(default_factory=dict)
    markers: Markers = field(default_factory=Markers)
    number: int | None = None
    part: int | None = None
    _keys: set[str] | None = field(default=None, repr=False)

    @property
    def sources(self) -> tuple[str, ...]:
        """The data sets this work came from."""
        return tuple(dict.fromkeys(e.source for e in self.entries))

    @property
    def tv_like(self) -> bool:
        """TV or web series (the kinds that get season numbers)."""
        return self.kind in ("tv", "web")

    @property
    def tmdb_series(self) -> str | None:
        """The TMDB TV series id shared by the seasons of a show, if any."""
        return next((s for e in self.entries if (s := tmdb_series(e))), None)

    @property
    def tmdb_season(self) -> int | None:
        """TMDB's season number for this entry (0 = TMDB's specials)."""
        return next((s for e in self.entries if (s := tmdb_season(e)) is not None), None)

    @property
    def tmdb_is_movie(self) -> bool:
        """True when TMDB files this entry as a film (a TV broadcast of a film, a compilation)."""
        return any(v.startswith("movie/") for e in self.entries for v in e.id_values("tmdb"))

    @cached_property
    def primary_titles(self) -> list[str]:
        """Each entry's original title plus Japanese, English and romaji ones: the titles that
        group works and carry trusted season markers (translations and AOD's synonyms in every
        script do not: "Season 2" is a synonym of many shows)."""
        out = [e.titles[0][0] for e in self.entries if e.titles]
        out += [t for t, lang in self.titles if lang in PRIMARY_LANGS]
        return list(dict.fromkeys(out))

    def title_keys(self) -> set[str]:
        """Grouping keys of the primary titles and of their stems (computed once)."""
        if self._keys is None:
            out = {title_key(t) for t in self.primary_titles}
            out |= {title_key(stem_of(t)) for t in self.primary_titles}
            out.discard("")
            self._keys = out
        return self._keys


class _UnionFind:
    """Minimal union-find over ints."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """Root of ``i``, with path halving."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge_entries(entries: Iterable[Entry]) -> list[Work]:
    """Merge entries that share a MAL or AniList id into works, in first-air order."""
    items = sorted(
        entries, key=lambda e: (SOURCE_RANK.get(e.source, 9), e.first_aired or "9999", e.key)
    )
    uf = _UnionFind(len(items))
    owner: dict[str, int] = {}
    for i, e in enumerate(items):
        for ext in e.ids:
            if ext.split(":", 1)[0] in MERGE_ID_SITES:
                if ext in owner:
                    uf.union(owner[ext], i)
                else:
                    owner[ext] = i
    groups: dict[int, list[Entry]] = {}
    for i, e in enumerate(items):
        groups.setdefault(uf.find(i), []).append(e)
    works = [build_work(g) for g in groups.values()]
    works.sort(key=lambda w: (w.first_aired or "9999", w.id))
    return works


def build_work(entries: list[Entry]) -> Work:
    """One work from its entries (already in source-rank, air-date order)."""
    first = entries[0]
    ids = list(dict.fromkeys(i for e in entries for i in e.ids))
    dated = [e.first_aired for e in entries if e.first_aired]
    precise = [d for d in dated if len(d) == 10] or dated
    ends = [e.last_aired for e in entries if e.last_aired]
    facts = {"title": first.source, "kind": first.source}
    if precise:
        facts["first_aired"] = next(e.source for e in entries if e.first_aired in precise)
    work = Work(
        id=work_id(ids, first),
        entries=entries,
        title=first.title,
        titles=list(dict.fromkeys(t for e in entries for t in e.titles)),
        kind=first.kind,
        first_aired=min(precise) if precise else None,
        last_aired=max(ends) if ends else None,
        episodes=next((e.episodes for e in entries if e.episodes), None),
        status=next((e.status for e in entries if e.status), None),
        ids=ids,
        studios=list(dict.fromkeys(s for e in entries for s in e.studios)),
        streaming=list(dict.fromkeys(s for e in entries for s in e.streaming)),
        related=list(dict.fromkeys(r for e in entries for r in e.related)),
        fact_sources=facts,
    )
    _note_sources(work)
    translations = [t for t, lang in work.titles if lang and lang not in PRIMARY_LANGS]
    work.markers = combined_markers(work.primary_titles, translations)
    return work


def _note_sources(work: Work) -> None:
    """Record which source gave episodes, status, studios, streaming and the last air date."""
    for name in ("episodes", "status", "studios", "streaming", "last_aired"):
        src = [e.source for e in work.entries if getattr(e, name)]
        if src:
            work.fact_sources[name] = "+".join(dict.fromkeys(src))


def work_id(ids: list[str], first: Entry) -> str:
    """A work's id: its MAL id, else AniList, AniDB, bangumi, Kitsu; else the entry key."""
    for site in WORK_ID_SITES:
        values = sorted((i for i in ids if i.startswith(site + ":")), key=_id_sort)
        if values:
            return values[0]
    return first.key


def _id_sort(ext: str) -> tuple[int, str]:
    """Numeric ids in numeric order."""
    value = ext.split(":", 1)[1]
    return (int(value), "") if value.isdigit() else (1 << 62, value)


def combined_markers(primary_titles: list[str], other_titles: list[str]) -> Markers:
    """Markers over a work's titles: original/English/romaji first, translations only as fallback.

    bangumi-data's Chinese titles number split cours as seasons (`无职转生 第二季` for
    `無職転生(第2クール)`, officially Part 2 of season 1), so they count only when the
    original and English titles carry no marker at all, and only the first few of them.
    """
    primary = [parse_markers(t) for t in primary_titles]
    if any(m.season or m.part or m.final or m.special for m in primary):
        return _combine(primary)
    fallback = [parse_markers(t) for t in other_titles[:FALLBACK_TITLES]]
    if any(m.season or m.part or m.final or m.special for m in fallback):
        return _combine(fallback)
    return _combine(primary or fallback)


def _combine(parsed: list[Markers]) -> Markers:
    """One Markers from several titles' markers.

    The season comes from the first title that has one, with that title's own part; a part
    from another title is dropped then (`亜人(第2クール)` is `Ajin: Season 2`). Without an
    explicit season, a numbered part (`Part 3`) beats a 前編/後編 word.
    """
    if not parsed:
        return Markers()
    with_season = next((m for m in parsed if m.season), None)
    if with_season is not None:
        part = with_season.part
    else:
        part = next((m.part for m in parsed if m.part and not m.part_word), None)
        part = part or next((m.part for m in parsed if m.part), None)
    return Markers(
        season=with_season.season if with_season else None,
        part=part,
        final=any(m.final for m in parsed),
        special=any(m.special for m in parsed),
        stem=parsed[0].stem,
    )
