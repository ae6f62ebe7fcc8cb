"""Our scorer prints the same table as shared/tools/score_claims.py, digit for digit.

Hand-made gold/pred files exercise the edges: punctuation-only values, seasons as strings and
"null", article ids as numbers and strings, an unknown claim type, the table's row order and
the rounding of the last digit. Expected tables were worked out by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from seasoncheck.claims.scoring import format_report, load_gold, score

HL = "Harbor Lights"


def claim(ctype: str, season: Any, value: Any, status: str, attribution: str, **kw: Any) -> dict:
    """A claim record (gold or predicted)."""
    return {"work": HL, "season": season, "type": ctype, "value": value, "status": status,
            "attribution": attribution, **kw}  # fmt: skip


EDGE_GOLD = [
    {
        "id": 7,
        "aliases": {HL: ["Minato no Hikari"]},
        "claims": [
            claim("renewal", 2, ":", "confirmed", "official"),
            claim("release", "2", "2027-autumn", "reported", "media"),
            claim("studio", 2, "Studio Pierrot", "confirmed", "official"),
        ],
        "flags": ["headline_unsupported"],
    },
    {
        "id": "b",
        "aliases": {},
        "claims": [
            {
                **claim("streaming", None, "Netflix", "confirmed", "official"),
                "work": "Glass Orchard",
            }
        ],  # fmt: skip
        "flags": [],
    },
]
EDGE_PRED = [
    # ":" and "-" both normalise to "" (not None), so these values match.
    claim("renewal", 2, "-", "confirmed", "official", doc_id=7, work="Minato no Hikari"),
    claim("release", 2, "2027-10", "confirmed", "media", doc_id=7),  # autumn = October
    claim("studio", 2, "Pierrot Inc.", "reported", "none", doc_id=7, work="harbor lights!"),
    claim("sequel", 3, None, "confirmed", "official", doc_id=7),  # unknown type: false positive
    {"doc_id": 7, "flag": "headline_unsupported"},
    {
        **claim("streaming", "null", "netflix", "confirmed", "official", doc_id="b"),
        "work": "Glass Orchard",
    },  # fmt: skip
    {"doc_id": "b", "flag": "clickbait"},
    claim("renewal", 2, None, "confirmed", "official", doc_id="7"),  # "7" is not article 7
]
EDGE_TABLE = """\
articles: 2
type            P      R     F1   tp   fp   fn
release     1.000  1.000  1.000    1    0    0
renewal     1.000  1.000  1.000    1    0    0
streaming   1.000  1.000  1.000    1    0    0
studio      1.000  1.000  1.000    1    0    0
sequel      0.000  0.000  0.000    0    1    0
all         0.800  1.000  0.889    4    1    0
status agreement on matched: 0.5
attribution agreement on matched: 0.75
flags: P 0.500 R 1.000 (tp 1 fp 1 fn 0)
predictions naming unknown articles: 1"""

# 13 labelled trailers, 6 predicted, 2 right: F1 = 4/19 = 0.21053, which the reference rounds
# to 0.2105 before printing three decimals: 0.210.
ROUNDING_GOLD = [
    {"id": "r", "aliases": {}, "flags": [],
     "claims": [claim("trailer", n, None, "confirmed", "official") for n in range(1, 14)]}
]  # fmt: skip
ROUNDING_PRED = [
    claim("trailer", n, None, "confirmed", "official", doc_id="r") for n in (1, 2, 20, 21, 22, 23)
]
CASES = {"edges": (EDGE_GOLD, EDGE_PRED), "rounding": (ROUNDING_GOLD, ROUNDING_PRED)}


def write_case(folder: Path, name: str) -> tuple[Path, Path]:
    """The case's gold and prediction JSONL files."""
    gold, pred = CASES[name]
    paths = folder / f"{name}.gold.jsonl", folder / f"{name}.pred.jsonl"
    for path, rows in zip(paths, (gold, pred), strict=True):
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return paths


def ours(gold: Path, pred: Path, by_doc: bool = False) -> str:
    """Our table for two files."""
    return format_report(score(load_gold(gold), load_gold(pred)), by_doc=by_doc)


def test_edge_values_table_worked_out_by_hand(tmp_path: Path) -> None:
    table = ours(*write_case(tmp_path, "edges"), by_doc=True)
    assert table == EDGE_TABLE + "\n  7: tp 3 fp 1 fn 0\n  b: tp 1 fp 0 fn 0\nclaims F1: 0.889"


def test_the_last_digit_is_rounded_as_the_reference_rounds_it(tmp_path: Path) -> None:
    lines = ours(*write_case(tmp_path, "rounding")).splitlines()
    assert lines[2].split() == ["trailer", "0.333", "0.154", "0.210", "2", "4", "11"]
    assert lines[-1] == "claims F1: 0.210"


@pytest.mark.parametrize("by_doc", [False, True])
@pytest.mark.parametrize("case", sorted(CASES))
def test_same_table_as_the_shared_scorer(
    shared_dir: Path, tmp_path: Path, case: str, by_doc: bool
) -> None:
    gold, pred = write_case(tmp_path, case)
    args = [sys.executable, str(shared_dir / "tools" / "score_claims.py"), str(gold), str(pred)]
    done = subprocess.run(
        args + (["--by-doc"] if by_doc else []), capture_output=True, text=True, check=True
    )
    assert ours(gold, pred, by_doc) == done.stdout.rstrip("\n")
