"""``seasoncheck kb ...``: import, update, show and search the knowledge base."""

from __future__ import annotations

import typer

from seasoncheck.cli.common import app

kb_app = typer.Typer(help="Knowledge base: import, update, show and search.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
