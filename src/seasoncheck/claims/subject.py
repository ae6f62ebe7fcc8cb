"""A fallback subject when the linker finds none: the title written next to a season reference.

News writing names the work right before "Season 2" ("Blue Lock Season 2", "Bocchi The Rock's
second season") or right after "season of" ("the second season of Vinland Saga"). The most
frequent such title in the article is its subject.
"""

from __future__ import annotations

import re

from seasoncheck.link.seasons import find_season_refs

# Lower-case words allowed inside a title ("Attack on Titan", "Spy x Family", "Oshi no Ko").
_CONNECTORS = frozenset(
    [
        "on",
        "of",
        "no",
        "x",
        "to",
        "the",
        "a",
        "an",
        "wa",
        "ga",
        "na",
        "ni",
        "de",
        "and",
        "in",
        "is",
        "as",
        "&",
        "×",
        "-",
    ]
)
_TOKEN = re.compile(r"\S+")
MAX_TITLE_WORDS = (
    7  # "That Time I Got Reincarnated as a Slime" is 8 with "the": long titles are rare
)
_GENERIC = frozenset(
    [
        "the",
        "anime",
        "series",
        "season",
        "new",
        "upcoming",
        "tv",
        "part",
        "final",
        "release",
        "date",
        "trailer",
    ]
)


def fallback_subject(text: str, title: str | None) -> str | None:
    """The most frequent title-case phrase written next to a season reference, or None."""
    counts: dict[str, int] = {}
    for chunk in (title or "", text):
        for ref in find_season_refs(chunk):
            for cand in (_before(chunk, ref.start), _after_of(chunk, ref.end)):
                if cand:
                    counts[cand] = counts.get(cand, 0) + 1
    if not counts:
        return None
    low = text.lower()
    return max(sorted(counts), key=lambda c: (counts[c] + low.count(c.lower()), len(c)))


def _before(text: str, end: int) -> str | None:
    """Title-case words directly before ``end`` ("Blue Lock" before "Season 2"), possessive stripped."""
    words = _TOKEN.findall(text[max(0, end - 120) : end])
    picked: list[str] = []
    for w in reversed(words):
        core = w.strip("“”\"‘’'()[]")
        if core.endswith(("’s", "'s")):
            core = core[:-2]
        if not core or (picked and w[-1] in ",.;!?:" and not core[-1].isalnum()):
            break
        if core[0].isupper() or core[0].isdigit() or (picked and core.lower() in _CONNECTORS):
            picked.append(core)
            if len(picked) >= MAX_TITLE_WORDS:
                break
            continue
        break
    return _clean(list(reversed(picked)))


def _after_of(text: str, start: int) -> str | None:
    """Title-case words after "season of" ("the second season of Vinland Saga")."""
    m = re.match(r"\s+(?:of|to)\s+(?:the\s+)?(?:(?:anime|series|hit|popular)\s+)*", text[start:])
    if not m:
        return None
    picked: list[str] = []
    for w in _TOKEN.findall(text[start + m.end() : start + m.end() + 120]):
        core = w.strip("“”\"‘’'()[],.;!?")
        if core and (
            core[0].isupper() or core[0].isdigit() or (picked and core.lower() in _CONNECTORS)
        ):
            picked.append(core)
            if w[-1] in ",.;!?" or len(picked) >= MAX_TITLE_WORDS:
                break
            continue
        break
    return _clean(picked)


def _clean(words: list[str]) -> str | None:
    """Trim connectors and generic words at both ends; None when nothing title-like is left."""
    while words and (words[0].lower() in _CONNECTORS or words[0].lower() in _GENERIC):
        words = words[1:]
    while words and (words[-1].lower() in _CONNECTORS or words[-1].lower() in _GENERIC):
        words = words[:-1]
    if not words or all(w.lower() in _GENERIC for w in words):
        return None
    return " ".join(words)
