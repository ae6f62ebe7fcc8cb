"""How the linker names a work: the whole title, not a fragment, an author or a headline label.

Rules of news writing and titling that decide between a KB title and a longer open-world title
around it ("Level 1 Demon Lord & One Room Hero" around the KB's "One Room", "Handyman Saitou in
Another World" around "Another World"), between a title and its parts ("Finale" of "Girls und
Panzer das Finale", "fans of solo leveling"), and the name a KB work is printed under when the
article never writes the KB's own name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

from seasoncheck.link.doc import Doc, Hit
from seasoncheck.link.index import FUNCTION_WORDS
from seasoncheck.link.normalise import normalise_title
from seasoncheck.link.openworld import CONNECTORS, GENERIC, RUN_BREAKERS, TitleCandidate
from seasoncheck.link.subject import ow_key

# Memos of pure functions of a title or key string: news repeats its titles.
title_key = lru_cache(maxsize=4096)(normalise_title)


@lru_cache(maxsize=8192)
def is_weak(key: str) -> bool:
    """True for keys with one content word ("another", "the hero", "i am"): they need context."""
    return sum(1 for w in key.split() if w not in FUNCTION_WORDS) <= 1


def short_form(h: Hit, c: TitleCandidate, key: str, keys: set[str]) -> bool:
    """True when a KB hit sits inside a candidate that is the opening of a longer title the
    article writes out ("Campfire Cooking in Another World" of "... with My Absurd Skill"):
    the candidate is that title's short form, not a frame around the KB title."""
    return c.start < h.start and any(k != key and k.startswith(key + " ") for k in keys)


# Lower-case words that join a longer title's words to a KB title at its end ("Campfire Cooking
# in Another World", "Tales of Moon").
_FRAME_CONNECTORS = frozenset(
    ["in", "of", "with", "no", "to", "and", "&", "from", "at", "for", "on"]
)
MIN_FRAME_REPEATS = 2  # a framing title the article writes once may be a phrase ("Tonight in X")


def frames(
    h: Hit, c: TitleCandidate, text: str, key: str, docs: list[Doc], inside: list[Hit]
) -> bool:
    """True when ``c`` is a longer title that ends with the KB title ``h`` after a lower-case
    connector, and the article (headline included) writes that longer title more than once, or
    once right before its season ("Handyman Saitou in Another World (Season 2)"). Not when
    another KB title comes before the connector ("Frieren and Dandadan Season 2": two works)."""
    if h.start <= c.start or any(o is not h and o.end <= h.start for o in inside):
        return False
    before = text[c.start : h.start].split()
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    if len(before) < 2 or before[-1] not in _FRAME_CONNECTORS or not before[0][:1].isupper():
        return False
    if c.rule == "before_season" and (len(before) > 2 or text[c.end : c.end + 2].strip() == "("):
        # "Handyman Saitou in Another World Season 2", "Uncle from Another World (Season 2)":
        # the season's owner, whole ("Tonight in Far Shore Season 2" is one word and a phrase)
        return True
    return sum(d.collapsed.count(" " + key + " ") for d in docs) >= MIN_FRAME_REPEATS


# Capitalised words and a possessive right before a title: "Heaven Official's " before "Blessing".
_POSSESSOR = re.compile(r"(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*[’']s\s$")
MIN_POSSESSOR_REPEATS = 2  # a title written once with a possessive may be its author's name


def possessor_title(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> TitleCandidate:
    """The candidate with the capitalised possessive before it when the article never writes
    it without that possessive, and writes them together more than once ("Heaven Official's
    Blessing"): a title with a possessive inside. An author's possessive ("Jane Roe's Wind
    Breaker") comes once, and the title then stands alone."""
    m = _POSSESSOR.search(doc.text, max(0, c.start - 60), c.start)
    if m is None or _POSSESSIVE_LEAD.match(m.group(0)):
        return c
    whole = doc.text[m.start() : c.end]
    count = 0
    for d in docs:
        pos = d.text.find(c.surface)
        while pos >= 0:
            if pos > 0 and d.text[pos - 1].isalnum():
                pass  # inside a longer word
            elif d.text[max(0, pos - len(whole) + len(c.surface)) : pos + len(c.surface)] != whole:
                return c  # the title alone: the possessive names someone else
            else:
                count += 1
            pos = d.text.find(c.surface, pos + 1)
    if count < MIN_POSSESSOR_REPEATS:
        return c
    return TitleCandidate(m.start(), c.end, whole, c.rule, c.aliases)


# Possessives of words that open sentences, not names: "This Season's", "The Anime's".
_POSSESSIVE_LEAD = re.compile(r"(?:the|this|that|its|their|our|anime|series)\b", re.IGNORECASE)


def article_names(docs: list[Doc]) -> None:
    """Name a KB work as the article names it when the article never writes the KB's name.

    A work linked by a short form ("7th Time Loop" for the KB's "7th Time Loop: The Villainess
    Enjoys ..."), another spelling ("Handyman Saitou") or "&" for "and" is the work the article
    reports on under the article's own name; the franchise id keeps the KB link. The first
    form (the headline's, when it names the work) counts twice, each later one once. A KB
    title of one season ("Restaurant to Another World 2") names the season, not the work: such
    forms are not counted."""
    by_fid: dict[str, list[Hit]] = {}
    for d in docs:
        for h in d.hits:
            if h.franchise_id is not None:
                by_fid.setdefault(h.franchise_id, []).append(h)
    for hits in by_fid.values():
        name = title_key(hits[0].work)
        surfaces = [clean_title(h.surface) for h in hits if h.season is None]
        if not surfaces or any(title_key(s) == name or s[-1:].isdigit() for s in surfaces):
            continue
        counts: dict[str, int] = {}
        for i, s in enumerate(surfaces):
            counts[s] = counts.get(s, 0) + (2 if i == 0 else 1)
        best = max(counts, key=lambda s: (counts[s], len(s)))
        for h in hits:
            h.work = best


def embedded(h: Hit, c: TitleCandidate, text: str) -> bool:
    """True when a KB title sits in the middle of a longer candidate, with title words on both
    sides ("Level 1 Demon Lord & One Room Hero" around the KB's "One Room"): news writes a
    name whole, so the KB title is a fragment of the longer name, not the work."""
    if not (c.start < h.start and h.end < c.end):
        return False
    after = text[h.end : c.end].split()
    return bool(after) and after[0][:1].isupper() and after[0].lower() not in RUN_BREAKERS


MIN_SPINOFF_WORDS = 2  # capitalised words after a KB title that make a longer name


def opens_longer(
    h: Hit,
    c: TitleCandidate,
    text: str,
    docs: list[Doc],
    words_of: Callable[[str | None], Container[str]],
) -> bool:
    """True when a KB title opens a candidate written right before its season reference and
    two or more capitalised words of no KB title of that franchise follow it, words the article
    also writes without the KB title ("THE iDOLM@STER SHINY COLORS Season 3" ... "The Shiny
    Colors anime", around the KB's franchise title): the season belongs to the whole name, a
    work of its own in the franchise, not to the franchise's first title. Words written only
    after the KB title are a headline's ("X Fans Cheer Season 2")."""
    if c.rule != "before_season" or h.start != c.start or h.end >= c.end:
        return False
    after = text[h.end : c.end].split()
    if len(after) < MIN_SPINOFF_WORDS or not all(
        w[:1].isupper() and w.lower() not in RUN_BREAKERS for w in after
    ):
        return False
    own = title_key(" ".join(after))
    return (
        not all(w in words_of(h.franchise_id) for w in own.split())
        and bool(own)
        and _stands_alone(own, title_key(c.surface), docs)
    )


def weak_inside(h: Hit, c: TitleCandidate) -> bool:
    """True for a one-word KB hit inside a longer open-world title ("Moon" in "Moon Harbor")."""
    return h.weak and c.start <= h.start and h.end <= c.end and h.end - h.start < c.end - c.start


def prefer_part(key: str, keys: set[str], docs: list[Doc], kb_keys: Container[str] = ()) -> str:
    """A shorter candidate key that starts or ends ``key`` and also stands alone in the article.

    "fans of solo leveling" -> "solo leveling"; "frieren receiving" -> "frieren". The end of a
    key that opens with a KB title (and a connector) is that title's subtitle or a work of its
    franchise, not a title of its own ("girls und panzer das finale", "the idolm ster shiny
    colors" keep their heads).
    """
    words = key.split()
    for i in range(1, len(words)):
        head = words[:i]
        while head and head[-1] in CONNECTORS:
            head = head[:-1]
        kb_head = " ".join(head) in kb_keys
        for part in (" ".join(words[i:]), " ".join(words[:-i])):
            if part.startswith(words[i]) and kb_head:
                continue
            if part in keys and part.split()[0] not in GENERIC and _stands_alone(part, key, docs):
                return part
    return key


def join_tails(names: dict[str, tuple[str, str | None, str, set[str]]], docs: list[Doc]) -> None:
    """A one-word open-world title that ends a longer title after a connector is that title's
    short form ("Frieren" of "Sousou no Frieren"): the same work. When the article never
    writes it without the connector, it is only the longer title's tail ("das Finale" of
    "Girls und Panzer das Finale"), no name of its own: dropped, so that the longer title
    names the work."""
    for key, (_, fid, _, forms) in list(names.items()):
        if fid is not None or not is_weak(key):
            continue
        n = len(key.split())
        longer = next(
            (
                k
                for k in names
                if k.endswith(" " + key) and k.split()[-n - 1] in CONNECTORS and not is_weak(k)
            ),
            None,
        )
        if longer is None:
            continue
        tail = " " + longer.split()[-n - 1] + " " + key + " "
        if all(d.collapsed.count(tail) == d.collapsed.count(" " + key + " ") for d in docs):
            del names[key]
        else:
            names[key] = (*names[longer][:3], forms)


def _stands_alone(part: str, key: str, docs: list[Doc]) -> bool:
    """True when ``part`` occurs in the article outside occurrences of ``key``."""
    p, k = " " + part + " ", " " + key + " "
    return any(d.collapsed.count(p) > d.collapsed.count(k) for d in docs)


def part_surface(surface: str, key: str) -> str:
    """The words at the start or end of ``surface`` that make ``key``."""
    words = surface.split()
    n = len(key.split())
    head = " ".join(words[:n])
    return head if ow_key(head) == key else " ".join(words[len(words) - n :])


def clean_title(surface: str) -> str:
    """A display title: quotes and possessives off, single spaces."""
    s = " ".join(surface.split()).strip("‘’'\"“”:,-–— ")
    return re.sub(r"[’']s$", "", s)


def long_form(key: str, docs: list[Doc]) -> str | None:
    """The franchise of the KB title the article writes out whose opening words are the
    one-word open-world title ``key`` ("Ouran" of "Ouran High School Host Club"): news names
    a work in full once, then by its first word. None when no KB title, or two franchises'
    titles, open with it."""
    if not is_weak(key):
        return None
    found = {
        h.franchise_id
        for d in docs
        for h in d.hits
        if h.franchise_id is not None and title_key(h.surface).startswith(key + " ")
    }
    return found.pop() if len(found) == 1 else None


# What stands between a work's name and its other name when the article gives both: "X (Y)",
# "X (also known as Y)", "X, also known as Y", "X, known in Japan as Y", "X (aka Y)".
_TIE_GAP = re.compile(
    r"\s*(?:\(\s*(?:(?:also\s+known\s+as|aka|a\.k\.a\.|known\s+in\s+japan\s+as|originally)\s+)?"
    r"|,\s+(?:also\s+known\s+as|aka|a\.k\.a\.|known\s+in\s+japan\s+as|originally)\s+)",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"\s*\)")
MAX_TIE_GAP = 30  # characters between the two names


def tie_names(docs: list[Doc]) -> None:
    """One work for two names the article writes as one another's other name ("The Ice Guy
    (Koori Zokusei Danshi)", "X, also known as Y"): every hit of the second takes the first's
    key and work, and the KB franchise either name links to. The first name, the one the
    article's prose leads with (news gives the original or short title after it), names the work.
    Two different KB works side by side stay two works."""
    firsts: dict[str, Hit] = {}
    seconds: dict[str, tuple[str, str | None]] = {}  # second key -> (first key, its franchise)
    for d in docs:
        for a, b in zip(d.hits, d.hits[1:], strict=False):
            if a.key == b.key or b.start - a.end > MAX_TIE_GAP or a.key in seconds:
                continue
            gap = _TIE_GAP.fullmatch(d.text, a.end, b.start)
            if gap is None or None not in (a.franchise_id, b.franchise_id):
                continue
            if "(" in gap.group(0) and not _CLOSE.match(d.text, b.end):
                continue  # "X (Y and Z)": no other name of X
            if b.key not in seconds and b.key not in firsts:
                firsts.setdefault(a.key, a)
                seconds[b.key] = (a.key, b.franchise_id)
    if not seconds:
        return
    fids = {k: a.franchise_id for k, a in firsts.items()}
    for first, fid in seconds.values():
        fids[first] = fids[first] or fid
    for d in docs:
        for h in d.hits:
            first = seconds[h.key][0] if h.key in seconds else h.key
            if first not in firsts:
                continue
            fid = fids[first]
            h.key, h.work, h.franchise_id = fid or first, firsts[first].work, fid
