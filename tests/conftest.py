"""Shared fixtures: a fresh store, the shared/ folder (skips when absent), sample paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from seasoncheck.settings import Settings
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


@pytest.fixture(scope="module")
def running_server() -> Iterator[HTTPServer]:
    """A real HTTP server on 127.0.0.1 for a test module (stopping one takes half a second)."""
    srv = HTTPServer(host="127.0.0.1")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def server(running_server: HTTPServer) -> Iterator[HTTPServer]:
    """The module's server with no handlers and an empty log, for one test."""
    running_server.clear()
    yield running_server
    running_server.clear()


@pytest.fixture
def settings() -> Settings:
    """Default limits, with short timeouts so a failing fetch test does not hang."""
    return Settings(db_url="sqlite://", connect_timeout=2.0, read_timeout=2.0)
