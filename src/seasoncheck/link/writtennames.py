"""Names as an article writes them around the title runs: a comma inside a title, a spin-off's
distinctive last word written alone, and ordinal subtitles that number a work's seasons.

- "Girlfriend, Girlfriend": a run of title words stops at a comma; when the article writes the
  two runs joined by the same comma every time, never one of them alone, the comma is the
  title's own ("comma_title").
- "Dragon Ball Daima" ... "Daima will premiere": a title that opens with another title the
  article writes is a spin-off; its last word written alone later is its short form
  ("tail_names").
- "Food Wars! The Fifth Plate": "The <ordinal> <Noun>" written right after a title names that
  title's season; every "The <ordinal> <Noun>" with the same noun is a season of it
  ("ordinal_subtitles").
"""

from __future__ import annotations

import re

from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.link.clauses import _in_prose
from seasoncheck.link.doc import Doc, Hit
from seasoncheck.link.index import TitleIndex
from seasoncheck.link.normalise import find_all, normalise_title
from seasoncheck.link.seasons import ORDINALS
from seasoncheck.link.subject import ow_key
from seasoncheck.link.titleruns import (
    CONNECTORS,
    GENERIC,
    RUN_BREAKERS,
    TitleCandidate,
    _last_boundary,
    _make,
    _walk_back,
)
from seasoncheck.link.worknames import (
    past_author,
    possessive_headline,
    possessor_title,
    title_key,
)

# Most title words on the other side of a title's comma ("Girlfriend, Girlfriend").
MAX_COMMA_WORDS: int = 4
# A title's comma is written the same way at least this often in the article: once may be a
# list or an apposition ("Toei, the studio").
MIN_COMMA_REPEATS: int = 2
_RUN_AFTER: re.Pattern[str] = re.compile(r"[A-Z0-9][\w'’!&.-]*(?: [A-Z0-9][\w'’!&.-]*){0,3}")
_LIST_WORD: re.Pattern[str] = re.compile(r"\s(?:and|or|&)\s")
_LIST_GOES_ON: re.Pattern[str] = re.compile(r"\s*(?:,|and\b|or\b|&)")
_ENGLISH_ORDINAL: str = "|".join(
    w.capitalize() for w in sorted(ORDINALS, key=len, reverse=True) if w.isascii() and w.isalpha()
)
# "\bThe " with its word boundary as a look-behind after "The ": a pattern that opens with a
# literal is tried only where the literal occurs, one that opens with "\b" at every offset.
_SUBTITLE: re.Pattern[str] = re.compile(
    rf"The (?<!\wThe )({_ENGLISH_ORDINAL}|Final) ([A-Z][a-z]+)\b"
)
# A title ends right before its subtitle: nothing but spaces, ":" / "!" / "-" between them.
_SUBTITLE_GAP: re.Pattern[str] = re.compile(r"[\s:!\-–—]*$")
MIN_TAIL_CHARS: int = 3
_DETERMINERS: frozenset[str] = frozenset(("the", "a", "an", "this", "that", "these", "those"))
# Most characters between a title and its subtitle ("! ", ": "), and between a season reference
# and the subtitle set beside it (", subtitled ").
_MAX_GLUE: int = 4
_MAX_APPOSITION: int = 80
_SENTENCE_END: re.Pattern[str] = re.compile(r"[.?!]\s|\n")
_RUN_ENDS: str = ':;,.!?)]"”'


def comma_title(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> TitleCandidate:
    """``c`` with the title words on the other side of a comma when the article writes them
    joined by that comma at least twice and never one of them alone."""
    text = doc.text
    left: list[tuple[int, int]] = []
    if text[c.start - 2 : c.start] == ", ":
        left = _walk_back(text, max(0, c.start - 80), c.start - 2)
        ends = [i for i, (_, e) in enumerate(left) if text[e - 1] in _RUN_ENDS]
        left = left[ends[-1] + 1 :] if ends else left
    if left and len(left) <= MAX_COMMA_WORDS:
        whole = text[left[0][0] : c.end]
        if _joined_everywhere(whole, text[left[0][0] : left[-1][1]], c.surface, docs):
            return TitleCandidate(left[0][0], c.end, whole, c.rule, c.aliases)
    if text[c.end : c.end + 2] == ", ":
        m = _RUN_AFTER.match(text, c.end + 2)
        if m and not any(w.lower() in GENERIC for w in m.group(0).split()):
            whole = text[c.start : m.end()]
            if _joined_everywhere(whole, c.surface, m.group(0), docs):
                return TitleCandidate(c.start, m.end(), whole, c.rule, c.aliases)
    return c


# A title's comma before a capitalised conjunction ("X, So I Can Y", "X, But Y") or the
# narrator's "I" ("Banished from X, I Decided to Y"): prose writes a conjunction after a comma in
# lower case, so a capital there is a light-novel title going on past its comma. The run rules
# cut the title at the comma and drop the conjunction as a sentence word.
_CONJUNCTION_BEFORE: re.Pattern[str] = re.compile(r"(?<=\w),[ ](?:(?:So|But|Yet|And|Or)[ ])?$")
_CONJUNCTION_REACH: int = 8  # characters before a candidate: ", So ", ", But "
MAX_COMMA_HEAD_CHARS: int = 100  # the longest first half of such a title looked back for
MIN_COMMA_HEAD_WORDS: int = 2


def conjunction_title(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> TitleCandidate:
    """``c`` with the title words before its comma when a capitalised conjunction (or "I") opens
    ``c`` after that comma: one light-novel title ("I Was Born a Knight, So I Keep the Gate").
    The first half must be title words from a boundary or a prose word on: not a headline's
    words after a season ("X Season 2 Delayed, So I ..."). The capital is evidence only in a
    prose sentence: a headline's joined title counts when the body's prose writes it too
    ("X Ends, So Y Takes Its Slot" capitalises every word)."""
    text = doc.text
    m = _CONJUNCTION_BEFORE.search(text, max(0, c.start - _CONJUNCTION_REACH), c.start)
    if m is None or (m.end() - m.start() == 2 and not c.surface.startswith("I ")):
        return c
    comma = m.start()
    lo = max(0, comma - MAX_COMMA_HEAD_CHARS)
    cut, _ = _last_boundary(text[lo:comma])
    run = _walk_back(text, lo + cut, comma + 1)
    if len(run) < MIN_COMMA_HEAD_WORDS:
        return c
    before = text[lo + cut : run[0][0]].split()
    if before and not before[-1].islower():
        return c  # the run stopped at a season word or a verb: no title's first half
    head = _make(text, run, c.rule)
    if not head or head[0].start != run[0][0] or head[0].end != comma:
        return c
    whole = text[head[0].start : c.end]
    if doc is docs[0]:
        written = [(d.text, p) for d in docs[1:] for p in find_all(d.text, whole)]
    else:
        written = [(text, head[0].start)]
    if not any(_in_prose(t, p, p + len(whole)) for t, p in written):
        return c
    return TitleCandidate(head[0].start, c.end, whole, c.rule, c.aliases)


def _joined_everywhere(whole: str, first: str, second: str, docs: list[Doc]) -> bool:
    """True when ``whole`` ("A, B") occurs often enough, never inside a list, and every
    capitalised "A" and "B" of the article is inside an occurrence of it."""
    if _LIST_WORD.search(whole):
        return False  # "Harbor, Lantern and Moss": the last two items of a list
    if any(
        w.lower() in GENERIC or w.lower() in CONNECTORS
        for w in (first.split()[0], second.split()[0])
    ):
        return False
    whole_rx = re.compile(_alone(whole, r"\w"))
    count = 0
    for d in docs:
        spans = [m.span() for m in whole_rx.finditer(d.text)]
        if any(_LIST_GOES_ON.match(d.text, e) for _, e in spans):
            return False  # "A, B and C": a list
        count += len(spans)
        for part in {first, second}:
            for m in re.finditer(_alone(part, r"\w"), d.text):
                if not any(s <= m.start() and m.end() <= e for s, e in spans):
                    return False
    return count >= MIN_COMMA_REPEATS


def _alone(literal: str, glue: str) -> str:
    """A regex of ``literal`` with no ``glue`` character on either side. The look-behind
    follows the literal (same matches): a regex that opens with a look-behind is tried at every
    offset of the text, one that opens with a literal only where the literal occurs."""
    lit = re.escape(literal)
    return f"{lit}(?<!{glue}{lit})(?!{glue})"


def tail_names(docs: list[Doc]) -> None:
    """Add the short form of a spin-off: the last word of a title that opens with another title
    of the article ("Dragon Ball Daima" after "Dragon Ball"), written alone and capitalised."""
    # the cheap tests on the last word first: most articles have no candidate, and then no
    # title is normalised (normalising every hit cost ~4% of the linker)
    candidates: list[tuple[list[str], Hit]] = []
    for d in docs:
        for h in d.hits:
            words = h.surface.split()
            if len(words) < 2 or not words[-1].isalpha() or len(words[-1]) < MIN_TAIL_CHARS:
                continue
            if words[-1][0].isupper() and words[-1].lower() not in GENERIC:
                candidates.append((words, h))
    if not candidates:
        return
    keys = {normalise_title(h.surface) for d in docs for h in d.hits}
    longs: dict[str, Hit] = {}
    for words, h in candidates:
        if normalise_title(" ".join(words[:-1])) in keys:
            longs.setdefault(words[-1], h)
    for word, h in longs.items():
        if sum(1 for x in longs.values() if x.key != h.key and x.surface.split()[-1] == word):
            continue
        rx = re.compile(_alone(word, r"[\w-]"))
        for d in docs:
            added = [
                Hit(m.start(), m.end(), word, h.key, h.work, h.franchise_id, None, h.kb_work_id)
                for m in rx.finditer(d.text)
                if not any(x.start <= m.start() < x.end for x in d.hits)
                and _stands_as_name(d.text, m.start(), m.end())
            ]
            if added:
                d.hits = sorted(d.hits + added, key=lambda x: x.start)


def tail_owner(key: str, docs: list[Doc]) -> Hit | None:
    """The KB title of the article whose last word is the one-word name ``key``: its short form."""
    if " " in key:
        return None
    for d in docs:
        for h in d.hits:
            words = h.surface.split()
            if len(words) > 1 and h.franchise_id and ow_key(words[-1]) == key:
                return h
    return None


def ordinal_subtitles(docs: list[Doc]) -> None:
    """Make every "The <ordinal> <Noun>" a season of the title written right before one of
    them ("Food Wars! The Fourth Plate"), or after a season reference of the same number in the
    same sentence ("X's second season, The Second Act"): the subtitle numbers the title's
    seasons."""
    parents: dict[str, Hit] = {}
    for d in docs:
        for m in _SUBTITLE.finditer(d.text):
            parent = _parent(d, m)
            if parent is not None and m.group(2) not in parents:
                parents[m.group(2)] = parent
    if not parents:
        return
    for d in docs:
        for m in _SUBTITLE.finditer(d.text):
            parent = parents.get(m.group(2))
            if parent is None:
                continue
            n = ORDINALS.get(m.group(1).lower())
            kept = [h for h in d.hits if not (h.start < m.end() and m.start() < h.end)]
            hit = Hit(
                m.start(), m.end(), m.group(0), parent.key, parent.work, parent.franchise_id, n
            )
            d.hits = sorted([*kept, hit], key=lambda x: x.start)


def _parent(d: Doc, m: re.Match[str]) -> Hit | None:
    """The title whose season the subtitle ``m`` names, or None."""
    titles = [h for h in d.hits if h.end <= m.start() and not _SUBTITLE.search(h.surface)]
    if not titles:
        return None
    last = titles[-1]
    if last.end > m.start() - _MAX_GLUE and _SUBTITLE_GAP.match(d.text, last.end, m.start()):
        return last  # "Food Wars! The Fourth Plate"
    n = ORDINALS.get(m.group(1).lower())
    if n is None or _SENTENCE_END.search(d.text, last.end, m.start()):
        return None
    lo = m.start() - _MAX_APPOSITION
    same = any(
        r.season == n
        and lo <= r.start
        and r.end <= m.start()
        and not _SENTENCE_END.search(d.text, r.start, m.start())
        for r in d.refs
    )
    return last if same else None  # "The second season of X, subtitled The Second Act"


def _stands_as_name(text: str, start: int, end: int) -> bool:
    """True when the word at text[start:end] stands as a name of its own: no article before
    it (a modifier: "the Hanma family feud") and no capitalised word right after it (a longer
    name: "Daima Kai")."""
    before = text[max(0, start - 20) : start].split()
    if before and before[-1].lower() in _DETERMINERS:
        return False
    after = text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()
    return not after


# "A" or "An" capitalised in the middle of a sentence (after a lower-case word, a digit or a
# comma) right before a title: prose writes the article in lower case, so the capital is the
# title's own ("the first season of A Couple of Sparrows"). Sentence-initial and headline
# capitals alone say nothing: every word there is capitalised.
_TITLE_ARTICLE: re.Pattern[str] = re.compile(r"(?<=[a-z0-9,] )(A|An) $")
_ARTICLE_REACH: int = 5  # characters looked at before a title: a word's end, a space, "An "


def title_articles(docs: list[Doc]) -> None:
    """Give a title its leading "A"/"An" when the article writes that article capitalised right
    before it in mid-sentence: the run rules drop a leading "A" as a headline's or a sentence's
    word ("A Couple of Sparrows Season 2", "A new season was announced"). Every occurrence
    written with the capitalised article then takes it in, and the work is named with it."""
    owned: dict[str, str] = {}
    for d in docs:
        for h in d.hits:
            if h.key in owned or not h.surface[:1].isupper() or h.work.startswith(("A ", "An ")):
                continue
            m = _TITLE_ARTICLE.search(d.text, max(0, h.start - _ARTICLE_REACH), h.start)
            if m is not None and normalise_title(h.surface) == normalise_title(h.work):
                owned[h.key] = m.group(1)
    if not owned:
        return
    for d in docs:
        for h in d.hits:
            article = owned.get(h.key)
            if article is None:
                continue
            if not h.work.startswith(article + " "):
                h.work = f"{article} {h.work}"
            lead = h.start - len(article) - 1
            if lead >= 0 and d.text[lead : h.start] == article + " ":
                h.start = lead
                h.surface = d.text[lead : h.end]


# A subtitle after a KB title's main title and its colon: capitalised words (lower-case connectors
# inside) up to punctuation, a dash or the end of the line: "City Hunter the Movie: Angel Dust,".
_SUBTITLE_AFTER: re.Pattern[str] = re.compile(
    r":[ ]+(?P<sub>[A-Z0-9][\w'’!&.-]*(?:[ ]+(?:[A-Z0-9][\w'’!&.-]*|of|the|and|in|no|to|a|an|"
    r"at|on|for|with|from|vs)){0,7}?)(?=[ ]*(?:[,;)(\n]|[.!?](?:\s|$)|[—–-][ ]|$))"
)


def new_subtitles(docs: list[Doc], kb: KnowledgeBase, index: TitleIndex) -> None:
    """Take the subtitle into a KB hit that is the main title of a "Head: Subtitle" KB title
    when the body writes another subtitle after it ("City Hunter the Movie: Angel Dust" where
    the KB knows "City Hunter the Movie: Shinjuku Private Eyes"): the article names an
    installment the KB does not know, under its whole name. Not in the headline, where "X:
    Everything We Know" is a feature's label, nor on the body's copy of it."""
    headline = docs[0].text.strip()
    for d in docs[1:]:
        for i, h in enumerate(d.hits):
            m = _SUBTITLE_AFTER.match(d.text, h.end)
            if m is None or not _colon_head(h, kb, index):
                continue
            first = m.group("sub").split()[0]
            if first.lower().strip(".!") in GENERIC or first.lower() in RUN_BREAKERS:
                continue  # "X: Season 2", "X: The Anime": no subtitle
            nxt = d.hits[i + 1].start if i + 1 < len(d.hits) else len(d.text)
            lo = d.text.rfind("\n", 0, h.start) + 1
            hi = d.text.find("\n", h.start)
            if m.end() > nxt or d.text[lo : hi if hi >= 0 else len(d.text)].strip() == headline:
                continue
            h.end = m.end()
            h.surface = d.text[h.start : h.end]


def _colon_head(h: Hit, kb: KnowledgeBase, index: TitleIndex) -> bool:
    """True for a KB hit whose key is only the main title of its franchise's "Head: Subtitle"
    titles ("City Hunter the Movie" of "City Hunter the Movie: Shinjuku Private Eyes")."""
    if h.franchise_id is None or h.match_key not in index.keys:
        return False
    franchise = kb.franchise(h.franchise_id)
    if franchise is None or index.entry(h.match_key).exact:
        return False
    return any(":" in t and title_key(t.split(":")[0]) == h.match_key for t in franchise.titles)


def written_form(doc: Doc, c: TitleCandidate, docs: list[Doc]) -> TitleCandidate:
    """A candidate as the article writes the whole name around it: an author's possessive off
    or a title's own possessive on (``worknames``), a comma and a capitalised conjunction inside
    a light-novel title, a comma written the same way every time."""
    c = possessive_headline(doc, possessor_title(doc, past_author(doc, c, docs), docs), docs)
    return comma_title(doc, conjunction_title(doc, c, docs), docs)
