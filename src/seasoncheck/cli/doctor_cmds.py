"""``seasoncheck doctor``: check the store's health (integrity, foreign keys, orphans, migrations)."""

from __future__ import annotations

from typing import Any

import typer

from seasoncheck.cli.common import EXIT_PARTIAL, app, console, err_console

DOCTOR_DB_OPTION: Any = typer.Option(
    None,
    "--db",
    envvar="SEASONCHECK_DB",
    help="Database URL or SQLite file to check. [env: SEASONCHECK_DB]",
    show_default=False,
)


@app.command()
def doctor(db: str | None = DOCTOR_DB_OPTION) -> None:
    """Check the store (SQLite integrity, foreign keys, orphan claims/flags, migrations); list optional parts
    and whether the compiled core (mypyc) is in use.

    Exits 0 when healthy, 1 with one line per problem. Example: seasoncheck doctor --db news.db
    """
    from seasoncheck.doctor import check_components, check_store
    from seasoncheck.settings import Settings

    report = check_store(Settings.from_env(db).db_url)
    for problem in report.problems:
        err_console.print(f"problem: {problem}", highlight=False, soft_wrap=True, markup=False)
    if report.healthy:
        console.print(f"ok: {', '.join(report.checks)}", highlight=False, markup=False)
    for component in check_components():
        err_console.print(component.line(), highlight=False, markup=False, soft_wrap=True)
    from seasoncheck.compiled import status

    err_console.print(status().line(), highlight=False, markup=False, soft_wrap=True)
    if not report.healthy:
        raise typer.Exit(EXIT_PARTIAL)
