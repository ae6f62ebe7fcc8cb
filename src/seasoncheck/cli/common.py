"""Shared CLI pieces: the Typer app, the --db and --format options, error and output helpers."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console

if TYPE_CHECKING:
    from seasoncheck.store import Store

app = typer.Typer(
    name="seasoncheck",
    help=(
        "Check what is actually true about an upcoming anime season: read articles, extract "
        "their claims (renewal, release date, delay, studio, streaming, trailer) with status and "
        "attribution, and check them against an anime knowledge base."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

console = Console()
err_console = Console(stderr=True)

DB_HELP = "Database URL (sqlite:///path.db, postgresql+psycopg://...) or a file path. [env: SEASONCHECK_DB]"
DB_OPTION: Any = typer.Option(
    None, "--db", envvar="SEASONCHECK_DB", help=DB_HELP, show_default=False
)


class OutputFormat(StrEnum):
    """How listing commands print: a table for people, JSON for scripts."""

    table = "table"
    json = "json"


FORMAT_OPTION: Any = typer.Option(
    OutputFormat.table, "--format", "-f", help="table for people, json for scripts."
)

# Exit codes: 0 all good, 1 some items of a batch failed, 2 usage or input error (click's own).
EXIT_PARTIAL = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print one clear error line and exit with ``code``."""
    from rich.markup import escape

    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def open_store(db: str | None) -> Store:
    """Open the store named by --db / SEASONCHECK_DB / the default, or exit with a clear error."""
    from seasoncheck.settings import Settings
    from seasoncheck.store import Store, StoreError

    try:
        return Store.open(Settings.from_env(db).db_url)
    except StoreError as exc:
        fail(str(exc))


def print_json(data: Any) -> None:
    """Write JSON to stdout (orjson, indented, UTF-8)."""
    import orjson

    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
