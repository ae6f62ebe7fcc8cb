"""Near-duplicates across a whole batch: MinHash LSH by band, with a shuffle instead of one index.

The CLI keeps one in-memory LSH index (``dedup.DedupIndex``); a batch over millions of pages
cannot. As in datatrove's and NeMo Curator's fuzzy dedup, every extract task writes one
(band key, seq) row per band of each signature, hash-partitioned into ``partitions`` files.
Then:

1. ``run_bucket`` (one task per partition): sorts its band rows by key; documents sharing a
   key are candidate pairs. Pairs go out partitioned by the shard group (``SHARDS_PER_GROUP``
   consecutive shards) of their first document.
2. ``run_attach`` (one task per shard group): adds the first document's signature to each
   pair and sends the pair on to the group of its second document.
3. ``run_verify`` (one task per shard group): keeps pairs whose estimated Jaccard reaches
   ``dedup.THRESHOLD``, the CLI's own test.
4. ``run_groups`` (one task): union-find over the verified pairs (only pairs, never all
   documents); each group is named after its first document in input order, as in the CLI.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seasoncheck.batch import output
from seasoncheck.batch.shards import ROW_BITS, shard_of
from seasoncheck.dedup import NUM_PERM, THRESHOLD, unpack_signature

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from seasoncheck.batch.tasks import JobConfig

log = logging.getLogger(__name__)

# 32 bands of 4 rows: datasketch's optimum (``_optimal_param``, equal false-positive and
# false-negative weights) for dedup.CANDIDATE_THRESHOLD = 0.4 at 128 permutations, the same
# banding the CLI's index uses. A pair at Jaccard 0.5 shares a band with probability 0.88,
# at 0.8 with probability 1 - (1 - 0.8**4)**32 > 0.9999.
BANDS = 32
ROWS = NUM_PERM // BANDS
# Documents sharing a band key are paired with up to this many neighbours in seq order: every
# pair of a bucket up to this size, and a connected chain in larger buckets (mass duplicates),
# so a bucket of k copies costs O(k) pairs rather than O(k**2).
NEIGHBOURS = 15
# Consecutive shards whose pairs one attach or verify task handles. Routing pairs to groups
# rather than to single shards keeps the number of pair files (senders x receivers) and of
# tasks down: at 44 shards, 11 x 11 files per hop instead of 44 x 44, and 1.5 s less CPU
# over the dedup stages of 20,000 articles; at 1M articles (212 shards) 53 x 53 instead of
# 212 x 212.
SHARDS_PER_GROUP = 4
# Candidate pairs verified at a time: bounds the verify task's memory (2 x 512 bytes a pair).
VERIFY_CHUNK = 50_000
_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_ROW_MASK = (1 << ROW_BITS) - 1


def band_keys(values: np.ndarray) -> list[int]:
    """One 63-bit key per band of a signature (FNV-1a over the band's values and its index)."""
    import numpy as np

    rows = values.astype(np.uint64).reshape(BANDS, ROWS)
    h = np.uint64(_FNV_OFFSET) ^ np.arange(BANDS, dtype=np.uint64)
    for r in range(ROWS):
        h = (h ^ rows[:, r]) * np.uint64(_FNV_PRIME)  # wraps modulo 2**64, as FNV does
    return [int(k) for k in (h >> np.uint64(1))]


def band_table(pairs: list[tuple[int, int]]) -> pa.Table:
    """(band key, seq) rows as a table."""
    import pyarrow as pa

    keys, seqs = zip(*pairs, strict=True)
    return pa.table({"key": pa.array(keys, pa.int64()), "seq": pa.array(seqs, pa.int64())})


def candidate_pairs(keys: np.ndarray, seqs: np.ndarray) -> np.ndarray:
    """Unique (a, b) seq pairs, a < b, of documents sharing a band key; shape (n, 2)."""
    import numpy as np

    order = np.lexsort((seqs, keys))
    keys, seqs = keys[order], seqs[order]
    found = [np.empty((0, 2), dtype=np.int64)]
    for d in range(1, NEIGHBOURS + 1):
        same = keys[:-d] == keys[d:]
        if not same.any():
            break
        found.append(np.stack([seqs[:-d][same], seqs[d:][same]], axis=1))
    pairs = np.concatenate(found)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0) if len(pairs) else pairs


def group_of(shard: int) -> int:
    """The shard group of a shard: the unit of work of the attach and verify stages."""
    return shard // SHARDS_PER_GROUP


def group_count(shards: int) -> int:
    """Number of shard groups of a batch of ``shards`` shards."""
    return -(-shards // SHARDS_PER_GROUP)


def group_name(group: int) -> str:
    """The partition name of a shard group: ``group=003``."""
    return f"group={group:03d}"


def run_bucket(config: JobConfig, part: int) -> dict[str, Any]:
    """Group one band partition by key and write its candidate pairs by first document's group."""
    out = Path(config.out)
    table = output.read_tables(list((out / "bands" / output.part_name(part)).glob("*.parquet")))
    pairs = _empty_pairs() if table is None else _pairs_of(table)
    _write_by_group(out / "pairs", pairs, pairs[:, 0], output.part_name(part), {})
    stats = {"band_rows": 0 if table is None else table.num_rows, "pairs": len(pairs)}
    output.mark_done(out, "bucket", output.part_name(part), stats)
    return stats


def _pairs_of(table: pa.Table) -> np.ndarray:
    keys = table.column("key").to_numpy()
    return candidate_pairs(keys, table.column("seq").to_numpy())


def _empty_pairs() -> np.ndarray:
    import numpy as np

    return np.empty((0, 2), dtype=np.int64)


def _write_by_group(
    root: Path, pairs: np.ndarray, route: np.ndarray, name: str, extra: dict[str, list[Any]]
) -> None:
    """Write pairs (and extra columns) to ``root/group=G/name.parquet`` for each routed group."""
    import numpy as np
    import pyarrow as pa

    groups = (route >> ROW_BITS) // SHARDS_PER_GROUP
    for group in np.unique(groups):
        mask = groups == group
        cols = {"a": pa.array(pairs[mask, 0]), "b": pa.array(pairs[mask, 1])}
        for col, values in extra.items():
            cols[col] = pa.array([v for v, m in zip(values, mask, strict=True) if m], pa.binary())
        path = root / group_name(int(group)) / f"{name}.parquet"
        output.write_table(pa.table(cols), path)


def shard_signatures(out: Path, shard: int) -> list[bytes | None]:
    """The packed signatures of a shard's articles, indexed by row."""
    path = out / "articles" / f"{output.shard_name(shard)}.parquet"
    table = output.read_tables([path], columns=["signature"])
    return [] if table is None else table.column("signature").to_pylist()


def group_signatures(out: Path, group: int, seqs: np.ndarray) -> tuple[list[bytes | None], Any]:
    """The packed signatures of a group's shards in one list, and each seq's index into it.

    Only the shards that ``seqs`` (documents of this group) come from are read.
    """
    import numpy as np

    shards = seqs >> ROW_BITS
    sigs: list[bytes | None] = []
    offset = np.zeros(SHARDS_PER_GROUP, dtype=np.int64)
    first = group * SHARDS_PER_GROUP
    for shard in np.unique(shards):
        offset[int(shard) - first] = len(sigs)
        sigs += shard_signatures(out, int(shard))
    return sigs, offset[shards - first] + (seqs & _ROW_MASK)


def run_attach(config: JobConfig, group: int) -> dict[str, Any]:
    """Attach the first document's signature to this group's pairs; route them to the second's."""
    out = Path(config.out)
    table = output.read_tables(list((out / "pairs" / group_name(group)).glob("*.parquet")))
    pairs = _empty_pairs() if table is None else _unique_pairs(table)
    sigs, index = group_signatures(out, group, pairs[:, 0])
    sig_a = [sigs[i] for i in index.tolist()]
    _write_by_group(out / "pairs_a", pairs, pairs[:, 1], group_name(group), {"sig_a": sig_a})
    stats = {"pairs": len(pairs)}
    output.mark_done(out, "attach", group_name(group), stats)
    return stats


def _unique_pairs(table: pa.Table) -> np.ndarray:
    import numpy as np

    pairs = np.stack([table.column("a").to_numpy(), table.column("b").to_numpy()], axis=1)
    return np.unique(pairs, axis=0)


def run_verify(config: JobConfig, group: int) -> dict[str, Any]:
    """Keep the pairs routed to this group whose estimated Jaccard reaches ``dedup.THRESHOLD``."""
    import numpy as np
    import pyarrow as pa

    out = Path(config.out)
    files = list((out / "pairs_a" / group_name(group)).glob("*.parquet"))
    table = output.read_tables(files)
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    if table is not None:
        blobs, index = group_signatures(out, group, table.column("b").to_numpy())
        sigs, valid = signature_matrix(blobs)
        start = 0
        for batch in table.to_batches(max_chunksize=VERIFY_CHUNK):
            a, b = batch.column("a").to_numpy(), batch.column("b").to_numpy()
            rows = index[start : start + len(b)]
            start += len(b)
            sig_a, valid_a = signature_matrix(batch.column("sig_a").to_pylist())
            j = (sig_a == sigs[rows]).mean(axis=1)
            keep = valid_a & valid[rows] & (j >= THRESHOLD)
            kept.append((a[keep], b[keep], j[keep].astype(np.float32)))
    cols: list[Any] = [np.concatenate([k[i] for k in kept]) if kept else [] for i in range(3)]
    schema = pa.schema([("a", pa.int64()), ("b", pa.int64()), ("jaccard", pa.float32())])
    verified = pa.Table.from_arrays(
        [pa.array(c, t.type) for c, t in zip(cols, schema, strict=True)], schema=schema
    )
    output.write_table(verified, out / "verified" / f"{group_name(group)}.parquet")
    stats = {"candidates": 0 if table is None else table.num_rows, "verified": verified.num_rows}
    output.mark_done(out, "verify", group_name(group), stats)
    return stats


def signature_matrix(blobs: list[bytes | None]) -> tuple[np.ndarray, np.ndarray]:
    """Packed signatures as a (n, NUM_PERM) matrix, and which rows are usable signatures."""
    import numpy as np

    values = np.zeros((len(blobs), NUM_PERM), dtype=np.uint32)
    valid = np.zeros(len(blobs), dtype=bool)
    for i, blob in enumerate(blobs):
        v = unpack_signature(blob) if blob else None
        if v is not None:
            values[i], valid[i] = v, True
    return values, valid


def estimated_jaccard(a: bytes | None, b: bytes | None) -> float | None:
    """Share of equal MinHash values of two packed signatures; None when either is unusable."""
    import numpy as np

    va = unpack_signature(a) if a else None
    vb = unpack_signature(b) if b else None
    if va is None or vb is None:
        return None
    return float(np.count_nonzero(va == vb)) / len(va)


def run_groups(config: JobConfig, shards: int) -> dict[str, Any]:
    """Union-find over all verified pairs; writes ``dup_groups.parquet`` (seq, id, group)."""
    import pyarrow as pa

    out = Path(config.out)
    table = output.read_tables(list((out / "verified").glob("*.parquet")), columns=["a", "b"])
    parent: dict[int, int] = {}
    if table is not None:
        for a, b in zip(table.column("a").to_pylist(), table.column("b").to_pylist(), strict=True):
            _union(parent, a, b)
    members = sorted(parent)
    roots = [_find(parent, s) for s in members]
    ids = _ids_of(out, sorted(set(members)))
    groups = pa.table(
        {
            "seq": pa.array(members, pa.int64()),
            "id": pa.array([ids[s] for s in members], pa.string()),
            "group": pa.array([ids[r] for r in roots], pa.string()),
        }
    )
    output.write_table(groups, out / "dup_groups.parquet")
    stats = {"pairs": 0 if table is None else table.num_rows, "grouped": len(members)}
    stats["groups"] = len(set(roots))
    output.mark_done(out, "groups", "all", stats)
    return stats


def _find(parent: dict[int, int], x: int) -> int:
    """The root of ``x`` (the smallest seq of its set), halving the path on the way."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: dict[int, int], a: int, b: int) -> None:
    """Join the sets of ``a`` and ``b``; the smaller root (earlier in input order) wins."""
    parent.setdefault(a, a)
    parent.setdefault(b, b)
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _ids_of(out: Path, seqs: list[int]) -> dict[int, str]:
    """Article ids of some seqs, reading only the id column of the shards they are in."""
    ids: dict[int, str] = {}
    by_shard: dict[int, list[int]] = {}
    for s in seqs:
        by_shard.setdefault(shard_of(s), []).append(s)
    for shard, wanted in by_shard.items():
        path = out / "articles" / f"{output.shard_name(shard)}.parquet"
        column = output.read_tables([path], columns=["id"]).column("id").to_pylist()  # type: ignore[union-attr]
        ids.update((s, column[s & _ROW_MASK]) for s in wanted)
    return ids
