"""The facts file: hand-checked studios, characters and extra titles per franchise (YAML or JSON).

Format (see ``kb/data/facts.yaml``)::

    attribution: "..."
    franchises:
      - id: oshi-no-ko                 # franchise id to use
        name: Oshi no Ko               # display name
        match: ["【推しの子】"]          # titles that find the franchise among imported works
        aliases: ["Oshi no Ko"]        # extra titles for the linker (whole franchise)
        studios: ["Doga Kobo"]         # franchise-level studios
        seasons: {1: {studios: ["Doga Kobo"], titles: ["..."]}}
        films: {studios: ["..."]}      # studios of the franchise's films, when all share them
        characters: [{name: Ai Hoshino, aliases: [Ai], gender: female, role: "idol"}]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from seasoncheck.kb.errors import KBFormatError
from seasoncheck.kb.seasons import title_key

SOURCE = "facts"
PACKAGED_FACTS = "facts.yaml"
GENDERS = ("male", "female", "other")


@dataclass(frozen=True)
class CharacterFacts:
    """One character of the facts file."""

    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class FranchiseFacts:
    """What the facts file says about one franchise."""

    id: str
    name: str
    match: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    studios: tuple[str, ...] = ()
    seasons: dict[int, tuple[str, ...]] = field(default_factory=dict)
    season_titles: dict[int, tuple[str, ...]] = field(default_factory=dict)
    film_studios: tuple[str, ...] = ()
    characters: tuple[CharacterFacts, ...] = ()

    def season_studios(self, number: int | None, kind: str) -> tuple[str, ...]:
        """Studios of TV season ``number`` (or of a film), when the file says."""
        if number is not None:
            return self.seasons.get(number, ())
        return self.film_studios if kind == "movie" else ()

    def title_keys(self) -> set[str]:
        """Title keys that identify this franchise among imported works."""
        return {k for k in (title_key(t) for t in (*self.match, self.name)) if k}


@dataclass(frozen=True)
class Facts:
    """The whole facts file."""

    franchises: tuple[FranchiseFacts, ...] = ()
    attribution: tuple[str, ...] = ()

    def match(self, keys: Iterable[str]) -> FranchiseFacts | None:
        """The facts franchise one of these title keys identifies, if any."""
        index = self._index()
        for k in keys:
            if k in index:
                return index[k]
        return None

    def _index(self) -> dict[str, FranchiseFacts]:
        """Title key -> franchise facts (built per call; the file is small)."""
        cached = self.__dict__.get("_idx")
        if cached is None:
            cached = {k: ff for ff in self.franchises for k in ff.title_keys()}
            object.__setattr__(self, "_idx", cached)
        return cached


def load_facts(path: Path | None = None) -> Facts:
    """The facts file at ``path``, or the one shipped in the package."""
    if path is None:
        return _packaged_facts()
    return parse_facts(path.read_text("utf-8"), origin=str(path))


@lru_cache(maxsize=1)
def _packaged_facts() -> Facts:
    """The packaged facts file, parsed once per process."""
    text = resources.files("seasoncheck.kb.data").joinpath(PACKAGED_FACTS).read_text("utf-8")
    return parse_facts(text, origin=f"package:{PACKAGED_FACTS}")


def parse_facts(text: str, origin: str = "facts") -> Facts:
    """Parse a facts document (YAML, which also reads JSON); KBFormatError names what is wrong."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster when present
    try:
        doc = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader either way
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise KBFormatError(
            f"{origin}: invalid YAML/JSON{where}: {getattr(exc, 'problem', exc)}"
        ) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("franchises"), list):
        raise KBFormatError(f"{origin}: not a facts file (no top-level 'franchises' list)")
    items = [_franchise(d, f"{origin}: franchises[{i}]") for i, d in enumerate(doc["franchises"])]
    ids = [f.id for f in items]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise KBFormatError(f"{origin}: duplicate franchise id(s): {', '.join(dupes)}")
    attribution = doc.get("attribution") or ()
    return Facts(
        tuple(items), (attribution,) if isinstance(attribution, str) else tuple(attribution)
    )


def _franchise(d: Any, where: str) -> FranchiseFacts:
    """One franchise record, checked."""
    if not isinstance(d, dict):
        raise KBFormatError(f"{where}: not a mapping")
    for f in ("id", "name"):
        if not isinstance(d.get(f), str) or not d[f].strip():
            raise KBFormatError(f"{where}: missing or empty '{f}'")
    seasons, season_titles = _seasons(d.get("seasons") or {}, f"{where} ({d['id']})")
    return FranchiseFacts(
        id=d["id"],
        name=d["name"],
        match=_strings(d.get("match"), f"{where}.match"),
        aliases=_strings(d.get("aliases"), f"{where}.aliases"),
        studios=_strings(d.get("studios"), f"{where}.studios"),
        seasons=seasons,
        season_titles=season_titles,
        film_studios=_strings((d.get("films") or {}).get("studios"), f"{where}.films.studios"),
        characters=tuple(
            _character(c, f"{where}.characters[{i}]")
            for i, c in enumerate(d.get("characters") or [])
        ),
    )


def _seasons(d: Any, where: str) -> tuple[dict[int, tuple[str, ...]], dict[int, tuple[str, ...]]]:
    """`{2: {studios: [...], titles: [...]}}` -> (studios by season, titles by season)."""
    if not isinstance(d, dict):
        raise KBFormatError(f"{where}: 'seasons' must map season numbers to details")
    studios: dict[int, tuple[str, ...]] = {}
    titles: dict[int, tuple[str, ...]] = {}
    for k, v in d.items():
        try:
            n = int(k)
        except (TypeError, ValueError):
            raise KBFormatError(f"{where}: season key {k!r} is not a number") from None
        v = v or {}
        studios[n] = _strings(v.get("studios"), f"{where}.seasons.{n}.studios")
        titles[n] = _strings(v.get("titles"), f"{where}.seasons.{n}.titles")
    return studios, titles


def _character(c: Any, where: str) -> CharacterFacts:
    """One character record, checked."""
    if not isinstance(c, dict) or not isinstance(c.get("name"), str):
        raise KBFormatError(f"{where}: a character needs a 'name'")
    gender = c.get("gender")
    if gender is not None and gender not in GENDERS:
        raise KBFormatError(f"{where}: gender must be one of {', '.join(GENDERS)}, not {gender!r}")
    return CharacterFacts(
        c["name"], _strings(c.get("aliases"), f"{where}.aliases"), gender, c.get("role")
    )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    """A list of strings (or one string) as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KBFormatError(f"{where}: expected a list of strings")
    return tuple(value)


def merge_facts(base: Facts, extra: Facts | None) -> Facts:
    """``base`` with ``extra``'s franchises added; an id in both takes ``extra``'s record."""
    if extra is None:
        return base
    ids = {f.id for f in extra.franchises}
    kept = tuple(f for f in base.franchises if f.id not in ids)
    attribution = tuple(dict.fromkeys([*base.attribution, *extra.attribution]))
    return Facts(kept + extra.franchises, attribution)
