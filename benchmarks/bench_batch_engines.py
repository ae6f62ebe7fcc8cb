"""Benchmark: the batch engines end to end, with a timeline of where the wall time goes.

Runs ``seasoncheck batch`` as a fresh process (so Python start-up, imports, ``ray.init`` and
its shutdown all count) over one synthetic corpus, for each engine and worker count
(``--runs``) and shard setting, and repeats the whole round. Speed-ups are whole-process
wall times against local with one worker in the same round and shard setting, and the
report states issue #7's target (ray×2 ≥ 1.7× local×1, start-up included) for each round.

From the tasks' completion markers it splits each run's wall time into: start-up (process
start to the first extract task starting), extract (the first task's start to the last
task's end), the tail (the last task's end minus the first worker to run out of tasks: one
worker idle while another finishes), and the rest (the dedup stages, Ray's shutdown, the
summary). "Core share" is the tasks' CPU seconds over their wall seconds: 100% when each
worker had a core to itself, less when other processes took CPU (on a shared machine with
the kernel's autogroup scheduling, a run gets a fair share per session, not per process, so
a second worker adds little while others are busy). A sampler reads every process of the
run from /proc and adds CPU seconds by role: driver, workers, Ray's daemons; these do not
depend on the machine's load the way wall seconds do. The 1-minute load average before each
run is printed with it: wall-time ratios mean something only on an idle machine.

    python benchmarks/bench_batch_engines.py --size 20000 --out docs/results   # ~4 min idle
    python benchmarks/bench_batch_engines.py --size 100000 --runs local:1,ray:2 --out docs/results
    python benchmarks/bench_batch_engines.py --size 20000 --shard-lines auto,2500 --repeat 2
    python benchmarks/bench_batch_engines.py --size 500 --runs local:1,local:2  # smoke run
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson

HERE = Path(__file__).resolve().parent
TARGET = 1.7  # issue #7: ray with 2 workers at least 1.7 times local with one worker
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
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = CpuSampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.time() - started
    sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr.decode()[-2000:]}")
    report = orjson.loads(stdout)
    row = {"engine": engine, "workers": workers, "shard": shard, "load": load, "wall": wall}
    return {**row, "report": report, **timeline(out, started, wall), **sampler.totals()}


class CpuSampler(threading.Thread):
    """CPU seconds of a process tree by role, read from /proc every ``every`` seconds.

    Roles: the driver (the ``seasoncheck batch`` process), workers (local pool processes and
    Ray workers, ``ray::...``) and Ray's daemons (GCS, raylet, its agents, Ray's Python helper
    processes). CPU seconds do not depend on how busy the machine is (wall seconds do), so
    they show the engine's own overheads even on a shared machine. A process that exits
    between two samples loses at most ``every`` seconds of its CPU.
    """

    def __init__(self, root: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.cpu: dict[tuple[int, int], tuple[str, float]] = {}  # (pid, start) -> (role, s)
        self._done = threading.Event()
        self._tick = os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def sample(self) -> None:
        procs: dict[int, tuple[str, int, float, int]] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                raw = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue
            comm = raw[raw.index("(") + 1 : raw.rindex(")")]
            fields = raw[raw.rindex(")") + 2 :].split()
            cpu = (int(fields[11]) + int(fields[12])) / self._tick  # utime + stime
            procs[int(entry.name)] = (comm, int(fields[1]), cpu, int(fields[19]))
        tree = {self.root}
        grew = True
        while grew:
            grew = False
            for pid, (_, ppid, _, _) in procs.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        for pid in tree & procs.keys():
            comm, _, cpu, start = procs[pid]
            self.cpu[(pid, start)] = (self._role(pid, comm), cpu)

    def _role(self, pid: int, comm: str) -> str:
        if pid == self.root:
            return "driver"
        if comm in ("gcs_server", "raylet") or comm.startswith(("ray::Dashboard", "ray::Runtime")):
            return "ray_daemons"
        if comm.startswith("ray::"):
            return "workers"
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            cmdline = b""
        return "ray_daemons" if b"/ray/" in cmdline else "workers"

    def totals(self) -> dict[str, float]:
        """CPU seconds by role (``cpu_driver``, ``cpu_workers``, ``cpu_ray_daemons``)."""
        out = {"cpu_driver": 0.0, "cpu_workers": 0.0, "cpu_ray_daemons": 0.0}
        for role, cpu in self.cpu.values():
            out[f"cpu_{role}"] += cpu
        return out


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
            for engine, workers in configurations(args.runs):
                out = tmp / f"out-{r}-{shard}-{engine}-{workers}"
                row = {**run_one(path, out, engine, workers, shard), "round": r}
                print(_line(row), flush=True)
                rows.append(row)
    return rows


def configurations(runs: str) -> list[tuple[str, int]]:
    """``"local:1,ray:2"`` -> [("local", 1), ("ray", 2)]."""
    pairs = [run.split(":") for run in runs.split(",")]
    return [(engine, int(workers)) for engine, workers in pairs]


def _line(row: dict[str, Any]) -> str:
    """One run as a line of text, while the benchmark runs."""
    return (
        f"round {row['round']} shard={row['shard']} {row['engine']}x{row['workers']}: "
        f"{row['wall']:.1f} s (start-up {row['startup']:.1f}, extract {row['extract']:.1f}, "
        f"tail {row['tail']:.1f}, rest {row['rest']:.1f}); load before {row['load']:.2f}, "
        f"core share {row['core_share']:.0%}; CPU s: driver {row['cpu_driver']:.1f}, "
        f"workers {row['cpu_workers']:.1f} (tasks {row['cpu']:.1f}), "
        f"Ray daemons {row['cpu_ray_daemons']:.1f}"
    )


def markdown(size: int, rows: list[dict[str, Any]]) -> str:
    """The runs as Markdown tables, with speed-ups against local×1 of the same round.

    "vs local×1" is the ratio of whole-process wall times: start-up (imports, ``ray.init``)
    and shutdown included, as issue #7's scaling target counts them.
    """
    lines = [f"# Batch engines, {size:,} articles, {os.cpu_count()} CPUs", "",
             "Wall seconds of a whole `seasoncheck batch` process (start-up and shutdown "
             "included); *vs local×1* is local×1's wall over this run's wall, same round.", "",
             "| round | shards | engine | workers | load before | wall s | articles/s | "
             "vs local×1 | start-up s | extract s | tail s | rest s | task CPU s | core share |",
             "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for row in rows:
        base = _base(rows, row)
        ratio = f"{base['wall'] / row['wall']:.2f}x" if base else "-"
        shards = f"{row['shard']} ({row['tasks']})"
        lines.append(
            f"| {row['round']} | {shards} | {row['engine']} | {row['workers']} | "
            f"{row['load']:.2f} | {row['wall']:.1f} | {size / row['wall']:,.0f} | "
            f"{ratio} | {row['startup']:.1f} | {row['extract']:.1f} | "
            f"{row['tail']:.1f} | {row['rest']:.1f} | {row['cpu']:.1f} | {row['core_share']:.0%} |"
        )
    lines += ["", *target_lines(rows)]
    lines += ["", "CPU seconds by process (they do not depend on the machine's load; wall "
              "seconds do): the driver, the workers (and the part of it inside tasks), Ray's "
              "daemons (GCS, raylet, agents, helper processes), and everything.", "",
              "| round | shards | engine | workers | driver | workers | in tasks | "
              "Ray daemons | total |",
              "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for row in rows:
        total = row["cpu_driver"] + row["cpu_workers"] + row["cpu_ray_daemons"]
        lines.append(
            f"| {row['round']} | {row['shard']} | {row['engine']} | {row['workers']} | "
            f"{row['cpu_driver']:.1f} | {row['cpu_workers']:.1f} | {row['cpu']:.1f} | "
            f"{row['cpu_ray_daemons']:.1f} | {total:.1f} |"
        )
    return "\n".join(lines) + "\n"


def target_lines(rows: list[dict[str, Any]]) -> list[str]:
    """Issue #7's scaling target for each round: ray×2's wall against local×1's, start-up included."""
    out = []
    for row in rows:
        base = _base(rows, row)
        if base is None or (row["engine"], row["workers"]) != ("ray", 2):
            continue
        ratio = base["wall"] / row["wall"]
        verdict = "met" if ratio >= TARGET else "not met"
        out.append(
            f"- **Target (ray×2 ≥ {TARGET}× local×1, start-up included), round {row['round']}, "
            f"shards {row['shard']}: {ratio:.2f}× ({base['wall']:.1f} s / {row['wall']:.1f} s), "
            f"{verdict}.** Load before the two runs: {base['load']:.2f}, {row['load']:.2f}"
            + (" (a busy machine: the ratio says little)" if max(base["load"], row["load"]) > 1.5
               else "")
        )  # fmt: skip
    return out


def _base(rows: list[dict[str, Any]], row: dict[str, Any]) -> dict[str, Any] | None:
    """The local×1 run of ``row``'s round and shard setting, if there is one."""
    key = (row["round"], row["shard"], "local", 1)
    return next(
        (b for b in rows if (b["round"], b["shard"], b["engine"], b["workers"]) == key), None
    )


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
    ap.add_argument(
        "--runs",
        default="local:1,local:2,ray:1,ray:2" if have_ray else "local:1,local:2",
        help="comma-separated engine:workers runs of each round, in order",
    )
    ap.add_argument("--shard-lines", default="auto", help="comma-separated: auto or a number")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of every configuration")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--corpus", type=Path, help="an existing JSONL corpus (default: synthesise)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="sc-engines-") as t:
        tmp = Path(t)
        path = args.corpus or corpus(tmp, args.size)
        if args.corpus:
            args.size = sum(1 for line in args.corpus.open("rb") if line.strip())
        rows = rounds(args, path, tmp)
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
