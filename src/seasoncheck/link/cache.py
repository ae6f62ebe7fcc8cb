"""A disk cache of the linker's title index, keyed by a digest of the KB titles and of the code.

Building the index of the full bangumi-data KB (32k titles) takes 1-2 s of title normalisation
in Python, and the CLI builds it on every ``claims`` / ``ingest`` run; loading it back from a
pickle takes a tenth of that (bench_link.py reports both). The file lives in the user cache
directory (``SEASONCHECK_CACHE_DIR`` overrides it; ``off`` turns the cache off), is written
atomically, and is rebuilt when it is missing, unreadable, or from another KB or code version.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import platformdirs

from seasoncheck.compiled import PACKAGE_DIR
from seasoncheck.kb.model import KnowledgeBase

log = logging.getLogger(__name__)

T = TypeVar("T")

APP_NAME = "seasoncheck"
CACHE_ENV = "SEASONCHECK_CACHE_DIR"
# KBs smaller than this (titles plus franchises) are built, not cached: the demo KB's few
# hundred titles build in about 10 ms, less than a file read (build costs ~50 µs a title).
MIN_CACHED_TITLES = 2000
# Index files kept in the cache directory (the newest ones): one per KB release in use.
KEEP_FILES = 3
# The modules whose code decides what the index holds: a change to them changes the digest.
_CODE_FILES = ("index.py", "normalise.py", "seasons.py", "cache.py")


def cache_dir() -> Path | None:
    """The directory of the index files, or None when the cache is turned off."""
    value = os.environ.get(CACHE_ENV)
    if value and value.lower() == "off":
        return None
    base = Path(value) if value else Path(platformdirs.user_cache_dir(APP_NAME))
    return base / "link"


def kb_digest(kb: KnowledgeBase) -> str:
    """A digest of everything the index is built from: KB titles, franchise names, the code."""
    h = hashlib.blake2b(digest_size=16)
    # the sources beside the package (this module may be the compiled core, elsewhere); a
    # compiled and a pure-Python run keep separate files (their pickled classes differ)
    here = PACKAGE_DIR / "link"
    h.update(Path(__file__).suffix.encode())
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    titles, franchises = kb.titles, list(kb.franchises.values())
    columns = (  # column by column: 5x faster than repr() of the rows (0.5 s for 32k titles)
        [t.title for t in titles],
        [t.franchise_id for t in titles],
        [str(t.season) for t in titles],
        [str(t.work_id) for t in titles],
        [f.id for f in franchises],
        [f.name for f in franchises],
        [str(len(f.titles)) for f in franchises],
        [t for f in franchises for t in f.titles],
    )
    for column in columns:
        h.update("\x1f".join(column).encode("utf-8", "surrogatepass") + b"\x1e")
    return h.hexdigest()


def load_or_build(kb: KnowledgeBase, build: Callable[[KnowledgeBase], T]) -> T:
    """``build(kb)``, through the disk cache when the KB is large enough to be worth it."""
    folder = cache_dir()
    if folder is None or len(kb.titles) + len(kb.franchises) < MIN_CACHED_TITLES:
        return build(kb)
    path = folder / f"index-{kb_digest(kb)}.pickle"
    cached = _load(path)
    if cached is not None:
        return cached  # type: ignore[return-value]
    data = build(kb)
    _save(path, data)
    return data


def _load(path: Path) -> object | None:
    """The object pickled at ``path``, or None when it is missing or unreadable."""
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: rebuild and overwrite it
        log.warning("ignoring the unreadable linker cache %s: %s", path, exc)
        return None


def _save(path: Path, data: object) -> None:
    """Write ``data`` to ``path`` atomically; a cache that cannot be written is only logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
    except OSError as exc:
        log.warning("could not write the linker cache %s: %s", path, exc)
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a full disk: no half-written file left behind
        Path(tmp).unlink(missing_ok=True)
        log.warning("could not write the linker cache %s: %s", path, exc)
        return
    _prune(path.parent, keep=path)


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the newest ``KEEP_FILES`` index files (older KB releases)."""
    files = sorted(folder.glob("index-*.pickle"), key=_mtime, reverse=True)
    for old in files[KEEP_FILES:]:
        if old != keep:
            old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    """Modification time of ``path``, 0 when it vanished meanwhile."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
