"""Which work a name belongs to: the subject's surfaces (nested or adjacent titles, the same
franchise) and the other works' mentions that own or touch a season reference."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from seasoncheck.claims.segment import Sentence
from seasoncheck.link.normalise import normalise_title
from seasoncheck.models import Mention

# The matching key of a work name, remembered: roundup and subject checks compare the same few
# names pairwise (measured: 150 normalisations an article, 3% of extraction).
_work_key = lru_cache(maxsize=4096)(normalise_title)


def same_work(a: str, b: str) -> bool:
    """True when two title surfaces name the same work ("Frieren" and "Frieren: Beyond ...")."""
    ka, kb = _work_key(a), _work_key(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka)


_SEASONISH = re.compile(r"\b(?:season|part|cour|arc|movie|film)\b|\d(?:st|nd|rd|th)\b", re.I)
_QUOTES = " \"'“”‘’「」『』【】[]()"
# Characters between two title mentions that make them one title ("Frieren: Beyond Journey's End").
ADJACENT_GAP = 3


class Nearby:
    """The other works' mentions of an article, looked up by sentence: ``attach`` needs only those
    that overlap the sentence or end just before it (a bisect instead of a scan per reference)."""

    def __init__(self, others: list[Mention]) -> None:
        self.others = others  # in text order, as the linker returns them
        self.starts = [m.start for m in others]
        self.reach = max((m.end - m.start for m in others), default=0)

    def around(self, sentence: Sentence) -> list[Mention]:
        """The mentions ``attach`` may look at for ``sentence``, in text order."""
        lo_end = sentence.start - (ADJACENT_GAP + 2)  # _touches_other looks this far back
        lo = bisect_left(self.starts, lo_end - self.reach)
        hi = bisect_left(self.starts, sentence.end)
        return [m for m in self.others[lo:hi] if m.end >= lo_end]


def _owned_by_other(pos: int, others: list[Mention]) -> bool:
    """True when the season reference at ``pos`` belongs to another work (linker mentions)."""
    for m in others:  # (a loop, not any() over a generator: asked for every reference)
        if m.start <= pos < m.end and (m.kind == "season_ref" or m.season is not None):
            return True
    return False


def _touches_other(pos: int, others: list[Mention]) -> bool:
    """True when another work's title ends right before ``pos`` ("Naruto's new season")."""
    return any(m.kind == "title" and 0 <= pos - m.end <= ADJACENT_GAP + 2 for m in others)


def subject_names(
    mentions: tuple[Mention, ...], work: str, franchise_id: str | None, text: str = ""
) -> tuple[frozenset[str], str]:
    """The surfaces naming the subject (same franchise, nested or adjacent titles) and the one to print."""
    titles = [m for m in mentions if m.kind == "title"]
    names = {work}
    grew = True
    while grew:
        grew = False
        for m in titles:
            if m.work in names:
                continue
            if (
                (franchise_id and m.franchise_id == franchise_id)
                or any(same_work(m.work, n) for n in names)
                or _adjacent(m, titles, names, text)
                or _alias_of(m, titles, names, text)
            ):
                names.add(m.work)
                grew = True
    # Print the title as the article writes it most often: the labels list the forms an article
    # uses, while a KB's display name may be a form the article never uses.
    # A title the KB files under another franchise names the subject's franchise in passing
    # ("Dragon Ball" in an article about "Dragon Ball Daima"): it attaches sentences, but is not
    # the name to print.
    counts: dict[str, int] = {}
    for m in titles:
        if franchise_id and m.franchise_id and m.franchise_id != franchise_id:
            continue
        if m.work in names and m.season is None and not _SEASONISH.search(m.surface):
            surface = m.surface.strip(_QUOTES)
            # A one- or two-letter short form ("R" for "... Files R") is no name to print.
            if len(surface) > 2:
                counts[surface] = counts.get(surface, 0) + 1
    if not counts:
        return frozenset(names), work
    best = max(sorted(counts), key=lambda n: (counts[n], -len(n)))
    return frozenset(names) | {best}, best


def _adjacent(m: Mention, titles: list[Mention], names: set[str], text: str = "") -> bool:
    """True when ``m`` directly touches a mention of the subject in the same sentence."""
    for o in titles:
        if o.work not in names:
            continue
        if 0 <= m.start - o.end <= ADJACENT_GAP:
            gap = text[o.end : m.start]
        elif 0 <= o.start - m.end <= ADJACENT_GAP:
            gap = text[m.end : o.start]
        else:
            continue
        if not any(c in gap for c in ".!?\n"):  # "X. Y" are two sentences, not one title
            return True
    return False


# A short name the article introduces for its subject: "X, known to fans as Y", "X (also called
# Y)", "X, or simply Y": Y is the subject under another name.
_ALIAS_GAP = re.compile(
    r"^\s*[,(]\s*(?:(?:also|better|commonly|widely|often)\s+)?(?:known\s+(?:(?:to|among)\s+[\w ]{1,20}?\s+)?as|"
    r"called|nicknamed|or simply|a\.?k\.?a\.?)\s+[\"“'‘]?$",
    re.IGNORECASE,
)
ALIAS_REACH = 40  # characters between a name and the alias it introduces


def _alias_of(m: Mention, titles: list[Mention], names: set[str], text: str) -> bool:
    """True when ``m`` follows a mention of the subject as the alias it introduces."""
    if not text:
        return False
    return any(
        o.work in names
        and 0 <= m.start - o.end <= ALIAS_REACH
        and _ALIAS_GAP.match(text[o.end : m.start]) is not None
        for o in titles
    )
