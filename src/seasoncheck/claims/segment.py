"""Sentence segmentation with character offsets: lines first, then sentence punctuation.

A hand-written regex splitter, chosen over blingfire and pysbd after measuring all three in
``benchmarks/bench_claims.py``: news excerpts break on newlines (headlines, list items, captions
with no final stop), which the regex handles by construction, and it is the fastest of the three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace and
# an opening quote, capital, digit or bullet; abbreviations such as "Oct." and "Dr." are skipped.
# ("[.!?][.!?]*", not "[.!?]+": re skips to a leading class, never to a leading repeat)
_BOUNDARY = re.compile(r"[.!?][.!?]*[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•¿¡])")
_LINE = re.compile(r"[^\n]+")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "vs",
        "no",
        "nos",
        "vol",
        "vols",
        "ep",
        "eps",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "co",
        "ltd",
        "corp",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "approx",
        "fig",
        "pt",
        "mt",
        "ft",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "P.A." of "P.A. Works", "J.C." of "J.C. Staff"
ABBREVIATION_LOOKBACK = (
    12  # characters: longer than any abbreviation in the list ("approx.", "u.s.")
)
# Longer than this, a "sentence" is split at semicolons and dashes too (run-on text, no stops).
MAX_SENTENCE_CHARS = 600  # calibrated: the longest real sentence in dev.jsonl is ~480 chars
_SOFT_BOUNDARY = re.compile(r"[;:]\s+|\s+[–—]\s+|,\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and its [start, end) offsets in the article text."""

    start: int
    end: int
    text: str
    para: int  # index of the line (paragraph) it belongs to


# "Word! Word" inside a line: an exclamation before a new sentence, or a title that carries one
# ("Sound! Euphonium", "Kono Oto Tomare! Sounds of Life").
_BANG_PAIR = re.compile(r"\b(?P<word>[A-Z]\w*!+)[ \t]+[A-Z]\w*")
_BANG_AFTER = re.compile(r"(?P<bangs>!!*)[ \t]+[A-Z]")  # "!!*": a literal re skips to


def _title_bangs(text: str) -> frozenset[str]:
    """The capitalised "Word!" an article writes more than once before another capitalised word:
    a title's "!", not an exclamation (a writer does not repeat the same exclamation)."""
    if "!" not in text:
        return frozenset()
    seen: set[str] = set()
    twice: set[str] = set()
    # The matches of _BANG_PAIR, found from their "!" (a literal the engine skips to) rather than
    # tried at every word start: the word before the "!" is read backwards (str.isalnum and "_"
    # are re's \w), and a pair may not start inside the previous pair's second word.
    last_end = 0
    for m in _BANG_AFTER.finditer(text):
        bang = j = m.start()
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        if j == bang or j < last_end or not "A" <= text[j] <= "Z":
            continue
        end = m.end()
        while end < len(text) and (text[end].isalnum() or text[end] == "_"):
            end += 1
        last_end = end
        word = text[j : bang + len(m.group("bangs"))]
        (twice if word in seen else seen).add(word)
    return frozenset(twice)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets; every ``text`` slice is an exact substring."""
    out: list[Sentence] = []
    bangs = _title_bangs(text)
    for para, line in enumerate(_LINE.finditer(text)):
        for start, end in _split_line(line.group(), line.start(), bangs):
            seg = text[start:end]
            stripped = seg.strip()
            if not stripped:
                continue
            lead = len(seg) - len(seg.lstrip())
            s = start + lead
            out.append(Sentence(s, s + len(stripped), stripped, para))
    return out


def _split_line(line: str, base: int, bangs: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Offsets of the sentences in one line (no cut inside a title's "!" of ``bangs``)."""
    spans: list[tuple[int, int]] = []
    start = 0
    brackets = "(" in line
    for m in _BOUNDARY.finditer(line):
        if _is_abbreviation(line, m.start()):
            continue
        if brackets and (_inside_brackets(line, m) or _aside_continues(line, m)):
            continue
        if bangs and line[m.start()] == "!" and _in_title(line, m.start(), bangs):
            continue
        if line[m.start() - 1 : m.start()].isdigit() and _ordinal_day(line, m):
            continue
        cut = m.end() - (len(m.group()) - len(m.group().rstrip()))
        spans.append((start, cut))
        start = m.end()
    spans.append((start, len(line)))
    result: list[tuple[int, int]] = []
    for s, e in spans:
        result.extend(_split_long(line, s, e))
    return [(base + s, base + e) for s, e in result]


# How far (characters) the closing bracket of an aside may stand after a stop inside it.
BRACKET_REACH = 160


def _inside_brackets(line: str, m: re.Match[str]) -> bool:
    """True when the stop ``m`` lies inside an open bracket that closes soon after: a title with
    its own full stops in an aside ("a second season of X (Y wo Soru. Soshite ...) is coming")."""
    if ")" in m.group():
        return False  # the stop ends the aside itself: "(... the full list.) Next sentence"
    opened = line.count("(", 0, m.start()) - line.count(")", 0, m.start())
    return opened > 0 and ")" in line[m.end() : m.end() + BRACKET_REACH]


# A bracketed aside and a lower-case word after it: the sentence goes on.
_CONTINUES_AFTER = re.compile(r"\)\s+[a-zà-ÿ]")


def _aside_continues(line: str, m: re.Match[str]) -> bool:
    """True when the stop ``m`` is followed by a bracketed aside and then a lower-case word: a
    title's "?" or "!" with its translation after it ("Nani ka? (So What?) announced that ...")."""
    if not line.startswith("(", m.end()):
        return False
    close = line.find(")", m.end(), m.end() + BRACKET_REACH)
    return close > 0 and _CONTINUES_AFTER.match(line, close) is not None


def _in_title(line: str, bang: int, bangs: frozenset[str]) -> bool:
    """True when the "!" at ``bang`` ends one of the article's repeated title words ``bangs``."""
    word = _LAST_WORD.search(line, max(0, bang - 40), bang)
    pair = _BANG_PAIR.match(line, word.start()) if word else None
    return pair is not None and pair.group("word") in bangs


# A day written as an ordinal number with a stop before its month and year: "am 12. März 2027"
# (German and other European languages write the day so).
_DAY_BEFORE = re.compile(r"(?:^|\s)\d{1,2}$")
_MONTH_AFTER = re.compile(
    r"(?:Jan|Feb|Mär|Mar|Apr|Mai|May|Jun|Jul|Aug|Sep|Okt|Oct|Nov|Dez|Dec)[a-zä]*\.?\s+(?:19|20)\d\d\b"
)


def _ordinal_day(line: str, m: re.Match[str]) -> bool:
    """True when the boundary ``m`` is the stop of an ordinal day before a month name."""
    at = m.start()
    return (
        at > 0
        and line[at - 1].isdigit()  # the cheap test first: most stops follow a letter
        and m.group()[0] == "."
        and len(m.group().strip()) == 1
        and _DAY_BEFORE.search(line, max(0, m.start() - 3), m.start()) is not None
        and _MONTH_AFTER.match(line, m.end()) is not None
    )


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the stop at ``dot`` ends a known abbreviation or a single initial."""
    if line[dot] != ".":
        return False
    m = _LAST_WORD.search(line, max(0, dot - ABBREVIATION_LOOKBACK), dot)
    if not m:
        return False
    word = m.group(1)
    return (
        word.lower() in _ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
        or _INITIALS.fullmatch(word) is not None
    )


def _split_long(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a run-on span at soft boundaries so that no piece exceeds MAX_SENTENCE_CHARS."""
    if end - start <= MAX_SENTENCE_CHARS:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    s = start
    while end - s > MAX_SENTENCE_CHARS:
        window = line[s : s + MAX_SENTENCE_CHARS]
        cuts = [m.end() for m in _SOFT_BOUNDARY.finditer(window)]
        cut = s + (cuts[-1] if cuts and cuts[-1] > MAX_SENTENCE_CHARS // 4 else MAX_SENTENCE_CHARS)
        pieces.append((s, cut))
        s = cut
    pieces.append((s, end))
    return pieces
