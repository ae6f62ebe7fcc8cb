"""The speed rewrites of the cue and finder rules answer exactly as the plain regexes did.

Caseless patterns (run on lowered text behind a literal prefilter), remembered clause and aside
spans, and the citation-word gate must give the same spans and verdicts as case-insensitive
``re`` patterns on the same sentences, in every letter case.
"""

from __future__ import annotations

import re

import pytest

from seasoncheck.claims import cues, finders, finders_release, finders_services
from seasoncheck.claims import patterns as P

# Sample sentences written for these tests (news-style, no labelled article's wording).
SENTENCES = [
    "Studio Ironleaf announced the second season of Lantern Road, which premiered in 2022, at a stage event.",
    "According to Example Weekly, the sequel is reportedly planned for a fall 2026 premiere.",
    "No release date, visual or trailer has been shared yet, but the staff said more news is coming.",
    "Insiders claim that a third season is in the works; the publisher has not yet confirmed it.",
    "The company, which co-produces the anime, said the new season will stream on Netflix.",
    "If the leak is accurate, the film could arrive in early 2027.",
    "Fans on Reddit believe the show may return, though nothing official has been revealed.",
    "The soundtrack and the Blu-ray box set will be released in March, per the official website.",
    "The OST and two DVDs went on sale in May 2024, while the series itself was delayed by two cours.",
    "Netflix, which carried the first season, will likely keep it, given that it streamed the OVA.",
    "The key visual, released in March 2025, shows the cast; the anime will premiere in July 2025.",
    "Season 2 was announced at the Expo panel in July and is slated for an April 2026 debut.",
    "Several other fall titles are also moving to 2026, Deadline reported.",
    "The series will now premiere in October instead of the original January slot.",
    "Don't expect the sequel before 2027, as the studio is animating another show.",
    "It will also stream on Hidive, and the platform will simulcast the finale worldwide.",
    "The first two seasons were animated by Studio Pebble and aired on TV Tokyo.",
    "Whether the studio will return remains to be seen; there is no word on a director.",
    "KADOKAWA revealed the new teaser via the official X account on Friday.",
    "Check out our guide to the upcoming anime of 2026 for more news.",
    "There is no trailer yet — however, the production committee confirmed the cast.",
    "The anime adaptation was reportedly pushed back by one cour to the summer.",
    "A new report from Example Daily says the season has been greenlit (per sources close to the studio).",
    "Its April 2023 premiere made it a hit, and it won several awards.",
    "Nothing from the staff, no date and no footage: fans keep waiting for an official update.",
    "As per Japanese media, the Korean outlets wrote that the médias had it first.",
    "İstanbul fans say the sequel is set for winter 2026.",  # lowering changes the length
    "",
]


def _variants(text: str) -> list[str]:
    """``text`` in the letter cases news headlines and shouting captions use."""
    return [text, text.upper(), text.title(), text.swapcase(), text.lower()]


ALL_TEXTS = [v for s in SENTENCES for v in _variants(s)]


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every match span of ``rx`` in ``text``."""
    return [m.span() for m in rx.finditer(text)]


CUES_CASELESS = [
    "_CLAUSE",
    "_OPENS_WITH_NO",
    "_IF_BEFORE",
    "_CONTRAST",
    "_NO_LIST_HEAD",
    "_LIST_TAIL",
    "_ASIDE",
]
FINDERS_CASELESS = ["_SHIFT"]
RELEASE_CASELESS = [
    "_ANNOUNCE_DATE_BEFORE", "_ANNOUNCED_AT", "_TRAILER_DATE", "_PROMO_OBJECT", "_OTHER_PRODUCT",
    "_INSTALLMENT_WORD", "_PAST_MAIN_AFTER", "_EARLIER_INSTALLMENT", "_ANNOUNCE_DATE_AFTER",
    "_NOT_EXPECTED", "_NOW_BEFORE", "_OTHER_WORKS", "_ANNOUNCED_FOR", "_ANNOUNCED_WORD",
    "_PREMIERE_NOUN_AFTER", "_READ_MORE",
]  # fmt: skip
SERVICES_CASELESS = [
    "_STRONG_TIE", "_STUDIO_WILL", "_EARLIER_SEASONS", "_STREAMS_AGAIN", "_SERVICE_DID", "_WERE_DONE",
]  # fmt: skip


@pytest.mark.parametrize(
    ("module", "name"),
    [(cues, n) for n in CUES_CASELESS]
    + [(finders, n) for n in FINDERS_CASELESS]
    + [(finders_release, n) for n in RELEASE_CASELESS]
    + [(finders_services, n) for n in SERVICES_CASELESS],
)
def test_caseless_pattern_finds_what_re_ignorecase_finds(module: object, name: str) -> None:
    """Search, match and finditer give the spans of the same source compiled with re.I, whole
    text and windows alike (short windows take the literal-by-literal path)."""
    fast = getattr(module, name)
    assert isinstance(fast, P.LoweredPattern)
    assert not re.search(r"[A-Z]", re.sub(r"\\.|\(\?P<\w+>", "", fast.pattern))  # lower-case rules
    plain = re.compile(fast.pattern, re.IGNORECASE)
    for text in ALL_TEXTS:
        assert _spans(fast, text) == _spans(plain, text), text
        for lo, hi in ((0, 30), (10, 70), (len(text) // 2, len(text))):
            window = text[lo:hi]
            got, want = fast.search(window), plain.search(window)
            assert (got and got.span()) == (want and want.span()), window
            got, want = fast.match(text, lo, hi), plain.match(text, lo, hi)
            assert (got and got.span()) == (want and want.span()), (text, lo, hi)


def test_caseless_patterns_agree_with_the_prefilter_off() -> None:
    """The literal prefilter only skips searches that could not match."""
    pats = (
        [getattr(cues, n) for n in CUES_CASELESS]
        + [getattr(finders, n) for n in FINDERS_CASELESS]
        + [getattr(finders_release, n) for n in RELEASE_CASELESS]
    )
    filtered = [[_spans(rx, t) for rx in pats] for t in ALL_TEXTS]
    with P.unfiltered():
        assert filtered == [[_spans(rx, t) for rx in pats] for t in ALL_TEXTS]


def test_other_product_keeps_capitalised_product_words() -> None:
    """'OST', 'DVDs' and 'Blu-ray' (written in capitals in the rule) still name a product."""
    before = "The OST and two DVDs come out in "
    m = finders_release._OTHER_PRODUCT.search(before)
    assert m is not None and m.start() == before.index("OST")
    assert finders_release._other_product("The Blu-ray box set will be released in ")
    assert not finders_release._other_product("The second season will premiere in ")


def _blank_asides_by_sub(text: str) -> str:
    """The original aside blanking: re.sub with the case-insensitive pattern."""
    if "," not in text and "(" not in text:
        return text
    rx = re.compile(cues._ASIDE.pattern, re.IGNORECASE)
    return rx.sub(lambda m: " " * len(m.group()), text)


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_blank_asides_matches_the_substitution(text: str) -> None:
    """Asides are blanked at the same offsets, the rest of the text kept in its own case."""
    assert cues.blank_asides(text) == _blank_asides_by_sub(text)


def test_blank_asides_blanks_a_relative_clause() -> None:
    """'Drive, which took over for the third season, will animate it': the aside is spaces."""
    text = "Drive, which took over for the third season, will animate it."
    out = cues.blank_asides(text)
    assert len(out) == len(text)
    assert out.startswith("Drive ") and "third" not in out and out.endswith(", will animate it.")


def test_clauses_are_fresh_lists_with_the_same_spans() -> None:
    """The remembered clause spans come back as a new list each time (callers may change it)."""
    text = "No date yet, but the staff, however, confirmed the cast — the show returns."
    first = cues.clauses(text)
    assert first == [(0, 11), (13, 26), (28, 35), (37, 56), (58, len(text))]
    first.append((0, 0))
    assert cues.clauses(text) == [(0, 11), (13, 26), (28, 35), (37, 56), (58, len(text))]


_MEDIA_OR_AFTER = [P.MEDIA, cues._OUTLET_AFTER]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_citation_gate_never_hides_a_citation(text: str) -> None:
    """A sentence the outlet patterns match always passes the citation-word gate."""
    if any(rx.search(text) for rx in _MEDIA_OR_AFTER):
        assert cues._may_cite(text)


def test_citation_gate_skips_a_plain_sentence() -> None:
    """A sentence with no citation word is answered without the outlet patterns."""
    assert not cues._may_cite("The second season will premiere in October on television.")
    assert cues.media_outlet("The second season will premiere in October on television.") is None


@pytest.mark.parametrize(
    ("text", "status", "attribution"),
    [
        ("According to Example Weekly, the sequel is reportedly planned.", "reported", "media"),
        ("Insiders claim a third season is in the works.", "reported", "leak"),
        ("The studio officially announced the second season.", "confirmed", "official"),
        (
            "KADOKAWA announced that the second season will premiere in April.",
            "confirmed",
            "official",
        ),
        ("The show could return in 2027.", "speculated", "none"),
        ("The second season will premiere in April, Deadline reported.", "confirmed", "media"),
        ("THE SECOND SEASON WILL PREMIERE IN APRIL.", "confirmed", "none"),
    ],
)
def test_sentence_source_verdicts(text: str, status: str, attribution: str) -> None:
    """Status and attribution of hand-checked sentences (cited outlet, leak, official, hedge)."""
    cues.sentence_source.cache_clear()
    assert cues.sentence_source(text) == cues.Source(status, attribution)
