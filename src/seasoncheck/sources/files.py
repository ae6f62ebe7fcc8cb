"""Files and folders: .txt/.md, .html/.htm, .jsonl (the claims spec's input format)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson

from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}


def read_path(path: Path, settings: Settings) -> Iterator[RawItem | SourceError]:
    """Yield the items of a file, or of every supported file below a folder."""
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
                yield from read_path(child, settings)
        return
    if not path.exists():
        yield SourceError(str(path), "no such file or folder")
        return
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data)
    elif suffix in HTML_SUFFIXES:
        yield RawItem(origin=str(path), html=data.decode("utf-8", "replace"), raw_size=len(data))
    else:
        yield RawItem(origin=str(path), text=data.decode("utf-8", "replace"), raw_size=len(data))


def _read_jsonl(path: Path, data: bytes) -> Iterator[RawItem | SourceError]:
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{path}:{n}"
        try:
            rec = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield SourceError(origin, f"not JSON: {exc}")
            continue
        yield RawItem(
            origin=origin,
            text=rec.get("text"),
            html=rec.get("html"),
            url=rec.get("url"),
            site=rec.get("site"),
            title=rec.get("title"),
            published=rec.get("published"),
            lang=rec.get("lang"),
            doc_id=rec.get("id"),
            raw_size=len(line),
            text_is_clean=True,
        )
