"""Benchmark: ``seasoncheck report`` for one franchise with 1,000 stored articles.

Builds a SQLite store in a temporary folder with N synthetic articles (about 1.5 KB of text and
three claims each, several sites, dates over two years, some near-duplicate groups and flags) about
a hand-written franchise, then times, each best of ``--repeat`` runs:

* baseline: reading the franchise's claims with their article metadata (one SQL query);
* ``build_report``, first (cold): queries, consolidation, verdicts, KB checks, factual-error
  scan of every article text, and the records of every site; then again (warm: the scans are
  remembered per article and KB facts in ``factcheck.SCAN_MEMO``, as for a report rebuilt
  after an ingest), and once without the text scan (``scan_facts=False``);
* rendering the built report as JSON, Markdown and Rich text.

The target (issue 5): the whole report renders in under a second for 1,000 articles.

    python benchmarks/bench_report.py            # 1,000 articles
    python benchmarks/bench_report.py --small    # 100 articles: CI smoke run
    python benchmarks/bench_report.py --articles 5000
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console

from seasoncheck import factcheck
from seasoncheck.dedup import content_hash
from seasoncheck.kb.model import Character, Franchise, KBSeason, KnowledgeBase
from seasoncheck.models import Article, Claim, Flag
from seasoncheck.report import build_report
from seasoncheck.report_render import render_json, render_markdown, render_rich
from seasoncheck.store import Store
from seasoncheck.store.queries import claims_for_franchise

TARGET_S = 1.0
FID = "paper-lanterns"
WORK = "Paper Lanterns"
SITES = [f"site{i}.example" for i in range(25)]
STATUS_ATTR = [
    ("confirmed", "official"),
    ("confirmed", "media"),
    ("confirmed", "none"),
    ("reported", "leak"),
    ("speculated", "none"),
]
VALUES = ["2024", "2024-10", "2024-10-05", "2024-FALL", "2025-01", "2023-10", None]
# Sentences an article is drawn from (10 of them, about 1.3 KB): a few name characters, as real
# news does; one in fifteen articles also gets a wrong-gender sentence.
SENTENCES = (
    "Fans have waited a long time for more of the lantern makers of the old town.",
    "The first season left several questions open, and the manga has plenty of material left.",
    "Mina Okabe and her brother Joji return, and Sora Tanaka has a bigger part this time.",
    "The staff said at a stage event that the production is going well and on schedule.",
    "The original manga has sold more than three million copies in Japan so far.",
    "The director of the first season returns, as does the composer of its soundtrack.",
    "Viewers praised the festival episode, which many called the best of the year.",
    "The second season will adapt the story arc set during the winter festival.",
    "More details are expected at the publisher's booth at the next anime convention.",
    "A new key visual shows the harbour at night with hundreds of paper lanterns.",
    "Sora's workshop is expected to play a big part in the new episodes of the show.",
    "Streaming details outside Japan have not been announced by the licensor yet.",
)


def make_kb() -> KnowledgeBase:
    """The benchmark's franchise: two seasons, a studio, three characters."""
    lanterns = Franchise(
        FID,
        WORK,
        (WORK,),
        seasons=(
            KBSeason("k1", FID, WORK, 1, first_aired="2022-07-02", studios=("Studio Lumen",)),
            KBSeason("k2", FID, f"{WORK} 2", 2, first_aired="2024-10-05", episodes=12),
        ),
        studios=("Studio Lumen",),
        characters=(
            Character(FID, "Mina Okabe", ("Mina",), "female", "protagonist"),
            Character(FID, "Joji Okabe", ("Joji",), "male"),
            Character(FID, "Sora Tanaka", ("Sora",), "female"),
        ),
    )
    return KnowledgeBase({FID: lanterns})


def fill_store(store: Store, n: int, seed: int = 5) -> None:
    """N articles with three claims each; every tenth a near-duplicate, every twentieth flagged."""
    rng = random.Random(seed)
    start = date(2023, 3, 1)
    groups: list[str] = []
    for i in range(n):
        body = " ".join(rng.sample(SENTENCES, 10))
        text = f"Article {i}. {body}" + (" Mina, a shy boy, returns." if i % 15 == 0 else "")
        aid = content_hash(text)
        published = (start + timedelta(days=rng.randrange(700))).isoformat()
        group = rng.choice(groups) if groups and i % 10 == 0 else None
        groups.append(aid)
        article = Article(aid, text, f"bench:{i}", f"Paper Lanterns news {i}", None,
                          rng.choice(SITES), published, dup_group=group)  # fmt: skip
        claims = [
            _claim(aid, rng, t) for t in ("renewal", "release", rng.choice(("studio", "trailer")))
        ]
        flags = [Flag(aid, "headline_unsupported")] if i % 20 == 0 else []
        store.add_article(article, claims_=claims, flags_=flags)


def _claim(aid: str, rng: random.Random, type_: str) -> Claim:
    status, attribution = rng.choice(STATUS_ATTR)
    value = {"release": rng.choice(VALUES), "studio": rng.choice(("Studio Lumen", "MAPPA"))}.get(
        type_
    )
    return Claim(aid, WORK, 2, type_, value, status, attribution, "evidence", franchise_id=FID)


def forget_scans() -> None:
    """Empty the factual-error scan memo, so the next build scans every article (cold)."""
    memo = getattr(factcheck, "SCAN_MEMO", None)  # absent before the memo existed
    if memo is not None:
        memo.clear()


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs (seconds) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def run(n: int, repeat: int) -> int:
    """Fill a store, time the baseline and the report, print the table; 0 when under target."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        t0 = time.perf_counter()
        fill_store(store, n)
        print(f"filled {n} articles in {time.perf_counter() - t0:.1f} s")
        kb = make_kb()
        today = date(2025, 1, 10)
        base, _ = best_of(repeat, lambda: claims_for_franchise(store, FID, [WORK]))
        forget_scans()
        cold, _ = best_of(1, lambda: build_report(store, kb, WORK, today=today))
        build, report = best_of(repeat, lambda: build_report(store, kb, WORK, today=today))
        stored_only, _ = best_of(
            repeat, lambda: build_report(store, kb, WORK, today=today, scan_facts=False)
        )
        js, _ = best_of(repeat, lambda: render_json(report))
        md, _ = best_of(repeat, lambda: render_markdown(report))
        rich, _ = best_of(
            repeat, lambda: render_rich(report, Console(file=io.StringIO(), width=120))
        )
        store.close()
    total = cold + max(js, md, rich)
    print(f"{'step':<34}{'seconds':>10}{'x baseline':>12}")
    for name, t in [
        ("baseline: claims query", base),
        ("build_report, first (cold)", cold),
        ("build_report again (warm)", build),
        ("  of which without the text scan", stored_only),
        ("render json", js),
        ("render markdown", md),
        ("render rich text", rich),
        ("report total (cold + slowest)", total),
    ]:
        print(f"{name:<34}{t:>10.3f}{t / base:>12.1f}")
    s2 = report.seasons[0]
    print(f"season 2: {s2.state}, {len(s2.claims)} claims, {len(report.sources)} sites")
    ok = total < TARGET_S
    print(f"target: under {TARGET_S:.1f} s for {n} articles: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    """Command line: --articles N, --small, --repeat R."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--small", action="store_true", help="100 articles (CI smoke run)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    return run(100 if args.small else args.articles, args.repeat)


if __name__ == "__main__":
    sys.exit(main())
