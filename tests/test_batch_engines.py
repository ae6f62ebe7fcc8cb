"""Batch engines: the order tasks run in, and the Ray engine's own one-machine cluster."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from seasoncheck.batch import run_batch
from seasoncheck.synth import write_corpus

pq = pytest.importorskip("pyarrow.parquet")

TEXT = (
    "Harbor Lights season 2 premieres in April on Crunchyroll, the studio confirmed on its "
    "website, with the original director and cast returning for twelve episodes."
)


def rows(out: Path, name: str) -> list[dict]:
    """All rows of one output table (or the dup groups file), ordered by seq."""
    files = sorted((out / name).glob("*.parquet")) if (out / name).is_dir() else [out / name]
    found = [r for f in files for r in pq.read_table(f).to_pylist()]
    return sorted(found, key=lambda r: (r.get("seq", 0), str(r)))


def ray_daemons(parent: int) -> set[int]:
    """Pids of the GCS and raylet processes whose parent is ``parent``."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        if ppid == parent and comm in ("gcs_server", "raylet"):
            found.add(int(entry.name))
    return found


def all_cmdlines() -> list[bytes]:
    """Command lines of every process (those that exit meanwhile are skipped)."""
    found = []
    for path in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            found.append(path.read_bytes())
        except OSError:
            continue
    return found


def alive(pids: set[int]) -> set[int]:
    """The pids of ``pids`` still running (zombies count as gone)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def test_extract_tasks_run_biggest_shard_first(tmp_path: Path) -> None:
    sizes = {"small.jsonl": 1, "big.jsonl": 6, "middle.jsonl": 3}
    inputs = []
    for name, n in sizes.items():
        path = tmp_path / name
        path.write_bytes(b"".join(orjson.dumps({"id": f"{name}{i}", "text": TEXT}) + b"\n"
                                  for i in range(n)))  # fmt: skip
        inputs.append(str(path))
    out = tmp_path / "out"
    run_batch(inputs, out, workers=1, claims=False)
    markers = [orjson.loads(p.read_bytes()) for p in (out / "_markers" / "extract").glob("*")]
    ran = [Path(m["shard"]["path"]).name for m in sorted(markers, key=lambda m: m["started_at"])]
    assert ran == ["big.jsonl", "middle.jsonl", "small.jsonl"]
    # The output keeps the input order: seqs follow the plan, not the run order.
    assert [r["doc_id"] for r in rows(out, "articles")][:2] == ["small.jsonl0", "big.jsonl0"]


def test_lean_local_ray_node_starts_only_what_tasks_need() -> None:
    pytest.importorskip("ray", reason="ray is not installed (pip install 'seasoncheck[ray]')")
    from seasoncheck.batch.engines import start_local_node

    node = start_local_node(1)
    assert node is not None, "this Ray's internal API changed: the engine falls back to ray.init"
    try:
        daemons = ray_daemons(os.getpid())
        assert len(daemons) == 2  # GCS and raylet
        session = node.get_session_dir_path().encode()
        cmdlines = b" ".join(c for c in all_cmdlines() if session in c)
        assert b"raylet" in cmdlines  # the session's processes are found by its folder
        for helper in (b"dashboard/dashboard.py", b"autoscaler/_private/monitor.py",
                       b"log_monitor.py"):  # fmt: skip
            assert helper not in cmdlines
    finally:
        node.kill_all_processes(check_alive=False, allow_graceful=True, wait=True)
    assert not alive(daemons)


RAY_SCRIPT = """
import sys
from seasoncheck.batch import run_batch
run_batch([sys.argv[1]], sys.argv[2], engine="ray", workers=1, shard_lines=3, claims=False)
"""


def test_killed_ray_driver_leaves_no_cluster_and_resumes(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'seasoncheck[ray]')")
    corpus = tmp_path / "c.jsonl"
    write_corpus(150, corpus, seed=5)  # 50 shards of 3 lines, with planted near-duplicates
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    proc = subprocess.Popen([sys.executable, "-c", RAY_SCRIPT, str(corpus), str(killed)])
    markers = killed / "_markers" / "extract"
    deadline = time.monotonic() + 120
    while len(list(markers.glob("*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    daemons = ray_daemons(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)  # the driver alone: Ray's processes must follow it
    proc.wait()
    done_at_kill = len(list(markers.glob("*.json")))
    assert 3 <= done_at_kill < 50, "the run must be killed half-way"
    assert len(daemons) == 2
    deadline = time.monotonic() + 30
    while alive(daemons) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(daemons), "Ray's GCS and raylet outlived the killed driver"
    resumed = run_batch([str(corpus)], killed, engine="ray", workers=1, shard_lines=3, claims=False)
    assert not ray.is_initialized()  # the engine shut down the cluster it started
    assert resumed.tasks_skipped >= done_at_kill
    run_batch([str(corpus)], clean, workers=1, shard_lines=3, claims=False)
    assert rows(killed, "articles") == rows(clean, "articles")
    groups = rows(killed, "dup_groups.parquet")
    assert groups == rows(clean, "dup_groups.parquet")
    assert groups  # the corpus plants near-duplicates
