"""Group works into franchises and number their TV seasons.

Grouping, strongest evidence first: a shared TMDB TV series id (bangumi-data gives every Oshi no Ko
season `tv/203737`), equal title stems once season markers are removed, a stem that starts with
another franchise's title (films: `劇場版 呪術廻戦 0`), and AOD's untyped relations when the two
titles also look alike. Two groups whose main TV entries carry *different* TMDB series never
merge (spin-offs such as `文豪ストレイドッグス わん！`), and a group never grows beyond
``MAX_FRANCHISE_WORKS`` so that a sprawling "related" web cannot swallow unrelated shows.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from seasoncheck.kb.seasons import normalise_spaces, stem_of, title_key
from seasoncheck.kb.works import Work, _UnionFind

log = logging.getLogger(__name__)

# Largest franchise we build. Detective Conan (TV + 28 films + OVAs + specials) is the biggest real
# one in bangumi-data at about 70 works; anything far above is a relation web gone wrong.
MAX_FRANCHISE_WORKS = 150
# Shortest title key a film/special may be attached to by prefix ("推しの子" is 4; "ONE" is not enough).
MIN_PREFIX_KEY = 3
MIN_PREFIX_KEY_LATIN = 5
# Two AOD-related entries join only when their stems are this similar (rapidfuzz partial_ratio,
# 0-100): sequels share the series name, while "related" crossovers and adaptations do not.
RELATED_MIN_SIMILARITY = 80
# Separators after which a title prefix counts as a whole title ("鬼滅の刃 無限列車編", "Blue Lock: ...").
_BOUNDARY = re.compile(r"[\s:~〜\-–(（!！?？・/]")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@dataclass
class Group:
    """Works of one franchise while grouping."""

    works: list[Work] = field(default_factory=list)
    tmdb: set[str] = field(default_factory=set)


def group_works(works: list[Work]) -> list[list[Work]]:
    """Works grouped into franchises (each list in air order), largest evidence first."""
    grouper = _Grouper(works)
    grouper.join_by_tmdb()
    grouper.join_by_stem()
    grouper.join_by_prefix()
    grouper.join_by_relations()
    return grouper.groups()


class _Grouper:
    """Union-find over works with a cannot-link rule (different TMDB series) and a size bound."""

    def __init__(self, works: list[Work]) -> None:
        self.works = works
        self.uf = _UnionFind(len(works))
        self.size = [1] * len(works)
        self.tmdb: list[set[str]] = [{s} if (s := main_tmdb(w)) else set() for w in works]

    def union(self, a: int, b: int) -> bool:
        """Join two works' groups unless their TMDB series differ or the group gets too big."""
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return True
        if self.tmdb[ra] and self.tmdb[rb] and not self.tmdb[ra] & self.tmdb[rb]:
            return False
        if self.size[ra] + self.size[rb] > MAX_FRANCHISE_WORKS:
            log.debug(
                "not joining %s and %s: franchise too large", self.works[a].id, self.works[b].id
            )
            return False
        self.uf.union(ra, rb)
        root = self.uf.find(ra)
        self.size[root] = self.size[ra] + self.size[rb]
        self.tmdb[root] = self.tmdb[ra] | self.tmdb[rb]
        return True

    def join_by_tmdb(self) -> None:
        """Works on the same TMDB TV series are one franchise."""
        first: dict[str, int] = {}
        for i, w in enumerate(self.works):
            s = w.tmdb_series
            if s:
                self.union(first.setdefault(s, i), i)

    def join_by_stem(self) -> None:
        """Works whose titles have equal stems (season markers removed) are one franchise."""
        first: dict[str, int] = {}
        for i, w in enumerate(self.works):
            for k in w.title_keys():
                if len(k) >= MIN_PREFIX_KEY:
                    self.union(first.setdefault(k, i), i)

    def join_by_prefix(self) -> None:
        """A title that starts with another work's whole title, then a separator, joins it."""
        bases: dict[str, int] = {}
        for i, w in enumerate(self.works):
            if w.tv_like:
                for k in w.title_keys():
                    bases.setdefault(k, i)
        for i, w in enumerate(self.works):
            for t in w.primary_titles:
                j = self._longest_prefix_base(t, bases, i)
                if j is not None:
                    self.union(j, i)

    def _longest_prefix_base(self, title: str, bases: dict[str, int], me: int) -> int | None:
        """The work whose title is the longest whole-title prefix of ``title``."""
        stem = stem_of(title)
        for prefix in reversed(list(_prefixes(stem))):
            key = title_key(prefix)
            j = bases.get(key)
            if j is not None and j != me and _prefix_ok(prefix, key):
                return j
        return None

    def join_by_relations(self) -> None:
        """AOD relations join works only when their stems are alike (bounded related web)."""
        by_id = {ext: i for i, w in enumerate(self.works) for ext in w.ids}
        for i, w in enumerate(self.works):
            for rel in w.related:
                j = by_id.get(rel)
                if j is not None and j != i and _alike(w, self.works[j]):
                    self.union(i, j)

    def groups(self) -> list[list[Work]]:
        """The groups, each in air order, ordered by their first work."""
        out: dict[int, list[Work]] = {}
        for i, w in enumerate(self.works):
            out.setdefault(self.uf.find(i), []).append(w)
        return list(out.values())


def main_tmdb(work: Work) -> str | None:
    """The TMDB series of a main TV entry (not a special, not a TMDB season 0 item)."""
    if not work.tv_like or work.markers.special or work.tmdb_season == 0:
        return None
    return work.tmdb_series


def _prefixes(stem: str) -> Iterator[str]:
    """Prefixes of a stem that end just before a separator."""
    for m in _BOUNDARY.finditer(stem):
        if m.start() > 0:
            yield stem[: m.start()]


def _prefix_ok(prefix: str, key: str) -> bool:
    """Long enough to be a title of its own: 3+ CJK key chars, 5+ Latin ones."""
    minimum = MIN_PREFIX_KEY if _CJK.search(prefix) else MIN_PREFIX_KEY_LATIN
    return len(key) >= minimum


def _alike(a: Work, b: Work) -> bool:
    """Two works' main stems are similar enough for a relation to join them."""
    return fuzz.partial_ratio(_folded_stem(a), _folded_stem(b)) >= RELATED_MIN_SIMILARITY


def _folded_stem(w: Work) -> str:
    """The work's main stem, NFKC and case-folded (kept on the work)."""
    folded = w.__dict__.get("_folded_stem")
    if folded is None:
        folded = w.__dict__["_folded_stem"] = normalise_spaces(w.markers.stem).casefold()
    return folded
