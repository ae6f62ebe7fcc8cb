"""Benchmark: the batch engines end to end, with a timeline of where the wall time goes.

Runs ``seasoncheck batch`` as a fresh process (so Python start-up, imports, ``ray.init`` and
its shutdown all count) over one synthetic corpus, for each engine, worker count and shard
setting, and repeats the whole round. From the tasks' completion markers it splits each run's
wall time into: start-up (process start to the first extract task starting), extract (the
first task's start to the last task's end), the tail (the last task's end minus the first
worker to run out of tasks: one worker idle while another finishes), and the rest (the dedup
stages, Ray's shutdown, the summary). "Core share" is the tasks' CPU seconds over their wall
seconds: 100% when each worker had a core to itself, less when other processes took CPU (on a
shared machine with the kernel's autogroup scheduling, a run gets a fair share per session,
not per process, so a second worker adds little while others are busy). Speed-ups are against local with one worker in the
same round and shard setting; the 1-minute load average before each run is printed with it.

    python benchmarks/bench_batch_engines.py --size 20000                  # ~10 min on 2 cores
    python benchmarks/bench_batch_engines.py --size 20000 --shard-lines auto,2500 --repeat 2
    python benchmarks/bench_batch_engines.py --size 500 --engines local    # smoke run
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


def corpus(tmp: Path, n: int, seed: int = 1) -> Path:
    """A synthetic corpus of ``n`` articles."""
    from seasoncheck.synth import write_corpus

    path = tmp / f"synth-{n}.jsonl"
    write_corpus(n, path, seed=seed)
    return path


def run_one(path: Path, out: Path, engine: str, workers: int, shard: str) -> dict[str, Any]:
    """One ``seasoncheck batch`` process; its report, wall time, load before and timeline."""
    exe = str(Path(sys.executable).with_name("seasoncheck"))
    cmd = [exe, "batch", str(path), "--out", str(out), "--engine", engine]
    cmd += ["--workers", str(workers), "--format", "json"]
    cmd += [] if shard == "auto" else ["--shard-lines", shard]
    load = os.getloadavg()[0]
    started = time.time()
    proc = subprocess.run(cmd, capture_output=True, check=False)
    wall = time.time() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr.decode()[-2000:]}")
    report = orjson.loads(proc.stdout)
    row = {"engine": engine, "workers": workers, "shard": shard, "load": load, "wall": wall}
    return {**row, "report": report, **timeline(out, started, wall)}


def timeline(out: Path, started: float, wall: float) -> dict[str, float]:
    """Start-up, extract, tail and rest seconds of a run, from its extract markers."""
    markers = (out / "_markers" / "extract").glob("*.json")
    stats = [orjson.loads(m.read_bytes()) for m in markers]
    first = min(s["started_at"] for s in stats)
    last = max(s["finished_at"] for s in stats)
    ends: dict[int, float] = {}
    for s in stats:
        ends[s["pid"]] = max(ends.get(s["pid"], 0.0), s["finished_at"])
    cpu = sum(s["cpu"] for s in stats)
    return {
        # Share of a core each worker got while extracting: below 1 when others used the CPU.
        "core_share": cpu / sum(s["wall"] for s in stats),
        "cpu": cpu,
        "startup": first - started,
        "extract": last - first,
        "tail": last - min(ends.values()),
        "rest": started + wall - last,
        "tasks": len(stats),
        "worker_processes": len(ends),
    }


def rounds(args: argparse.Namespace, path: Path, tmp: Path) -> list[dict[str, Any]]:
    """Every configuration, ``--repeat`` times; a new output folder for each run."""
    rows = []
    for r in range(args.repeat):
        for shard in args.shard_lines.split(","):
            for engine in args.engines.split(","):
                for workers in (1, 2):
                    out = tmp / f"out-{r}-{shard}-{engine}-{workers}"
                    row = {**run_one(path, out, engine, workers, shard), "round": r}
                    print(_line(row), flush=True)
                    rows.append(row)
    return rows


def _line(row: dict[str, Any]) -> str:
    """One run as a line of text, while the benchmark runs."""
    return (
        f"round {row['round']} shard={row['shard']} {row['engine']}x{row['workers']}: "
        f"{row['wall']:.1f} s (start-up {row['startup']:.1f}, extract {row['extract']:.1f}, "
        f"tail {row['tail']:.1f}, rest {row['rest']:.1f}); load before {row['load']:.2f}, "
        f"core share {row['core_share']:.0%}"
    )


def markdown(size: int, rows: list[dict[str, Any]]) -> str:
    """The runs as a Markdown table, with speed-ups against local×1 of the same round."""
    lines = [f"# Batch engines, {size:,} articles, {os.cpu_count()} CPUs", "",
             "| round | shards | engine | workers | load before | wall s | articles/s | "
             "vs local×1 | start-up s | extract s | tail s | rest s | task CPU s | core share |",
             "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for row in rows:
        base = next(
            b for b in rows if (b["round"], b["shard"], b["engine"], b["workers"])
            == (row["round"], row["shard"], "local", 1)
        )  # fmt: skip
        shards = f"{row['shard']} ({row['tasks']})"
        lines.append(
            f"| {row['round']} | {shards} | {row['engine']} | {row['workers']} | "
            f"{row['load']:.2f} | {row['wall']:.1f} | {size / row['wall']:,.0f} | "
            f"{base['wall'] / row['wall']:.2f}x | {row['startup']:.1f} | {row['extract']:.1f} | "
            f"{row['tail']:.1f} | {row['rest']:.1f} | {row['cpu']:.1f} | {row['core_share']:.0%} |"
        )
    return "\n".join(lines) + "\n"


def chart(rows: list[dict[str, Any]], path: Path) -> None:
    """Stacked bars: start-up, extract and rest seconds of every run."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(max(6, len(rows) * 0.9), 4.2))
    labels = [f"r{r['round']} {r['shard']}\n{r['engine']}×{r['workers']}" for r in rows]
    bottom = [0.0] * len(rows)
    for part, colour in (("startup", "#c44e52"), ("extract", "#4c72b0"), ("rest", "#8172b2")):
        values = [r[part] for r in rows]
        ax.bar(labels, values, bottom=bottom, color=colour, label=part)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel("seconds (wall)")
    ax.set_title("Where each batch run's wall time goes")
    ax.tick_params(axis="x", labelsize=7)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    """Parse the options, run every configuration, write the table and the chart."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000, help="articles in the corpus")
    have_ray = importlib.util.find_spec("ray") is not None
    ap.add_argument("--engines", default="local,ray" if have_ray else "local")
    ap.add_argument("--shard-lines", default="auto", help="comma-separated: auto or a number")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of every configuration")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="sc-engines-") as t:
        tmp = Path(t)
        rows = rounds(args, corpus(tmp, args.size), tmp)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"engines-{args.size}"
    text = markdown(args.size, rows)
    (args.out / f"{stem}.md").write_text(text)
    (args.out / f"{stem}.jsonl").write_bytes(
        b"".join(orjson.dumps({k: v for k, v in r.items() if k != "report"}) + b"\n" for r in rows)
    )
    chart(rows, args.out / f"{stem}.png")
    print(text)


if __name__ == "__main__":
    main()
