"""Leading literals: a pattern searched only where one of its leading strings occurs must find
exactly what ``re`` finds searching every offset."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from seasoncheck.claims import patterns as P
from seasoncheck.claims.leads import Leads, finditer_at, leading_literals


def test_leading_literals_of_typical_rules() -> None:
    assert leading_literals(r"\bcould\b|\bmight\b") == ({"could", "might"}, False)
    # look-behinds and \b are zero-width: the literal after them leads
    assert leading_literals(r"(?<!will )\breturn(?:s|ed)?\b") == ({"return"}, False)
    # an optional group leads, or what follows it
    assert leading_literals(r"(?:the\s+)?sequel") == ({"the", "sequel"}, False)
    # the parser factors "w" out of "was|were": the leading string is lengthened again
    assert leading_literals(r"\b(?:was|were) going\b") == ({"was", "were"}, False)
    # a "^" branch can only match at offset 0
    assert leading_literals(r"\bfake\b|^no,") == ({"fake"}, True)
    assert leading_literals(r"[,;]\s+but") == ({",", ";"}, False)


def test_no_leading_literal_when_a_match_may_start_anywhere() -> None:
    assert leading_literals(r"\w+ly\b") is None
    assert leading_literals(r"\bseason\b|\d{4}") is None  # one branch starts with any digit
    assert leading_literals(r"(?:the )?") is None  # may match the empty string
    assert leading_literals(r"(?i:season)") is None  # caseless inside: not a literal
    assert leading_literals(r"^no", re.MULTILINE) is None  # "^" after every newline


def _leads_for(source: str) -> tuple[re.Pattern[str], Leads]:
    """The compiled pattern and its leads, every leading string looked for with str.find."""
    found = leading_literals(source)
    assert found is not None
    return re.compile(source), Leads(found[0], found[1], {})


_SOURCES = [
    r"\bcould\b|\bmight\b|\b(?:is|are|was|were)\s+expected\b",
    r"\bno (?:\w+ ){0,3}(?:date|trailer)\b|^no,\s+\w+|\bnot (?:yet )?confirmed\b",
    r"(?:the\s+)?(?:new\s+)?season(?:\s+\d)?",
    r"[,;]\s*(?:which|who)\b[^,;]*",
    r"ab|aab|b",
]
_WORDS = st.sampled_from(
    ["could", "might", "is", "was", "were", "expected", "no", "no,", "date", "not", "yet",
     "confirmed", "the", "new", "season", "2", ",", ";", "which", "who", "a", "ab", "aab", "b"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=30), st.integers(0, 20), st.integers(0, 200))
def test_matches_at_leads_equal_a_full_search(words: list[str], pos: int, end: int) -> None:
    text = " ".join(words)
    for source in _SOURCES:
        rx, leads = _leads_for(source)
        m = leads.search(rx, text, frozenset(), pos, end)
        want = rx.search(text, pos, end)
        assert (m and m.span()) == (want and want.span()), source
        # the same with every leading string known to the automaton and present in the text
        found = leading_literals(source)
        assert found is not None
        ids = {lit: i for i, lit in enumerate(sorted(found[0]))}
        known = Leads(found[0], found[1], ids)
        present = frozenset(i for lit, i in ids.items() if lit in text)
        m = known.search(rx, text, present, pos, end)
        assert (m and m.span()) == (want and want.span()), source
        offsets = leads.offsets(text, frozenset(), pos, end)
        if offsets is not None:
            got = [x.span() for x in finditer_at(rx, text, offsets, pos, end)]
            assert got == [x.span() for x in rx.finditer(text, pos, end)], source


def test_a_prepared_sentence_is_searched_at_its_leads_with_the_same_answers() -> None:
    text = "Fans could see the second season, which was expected in 2025, but nothing is confirmed."
    P.prepare([text])
    for rx in (P.HEDGE, P.ABSENCE, P.RENEWAL, P.FUTURE, P.PAST_SEASON):
        got = (rx.search(text), [m.span() for m in rx.finditer(text)])
        with P.unfiltered():
            want = (rx.search(text), [m.span() for m in rx.finditer(text)])
        assert (got[0] and got[0].span(), got[1]) == (want[0] and want[0].span(), want[1])
    assert P.HEDGE.search(text) is not None  # "could"
    assert P.LEAK.search(text) is None
