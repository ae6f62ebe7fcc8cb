"""``seasoncheck claims`` and ``seasoncheck eval``: extract claims from JSONL and score them."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from seasoncheck.cli.common import DB_OPTION, EXIT_PARTIAL, app, console, err_console, fail


class ClaimsFormat(StrEnum):
    """Output of ``seasoncheck claims``: the spec's JSONL, or a table for people."""

    jsonl = "jsonl"
    table = "table"


INPUT_ARG: Any = typer.Argument(
    ..., exists=True, dir_okay=False, readable=True, help="Articles, one JSON object a line."
)


def _load_kb(db: str | None) -> Any:
    """The KB of the --db store when one is named, else the offline demo KB."""
    from seasoncheck.claims.io import demo_kb
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.kb.model import KnowledgeBase

    try:
        if db is None:
            return demo_kb()
        from seasoncheck.cli.common import open_store

        return load_kb(open_store(db))
    except (
        Exception
    ) as exc:  # a broken KB file must not stop claim extraction: titles are found open-world
        err_console.print(
            f"warning: knowledge base not loaded ({type(exc).__name__}: {exc}); linking open-world only",
            highlight=False,
            soft_wrap=True,
        )
        return KnowledgeBase()


@app.command("claims")
def claims_cmd(
    input: Path = INPUT_ARG,
    format: ClaimsFormat = typer.Option(
        ClaimsFormat.jsonl, "--format", "-f", help="jsonl (the spec's records) or table."
    ),
    db: str | None = typer.Option(
        None, "--db", help="Use the KB imported into this store (default: the demo KB)."
    ),
) -> None:
    """Extract claims from articles without touching the store. Example: seasoncheck claims articles.jsonl"""
    from seasoncheck.claims.io import run_file

    run = run_file(input, _load_kb(db))
    for p in run.problems:
        err_console.print(
            f"[bold {'red' if p.fatal else 'yellow'}]{'error' if p.fatal else 'warning'}:[/] {p}",
            highlight=False,
            soft_wrap=True,
        )
    if format is ClaimsFormat.jsonl:
        _write_jsonl(run)
    else:
        _print_table(run)
    raise typer.Exit(EXIT_PARTIAL if run.failed else 0)


def _write_jsonl(run: Any) -> None:
    """One claim a line, then the article's flag lines (the spec's output format)."""
    import orjson

    out = sys.stdout.buffer if hasattr(sys.stdout, "buffer") else None
    for rec in run.records():
        line = orjson.dumps(rec) + b"\n"
        if out is not None:
            out.write(line)
        else:
            sys.stdout.write(line.decode())
    if out is not None:
        out.flush()


def _print_table(run: Any) -> None:
    """Claims as a table for people, with skipped articles and flags."""
    from rich.table import Table

    table = Table()
    table.add_column("doc", no_wrap=True, min_width=4)
    table.add_column("work", min_width=10)
    table.add_column("season", no_wrap=True)
    for name in ("type", "value", "status", "attribution"):
        table.add_column(name, no_wrap=True)
    table.add_column("evidence", overflow="ellipsis", ratio=1)
    for ex in run.extractions:
        for c in ex.claims:
            table.add_row(
                c.doc_id,
                c.work,
                str(c.season or "-"),
                c.type,
                c.value or "-",
                c.status,
                c.attribution,
                c.evidence[:80],
            )
        for fl in ex.flags:
            table.add_row(fl.doc_id, "", "", f"[bold]{fl.flag}[/]", "", "", "", fl.detail)
        if ex.skipped:
            table.add_row(ex.doc_id, "", "", "[dim]skipped[/]", "", "", "", ex.skipped)
    console.print(table)


@app.command("eval")
def eval_cmd(
    gold: Path = INPUT_ARG,
    by_doc: bool = typer.Option(False, "--by-doc", help="Also list tp/fp/fn per article."),
    db: str | None = DB_OPTION,
) -> None:
    """Run the extractor over a labelled set and print the scores. Example: seasoncheck eval dev.jsonl"""
    from seasoncheck.claims.io import run_file
    from seasoncheck.claims.scoring import format_report, load_gold, score

    try:
        gold_rows = load_gold(gold)
    except ValueError as exc:
        fail(str(exc))
    run = run_file(gold, _load_kb(db))
    for p in run.problems:
        err_console.print(f"warning: {p}", highlight=False, markup=False, soft_wrap=True)
    preds = list(run.records())
    sys.stdout.write(format_report(score(gold_rows, preds), by_doc=by_doc) + "\n")
