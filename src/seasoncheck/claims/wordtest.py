"""A yes/no search of a ``\\b(?:word|word|...)`` pattern over a span of a lowered text, answered
from the words the span holds (the literal prefilter's pass) instead of at every offset."""

from __future__ import annotations

import re

from seasoncheck.claims.fastregex import register_literals, split_alternatives
from seasoncheck.claims.leads import leading_literals

_DIGIT = re.compile(r"\d")


class WordTest:
    """``rx.search(low, start, end) is not None`` for ``rx`` = ``\\b(?:alt|alt|...)`` (case as in
    the lowered text), answered from the literals the span's text holds: re tries such a pattern
    at every offset (22K instructions a sentence for the 97 cue words), while the ASCII words
    that lead its alternatives occur a few times a sentence. Each held word's offsets are tried
    with ``rx.match``; the alternatives no word leads (``\\d{4}``) are searched only when no word
    matched. ``fast`` is ``rx`` rewritten to search faster (same yes/no), used when the span's
    literals are unknown."""

    def __init__(self, rx: re.Pattern[str], fast: re.Pattern[str] | None = None) -> None:
        src = rx.pattern
        inner = src[5:-1] if src.startswith("\\b(?:") and src.endswith(")") else ""
        words: list[str] = []
        rest: list[str] = []
        for alt in split_alternatives(inner):
            found = leading_literals(alt, rx.flags)
            if found is not None and not found[1] and all(w.isascii() for w in found[0]):
                words.extend(found[0])
            else:
                rest.append(alt)
        self._match = (fast or rx).match
        self._search = (fast or rx).search
        rest_rx = re.compile("\\b(?:" + "|".join(rest) + ")", rx.flags) if rest else None
        if not inner:  # not of the form: always search
            rest_rx = fast or rx
        self._rest = rest_rx
        # alternatives that all open with a digit (``\\d{4}``) are tried at the digits only
        self._digits_lead = bool(rest) and all(alt.startswith("\\d") for alt in rest)
        self.ids = register_literals(words) if inner else frozenset()

    def __call__(self, low: str, start: int, end: int, present: frozenset[str] | None) -> bool:
        """True when ``rx`` matches in ``low[start:end]``; ``present``: the literals of that span
        (``literals_in`` of the text it was cut from), or None."""
        if present is None:
            return self._search(low, start, end) is not None
        find, match = low.find, self._match
        for word in self.ids & present:
            at = find(word, start, end)
            while at >= 0:
                if match(low, at, end) is not None:
                    return True
                at = find(word, at + 1, end)
        rest = self._rest
        if rest is None:
            return False
        if not self._digits_lead:
            return rest.search(low, start, end) is not None
        digit = _DIGIT.search(low, start, end)
        while digit is not None:
            if rest.match(low, digit.start(), end) is not None:
                return True
            digit = _DIGIT.search(low, digit.start() + 1, end)
        return False
