"""Sources: turn command-line inputs (files, folders, URLs, feeds, WARC) into RawItems.

``read_sources`` yields a ``RawItem`` per article or a ``SourceError`` per item that failed,
so one bad item never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources.files import read_path

__all__ = ["read_sources"]


def read_sources(
    inputs: Iterable[str], settings: Settings, **options: object
) -> Iterator[RawItem | SourceError]:
    """Yield items from every input: a file, a folder (recursively), a URL or a feed URL."""
    for spec in inputs:
        if "://" in spec:
            yield SourceError(spec, "URLs are not supported yet", "read")
            continue
        yield from read_path(Path(spec), settings)
