"""Import a KB file into the store, in one transaction, and report what changed.

``import_file`` recognises bangumi-data (`data.json` or the npm `.tgz`), anime-offline-database
(minified JSON, JSONL, `.zst`) and a facts file (YAML/JSON). It parses the whole file first, so
a corrupt, truncated or wrong-schema file fails before the store is touched; then, in one
transaction, it replaces that source's entries (reporting added / changed / removed against the
previous release), rebuilds the KB from every source's entries and writes the derived tables and
the snapshot ``load_kb`` reads. Any failure rolls the whole import back.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Connection, delete, select

from seasoncheck.kb.entries import Entry
from seasoncheck.kb.errors import KBError, KBFormatError
from seasoncheck.kb.facts import Facts, merge_facts, parse_facts
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.kb.perf import gc_paused
from seasoncheck.kb.schema import kb_entries, kb_imports, kb_snapshot
from seasoncheck.kb.tables import write_derived_tables

if TYPE_CHECKING:
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

FACTS_KEY = "facts"  # the one kb_entries row (source "facts") that holds an imported facts file
# zstd level of the store's KB snapshot: level 3 compresses all of bangumi-data in ~0.1 s to
# about 1.2 MB; 19 saves another third but takes seconds.
SNAPSHOT_LEVEL = 3
# Bytes read to tell formats apart.
SNIFF_BYTES = 4096


@dataclass
class ImportReport:
    """What an import did: the source, its release, and entries added / changed / removed."""

    source: str
    origin: str
    version: str | None = None
    entries: int = 0
    added: list[str] = field(default_factory=list)  # titles
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    franchises: int = 0
    seasons: int = 0

    def summary(self) -> str:
        """One line for the CLI."""
        version = f" {self.version}" if self.version else ""
        return (
            f"{self.source}{version}: {self.entries} entries ({len(self.added)} added, "
            f"{len(self.changed)} changed, {len(self.removed)} removed); KB now has "
            f"{self.franchises} franchises, {self.seasons} entries"
        )


@dataclass(frozen=True)
class Parsed:
    """A parsed input file: its source name, entries (or facts) and release version."""

    source: str
    entries: list[Entry]
    version: str | None = None
    facts_text: str | None = None


def detect_format(path: Path) -> str:
    """`bangumi-data`, `aod` or `facts` from the file name and its first bytes."""
    name = path.name.lower()
    if name.endswith((".tgz", ".tar.gz")):
        return "bangumi-data"
    if name.endswith((".yaml", ".yml")):
        return "facts"
    if name.endswith(".zst") or name.endswith(".jsonl"):
        return "aod"
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    return _sniff_json(head, path)


def _sniff_json(head: bytes, path: Path) -> str:
    """Tell the JSON formats apart by their first keys."""
    text = head.lstrip()
    if not text.startswith(b"{"):
        raise KBFormatError(
            f"{path}: unknown format (expected bangumi-data, anime-offline-database or a facts file)"
        )
    if b'"siteMeta"' in text or b'"items"' in text:
        return "bangumi-data"
    if b"anime-offline-database" in text or b'"data"' in text:
        return "aod"
    if b'"franchises"' in text:
        return "facts"
    raise KBFormatError(
        f"{path}: unknown JSON format (no 'items', 'data' or 'franchises' key near the start)"
    )


def parse_file(path: Path) -> Parsed:
    """Parse any supported KB file (everything is checked before the store is touched)."""
    if not path.exists():
        raise KBError(f"{path}: no such file")
    if not path.is_file():
        raise KBError(f"{path}: not a file")
    fmt = detect_format(path)
    if fmt == "bangumi-data":
        from seasoncheck.kb.bangumi import SOURCE, read_bangumi_file

        rel = read_bangumi_file(path)
        return Parsed(SOURCE, rel.entries, rel.version)
    if fmt == "aod":
        from seasoncheck.kb.aod import SOURCE as AOD
        from seasoncheck.kb.aod import read_aod_file

        aod = read_aod_file(path)
        return Parsed(AOD, aod.entries, aod.version)
    text = path.read_text("utf-8")
    parse_facts(text, origin=str(path))  # validate now
    return Parsed("facts", [], None, text)


def import_file(store: Store, path: Path) -> ImportReport:
    """Import one KB file into ``store`` in a single transaction and report the changes.

    Example::

        report = import_file(Store.open("sqlite:///kb.db"), Path("bangumi-data-0.3.208.json"))
        print(report.summary())
    """
    with gc_paused():
        return _import(store, path)


def _import(store: Store, path: Path) -> ImportReport:
    """``import_file`` without the GC pause."""
    parsed = parse_file(path)
    _check_unique_keys(parsed, path)
    report = ImportReport(parsed.source, str(path), parsed.version, len(parsed.entries))
    with store.engine.begin() as conn:
        if parsed.facts_text is not None:
            _replace_facts(conn, parsed.facts_text, report)
        else:
            _replace_entries(conn, parsed, report)
        kb = rebuild(conn, fresh=parsed if parsed.facts_text is None else None)
        report.franchises = len(kb.franchises)
        report.seasons = sum(len(f.seasons) for f in kb.franchises.values())
        _record_import(conn, report)
    log.info("%s", report.summary())
    return report


def _check_unique_keys(parsed: Parsed, path: Path) -> None:
    """Two records with one key would make the diff and the update ambiguous."""
    seen: set[str] = set()
    for e in parsed.entries:
        if e.key in seen:
            raise KBFormatError(f"{path}: two entries share the key {e.key} ({e.title!r})")
        seen.add(e.key)


def entry_json(entry: Entry) -> bytes:
    """An entry as JSON (orjson serialises dataclasses natively, in field order)."""
    return orjson.dumps(entry)


def entry_digest(data: bytes) -> str:
    """A hash of an entry's JSON (for release diffs)."""
    return hashlib.sha1(data).hexdigest()


def _replace_entries(conn: Connection, parsed: Parsed, report: ImportReport) -> None:
    """Swap one source's stored entries for the new release, noting what changed."""
    old = {
        r.key: (r.digest, r.title)
        for r in conn.execute(
            select(kb_entries.c.key, kb_entries.c.digest, kb_entries.c.title).where(
                kb_entries.c.source == parsed.source
            )
        )
    }
    new_keys = {e.key for e in parsed.entries}
    rows = []
    for e in parsed.entries:
        data = entry_json(e)
        digest = entry_digest(data)
        prev = old.get(e.key)
        if prev is None:
            report.added.append(e.title)
        elif prev[0] != digest:
            report.changed.append(e.title)
        rows.append(
            {
                "source": parsed.source,
                "key": e.key,
                "title": e.title,
                "digest": digest,
                "data": data,
            }
        )
    report.removed = [title for key, (_, title) in old.items() if key not in new_keys]
    conn.execute(delete(kb_entries).where(kb_entries.c.source == parsed.source))
    if rows:
        conn.execute(kb_entries.insert(), rows)


def _replace_facts(conn: Connection, text: str, report: ImportReport) -> None:
    """Store an imported facts file (it is merged over the packaged one at build time)."""
    prev = conn.execute(select(kb_entries.c.digest).where(kb_entries.c.source == "facts")).scalar()
    digest = hashlib.sha1(text.encode()).hexdigest()
    facts = parse_facts(text)
    names = [f.name for f in facts.franchises]
    report.entries = len(names)
    if prev is None:
        report.added = names
    elif prev != digest:
        report.changed = names
    conn.execute(delete(kb_entries).where(kb_entries.c.source == "facts"))
    conn.execute(
        kb_entries.insert().values(
            source="facts", key=FACTS_KEY, title="facts file", digest=digest, data=text.encode()
        )
    )


def stored_entries(
    conn: Connection, skip_source: str | None = None
) -> tuple[list[Entry], Facts | None, list[str]]:
    """Stored entries (except ``skip_source``'s), the imported facts (if any) and the sources present."""
    entries: list[Entry] = []
    facts = None
    sources: list[str] = []
    q = select(kb_entries.c.source, kb_entries.c.data).order_by(
        kb_entries.c.source, kb_entries.c.key
    )
    for r in conn.execute(q):
        if r.source not in sources:
            sources.append(r.source)
        if r.source == "facts":
            facts = parse_facts(bytes(r.data).decode("utf-8"), origin="imported facts file")
        elif r.source != skip_source:
            entries.append(Entry.from_dict(orjson.loads(r.data)))
    return entries, facts, sources


def rebuild(conn: Connection, fresh: Parsed | None = None) -> KnowledgeBase:
    """Build the KB from the stored entries; rewrite the derived tables and the snapshot.

    ``fresh`` is the release just stored: its entries are used as parsed rather than read back.
    """
    from seasoncheck.kb.build import build_kb
    from seasoncheck.kb.facts import load_facts
    from seasoncheck.kb.snapshot import kb_to_bytes
    from seasoncheck.store import now_iso

    entries, imported, sources = stored_entries(conn, fresh.source if fresh else None)
    if fresh is not None:
        entries.extend(fresh.entries)
    facts = merge_facts(load_facts(), imported)
    kb = build_kb(entries, facts, attribution=attributions(sources))
    blob = kb_to_bytes(kb, level=SNAPSHOT_LEVEL)
    write_derived_tables(conn, kb)
    conn.execute(delete(kb_snapshot))
    conn.execute(kb_snapshot.insert().values(id=1, built_at=now_iso(), data=blob))
    return kb


def attributions(sources: list[str]) -> list[str]:
    """Licence notices the data sets present require."""
    from seasoncheck.kb import aod, bangumi

    notes = {bangumi.SOURCE: bangumi.ATTRIBUTION, aod.SOURCE: aod.ATTRIBUTION}
    return [notes[s] for s in sources if s in notes]


def _record_import(conn: Connection, report: ImportReport) -> None:
    """One row in kb_imports per import."""
    from seasoncheck.store import now_iso

    conn.execute(
        kb_imports.insert().values(
            source=report.source,
            origin=report.origin,
            version=report.version,
            imported_at=now_iso(),
            entries=report.entries,
            added=len(report.added),
            changed=len(report.changed),
            removed=len(report.removed),
        )
    )


def import_history(store: Store, limit: int = 20) -> list[dict[str, Any]]:
    """The most recent imports, newest first."""
    q = select(kb_imports).order_by(kb_imports.c.id.desc()).limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
