"""Run every benchmark at one size; write benchmarks/out/results.md and benchmarks/out/results.png.

Measures on a synthetic corpus (seasoncheck.synth): per-stage and end-to-end articles/s on one
core; the local and ray engines with 1 and 2 workers (scaling efficiency against 1 worker of
the same engine, and against local with 1 worker); peak memory per worker; the cost of the
batch dedup stages as N grows; the LSH's recall of planted near-duplicate pairs and its false
pair rate. Then runs the older benchmark scripts in their small modes.

    python benchmarks/run_all.py --size 2000            # about 2-4 minutes on 2 cores
    python benchmarks/run_all.py --size 500 --quick     # CI smoke run with every script, 1-2 minutes
    python benchmarks/run_all.py --size 5000 --dedup-sizes 1000,10000,100000

Four batch benchmarks go further (docs/scale.md has their results): ``bench_batch_engines.py``
(each engine end to end as a fresh process, with a timeline: start-up, extract, the tail, the
rest, and CPU seconds by process), ``bench_batch_dedup.py`` (the dedup stages up to
N = 1,000,000, recall and memory), ``bench_batch_scale.py`` (one large run with every worker's
memory sampled over time) and ``bench_batch_overheads.py`` (Ray's start-up and shutdown, and
the dedup stages' CPU, interleaved against alternatives).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
# The older scripts and the flag that makes each a smoke run.
SMALL_RUNS = (
    ("bench_claims.py", ["--small"]),
    ("bench_link.py", ["--small"]),
    ("bench_report.py", ["--small"]),
    ("eval_link.py", ["--small"]),
    ("bench_dedup.py", ["--small"]),
    ("bench_extract.py", ["--limit", "10"]),  # needs ../shared: reports its exit code without
    ("bench_kb_import.py", ["--small"]),  # needs ../shared bangumi-data, likewise
    ("bench_web.py", ["--small"]),
    # {tmp}: a temporary folder, so smoke runs do not overwrite the recorded results.
    ("bench_batch_engines.py", ["--size", "300", "--runs", "local:1,local:2", "--out", "{tmp}"]),
    ("bench_batch_dedup.py", ["--sizes", "500,1000", "--work", "{tmp}", "--out", "{tmp}"]),
    ("bench_batch_scale.py", ["--n", "300", "--every", "1", "--work", "{tmp}", "--out", "{tmp}"]),
    ("bench_batch_overheads.py", ["--what", "dedup", "--size", "300", "--pairs", "1"]),
)
SMALL_RUN_TIMEOUT_S = 300


def corpus(tmp: Path, n: int, seed: int = 1) -> Path:
    """A synthetic corpus of ``n`` articles (cached by size in ``tmp``)."""
    from seasoncheck.synth import write_corpus

    path = tmp / f"synth-{n}.jsonl"
    if not path.exists():
        write_corpus(n, path, seed=seed)
    return path


def batch(path: Path, out: Path, **kw: Any) -> Any:
    """One fresh batch run (the output folder is new each time)."""
    from seasoncheck.batch import run_batch

    return run_batch([str(path)], out, **kw)


def stage_rows(report: Any) -> list[tuple[str, float]]:
    """Articles/s of each per-article stage (one worker: task seconds are one core's)."""
    n = report.articles
    stages = sorted(report.stage_seconds.items())
    rows = [(stage, n / secs) for stage, secs in stages if secs and stage != "kb"]  # kb: once
    return [*rows, ("end to end (wall, start-up included)", n / report.seconds)]


def engine_runs(path: Path, tmp: Path, engines: list[str], shard_lines: int) -> list[dict]:
    """Each engine with 1 and 2 workers over the same corpus."""
    runs = []
    for engine in engines:
        for workers in (1, 2):
            out = tmp / f"engine-{engine}-{workers}"
            r = batch(path, out, engine=engine, workers=workers, shard_lines=shard_lines)
            runs.append({"engine": engine, "workers": workers, "report": r})
    return runs


def recall(path: Path, out: Path) -> dict[str, float]:
    """Share of planted pairs grouped together, and share of found pairs that were not planted."""
    import pyarrow.parquet as pq

    from seasoncheck.synth import companion_paths

    planted = [orjson.loads(x) for x in companion_paths(path)[1].read_bytes().splitlines()]
    cluster = {p["copy"]: p["original"] for p in planted}
    seq_doc = _seq_to_doc(out)
    groups = {g["seq"]: g["group"] for g in pq.read_table(out / "dup_groups.parquet").to_pylist()}
    group_of_doc = {seq_doc[s]: g for s, g in groups.items()}
    found = sum(
        1
        for p in planted
        if p["copy"] in group_of_doc and group_of_doc[p["copy"]] == group_of_doc.get(p["original"])
    )
    verified = [
        r for f in (out / "verified").glob("*.parquet") for r in pq.read_table(f).to_pylist()
    ]
    root = lambda d: cluster.get(d, d)  # noqa: E731
    false = sum(1 for v in verified if root(seq_doc[v["a"]]) != root(seq_doc[v["b"]]))
    return {
        "planted": len(planted),
        "recall": found / len(planted) if planted else 1.0,
        "found_pairs": len(verified),
        "false_pair_rate": false / len(verified) if verified else 0.0,
    }


def _seq_to_doc(out: Path) -> dict[int, str]:
    import pyarrow.parquet as pq

    rows = [r for f in (out / "articles").glob("*.parquet")
            for r in pq.read_table(f, columns=["seq", "doc_id"]).to_pylist()]  # fmt: skip
    return {r["seq"]: r["doc_id"] for r in rows}


def dedup_scaling(tmp: Path, sizes: list[int], shard_lines: int) -> list[dict]:
    """Batch dedup stages (claims off) as N grows: wall seconds of the four dedup stages."""
    rows = []
    for n in sizes:
        path = corpus(tmp, n, seed=2)
        out = tmp / f"dedup-{n}"
        r = batch(path, out, workers=2, shard_lines=shard_lines, claims=False)
        dedup_s = sum(r.stage_wall.get(s, 0.0) for s in ("bucket", "attach", "verify", "groups"))
        rows.append({"n": n, "dedup_s": dedup_s, "extract_s": r.stage_wall["extract"],
                     "rss_mib": r.max_rss_kib / 1024, **recall(path, out)})  # fmt: skip
    return rows


def small_runs() -> list[tuple[str, str, float]]:
    """The older benchmark scripts in their small modes: (script, outcome, seconds)."""
    results = []
    for script, args in SMALL_RUNS:
        if not (HERE / script).exists():
            continue
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="sc-small-") as tmp:
            outcome = _small_run([str(HERE / script), *(a.format(tmp=tmp) for a in args)])
        results.append((script, outcome, time.perf_counter() - t0))
    return results


def _small_run(argv: list[str]) -> str:
    """Run one script with the current Python: ok, exit N or timeout."""
    try:
        proc = subprocess.run(
            [sys.executable, *argv],
            capture_output=True,
            timeout=SMALL_RUN_TIMEOUT_S,
            cwd=HERE.parent,
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    return "ok" if proc.returncode == 0 else f"exit {proc.returncode}"


def markdown(size: int, stages: list, runs: list, scaling: list, smalls: list) -> str:
    """The results as Markdown tables."""
    lines = [f"# seasoncheck benchmarks (N = {size}, {os.cpu_count()} CPUs)", ""]
    lines += ["## Per-stage throughput, one worker", "", "| stage | articles/s |", "| --- | ---: |"]
    lines += [f"| {s} | {v:,.0f} |" for s, v in stages]
    base = runs[0]["report"]
    lines += ["", "## Engines", "", "| engine | workers | seconds | articles/s | vs local×1 | "
              "efficiency | peak RSS/worker MiB |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for run in runs:
        r = run["report"]
        one = next(x["report"] for x in runs if x["engine"] == run["engine"] and x["workers"] == 1)
        speed, eff = base.seconds / r.seconds, one.seconds / r.seconds / run["workers"]
        lines.append(f"| {run['engine']} | {run['workers']} | {r.seconds:.1f} | "
                     f"{r.articles / r.seconds:,.0f} | {speed:.2f}x | {eff:.0%} | {r.max_rss_kib / 1024:,.0f} |")  # fmt: skip
    lines += ["", "## Dedup as N grows (claims off, 2 workers)", "",
              "| N | dedup stages s | µs/article | extract stage s | peak RSS/worker MiB | planted pairs | recall | found pairs | false pair rate |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for d in scaling:
        lines.append(f"| {d['n']:,} | {d['dedup_s']:.2f} | {d['dedup_s'] / d['n'] * 1e6:,.0f} | "
                     f"{d['extract_s']:.1f} | {d['rss_mib']:,.0f} | {d['planted']} | {d['recall']:.3f} | "
                     f"{d['found_pairs']} | {d['false_pair_rate']:.2%} |")  # fmt: skip
    if smalls:
        lines += ["", "## Other benchmarks, small modes", "", "| script | outcome | seconds |",
                  "| --- | --- | ---: |", *(f"| {s} | {o} | {t:.1f} |" for s, o, t in smalls)]  # fmt: skip
    return "\n".join(lines) + "\n"


def chart(runs: list, scaling: list, path: Path) -> None:
    """Engine throughput; dedup seconds against N (log-log, with a linear guide); memory per worker."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right, mem) = plt.subplots(1, 3, figsize=(15, 4.2))
    labels = [f"{r['engine']}×{r['workers']}" for r in runs]
    speeds = [r["report"].articles / r["report"].seconds for r in runs]
    left.bar(labels, speeds, color=["#4c72b0", "#4c72b0", "#dd8452", "#dd8452"][: len(runs)])
    left.set_ylabel("articles/s (end to end, start-up included)")
    left.set_title("Engines and workers")
    ns = [d["n"] for d in scaling]
    secs = [max(d["dedup_s"], 1e-3) for d in scaling]
    right.plot(ns, secs, "o-", label="batch dedup stages")
    right.plot(ns, [secs[0] * n / ns[0] for n in ns], "--", color="grey", label="linear in N")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("articles (N)")
    right.set_ylabel("seconds")
    right.set_title("Dedup cost as N grows")
    right.legend()
    mem.plot(ns, [d["rss_mib"] for d in scaling], "o-", color="#55a868")
    mem.set_xscale("log")
    mem.set_ylim(bottom=0)
    mem.set_xlabel("articles (N)")
    mem.set_ylabel("MiB")
    mem.set_title("Peak memory per worker as N grows")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    """Parse the options, run everything, write the table and the chart."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=2000, help="articles for the engine benchmarks")
    ap.add_argument("--quick", action="store_true", help="CI smoke run: no ray, small dedup sizes")
    ap.add_argument(
        "--no-smalls", action="store_true", help="skip the other benchmark scripts' small modes"
    )
    ap.add_argument("--dedup-sizes", default=None, help="comma-separated N for the dedup curve")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    have_ray = importlib.util.find_spec("ray") is not None
    engines = ["local", "ray"] if have_ray and not args.quick else ["local"]
    default_sizes = [args.size, 2 * args.size] if args.quick else [1000, 10_000, 100_000]
    sizes = [int(x) for x in args.dedup_sizes.split(",")] if args.dedup_sizes else default_sizes
    shard_lines = max(100, args.size // 8)  # several tasks per worker, so both workers stay busy
    with tempfile.TemporaryDirectory(prefix="sc-bench-") as t:
        tmp = Path(t)
        path = corpus(tmp, args.size)
        runs = engine_runs(path, tmp, engines, shard_lines)
        stages = stage_rows(runs[0]["report"])
        scaling = dedup_scaling(tmp, sizes, max(shard_lines, 5000))
    smalls = [] if args.no_smalls else small_runs()
    args.out.mkdir(parents=True, exist_ok=True)
    text = markdown(args.size, stages, runs, scaling, smalls)
    (args.out / "results.md").write_text(text)
    chart(runs, scaling, args.out / "results.png")
    print(text)
    print(f"wrote {args.out / 'results.md'} and {args.out / 'results.png'}")


if __name__ == "__main__":
    main()
