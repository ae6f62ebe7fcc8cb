"""Leading literals: strings that every match of a regex starts with.

CPython's ``re`` tries a pattern such as ``\\b(?:could|might|likely|...)`` at every offset of a
text, each alternative in turn: 10-20 µs for a 150-character sentence. When every match must
start with one of a few strings (``could``, ``might``, ...), the matches can only start where
one of them occurs: ``str.find`` finds those offsets and ``re.match`` is tried at each, leftmost
first, which returns the same match as ``re.search`` (the engine tries offsets left to right
and stops at the first that matches; ``\\b`` and look-behinds see the text before the offset in
both). The literal prefilter (``patterns``) says which of the strings a sentence holds at all.
"""

from __future__ import annotations

import re
import re._constants as _C  # the parsed-regex node names (Python 3.11+)
import re._parser as _parser
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import Any

# More candidate offsets than this: one search costs less than the matches at each offset.
MAX_LEADS = 24
# Leading strings shorter than this are lengthened by what follows them, into at most this many.
MIN_EXTEND = 3
MAX_EXTENSIONS = 16
_AT_START = frozenset({_C.AT_BEGINNING, _C.AT_BEGINNING_STRING})
_LOOKS = frozenset({_C.ASSERT, _C.ASSERT_NOT})
_REPEATS = frozenset({_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT})
# (leading strings, may start at offset 0 only via "^", may match the empty string)
_First = tuple[set[str], bool, bool]


def leading_literals(source: str, flags: int = 0) -> tuple[frozenset[str], bool] | None:
    """The strings one of which starts every match of ``source`` (case as written), and whether
    a match may also start at offset 0 by a ``^`` branch; None when some match may start
    anywhere.

    ``\\b(?:could|might)\\b|^no\\b`` -> ({"could", "might"}, True); ``\\w+ly`` -> None.
    """
    return leading_of_tree(_parser.parse(source, flags))


def leading_of_tree(tree: Any) -> tuple[frozenset[str], bool] | None:
    """``leading_literals`` of a parsed pattern (``re._parser.parse``)."""
    if tree.state.flags & (re.IGNORECASE | re.MULTILINE):
        return None  # caseless literals, or "^" after every newline
    first = _first(list(tree))
    if first is None or first[2] or not (first[0] or first[1]):
        return None
    return frozenset(first[0]), first[1]


def _first(items: list[tuple[Any, Any]]) -> _First | None:
    """The leading strings of a sequence of regex nodes."""
    out: set[str] = set()
    at_start = False
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _C.LITERAL:
            j = i
            while j < len(items) and items[j][0] is _C.LITERAL:
                j += 1
            run = "".join(chr(items[k][1]) for k in range(i, j))
            out |= _extended(run, items[j:])
            return out, at_start, False
        if op is _C.AT:
            if av in _AT_START:
                return out, True, False
            i += 1  # \b, \B, $: zero-width
            continue
        if op in _LOOKS:
            i += 1  # a look-ahead or look-behind consumes nothing
            continue
        node = _node_first(op, av)
        if node is None:
            return None
        out |= node[0]
        at_start |= node[1]
        if not node[2]:
            return out, at_start, False
        i += 1
    return out, at_start, True


def _extended(run: str, rest: list[tuple[Any, Any]]) -> set[str]:
    """``run`` lengthened by what must follow it, while short: the parser factors the common
    start out of alternatives (``was|were`` -> ``w(?:as|ere)``), which leaves one letter, and
    ``first_letter_led`` writes a check after the letter (``s(?<=\\bs)(?:econd|ixth)``): the
    zero-width checks consume nothing, so what follows them still follows the run."""
    if len(run) >= MIN_EXTEND or not rest:
        return {run}
    after = _first(rest)
    if after is None or after[1] or after[2] or not after[0] or len(after[0]) > MAX_EXTENSIONS:
        return {run}
    return {run + a for a in after[0]}


def _node_first(op: Any, av: Any) -> _First | None:
    """The leading strings of one regex node (None: any character may lead)."""
    if op is _C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & (re.IGNORECASE | re.MULTILINE) else _first(list(sub))
    if op is _C.BRANCH:
        firsts = [_first(list(b)) for b in av[1]]
        if any(f is None for f in firsts):
            return None
        out: set[str] = set()
        for f in firsts:
            out |= f[0]  # type: ignore[index]
        return out, any(f[1] for f in firsts), any(f[2] for f in firsts)  # type: ignore[index]
    if op in _REPEATS:
        low, _high, sub = av
        f = _first(list(sub))
        return None if f is None else (f[0], f[1], f[2] or low == 0)
    if op is _C.ATOMIC_GROUP:
        return _first(list(av))
    if op is _C.IN and av and all(o is _C.LITERAL for o, _ in av):
        return {chr(c) for _, c in av}, False, False  # a small class: "[,;]"
    return None


class Leads:
    """The leading strings of one pattern, split into those the prefilter's automaton reports
    (``ids``) and those looked for every time (one character long)."""

    def __init__(
        self,
        literals: frozenset[str],
        at_start: bool,
        ids: Mapping[str, Hashable],
        needs: Mapping[str, Sequence[frozenset[Hashable]]] | None = None,
    ) -> None:
        self.at_start = at_start
        self.by_id = {ids[lit]: lit for lit in literals if lit in ids}
        self.ids = frozenset(self.by_id)
        self.always = tuple(sorted(lit for lit in literals if lit not in ids))
        self.plain = not (at_start or self.always)  # every leading string is in the automaton
        # a leading string whose every alternative needs literals (``needs``: each alternative's
        # required literal ids) is looked for only when one of them is present: "season" leads
        # "season ... has been cancelled", pointless in a sentence without " been "
        self.cond: dict[Hashable, tuple[frozenset[Hashable], ...]] = {}
        for lit, reqs in (needs or {}).items():
            if lit in ids and all(reqs):
                self.cond[ids[lit]] = tuple(reqs)

    def _needed(
        self, hit: frozenset[Hashable], present: frozenset[Hashable]
    ) -> frozenset[Hashable]:
        """The leading ids of ``hit`` some alternative of which may match in a text holding
        ``present``."""
        cond = self.cond
        out = []
        for i in hit:
            reqs = cond.get(i)
            if reqs is None:
                out.append(i)
                continue
            for req in reqs:
                if not req.isdisjoint(present):
                    out.append(i)
                    break
        return frozenset(out)

    def offsets(
        self, low: str, present: frozenset[Hashable], pos: int, endpos: int
    ) -> list[int] | None:
        """The sorted offsets in [pos, endpos) where a match may start; None when too many."""
        by_id = self.by_id
        hit = self.ids & present
        if self.cond:
            hit = self._needed(hit, present)
        lits = [by_id[i] for i in hit]
        if self.always:
            lits += self.always
        return _offsets(low, lits, pos, endpos, [0] if self.at_start and pos == 0 else [])

    def search(
        self, rx: re.Pattern[str], low: str, present: frozenset[Hashable], pos: int, endpos: int
    ) -> re.Match[str] | None:
        """``rx.search(low, pos, endpos)``, trying only the offsets of the leading strings that
        ``present`` (the literal ids of ``low``) holds. One such string, the usual case, is
        walked with str.find directly."""
        if self.plain:
            hit = self.ids & present
            if self.cond:
                hit = self._needed(hit, present)
            if not hit:
                return None
            if len(hit) == 1:
                (i,) = hit
                lit = self.by_id[i]
                find, match = low.find, rx.match
                at = find(lit, pos, endpos)
                while at >= 0:
                    m = match(low, at, endpos)
                    if m is not None:
                        return m
                    at = find(lit, at + 1, endpos)
                return None
            by_id = self.by_id
            offsets = _offsets(low, [by_id[i] for i in hit], pos, endpos, [])
        else:
            offsets = self.offsets(low, present, pos, endpos)
        if offsets is None:
            return rx.search(low, pos, endpos)
        match = rx.match
        for at in offsets:
            m = match(low, at, endpos)
            if m is not None:
                return m
        return None


def _offsets(
    low: str, lits: list[str], pos: int, endpos: int, found: list[int]
) -> list[int] | None:
    """``found`` plus every offset of ``lits`` in low[pos:endpos], sorted; None when too many."""
    find = low.find
    for lit in lits:
        at = find(lit, pos, endpos)
        while at >= 0:
            found.append(at)
            at = find(lit, at + 1, endpos)
        if len(found) > MAX_LEADS:
            return None
    if len(found) > 1:
        found = sorted(set(found))
    return found


def finditer_at(
    rx: re.Pattern[str], low: str, offsets: list[int], pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """``rx.finditer``'s matches, tried only at ``offsets``: each search resumes where the last
    match ended, so offsets inside a match are skipped."""
    match = rx.match
    last = -1
    for at in offsets:
        if at < last:
            continue
        m = match(low, at, endpos)
        if m is None:
            continue
        if m.end() == at:  # an empty match: leave the stepping rules to re itself
            yield from rx.finditer(low, at, endpos)
            return
        yield m
        last = m.end()
