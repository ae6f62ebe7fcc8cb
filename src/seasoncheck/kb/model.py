"""In-memory knowledge base: franchises, their numbered seasons, titles, studios and characters.

This is the interface the linker, the claim extractor and the verdicts read. How it is filled
(bangumi-data, anime-offline-database, the facts file, the store) is the business of the
importers in this package.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KBSeason:
    """One KB entry of a franchise: a numbered TV season, or an unnumbered film/OVA/special."""

    id: str  # stable work id, e.g. "mal:55791" or "bgm:443428"
    franchise_id: str
    title: str  # the entry's main title as the source gives it
    number: int | None  # TV season number; None for films, OVAs, specials
    kind: str = "tv"  # tv | movie | ova | web | special
    first_aired: str | None = (
        None  # YYYY-MM-DD (or YYYY-MM / YYYY when that is all the source knows)
    )
    last_aired: str | None = None
    episodes: int | None = None
    status: str | None = None  # finished | airing | upcoming | unknown
    studios: tuple[str, ...] = ()
    streaming: tuple[str, ...] = ()
    external_ids: tuple[str, ...] = ()  # e.g. "https://myanimelist.net/anime/55791"
    part: int | None = None  # split-cour part within the season ("Part 2"), when known
    sources: tuple[str, ...] = ()  # which data sets each fact came from, e.g. ("bangumi-data",)
    # (field, data set) pairs: where each fact came from, e.g. (("first_aired", "bangumi-data"),
    # ("studios", "facts")); the data set is "a+b" when two agree.
    fact_sources: tuple[tuple[str, str], ...] = ()

    def source_of(self, fact: str) -> str | None:
        """The data set a field's value came from (``"first_aired"`` -> ``"bangumi-data"``)."""
        return dict(self.fact_sources).get(fact)


@dataclass(frozen=True)
class Character:
    """A character fact: used to catch articles that get a character wrong."""

    franchise_id: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None  # male | female | other | None
    role: str | None = None  # e.g. "protagonist", "mother of the twins"
    source: str = "facts"


@dataclass(frozen=True)
class Franchise:
    """A franchise: the unit articles talk about ("Oshi no Ko"), with its entries."""

    id: str
    name: str  # display name, English or romaji when known
    titles: tuple[str, ...] = ()  # every known title of the franchise (all scripts)
    seasons: tuple[KBSeason, ...] = ()
    studios: tuple[str, ...] = ()
    characters: tuple[Character, ...] = ()

    def season(self, number: int) -> KBSeason | None:
        """The first entry of TV season ``number`` (its first part), or None when not in the KB."""
        parts = [s for s in self.seasons if s.number == number]
        parts.sort(key=lambda s: (s.part or 1, s.first_aired or ""))
        return parts[0] if parts else None


@dataclass(frozen=True)
class TitleEntry:
    """One title the linker can match: a franchise title, or a season-specific title."""

    title: str
    franchise_id: str
    season: int | None = (
        None  # set when the title names one season ("... Season 2", "... Shippuden")
    )
    work_id: str | None = None


@dataclass
class KnowledgeBase:
    """Franchises by id plus the title list the linker builds its automata from."""

    franchises: dict[str, Franchise] = field(default_factory=dict)
    titles: list[TitleEntry] = field(default_factory=list)
    attribution: tuple[str, ...] = ()  # licence notices of the data sets it holds

    def franchise(self, franchise_id: str) -> Franchise | None:
        """A franchise by id."""
        return self.franchises.get(franchise_id)

    def season(self, franchise_id: str, number: int) -> KBSeason | None:
        """A franchise's TV season ``number``, or None."""
        f = self.franchises.get(franchise_id)
        return f.season(number) if f else None
