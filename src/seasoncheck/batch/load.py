"""Load a batch's Parquet output into a store, idempotently (articles are keyed by content hash)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seasoncheck.batch import output
from seasoncheck.batch.tasks import ARTICLE_FIELDS, CLAIM_FIELDS, CLAIM_INT_FIELDS, FLAG_FIELDS
from seasoncheck.models import Article, Claim, Flag

if TYPE_CHECKING:
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

# Articles read from a Parquet file at a time: bounds memory whatever the shard size.
READ_BATCH_ROWS = 2000


class LoadError(Exception):
    """The folder is not the finished output of a batch."""


@dataclass
class LoadReport:
    """What a load added and what the store already had."""

    added: int = 0
    unchanged: int = 0
    claims: int = 0
    flags: int = 0


def load_batch(out: str | Path, store: Store) -> LoadReport:
    """Add every article of a finished batch with its claims, flags and duplicate group.

    A second load of the same folder adds nothing. Example::

        load_batch("out/", Store.open("sqlite:///seasoncheck.db")).added
    """
    out = Path(out)
    if not (out / output.SUCCESS).exists():
        raise LoadError(f"{out}: not a finished batch output (no {output.SUCCESS}; run the batch)")
    groups = _dup_groups(out)
    report = LoadReport()
    for path in sorted((out / "articles").glob("*.parquet")):
        _load_shard(out, path, store, groups, report)
    return report


def _dup_groups(out: Path) -> dict[int, str]:
    """seq -> group id of every article in a near-duplicate group."""
    table = output.read_tables([out / "dup_groups.parquet"], columns=["seq", "group"])
    if table is None:
        return {}
    return dict(
        zip(table.column("seq").to_pylist(), table.column("group").to_pylist(), strict=True)
    )


def _load_shard(
    out: Path, path: Path, store: Store, groups: dict[int, str], report: LoadReport
) -> None:
    """Add the articles of one shard file, streamed in batches of rows."""
    import pyarrow.parquet as pq

    claims = _rows_by_seq(out / "claims" / path.name)
    flags = _rows_by_seq(out / "flags" / path.name)
    for batch in pq.ParquetFile(path).iter_batches(batch_size=READ_BATCH_ROWS):
        for row in batch.to_pylist():
            article = _article(row, groups)
            cs = [_claim(r) for r in claims.get(row["seq"], ())]
            fs = [Flag(**{f: r[f] for f in FLAG_FIELDS}) for r in flags.get(row["seq"], ())]
            if store.add_article(article, minhash=row["signature"], claims_=cs, flags_=fs):
                report.added += 1
                report.claims += len(cs)
                report.flags += len(fs)
            else:
                report.unchanged += 1


def _rows_by_seq(path: Path) -> dict[int, list[dict[str, Any]]]:
    """A shard's claim or flag rows grouped by the seq of their article."""
    table = output.read_tables([path]) if path.exists() else None
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in table.to_pylist() if table is not None else ():
        grouped[row["seq"]].append(row)
    return grouped


def _article(row: dict[str, Any], groups: dict[int, str]) -> Article:
    fields = {f: row[f] for f in ARTICLE_FIELDS}
    group = groups.get(row["seq"], row["id"])
    return Article(**fields, text=row["text"], raw_size=row["raw_size"], dup_group=group)


def _claim(row: dict[str, Any]) -> Claim:
    return Claim(**{f: row[f] for f in (*CLAIM_FIELDS, *CLAIM_INT_FIELDS)})
