"""Case-insensitive patterns that run fast: lowered texts, a literal prefilter, leading literals.

A ``LoweredPattern`` searches the lowered text with a case-sensitive regex, skips texts
that hold none of its required literals (one Aho-Corasick pass per text) and starts its search
at its leading literals. ``patterns`` holds the rules written with it; this module holds the
machinery, so rule files stay tables of cue words.
"""

from __future__ import annotations

import re
import re._constants as _C  # the parsed-regex node names (Python 3.11+)
import re._parser as _parser
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias

from ahocorasick_rs import AhoCorasick, MatchKind

from seasoncheck.claims.leads import Leads, finditer_at, leading_literals, leading_of_tree

# A rule's compiled pattern: a LoweredPattern (case-insensitive) or a plain re.Pattern. Honest
# types matter under mypyc (a cast that lies is a run-time TypeError in compiled code).
Rx: TypeAlias = "LoweredPattern | re.Pattern[str]"
LOWER_CACHE = 2048  # texts: sentences, clauses and windows of a few articles


def split_alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source (``a|b(c|d)|e`` -> ``a``, ``b(c|d)``, ``e``)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _rx(source: str, flags: int = 0) -> Rx:
    """Compile ``source``; an alternation whose every branch starts with ``\\b`` is rewritten as
    ``\\b(?:a|b|...)`` so the engine tests the word boundary once per position, not once per branch.

    Measured on the 1,500 sentences of dev.jsonl: the hedge pattern went from 68 ms to 14 ms.
    A case-insensitive pattern becomes a ``LoweredPattern`` with a literal prefilter.
    """
    source = _group_word_starts(split_alternatives(source))
    if flags & re.IGNORECASE and "(?-i:" not in source:
        return LoweredPattern(source, flags)
    return re.compile(source, flags)


def caseless(source: str) -> Rx:
    """A case-insensitive pattern for the rules outside this module (a ``LoweredPattern``: its
    groups come from the lowered text, so use it where only offsets or a yes/no matter)."""
    return _rx(source, re.IGNORECASE)


def first_letter_led(words: Iterable[str], before: str = "") -> str:
    """``before(?:w1|w2|...)`` for plain strings ``words`` (tried in the order given), written so
    that re skips through a text: grouped by first character, each group opens with its character,
    so the pattern opens with a class re scans for. ``before`` (zero-width: ``\\b``, look-behinds)
    is tested at the word's start by a look-behind after that character. A pattern that opens with
    ``before`` itself is tried at every offset: 12x slower for the 300 studio and licensor names.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    parts = []
    for first, rests in groups.items():
        lead = re.escape(first)
        check = f"(?<={before}{lead})" if before else ""
        parts.append(f"{lead}{check}(?:{'|'.join(rests)})")
    return "(?:" + "|".join(parts) + ")"


def _group_word_starts(alts: list[str]) -> str:
    """Alternatives rejoined with each run of ``\\b``-led ones as one ``\\b(?:...)`` group.

    Order is kept, so every search returns the same match: ``\\ba|\\bb|^c`` -> ``\\b(?:a|b)|^c``.
    """
    out: list[str] = []
    run: list[str] = []
    for alt in [*alts, ""]:
        if alt.startswith("\\b") and alt != "":
            run.append(alt[2:])
            continue
        if len(run) > 1:
            out.append("\\b(?:" + "|".join(run) + ")")
        else:
            out.extend("\\b" + r for r in run)
        run = []
        out.append(alt)
    return "|".join(out[:-1])


# -- the literal prefilter --------------------------------------------------------------------
# Every LoweredPattern knows strings one of which each of its matches must contain (its
# "required literals", read from the parsed regex). One Aho-Corasick pass over a lowered text
# finds which of all the patterns' literals it holds; a pattern none of whose literals is there
# cannot match, and is not run. Patterns added to this module later join by construction.
MIN_LITERAL = 2  # characters: a one-character literal occurs in nearly every sentence
# Shorter texts (the windows the rules cut around a date or a season) are searched directly:
# below this length one regex search costs less than the automaton pass (bench_claims.py).
PREFILTER_MIN_CHARS = 48
# Longer texts (a whole article) hold most literals: the automaton pass would cost more than the
# search it could save (0.3 ms for a 5 KB article); sentences are cut at 600 characters.
PREFILTER_MAX_CHARS = 1000
# In a window, "lit in text" for up to this many literals costs less than the regex search:
# 17 literals, 3 µs against 12 µs for ANCHOR_BEFORE on a 40-character window.
WINDOW_MAX_LITERALS = 32
_ZERO_WIDTH = frozenset({_C.AT, _C.ASSERT, _C.ASSERT_NOT})
_REPEATS = frozenset({_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT})


def required_literals(source: str, flags: int = 0) -> frozenset[str]:
    """Strings one of which every match of ``source`` contains; empty when none is certain.

    ``\\bcould\\b|\\bpossib(?:le|ly)\\b`` -> {"could", "possib"}; ``\\w+ly`` -> {"ly"}.
    """
    return _required_of_tree(_parser.parse(source, flags & ~re.IGNORECASE))


def _required_of_tree(tree: Any) -> frozenset[str]:
    """``required_literals`` of a parsed pattern."""
    if tree.state.flags & re.IGNORECASE:  # an inline (?i) makes every literal caseless
        return frozenset()
    return frozenset(_sequence_literals(list(tree)) or ())


def _sequence_literals(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best required-literal set of a sequence of regex nodes (longest shortest string)."""
    best: set[str] | None = None
    run: list[str] = []
    for op, av in items + [(None, None)]:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        if op in _ZERO_WIDTH:
            continue  # "a\\bb" still holds "ab"
        if run:
            best = _better(best, {"".join(run)})
            run = []
        if op is not None:
            best = _better(best, _node_literals(op, av))
    return best


def _node_literals(op: Any, av: Any) -> set[str] | None:
    """The required-literal set of one regex node, or None when it needs no literal."""
    if op is _C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _sequence_literals(list(sub))
    if op is _C.BRANCH:
        sets = [_sequence_literals(list(b)) for b in av[1]]
        return None if any(s is None for s in sets) else set().union(*sets)  # type: ignore[arg-type]
    if op in _REPEATS:
        low, _high, sub = av
        return _sequence_literals(list(sub)) if low >= 1 else None
    if op is _C.ATOMIC_GROUP:
        return _sequence_literals(list(av))
    return None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two literal sets: longer shortest string, then fewer strings."""
    if b is None or min(map(len, b)) < MIN_LITERAL:
        return a
    if a is None:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


class _LiteralIndex:
    """All patterns' required literals in one automaton built when first needed.

    A literal's id is the literal itself: the automaton hands back the matched strings
    (``find_matches_as_strings``), and a set of them costs half what (index, start, end) tuples
    turned into a set of numbers cost (0.31 against 0.56 ms for the sentences of a 5 KB article,
    whose ~1,600 overlapping matches are mostly "th", "on", "the")."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.automaton: AhoCorasick | None = None

    def register(self, literals: frozenset[str]) -> frozenset[str]:
        """The ids of ``literals`` (new ones are added and the automaton rebuilt on next use)."""
        for lit in literals:
            if lit not in self.ids:
                self.ids[lit] = lit
                self.automaton = None
                _TEXTS.entries.clear()
        return frozenset(literals)

    def present(self, low: str) -> frozenset[str]:
        """The ids of the literals that occur in ``low`` (overlaps included)."""
        if self.automaton is None:
            self.automaton = AhoCorasick(
                list(self.ids), matchkind=MatchKind.Standard, store_patterns=True
            )
        try:
            return frozenset(self.automaton.find_matches_as_strings(low, True))
        except UnicodeEncodeError:  # a lone surrogate: U+FFFD keeps every offset in place
            low = _LONE_SURROGATE.sub("\ufffd", low)
            return frozenset(self.automaton.find_matches_as_strings(low, True))


_LITERALS = _LiteralIndex()
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FILTER = [True]  # switched off by ``unfiltered()``


class _TextCache:
    """Lowered texts and the literals they hold, for the texts the rules ask about.

    The automaton pass is made on a text's second request: a sentence is asked about by many
    patterns, while most clause and window slices are asked about once (for them the pass would
    cost more than the one search it could save); a whole article is only lowered. Emptied when
    full, a cheap bound."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Any]] = {}  # text -> [lowered, literal ids or None]

    def get(self, text: str, now: bool = False) -> tuple[str, frozenset[str] | None]:
        """``text`` lowered, and its literal ids once asked twice (or ``now``); None: unknown."""
        entry = self.entries.get(text)
        if entry is None:
            if len(self.entries) >= LOWER_CACHE:
                self.entries.clear()
            entry = self.entries[text] = [text.lower(), None]
            if not now:
                return entry[0], None
        if (
            entry[1] is None
            and len(entry[0]) == len(text)
            and (now or len(text) <= PREFILTER_MAX_CHARS)
        ):
            entry[1] = _LITERALS.present(entry[0])
        return entry[0], entry[1]


_TEXTS = _TextCache()
_ENTRY = _TEXTS.entries.get  # (the dict is emptied in place, never replaced)


def register_literals(words: tuple[str, ...] | list[str]) -> frozenset[str]:
    """Add lower-case ``words`` to the prefilter's automaton; their ids for ``literals_in``."""
    return _LITERALS.register(frozenset(words))


def prepare(texts: Iterable[str]) -> None:
    """Lower ``texts`` (an article's sentences) and find their literals now, so that every
    pattern asked about one skips it or searches only at its leading strings from the first
    question on (asked once, a text is otherwise lowered and searched in full)."""
    for text in texts:
        if len(text) <= PREFILTER_MAX_CHARS:
            _TEXTS.get(text, now=True)


def literals_in(text: str) -> frozenset[str] | None:
    """The ids of the registered literals that ``text`` holds once lowered (None when lowering
    changes its length: then nothing may be skipped)."""
    return _TEXTS.get(text, now=True)[1]


@contextmanager
def unfiltered() -> Iterator[None]:
    """Run every pattern without the literal prefilter (tests compare the two)."""
    _FILTER[0] = False
    try:
        yield
    finally:
        _FILTER[0] = True


class LoweredPattern:
    """A case-insensitive pattern run case-sensitively on lowered text: 3-5x faster in CPython's re.

    Offsets stay valid because lowering keeps the length for the scripts the rules read; when it
    does not (a dotted capital I), the ordinary case-insensitive pattern is used instead. A text
    holding none of the pattern's required literals is answered without running the regex.
    """

    def __init__(self, source: str, flags: int) -> None:
        self.pattern: str = source
        self._fast: re.Pattern[str] = re.compile(source, flags & ~re.IGNORECASE)
        self._slow: re.Pattern[str] = re.compile(source, flags)
        self.literals: frozenset[str] = required_literals(source, flags)
        self._ids: frozenset[str] | None = (
            _LITERALS.register(self.literals) if self.literals else None
        )
        # a window is checked literal by literal (str.find), when there are few of them
        few = len(self.literals) <= WINDOW_MAX_LITERALS
        self._window_literals: tuple[str, ...] = (
            tuple(sorted(self.literals, key=len)) if few else ()
        )
        # the strings every match starts with: a text the prefilter knows is searched only at
        # their offsets (``leads``); None when a match may start anywhere
        self._leads: Leads | None = _leads_of(source, flags)

    def _pick(self, text: str) -> tuple[re.Pattern[str] | None, str, frozenset[str] | None]:
        """The regex and the text to run it on, and the text's literal ids when the prefilter
        knows them (then the regex is the lowered one); (None, text, None) when it cannot match."""
        n = len(text)
        if n < PREFILTER_MIN_CHARS and text not in _TEXTS.entries:  # a window: asked about
            low = text.lower()  # once, not worth a cache entry
            if len(low) != n:
                return self._slow, text, None
            return (None, low, None) if self._lacks(low) else (self._fast, low, None)
        low, present = _TEXTS.get(text)  # (an article is lowered once, never scanned)
        if len(low) != n:
            return self._slow, text, None
        if present is None or not _FILTER[0]:
            return self._fast, low, None
        ids = self._ids
        if ids is not None and ids.isdisjoint(present):
            return None, low, None
        return self._fast, low, present

    def _lacks(self, window: str) -> bool:
        """True when a short lowered text holds none of the pattern's (few) literals."""
        lits = self._window_literals
        if not lits or not _FILTER[0]:
            return False
        for lit in lits:  # noqa: SIM110 (any() over a generator costs more: 24 windows an article)
            if lit in window:
                return False
        return True

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like re.Pattern.search (match offsets refer to ``text``; groups come from the lowered text)."""
        entry = _ENTRY(text)
        if entry is not None and entry[1] is not None and _FILTER[0]:  # a known sentence: inline
            present = entry[1]
            ids = self._ids
            if ids is not None and ids.isdisjoint(present):
                return None
            leads = self._leads
            if leads is None:
                return self._fast.search(entry[0], pos, endpos)
            return leads.search(self._fast, entry[0], present, pos, endpos)
        rx, low, present = self._pick(text)
        if rx is None or present is None:
            return rx.search(low, pos, endpos) if rx is not None else None
        if self._leads is not None:
            return self._leads.search(self._fast, low, present, pos, endpos)
        return self._fast.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like re.Pattern.match."""
        rx, t, _ = self._pick(text)
        return rx.match(t, pos, endpos) if rx is not None else None

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """Like re.Pattern.finditer."""
        rx: re.Pattern[str] | None
        entry = _ENTRY(text)
        if entry is not None and entry[1] is not None and _FILTER[0]:  # a known sentence: inline
            present = entry[1]
            ids = self._ids
            if ids is not None and ids.isdisjoint(present):
                return iter(())
            rx, t = self._fast, entry[0]
        else:
            rx, t, present = self._pick(text)
        if rx is None:
            return iter(())
        if present is not None and self._leads is not None:
            offsets = self._leads.offsets(t, present, pos, endpos)
            if offsets is not None:
                return finditer_at(rx, t, offsets, pos, endpos)
        return rx.finditer(t, pos, endpos)

    def findall(self, text: str) -> list[Any]:
        """Like re.Pattern.findall."""
        rx, t, _ = self._pick(text)
        return rx.findall(t) if rx is not None else []


def _leads_of(source: str, flags: int) -> Leads | None:
    """The leading strings of a lowered pattern, the longer ones added to the prefilter."""
    found = leading_literals(source, flags & ~re.IGNORECASE)
    if found is None:
        return None
    literals, at_start = found
    _LITERALS.register(frozenset(lit for lit in literals if len(lit) >= MIN_LITERAL))
    return Leads(literals, at_start, _LITERALS.ids, _lead_needs(source, flags & ~re.IGNORECASE))


def _lead_needs(source: str, flags: int) -> dict[str, list[frozenset[str]]]:
    """Each leading string's alternatives' required literals (added to the prefilter), the
    alternatives of a ``\\b(?:a|b|...)`` read one by one; empty when some alternative has no
    leading strings."""
    alts: list[str] = []
    for alt in split_alternatives(source):
        inner = alt[5:-1] if alt.startswith("\\b(?:") and alt.endswith(")") else ""
        try:
            _parser.parse(inner, flags)  # a group closing before the end is not the alternative
        except re.error:
            inner = ""
        alts.extend(["\\b(?:" + a + ")" for a in split_alternatives(inner)] if inner else [alt])
    if len(alts) < 2:  # one alternative: its literals are the pattern's, the prefilter's test
        return {}
    needs: dict[str, list[frozenset[str]]] = {}
    for alt in alts:
        try:
            tree = _parser.parse(alt, flags)  # (parsed once for both questions)
        except re.error:  # an alternative that refers to another's group: no conditions
            return {}
        found = leading_of_tree(tree)
        if found is None:
            return {}
        required = _LITERALS.register(_required_of_tree(tree))
        for lit in found[0]:  # (a literal within the leading string itself: no condition)
            cond = frozenset() if any(r in lit for r in required) else required
            needs.setdefault(lit, []).append(cond)
    return needs
