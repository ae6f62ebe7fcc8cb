"""``seasoncheck kb ...``: import, update, show and search the knowledge base."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from seasoncheck.cli.common import (
    DB_OPTION,
    FORMAT_OPTION,
    OutputFormat,
    app,
    console,
    fail,
    print_json,
)

if TYPE_CHECKING:
    from seasoncheck.kb.importer import ImportReport
    from seasoncheck.kb.model import Franchise, KBSeason

kb_app = typer.Typer(help="Knowledge base: import, update, show and search.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

# Exit code when a download fails (network, registry, integrity); input errors exit 2.
EXIT_DOWNLOAD = 1


class UpdateSource(StrEnum):
    """Where `kb update` downloads from."""

    bangumi = "bangumi"
    aod = "aod"


@kb_app.command("import")
def import_cmd(
    files: list[Path] = typer.Argument(
        ..., help="bangumi-data data.json/.tgz, AOD .json/.jsonl/.zst, or a facts .yaml/.json"
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Import KB files into the store, each in one transaction.

    Example: seasoncheck kb import bangumi-data-0.3.208.json
    """
    from seasoncheck.cli.common import open_store
    from seasoncheck.kb.errors import KBError
    from seasoncheck.kb.importer import import_file

    store = open_store(db)
    for path in files:
        try:
            report = import_file(store, path)
        except KBError as exc:
            fail(f"{exc} (the knowledge base was left as it was)")
        _print_report(report)


@kb_app.command("update")
def update_cmd(
    source: UpdateSource = typer.Option(
        UpdateSource.bangumi, "--source", help="bangumi (npm registry) or aod (GitHub release)."
    ),
    url: str | None = typer.Option(
        None,
        "--url",
        help="AOD file URL [env: SEASONCHECK_AOD_URL] or npm registry URL [env: SEASONCHECK_NPM_REGISTRY].",
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Download the latest release of a KB source, verify it and import it.

    Example: seasoncheck kb update  (bangumi-data from registry.npmjs.org)
    """
    from seasoncheck.cli.common import open_store
    from seasoncheck.kb.errors import KBDownloadError, KBError
    from seasoncheck.kb.update import update_aod, update_bangumi
    from seasoncheck.settings import Settings

    settings = Settings.from_env(db)
    store = open_store(db)
    try:
        if source is UpdateSource.aod:
            report = update_aod(store, settings, url)
        else:
            report = update_bangumi(store, settings, url)
    except KBDownloadError as exc:
        fail(f"{exc} (the knowledge base was left as it was)", EXIT_DOWNLOAD)
    except KBError as exc:
        fail(f"{exc} (the knowledge base was left as it was)")
    _print_report(report)


def _print_report(report: ImportReport) -> None:
    """One summary line plus a few example titles of each change."""
    console.print(report.summary(), highlight=False)
    for label, titles in (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
    ):
        if titles and len(titles) < report.entries:
            shown = ", ".join(titles[:5]) + (
                f", ... ({len(titles)} in all)" if len(titles) > 5 else ""
            )
            console.print(f"  {label}: {shown}", highlight=False)


@kb_app.command("show")
def show_cmd(
    query: str = typer.Argument(..., help="Franchise id or title (any language)."),
    db: str | None = DB_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show a franchise: each season with entry, air dates, episodes, status, studios and sources.

    Example: seasoncheck kb show "Oshi no Ko"
    """
    from seasoncheck.kb.search import find_franchise

    kb = _load(db)
    franchise = find_franchise(kb, query)
    if franchise is None:
        fail(f"no franchise matches {query!r} (try: seasoncheck kb search {query!r})")
    if fmt is OutputFormat.json:
        print_json(franchise_dict(franchise))
    else:
        _print_franchise(franchise)


@kb_app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="Title or part of one, any language."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="Most hits to show."),
    db: str | None = DB_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
) -> None:
    """Fuzzy title search, ranked, with each franchise's season numbers.

    Example: seasoncheck kb search "shingeki no kyojin"
    """
    from rich.table import Table

    from seasoncheck.kb.search import search

    hits = search(_load(db), query, limit=limit)
    if fmt is OutputFormat.json:
        print_json([h.to_dict() for h in hits])
        return
    if not hits:
        fail(f"nothing matches {query!r}", 1)
    table = Table("score", "franchise", "name", "matched title", "seasons")
    for h in hits:
        named = f" (names season {h.season})" if h.season else ""
        seasons = ", ".join(map(str, h.seasons)) or "-"
        table.add_row(f"{h.score:.0f}", h.franchise_id, h.name, h.title + named, seasons)
    console.print(table)


@kb_app.command("info")
def info_cmd(db: str | None = DB_OPTION) -> None:
    """Where the KB comes from (imported or demo), its size, licences and recent imports.

    Example: seasoncheck kb info
    """
    from seasoncheck.cli.common import open_store
    from seasoncheck.kb.importer import import_history
    from seasoncheck.kb.loader import load_store_kb

    store = open_store(db)
    kb = load_store_kb(store)
    origin = "imported into the store"
    if kb is None:
        from seasoncheck.kb.demo import load_demo_kb

        kb, origin = load_demo_kb(), "offline demo KB (nothing imported yet)"
    seasons = sum(len(f.seasons) for f in kb.franchises.values())
    console.print(
        f"KB: {origin}; {len(kb.franchises)} franchises, {seasons} entries, {len(kb.titles)} titles",
        highlight=False,
    )
    for note in kb.attribution:
        console.print(f"  {note}", highlight=False)
    for row in import_history(store, limit=5):
        console.print(
            f"  {row['imported_at']} {row['source']} {row['version'] or ''} from {row['origin']}: "
            f"+{row['added']} ~{row['changed']} -{row['removed']}",
            highlight=False,
        )


def _load(db: str | None) -> Any:
    """The KB of the store named by --db (or the demo KB)."""
    from seasoncheck.cli.common import open_store
    from seasoncheck.kb.loader import load_kb

    return load_kb(open_store(db))


def ordered_seasons(f: Franchise) -> list[KBSeason]:
    """Numbered TV seasons by (number, part), then films/OVAs/specials by air date."""
    numbered = sorted(
        (s for s in f.seasons if s.number is not None), key=lambda s: (s.number, s.part or 1)
    )
    others = sorted(
        (s for s in f.seasons if s.number is None), key=lambda s: s.first_aired or "9999"
    )
    return numbered + others


def season_dict(s: KBSeason) -> dict[str, Any]:
    """One season as JSON, with the source of each fact."""
    return {
        "season": s.number,
        "part": s.part,
        "kind": s.kind,
        "id": s.id,
        "title": s.title,
        "first_aired": s.first_aired,
        "last_aired": s.last_aired,
        "episodes": s.episodes,
        "status": s.status,
        "studios": list(s.studios),
        "streaming": list(s.streaming),
        "external_ids": list(s.external_ids),
        "sources": dict(s.fact_sources),
    }


def franchise_dict(f: Franchise) -> dict[str, Any]:
    """A franchise as JSON (``kb show --format json``)."""
    return {
        "id": f.id,
        "name": f.name,
        "studios": list(f.studios),
        "titles": list(f.titles),
        "seasons": [season_dict(s) for s in ordered_seasons(f)],
        "characters": [
            {
                "name": c.name,
                "aliases": list(c.aliases),
                "gender": c.gender,
                "role": c.role,
                "source": c.source,
            }
            for c in f.characters
        ],
    }


def _print_franchise(f: Franchise) -> None:
    """The franchise as a rich table."""
    from rich.table import Table

    studios = ", ".join(f.studios) or "unknown"
    console.print(f"[bold]{f.name}[/] ({f.id}); studios: {studios}", highlight=False)
    table = Table(
        "season",
        "kind",
        "entry",
        "first aired",
        "last aired",
        "eps",
        "status",
        "studios",
        "sources",
    )
    for s in ordered_seasons(f):
        number = "-" if s.number is None else str(s.number) + (f" part {s.part}" if s.part else "")
        table.add_row(
            number, s.kind, f"{s.title}\n{s.id}", s.first_aired or "?", s.last_aired or "?",
            str(s.episodes) if s.episodes else "?", s.status or "?", ", ".join(s.studios) or "?",
            _sources_text(s),
        )  # fmt: skip
    console.print(table)
    if f.characters:
        chars = "; ".join(f"{c.name} ({c.gender or '?'}, {c.role or '?'})" for c in f.characters)
        console.print(f"characters (facts file): {chars}", highlight=False)


def _sources_text(s: KBSeason) -> str:
    """`dates: bangumi-data; studios: facts` for the sources column."""
    src = dict(s.fact_sources)
    parts = []
    dates = src.get("first_aired")
    if dates:
        parts.append(f"dates: {dates}")
    for fact in ("episodes", "status", "studios"):
        if src.get(fact) and src[fact] != "dates":
            parts.append(f"{fact}: {src[fact]}")
    return "; ".join(parts) or ", ".join(s.sources)
