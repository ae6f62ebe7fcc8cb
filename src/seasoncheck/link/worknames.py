"""How the linker names a work: the whole title, not a fragment, an author or a headline label.

Rules of news writing and titling that decide between a KB title and a longer open-world title
around it ("Level 1 Demon Lord & One Room Hero" around the KB's "One Room", "Handyman Saitou in
Another World" around "Another World"), between a title and its parts ("Finale" of "Girls und
Panzer das Finale", "fans of solo leveling"), and the name a KB work is printed under when the
article never writes the KB's own name. A headline's opening name is also read against the body:
a kicker before a colon and a KB title, a possessive inside the title ("Mirelle's Garden"), and
a romaji title that the body gives again before the KB's English title in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache

from seasoncheck.link.doc import Doc, Hit
from seasoncheck.link.index import FUNCTION_WORDS
from seasoncheck.link.normalise import normalise_title
from seasoncheck.link.subject import ow_key
from seasoncheck.link.titleruns import (
    CONNECTORS,
    GENERIC,
    RUN_BREAKERS,
    VERB_BREAKERS,
    TitleCandidate,
    _breaker,
    _lead_word,
)

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
    # (every match ends in "'s" and a space, within the last 5 characters: most candidates have
    # none, and are answered without trying the pattern at each of the 60 offsets)
    tail = doc.text[max(0, c.start - 5) : c.start]
    if "'s" not in tail and "’s" not in tail:
        return c
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


# The possessive after a headline's opening word, and the lower-case words that may stand
# between the capitalised words of a title after it ("Mirelle's Garden of Glass").
_APOSTROPHE_S = re.compile(r"[’']s\s")
_INNER_CONNECTORS = frozenset(["of", "the", "no", "in", "and", "to", "a", "an", "&"])


def _headline_word(w: str) -> bool:
    """True for a word that ends a run of title words in a headline (a season word, a verb)."""
    return _breaker(w) or _lead_word(w) or w.lower().strip(":,") in VERB_BREAKERS


def _possessed_end(text: str, pos: int) -> int | None:
    """The end of the capitalised words after the possessive at ``pos``, up to a headline verb
    or season word ("Gets", "Season") or a lower-case word ("is getting"), or None."""
    end = None
    for t in _WORD.finditer(text, pos):
        w = t.group(0)
        if w.lower() in _INNER_CONNECTORS and end is not None:
            continue
        if not w[:1].isupper() or _headline_word(w):
            break
        end = t.end() - (len(w) - len(w.rstrip(":,")))
        if end < t.end():
            break  # "Mirelle's Garden: ...": punctuation ends the title
    return end


def _possessed_span(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> tuple[int, int] | None:
    """Where the words a headline's opening possessive owns start and end ("X's <Y Z> gets"), or
    None when ``c`` is not a headline lead followed by a possessive (or the body is missing)."""
    if c.rule != "headline_lead" or doc is not docs[0] or len(docs) < 2:
        return None
    m = _APOSTROPHE_S.match(doc.text, c.end)
    end = _possessed_end(doc.text, m.end()) if m else None
    return None if m is None or end is None else (m.end(), end)


def possessive_headline(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> TitleCandidate:
    """The headline's opening title with the possessive and the capitalised words after it
    when the body never writes any of those words on their own ("Mirelle's Garden is getting a new
    anime", "Mirelle's Garden Gets New Anime", a body that speaks of "Mirelle" only): the
    possessive is inside the title. An author's possessive ("Jane Roe's Wind Breaker gets an
    anime") comes before a title the article names again by itself."""
    span = _possessed_span(doc, c, docs)
    if span is None:
        return c
    start, end = span
    words = [w for w in doc.text[start:end].split() if w[:1].isupper()]
    if all(w.lower() in GENERIC for w in words):
        return c  # "X's New Visual", "X's Official Site": a headline's own words
    whole = title_key(doc.text[c.start : end])
    if any(_stands_alone(title_key(w), whole, docs[1:]) for w in words):
        return c  # the body names a possessed word alone: a character, a work of its own
    return TitleCandidate(c.start, end, doc.text[c.start : end], c.rule, c.aliases)


def past_author(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> TitleCandidate:
    """The capitalised words after a headline's opening possessive when the body writes them as
    a name on their own ("Roe's Wind Breaker gets an anime"; the body's "Jane Roe's manga Wind
    Breaker is ..."): the possessor is the author, the possessed words are the work."""
    span = _possessed_span(doc, c, docs)
    if span is None:
        return c
    start, end = span
    possessed = doc.text[start:end]
    if all(w.lower() in GENERIC for w in possessed.split()):
        return c  # "X's New Visual": the headline's own words
    if not _stands_alone(title_key(possessed), title_key(doc.text[c.start : end]), docs[1:]):
        return c
    return TitleCandidate(start, end, possessed, c.rule, c.aliases)


# The colon of a headline's kicker: "Harbor Expo: X Gets ...".
_KICKER_COLON = re.compile(r":\s+")


def kicker(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> bool:
    """True for a headline's opening name that a colon and a KB title follow ("Harbor Expo:
    Moonlit Bakery Gets New Anime"): a kicker, the section or event the report is filed under,
    not its subject. (A work's own subtitle after a colon is part of its KB title, which then
    starts with the name.)"""
    if c.rule != "headline_lead" or doc is not docs[0]:
        return False
    m = _KICKER_COLON.match(doc.text, c.end)
    return m is not None and any(
        h.start == m.end() and h.franchise_id is not None and not h.weak for h in doc.hits
    )


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


MAX_HEADLINE_NAME_WORDS = 12  # headline words tried as the other name of a bracketed KB title


def headline_other_name(docs: list[Doc]) -> None:
    """The headline's opening words as a KB work's other name, when the body writes them right
    before that work's KB title in brackets ("Hoshi wa, Doko ni? (Where Are the Stars?)" under
    the headline "Hoshi wa, Doko ni? gets a sequel"): news gives a work's original title, then
    its English one in brackets. Only when the open-world rules cut that opening short (a
    romaji title with lower-case words and a comma inside), where no hit covers it whole.
    Every occurrence of the opening in the article becomes a hit of the KB work."""
    if len(docs) < 2 or not docs[0].text:
        return
    head, body = docs[0], docs[1]
    brackets = [
        h
        for h in body.hits
        if h.franchise_id is not None
        and not h.weak
        and body.text[h.start - 1 : h.start] == "("
        and _CLOSE_BRACKET.match(body.text, h.end)
    ]
    if not brackets:
        return
    ends = [t.end() for t in _WORD.finditer(head.text)][:MAX_HEADLINE_NAME_WORDS]
    start = len(head.text) - len(head.text.lstrip())
    for b in brackets:
        before = body.text[max(0, b.start - 1 - MAX_HEADLINE_NAME_CHARS) : b.start - 1].rstrip()
        name = next(
            (
                head.text[start:e]
                for e in reversed(ends)
                if _ends_with_name(before, head.text[start:e])
            ),
            None,
        )
        if name is None or len(name.split()) < 2:
            continue
        if any(h.start <= start and h.end >= start + len(name) for h in head.hits):
            return  # the rules found the opening whole: "X (Y)" is tie_names' case
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        for d in docs:  # as the headline writes it or in the body's capitals
            for m in pattern.finditer(d.text):
                d.hits.append(Hit(m.start(), m.end(), m.group(0), b.key, b.work, b.franchise_id))
        return


MAX_HEADLINE_NAME_CHARS = 160  # the longest title looked for before a bracketed KB title


def _ends_with_name(before: str, name: str) -> bool:
    """True when ``before`` ends with the words ``name`` (in any capitals), a whole word."""
    n = len(name)
    return (
        len(before) >= n
        and before[-n:].lower() == name.lower()
        and not before[len(before) - n - 1 : len(before) - n].isalnum()
    )


_WORD = re.compile(r"\S+")
# The end of a bracketed title: its own "?" or "!" may stand outside the KB title.
_CLOSE_BRACKET = re.compile(r"[?!]?\)")
