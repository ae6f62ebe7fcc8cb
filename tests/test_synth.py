"""Synthetic corpus: deterministic, gold claims found in the text, planted pairs really similar."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson

from seasoncheck.kb.loader import load_kb
from seasoncheck.synth import MIN_DUP_JACCARD, synth_articles, write_corpus

CLI = "import seasoncheck.cli.batch_cmds; from seasoncheck.cli import main; main()"


def seasoncheck(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a subprocess: batch_cmds registers its commands there, not in the test
    process (until cli/__init__ imports it, test_docs would find them undocumented)."""
    cmd = [sys.executable, "-c", CLI, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def lines(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def word_trigrams(text: str) -> set[tuple[str, ...]]:
    """Word 3-grams, written here independently of dedup.shingles."""
    words = [w.strip(".,;:!?'\"").lower() for w in text.split()]
    words = [w for w in words if w]
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_same_seed_same_corpus_other_seed_other(tmp_path: Path) -> None:
    kb = load_kb()
    a = [r for r, _ in synth_articles(50, seed=7, kb=kb)]
    b = [r for r, _ in synth_articles(50, seed=7, kb=kb)]
    c = [r for r, _ in synth_articles(50, seed=8, kb=kb)]
    assert a == b
    assert a != c


def test_gold_claims_and_planted_pairs(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    report = write_corpus(200, path, seed=1)
    articles = {r["id"]: r for r in lines(path)}
    gold = lines(tmp_path / "c.gold.jsonl")
    pairs = lines(tmp_path / "c.pairs.jsonl")
    assert len(articles) == len(gold) == report.articles == 200
    assert 8 <= len(pairs) == report.planted_pairs <= 40  # about 10 % are rewrites
    for g in gold:
        assert 1 <= len(g["claims"]) <= 3
        for claim in g["claims"]:
            assert claim["evidence"] in articles[g["id"]]["text"]
            assert claim["work"] in g["aliases"]
    for p in pairs:
        x = word_trigrams(articles[p["original"]]["text"])
        y = word_trigrams(articles[p["copy"]]["text"])
        assert articles[p["original"]]["text"] != articles[p["copy"]]["text"]
        assert len(x & y) / len(x | y) >= MIN_DUP_JACCARD - 0.02
        assert p["jaccard"] >= MIN_DUP_JACCARD


def test_synth_cli_writes_three_files(tmp_path: Path) -> None:
    out = tmp_path / "s.jsonl"
    result = seasoncheck("synth", "30", "--out", str(out), "--seed", "2")
    assert result.returncode == 0, result.stderr
    assert len(lines(out)) == 30
    assert len(lines(tmp_path / "s.gold.jsonl")) == 30
    assert (tmp_path / "s.pairs.jsonl").exists()
    bad = seasoncheck("synth", "3", "--out", str(tmp_path / "no" / "s.jsonl"))
    assert bad.returncode == 2
    assert "no such folder" in bad.stderr
