"""CLI: help, ingest idempotence, exit codes, listing and showing; results read back via the API."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.samples import samples_dir
from seasoncheck.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def run(*args: str) -> object:
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_every_command_has_help() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "articles", "show", "demo", "kb"):
        assert command in result.output
        sub = run(command, "--help")
        assert sub.exit_code == 0, command
        assert "Usage" in sub.output


def test_ingest_twice_adds_nothing_the_second_time(db: str) -> None:
    first = run("ingest", str(samples_dir()), "--db", db, "--format", "json")
    assert first.exit_code == 0, first.output
    added = json.loads(first.stdout)["added"]
    assert len(added) == len(list(samples_dir().iterdir()))
    second = run("ingest", str(samples_dir()), "--db", db, "--format", "json")
    assert second.exit_code == 0
    report = json.loads(second.stdout)
    assert report["added"] == [] and len(report["unchanged"]) == len(added)
    assert Store.open(db).count_articles() == len(added)


def test_same_text_with_other_whitespace_is_stored_once(db: str, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    body = "Season 2 of the show was announced today by the studio.\nIt airs next spring on TV."
    (src / "a.txt").write_text("Headline\n\n" + body + "\n")
    (src / "b.txt").write_text(
        "Headline\n\n" + body.replace(" ", "   ").replace("\n", "\n\n") + "\n"
    )
    result = run("ingest", str(src), "--db", db)
    assert result.exit_code == 0
    assert Store.open(db).count_articles() == 1


def test_failures_are_reported_recorded_and_do_not_stop_the_batch(db: str, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(samples_dir() / "03-release-window.txt", good)
    missing = tmp_path / "missing.txt"
    result = run("ingest", str(missing), str(good), "--db", db)
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.output
    store = Store.open(db)
    assert store.count_articles() == 1
    assert store.errors()[0].origin.endswith("missing.txt")


def test_articles_and_show(db: str) -> None:
    run("ingest", str(samples_dir()), "--db", db)
    listed = json.loads(run("articles", "--db", db, "--format", "json").stdout)
    titles = {a["title"] for a in listed}
    assert "Oshi no Ko Season 2 Premieres in July 2024, Trailer Revealed" in titles
    target = next(a for a in listed if a["title"].startswith("Oshi no Ko Season 2 Premieres"))
    shown = json.loads(run("show", target["id"][:8], "--db", db, "--format", "json").stdout)
    assert shown["id"] == target["id"]
    assert "HIDIVE" in shown["text"]


def test_show_unknown_id_is_a_one_line_error(db: str) -> None:
    result = run("show", "nope", "--db", db)
    assert result.exit_code == 2
    assert "no article with id 'nope'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_demo_runs_without_network_or_shared(tmp_path: Path) -> None:
    result = run("demo", "--db", str(tmp_path / "demo.db"))
    assert result.exit_code == 0, result.output
    assert "Oshi no Ko" in result.output
    assert Store.open(str(tmp_path / "demo.db")).count_articles() >= 5


def test_bad_since_is_a_usage_error(db: str) -> None:
    result = run("ingest", str(samples_dir()), "--since", "last tuesday", "--db", db)
    assert result.exit_code == 2
    assert "--since must be a date" in result.stderr
    assert Store.open(db).count_articles() == 0


def test_rewritten_article_joins_the_original_duplicate_group(db: str) -> None:
    run("ingest", str(samples_dir()), "--db", db)
    by_title = {a.title: a for a in Store.open(db).articles()}
    original = by_title["Oshi no Ko Season 2 Leaked? Insider Says the Idol Drama Is Coming Back"]
    rewrite = by_title["Oshi no Ko Season 2 Rumour: Weibo Insider Says the Idol Drama Returns"]
    other = by_title["Oshi no Ko Season 2 Premieres in July 2024, Trailer Revealed"]
    assert rewrite.id != original.id
    assert rewrite.dup_group == original.dup_group
    assert other.dup_group != original.dup_group
