"""Pipeline: the only module that knows the order sources -> extract -> dedup -> link/claims -> store."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from seasoncheck.dedup import DedupIndex
from seasoncheck.extract import ExtractError, extract_article
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.models import Article, Claim, Flag, IngestReport, RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources import read_sources
from seasoncheck.store import Store, canonical_url

log = logging.getLogger(__name__)

ProgressFn = Callable[[str], None]


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    kb: KnowledgeBase | None = None,
    since: str | None = None,
    on_item: ProgressFn | None = None,
) -> IngestReport:
    """Read, extract, deduplicate, extract claims and store every article of ``inputs``.

    Each article is stored in its own transaction; a failing item is recorded as an ingestion
    error and the batch goes on. Example::

        report = ingest(["articles/"], Store.open("sqlite:///s.db"), Settings.from_env())
        print(len(report.added), len(report.unchanged), len(report.errors))
    """
    items = read_sources(inputs, settings, store=store, since=since)
    return _ingest_stream(items, store, kb, on_item)


def ingest_items(
    records: Iterable[Mapping[str, Any] | str],
    store: Store,
    settings: Settings,
    *,
    kb: KnowledgeBase | None = None,
    origin: str = "item",
) -> IngestReport:
    """:func:`ingest` for article records in memory: dicts in the JSONL input format, or URLs.

    A record is checked exactly as a JSONL line is (``id``, then ``text`` or ``html``); a string
    is fetched as ``seasoncheck ingest URL`` would. Errors name ``{origin}:{n}`` (1-based). Example::

        report = ingest_items([{"id": "a1", "text": "..."}], store, settings, kb=load_kb(store))
    """
    return _ingest_stream(_record_items(records, settings, store, origin), store, kb, None)


def _record_items(
    records: Iterable[Mapping[str, Any] | str], settings: Settings, store: Store, origin: str
) -> Iterator[RawItem | SourceError]:
    """RawItems from in-memory records (validated as JSONL lines) and URLs."""
    import orjson

    from seasoncheck.sources.files import jsonl_item

    for n, record in enumerate(records, 1):
        if isinstance(record, str):
            yield from read_sources([record], settings, store=store)
            continue
        try:
            line = orjson.dumps(dict(record))
        except TypeError as exc:
            yield SourceError(f"{origin}:{n}", f"not a JSON record: {exc}")
            continue
        yield jsonl_item(line, f"{origin}:{n}", max_chars=settings.max_article_chars)


def _ingest_stream(
    items: Iterable[RawItem | SourceError],
    store: Store,
    kb: KnowledgeBase | None,
    on_item: ProgressFn | None,
) -> IngestReport:
    """Store every item: the loop behind :func:`ingest` and :func:`ingest_items`."""
    report = IngestReport()
    dedup = DedupIndex.from_store(store)
    for item in items:
        if on_item:
            on_item(item.origin)
        if isinstance(item, SourceError):
            _fail(report, store, item)
            continue
        try:
            _ingest_one(item, store, dedup, kb, report)
        except ExtractError as exc:
            _fail(report, store, SourceError(item.origin, str(exc), "extract"))
        except Exception as exc:  # one broken item must not stop the batch
            log.exception("failed to ingest %s", item.origin)
            _fail(report, store, SourceError(item.origin, f"{type(exc).__name__}: {exc}", "store"))
    return report


def _ingest_one(
    item: RawItem, store: Store, dedup: DedupIndex, kb: KnowledgeBase | None, report: IngestReport
) -> None:
    article = extract_article(item)
    if store.has_article(article.id):
        report.unchanged.append(article)
        return
    if article.url and (known := store.article_id_for_url(canonical_url(article.url))):
        # Same URL, new text: the page changed. Keep the new version as its own article,
        # in the same duplicate group as the old one.
        article = replace(article, dup_group=known)
    group, signature = dedup.assign(article.id, article.text, group=article.dup_group)
    article = replace(article, dup_group=article.dup_group or group)
    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()
    if kb is not None:
        from seasoncheck.claims import extract_claims
        from seasoncheck.factcheck import factual_errors_for

        extraction = extract_claims(article, kb)
        claims = extraction.claims
        flags = (*extraction.flags, *factual_errors_for(article.text, article.id, claims, kb))
    if store.add_article(article, minhash=signature, claims_=claims, flags_=flags):
        report.added.append(article)
        report.claims += len(claims)
    else:
        report.unchanged.append(article)


def _fail(report: IngestReport, store: Store, error: SourceError) -> None:
    report.errors.append(error)
    store.record_error(error)


def stored_article(store: Store, id_or_prefix: str) -> Article | None:
    """One stored article by id, id prefix or source id."""
    return store.get_article(id_or_prefix)
