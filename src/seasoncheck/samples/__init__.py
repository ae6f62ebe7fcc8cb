"""Sample articles written for seasoncheck's demo and tests (not copied from any site)."""

from __future__ import annotations

from pathlib import Path


def samples_dir() -> Path:
    """The folder of bundled sample articles."""
    return Path(__file__).parent / "articles"
