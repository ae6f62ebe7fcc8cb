"""Batch processing: sharded, resumable extract -> dedup -> claims over large inputs, to Parquet.

Organised like HF datatrove and NVIDIA NeMo Curator: a job is split into tasks over input
shards; each task writes its own Parquet files and then a completion marker, so a re-run skips
finished tasks. Near-duplicates across the whole batch are found by an LSH-band shuffle
(``dedup_bands``). ``load.load_batch`` then puts the result into a store. Example::

    report = run_batch(["crawl/"], "out/", engine="local", workers=2)
    load_batch("out/", Store.open("sqlite:///s.db"))
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seasoncheck.batch import output
from seasoncheck.batch.engines import Engine, EngineError, make_engine
from seasoncheck.batch.shards import Shard, plan_shards
from seasoncheck.batch.tasks import JobConfig

__all__ = ["BatchError", "BatchReport", "EngineError", "run_batch"]

log = logging.getLogger(__name__)

# Band partitions per shard: each extract task writes one band file per partition, each bucket
# task reads one file per shard; a partition per 4 shards keeps both file counts moderate.
SHARDS_PER_PARTITION = 4
MAX_PARTITIONS = 64


class BatchError(Exception):
    """A batch that cannot run: missing input, or an output folder of another batch."""


@dataclass
class BatchReport:
    """What a batch produced, summed from its tasks' markers (earlier runs included)."""

    out: str
    shards: int = 0
    articles: int = 0
    claims: int = 0
    flags: int = 0
    errors: int = 0
    grouped: int = 0  # articles in a near-duplicate group of two or more
    groups: int = 0
    tasks_run: int = 0
    tasks_skipped: int = 0  # finished in an earlier run
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # summed over extract tasks
    stage_wall: dict[str, float] = field(default_factory=dict)  # wall time of each stage, this run
    max_rss_kib: int = 0  # largest resident set of a worker process

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return dict(self.__dict__)


def run_batch(
    inputs: Sequence[str],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    shard_lines: int | None = None,
    claims: bool = True,
    kb_db: str | None = None,
) -> BatchReport:
    """Run (or resume) a batch over ``inputs`` into the folder ``out``; see the module docstring.

    ``shard_lines=None`` sizes JSONL shards from the input (``shards.auto_shard_sizes``).
    """
    started = time.perf_counter()
    for spec in inputs:
        if not Path(spec).exists():
            raise BatchError(f"{spec}: no such file or folder")
    shards = plan_shards(list(inputs), shard_lines)
    partitions = min(MAX_PARTITIONS, max(1, math.ceil(len(shards) / SHARDS_PER_PARTITION)))
    config = JobConfig(str(out), partitions, claims, kb_db)
    _check_plan(Path(out), config, shards)
    report = BatchReport(str(out), shards=len(shards))
    if engine == "local":
        from seasoncheck.batch.tasks import warm_up

        warm_up(config)
    runner = make_engine(engine, workers, address)
    try:
        _run_stages(runner, config, shards, report)
    finally:
        runner.close()
    (Path(out) / output.SUCCESS).touch()
    _summarise(Path(out), shards, report)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _check_plan(out: Path, config: JobConfig, shards: list[Shard]) -> None:
    """Write the job plan, or check that the folder's existing plan is this batch's."""
    plan = {
        "shards": [s.to_dict() for s in shards],
        "partitions": config.partitions,
        "claims": config.claims,
        "kb_db": config.kb_db,
    }
    path = out / output.PLAN
    if path.exists():
        import orjson

        if orjson.loads(path.read_bytes()) != plan:
            raise BatchError(f"{out} holds the output of another batch; choose a new --out folder")
        return
    output.write_json(plan, path)


def _run_stages(
    engine: Engine, config: JobConfig, shards: list[Shard], report: BatchReport
) -> None:
    """The five stages in order; each runs only the tasks without a completion marker."""
    from seasoncheck.batch import dedup_bands as d
    from seasoncheck.batch.tasks import run_extract

    out = Path(config.out)
    names = [output.shard_name(s.index) for s in shards]
    groups = range(d.group_count(len(shards)))
    group_names = [d.group_name(g) for g in groups]
    stages: list[tuple[str, Any, list[str], list[tuple[Any, ...]]]] = [
        ("extract", run_extract, names, [(config, s) for s in shards]),
        ("bucket", d.run_bucket, [output.part_name(p) for p in range(config.partitions)],
         [(config, p) for p in range(config.partitions)]),
        ("attach", d.run_attach, group_names, [(config, g) for g in groups]),
        ("verify", d.run_verify, group_names, [(config, g) for g in groups]),
        ("groups", d.run_groups, ["all"], [(config, len(shards))]),
    ]  # fmt: skip
    for stage, fn, tasks, calls in stages:
        pending = [
            c for t, c in zip(tasks, calls, strict=True) if not output.is_done(out, stage, t)
        ]
        if stage == "extract":  # biggest first: the last tasks to run are the short ones
            pending.sort(key=lambda call: -call[1].size())
        report.tasks_skipped += len(calls) - len(pending)
        report.tasks_run += len(pending)
        log.info(
            "%s: %d tasks to run, %d done before", stage, len(pending), len(calls) - len(pending)
        )
        t0 = time.perf_counter()
        engine.map(fn, pending)
        report.stage_wall[stage] = round(time.perf_counter() - t0, 4)


def _summarise(out: Path, shards: list[Shard], report: BatchReport) -> None:
    """Fill the report's counts from the markers of every task (this run's and earlier ones)."""
    for shard in shards:
        stats = output.read_marker(out, "extract", output.shard_name(shard.index))
        for key in ("articles", "claims", "flags", "errors"):
            setattr(report, key, getattr(report, key) + stats[key])
        for stage, secs in stats["seconds"].items():
            report.stage_seconds[stage] = round(report.stage_seconds.get(stage, 0.0) + secs, 4)
        report.max_rss_kib = max(report.max_rss_kib, stats["max_rss_kib"])
    groups = output.read_marker(out, "groups", "all")
    report.grouped, report.groups = groups["grouped"], groups["groups"]
