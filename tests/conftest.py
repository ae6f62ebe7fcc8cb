"""Shared fixtures: a fresh store, the shared/ folder (skips when absent), sample paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from seasoncheck.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("SEASONCHECK_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def fresh_store(tmp_path: Path) -> Store:
    """A new SQLite store in a temporary file."""
    store = Store.open(f"sqlite:///{tmp_path / 'test.db'}")
    yield store
    store.close()


@pytest.fixture
def shared_dir() -> Path:
    """../shared, or skip the test when it is not there (a fresh clone without it)."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: tests that use the shared data skip")
    return SHARED


@pytest.fixture
def test_data() -> Path:
    """tests/data: the project's own fixtures."""
    return TEST_DATA
