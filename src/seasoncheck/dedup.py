"""Duplicates: content hash for exact repeats (article id), MinHash LSH for near-duplicate groups.

Near-duplicates (a rewrite with small edits, a syndicated copy with another header and footer)
share a group; two different articles about the same announcement must not, though they share
names, dates and many words.

Signatures come from rensa (Rust): ~0.25 ms an article against ~4 ms for datasketch's MinHash,
which runs SHA-1 over each shingle in Python; grouping the synthetic set with rensa alone ran
3-8x faster than with datasketch alone at the same settings, with recall 0.998 vs 0.982. The
index is datasketch's MinHashLSH over the signature values: unlike rensa's LSH (integer keys,
no way to insert a stored digest) it can be rebuilt from the bytes the store keeps, under our
string ids. LSH candidates are checked against the signatures' estimated Jaccard before they
count. Parameters measured with ``benchmarks/bench_dedup.py``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import struct
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy costs ~0.2 s to import: loaded on first use, not with the CLI
    import numpy as np

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+")
# Scripts written without spaces between words: there every character is a token.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# Calibrated with benchmarks/bench_dedup.py on its synthetic set (3,600 texts: 400 stories told by
# 3 articles each, every article with a rewrite and a syndicated copy). Exact Jaccard of
# near-duplicates (min / 5th percentile) against different articles on the same story (95th
# percentile / max), by shingle size: 1 word 0.73/0.75 vs 0.53/0.59; 2 words 0.65/0.68 vs
# 0.31/0.43; 3 words 0.57/0.61 vs 0.27/0.38; 4 words 0.51/0.56 vs 0.23/0.34; 5 words 0.45/0.50
# vs 0.21/0.31. Three words leave the widest margin between the two. (Real articles on one
# story are much further apart: the dev set's 38 same-franchise pairs reach at most 0.04.)
SHINGLE_WORDS = 3
# Permutations: 128 gives recall 0.998 and no false pair; 64 falsely merged 9 pairs, 256 costs
# twice the bytes and time for no gain (estimation error at J=0.57 is about 0.04 with 128).
NUM_PERM = 128
# Estimated Jaccard at or above which two texts are one group: the margin's middle. Recall on the
# synthetic set at 0.45 / 0.5 / 0.55: 0.999 / 0.998 / 0.990, no false pair at any of them.
THRESHOLD = 0.5
# The LSH bands are tuned for this lower similarity, so that fewer true pairs miss a shared band
# (datasketch's bands tuned for 0.5 itself: recall 0.982); candidates are then checked at THRESHOLD.
CANDIDATE_THRESHOLD = 0.4
SEED = 42  # rensa's permutation seed: stored signatures are only comparable under the same seed
# Stored signature: header (magic, shingle size, permutations) + NUM_PERM little-endian uint32.
# Change the magic when SEED or rensa's RMinHash.ALGORITHM_VERSION (2 today) changes: stored
# signatures with another magic are then ignored instead of compared with incompatible ones.
RENSA_ALGORITHM_VERSION = 2
_MAGIC = b"rmh1"
_HEADER = struct.Struct("<4sHH")


def normalise_text(text: str) -> str:
    """NFKC, lower case, whitespace collapsed: two texts differing only in spacing normalise equal."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split()).lower()


def content_hash(text: str) -> str:
    """The article id: first 32 hex digits of SHA-256 over the normalised text."""
    # surrogatepass: a lone surrogate (a JSON "\\ud800" escape) hashes instead of raising
    return hashlib.sha256(normalise_text(text).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def tokens(text: str) -> list[str]:
    """Words of the normalised text; single characters in scripts written without spaces."""
    norm = normalise_text(text)
    if _NO_SPACE_SCRIPT.search(norm):
        return [c for word in _TOKEN.findall(norm) for c in _split_no_space(word)]
    return _TOKEN.findall(norm)


def _split_no_space(word: str) -> Iterable[str]:
    """A word as it is, or its characters when it is in a script written without spaces."""
    return list(word) if _NO_SPACE_SCRIPT.search(word) else (word,)


def shingles(text: str, n: int = SHINGLE_WORDS) -> set[str]:
    """The set of word n-grams of a text (the whole text as one shingle when shorter than n)."""
    toks = tokens(text)
    if len(toks) <= n:
        return {" ".join(toks)} if toks else set()
    return {" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)}


def signature(shingle_set: Iterable[str]) -> np.ndarray:
    """The MinHash signature of a set of shingles: NUM_PERM uint32 values (rensa)."""
    import numpy as np
    from rensa import RMinHash

    m = RMinHash(NUM_PERM, SEED)
    m.update(list(shingle_set))
    return np.asarray(m.digest(), dtype=np.uint32)


def pack_signature(values: np.ndarray) -> bytes:
    """Signature values as the bytes the store keeps (with a header naming the parameters)."""
    return _HEADER.pack(_MAGIC, SHINGLE_WORDS, len(values)) + values.astype("<u4").tobytes()


def unpack_signature(data: bytes) -> np.ndarray | None:
    """Signature values from stored bytes; None when made with other parameters or damaged."""
    import numpy as np

    if len(data) < _HEADER.size:
        return None
    magic, n, perm = _HEADER.unpack_from(data)
    if (
        magic != _MAGIC
        or n != SHINGLE_WORDS
        or perm != NUM_PERM
        or len(data) != _HEADER.size + 4 * perm
    ):
        return None
    return np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)


class DedupIndex:
    """Near-duplicate index: a new article joins the group of the first indexed article it matches.

    Example::

        index = DedupIndex.from_store(store)
        group, sig = index.assign(article.id, article.text)
        store.add_article(replace(article, dup_group=group), minhash=sig)
    """

    def __init__(
        self, threshold: float = THRESHOLD, candidates: float = CANDIDATE_THRESHOLD
    ) -> None:
        """An empty index; ``threshold`` is the estimated Jaccard that makes a near-duplicate."""
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=min(candidates, threshold), num_perm=NUM_PERM)
        self._sigs: dict[str, np.ndarray] = {}
        self._groups: dict[str, str] = {}
        self._order: dict[str, int] = {}

    @classmethod
    def from_store(cls, store: Any) -> DedupIndex:
        """Build the index from the signatures already in the store (skips unusable ones)."""
        index = cls()
        skipped = 0
        for article_id, group, data in store.minhashes():
            values = unpack_signature(data) if data else None
            if values is None:
                skipped += 1
                continue
            index.add(article_id, group or article_id, values)
        if skipped:
            log.warning(
                "%d stored signatures were made with other parameters: not indexed", skipped
            )
        return index

    def __len__(self) -> int:
        """Number of indexed articles."""
        return len(self._sigs)

    def add(self, article_id: str, group: str, values: np.ndarray) -> None:
        """Index one article's signature under its group (no-op when already indexed)."""
        if article_id in self._sigs:
            return
        self._lsh.insert(article_id, _lean(values))
        self._sigs[article_id] = values
        self._groups[article_id] = group
        self._order[article_id] = len(self._order)

    def match(self, values: np.ndarray) -> str | None:
        """The first indexed article whose estimated Jaccard with ``values`` reaches the threshold."""
        import numpy as np

        hits = [
            key
            for key in self._lsh.query(_lean(values))
            if np.count_nonzero(self._sigs[key] == values) >= self.threshold * len(values)
        ]
        return min(hits, key=self._order.__getitem__) if hits else None

    def assign(
        self, article_id: str, text: str, group: str | None = None
    ) -> tuple[str, bytes | None]:
        """The duplicate group for a new article and its serialised signature; adds it to the index.

        ``group``, when the caller already knows it (a new version of a stored URL), overrides the
        match, so that later near-duplicates of this text join that group too.
        """
        if article_id in self._groups:
            return self._groups[article_id], pack_signature(self._sigs[article_id])
        shingle_set = shingles(text)
        if not shingle_set:
            return group or article_id, None
        values = signature(shingle_set)
        first = None if group else self.match(values)
        group = group or (self._groups[first] if first else article_id)
        self.add(article_id, group, values)
        return group, pack_signature(values)


def _lean(values: np.ndarray) -> Any:
    """A datasketch LeanMinHash holding our signature values, for the LSH index."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=SEED, hashvalues=values, scheme="legacy")
