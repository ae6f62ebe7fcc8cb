"""``seasoncheck feeds``, ``update``, ``watch`` and ``export``: following the news and sharing verdicts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from seasoncheck.cli.common import (
    DB_OPTION,
    EXIT_PARTIAL,
    FORMAT_OPTION,
    OutputFormat,
    app,
    console,
    err_console,
    fail,
    open_store,
    print_json,
)

if TYPE_CHECKING:
    from seasoncheck.follow import UpdateReport
    from seasoncheck.kb.model import KnowledgeBase
    from seasoncheck.store import Store

feeds_app = typer.Typer(help="Feeds that `seasoncheck update` polls.", no_args_is_help=True)
watch_app = typer.Typer(help="Franchises whose verdict changes are alerted.", no_args_is_help=True)
export_app = typer.Typer(
    help="Calendar, Atom feed, claim dumps and ClaimReview JSON-LD.", no_args_is_help=True
)
app.add_typer(feeds_app, name="feeds")
app.add_typer(watch_app, name="watch")
app.add_typer(export_app, name="export")

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
OUTPUT_OPTION: Any = typer.Option(
    "-", "--output", "-o", help="File to write ('-': standard output).", show_default=True
)
BASE_URL_OPTION: Any = typer.Option(
    DEFAULT_BASE_URL, "--base-url", help="Where `seasoncheck serve` is reachable, for links."
)
SEASON_OPTION: Any = typer.Option(None, "--season", "-s", help="Only this season number.")


# -- feeds ------------------------------------------------------------------------------------------


@feeds_app.command("add")
def feeds_add(
    url: str = typer.Argument(..., help="RSS or Atom feed URL."), db: str = DB_OPTION
) -> None:
    """Follow a feed: `seasoncheck update` will poll it.

    Example: seasoncheck feeds add https://www.animenewsnetwork.com/all/rss.xml
    """
    from seasoncheck.follow import add_feed

    try:
        new = add_feed(open_store(db), url)
    except ValueError as exc:
        fail(str(exc))
    console.print(f"following {url}" if new else f"already following {url}", highlight=False)


@feeds_app.command("list")
def feeds_list(db: str = DB_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """List the followed feeds with their last poll.

    Example: seasoncheck feeds list --format json
    """
    from seasoncheck.follow import followed_feeds

    rows = followed_feeds(open_store(db))
    if output == OutputFormat.json:
        print_json([r.__dict__ for r in rows])
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} followed feeds")
    for col in ("url", "title", "last polled", "items taken"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r.url, r.title or "", r.last_polled or "never", str(r.items_seen))
    console.print(table)


@feeds_app.command("remove")
def feeds_remove(
    url: str = typer.Argument(..., help="A followed feed URL."), db: str = DB_OPTION
) -> None:
    """Stop following a feed (what it gave stays stored).

    Example: seasoncheck feeds remove https://www.animenewsnetwork.com/all/rss.xml
    """
    from seasoncheck.follow import remove_feed

    if not remove_feed(open_store(db), url):
        fail(f"not following {url} (see `seasoncheck feeds list`)")
    console.print(f"stopped following {url}", highlight=False)


# -- update -----------------------------------------------------------------------------------------


@app.command()
def update(
    delay: str = typer.Option(
        None,
        "--delay",
        help="Pause between requests to one host, e.g. 2s. [env: SEASONCHECK_POLITENESS_DELAY; default 2s]",
        show_default=False,
    ),
    db: str = DB_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Poll every followed feed, ingest what is new and record the verdicts that changed.

    Requests are conditional (ETag/Last-Modified) and items already taken are skipped. Changes of
    watched seasons are posted to SEASONCHECK_WEBHOOK_URL when it is set. For cron or a systemd
    timer: exits 0 when every feed was read, 1 when a feed or an item failed, 2 on a usage error.

    Example: seasoncheck update --delay 5s
    """
    from seasoncheck.follow import FollowSettings, parse_duration
    from seasoncheck.follow import update as run
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.settings import Settings

    try:
        pause = parse_duration(delay) if delay is not None else None
        follow = FollowSettings.from_env(politeness_delay=pause)
    except ValueError as exc:
        fail(f"--delay / SEASONCHECK_POLITENESS_DELAY: {exc}")
    store = open_store(db)
    settings = Settings.from_env(store.engine.url.render_as_string(hide_password=False))
    report = run(store, load_kb(store), settings, follow)
    _print_update(report, output)
    raise typer.Exit(EXIT_PARTIAL if report.failed else 0)


def _print_update(report: UpdateReport, output: OutputFormat) -> None:
    if output == OutputFormat.json:
        print_json(
            {
                "feeds": [f.__dict__ for f in report.feeds],
                "changes": [c.to_dict() for c in report.changes],
                "webhooks": [d.__dict__ for d in report.deliveries],
                "summary": report.summary(),
            }
        )
        return
    from rich.markup import escape

    if not report.feeds:
        err_console.print("no feeds followed (add one with `seasoncheck feeds add URL`)")
    for f in report.feeds:
        console.print(
            f"{escape(f.url)}: {f.added} new, {f.unchanged} already stored", highlight=False
        )
        for e in f.errors:
            err_console.print(f"[red]failed:[/] {escape(e)}", highlight=False, soft_wrap=True)
    for c in report.changes:
        from seasoncheck.exports import change_title

        mark = "[bold]watched[/] " if c.watched else ""
        console.print(f"{mark}{escape(change_title(c))}", highlight=False)
    console.print(report.summary(), highlight=False)


# -- watch list -------------------------------------------------------------------------------------


@watch_app.command("add")
def watch_add(
    title: str = typer.Argument(..., help="A franchise title, as `seasoncheck report` takes it."),
    season: int = SEASON_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Watch a franchise (or one season): its verdict changes go to the feed and the webhook.

    Example: seasoncheck watch add "Oshi no Ko"
    """
    from seasoncheck.follow import add_watch
    from seasoncheck.report import UnknownFranchise

    store = open_store(db)
    try:
        entry, new = add_watch(store, _kb(store), title, season)
    except UnknownFranchise as exc:
        fail(str(exc))
    what = entry.name + (f" season {season}" if season is not None else " (every season)")
    console.print(f"watching {what}" if new else f"already watching {what}", highlight=False)


@watch_app.command("list")
def watch_list(db: str = DB_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """List the watch list.

    Example: seasoncheck watch list
    """
    from seasoncheck.follow import watched

    rows = watched(open_store(db))
    if output == OutputFormat.json:
        print_json([r.__dict__ for r in rows])
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} watched")
    for col in ("franchise", "season", "id", "since"):
        table.add_column(col)
    for r in rows:
        season = "all" if r.season is None else str(r.season)
        table.add_row(r.name, season, r.subject, r.added_at)
    console.print(table)


@watch_app.command("remove")
def watch_remove(
    title: str = typer.Argument(..., help="A watched franchise's title or id."),
    season: int = SEASON_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Stop watching a franchise (or only one of its watched seasons).

    Example: seasoncheck watch remove "Oshi no Ko"
    """
    from seasoncheck.follow import remove_watch

    store = open_store(db)
    gone = remove_watch(store, _kb(store), title, season)
    if not gone:
        fail(f"{title!r} is not on the watch list (see `seasoncheck watch list`)")
    console.print(f"stopped watching {gone[0].name}", highlight=False)


def _kb(store: Store) -> KnowledgeBase:
    from seasoncheck.kb.loader import load_kb

    return load_kb(store)


# -- exports ----------------------------------------------------------------------------------------


def _write(data: bytes | str, output: str) -> None:
    """Write to a file or stdout; a file that cannot be written is a one-line error."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output == "-":
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    try:
        Path(output).write_bytes(raw)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    err_console.print(f"wrote {output} ({len(raw)} bytes)", highlight=False)


@export_app.command("calendar")
def export_calendar(
    watch_only: bool = typer.Option(False, "--watch-only", help="Only watched franchises."),
    output: str = OUTPUT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """An iCalendar (.ics) file of dated premieres; month-only dates are tentative events on the 1st.

    Example: seasoncheck export calendar --watch-only -o premieres.ics
    """
    from seasoncheck.exports import calendar_ics

    store = open_store(db)
    _write(calendar_ics(store, _kb(store), watch_only=watch_only), output)


@export_app.command("feed")
def export_feed(
    watch_only: bool = typer.Option(False, "--watch-only", help="Only watched seasons' changes."),
    limit: int = typer.Option(100, help="At most this many entries."),
    base_url: str = BASE_URL_OPTION,
    output: str = OUTPUT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """An Atom feed of verdict changes, newest first.

    Example: seasoncheck export feed --base-url https://seasoncheck.example -o verdicts.atom
    """
    from seasoncheck.exports import verdict_feed_atom

    data = verdict_feed_atom(open_store(db), base_url, watch_only=watch_only, limit=limit)
    _write(data, output)


def _claims_args(store: Store, franchise: str | None) -> KnowledgeBase | None:
    return _kb(store) if franchise else None


FRANCHISE_OPTION: Any = typer.Option(None, "--franchise", help="Only this franchise's claims.")


@export_app.command("claims-csv")
def export_claims_csv(
    franchise: str = FRANCHISE_OPTION,
    season: int = SEASON_OPTION,
    output: str = OUTPUT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Every stored claim with its article's site, URL and date, as CSV.

    Example: seasoncheck export claims-csv --franchise "Oshi no Ko" -o claims.csv
    """
    from seasoncheck.exports import claims_csv
    from seasoncheck.report import UnknownFranchise

    store = open_store(db)
    try:
        text = claims_csv(store, _claims_args(store, franchise), franchise=franchise, season=season)
    except UnknownFranchise as exc:
        fail(str(exc))
    _write(text, output)


@export_app.command("claims-json")
def export_claims_json(
    franchise: str = FRANCHISE_OPTION,
    season: int = SEASON_OPTION,
    output: str = OUTPUT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """Every stored claim with its article's site, URL and date, as a JSON array.

    Example: seasoncheck export claims-json --season 3 -o claims.json
    """
    import orjson

    from seasoncheck.exports import claims_json
    from seasoncheck.report import UnknownFranchise

    store = open_store(db)
    try:
        rows = claims_json(
            store, _claims_args(store, franchise), franchise=franchise, season=season
        )
    except UnknownFranchise as exc:
        fail(str(exc))
    _write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n", output)


@export_app.command("claimreview")
def export_claimreview(
    franchise: str = typer.Argument(..., help="A franchise title."),
    season: int = SEASON_OPTION,
    base_url: str = BASE_URL_OPTION,
    output: str = OUTPUT_OPTION,
    db: str = DB_OPTION,
) -> None:
    """schema.org ClaimReview JSON-LD for each checked claim of a franchise's seasons.

    Example: seasoncheck export claimreview "Oshi no Ko" --season 3 -o claimreview.jsonld
    """
    import orjson

    from seasoncheck.exports import claim_review_jsonld
    from seasoncheck.report import UnknownFranchise, build_report

    store = open_store(db)
    try:
        report = build_report(store, _kb(store), franchise, season=season, scan_facts=False)
    except UnknownFranchise as exc:
        fail(str(exc))
    items = [i for s in report.seasons for i in claim_review_jsonld(store, report, s, base_url)]
    _write(orjson.dumps(items, option=orjson.OPT_INDENT_2) + b"\n", output)
