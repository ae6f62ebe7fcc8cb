"""Linker throughput on English article text with the full bangumi-data KB, beside raw pyahocorasick.

    python benchmarks/bench_link.py [--kb ../shared/data/bangumi-data-0.3.208.json] [--mb 10]
                                    [--small]

Text: the English article bodies of ../shared/data/article-extraction-benchmark (news and blog
pages, at least 95% ASCII), repeated until ``--mb`` megabytes, fed one article at a time, as the pipeline does.
Baseline, in the same run: one pyahocorasick automaton over all normalised KB titles (every
script), iterated over the same articles lower-cased: the naive design the issue measured.
Also reported: the Linker's own Latin automaton iterated alone. Throughput is MB of UTF-8 text
per second of CPU time of this process (one core). ``--small`` uses 1 MB and a bundled sample when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link import Linker, normalise_title
from seasoncheck.link.normalise import normalise_latin_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
KB_FILE = SHARED / "bangumi-data-0.3.208.json"
ARTICLES = SHARED / "article-extraction-benchmark" / "ground-truth.json"
DEV = SHARED.parent / "eval" / "dev.jsonl"
TARGET_MBPS = 20.0  # issue 3: the whole linker at >= 20 MB/s


def load_articles(mb: float) -> list[str]:
    """English article bodies, repeated up to ``mb`` megabytes."""
    if ARTICLES.is_file():
        data = ARTICLES.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        bodies = [v["articleBody"] for v in json.loads(data).values() if v.get("articleBody")]
        bodies = [b for b in bodies if _english(b)]
    else:
        bodies = [SAMPLE]
    out, size = [], 0
    while size < mb * 1_000_000:
        for b in bodies:
            out.append(b)
            size += len(b.encode("utf-8"))
            if size >= mb * 1_000_000:
                break
    return out


def _english(text: str) -> bool:
    """True for a text that is at least 95% ASCII: the English pages of the benchmark set."""
    return sum(c.isascii() for c in text) >= ENGLISH_ASCII_SHARE * len(text)


# The article-extraction benchmark holds some Korean, Russian and Arabic pages; the issue asks
# for throughput on English text. English news text with curly quotes is > 98% ASCII.
ENGLISH_ASCII_SHARE = 0.95

SAMPLE = (
    "The studio confirmed on Friday that the fantasy series will return for a second season "
    "next spring. Fans of the original novels have waited three years for the sequel, and the "
    "new trailer shows the main cast back in action. Streaming details will follow. " * 20
)


def load_kb(path: Path) -> KnowledgeBase:
    """The full KB from a bangumi-data file, through the KB importer."""
    from seasoncheck.kb.bangumi import parse_bangumi
    from seasoncheck.kb.build import build_kb

    return build_kb(parse_bangumi(path.read_bytes(), origin=str(path)))


def naive_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton:
    """Baseline: one automaton over every normalised title of every script."""
    a = ahocorasick.Automaton()
    for t in kb.titles:
        key = normalise_title(t.title)
        if key:
            a.add_word(key, key)
    a.make_automaton()
    return a


def timed(fn: Callable[[str], int], articles: list[str], repeat: int = 3) -> tuple[float, int]:
    """Best CPU seconds (this process, one core) of ``repeat`` runs of ``fn`` over the articles.

    CPU time and the best of several runs: other processes on a shared machine stretch both
    wall time and, less, CPU time.
    """
    best, n = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        n = 0
        for text in articles:
            n += fn(text)
        best = min(best, time.process_time() - t0)
    return best, n


def load_anime_articles(mb: float) -> list[str]:
    """The labelled anime news texts of ../shared/eval/dev.jsonl, repeated up to ``mb`` MB."""
    if not DEV.is_file():
        return []
    bodies = [json.loads(line)["text"] for line in DEV.open(encoding="utf-8") if line.strip()]
    out, size = [], 0
    while size < mb * 1_000_000:
        for b in bodies:
            out.append(b)
            size += len(b.encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print MB/s for the baseline and the linker."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=Path, default=KB_FILE)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--small", action="store_true", help="1 MB of text (CI smoke run)")
    args = ap.parse_args(argv)
    if args.small:
        args.mb = 1.0
    if not args.kb.is_file():
        print(f"error: KB file not found: {args.kb}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    kb = load_kb(args.kb)
    t_kb = time.perf_counter() - t0
    t0 = time.perf_counter()
    linker = Linker(kb)
    t_build = time.perf_counter() - t0
    articles = load_articles(args.mb)
    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    naive = naive_automaton(kb)
    latin = linker.index.latin  # the linker's own Latin automaton, measured alone

    runs = {
        "baseline: one automaton, all scripts, lower()": lambda t: sum(
            1 for _ in naive.iter(t.lower())
        ),
        "linker Latin automaton alone (normalised)": lambda t: sum(
            1 for _ in latin.iter(normalise_latin_text(t).norm)
        ),
        "whole linker (analyse)": lambda t: len(linker.analyse(t, None).mentions),
    }
    print(f"KB: {len(kb.franchises)} franchises, {len(kb.titles)} titles "
          f"(import {t_kb:.1f} s, linker build {t_build:.2f} s)")  # fmt: skip
    print(f"text: {len(articles)} articles, {mb:.1f} MB")
    rates = {}
    for label, fn in runs.items():
        secs, n = timed(fn, articles)
        rates[label] = mb / secs
        print(f"  {label:48s} {mb / secs:7.1f} MB/s  ({n} matches/mentions)")
    anime = load_anime_articles(args.mb / 5)
    if anime:
        amb = sum(len(a.encode("utf-8")) for a in anime) / 1e6
        secs, n = timed(lambda t: len(linker.analyse(t, None).mentions), anime)
        print(f"  {'whole linker on anime news (eval/dev.jsonl texts)':48s} {amb / secs:7.1f} MB/s  "
              f"({n} mentions, {len(anime)} articles)")  # fmt: skip
    whole = rates["whole linker (analyse)"]
    base = rates["baseline: one automaton, all scripts, lower()"]
    print(f"whole linker / baseline: {whole / base:.2f}x; target {TARGET_MBPS:.0f} MB/s: "
          f"{'met' if whole >= TARGET_MBPS else 'NOT met'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
