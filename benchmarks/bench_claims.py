"""Throughput of claim extraction on 5 KB plain-text articles, beside baselines from the same run.

    python benchmarks/bench_claims.py            # 300 articles of 5 KB, demo KB
    python benchmarks/bench_claims.py --small    # 30 articles: a CI smoke run
    python benchmarks/bench_claims.py --db sqlite:////tmp/kb.db   # the KB imported into a store

Baselines, timed on the same articles in the same process: sentence segmentation alone (the
project's regex splitter, and pysbd / blingfire when installed, which is how the splitter was
chosen), and the linker alone. Reports articles/s and the ratio of each stage to segmentation.
Also: extraction with the per-sentence caches emptied before each article ("cold caches": the
articles here repeat labelled texts, real news does not), extraction with the patterns' literal
prefilter off, and the prefilter's literal pass with each matcher measured for it
(ahocorasick_rs, used; pyahocorasick; one re alternation; hyperscan when installed).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWN = ROOT / "tests" / "data" / "claims" / "own.jsonl"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
ARTICLE_CHARS = 5000  # the size the speed target is stated for
TARGET_PER_SECOND = 300  # the claims issue's speed target, one core, full KB loaded
_HOMES = ("installments", "sections")  # modules that hold per-sentence caches since the split


def make_articles(n: int) -> list[dict[str, str | None]]:
    """``n`` English articles of ~5 KB, built by joining the labelled texts (own set, dev set if present)."""
    rows = [
        json.loads(line)
        for p in (OWN, DEV)
        if p.exists()
        for line in p.open(encoding="utf-8")
        if line.strip()
    ]
    texts = [r["text"] for r in rows if (r.get("lang") or "en") == "en"]
    out: list[dict[str, str | None]] = []
    i = 0
    while len(out) < n:
        parts: list[str] = []
        while sum(len(p) for p in parts) < ARTICLE_CHARS:
            parts.append(texts[i % len(texts)])
            i += 1
        text = "\n\n".join(parts)[:ARTICLE_CHARS]
        out.append(
            {
                "id": f"bench-{len(out)}",
                "text": text[: text.rfind(" ")],
                "title": None,
                "published": "2024-06-01",
            }
        )
    return out


def as_articles(rows: list[dict[str, str | None]], article: type) -> list[object]:
    """The rows of ``make_articles`` as ``article`` objects (the class of the tree being timed:
    compare_trees.py loads two trees, each with its own models.Article)."""
    return [
        article(
            id=str(r["id"]),
            text=str(r["text"]),
            origin="bench",
            published=r["published"],
            language="en",
            doc_id=str(r["id"]),
        )
        for r in rows
    ]


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` runs, in seconds (CPU time: other processes on the machine
    inflate wall time, not this)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main() -> None:
    """Run the benchmark and print one line per stage."""
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=300, help="number of 5 KB articles")
    ap.add_argument("--small", action="store_true", help="30 articles (CI smoke run)")
    ap.add_argument("--db", default=None, help="use the KB imported into this store")
    a = ap.parse_args()
    n = 30 if a.small else a.n

    from seasoncheck.claims import _linker, extract_claims
    from seasoncheck.claims.segment import split_sentences
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.models import Article

    store = None
    if a.db:
        from seasoncheck.store import Store

        store = Store.open(a.db)
    t = time.perf_counter()
    kb = load_kb(store)
    linker = _linker(kb)
    print(
        f"KB: {len(kb.franchises)} franchises, {len(kb.titles)} titles; load + linker build {time.perf_counter() - t:.2f} s"
    )
    rows = make_articles(n)
    arts = as_articles(rows, Article)
    print(f"{n} articles of {sum(len(x.text) for x in arts) / n / 1000:.1f} KB")
    from seasoncheck.compiled import status

    print(status().line())  # compiled or pure Python: the figures differ by ~1.3x
    print(
        f"target: {TARGET_PER_SECOND} articles/s on one core ({1000 / TARGET_PER_SECOND:.1f} ms/article)"
    )

    stages: dict[str, tuple[Callable[[], object], int]] = {
        "segmentation (regex)": (lambda: [split_sentences(x.text) for x in arts], n),
        "linker": (lambda: [linker.analyse(x.text, x.title) for x in arts], n),
        "extract_claims (all)": (lambda: [extract_claims(x, kb) for x in arts], n),
    }
    stages["extract_claims (cold caches)"] = (lambda: _cold(extract_claims, arts, kb), n)
    stages["extract_claims (no prefilter)"] = (lambda: _unfiltered(extract_claims, arts, kb), n)
    stages.update(_other_segmenters([x.text for x in arts]))
    stages.update(_literal_matchers([s.text for x in arts for s in split_sentences(x.text)], n))
    base = None
    for name, (fn, count) in stages.items():
        per = timed(fn) / count
        base = base or per
        print(
            f"{name:<30} {1 / per:9.0f} articles/s  {per * 1000:7.2f} ms/article  {per / base:6.1f}x segmentation"
        )


def _cold(extract: Callable[..., object], arts: list[object], kb: object) -> object:
    """Extraction with the per-sentence caches emptied before each article. The articles here
    repeat the labelled texts, so warm caches answer for sentences seen in earlier articles;
    distinct news articles get no such help (measured: about a third slower)."""
    import seasoncheck.claims as claims
    from seasoncheck.claims import attach, cues, fastregex
    from seasoncheck.link import seasons

    names = ("sentence_source", "absent_spans", "blank_asides", "_clause_spans")
    memos = [getattr(cues, name, None) for name in names]
    memos.append(getattr(seasons, "_memo_refs_at", None))
    # (their homes before and after the split of attach.py and claims/__init__.py)
    homes = [attach, claims, *(sys.modules.get(f"seasoncheck.claims.{m}") for m in _HOMES)]
    memos += [
        getattr(h, n, None) for h in homes for n in ("_anchor_at", "_past_after", "_passing_at")
    ]
    out = []
    for x in arts:
        for memo in memos:
            if hasattr(memo, "cache_clear"):
                memo.cache_clear()
        fastregex._TEXTS.entries.clear()
        out.append(extract(x, kb))
    return out


def _unfiltered(extract: Callable[..., object], arts: list[object], kb: object) -> object:
    """Extraction with the patterns' literal prefilter off: what the prefilter saves."""
    from seasoncheck.claims import patterns

    with patterns.unfiltered():
        return [extract(x, kb) for x in arts]


def _literal_matchers(sentences: list[str], n: int) -> dict[str, tuple[Callable[[], object], int]]:
    """The prefilter's pass (which of the patterns' literals each sentence holds) with each
    matcher: ahocorasick_rs (used), pyahocorasick, hyperscan when installed, one re alternation."""
    from ahocorasick_rs import AhoCorasick, MatchKind

    from seasoncheck.claims import fastregex

    lits = list(fastregex._LITERALS.ids)
    low = [s.lower() for s in sentences]
    rs = AhoCorasick(lits, matchkind=MatchKind.Standard)
    out = {
        "literals (ahocorasick_rs)": (
            lambda: [{i for i, _, _ in rs.find_matches_as_indexes(t, True)} for t in low],
            n,
        )
    }
    import ahocorasick

    py = ahocorasick.Automaton()
    for i, lit in enumerate(lits):
        py.add_word(lit, i)
    py.make_automaton()
    out["literals (pyahocorasick)"] = (lambda: [{v for _, v in py.iter(t)} for t in low], n)
    alt = re.compile("|".join(re.escape(x) for x in sorted(lits, key=len, reverse=True)))
    out["literals (re, no overlaps)"] = (lambda: [set(alt.findall(t)) for t in low], n)
    hs = _hyperscan_literals(lits, low)
    if hs is not None:
        out["literals (hyperscan)"] = (hs, n)
    return out


def _hyperscan_literals(lits: list[str], low: list[str]) -> Callable[[], object] | None:
    """The literal pass with hyperscan (``pip install hyperscan``), or None when not installed."""
    try:
        import hyperscan
    except ImportError:
        return None
    db = hyperscan.Database()
    flags = hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_UTF8
    db.compile(
        expressions=[re.escape(x).encode() for x in lits],
        ids=list(range(len(lits))),
        elements=len(lits),
        flags=[flags] * len(lits),
    )

    def scan() -> list[set[int]]:
        out = []
        for t in low:
            found: set[int] = set()
            db.scan(t.encode(), match_event_handler=_adder(found))
            out.append(found)
        return out

    return scan


def _adder(found: set[int]) -> Callable[..., None]:
    """A hyperscan match handler that collects pattern ids into ``found``."""
    return lambda i, *_: found.add(i)


def _other_segmenters(texts: list[str]) -> dict[str, tuple[Callable[[], object], int]]:
    """pysbd and blingfire, when installed: the alternatives the regex splitter was measured against."""
    out: dict[str, tuple[Callable[[], object], int]] = {}
    try:
        import blingfire

        out["segmentation (blingfire)"] = (
            lambda: [blingfire.text_to_sentences(t) for t in texts],
            len(texts),
        )
    except ImportError:
        pass
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
        few = texts[: max(1, len(texts) // 10)]  # pysbd is slow: time a tenth of the articles
        out["segmentation (pysbd)"] = (lambda: [seg.segment(t) for t in few], len(few))
    except ImportError:
        pass
    return out


if __name__ == "__main__":
    main()
