"""Benchmark: the cost of the batch's near-duplicate stages as N grows, with recall and memory.

For each N, runs ``run_batch`` with claims off (the dedup stages do not depend on them) and 2
local workers over a synthetic corpus with planted near-duplicates (Jaccard >= 0.8), and
reports the wall time of each dedup stage (bucket, attach, verify, groups), microseconds per
article, candidate and verified pairs, the peak memory of the workers in each stage, and the
recall of planted pairs and the rate of false pairs (``run_all.recall``). Writes
``dedup-scaling.md``, ``dedup-scaling.png`` and ``dedup-scaling.jsonl``. A size whose output
folder is finished is read back, not run again, so sizes can be added one at a time.

    python benchmarks/bench_batch_dedup.py --sizes 10000,100000,1000000 --work /tmp/dedup
    python benchmarks/bench_batch_dedup.py --sizes 1000,5000 --work /tmp/dedup-small  # smoke run
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

import orjson

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
DEDUP_STAGES = ("bucket", "attach", "verify", "groups")
sys.path.insert(0, str(HERE))


def corpus(work: Path, n: int, seed: int) -> Path:
    """``work/synth-N.jsonl`` (with its gold and pairs files), written when missing."""
    from seasoncheck.synth import write_corpus

    path = work / f"synth-{n}.jsonl"
    if not path.exists():
        write_corpus(n, path, seed=seed)
    return path


def run_size(work: Path, n: int, seed: int, workers: int) -> dict[str, Any]:
    """One size: run (or read back) the batch and measure its dedup stages."""
    from run_all import recall
    from seasoncheck.batch import run_batch

    path, out = corpus(work, n, seed), work / f"dedup-{n}"
    saved = work / f"dedup-{n}.report.json"
    if not saved.exists():
        load = os.getloadavg()[0]
        report = run_batch([str(path)], out, workers=workers, claims=False).to_dict()
        saved.write_bytes(orjson.dumps({**report, "load_before": load}))
    report = orjson.loads(saved.read_bytes())
    walls = {s: report["stage_wall"].get(s, 0.0) for s in DEDUP_STAGES}
    t0 = time.perf_counter()
    quality = recall(path, out)
    return {
        "n": n,
        "load_before": report["load_before"],
        "extract_s": report["stage_wall"].get("extract", 0.0),
        "dedup_s": sum(walls.values()),
        **{f"{s}_s": w for s, w in walls.items()},
        **stage_counts(out),
        **quality,
        "recall_check_s": time.perf_counter() - t0,
    }


def stage_counts(out: Path) -> dict[str, Any]:
    """Tasks, band rows, candidate and verified pairs, and peak worker RSS (MiB) by stage."""
    counts: dict[str, Any] = {}
    for stage in ("extract", *DEDUP_STAGES):
        stats = [orjson.loads(m.read_bytes()) for m in (out / "_markers" / stage).glob("*.json")]
        counts[f"{stage}_tasks"] = len(stats)
        counts[f"{stage}_rss_mib"] = max((s["max_rss_kib"] for s in stats), default=0) / 1024
        if stage == "bucket":
            counts["band_rows"] = sum(s["band_rows"] for s in stats)
        if stage == "verify":
            counts["candidates"] = sum(s["candidates"] for s in stats)
    return counts


def markdown(rows: list[dict[str, Any]]) -> str:
    """The sizes as two Markdown tables: cost, and quality and memory."""
    lines = ["# Batch dedup as N grows (claims off, 2 local workers)", "",
             "| N | load before | extract s | bucket s | attach s | verify s | groups s | "
             "dedup s | µs/article |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['load_before']:.2f} | {r['extract_s']:.1f} | {r['bucket_s']:.2f} | "
            f"{r['attach_s']:.2f} | {r['verify_s']:.2f} | {r['groups_s']:.2f} | "
            f"{r['dedup_s']:.2f} | {r['dedup_s'] / r['n'] * 1e6:,.0f} |"
        )
    lines += ["", "| N | shards | band rows | candidate pairs | verified pairs | planted pairs | "
              "recall | false pair rate | peak RSS/worker MiB: extract, bucket, attach, verify, groups |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]  # fmt: skip
    for r in rows:
        rss = ", ".join(f"{r[f'{s}_rss_mib']:,.0f}" for s in ("extract", *DEDUP_STAGES))
        lines.append(
            f"| {r['n']:,} | {r['extract_tasks']} | {r['band_rows']:,} | {r['candidates']:,} | "
            f"{r['found_pairs']:,} | {r['planted']:,} | {r['recall']:.4f} | "
            f"{r['false_pair_rate']:.2%} | {rss} |"
        )
    return "\n".join(lines) + "\n"


def chart(rows: list[dict[str, Any]], path: Path) -> None:
    """Dedup seconds against N (log-log, with a linear guide), and peak memory per worker."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (cost, mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    ns = [r["n"] for r in rows]
    secs = [max(r["dedup_s"], 1e-3) for r in rows]
    cost.plot(ns, secs, "o-", label="dedup stages (bucket+attach+verify+groups)")
    for stage in DEDUP_STAGES:
        cost.plot(ns, [max(r[f"{stage}_s"], 1e-3) for r in rows], ".:", label=stage)
    cost.plot(ns, [secs[-1] * n / ns[-1] for n in ns], "--", color="grey", label="linear in N")
    cost.set(xscale="log", yscale="log", xlabel="articles (N)", ylabel="seconds (wall, 2 workers)")
    cost.set_title("Dedup cost as N grows")
    cost.legend(fontsize=7)
    for stage in ("extract", *DEDUP_STAGES):
        mem.plot(ns, [r[f"{stage}_rss_mib"] for r in rows], "o-", label=stage)
    mem.set(xscale="log", xlabel="articles (N)", ylabel="MiB")
    mem.set_ylim(bottom=0)
    mem.set_title("Peak RSS per worker, by stage")
    mem.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    """Parse the options, run every size, write the tables and the chart."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated N")
    ap.add_argument("--work", type=Path, required=True, help="folder for corpora and outputs")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        rows.append(run_size(args.work, n, args.seed, args.workers))
        print(orjson.dumps(rows[-1]).decode(), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    text = markdown(rows)
    (args.out / "dedup-scaling.md").write_text(text)
    (args.out / "dedup-scaling.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    chart(rows, args.out / "dedup-scaling.png")
    print(text)


if __name__ == "__main__":
    main()
