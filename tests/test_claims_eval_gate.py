"""Evaluation gate: the extractor must keep the scores pinned in tests/eval_baseline.json.

Runs the claim extractor and the project's scorer over the labelled sets: the project's own
articles (always) and shared/eval/dev.jsonl (skips when ../shared is absent). The labelled data is
pinned by its SHA-256 so floors and data move together, and no floor may sit below the project's
stated targets unless SEASONCHECK_ALLOW_LOWER_FLOORS=1.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from seasoncheck.claims.io import demo_kb, extraction_lines, run_file
from seasoncheck.claims.scoring import Score, load_gold, score

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
# The targets of the claims issue: a floor below these is refused.
TARGETS = {
    "min_f1": 0.85,
    "min_type_f1": 0.75,
    "min_status_agreement": 0.9,
    "min_attribution_agreement": 0.85,
    "min_flag_precision": 0.9,
    "min_flag_recall": 0.9,
}


def _scores(path: Path) -> Score:
    """Extract claims from ``path`` (its own gold articles) and score them."""
    run = run_file(path, demo_kb())
    assert not run.failed, [str(p) for p in run.problems]
    preds = [rec for ex in run.extractions for rec in extraction_lines(ex)]
    return score(load_gold(path), preds)


def _check(name: str, path: Path) -> None:
    """Assert the digest and every floor of one labelled set."""
    floors = BASELINE["sets"][name]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == floors["sha256"], (
        f"{path} changed: re-measure and re-pin its floors in eval_baseline.json"
    )
    s = _scores(path)
    problems = []
    if s.overall.f1 < floors["min_f1"]:
        problems.append(f"F1 {s.overall.f1:.3f} < {floors['min_f1']}")
    for t, m in s.by_type.items():
        if m.tp + m.fn >= floors["min_type_support"] and m.f1 < floors["min_type_f1"]:
            problems.append(f"{t} F1 {m.f1:.3f} < {floors['min_type_f1']}")
    if (s.status_agreement or 0) < floors["min_status_agreement"]:
        problems.append(f"status agreement {s.status_agreement} < {floors['min_status_agreement']}")
    if (s.attribution_agreement or 0) < floors["min_attribution_agreement"]:
        problems.append(
            f"attribution agreement {s.attribution_agreement} < {floors['min_attribution_agreement']}"
        )
    if s.flags.tp + s.flags.fn and s.flags.recall < floors["min_flag_recall"]:
        problems.append(f"flag recall {s.flags.recall:.3f} < {floors['min_flag_recall']}")
    if s.flags.tp + s.flags.fp and s.flags.precision < floors["min_flag_precision"]:
        problems.append(f"flag precision {s.flags.precision:.3f} < {floors['min_flag_precision']}")
    assert not problems, f"{name}: " + "; ".join(problems)


def test_floors_are_not_below_the_targets() -> None:
    if os.environ.get("SEASONCHECK_ALLOW_LOWER_FLOORS") == "1":
        pytest.skip("lower floors explicitly allowed")
    for name, floors in BASELINE["sets"].items():
        for key, target in TARGETS.items():
            if name == "dev":
                assert floors[key] >= target, (
                    f"{name}.{key} = {floors[key]} is below the target {target}"
                )


def test_own_articles_gate() -> None:
    _check("own", ROOT / BASELINE["sets"]["own"]["path"])


def test_heldout_articles_gate() -> None:
    _check("heldout", ROOT / BASELINE["sets"]["heldout"]["path"])


# Sets kept in the repository besides own and heldout (heldout2, heldout3, ...): paths relative to
# the repository, so they run on a fresh machine without ../shared.
REPO_SETS = [n for n in BASELINE["sets"] if n not in ("dev", "own", "heldout")]


@pytest.mark.parametrize("name", REPO_SETS)
def test_more_heldout_sets_gate(name: str) -> None:
    _check(name, ROOT / BASELINE["sets"][name]["path"])


def test_dev_set_gate(shared_dir: Path) -> None:
    _check("dev", shared_dir / BASELINE["sets"]["dev"]["path"])
