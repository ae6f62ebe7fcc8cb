"""The offline demo KB: a subset of bangumi-data plus the facts file, shipped in the package."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from seasoncheck.kb.model import KnowledgeBase

log = logging.getLogger(__name__)

DEMO_KB_FILE = "demo_kb.json.zst"
DEMO_KB_PATH = Path(__file__).resolve().parent / "data" / DEMO_KB_FILE


def load_demo_kb() -> KnowledgeBase:
    """The demo KB shipped in the package (empty KB if the file is missing from a broken install)."""
    from seasoncheck.kb.snapshot import kb_from_bytes

    try:
        blob = resources.files("seasoncheck.kb.data").joinpath(DEMO_KB_FILE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("demo KB %s missing from the package; using an empty KB", DEMO_KB_FILE)
        return KnowledgeBase()
    return kb_from_bytes(blob)


def demo_subset(kb: KnowledgeBase, keep_ids: set[str]) -> KnowledgeBase:
    """Franchises with an English title (bangumi-data `en`) or in ``keep_ids``, and their titles."""
    keep = {fid for fid in kb.franchises if fid in keep_ids or _has_english(kb, fid)}
    return KnowledgeBase(
        franchises={fid: f for fid, f in kb.franchises.items() if fid in keep},
        titles=[t for t in kb.titles if t.franchise_id in keep],
        attribution=kb.attribution,
    )


def _has_english(kb: KnowledgeBase, fid: str) -> bool:
    """True when any title of the franchise is in Latin script with a letter."""
    return any(_latin(t) for t in kb.franchises[fid].titles)


def _latin(title: str) -> bool:
    """Latin letters and no CJK/kana: an English or romaji title."""
    has_latin = any("a" <= ch.lower() <= "z" for ch in title)
    return has_latin and not any("\u3040" <= ch <= "\u9fff" for ch in title)


def build_demo_kb(bangumi_path: Path, out: Path) -> dict[str, int]:
    """Build the demo KB from a bangumi-data file and the packaged facts; write it to ``out``."""
    from seasoncheck.kb.bangumi import ATTRIBUTION, read_bangumi_file
    from seasoncheck.kb.build import build_kb
    from seasoncheck.kb.facts import load_facts
    from seasoncheck.kb.snapshot import kb_to_bytes

    release = read_bangumi_file(bangumi_path)
    facts = load_facts()
    kb = build_kb(release.entries, facts, attribution=[ATTRIBUTION])
    demo = demo_subset(kb, {f.id for f in facts.franchises})
    blob = kb_to_bytes(demo)
    out.write_bytes(blob)
    seasons = sum(len(f.seasons) for f in demo.franchises.values())
    return {
        "franchises": len(demo.franchises),
        "seasons": seasons,
        "titles": len(demo.titles),
        "bytes": len(blob),
    }
