"""Patterns rewritten so that re skips through a text find exactly what they found as written.

CPython's re tries a pattern that opens with ``\\b``, a look-behind, a repeat or an alternation
at every offset of a text; opened with a class or a literal, it skips to the candidates. Each
rewrite below is compared with the pattern as it was written, match for match (spans and
groups), from every start offset, on texts drawn from the characters the pattern reads.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seasoncheck.claims import candidates, cues, segment
from seasoncheck.claims import patterns as P
from seasoncheck.link import openworld, titleruns

# (the package's ``attach`` is the function of that module)
attach = importlib.import_module("seasoncheck.claims.attach")


def _same_matches(written: re.Pattern[str], fast: re.Pattern[str], text: str) -> None:
    """``fast`` finds what ``written`` finds, from every start offset (spans and groups)."""
    for pos in range(len(text) + 1):
        got = [(m.span(), m.groups()) for m in fast.finditer(text, pos)]
        assert got == [(m.span(), m.groups()) for m in written.finditer(text, pos)]
        a, b = written.match(text, pos), fast.match(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def _texts(alphabet: list[str], size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(alphabet), max_size=size).map("".join)


QUOTED = re.compile(r"(?:[“\"「『]|(?<!\w)['‘])([^“”\"‘’「」『』\n]{2,60}?)[”\"’'」』](?!\w)")


@settings(max_examples=1500, deadline=None)
@given(_texts(["“", "”", '"', "「", "」", "『", "』", "'", "‘", "’", "a", "Ab", " ", "\n", "x1"]))
def test_quoted_title_scan_finds_what_the_written_pattern_finds(text: str) -> None:
    _same_matches(QUOTED, openworld._QUOTED, text)


BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•¿¡])")


@settings(max_examples=1500, deadline=None)
@given(_texts([".", "!", "?", '"', "'", "”", ")", "]", " ", "\n", "A", "a", "9", "(", "“", "•"]))
def test_sentence_boundary_finds_what_the_written_pattern_finds(text: str) -> None:
    _same_matches(BOUNDARY, segment._BOUNDARY, text)


BANG_AFTER = re.compile(r"(?P<bangs>!+)[ \t]+[A-Z]")


@settings(max_examples=800, deadline=None)
@given(_texts(["!", "!!", " ", "\t", "A", "a", "Wow"]))
def test_bang_scan_finds_what_the_written_pattern_finds(text: str) -> None:
    _same_matches(BANG_AFTER, segment._BANG_AFTER, text)


TITLE_CUTS = re.compile(
    r"!(?!\s+[a-z])|[?;|()\[\]{}\"“”«»「」『』【】\n]|[.,](?=\s|$)|:\s|\s[-–—]\s|(?<!\win)[‘’'](?=\s|$)|(?:^|\s)[‘'](?=\w)"
)
_CUT_ALPHABET = ["!", "?", ";", "(", "]", '"', "“", "「", "\n", ".", ",", ":", " ", "-", "—"]
_CUT_ALPHABET += ["‘", "’", "'", "in", "a", "B", "x"]


@settings(max_examples=3000, deadline=None)
@given(_texts(_CUT_ALPHABET))
def test_title_run_cuts_find_what_the_written_pattern_finds(text: str) -> None:
    _same_matches(TITLE_CUTS, titleruns._BOUNDARY, text)


def test_title_run_cuts_keep_their_readings() -> None:
    text = "'Chillin' in Another World' - Ya Boy! is back, now: yes"
    cuts = [m.group() for m in titleruns._BOUNDARY.finditer(text)]
    # an opening quote, the closing one (not the dropped "g" of "Chillin'"), the dash, no cut at
    # "Boy!" before a lower-case word, the comma, the colon
    assert cuts == ["'", "'", " - ", ",", ": "]


CLAUSE = re.compile(r"[,;:–—]\s+|\s+(?:but|however|though|although|while|whereas)\s+")


@settings(max_examples=1500, deadline=None)
@given(_texts([",", ";", ":", "—", " ", "  ", "\n", "but", "however", "while", "a", "x"]))
def test_clause_split_finds_what_the_written_pattern_finds(text: str) -> None:
    fast = cues._CLAUSE
    assert isinstance(fast, P.LoweredPattern)
    _same_matches(CLAUSE, fast._fast, text)


_NAMES = ["Toho", "TOHO", "Tokyo MX", "Aniplex", "A-1 Pictures", "Kadokawa"]
NAMES_WRITTEN = re.compile(
    r"(?<!via )(?<!on )\b(?:" + "|".join(map(re.escape, _NAMES)) + r")(?!\w)"
)
NAMES_FAST = re.compile(P.first_letter_led(_NAMES, r"(?<!via )(?<!on )\b") + r"(?!\w)")


@settings(max_examples=2000, deadline=None)
@given(_texts(["Toho", "TOHO", "Tokyo", " MX", "Ani", "plex", "A-1 Pictures", "via ", "on ", " "]))
def test_first_letter_led_names_find_what_the_alternation_finds(text: str) -> None:
    _same_matches(NAMES_WRITTEN, NAMES_FAST, text)


def test_name_announces_reads_a_studio_that_announces() -> None:
    assert cues._NAME_ANNOUNCES.search("Aniplex announced a second season.")
    assert not cues._NAME_ANNOUNCES.search("It streams via Aniplex, which announced nothing.")
    assert not cues._NAME_ANNOUNCES.search("XAniplex announced it.")


_CUE_ALPHABET = ["season", "sequel", " ", "x", "go", "2026", "7", "may", "the ", "on its way"]
_CUE_ALPHABET += [".", "A", "renew", "ed", "nope"]


@settings(max_examples=2000, deadline=None)
@given(_texts(_CUE_ALPHABET, 12), _texts(_CUE_ALPHABET, 8), _texts(_CUE_ALPHABET, 8))
def test_cue_word_test_answers_as_the_candidate_search(before: str, span: str, after: str) -> None:
    low = before + span + after
    start, end = len(before), len(before) + len(span)
    written = P.CANDIDATE.search(low, start, end) is not None
    assert candidates._HAS_CANDIDATE(low, start, end, P.literals_in(span)) == written
    assert candidates._HAS_CANDIDATE(low, start, end, None) == written


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the cat sat on the mat.", False), ("the sequel is here.", True), ("in 2026, maybe.", True)],
)
def test_cue_word_test_reads_words_and_years(text: str, expected: bool) -> None:
    assert candidates._HAS_CANDIDATE(text, 0, len(text), P.literals_in(text)) is expected


CROSSLINK = re.compile(
    r"^\W*(?:read more|also read|read also|related|see related|recommended|see also|more news|read next|"
    r"you (?:might|may) also like|must read|don[’']t miss|trending now)\b|"
    r"^\W*(?:tags?|tagged(?: with| in)?|keywords|filed under|categories)\s*:|"
    r"^[^>\n]{1,40}\s>\s+[^>\n]{1,40}\s>\s|"
    r"^(?-i:(?!(?:update|note|source|edit|correction|date|via|by|credit|spoiler|warning|disclaimer|"
    r"disclosure|summary|verdict|claim|rating)\b)[a-z][a-z0-9_.]{3,30})\s*:\s",
    re.I,
)


@settings(max_examples=3000, deadline=None)
@given(_texts([">", " ", "\n", "\t", "Home", "a", "anime news ", "x", ":", "Read more"], 30))
def test_crosslink_lines_are_the_lines_of_the_written_pattern(text: str) -> None:
    _same_matches(CROSSLINK, attach._CROSSLINK, text)


def test_a_breadcrumb_trail_is_a_crosslink_and_a_comparison_is_not() -> None:
    assert attach._CROSSLINK.match("Home > Anime News > Lantern Road gets a second season")
    assert not attach._CROSSLINK.match("Season 2 > season 1, say the fans.")  # one ">"
    # the first ">" too far in for a trail's first step (40 characters at most)
    text = "The studio says the second season of Lantern Road is > 40 minutes > the first."
    assert not attach._CROSSLINK.match(text)


_CREDIT_ALPHABET = ["director ", "Directed by ", "the manga by ", "Novels  by ", "x", " ", "\n"]
_CREDIT_ALPHABET += ["’", "É", "\u212a", "s", "DESIGNER ", "voice actor "]


@settings(max_examples=1500, deadline=None)
@given(_texts(_CREDIT_ALPHABET, 12))
def test_credit_word_before_a_name_reads_as_the_caseless_pattern(text: str) -> None:
    from seasoncheck.link import hitcontext

    for pos in range(len(text) + 1):
        start = max(0, pos - hitcontext.PERSON_WINDOW)
        written = hitcontext._PERSON_BEFORE.search(text, start, pos) is not None
        assert hitcontext._credit_before(text, pos) == written


# A leading string tried only where the rest of its alternative can match: "season" leads only
# "season ... has been cancelled", so a sentence without " been " is not matched at "season".
_CANCELLED = P.caseless(
    r"\b(?:fake\b|(?:season|sequel)\b[^.;]{0,40}?\bhas been cancel+ed\b|no plans? for)|^nope\b"
)
_LEAD_WORDS = ["season", "sequel", "has", "been", "cancelled", "fake", "no", "plans", "for"]
_LEAD_WORDS += ["nope", "x", ".", "Season", "BEEN", "plan"]


def test_the_cancellation_lead_depends_on_been() -> None:
    assert isinstance(_CANCELLED, P.LoweredPattern)
    leads = _CANCELLED._leads
    assert leads is not None
    assert leads.cond == {
        "season": (frozenset({"has been cance"}),),
        "sequel": (frozenset({"has been cance"}),),
    }


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_WORDS), max_size=16).map(" ".join))
def test_conditional_leads_find_what_a_full_search_finds(text: str) -> None:
    P.prepare([text])
    got = (_CANCELLED.search(text), [m.span() for m in _CANCELLED.finditer(text)])
    with P.unfiltered():
        want = (_CANCELLED.search(text), [m.span() for m in _CANCELLED.finditer(text)])
    assert (got[0] and got[0].span(), got[1]) == (want[0] and want[0].span(), want[1])
    assert P.literals_in(text) is not None  # (the prefilter knew the text: the leads were used)


def test_a_dated_column_header_is_a_dateline_and_a_season_header_is_not() -> None:
    from seasoncheck.claims import finders_release as finders

    assert finders._DATELINE.match("Weekend Roundup - Feb. 3, 2027")
    assert finders._DATELINE.match("Daily Notes | Monday, March 1, 2027")
    assert not finders._DATELINE.match("Velvet Harbor Season 2 - Oct. 2, 2027")


@settings(max_examples=1500, deadline=None)
@given(_texts(["may", "May", "x", " ", "_", "1", "é", "mmay", "maybe"]))
def test_lower_case_may_reads_as_the_written_pattern(text: str) -> None:
    _same_matches(re.compile(r"\bmay\b"), P.HEDGE_MAY, text)


AND_FINAL = re.compile(
    r"\b(?P<o>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+and\s+final\s+season\b"
)


@settings(max_examples=1500, deadline=None)
@given(_texts(["second", "sixth", "tenth", "x", "s", " ", " and", " final", " season", "s2"]))
def test_and_final_season_reads_as_the_written_pattern(text: str) -> None:
    from seasoncheck.claims import installments

    fast = installments._AND_FINAL
    assert isinstance(fast, P.LoweredPattern)
    _same_matches(AND_FINAL, fast._fast, text)


def test_first_letter_led_words_keep_their_leading_strings() -> None:
    from seasoncheck.claims.installments import _AND_FINAL
    from seasoncheck.claims.leads import leading_literals

    led = P.first_letter_led(["second", "sixth", "third"], r"\b")
    assert leading_literals(led) == ({"second", "sixth", "third"}, False)
    assert _AND_FINAL.search("The sixth and final season airs in 2027.")


def _normalise_title_as_written(title: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKC", title).lower().replace("\u00d7", " x ")
    s = re.sub(r"[^\w&\u00d7]|_", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@settings(max_examples=3000, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=20))
def test_an_ascii_title_key_is_the_key_of_the_regexes(title: str) -> None:
    from seasoncheck.link.normalise import normalise_title

    assert normalise_title(title) == _normalise_title_as_written(title)


def test_title_keys_of_ascii_and_other_titles() -> None:
    from seasoncheck.link.normalise import normalise_title

    assert normalise_title("Re:Zero -Starting Life_in Another World-") == (
        "re zero starting life in another world"
    )
    assert normalise_title("Kaguya-sama & the ×2 Café") == "kaguya sama & the x 2 café"


@settings(max_examples=3000, deadline=None)
@given(_texts(["Heaven", " Official", "'s", "’s", " ", "\n", "x", "A"], 12))
def test_a_possessor_is_found_only_with_an_apostrophe_s_in_the_last_five_characters(
    text: str,
) -> None:
    from seasoncheck.link import worknames

    end = len(text)
    tail = text[max(0, end - 5) : end]
    if "'s" not in tail and "’s" not in tail:
        assert worknames._POSSESSOR.search(text, max(0, end - 60), end) is None


_STUDIO_NAMES = ["Studio Pierrot", "Pierrot", "MAPPA", "Science SARU", "Trigger", "A-1 Pictures"]
_STUDIO_ALPHABET = ["The ", "the ", "animation ", "Studio ", "studio ", "Pierrot", "MAPPA"]
_STUDIO_ALPHABET += ["Science SARU", "Trigger", "A-1 Pictures", " Studios", "x", " ", "+", "s"]


@settings(max_examples=3000, deadline=None)
@given(_texts(_STUDIO_ALPHABET, 10))
def test_letter_led_studio_names_find_what_the_written_pattern_finds(text: str) -> None:
    from seasoncheck.claims.finders_services import _CODED_NAME, name_regex

    names = _STUDIO_NAMES  # the forms name_regex matches, as it builds them
    forms = {f for n in names for f in (n, n.upper())}
    forms |= {"Studio " + n[7:].upper() for n in names if n.startswith("Studio ")}
    forms |= {n[7:] for n in names if n.startswith("Studio ") and _CODED_NAME.search(n, 7)}
    ordered = sorted(forms, key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in ordered)
    written = re.compile(
        rf"(?:\b(?:[Tt]he\s+)?(?:animation\s+)?[Ss]tudio\s+)?(?<![\w])(?:{alts})(?![\w+])"
        r"(?:\s+[Ss]tudios?\b)?"
    )
    fast = name_regex(_STUDIO_NAMES)
    assert fast is not None
    _same_matches(written, fast, text)


def test_a_pattern_whose_alternative_refers_to_another_group_keeps_plain_leads() -> None:
    # "\2" read alone is no pattern: no conditions are drawn, and the pattern still searches
    rx = P.caseless(r"\b(?:(ab)c|de)\b|x(y)\2")
    assert isinstance(rx, P.LoweredPattern)
    assert rx._leads is None or not rx._leads.cond
    text = "Say XYY or DE."
    P.prepare([text])
    assert [m.span() for m in rx.finditer(text)] == [(4, 7), (11, 13)]
