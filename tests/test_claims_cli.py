"""``seasoncheck claims`` and ``seasoncheck eval``: the spec's JSONL out, bad lines named, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from seasoncheck.cli import app

runner = CliRunner()
OWN = Path(__file__).parent / "data" / "claims" / "own.jsonl"

GOOD = {
    "id": "g1",
    "lang": "en",
    "published": "2024-05-10",
    "title": "Ember Knight Season 2 announced",
    "text": "Ember Knight Season 2 announced\nThe official website announced Ember Knight Season 2 for October 2024.",
}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    """Write raw lines to ``path``."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def records(output: str) -> list[dict[str, object]]:
    """The JSON lines of the command's stdout."""
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_claims_jsonl_output_follows_the_spec(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [json.dumps(GOOD)])
    result = runner.invoke(app, ["claims", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    out = records(result.stdout)
    assert {(r["type"], r["season"], r["value"]) for r in out} >= {
        ("renewal", 2, None),
        ("release", 2, "2024-10"),
    }
    for r in out:
        assert set(r) >= {
            "doc_id",
            "work",
            "season",
            "type",
            "value",
            "status",
            "attribution",
            "evidence",
        }
        assert r["doc_id"] == "g1"
        assert r["evidence"] in GOOD["text"]


def test_bad_lines_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    lines = [
        "this is not json",
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "huge", "text": "word " * 1_100_000}),
        json.dumps({**GOOD, "id": "baddate", "published": "last Tuesday"}),
        json.dumps({"id": "nobreaks", "text": "season two " * 3000}),
        json.dumps(
            {
                "id": "mixed",
                "text": "Ember Knight Season 2 は2025年に放送 will premiere in 2025 Ember Knight",
            }
        ),
        json.dumps(GOOD),
    ]
    path = write_jsonl(tmp_path / "in.jsonl", lines)
    result = runner.invoke(app, ["claims", str(path)])
    assert result.exit_code == 1
    err = result.stderr
    assert f"{path}:1: not JSON" in err
    assert f"{path}:2: no 'id'" in err
    assert f"{path}:3: no 'text' or 'html'" in err
    assert f"{path}:4: the article is" in err
    assert f"{path}:5: 'published' is not a date" in err  # a warning: the article is still read
    docs = {r["doc_id"] for r in records(result.stdout)}
    assert {"g1", "baddate"} <= docs


def test_html_only_records_are_extracted(tmp_path: Path) -> None:
    html = (
        "<html><head><title>News</title></head><body><article><h1>Ember Knight Season 2</h1>"
        "<p>The official website of Ember Knight announced that Ember Knight Season 2 will premiere in October 2024. "
        "Fans of the series have waited for this news for a long time, and the announcement came with a new visual.</p>"
        "</article></body></html>"
    )
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [json.dumps({"id": "h1", "lang": "en", "published": "2024-05-01", "html": html})],
    )
    result = runner.invoke(app, ["claims", str(path)])
    assert result.exit_code == 0, result.output
    assert ("release", "2024-10") in {(r["type"], r["value"]) for r in records(result.stdout)}


def test_table_format(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [json.dumps(GOOD)])
    result = runner.invoke(app, ["claims", str(path), "--format", "table"])
    assert result.exit_code == 0
    assert "renewal" in result.stdout and "2024-10" in result.stdout


def test_eval_prints_the_scorer_table() -> None:
    result = runner.invoke(app, ["eval", str(OWN)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "articles: 13"
    assert lines[-1].startswith("claims F1: ")
    assert float(lines[-1].split()[-1]) >= 0.85


def test_integer_ids_come_back_as_given(tmp_path: Path) -> None:
    """A JSON integer id is written back as that integer, so a scorer keyed on the input's ids
    matches the claims (as a string "7" it would match nothing: every claim a miss)."""
    gold_claim = {"type": "renewal", "work": "Ember Knight", "season": 2, "value": None}
    rec = {**GOOD, "id": 7, "claims": [gold_claim], "flags": []}
    path = write_jsonl(tmp_path / "in.jsonl", [json.dumps(rec)])
    result = runner.invoke(app, ["claims", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    out = records(result.stdout)
    assert out and {r["doc_id"] for r in out} == {7}
    scored = runner.invoke(app, ["eval", str(path)])
    assert scored.exit_code == 0, scored.output
    assert "renewal" in scored.stdout
    assert float(scored.stdout.splitlines()[-1].split()[-1]) > 0


def test_an_id_that_is_neither_string_nor_integer_is_a_named_line_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [json.dumps({**GOOD, "id": ["a"]}), json.dumps(GOOD)])
    result = runner.invoke(app, ["claims", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert f"{path}:1: 'id' is not a string or an integer" in result.stderr
    assert {r["doc_id"] for r in records(result.stdout)} == {"g1"}
