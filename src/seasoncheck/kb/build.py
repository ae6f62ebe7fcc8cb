"""Assemble a KnowledgeBase from entries and facts: works -> franchises -> numbered seasons -> titles."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from seasoncheck.kb.entries import Entry, id_url
from seasoncheck.kb.facts import Facts, FranchiseFacts
from seasoncheck.kb.franchises import group_works
from seasoncheck.kb.model import Character, Franchise, KBSeason, KnowledgeBase, TitleEntry
from seasoncheck.kb.numbering import number_seasons
from seasoncheck.kb.perf import gc_paused
from seasoncheck.kb.seasons import normalise_spaces, parse_markers, strip_brackets, title_key
from seasoncheck.kb.works import Work, merge_entries

log = logging.getLogger(__name__)

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
# Longest franchise id slug; longer English titles are cut at a word boundary.
MAX_SLUG = 48


def build_kb(
    entries: Iterable[Entry], facts: Facts | None = None, attribution: Iterable[str] = ()
) -> KnowledgeBase:
    """The knowledge base of these entries, with the facts file applied.

    Example::

        kb = build_kb(read_bangumi_file(Path("data.json")).entries, load_facts())
        kb.season("oshi-no-ko", 2).first_aired  # '2024-07-03'
    """
    with gc_paused():
        return _build(entries, facts or Facts(), attribution)


def _build(entries: Iterable[Entry], facts: Facts, attribution: Iterable[str]) -> KnowledgeBase:
    """``build_kb`` without the GC pause."""
    works = merge_entries(entries)
    groups = group_works(works)
    for g in groups:
        number_seasons(g)
    groups.sort(key=lambda g: (min((w.first_aired or "9999") for w in g), g[0].id))
    used_facts: set[str] = set()
    franchises: dict[str, Franchise] = {}
    titles: list[TitleEntry] = []
    for g in groups:
        ff = facts.match(title_key(t) for w in g for t, _ in w.titles)
        if ff is not None and ff.id in used_facts:
            ff = None  # the facts franchise already went to an earlier group with the same title
        fid = ff.id if ff else _unique_id(franchise_slug(g), franchises)
        franchise, ftitles = assemble_franchise(fid, g, ff)
        if ff:
            used_facts.add(ff.id)
        franchises[fid] = franchise
        titles.extend(ftitles)
    for ff in facts.franchises:
        if ff.id not in used_facts and ff.id not in franchises:
            franchise, ftitles = assemble_franchise(ff.id, [], ff)
            franchises[ff.id] = franchise
            titles.extend(ftitles)
    attr = tuple(dict.fromkeys([*attribution, *facts.attribution]))
    log.info(
        "built KB: %d works, %d franchises, %d titles", len(works), len(franchises), len(titles)
    )
    return KnowledgeBase(franchises=franchises, titles=titles, attribution=attr)


def assemble_franchise(
    fid: str, works: list[Work], ff: FranchiseFacts | None
) -> tuple[Franchise, list[TitleEntry]]:
    """One Franchise (seasons, titles, studios, characters) and its title entries."""
    seasons = tuple(kb_season(fid, w, ff) for w in works)
    base = base_keys(works, ff)
    tentries = title_entries(fid, works, base, ff)
    name = ff.name if ff else display_name(works)
    studios = list(ff.studios) if ff else []
    for s in seasons:
        studios.extend(x for x in s.studios if x not in studios)
    characters = (
        tuple(Character(fid, c.name, c.aliases, c.gender, c.role, "facts") for c in ff.characters)
        if ff
        else ()
    )
    all_titles = tuple(dict.fromkeys([name, *(t.title for t in tentries)]))
    franchise = Franchise(fid, name, all_titles, seasons, tuple(studios), characters)
    return franchise, tentries


def kb_season(fid: str, w: Work, ff: FranchiseFacts | None) -> KBSeason:
    """A work as the KB season the rest of the program reads."""
    studios = list(w.studios)
    fact_sources = dict(w.fact_sources)
    fact_studios = ff.season_studios(w.number, w.kind) if ff else ()
    if fact_studios:
        studios, fact_sources["studios"] = list(fact_studios), "facts"
    return KBSeason(
        id=w.id,
        franchise_id=fid,
        title=w.title,
        number=w.number,
        kind=w.kind,
        first_aired=w.first_aired,
        last_aired=w.last_aired,
        episodes=w.episodes,
        status=w.status,
        studios=tuple(studios),
        streaming=tuple(w.streaming),
        external_ids=tuple(id_url(i) for i in w.ids),
        part=w.part,
        sources=tuple(dict.fromkeys([*w.sources, *(["facts"] if fact_studios else [])])),
        fact_sources=tuple(sorted(fact_sources.items())),
    )


def base_keys(works: list[Work], ff: FranchiseFacts | None) -> set[str]:
    """Title keys that name the franchise as a whole: season 1's titles and stems, facts aliases."""
    first = [w for w in works if w.number == 1] or works[:1]
    keys = {
        title_key(f) for w in first for t, lang in w.titles for f in surface_forms(t, bool(lang))
    }
    if ff:
        keys |= {title_key(t) for t in (ff.name, *ff.aliases, *ff.match)}
    keys.discard("")
    return keys


def title_entries(
    fid: str, works: list[Work], base: set[str], ff: FranchiseFacts | None
) -> list[TitleEntry]:
    """Every useful surface form of every title, with the season it names (if any)."""
    claims: dict[str, set[tuple[int | None, str]]] = {}
    forms: dict[str, str] = {}
    for w in works:
        for t, lang in w.titles:
            for form in surface_forms(t, bool(lang)):
                key = title_key(form)
                if key:
                    forms.setdefault(form, key)
                    claims.setdefault(key, set()).add((w.number, w.id))
    out = [TitleEntry(form, fid, *_resolve(key, claims[key], base)) for form, key in forms.items()]
    if ff:
        seen = set(forms)
        for alias in (ff.name, *ff.aliases):
            if alias not in seen:
                out.append(TitleEntry(alias, fid, None, None))
                seen.add(alias)
        for number, names in ff.season_titles.items():
            out.extend(TitleEntry(n, fid, number, None) for n in names if n not in seen)
    return out


def _resolve(
    key: str, claims: set[tuple[int | None, str]], base: set[str]
) -> tuple[int | None, str | None]:
    """(season, work id) a title key names: None/None for the franchise's own title."""
    if key in base:
        return None, None
    numbered = {n for n, _ in claims if n is not None}
    if len(numbered) == 1:
        number = numbered.pop()
        ids = {i for n, i in claims if n == number}
        return number, ids.pop() if len(ids) == 1 else None
    if numbered:
        return None, None
    ids = {i for _, i in claims}
    return None, ids.pop() if len(ids) == 1 else None


@lru_cache(maxsize=1 << 18)
def surface_forms(title: str, with_stem: bool = True) -> tuple[str, ...]:
    """The title, its bracket-stripped form and its stem (markers removed), distinct.

    AOD's untagged synonyms (``with_stem=False``) skip the stem: parsing markers in every one
    of them tripled the import time, and their stems repeat the main titles' anyway.
    """
    clean = normalise_spaces(title)
    forms = [title, clean, strip_brackets(clean)]
    if with_stem:
        forms.append(parse_markers(title).stem)
    return tuple(f for f in dict.fromkeys(forms) if f.strip())


def display_name(works: list[Work]) -> str:
    """English (or romaji) name of the franchise's first season, else its original title."""
    first = ([w for w in works if w.number == 1] or works)[0]
    for lang in ("en", "x-jat"):
        names = [parse_markers(t).stem for t, tl in first.titles if tl == lang]
        names = [n for n in names if n]
        if names:
            mixed = [n for n in names if not n.isupper()]
            return (mixed or [_decap(names[0])])[0]
    return parse_markers(first.title).stem or first.title


def _decap(name: str) -> str:
    """`BUNGO STRAY DOGS` -> `Bungo Stray Dogs` (all-caps English titles read badly)."""
    return name.title() if name.isupper() and len(name) > 4 else name


def franchise_slug(works: list[Work]) -> str:
    """A readable id from the English/romaji name (`oshi-no-ko`), else the first work's id."""
    name = display_name(works)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = _SLUG_DROP.sub("-", ascii_name).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    first = ([w for w in works if w.number == 1] or works)[0]
    return slug if len(slug) >= 2 else first.id.replace(":", "-")


def _unique_id(slug: str, taken: dict[str, Franchise]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... when taken."""
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"
