"""The extract task: one shard -> Parquet tables of articles, claims, flags, errors and LSH bands.

Each article goes through the same pure functions as ``seasoncheck ingest``: ``extract_article``,
the content hash (the article id), ``dedup.shingles``/``signature``, ``extract_claims`` and
``factual_errors_for``. Outputs are written under temporary names and renamed, then the
completion marker is written last: a task killed half-way leaves no marker and is run again.
"""

from __future__ import annotations

import gc
import logging
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seasoncheck.batch import output
from seasoncheck.batch.shards import Shard, seq_of, shard_items
from seasoncheck.models import Article, Claim, Flag, SourceError
from seasoncheck.settings import Settings

if TYPE_CHECKING:
    import pyarrow as pa

    from seasoncheck.kb.model import KnowledgeBase

log = logging.getLogger(__name__)

STAGE = "extract"
ARTICLE_FIELDS = (
    "id", "doc_id", "origin", "title", "url", "site", "published", "fetched", "language", "author",
)  # fmt: skip
CLAIM_FIELDS = (
    "doc_id", "work", "type", "value", "status", "attribution", "evidence", "kb_id", "franchise_id",
)  # fmt: skip
CLAIM_INT_FIELDS = ("season", "evidence_start", "evidence_end")
FLAG_FIELDS = ("doc_id", "flag", "detail", "evidence")


@dataclass(frozen=True)
class JobConfig:
    """What every task of a batch needs to know; picklable, sent to each worker."""

    out: str
    partitions: int  # number of band partitions of the LSH shuffle
    claims: bool = True  # run the claim extractor (needs the KB)
    kb_db: str | None = None  # store whose imported KB to use; None = the bundled demo KB


@dataclass
class ShardRows:
    """The rows one shard produces, column by column, before they become Parquet tables."""

    articles: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def time(self, stage: str, seconds: float) -> None:
        """Add ``seconds`` to a stage's running total."""
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds


WARM_UP_TEXT = "The studio confirmed that the second season of the show is now in production."
_KB_CACHE: dict[str | None, KnowledgeBase] = {}  # one KB per worker process, loaded on first use


def worker_kb(kb_db: str | None) -> KnowledgeBase:
    """The KB for this worker process (loaded once: ~1 s for the demo KB)."""
    if kb_db not in _KB_CACHE:
        from seasoncheck.kb.loader import load_kb
        from seasoncheck.store import Store

        _KB_CACHE[kb_db] = load_kb(Store.open(kb_db, migrate=False) if kb_db else None)
    return _KB_CACHE[kb_db]


def warm_up(config: JobConfig) -> None:
    """Import the stages and load the KB in the driver: forked local workers then start warm."""
    import seasoncheck.claims
    import seasoncheck.dedup
    import seasoncheck.extract
    import seasoncheck.factcheck
    import seasoncheck.sources.files  # noqa: F401
    from seasoncheck.models import RawItem

    page = f"<html><body><article><p>{WARM_UP_TEXT}</p></article></body></html>"
    # The first HTML extraction, language guess and claim extraction load models, build the
    # linker's automata and fill caches (~2-3 s together).
    kb = worker_kb(config.kb_db) if config.claims else None
    _process_item(RawItem("warm-up", html=page), 0, kb, ShardRows())


def freeze_worker() -> None:
    """After a worker's first task: move what is alive out of the collector's reach, once.

    By then the worker has loaded what it keeps (modules, the KB, the linker's index,
    compiled patterns, models). ``gc.freeze()`` puts those ~110,000 objects in the permanent
    generation, so the full collections a shard's rows trigger every few hundred articles
    skip them: on one 625-article shard, 0.24-0.37 s a full collection before, 0.07 s after
    (about 7% of the shard's CPU).
    """
    if not gc.get_freeze_count():
        gc.collect()
        gc.freeze()


def run_extract(config: JobConfig, shard: Shard) -> dict[str, Any]:
    """Run one shard end to end and write its tables and marker; returns the marker's stats."""
    out = Path(config.out)
    started, started_at, cpu = time.perf_counter(), time.time(), time.process_time()
    kb = worker_kb(config.kb_db) if config.claims else None
    kb_seconds = time.perf_counter() - started  # non-zero in a worker's first task only
    rows, bands = process_shard(shard, kb, config.partitions)
    rows.time("kb", kb_seconds)
    t0 = time.perf_counter()
    write_shard(out, shard.index, rows, bands)
    rows.time("write", time.perf_counter() - t0)
    stats = {
        "shard": shard.to_dict(),
        "articles": len(rows.articles),
        "claims": len(rows.claims),
        "flags": len(rows.flags),
        "errors": len(rows.errors),
        "seconds": {k: round(v, 4) for k, v in sorted(rows.timings.items())},
        "wall": round(time.perf_counter() - started, 4),
        # When and where it ran: the timeline of a run (idle workers, the last task's tail).
        "started_at": round(started_at, 3),
        "finished_at": round(time.time(), 3),
        "pid": os.getpid(),
        # CPU seconds of the task: below "wall" when other processes took the core.
        "cpu": round(time.process_time() - cpu, 4),
        "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }
    output.mark_done(out, STAGE, output.shard_name(shard.index), stats)
    del rows, bands
    freeze_worker()
    return stats


def process_shard(
    shard: Shard, kb: KnowledgeBase | None, partitions: int
) -> tuple[ShardRows, list[list[tuple[int, int]]]]:
    """Rows for every item of a shard, and its (band key, seq) pairs by band partition."""
    from seasoncheck.batch.dedup_bands import band_keys

    rows = ShardRows()
    bands: list[list[tuple[int, int]]] = [[] for _ in range(partitions)]
    items = iter(shard_items(shard, Settings.from_env()))
    while True:
        t0 = time.perf_counter()
        item = next(items, None)
        rows.time("read", time.perf_counter() - t0)
        if item is None:
            break
        seq = seq_of(shard.index, len(rows.articles))
        signature = _process_item(item, seq, kb, rows)
        for key in band_keys(signature) if signature is not None else ():
            bands[key % partitions].append((key, seq))
    return rows, bands


def _process_item(
    item: Any, seq: int, kb: KnowledgeBase | None, rows: ShardRows
) -> Any:  # numpy array | None
    """Extract one item into ``rows``; its signature values, or None when it failed or is empty."""
    if isinstance(item, SourceError):
        rows.errors.append(_error_row(item))
        return None
    from seasoncheck.extract import ExtractError, extract_article

    t0 = time.perf_counter()
    try:
        article = extract_article(item)
    except ExtractError as exc:
        rows.errors.append(_error_row(SourceError(item.origin, str(exc), "extract")))
        return None
    except Exception as exc:  # one broken item must not stop the shard (as in ``ingest``)
        log.exception("failed to extract %s", item.origin)
        reason = f"{type(exc).__name__}: {exc}"
        rows.errors.append(_error_row(SourceError(item.origin, reason, "extract")))
        return None
    t1 = time.perf_counter()
    rows.time("extract", t1 - t0)
    values, packed = article_signature(article)
    t2 = time.perf_counter()
    rows.time("signature", t2 - t1)
    claims, flags = article_claims(article, kb) if kb is not None else ((), ())
    rows.time("claims", time.perf_counter() - t2)
    rows.articles.append(_article_row(article, seq, packed))
    rows.claims += [{"seq": seq, **_claim_row(c)} for c in claims]
    rows.flags += [{"seq": seq, **{f: getattr(fl, f) for f in FLAG_FIELDS}} for fl in flags]
    return values


def article_signature(article: Article) -> tuple[Any, bytes | None]:
    """MinHash values and their stored bytes for an article (None, None when it has no words)."""
    from seasoncheck.dedup import pack_signature, shingles, signature

    shingle_set = shingles(article.text)
    if not shingle_set:
        return None, None
    values = signature(shingle_set)
    return values, pack_signature(values)


def article_claims(article: Article, kb: KnowledgeBase) -> tuple[tuple[Claim, ...], list[Flag]]:
    """Claims and flags of an article, exactly as ``pipeline.ingest`` computes them."""
    from seasoncheck.claims import extract_claims
    from seasoncheck.factcheck import factual_errors_for

    extraction = extract_claims(article, kb)
    claims = extraction.claims
    return claims, [*extraction.flags, *factual_errors_for(article.text, article.id, claims, kb)]


def _article_row(article: Article, seq: int, packed: bytes | None) -> dict[str, Any]:
    row: dict[str, Any] = {"seq": seq, **{f: getattr(article, f) for f in ARTICLE_FIELDS}}
    row.update(raw_size=article.raw_size, text=article.text, signature=packed)
    return row


def _claim_row(claim: Claim) -> dict[str, Any]:
    return {f: getattr(claim, f) for f in (*CLAIM_FIELDS, *CLAIM_INT_FIELDS)}


def _error_row(error: SourceError) -> dict[str, Any]:
    return {"origin": error.origin, "reason": error.reason, "stage": error.stage}


def write_shard(out: Path, index: int, rows: ShardRows, bands: list[list[tuple[int, int]]]) -> None:
    """Write a shard's four tables and its band rows (one file per band partition)."""
    name = f"{output.shard_name(index)}.parquet"
    for table, data in (
        ("articles", _table(rows.articles, article_schema())),
        ("claims", _table(rows.claims, claim_schema())),
        ("flags", _table(rows.flags, flag_schema())),
        ("errors", _table(rows.errors, error_schema())),
    ):
        output.write_table(data, out / table / name)
    from seasoncheck.batch.dedup_bands import band_table

    for part, pairs in enumerate(bands):
        if pairs:
            output.write_table(band_table(pairs), out / "bands" / output.part_name(part) / name)


def _table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=schema)


def article_schema() -> pa.Schema:
    """Columns of the articles table: the Article fields, its seq and its packed signature."""
    import pyarrow as pa

    cols = [("seq", pa.int64()), *((f, pa.string()) for f in ARTICLE_FIELDS)]
    cols += [("raw_size", pa.int64()), ("text", pa.large_string()), ("signature", pa.binary())]
    return pa.schema(cols)


def claim_schema() -> pa.Schema:
    """Columns of the claims table: the Claim fields and the seq of their article."""
    import pyarrow as pa

    cols = [("seq", pa.int64()), *((f, pa.string()) for f in CLAIM_FIELDS)]
    return pa.schema(cols + [(f, pa.int32()) for f in CLAIM_INT_FIELDS])


def flag_schema() -> pa.Schema:
    """Columns of the flags table."""
    import pyarrow as pa

    return pa.schema([("seq", pa.int64()), *((f, pa.string()) for f in FLAG_FIELDS)])


def error_schema() -> pa.Schema:
    """Columns of the errors table (items that could not be read or extracted)."""
    import pyarrow as pa

    return pa.schema([(f, pa.string()) for f in ("origin", "reason", "stage")])
