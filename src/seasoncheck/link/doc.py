"""The linker's working data: a found title (Hit), a string being linked (Doc), and results."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from seasoncheck.link.normalise import NormText
from seasoncheck.link.seasons import SeasonRef
from seasoncheck.models import Mention

# Runs of two or more spaces only: " +" also rewrote every single space, 5x slower on 5 KB.
_SPACES = re.compile("  +")


@dataclass(frozen=True)
class Subject:
    """What an article is mainly about: a franchise (or open-world work) and a season."""

    work: str
    franchise_id: str | None = None
    season: int | None = None
    kb_season_id: str | None = None


@dataclass(frozen=True)
class LinkResult:
    """Everything the linker finds in one article."""

    mentions: tuple[Mention, ...] = ()  # offsets into the text
    title_mentions: tuple[Mention, ...] = ()  # offsets into the title
    subject: Subject | None = None
    # the installments the article is about: the subject, the other seasons its headline
    # names, and a film or unnumbered project announced beside the subject's season
    focus: tuple[Subject, ...] = ()


@dataclass
class Hit:
    """A title found in one string, before it becomes a Mention."""

    start: int
    end: int
    surface: str
    key: str  # franchise id, or "ow:" + normalised title for open-world works
    work: str
    franchise_id: str | None
    season: int | None = None
    kb_work_id: str | None = None
    weak: bool = False
    match_key: str = ""  # the normalised KB key that matched


@dataclass
class Doc:
    """One string (text or title) during linking."""

    text: str
    nt: NormText
    hits: list[Hit] = field(default_factory=list)
    refs: list[SeasonRef] = field(default_factory=list)
    skip: list[tuple[int, int]] | None = None  # cross-link lines: crosslinks.skip_spans
    cue: bool = False  # an anime cue word (index.CUE_WORDS) is in the text
    # the title each season reference belongs to (subject.owner_of), once the hits are final
    owners: dict[tuple[int, int], Hit | None] = field(default_factory=dict)
    _collapsed: str | None = None

    @property
    def collapsed(self) -> str:
        """The normalised text with single spaces, for counting titles."""
        if self._collapsed is None:
            self._collapsed = _SPACES.sub(" ", self.nt.norm)
        return self._collapsed
