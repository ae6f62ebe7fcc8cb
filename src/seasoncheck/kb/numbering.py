"""Number a franchise's TV seasons from title markers and air order; films and specials get none.

Rules, in air order over the franchise's TV/web works:

- a special is left unnumbered: a compilation/recap/re-edit marker, TMDB's season 0, a TV entry
  TMDB files as a film, a TV version of one of the franchise's films (`鬼滅の刃 無限列車編`), or a
  one-day broadcast without any season marker;
- a web series beside a TV series is a spin-off unless titled like it; TMDB's season 0 wins
  over a season marker (`ぷれぷれぷれあです2`);
- an explicit number (`第2期`, `Season 2`, `2nd season`, `II`) is taken as is. When it skips a
  number and the previous season has a later cour, that cour was the missing season
  (`文豪ストレイドッグス(第2クール)` is officially season 2, as `(第3シーズン)` follows);
- an explicit number below the latest season is a sub-series' own count, so a later part of
  the latest season;
- `Final Season` / `完結編` opens one season after the last and later final entries continue it;
- a cour marker (`第2クール`, `Part 2`, `後半クール`) continues the latest season as its part;
- anything else is a renamed sequel: the next number (`東京リベンジャーズ 聖夜決戦編` = season 2).
"""

from __future__ import annotations

from seasoncheck.kb.seasons import title_key
from seasoncheck.kb.works import Work


def number_seasons(works: list[Work]) -> None:
    """Set ``number`` and ``part`` on the franchise's works (in place)."""
    films: list[Work] = [w for w in works if w.kind == "movie"]
    tv_keys = {title_key(w.markers.stem) for w in works if w.kind == "tv"}
    state = _State()
    for w in sorted(works, key=lambda w: (w.first_aired or "9999", w.id)):
        w.number, w.part = None, None
        if _numbered_kind(w, tv_keys) and not is_special(w, _earlier_film_keys(films, w), state):
            state.place(w)
    _number_first_parts(works)


def _numbered_kind(w: Work, tv_keys: set[str]) -> bool:
    """TV works, and web works of web-only franchises or titled like the TV series.

    A web series beside a TV series is usually a chibi spin-off (`ぷれぷれぷれあです` of
    Overlord, `かげじつ！` of The Eminence in Shadow), not one of its seasons.
    """
    if w.kind == "tv":
        return True
    return w.kind == "web" and (not tv_keys or title_key(w.markers.stem) in tv_keys)


def _earlier_film_keys(films: list[Work], w: Work) -> set[str]:
    """Title keys of the franchise's films released before ``w`` (a TV cut follows its film)."""
    start = w.first_aired or "9999"
    return {k for f in films if (f.first_aired or "9999") < start for k in f.title_keys()}


def is_special(work: Work, film_keys: set[str], state: _State) -> bool:
    """True for TV/web works that are specials, compilations or TV cuts of a film."""
    m = work.markers
    if m.final:
        return False
    if work.tmdb_season == 0 and not m.part:
        return True  # TMDB files it under specials; a numbered title does not overrule that
    if m.season:
        return False
    if m.special or work.tmdb_is_movie:
        return True
    if title_key(m.stem) in film_keys and not m.part:
        return True
    one_day = work.first_aired is not None and work.first_aired == work.last_aired
    return one_day and state.current > 0 and not m.part


class _State:
    """Numbering state while walking a franchise in air order."""

    def __init__(self) -> None:
        self.current = 0
        self.final: int | None = None
        self.by_season: dict[int, list[Work]] = {}

    def place(self, w: Work) -> None:
        """Give one TV work its season number and part."""
        m = w.markers
        if m.season and m.season < self.current and self.by_season.get(self.current):
            # a sub-series' own numbering ("War of Underworld Season 2", "act II second season")
            number = self.current
        elif m.season:
            self._fill_gap(m.season)
            number = m.season
        elif m.final:
            number = self.final or self.current + 1
        elif m.part and m.part >= 2 and self.current:
            number = self.current
        else:
            number = self.current + 1
        w.number = number
        if m.final:
            self.final = self.final or number
        earlier = self.by_season.setdefault(number, [])
        if m.part:
            w.part = m.part
        elif earlier:
            w.part = max((e.part or 1) for e in earlier) + 1
        earlier.append(w)
        self.current = max(self.current, number)

    def _fill_gap(self, number: int) -> None:
        """Promote a later cour of the latest season when an explicit number skips one."""
        if number != self.current + 2:
            return
        parts = self.by_season.get(self.current, [])
        later = [w for w in parts if (w.part or 1) >= 2]
        if not later:
            return
        promoted = later[-1]
        parts.remove(promoted)
        promoted.number, promoted.part = self.current + 1, None
        self.by_season[self.current + 1] = [promoted]
        self.current += 1


def _number_first_parts(works: list[Work]) -> None:
    """The first cour of a season that has later parts is part 1."""
    by_season: dict[int, list[Work]] = {}
    for w in works:
        if w.number is not None:
            by_season.setdefault(w.number, []).append(w)
    for parts in by_season.values():
        if len(parts) > 1:
            for w in parts:
                w.part = w.part or 1
