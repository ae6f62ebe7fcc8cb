"""Docs contract: every CLI command and every environment setting is documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from seasoncheck.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def command_paths(group: object, prefix: str = "seasoncheck") -> list[str]:
    """Every command path, e.g. 'seasoncheck kb import'."""
    paths = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        path = f"{prefix} {name}"
        if hasattr(cmd, "commands"):
            paths.extend(command_paths(cmd, path))
        else:
            paths.append(path)
    return paths


def test_every_command_is_in_the_readme() -> None:
    root = typer.main.get_command(app)
    assert hasattr(root, "commands")
    missing = [p for p in command_paths(root) if f"`{p}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_environment_setting_is_in_the_readme() -> None:
    src = Path(__file__).resolve().parent.parent / "src" / "seasoncheck"
    names = set()
    for path in src.rglob("*.py"):
        names |= set(re.findall(r"\b(SEASONCHECK_[A-Z_]+)\b", path.read_text(encoding="utf-8")))
    missing = sorted(n for n in names if n not in README)
    assert not missing, f"settings missing from README.md: {missing}"
