"""Benchmark: one large ``seasoncheck batch`` run, with the memory of every worker sampled over time.

Generates (or reuses) a synthetic corpus of N articles with ``seasoncheck synth``, runs
``seasoncheck batch`` on it as a child process (at low priority with ``--nice``), and every
``--every`` seconds records the resident memory of the driver and of each worker process (from
/proc, the whole process tree) next to the number of finished tasks of each stage. Writes the
samples as JSONL, then a Markdown summary and a chart: memory per worker against articles
done (flat = memory does not grow with N), and the wall time of each stage. A killed run is
resumed by running the same command again (the batch skips finished tasks; samples append).

    python benchmarks/bench_batch_scale.py --n 1000000 --work /tmp/scale --nice 19
    python benchmarks/bench_batch_scale.py --n 2000 --work /tmp/scale-small    # smoke run
    python benchmarks/bench_batch_scale.py --n 1000000 --work /tmp/scale --report-only
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
STAGES = ("extract", "bucket", "attach", "verify", "groups")


def corpus(work: Path, n: int, seed: int) -> Path:
    """The corpus file for ``n`` articles in ``work``, written by ``seasoncheck synth`` if absent."""
    path = work / f"synth-{n}.jsonl"
    if not path.exists():
        from seasoncheck.synth import write_corpus

        tmp = work / f"synth-{n}.partial.jsonl"
        write_corpus(n, tmp, seed=seed)
        for suffix in (".gold.jsonl", ".pairs.jsonl"):
            tmp.with_name(f"synth-{n}.partial{suffix}").replace(work / f"synth-{n}{suffix}")
        tmp.replace(path)
    return path


def batch_command(args: argparse.Namespace, path: Path, out: Path) -> list[str]:
    """The ``seasoncheck batch`` command line (under ``nice`` when asked)."""
    exe = str(Path(sys.executable).with_name("seasoncheck"))
    cmd = [exe, "batch", str(path), "--out", str(out), "--engine", args.engine]
    cmd += ["--workers", str(args.workers), "--format", "json"]
    if args.shard_lines:
        cmd += ["--shard-lines", str(args.shard_lines)]
    return ["nice", "-n", str(args.nice), *cmd] if args.nice else cmd


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants (from /proc/PID/task/*/children)."""
    todo, seen = [root], []
    while todo:
        pid = todo.pop()
        seen.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                todo += [int(x) for x in (task / "children").read_text().split()]
    return seen


def proc_memory(pid: int) -> dict[str, Any] | None:
    """Current and peak resident set (KiB) and the command of a process; None once it is gone."""
    info: dict[str, Any] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                info[key] = int(value.split()[0])
        cmd = (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return None
    info["cmd"] = cmd[:100]
    return info if "VmRSS" in info else None


def done_tasks(out: Path) -> dict[str, int]:
    """Finished tasks of each stage (completion markers)."""
    root = out / "_markers"
    return {s: len(list((root / s).glob("*.json"))) if (root / s).is_dir() else 0 for s in STAGES}


def sample(root: int, out: Path, started: float) -> dict[str, Any]:
    """One sample: time, load average, finished tasks and the memory of every process."""
    procs = {str(p): m for p in process_tree(root) if (m := proc_memory(p))}
    return {
        "t": round(time.time() - started, 1),
        "utc": time.strftime("%H:%M:%S", time.gmtime()),
        "load1": os.getloadavg()[0],
        "done": done_tasks(out),
        "procs": procs,
    }


def run(args: argparse.Namespace, path: Path, out: Path, samples: Path) -> None:
    """Run the batch as a child process and sample it until it exits."""
    cmd = batch_command(args, path, out)
    print(" ".join(cmd), flush=True)
    result = args.work / f"batch-{args.n}.json"
    with result.open("wb") as stdout, samples.open("a") as log:
        started = time.time()
        log.write(orjson.dumps({"run_start": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                "cmd": cmd}).decode() + "\n")  # fmt: skip
        child = subprocess.Popen(cmd, stdout=stdout)
        while child.poll() is None:
            log.write(orjson.dumps(sample(child.pid, out, started)).decode() + "\n")
            log.flush()
            time.sleep(args.every)
    print(f"batch exited {child.returncode} after {time.time() - started:.0f} s", flush=True)


def worker_series(rows: list[dict[str, Any]], shards: int, per_shard: float) -> dict[str, list]:
    """Per process: (articles done, RSS MiB) points; workers are every process but the root."""
    series: dict[str, list] = {}
    for row in rows:
        articles = min(row["done"]["extract"], shards) * per_shard
        procs = list(row["procs"].items())
        for i, (pid, m) in enumerate(procs):
            role = "driver" if i == 0 else f"worker {pid}"
            if i > 0 and "seasoncheck" not in m["cmd"] and "ray::" not in m["cmd"]:
                continue  # nice, Ray's own daemons
            series.setdefault(role, []).append((articles, row["t"], m["VmRSS"] / 1024))
    return series


def summary(args: argparse.Namespace, out: Path, samples: Path) -> tuple[str, dict[str, Any]]:
    """Markdown summary of a finished (or partial) run, and the numbers behind it."""
    rows = [r for r in map(orjson.loads, samples.read_bytes().splitlines()) if "procs" in r]
    plan = orjson.loads((out / "_job.json").read_bytes())
    shards = len(plan["shards"])
    markers = sorted((out / "_markers" / "extract").glob("*.json"))
    stats = [orjson.loads(m.read_bytes()) for m in markers]
    articles = sum(s["articles"] for s in stats)
    result_path = args.work / f"batch-{args.n}.json"
    report = orjson.loads(result_path.read_bytes()) if result_path.stat().st_size else {}
    series = worker_series(rows, shards, args.n / shards)
    wall = report.get("seconds") or (rows[-1]["t"] if rows else 0.0)
    peak = {role: max(p[2] for p in pts) for role, pts in series.items()}
    loads = [r["load1"] for r in rows]
    lines = [f"# One batch run over {args.n:,} synthetic articles", "",
             f"Command: `{' '.join(batch_command(args, Path('CORPUS'), Path('OUT')))}`", "",
             "| measure | value |", "| --- | ---: |",
             f"| shards done | {len(stats)} of {shards} |", f"| articles done | {articles:,} |",
             f"| wall seconds | {wall:,.0f} |",
             f"| articles/s (wall) | {articles / wall if wall else 0:,.0f} |",
             f"| load average (1 min) during the run, median / max | "
             f"{sorted(loads)[len(loads) // 2] if loads else 0:.2f} / {max(loads, default=0):.2f} |"]  # fmt: skip
    for stage, secs in (report.get("stage_wall") or {}).items():
        lines.append(f"| {stage} stage wall seconds | {secs:,.1f} |")
    lines += ["", "## Resident memory per process (MiB, sampled every "
              f"{args.every:g} s)", "", "| process | at 10% of shards | at 25% | at 50% | at 100% | peak |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for role, pts in series.items():
        at = [_rss_at(pts, frac * args.n) for frac in (0.1, 0.25, 0.5, 1.0)]
        lines.append(f"| {role} | {' | '.join(at)} | {peak[role]:,.0f} |")
    return "\n".join(lines) + "\n", {"series": series, "stats": stats, "report": report}


def _rss_at(points: list[tuple[float, float, float]], articles: float) -> str:
    """The RSS of the first sample at or after ``articles`` done, as text ('-' when none)."""
    later = [p for p in points if p[0] >= articles]
    return f"{later[0][2]:,.0f}" if later else "-"


def chart(data: dict[str, Any], n: int, path: Path) -> None:
    """RSS of each process against articles done, and the peak RSS recorded by each shard."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.2))
    for role, pts in data["series"].items():
        left.plot([p[0] for p in pts], [p[2] for p in pts], ".-", ms=3, label=role)
    left.set_xlabel("articles extracted (finished shards)")
    left.set_ylabel("resident memory, MiB")
    left.set_ylim(bottom=0)
    left.set_title(f"Memory per process, batch of {n:,} articles")
    left.legend(fontsize=8)
    stats = sorted(data["stats"], key=lambda s: s["shard"]["index"])
    right.plot([s["shard"]["index"] for s in stats], [s["max_rss_kib"] / 1024 for s in stats], ".")
    right.set_xlabel("shard (input order)")
    right.set_ylabel("peak RSS of its worker so far, MiB")
    right.set_ylim(bottom=0)
    right.set_title("Worker peak memory after each extract task")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    """Parse the options, run (or resume) the batch with sampling, write the summary and chart."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the synthetic corpus")
    ap.add_argument("--work", type=Path, required=True, help="folder for corpus, output, samples")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engine", default="local", choices=["local", "ray"])
    ap.add_argument("--shard-lines", type=int, default=0, help="0: the batch's default")
    ap.add_argument("--nice", type=int, default=0, help="run the batch under nice -n NICE")
    ap.add_argument("--every", type=float, default=10.0, help="seconds between samples")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--report-only", action="store_true", help="summarise an earlier run")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    out, samples = args.work / f"out-{args.n}", args.work / f"samples-{args.n}.jsonl"
    if not args.report_only:
        run(args, corpus(args.work, args.n, args.seed), out, samples)
    text, data = summary(args, out, samples)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"scale-{args.n}.md").write_text(text)
    chart(data, args.n, args.out / f"scale-{args.n}.png")
    print(text)


if __name__ == "__main__":
    main()
