"""Check that two source trees extract byte-identical claims (a gate for speed work).

    python benchmarks/check_identical.py /work/base/src /work/speed/src [--db sqlite:////tmp/kb.db]
    python benchmarks/check_identical.py OLD NEW --skip heldout16   # leave a blind set unread

Runs ``seasoncheck claims FILE --format jsonl`` with each tree on PYTHONPATH for every labelled
set (dev, own, held-out sets) and the bench's generated 5 KB articles, then, in one process per
tree, dumps the full ``Extraction`` (mentions and offsets included) and the linker's result of
every article through the Python API. Prints one line per input and exits 1 on any difference.
``--skip NAME`` (repeatable) leaves out the sets whose file name starts with NAME, so a set kept
blind for a later measurement is not run while work on speed goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
    ROOT / "tests" / "data" / "claims" / "own.jsonl",
    ROOT / "tests" / "data" / "claims" / "heldout.jsonl",
    *sorted((ROOT / "tests" / "data" / "eval").glob("heldout*.jsonl")),
]

# Run in a child process with one tree on sys.path: every article's Extraction and LinkResult.
_DUMP = r"""
import json, sys
from pathlib import Path
from seasoncheck.claims import _linker, extract_claims
from seasoncheck.claims.io import LineProblem, read_articles
from seasoncheck.kb.loader import load_kb
db, out, *files = sys.argv[1:]
store = None
if db:
    from seasoncheck.store import Store
    store = Store.open(db)
kb = load_kb(store)
with open(out, "w", encoding="utf-8") as fh:
    for f in files:
        for art in read_articles(Path(f)):
            if isinstance(art, LineProblem):
                continue
            fh.write(repr(extract_claims(art, kb)) + "\n")
            fh.write(repr(_linker(kb).analyse(art.text, art.title)) + "\n")
"""


def bench_file(path: Path, n: int) -> None:
    """Write the bench's ``n`` generated 5 KB articles to ``path`` (JSONL)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_claims import make_articles

    with path.open("w", encoding="utf-8") as fh:
        for r in make_articles(n):
            fh.write(json.dumps({**r, "lang": "en"}) + "\n")


def run(src: str, args: list[str]) -> bytes:
    """stdout of ``args`` run with ``src`` first on PYTHONPATH."""
    env = {**os.environ, "PYTHONPATH": src}
    return subprocess.run(args, env=env, capture_output=True, check=False).stdout


def main() -> int:
    """Compare the two trees; 0 when every output is identical."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--db", default="")
    ap.add_argument("--n", type=int, default=300, help="generated bench articles")
    ap.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out sets whose file name starts with NAME (e.g. a blind set); repeatable",
    )
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ident-"))
    bench = tmp / "bench.jsonl"
    bench_file(bench, a.n)
    sets = [p for p in SETS if p.exists() and not p.name.startswith(tuple(a.skip))]
    files = [*sets, bench]
    bad = 0
    db = ["--db", a.db] if a.db else []
    for f in files:
        cmd = [sys.executable, "-m", "seasoncheck", "claims", str(f), "--format", "jsonl", *db]
        old, new = run(a.base, cmd), run(a.new, cmd)
        same = old == new and bool(old)
        bad += not same
        print(f"{'same' if same else 'DIFFERENT':<9} {len(old):>8} bytes  cli  {f.name}")
    dumps = []
    for src in (a.base, a.new):
        out = tmp / f"dump-{len(dumps)}.txt"
        cmd = [sys.executable, "-c", _DUMP, a.db, str(out), *map(str, files)]
        subprocess.run(cmd, env={**os.environ, "PYTHONPATH": src}, check=True)
        dumps.append(out.read_bytes())
    same = dumps[0] == dumps[1] and bool(dumps[0])
    bad += not same
    print(f"{'same' if same else 'DIFFERENT':<9} {len(dumps[0]):>8} bytes  api  all files")
    if not same:
        print(f"diff {tmp}/dump-0.txt {tmp}/dump-1.txt")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
