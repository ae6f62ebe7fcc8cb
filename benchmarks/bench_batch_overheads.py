"""Benchmark: the batch engines' fixed costs, measured so that a busy machine matters less.

Two measurements, each interleaved (A, B, A, B, ...) so both sides see the same load:

- ``ray``: the Ray engine's life as a fresh process (import, start, 4 trivial tasks on 2
  workers, shutdown), started by plain ``ray.init()`` against the engine's lean start
  (``engines.start_local_node``): wall seconds of each phase, and the CPU seconds of the
  driver's reaped child processes (Ray's Python helpers: monitor, dashboard, log monitor).
- ``dedup``: the dedup stages alone (extract done, claims off) for two shard plans, as CPU
  seconds of the local pool's one worker (``getrusage`` of children): the cost of the pair
  shuffle's fan-out as the shard count grows.

    python benchmarks/bench_batch_overheads.py --what ray --pairs 4
    python benchmarks/bench_batch_overheads.py --what dedup --size 20000 --plans auto,625
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LIFE = """
import os, sys, time
t0 = time.time()
import ray
from seasoncheck.batch import engines
if sys.argv[1] == "ray.init":
    engines.start_local_node = lambda workers: None  # the engine's fallback: plain ray.init()
def noop():
    return {"pid": os.getpid()}
engine = engines.make_engine("ray", 2)
t1 = time.time()
engine.map(noop, [() for _ in range(4)])
t2 = time.time()
engine.close()
t3 = time.time()
c = os.times()
print(t1 - t0, t2 - t1, t3 - t2, c.children_user + c.children_system)
"""

DEDUP_DIRS = ("pairs", "pairs_a", "verified")
DEDUP_STAGES = ("bucket", "attach", "verify", "groups")


def ray_life(mode: str) -> list[float]:
    """[start s, 4 tasks s, shutdown s, reaped children CPU s, process wall s] of one run."""
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", LIFE, mode], capture_output=True, text=True, check=True
    )
    return [float(x) for x in proc.stdout.split()] + [time.time() - started]


def dedup_cpu(corpus: Path, out: Path, plan: str) -> float:
    """CPU seconds of the dedup stages of a finished claims-off batch, re-run in one worker."""
    from seasoncheck.batch import output, run_batch

    lines = None if plan == "auto" else int(plan)
    if not (out / output.SUCCESS).exists():
        run_batch([str(corpus)], out, workers=2, shard_lines=lines, claims=False)
    for name in DEDUP_DIRS:
        shutil.rmtree(out / name, ignore_errors=True)
    for stage in DEDUP_STAGES:
        shutil.rmtree(out / output.MARKERS / stage, ignore_errors=True)
    (out / "dup_groups.parquet").unlink(missing_ok=True)
    (out / output.SUCCESS).unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run_batch([str(corpus)], out, workers=1, shard_lines=lines, claims=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    """Parse the options and print one line per run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--what", choices=("ray", "dedup"), default="ray")
    ap.add_argument("--pairs", type=int, default=3, help="interleaved pairs of runs")
    ap.add_argument("--size", type=int, default=20_000, help="articles (dedup)")
    ap.add_argument("--plans", default="auto,625", help="two shard plans (dedup): auto or lines")
    args = ap.parse_args()
    if args.what == "ray":
        print("mode      start s  tasks s  stop s  helpers CPU s  process s  load")
        for _ in range(args.pairs):
            for mode in ("ray.init", "lean"):
                r = ray_life(mode)
                print(f"{mode:9} {r[0]:7.2f} {r[1]:8.2f} {r[2]:7.2f} {r[3]:14.2f} {r[4]:10.2f}"
                      f"  {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        return
    from seasoncheck.synth import write_corpus

    with tempfile.TemporaryDirectory(prefix="sc-overheads-") as t:
        corpus = Path(t) / "synth.jsonl"
        write_corpus(args.size, corpus, seed=1)
        for _ in range(args.pairs):
            for plan in args.plans.split(","):
                cpu = dedup_cpu(corpus, Path(t) / f"out-{plan}", plan)
                print(f"plan {plan}: dedup stages {cpu:.2f} CPU s  load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
