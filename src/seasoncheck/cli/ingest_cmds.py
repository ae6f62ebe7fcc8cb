"""``seasoncheck ingest``, ``articles``, ``show`` and ``demo``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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
    from seasoncheck.models import Article, IngestReport
    from seasoncheck.store import Store


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders, URLs or feed URLs.", show_default=False
    ),
    since: str = typer.Option(
        None, help="Feeds: skip items published before this date (YYYY-MM-DD)."
    ),
    db: str = DB_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Read articles into the store: extract, deduplicate, find claims.

    Takes .txt/.md (first line is the title), .html, .jsonl (one article a line),
    .warc/.warc.gz, http(s) URLs and RSS/Atom feeds. Re-ingesting changes nothing.
    Exits 1 when any item failed (each failure is printed and recorded).

    Example: seasoncheck ingest articles/ https://example.com/feed.xml
    """
    if since:
        from seasoncheck.sources.feeds import parse_since

        try:
            parse_since(since)
        except ValueError as exc:
            fail(str(exc))
    report = _run_ingest(inputs, open_store(db), since)
    if output == OutputFormat.json:
        print_json(_report_dict(report))
    else:
        console.print(_report_table(report))
    raise typer.Exit(EXIT_PARTIAL if report.failed else 0)


def _run_ingest(inputs: list[str], store: Store, since: str | None) -> IngestReport:
    from rich.markup import escape
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from seasoncheck.kb.loader import load_kb
    from seasoncheck.pipeline import ingest as run
    from seasoncheck.settings import Settings

    settings = Settings.from_env(store.engine.url.render_as_string(hide_password=False))
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} items"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_item(origin: str) -> None:
            progress.update(task, advance=1, description=f"ingesting {_short(origin)}")

        kb = load_kb(store)
        report = run(inputs, store, settings, kb=kb, since=since, on_item=on_item)
    from seasoncheck.follow import alert_after_ingest

    # Record verdict changes of watched seasons and send webhooks; never fails the ingest.
    alert_after_ingest(store, kb, [a.id for a in report.added])
    for error in report.errors:
        err_console.print(
            f"[red]failed:[/] {escape(error.origin)}: {escape(error.reason)}",
            highlight=False,
            soft_wrap=True,
        )
    return report


def _short(origin: str, width: int = 50) -> str:
    return origin if len(origin) <= width else "…" + origin[-(width - 1) :]


def _report_table(report: IngestReport) -> object:
    from rich.table import Table

    table = Table(title="Ingest summary", show_lines=False)
    table.add_column("status")
    table.add_column("id")
    table.add_column("title", overflow="fold", max_width=60)
    table.add_column("site")
    table.add_column("words", justify="right")
    table.add_column("dup group")
    for status, rows in (("added", report.added), ("already stored", report.unchanged)):
        for a in rows:
            group = "" if a.dup_group in (None, a.id) else a.dup_group[:10]
            table.add_row(status, a.id[:10], a.title or "", a.site or "", str(a.words), group)
    for e in report.errors:
        table.add_row("[red]failed[/]", "", f"{e.origin}: {e.reason}", "", "", "")
    table.caption = (
        f"{len(report.added)} added, {len(report.unchanged)} already stored, "
        f"{len(report.errors)} failed, {report.claims} claims"
    )
    return table


def _report_dict(report: IngestReport) -> dict[str, object]:
    return {
        "added": [a.id for a in report.added],
        "unchanged": [a.id for a in report.unchanged],
        "errors": [
            {"origin": e.origin, "stage": e.stage, "reason": e.reason} for e in report.errors
        ],
        "claims": report.claims,
    }


@app.command()
def articles(
    site: str = typer.Option(None, help="Only articles from this site (host name)."),
    since: str = typer.Option(None, help="Published on or after (YYYY[-MM[-DD]])."),
    until: str = typer.Option(None, help="Published on or before (YYYY[-MM[-DD]])."),
    limit: int = typer.Option(100, help="At most this many rows (0: all)."),
    db: str = DB_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """List stored articles, newest first.

    Example: seasoncheck articles --site example.com --since 2024-01 --format json
    """
    rows = open_store(db).articles(site=site, since=since, until=until, limit=limit or None)
    if output == OutputFormat.json:
        print_json([_article_summary(a) for a in rows])
        return
    console.print(_articles_table(rows))


def _article_summary(a: Article) -> dict[str, object]:
    return {
        "id": a.id,
        "title": a.title,
        "site": a.site,
        "url": a.url,
        "published": a.published,
        "language": a.language,
        "words": a.words,
        "dup_group": a.dup_group,
    }


def _articles_table(rows: list[Article]) -> object:
    from rich.table import Table

    table = Table(title=f"{len(rows)} articles")
    for col in ("id", "published", "site", "title", "words", "lang", "dup group"):
        table.add_column(col, justify="right" if col == "words" else "left")
    for a in rows:
        group = "" if a.dup_group in (None, a.id) else a.dup_group[:10]
        table.add_row(
            a.id[:10],
            a.published or "",
            a.site or "",
            a.title or "",
            str(a.words),
            a.language or "",
            group,
        )
    return table


@app.command()
def show(
    article_id: str = typer.Argument(
        ..., help="Article id (a unique prefix will do) or source id."
    ),
    db: str = DB_OPTION,
    output: OutputFormat = FORMAT_OPTION,
) -> None:
    """Show one stored article: metadata, cleaned text and its claims.

    Example: seasoncheck show 3fa2c1
    """
    store = open_store(db)
    article = store.get_article(article_id)
    if article is None:
        fail(f"no article with id {article_id!r} (see `seasoncheck articles`)")
    claims = store.claims_for_article(article.id)
    flags = store.flags_for_article(article.id)
    if output == OutputFormat.json:
        data = article.to_dict()
        data["claims"] = [c.to_dict() for c in claims]
        data["flags"] = [f.to_dict() for f in flags]
        print_json(data)
        return
    from rich.panel import Panel

    meta = " · ".join(
        x
        for x in (article.site, article.published, article.language, f"{article.words} words")
        if x
    )
    console.print(Panel(article.text, title=article.title or article.id, subtitle=meta))
    for c in claims:
        console.print(
            f"[bold]{c.type}[/] {c.work} s{c.season} = {c.value} ({c.status}/{c.attribution}): {c.evidence}",
            highlight=False,
        )
    for f in flags:
        console.print(f"[yellow]flag[/] {f.flag}: {f.detail}", highlight=False)


@app.command()
def demo(
    db: str = typer.Option(
        None, "--db", help="Store for the demo (default: a fresh one in a temporary folder)."
    ),
) -> None:
    """Ingest the bundled sample articles into a fresh store and show what seasoncheck finds.

    Needs no network and no downloaded data. Example: seasoncheck demo
    """
    import tempfile

    from seasoncheck.kb.loader import load_kb
    from seasoncheck.report import UnknownFranchise, build_report
    from seasoncheck.report_render import render_rich
    from seasoncheck.samples import samples_dir

    franchise = "Oshi no Ko"  # the franchise every sample article is about
    with tempfile.TemporaryDirectory(prefix="seasoncheck-demo-") as tmp:
        store = open_store(db or str(Path(tmp) / "demo.db"))
        console.print(
            f"[bold]seasoncheck demo[/]: ingesting the sample articles from {samples_dir()}"
        )
        report = _run_ingest([str(samples_dir())], store, None)
        console.print(_report_table(report))
        console.print(f'\n[bold]seasoncheck report "{franchise}"[/]\n')
        try:
            render_rich(build_report(store, load_kb(store), franchise), console)
        except UnknownFranchise as exc:
            fail(str(exc))
        finally:
            store.close()
    raise typer.Exit(EXIT_PARTIAL if report.failed else 0)
