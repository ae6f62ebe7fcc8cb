"""`seasoncheck kb import|show|search|info` through Typer's CliRunner, read back through the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.kb.loader import load_kb
from seasoncheck.store import Store

KB_DATA = Path(__file__).resolve().parent / "data" / "kb"
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store file for the CLI."""
    return str(tmp_path / "cli.db")


def run(*args: str) -> object:
    """Invoke the CLI with a wide terminal."""
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_import_then_show_json(db: str) -> None:
    result = run(
        "kb",
        "import",
        str(KB_DATA / "bangumi-mini.json"),
        str(KB_DATA / "aod-mini.json"),
        "--db",
        db,
    )
    assert result.exit_code == 0, result.output
    assert "13 added" in result.output and "7 added" in result.output
    shown = run("kb", "show", "Oshi no Ko", "--db", db, "--format", "json")
    data = json.loads(shown.output)
    assert data["id"] == "oshi-no-ko" and data["studios"] == ["Doga Kobo"]
    seasons = [
        (s["season"], s["first_aired"], s["sources"]["first_aired"], s["sources"]["studios"])
        for s in data["seasons"]
    ]
    assert seasons == [
        (1, "2023-04-12", "bangumi-data", "facts"),
        (2, "2024-07-03", "bangumi-data", "facts"),
        (3, "2026-01-14", "bangumi-data", "facts"),
    ]
    assert (
        data["seasons"][0]["episodes"] == 11 and data["seasons"][0]["sources"]["episodes"] == "aod"
    )
    kb = load_kb(Store.open(f"sqlite:///{db}"))
    assert kb.season("oshi-no-ko", 2).id == "mal:55791"


def test_show_table_lists_seasons_and_studio(db: str) -> None:
    run("kb", "import", str(KB_DATA / "bangumi-mini.json"), "--db", db)
    result = run("kb", "show", "推しの子", "--db", db)
    assert result.exit_code == 0, result.output
    for fragment in (
        "2023-04-12",
        "2024-07-03",
        "2026-01-14",
        "Doga Kobo",
        "bangumi-data",
        "Ai Hoshino",
    ):
        assert fragment in result.output


def test_search_ranks_and_shows_seasons(db: str) -> None:
    run("kb", "import", str(KB_DATA / "bangumi-mini.json"), "--db", db)
    result = run("kb", "search", "spy family", "--db", db, "--format", "json")
    hits = json.loads(result.output)
    assert hits[0]["franchise_id"] == "spy-x-family" and hits[0]["seasons"] == [1, 2, 3]
    second = json.loads(run("kb", "search", "Oshi no Ko Season 2", "--db", db, "-f", "json").output)
    assert second[0]["franchise_id"] == "oshi-no-ko" and second[0]["season"] == 2


def test_demo_kb_without_import(db: str) -> None:
    result = run("kb", "show", "Frieren", "--db", db, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["id"] == "frieren" and [s["season"] for s in data["seasons"]] == [1, 2]
    info = run("kb", "info", "--db", db)
    assert "offline demo KB" in info.output and "bangumi-data" in info.output


def test_user_errors_are_one_line(db: str, tmp_path: Path) -> None:
    missing = run("kb", "import", str(tmp_path / "nope.json"), "--db", db)
    assert (
        missing.exit_code == 2
        and "no such file" in missing.output
        and "Traceback" not in missing.output
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": [', "utf-8")
    broken = run("kb", "import", str(bad), "--db", db)
    assert broken.exit_code == 2 and "left as it was" in broken.output
    unknown = run("kb", "show", "zzzz qqqq xxxx", "--db", db)
    assert unknown.exit_code == 2 and "no franchise matches" in unknown.output
