"""The ``seasoncheck`` command line: a thin Typer layer over the Python API.

Heavy modules are imported inside the commands so that ``seasoncheck --help`` stays fast.
"""

from __future__ import annotations

import typer

from seasoncheck.cli import (
    batch_cmds,
    claims_cmds,
    doctor_cmds,
    follow_cmds,
    ingest_cmds,
    kb_cmds,
    report_cmds,
    web_cmds,
)
from seasoncheck.cli.common import app

__all__ = ["app", "main"]

# Importing the modules registers their commands on ``app``.
_COMMAND_MODULES = (
    ingest_cmds,
    kb_cmds,
    claims_cmds,
    report_cmds,
    follow_cmds,
    web_cmds,
    batch_cmds,
    doctor_cmds,
)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    typer.run(main)
