"""Benchmark: seasoncheck's extract_article against trafilatura alone on the article-extraction benchmark.

Data: ../shared/data/article-extraction-benchmark/ (181 gzipped pages + ground-truth.json, MIT).
Metric (the benchmark's own, re-implemented here): ``\\w+`` tokens, word 4-gram shingles counted
as multisets; per page TP/FP/FN; precision = mean of TP/(TP+FP) over pages with TP+FP > 0,
recall = mean of TP/(TP+FN) over pages with TP+FN > 0, F1 = harmonic mean of the two means.

Every page goes through every extractor in turn (round robin), so a busy machine slows them
alike; each extractor first runs once untimed (one-time loads such as the language model). The gate: seasoncheck's time per page is at most 1.25x trafilatura's (defaults) and its
F1 is not lower.

    python benchmarks/bench_extract.py            # all 181 pages
    python benchmarks/bench_extract.py --limit 20 # smoke run
    python benchmarks/bench_extract.py --lang     # also: language detection, sample vs full text
    python benchmarks/bench_extract.py --audit    # also: lines the boilerplate pass removed, vs truth
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
MAX_ADDED_COST = 0.25  # the target: at most 25% of trafilatura's time per page
_TOKEN = re.compile(r"\w+")
BARE = "trafilatura.bare_extraction (our options)"
OWN_STEPS_MS: list[float] = []

Extractor = Callable[[str, str], str]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-gram shingles of a text, as a multiset."""
    toks = _TOKEN.findall(text)
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_counts(pred: str, truth: str) -> tuple[int, int, int]:
    """(TP, FP, FN) of one page's shingle multisets."""
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def prf(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    """Precision, recall and F1 as the benchmark defines them (means over pages)."""
    ps = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0]
    rs = [tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_pages(limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, ground-truth text) of the benchmark's pages, sorted by id."""
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    return [
        (
            i,
            truth[i]["url"],
            gzip.decompress((DATA / "html" / f"{i}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            ),
            truth[i]["articleBody"],
        )
        for i in ids
    ]


def extractors() -> dict[str, Extractor]:
    """The contenders: trafilatura alone (defaults, fast), its call inside seasoncheck, seasoncheck."""
    import trafilatura

    from seasoncheck.extract import TRAFILATURA_OPTIONS, ExtractError, extract_article
    from seasoncheck.models import RawItem

    def bare(html: str, url: str) -> str:
        doc = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
        return doc.text if doc else ""

    def ours(html: str, url: str) -> str:
        try:
            return extract_article(RawItem(origin=url, html=html, url=url)).text
        except ExtractError:
            return ""

    return {
        "trafilatura.extract (defaults)": lambda h, u: trafilatura.extract(h, url=u) or "",
        "trafilatura.extract (fast)": lambda h, u: trafilatura.extract(h, url=u, fast=True) or "",
        BARE: bare,
        "seasoncheck extract_article": ours,
    }


def run(
    pages: list[tuple[str, str, str, str]],
) -> dict[str, tuple[float, list[tuple[int, int, int]]]]:
    """Seconds and per-page counts of every extractor, pages given to each in turn."""
    contenders = extractors()
    seconds = dict.fromkeys(contenders, 0.0)
    counts: dict[str, list[tuple[int, int, int]]] = {name: [] for name in contenders}
    bare_texts = []
    for fn in contenders.values():  # warm-up: one-time loads (language model, TLD list) not timed
        fn(pages[0][2], pages[0][1])
    for _id, url, html, truth in pages:
        for name, fn in contenders.items():
            start = time.perf_counter()
            text = fn(html, url)
            seconds[name] += time.perf_counter() - start
            counts[name].append(page_counts(text, truth))
            if name == BARE:
                bare_texts.append(text)
    OWN_STEPS_MS.append(own_steps_ms(bare_texts))
    return {name: (seconds[name], counts[name]) for name in contenders}


def own_steps_ms(texts: list[str]) -> float:
    """Milliseconds per page of what seasoncheck adds after trafilatura, timed alone."""
    from seasoncheck.boilerplate import strip_boilerplate
    from seasoncheck.dedup import content_hash
    from seasoncheck.lang import detect_language

    start = time.perf_counter()
    for text in texts:
        clean = strip_boilerplate(text)
        detect_language(clean)
        content_hash(clean)
    return 1000 * (time.perf_counter() - start) / max(len(texts), 1)


def report(results: dict[str, tuple[float, list[tuple[int, int, int]]]], n: int) -> bool:
    """Print the Markdown table and the gate's verdict; True when the gate holds."""
    print(f"| extractor ({n} pages) | precision | recall | F1 | pages/s | ms/page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (secs, counts) in results.items():
        p, r, f = prf(counts)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {n / secs:.1f} | {1000 * secs / n:.1f} |")
    base_s, base_c = results["trafilatura.extract (defaults)"]
    ours_s, ours_c = results["seasoncheck extract_article"]
    added = (ours_s - base_s) / base_s
    print(
        f"\nseasoncheck vs trafilatura defaults: added cost {added:+.1%} of trafilatura's time "
        f"(target <= {MAX_ADDED_COST:.0%}), F1 {prf(ours_c)[2]:.3f} vs {prf(base_c)[2]:.3f}; "
        f"seasoncheck's own steps after trafilatura (boilerplate, language, hash), timed alone: "
        f"{OWN_STEPS_MS[-1]:.2f} ms/page"
    )
    return added <= MAX_ADDED_COST and prf(ours_c)[2] >= prf(base_c)[2]


def bench_language(pages: list[tuple[str, str, str, str]]) -> None:
    """Language detection on the ground-truth texts: the 400-byte prose sample vs the full text."""
    from seasoncheck.lang import _identifier, detect_language

    ident = _identifier()
    texts = [truth for *_, truth in pages]
    start = time.perf_counter()
    full = [ident.classify(t)[0] for t in texts]
    t_full = time.perf_counter() - start
    start = time.perf_counter()
    ours = [detect_language(t) for t in texts]
    t_ours = time.perf_counter() - start
    agree = sum(a == b for a, b in zip(full, ours, strict=True))
    print(f"\n| language detection ({len(texts)} texts) | ms/text | agrees with full text |")
    print("| --- | ---: | ---: |")
    print(f"| py3langid, full text | {1000 * t_full / len(texts):.2f} | - |")
    print(
        f"| seasoncheck detect_language (sample) | {1000 * t_ours / len(texts):.2f} | {agree}/{len(texts)} |"
    )
    print("languages:", dict(Counter(full).most_common()))


def audit_boilerplate(pages: list[tuple[str, str, str, str]]) -> None:
    """Lines the boilerplate pass removes from trafilatura's text, and how many the truth has."""
    import trafilatura

    from seasoncheck.boilerplate import classify_lines
    from seasoncheck.extract import TRAFILATURA_OPTIONS

    removed = wrong = 0
    for _id, url, html, truth in pages:
        doc = trafilatura.bare_extraction(html, url=url, **TRAFILATURA_OPTIONS)
        for raw, line in zip(
            (doc.text or "").splitlines(), classify_lines(doc.text or ""), strict=True
        ):
            gone = raw[len(line.text) :] if line.label == "trimmed" else raw
            if line.label in ("keep", "blank") or not gone.strip():
                continue
            removed += 1
            in_truth = gone.strip()[:60] in truth
            wrong += in_truth
            print(f"  {'IN TRUTH' if in_truth else 'ok':8s} {line.label:8s} {gone.strip()[:90]!r}")
    print(
        f"\nboilerplate pass: {removed} lines or sentences removed, {wrong} of them in the ground truth"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when the gate fails, 0 when it holds or the data is absent."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N pages (smoke run)"
    )
    parser.add_argument("--lang", action="store_true", help="also benchmark language detection")
    parser.add_argument(
        "--audit", action="store_true", help="list what the boilerplate pass removes"
    )
    parser.add_argument("--data", type=Path, default=DATA, help="benchmark folder")
    args = parser.parse_args(argv)
    globals()["DATA"] = args.data
    if not (args.data / "ground-truth.json").is_file():
        print(f"skipped: benchmark data not found at {args.data}")
        return 0
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    pages = load_pages(args.limit)
    ok = report(run(pages), len(pages))
    if args.lang:
        bench_language(pages)
    if args.audit:
        audit_boilerplate(pages)
    print("gate:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
