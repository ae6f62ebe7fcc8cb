"""``seasoncheck report`` and ``seasoncheck sources``: verdicts per season and source records."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

import typer

from seasoncheck.cli.common import (
    DB_OPTION,
    FORMAT_OPTION,
    OutputFormat,
    app,
    console,
    fail,
    open_store,
    print_json,
)


class ReportFormat(StrEnum):
    """How ``report`` prints: Rich text for people, Markdown for posts, JSON for scripts."""

    text = "text"
    md = "md"
    json = "json"


TODAY_HELP = "Judge airing/released against this date (YYYY-MM-DD) instead of today."


def _parse_today(value: str | None) -> date | None:
    """The --today option as a date, or a clear usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--today {value!r} is not a date (YYYY-MM-DD)")


@app.command()
def report(
    franchise: str = typer.Argument(
        ..., help='Franchise title, e.g. "Oshi no Ko".', show_default=False
    ),
    season: int = typer.Option(None, "--season", "-s", help="Only this season number."),
    output: ReportFormat = typer.Option(
        ReportFormat.text, "--format", "-f", help="text, md or json."
    ),
    today: str = typer.Option(None, "--today", help=TODAY_HELP, show_default=False),
    db: str = DB_OPTION,
) -> None:
    """Verdict per season: state, date, explanation, timeline, contradictions, flags, sources.

    Exits 2 with a "did you mean" list when the franchise is unknown.

    Example: seasoncheck report "Oshi no Ko" --season 2 --format md
    """
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.report import UnknownFranchise, build_report

    when = _parse_today(today)
    store = open_store(db)
    try:
        result = build_report(store, load_kb(store), franchise, season=season, today=when)
    except UnknownFranchise as exc:
        fail(str(exc))
    finally:
        store.close()
    print_report(result, output)


def print_report(result: Any, output: ReportFormat) -> None:
    """Print a built report in the chosen format."""
    from seasoncheck.report_render import render_json, render_markdown, render_rich

    if output == ReportFormat.json:
        typer.echo(render_json(result))
    elif output == ReportFormat.md:
        typer.echo(render_markdown(result), nl=False)
    else:
        render_rich(result, console)


@app.command()
def sources(db: str = DB_OPTION, output: OutputFormat = FORMAT_OPTION) -> None:
    """List every site with its record: claims supported or contradicted, flags, speculation, score.

    The score is 100 × accuracy × flag factor × speculation factor; the formula with each site's
    numbers is in the JSON output.

    Example: seasoncheck sources --format json
    """
    from dataclasses import asdict

    from seasoncheck.kb.loader import load_kb
    from seasoncheck.report import all_site_records
    from seasoncheck.report_render import sources_table

    store = open_store(db)
    try:
        records = all_site_records(store, load_kb(store))
    finally:
        store.close()
    if output == OutputFormat.json:
        print_json([asdict(r) for r in records])
    elif not records:
        console.print("No articles stored yet: run `seasoncheck ingest` first.")
    else:
        console.print(sources_table(records))
