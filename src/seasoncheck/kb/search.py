"""Find franchises by title: exact key, then substring, then fuzzy (rapidfuzz) over candidates only.

rapidfuzz's `WRatio` manages about 30 queries/s over all 30k bangumi-data titles, `QRatio`
about 400/s, so the cascade picks candidates cheaply (exact and substring matches, and the best
``CANDIDATES`` by `QRatio`) and ranks only those with `WRatio`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from seasoncheck.kb.model import Franchise, KnowledgeBase
from seasoncheck.kb.seasons import title_key

# How many QRatio candidates reach the WRatio ranking: enough to hold every title variant of the
# few franchises a query can mean (Oshi no Ko has 20 title forms).
CANDIDATES = 60
# Hits below this WRatio score (0-100) are noise ("naruto" vs "Haruto").
MIN_SCORE = 60.0
# Score of an exact title-key match and of a query found inside a title.
EXACT_SCORE = 100.0
SUBSTRING_BONUS = 5.0


@dataclass(frozen=True)
class SearchHit:
    """One franchise found for a query, with the title that matched best."""

    franchise_id: str
    name: str
    title: str  # the matching title
    score: float  # 0-100
    season: int | None  # the season the matching title names, if it names one
    seasons: tuple[int, ...]  # the franchise's numbered TV seasons

    def to_dict(self) -> dict[str, object]:
        """Plain dict for JSON output."""
        return {
            "franchise_id": self.franchise_id,
            "name": self.name,
            "title": self.title,
            "score": round(self.score, 1),
            "season": self.season,
            "seasons": list(self.seasons),
        }


class TitleIndex:
    """Normalised titles of a KB, for search (built once per KB)."""

    texts: list[str]

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.size = len(kb.titles)
        self.texts: list[str] = []  # normalised display form (case-folded, brackets removed)
        self.entries: list[tuple[str, str, int | None]] = []  # (title, franchise id, season)
        self.by_key: dict[str, list[int]] = {}
        seen: set[tuple[str, str]] = set()
        for t in kb.titles:
            text = normalise_query(t.title)
            if not text or (text, t.franchise_id) in seen:
                continue
            seen.add((text, t.franchise_id))
            self.by_key.setdefault(title_key(t.title), []).append(len(self.texts))
            self.texts.append(text)
            self.entries.append((t.title, t.franchise_id, t.season))


def title_index(kb: KnowledgeBase) -> TitleIndex:
    """The TitleIndex of ``kb``, built on first use and kept on the KB object."""
    idx = kb.__dict__.get("_title_index")
    if idx is None or idx.size != len(kb.titles):
        idx = TitleIndex(kb)
        kb.__dict__["_title_index"] = idx
    return idx


def normalise_query(text: str) -> str:
    """NFKC, lower-cased, punctuation as spaces (rapidfuzz's default_process)."""
    from rapidfuzz.utils import default_process

    return " ".join(default_process(unicodedata.normalize("NFKC", text)).split())


def search(
    kb: KnowledgeBase, query: str, limit: int = 10, min_score: float = MIN_SCORE
) -> list[SearchHit]:
    """Franchises whose titles match ``query``, best first (one hit per franchise).

    Example::

        search(load_kb(), "oshi no ko")[0].franchise_id  # 'oshi-no-ko'
    """
    from rapidfuzz import fuzz, process

    idx = title_index(kb)
    q = normalise_query(query)
    if not q:
        return []
    scores: dict[int, float] = {i: EXACT_SCORE for i in idx.by_key.get(title_key(query), [])}
    if len(q) >= 3:
        for i, text in enumerate(idx.texts):
            if q in text and i not in scores:
                scores[i] = fuzz.WRatio(q, text) + SUBSTRING_BONUS
    for _, _, i in process.extract(q, idx.texts, scorer=fuzz.QRatio, limit=CANDIDATES):
        if i not in scores:
            scores[i] = fuzz.WRatio(q, idx.texts[i])
    return _best_per_franchise(idx, scores, limit, min_score)


def _best_per_franchise(
    idx: TitleIndex, scores: dict[int, float], limit: int, min_score: float
) -> list[SearchHit]:
    """Keep each franchise's best title; rank by score, then by franchise size."""
    best: dict[str, tuple[float, int]] = {}
    for i, score in scores.items():
        fid = idx.entries[i][1]
        if score >= min_score and (fid not in best or score > best[fid][0]):
            best[fid] = (score, i)
    ranked = sorted(
        best.items(), key=lambda kv: (-kv[1][0], -len(idx.kb.franchises[kv[0]].seasons), kv[0])
    )
    return [
        _hit(idx.kb.franchises[fid], idx.entries[i], score) for fid, (score, i) in ranked[:limit]
    ]


def _hit(f: Franchise, entry: tuple[str, str, int | None], score: float) -> SearchHit:
    """A SearchHit for a franchise and its matching title."""
    numbers = tuple(sorted({s.number for s in f.seasons if s.number is not None}))
    return SearchHit(f.id, f.name, entry[0], min(score, EXACT_SCORE), entry[2], numbers)


def find_franchise(kb: KnowledgeBase, query: str) -> Franchise | None:
    """A franchise by id, exact title, or the best search hit."""
    if query in kb.franchises:
        return kb.franchises[query]
    exact = _exact_title(kb, query)
    if exact is not None:
        return exact
    hits = search(kb, query, limit=1)
    return kb.franchises[hits[0].franchise_id] if hits else None


def _exact_title(kb: KnowledgeBase, query: str) -> Franchise | None:
    """The franchise whose title is ``query`` (case-insensitive), most seasons first.

    A plain comparison over the titles takes milliseconds, against most of a second to build
    the fuzzy index over all of bangumi-data, so ``kb show "Oshi no Ko"`` skips the index.
    """
    q = query.strip().casefold()
    fids = {t.franchise_id for t in kb.titles if t.title.casefold() == q}
    if not fids:
        return None
    return max((kb.franchises[f] for f in fids), key=lambda f: (len(f.seasons), f.id))
