"""Shared fixtures: a fresh store, the shared/ folder (skips when absent), sample paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from seasoncheck.settings import Settings
from seasoncheck.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("SEASONCHECK_SHARED", ROOT.parent / "shared"))


# PostgreSQL for the store tests: .ci/run starts a server and sets this; unset, those cases skip.
PG_URL = os.environ.get("SEASONCHECK_TEST_PG")


def reset_postgres(url: str) -> None:
    """Empty the test database: drop and recreate its public schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A new, empty store: a SQLite file, and the same on PostgreSQL when configured."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    elif PG_URL:
        reset_postgres(PG_URL)
        url = PG_URL
    else:
        pytest.skip("PostgreSQL not configured: set SEASONCHECK_TEST_PG (.ci/run does)")
    store = Store.open(url)
    yield store
    store.close()


@pytest.fixture(autouse=True)
def _private_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the linker's index cache out of the user's real cache dir (one per test session)."""
    if "SEASONCHECK_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("SEASONCHECK_CACHE_DIR", str(_session_cache(tmp_path_factory)))


@pytest.fixture(autouse=True)
def _fetch_allow_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let fetch tests reach pytest-httpserver on 127.0.0.1 (refused by default; see netcheck)."""
    monkeypatch.setenv("SEASONCHECK_FETCH_ALLOW", "127.0.0.1")


_CACHE: list[Path] = []


def _session_cache(factory: pytest.TempPathFactory) -> Path:
    if not _CACHE:
        _CACHE.append(factory.mktemp("cache"))
    return _CACHE[0]


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


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    """A web test client over a fresh copy of the ingested sample store, for tests that write."""
    from fastapi.testclient import TestClient

    from test_api import web_app

    app = web_app(tmp_path)
    with TestClient(app) as c:
        yield c
    app.state.ctx.store.close()


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One web test client per module for tests that only read (its report cache stays warm)."""
    from fastapi.testclient import TestClient

    from test_api import web_app

    app = web_app(tmp_path_factory.mktemp("reader"))
    with TestClient(app) as c:
        yield c
    app.state.ctx.store.close()
