"""One sentence as the finders see it, and one finding it yields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from seasoncheck.claims.cues import absent_spans
from seasoncheck.claims.dates import DateMention, find_dates


@dataclass
class Sent:
    """What the finders need to know about one sentence."""

    text: str
    past: bool  # only earlier seasons / anchors: no release, studio, streaming or trailer
    question: bool
    published: tuple[int, int] | None = None
    services_before: tuple[str, ...] = ()  # services named in the previous sentences
    studio_rx: re.Pattern[str] | None = None
    service_rx: re.Pattern[str] | None = None
    explicit: bool = False  # the sentence names the new installment ("Season 2", "the sequel")

    @cached_property
    def dates(self) -> list[DateMention]:
        """The sentence's dates (computed only when a finder asks)."""
        return find_dates(self.text, self.published)

    @cached_property
    def absent(self) -> list[tuple[int, int]]:
        """Clauses stating an absence (computed only when a finder asks)."""
        return absent_spans(self.text)


@dataclass(frozen=True)
class Finding:
    """One claim a sentence makes, before it is attached to a work and season."""

    type: str
    value: str | None
    date_given: bool = False  # a date was written, even if it could not be resolved
