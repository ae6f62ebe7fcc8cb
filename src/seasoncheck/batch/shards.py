"""Shards: split batch inputs into units of work (a file, a folder, or N lines of a JSONL file)."""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings

log = logging.getLogger(__name__)

# Lines per JSONL shard, at most: about 10-20 s of work for one core at today's ~100-300
# articles/s, so a killed run loses little, and the per-task overhead stays a small share.
SHARD_LINES = 5000
# Without --shard-lines, a JSONL file is cut into about this many shards (within the bounds
# below): with many more tasks than workers, the last task to finish is short, so workers
# idle little at the end of the extract stage (with 4 shards of 5,000 lines for 2 workers,
# one worker idled for a whole task whenever the two ran at different speeds). The size
# depends on the input only, so a resumed run plans the same shards whatever --workers.
TARGET_SHARDS = 32
# ...but not under this many lines: ~2 s of work, far above a task's ~10 ms of overhead
# (Parquet files, marker, scheduling) measured on 2 cores.
MIN_SHARD_LINES = 500
# The end of a large JSONL file is cut finer: the last TAIL_SHARDS shards' worth of lines
# become TAIL_SHARDS * TAIL_SPLIT shards. Workers take tasks in order, so the last tasks to
# run are short and a worker that runs out of work waits for a quarter of a task at most,
# not a whole one (at 20,000 articles on 2 workers: ~0.5 s of the tail instead of ~2 s).
# Only files of at least TAIL_MIN_SHARDS shards: small files keep MIN_SHARD_LINES.
TAIL_SHARDS = 4
TAIL_SPLIT = 4
TAIL_MIN_SHARDS = 8
# Row bits of a sequence number: seq = shard index << ROW_BITS | row; 2**32 rows per shard.
ROW_BITS = 32


@dataclass(frozen=True)
class Shard:
    """One task's input: a whole file or folder, or a byte range of a JSONL file."""

    index: int
    path: str
    start: int = 0  # byte offset of the first line (JSONL slices)
    end: int | None = None  # byte offset after the last line; None = the whole input
    first_line: int = 1  # line number of the first line, for error origins

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for the job plan."""
        return asdict(self)

    def size(self) -> int:
        """Bytes of input: the slice, the file, or the files of the folder (to run big first)."""
        if self.end is not None:
            return self.end - self.start
        path = Path(self.path)
        if path.is_dir():
            return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        return os.path.getsize(path) if path.exists() else 0


def plan_shards(inputs: list[str], shard_lines: int | None = None) -> list[Shard]:
    """Shards for ``inputs`` in order: a JSONL file over ``shard_lines`` lines becomes several.

    ``shard_lines=None`` sizes each JSONL file's shards with ``auto_shard_sizes``; 0 keeps
    every file whole. Example::

        plan_shards(["crawl.warc.gz", "feed.jsonl", "saved-pages/"], shard_lines=1000)
    """
    shards: list[Shard] = []
    for spec in inputs:
        path = Path(spec)
        if path.is_file() and path.suffix.lower() == ".jsonl" and shard_lines != 0:
            sizes = [shard_lines] if shard_lines else auto_shard_sizes(count_lines(path))
            ranges = list(jsonl_ranges(path, sizes))
        else:
            ranges = [(0, None, 1)]
        for start, end, first in ranges:
            shards.append(Shard(len(shards), str(path), start, end, first))
    return shards


def auto_shard_lines(lines: int) -> int:
    """Lines per shard for a file of ``lines`` lines: ~TARGET_SHARDS shards, within the bounds."""
    return min(SHARD_LINES, max(MIN_SHARD_LINES, -(-lines // TARGET_SHARDS)))


def auto_shard_sizes(lines: int) -> list[int]:
    """Lines of each shard of a file of ``lines`` lines: ``auto_shard_lines`` each, the end finer.

    Example: 20,000 lines -> 28 shards of 625, then 16 of 156-157 (``TAIL_SHARDS``).
    """
    base = auto_shard_lines(lines)
    if lines < TAIL_MIN_SHARDS * base:
        return [base]
    head = (lines - TAIL_SHARDS * base) // base  # full shards before the end
    pieces = TAIL_SHARDS * TAIL_SPLIT
    size, longer = divmod(lines - head * base, pieces)  # the rest, in near-equal pieces
    return [base] * head + [size + (i < longer) for i in range(pieces)]


def count_lines(path: Path) -> int:
    """Lines in a file (a last line without a newline counts), read in 1 MiB blocks."""
    count, last = 0, b"\n"
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def jsonl_ranges(path: Path, sizes: Iterable[int]) -> Iterator[tuple[int, int | None, int]]:
    """(start byte, end byte, first line) of shards of ``sizes`` lines (the last size repeats).

    One range (0, None, 1) when the file fits in the first shard.
    """
    sizes = list(sizes)
    bounds = itertools.accumulate(itertools.chain(sizes, itertools.repeat(sizes[-1])))
    starts = [(0, 1)]
    number, pos, boundary = 0, 0, next(bounds)
    with path.open("rb") as f:
        for line in f:
            number += 1
            pos += len(line)
            if number == boundary:
                starts.append((pos, number + 1))
                boundary = next(bounds)
    if len(starts) > 1 and starts[-1][0] >= pos:
        starts.pop()  # the file ends exactly on a shard boundary
    if len(starts) == 1:
        yield 0, None, 1
        return
    for (start, first), nxt in zip(starts, [*starts[1:], (pos, 0)], strict=True):
        yield start, nxt[0], first


def shard_items(shard: Shard, settings: Settings) -> Iterator[RawItem | SourceError]:
    """The items of a shard, read by the same source readers as ``seasoncheck ingest``."""
    if shard.end is None:
        from seasoncheck.sources.files import read_path

        yield from read_path(Path(shard.path), settings)
    else:
        yield from _jsonl_slice(shard, settings)


def _jsonl_slice(shard: Shard, settings: Settings) -> Iterator[RawItem | SourceError]:
    """The records of a byte range of a JSONL file, each parsed as ``ingest`` parses it."""
    from seasoncheck.sources.files import jsonl_item

    end = shard.end or 0
    with open(shard.path, "rb") as f:
        f.seek(shard.start)
        number, pos = shard.first_line - 1, shard.start
        while pos < end and (line := f.readline(settings.max_file_bytes + 1)):
            number += 1
            pos += len(line)
            origin = f"{shard.path}:{number}"
            if len(line) > settings.max_file_bytes:
                yield SourceError(origin, f"line too long (over {settings.max_file_bytes} bytes)")
                break
            if line.strip():
                yield jsonl_item(line, origin)


def seq_of(shard_index: int, row: int) -> int:
    """A document's sequence number: unique in the batch, ordered like the inputs."""
    return (shard_index << ROW_BITS) | row


def shard_of(seq: int) -> int:
    """The shard index a sequence number belongs to."""
    return seq >> ROW_BITS
