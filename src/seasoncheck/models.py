"""Frozen dataclasses that pass between the stages: sources -> extract -> dedup -> link -> claims."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ClaimType = Literal["renewal", "release", "delay", "studio", "streaming", "trailer"]
Status = Literal["confirmed", "reported", "speculated", "denied"]
Attribution = Literal["official", "leak", "media", "none"]

CLAIM_TYPES: tuple[str, ...] = ("renewal", "release", "delay", "studio", "streaming", "trailer")
STATUSES: tuple[str, ...] = ("confirmed", "reported", "speculated", "denied")
ATTRIBUTIONS: tuple[str, ...] = ("official", "leak", "media", "none")


@dataclass(frozen=True)
class RawItem:
    """One item a source yielded, before extraction: a file, a fetched page, a JSONL line, a WARC record.

    Exactly one of ``text`` (plain text) and ``html`` is normally set; a JSONL record may carry both.
    ``origin`` names the item for messages: a path, ``path:line``, a URL, ``warc:offset``.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD when known
    lang: str | None = None
    doc_id: str | None = None  # the input's own id (JSONL `id`)
    raw_size: int = 0  # bytes as read or fetched
    fetched: str | None = None  # ISO datetime of the fetch, for URLs and feeds
    text_is_clean: bool = False  # True for JSONL `text`: kept byte for byte, no boilerplate strip


@dataclass(frozen=True)
class SourceError:
    """An item that could not be read or extracted, with a one-line reason."""

    origin: str
    reason: str
    stage: str = "read"  # read | fetch | extract | store


@dataclass(frozen=True)
class Article:
    """An extracted article: main text and metadata, keyed by a hash of its normalised text."""

    id: str
    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    site: str | None = None
    published: str | None = None
    fetched: str | None = None
    language: str | None = None
    author: str | None = None
    raw_size: int = 0
    doc_id: str | None = None
    dup_group: str | None = None

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the text."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output, with the word count."""
        d = asdict(self)
        d["words"] = self.words
        return d


@dataclass(frozen=True)
class Mention:
    """A franchise (or season) reference the linker found in an article.

    ``franchise_id`` is None for an open-world work the KB does not know; ``work`` is then
    the surface title. ``kb_season_id`` is None when the season is not (yet) in the KB.
    """

    start: int
    end: int
    surface: str
    work: str
    franchise_id: str | None = None
    season: int | None = None
    kb_season_id: str | None = None
    kind: str = "title"  # title | season_ref


@dataclass(frozen=True)
class Claim:
    """One checkable assertion of an article, in the shape of shared/spec/claims.md."""

    doc_id: str
    work: str
    season: int | None
    type: str
    value: str | None
    status: str
    attribution: str
    evidence: str
    kb_id: str | None = None
    franchise_id: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The spec's output record (``kb_id`` only when known)."""
        d: dict[str, Any] = {
            "doc_id": self.doc_id,
            "work": self.work,
            "season": self.season,
            "type": self.type,
            "value": self.value,
            "status": self.status,
            "attribution": self.attribution,
            "evidence": self.evidence,
        }
        if self.kb_id:
            d["kb_id"] = self.kb_id
        return d


@dataclass(frozen=True)
class Flag:
    """An article-level finding such as ``headline_unsupported`` or ``factual_error``."""

    doc_id: str
    flag: str
    detail: str = ""
    evidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The spec's flag line; detail and evidence only when set."""
        d: dict[str, Any] = {"doc_id": self.doc_id, "flag": self.flag}
        if self.detail:
            d["detail"] = self.detail
        if self.evidence:
            d["evidence"] = self.evidence
        return d


@dataclass(frozen=True)
class Extraction:
    """What the claim extractor returns for one article."""

    doc_id: str
    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()
    mentions: tuple[Mention, ...] = ()
    skipped: str | None = None  # reason when the article was not processed (e.g. language)


@dataclass
class IngestReport:
    """The outcome of one ingest batch: what was added, skipped as known, or failed."""

    added: list[Article] = field(default_factory=list)
    unchanged: list[Article] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    claims: int = 0

    @property
    def failed(self) -> bool:
        """True when any item of the batch failed."""
        return bool(self.errors)
