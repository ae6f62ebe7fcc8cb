"""Claim-extraction speed of two source trees, interleaved in one process (a ratio that holds on a
busy machine, where two separate runs would not compare).

    python benchmarks/compare_trees.py /work/base/src /work/speed/src --db sqlite:////tmp/kb.db

Both trees are imported side by side (the first one's modules are renamed out of the way before
the second is imported), each with its own KB and linker. Each round times, for each tree in
turn, extraction with the per-sentence caches emptied before each article ("cold", the figure
for distinct news articles), extraction with warm caches, and the linker alone; the best CPU time
of all rounds is kept. Also checks that both trees extract the same claims.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_claims import as_articles, make_articles  # noqa: E402

_Timers = dict[str, Callable[[], object]]
_HOMES = ("installments", "sections")  # modules that hold per-sentence caches since the split


def _load(src: str, rows: list[dict[str, Any]], db: str | None) -> tuple[_Timers, list[str]]:
    """The timed stages of the tree at ``src`` and its extractions (repr) of ``rows``."""
    sys.path.insert(0, src)
    import seasoncheck
    import seasoncheck.claims as claims
    from seasoncheck.claims import attach, cues, patterns
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.link import seasons
    from seasoncheck.models import Article

    if not str(seasoncheck.__file__).startswith(src):
        raise SystemExit(f"{src}: imported {seasoncheck.__file__} instead")
    store = None
    if db:
        from seasoncheck.store import Store

        store = Store.open(db)
    kb = load_kb(store)
    linker = claims._linker(kb)
    arts = as_articles(rows, Article)
    names = ("sentence_source", "absent_spans", "blank_asides", "_clause_spans")
    memos = [getattr(cues, n, None) for n in names] + [getattr(seasons, "_memo_refs_at", None)]
    # (their homes before and after the split of attach.py and claims/__init__.py)
    homes = [attach, claims, *(sys.modules.get(f"seasoncheck.claims.{m}") for m in _HOMES)]
    memos += [
        getattr(h, n, None) for h in homes for n in ("_anchor_at", "_past_after", "_passing_at")
    ]
    memos = [m for m in memos if hasattr(m, "cache_clear")]
    extract = claims.extract_claims
    # the text cache: in patterns before the machinery moved to fastregex
    texts = getattr(patterns, "_TEXTS", None)
    if texts is None:
        from seasoncheck.claims import fastregex

        texts = fastregex._TEXTS

    def cold() -> None:
        for x in arts:
            for m in memos:
                m.cache_clear()
            texts.entries.clear()
            extract(x, kb)

    def warm() -> None:
        for x in arts:
            extract(x, kb)

    def link() -> None:
        for x in arts:
            linker.analyse(x.text, x.title)

    out = [repr(extract(x, kb)) for x in arts]
    for name in [k for k in sys.modules if k == "seasoncheck" or k.startswith("seasoncheck.")]:
        sys.modules[f"_tree:{src}:{name}"] = sys.modules.pop(name)
    sys.path.remove(src)
    return {"cold": cold, "warm": warm, "linker": link}, out


def main() -> int:
    """Print ms/article of each tree and stage, and the ratio base / new."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--db", default=None, help="use the KB imported into this store")
    ap.add_argument("--n", type=int, default=150, help="number of 5 KB articles")
    ap.add_argument("--rounds", type=int, default=8, help="interleaved rounds (best kept)")
    a = ap.parse_args()
    rows = make_articles(a.n)
    trees = {"base": _load(a.base, rows, a.db), "new": _load(a.new, rows, a.db)}
    same = trees["base"][1] == trees["new"][1]
    print(f"{a.n} articles, {a.rounds} rounds; extractions identical: {same}")
    best: dict[tuple[str, str], float] = {}
    for _ in range(a.rounds):
        for tree, (stages, _) in trees.items():
            for stage, fn in stages.items():
                t = time.process_time()
                fn()
                per = (time.process_time() - t) / a.n * 1000
                best[tree, stage] = min(best.get((tree, stage), per), per)
    for stage in ("cold", "warm", "linker"):
        old, new = best["base", stage], best["new", stage]
        print(
            f"{stage:<7} base {old:6.2f} ms/article  new {new:6.2f} ms/article  "
            f"({1000 / new:4.0f} articles/s)  ratio {old / new:4.2f}x"
        )
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
