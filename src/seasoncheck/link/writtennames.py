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

from seasoncheck.link.doc import Doc, Hit
from seasoncheck.link.normalise import normalise_title
from seasoncheck.link.seasons import ORDINALS
from seasoncheck.link.subject import ow_key
from seasoncheck.link.titleruns import CONNECTORS, GENERIC, TitleCandidate, _walk_back

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
