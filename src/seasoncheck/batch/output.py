"""Batch output on disk: Parquet tables written atomically, and the completion markers of tasks."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:
    import pyarrow as pa

MARKERS = "_markers"
PLAN = "_job.json"
SUCCESS = "_SUCCESS"


def write_table(table: pa.Table, path: Path) -> None:
    """Write a Parquet file under a temporary name, then rename it: a reader never sees half."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_json(data: Any, path: Path) -> None:
    """Write a JSON file atomically (temporary name, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    os.replace(tmp, path)


def marker_path(out: Path, stage: str, task: str) -> Path:
    """Where the completion marker of one task of a stage lives."""
    return out / MARKERS / stage / f"{task}.json"


def is_done(out: Path, stage: str, task: str) -> bool:
    """True when the task finished in this or an earlier run."""
    return marker_path(out, stage, task).exists()


def mark_done(out: Path, stage: str, task: str, stats: dict[str, Any]) -> None:
    """Record that a task finished; written after all its output, so it is the commit point.

    Adds the largest resident set of the worker so far (KiB) when ``stats`` has none.
    """
    import resource

    stats.setdefault("max_rss_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    write_json(stats, marker_path(out, stage, task))


def read_marker(out: Path, stage: str, task: str) -> dict[str, Any]:
    """The stats a finished task recorded."""
    data: dict[str, Any] = orjson.loads(marker_path(out, stage, task).read_bytes())
    return data


def read_tables(paths: list[Path], columns: list[str] | None = None) -> pa.Table | None:
    """The concatenation of Parquet files (sorted by name), or None when there are none."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = [pq.read_table(p, columns=columns) for p in sorted(paths)]
    return pa.concat_tables(tables) if tables else None


def shard_name(index: int) -> str:
    """The partition name of a shard: ``shard=00012``."""
    return f"shard={index:05d}"


def part_name(index: int) -> str:
    """The partition name of a band partition: ``part=003``."""
    return f"part={index:03d}"
